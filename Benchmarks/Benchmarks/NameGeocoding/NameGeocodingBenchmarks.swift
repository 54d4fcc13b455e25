import Benchmark
import BenchmarkSupport
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis
import Cartography
import Jobs
import Foundation

// Name geocoding: `NameGeocoder.resolve` over gazetteer names with spelling noise
// (`NameGeocoderThroughput.noisyNames`), one thread; throughput is names per second.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        maxDuration: .seconds(10),
        maxIterations: 50
    )
    let geodata = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("GeoData").path

    Benchmark("NameGeocoder.resolve, noisy names", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let gazetteer = try Gazetteer.load(directory: geodata)
        let geocoder = NameGeocoder(gazetteer: gazetteer)
        let names = NameGeocoderThroughput.noisyNames(from: gazetteer, count: 1000)
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations {
            blackHole(geocoder.resolve(names[i % names.count]))
        }
    }

    Benchmark("NameGeocoder.resolve with hints, noisy names", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let gazetteer = try Gazetteer.load(directory: geodata)
        let geocoder = NameGeocoder(gazetteer: gazetteer)
        let names = NameGeocoderThroughput.noisyNames(from: gazetteer, count: 1000, seed: 11)
        let hints = NameHints(admin2: "Khyber", admin1: "Khyber Pakhtunkhwa", country: "Pakistan")
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations {
            blackHole(geocoder.resolve(names[i % names.count], hints: hints))
        }
    }
}
