import EventModel
import EventFormats
import FuzzSupport

/// Rows of the public event sources: the first byte picks a real header (ACLED, ACLED 2019, UCDP GED, GTD, a
/// generic log) and the rest of the input becomes the rows under it; a first byte past the list reads the input as
/// a whole file, header included, so the source detection sees arbitrary headers too. Every row becomes an event
/// or a reject, and the counts add up.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEventProfiles(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let layouts = SourceLayouts.headers
    let choice = Int(data[0]) % (layouts.count + 1)
    var bytes: [UInt8] = []
    if choice < layouts.count { bytes = Array(layouts[choice].header.utf8) + [10] }
    bytes += UnsafeBufferPointer(start: data + 1, count: size - 1)
    let path = bytes.withUnsafeBufferPointer { ScratchFile.write($0.baseAddress!, $0.count, name: "events.csv") }
    guard let reader = try? EventReader(path: path) else { return 0 }
    var rows = 0
    for _ in reader { rows += 1 }
    let summary = reader.summary
    precondition(summary.rowsRead == rows && summary.events + summary.rejects == rows, "events + rejects != rows")
    return 0
}

@main enum Main {
    static func main() { runLibFuzzer(fuzzEventProfiles) }
}
