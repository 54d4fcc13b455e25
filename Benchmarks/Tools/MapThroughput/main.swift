import Cartography
import EventSimulation
import Foundation
import GeoReference

// map-throughput COUNT OUT.svg [GEODATA]: draws COUNT generated events concentrated like real conflict data
// (ConflictLikeEvents; made geocoded, so no geocoding is timed) with the map command's defaults, and prints one
// JSON line with the seconds spent generating and drawing. Scripts/bench-peers runs it for the aggregated-map row.
let arguments = CommandLine.arguments
guard arguments.count >= 3, let count = Int(arguments[1]), count > 0 else {
    FileHandle.standardError.write(Data("usage: map-throughput COUNT OUT.svg [GEODATA]\n".utf8))
    exit(64)
}
let output = arguments[2]
let geodata = arguments.count > 3 ? arguments[3] : FileManager.default.currentDirectoryPath + "/GeoData"
let reference = try ReferenceData.load(geodata)
let started = Date()
let events = ConflictLikeEvents.make(count: count, gazetteer: reference.gazetteer)
let generated = Date()
var options = SVGMapOptions()
options.eventSource = "\(count) generated events (benchmark)"
options.displayOutlines = DisplayOutlines.load(geodata: geodata, matching: reference.boundaries)
if ProcessInfo.processInfo.environment["EVENTMAP_PROFILE"] != nil {
    options.onStage = { stage, ms in FileHandle.standardError.write(Data("map: \(stage) \(String(format: "%.0f", ms)) ms\n".utf8)) }
}
let result = try SVGMapRenderer.write(events, gazetteer: reference.gazetteer, boundaries: reference.boundaries, options: options, to: output)
let drawn = Date()
let bytes = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
print("{\"benchmark\":\"map\",\"events\":\(count),\"symbols\":\"\(result.symbols.rawValue)\",\"generate_s\":"
      + String(format: "%.3f", generated.timeIntervalSince(started)) + ",\"draw_s\":"
      + String(format: "%.3f", drawn.timeIntervalSince(generated)) + ",\"bytes\":\(bytes)}")
