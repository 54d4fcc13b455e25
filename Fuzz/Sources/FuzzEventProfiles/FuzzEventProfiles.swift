import EventModel
import EventFormats
import FuzzSupport

/// Source profiles (ACLED, UCDP GED, GTD, EventMapper's own output, generic): the first byte picks a real header
/// (ACLED, ACLED 2019, UCDP GED from HDX, GTD, an analyst's log, a generic file) and the rest of the input becomes
/// the rows under it; a first byte past the list reads the input as a whole file, header included, so detection
/// sees arbitrary headers too. The second byte picks the reading options: the profile (recognised or forced), the
/// day/month order and the encoding. Every row becomes an event or a reject, and the counts add up.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEventProfiles(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 1 else { return 0 }
    let layouts = SourceLayouts.headers
    let choice = Int(data[0]) % (layouts.count + 1)
    let settings = Int(data[1])
    var options = ReadOptions()
    // Bits 0–2: the profile (0 recognised from the header, 1… forced); bits 3–4: the date order; bits 5–6: the encoding.
    let profiles = SourceProfileKind.allCases
    let profile = settings & 7
    options.profile = (1...profiles.count).contains(profile) ? profiles[profile - 1] : nil
    options.dateOrder = [nil, DateOrder.dmy, .mdy, nil][(settings >> 3) & 3]
    options.encoding = TextEncoding.allCases[((settings >> 5) & 3) % TextEncoding.allCases.count]
    var bytes: [UInt8] = []
    if choice < layouts.count { bytes = Array(layouts[choice].header.utf8) + [10] }
    bytes += UnsafeBufferPointer(start: data + 2, count: size - 2)
    let path = bytes.withUnsafeBufferPointer { ScratchFile.write($0.baseAddress!, $0.count, name: "events.csv") }
    guard let reader = try? EventReader(path: path, options: options) else { return 0 }
    var rows = 0
    for _ in reader { rows += 1 }
    let summary = reader.summary
    precondition(summary.rowsRead == rows && summary.events + summary.rejects == rows, "events + rejects != rows")
    return 0
}

@main enum Main {
    static func main() { runLibFuzzer(fuzzEventProfiles) }
}
