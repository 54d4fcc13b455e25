import Benchmark
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis
import Cartography
import Jobs
import Foundation
import GeoKit

// GeoJSON writing: `GeoJSONWriter` over the 112 benchmark polygons (~110k vertices) and over 100k points.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        maxDuration: .seconds(10),
        maxIterations: 30
    )
    let polygons = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/bench/districts-bench.geojson").path
    let output = NSTemporaryDirectory() + "eventmap-bench-\(getpid()).geojson"

    Benchmark("GeoJSONWriter 112 polygons, 110k vertices") { benchmark in
        let context = GEOSContext()
        let features = try GeoJSONFeatureReader.read(path: polygons, in: context)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let writer = try GeoJSONWriter(path: output)
            for feature in features { try writer.write(feature) }
            try writer.finish()
        }
    }

    Benchmark("GeoJSONWriter point features (a 100k set, 1000 per iteration)", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let context = GEOSContext()
        let features = try (0..<100_000).map { i in
            Feature(properties: [("id", .int(Int64(i))), ("boundary_id", .string("NAN0\(i % 7)"))],
                    geometry: try Geometry.point(x: 60.8 + Double(i % 11_800) / 1000, y: 24.8 + Double(i % 11_200) / 1000, in: context))
        }
        benchmark.startMeasurement()
        let writer = try GeoJSONWriter(path: output)
        for i in benchmark.scaledIterations { try writer.write(features[i % features.count]) }
        try writer.finish()
    }
}
