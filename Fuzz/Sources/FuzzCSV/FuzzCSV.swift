import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis
import Cartography
import Jobs
import FuzzSupport

/// The CSV layer and the event reader over it: every input either throws a GeoDataError (unusable header)
/// or yields one event or reject per row, and the counts add up.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let path = ScratchFile.write(data, size, name: "input.csv")
    if let reader = try? CSVReader(path: path, maxFieldBytes: 4096) {
        for _ in reader {}
    }
    for delimiter in [UInt8(ascii: ","), UInt8(ascii: ";"), 9] {
        guard let reader = try? EventReader(path: path, format: .csv(delimiter: delimiter)) else { continue }
        var rows = 0
        for _ in reader { rows += 1 }
        let summary = reader.summary
        precondition(summary.rowsRead == rows && summary.events + summary.rejects == rows, "events + rejects != rows")
    }
    return 0
}

@main enum Main {
    static func main() { runLibFuzzer(fuzzCSV) }
}
