import Benchmark
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis
import Cartography
import Jobs
import Foundation

// SVG rendering: the `eventmap map --boundaries POLYS POINTS -o OUT.svg` path (PointsMapRenderer), the
// 112 benchmark polygons plus 100k points.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(10),
        maxIterations: 20
    )
    let polygons = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/bench/districts-bench.geojson").path

    Benchmark("SVG map, 112 polygons + 100k points") { benchmark in
        let points = NSTemporaryDirectory() + "eventmap-bench-svg-points.csv"
        if !FileManager.default.fileExists(atPath: points) {
            var text = "id,lon,lat\n"
            for i in 0..<100_000 { text += "\(i),\(60.8 + Double(i * 7919 % 11_800) / 1000),\(24.8 + Double(i * 104_729 % 11_200) / 1000)\n" }
            try text.write(toFile: points, atomically: true, encoding: .utf8)
        }
        let output = NSTemporaryDirectory() + "eventmap-bench-\(getpid()).svg"
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try PointsMapRenderer.write(polygons: polygons, points: points, options: SVGMapOptions(), to: output))
        }
    }
}
