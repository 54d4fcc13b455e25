import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis
import Cartography
import Jobs
import FuzzSupport
import Foundation

/// NameNormalizer and the name geocoder over the committed gazetteer (GeoData/ beside this package,
/// or EVENTMAP_GEODATA).
private let geocoder: NameGeocoder = {
    let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    let directory = ProcessInfo.processInfo.environment["EVENTMAP_GEODATA"] ?? here.appendingPathComponent("GeoData").path
    return NameGeocoder(gazetteer: try! Gazetteer.load(directory: directory))
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNames(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let key = NameNormalizer.key(text)
    precondition(NameNormalizer.key(key) == key, "key is not idempotent for \(text.debugDescription): \(key.debugDescription)")
    _ = NameNormalizer.compactKey(text)
    _ = geocoder.resolve(text)
    _ = geocoder.matchGroup(text)
    return 0
}

@main enum Main {
    static func main() { runLibFuzzer(fuzzNames) }
}
