// swift-tools-version:6.1
// Benchmarks of EventMapper's hot paths with ordo-one/benchmark. A separate package, so `swift test` of the
// main package never builds the benchmark library. Run from this folder:
//   swift package benchmark                       # all benchmarks
//   swift package benchmark --target PointJoin    # one of them
// Peer comparisons (GeoPandas, ogr2ogr, Matplotlib) are in ../Scripts/bench-peers.
import Foundation
import PackageDescription

/// The root package, by path; its identity is the name of the folder it is checked out in.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "EventMapperBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        benchmark("PointJoin"),
        benchmark("NameGeocoding"),
        benchmark("CSVReading"),
        benchmark("GeoJSONWriting"),
        benchmark("SVGRendering"),
        // Shared helpers of the benchmarks (noisy gazetteer names, a throughput measure).
        .target(
            name: "BenchmarkSupport",
            dependencies: [.product(name: "EventMapper", package: root), .product(name: "EventSimulation", package: root)],
            path: "Sources/BenchmarkSupport"
        ),
        // `map-throughput COUNT OUT.svg`: draws COUNT generated events, one JSON line (Scripts/bench-peers).
        .executableTarget(
            name: "map-throughput",
            dependencies: [.product(name: "EventMapper", package: root), .product(name: "EventSimulation", package: root)],
            path: "Tools/MapThroughput"
        ),
        // `name-throughput COUNT`: names per second on every core, one JSON line (Scripts/bench-peers).
        .executableTarget(
            name: "name-throughput",
            dependencies: ["BenchmarkSupport", .product(name: "EventMapper", package: root)],
            path: "Tools/NameThroughput"
        ),
    ],
    swiftLanguageModes: [.v6]
)

func benchmark(_ name: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: [
            .product(name: "Benchmark", package: "benchmark"),
            "BenchmarkSupport",
            .product(name: "EventMapper", package: root),
            .product(name: "GeoKit", package: root),
            .product(name: "EventSimulation", package: root),
        ],
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}
