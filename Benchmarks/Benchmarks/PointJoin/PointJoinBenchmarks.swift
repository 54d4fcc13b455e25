import Benchmark
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis
import Cartography
import Jobs
import Foundation
import EventSimulation

// Point geocoding (`eventmap geocode --boundaries`): the whole PointJoin run, input file to output file,
// on the shared benchmark polygons (../shared/bench/districts-bench.geojson beside the repository).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(10),
        maxIterations: 20
    )

    for count in [10_000, 100_000, 1_000_000] {
        for format in ["csv", "geojson"] where format == "csv" || count == 1_000_000 {
            // One iteration is one whole run over `count` points (throughput: runs per second).
            Benchmark("PointJoin \(count / 1000)k points → \(format)") { benchmark in
                let points = try BenchFiles.points(count)
                let output = BenchFiles.directory + "/joined.\(format)"
                let boundaries = try PointJoinBoundaries.load(path: BenchFiles.polygons, idField: "id")
                let options = PointJoin.Options(boundaries: BenchFiles.polygons, input: points, output: output)
                benchmark.startMeasurement()
                for _ in benchmark.scaledIterations {
                    blackHole(try PointJoin.run(options, boundaries: boundaries, format: try PointJoin.format(of: output)))
                }
            }
        }
    }

    Benchmark("PointJoin boundaries load (GeoJSON → WKB)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try PointJoinBoundaries.load(path: BenchFiles.polygons, idField: "id"))
        }
    }

    Benchmark("PointJoin grid build (2 workers, 5 levels)") { benchmark in
        let boundaries = try PointJoinBoundaries.load(path: BenchFiles.polygons, idField: "id")
        let workers = try (0..<2).map { _ in try PointJoinPolygons(boundaries) }
        _ = try PointGrid.build(boundaries, workers: workers, levels: 1) // prepares GEOS indexes once
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try PointGrid.build(boundaries, workers: workers, levels: 5))
        }
    }
}

/// Inputs made once per process: deterministic id,lon,lat files over the polygons' region.
enum BenchFiles {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let polygons = repository.deletingLastPathComponent().appendingPathComponent("shared/bench/districts-bench.geojson").path
    static let directory: String = {
        let path = NSTemporaryDirectory() + "eventmap-bench-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    static func points(_ count: Int) throws -> String {
        let path = directory + "/points-\(count).csv"
        if FileManager.default.fileExists(atPath: path) { return path }
        var text = "id,lon,lat\n"
        text.reserveCapacity(count * 28)
        var generator = SplitMix64(seed: 7)
        func next() -> Double { generator.nextUnit() }
        for i in 0..<count {
            text += "\(i),\(NumberFormatting.string(60.8 + next() * 11.8, decimals: 6)),\(NumberFormatting.string(24.8 + next() * 11.2, decimals: 6))\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
