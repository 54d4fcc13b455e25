import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis
import Cartography
import Jobs
import FuzzSupport
import GeoKit

nonisolated(unsafe) private let context = GEOSContext()  // libFuzzer calls in on one thread

/// GeoJSONFeatureReader (boundary and district layers): parse, then touch each geometry the way
/// `geodata import` does (validity, repair, envelope).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGeoJSONFeatures(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let path = ScratchFile.write(data, size, name: "input.geojson")
    guard let features = try? GeoJSONFeatureReader.read(path: path, in: context) else { return 0 }
    for feature in features {
        guard let geometry = feature.geometry else { continue }
        _ = geometry.envelope
        if !geometry.isValid { _ = try? geometry.makeValid() }
    }
    return 0
}

@main enum Main {
    static func main() { runLibFuzzer(fuzzGeoJSONFeatures) }
}
