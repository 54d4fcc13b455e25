import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis
import Cartography
import Jobs
import FuzzSupport

/// The event reader's JSON paths: a GeoJSON/JSON document and JSON Lines.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEventJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    for (name, format) in [("input.geojson", EventFileFormat.jsonDocument), ("input.jsonl", .jsonLines)] {
        let path = ScratchFile.write(data, size, name: name)
        guard let reader = try? EventReader(path: path, format: format) else { continue }
        var rows = 0
        for _ in reader { rows += 1 }
        let summary = reader.summary
        precondition(summary.events + summary.rejects == rows, "events + rejects != rows")
    }
    return 0
}

@main enum Main {
    static func main() { runLibFuzzer(fuzzEventJSON) }
}
