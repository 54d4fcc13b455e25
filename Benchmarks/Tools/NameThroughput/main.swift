import BenchmarkSupport
import Foundation
import GeoReference
import Geocoding

// name-throughput COUNT [GEODATA]: resolves COUNT gazetteer names with spelling noise on every core
// (a warm-up pass, then three timed passes) and prints one JSON line with names per second.
// Scripts/bench-peers runs it for the name-geocoding row of its table.
let arguments = CommandLine.arguments
guard arguments.count >= 2, let count = Int(arguments[1]), count > 0 else {
    FileHandle.standardError.write(Data("usage: name-throughput COUNT [GEODATA]\n".utf8))
    exit(64)
}
let geodata = arguments.count > 2 ? arguments[2] : FileManager.default.currentDirectoryPath + "/GeoData"
let gazetteer = try Gazetteer.load(directory: geodata)
let geocoder = NameGeocoder(gazetteer: gazetteer)
let names = NameGeocoderThroughput.noisyNames(from: gazetteer, count: count)
let workers = ProcessInfo.processInfo.activeProcessorCount
_ = await NameGeocoderThroughput.measure(geocoder, names: names, workers: workers)
let result = await NameGeocoderThroughput.measure(geocoder, names: names, repetitions: 3, workers: workers)
print("{\"benchmark\":\"names\",\"names\":\(result.names),\"workers\":\(workers),\"seconds\":\(String(format: "%.4f", result.seconds)),"
      + "\"names_per_s\":\(Int(result.namesPerSecond)),\"matched\":\(result.matched)}")
