import Foundation
import EventSimulation
import GeoKit
import Testing
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
@testable import Analysis
@testable import Cartography
@testable import Jobs

/// The benchmark polygons (../shared/bench beside the repository, as in CI), or the project's own districts.
package enum PointJoinFixture {
    package static let polygonsPath = BenchPolygons.path
    package static let boundaries: PointJoinBoundaries = try! PointJoinBoundaries.load(path: polygonsPath, idField: "id")

    /// Deterministic points over the polygons' extent and a margin around it.
    package static func points(_ count: Int, seed: UInt64 = 42) -> [(Double, Double)] {
        let e = boundaries.extent!
        var generator = SplitMix64(seed: seed)
        func next() -> Double { generator.nextUnit() }
        return (0..<count).map { _ -> (Double, Double) in
            let x: Double = ((e.minX - 0.5 + next() * (e.width + 1)) * 1e6).rounded() / 1e6
            let y: Double = ((e.minY - 0.5 + next() * (e.height + 1)) * 1e6).rounded() / 1e6
            return (x, y)
        }
    }

    /// Vertices of the first polygons' outer rings: points on polygon boundaries, many on shared edges.
    package static func boundaryPoints(limit: Int) throws -> [(Double, Double)] {
        let context = GEOSContext()
        var result: [(Double, Double)] = []
        for wkb in boundaries.wkb.prefix(12) {
            let geometry = try Geometry(wkb: wkb, in: context)
            let polygon = geometry.type == .multiPolygon ? geometry.part(0) : geometry
            let ring = try polygon.exteriorRing!.coordinates()
            for c in stride(from: 0, to: ring.count, by: max(1, ring.count / 40)).map({ ring[$0] }) { result.append((c.x, c.y)) }
        }
        return Array(result.prefix(limit))
    }

    /// The reference: every polygon, in file order, GEOS prepared `covers`; the first that covers the point.
    package static func bruteForce(_ points: [(Double, Double)]) throws -> [Int?] {
        let context = GEOSContext()
        let prepared = try boundaries.wkb.map { try PreparedGeometry(Geometry(wkb: $0, in: context)) }
        return try points.map { p in
            let point = try Geometry.point(x: p.0, y: p.1, in: context)
            return try prepared.firstIndex { try $0.covers(point) }
        }
    }

    package static func csv(_ points: [(Double, Double)]) -> String {
        "id,lon,lat\n" + points.enumerated().map { "\($0.offset),\($0.element.0),\($0.element.1)\n" }.joined()
    }

    /// Runs the join on `text`; returns the summary, the output text and the rejects text.
    package static func join(_ text: String, output name: String = "out.csv", workers: Int = 2, blockBytes: Int = 4096,
                     gridLevels: Int? = 3) throws -> (PointJoin.Summary, String, String) {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = directory + "/points.csv"
        try text.write(toFile: input, atomically: true, encoding: .utf8)
        var options = PointJoin.Options(boundaries: polygonsPath, input: input, output: directory + "/" + name)
        options.workers = workers
        options.blockBytes = blockBytes
        options.gridLevels = gridLevels
        let summary = try PointJoin.run(options, boundaries: boundaries, format: try PointJoin.format(of: options.output))
        return (summary, try String(contentsOfFile: options.output, encoding: .utf8),
                try String(contentsOfFile: options.rejectsPath, encoding: .utf8))
    }

    /// `id → boundary_id` of a CSV output.
    package static func assignments(_ output: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in output.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            result[String(fields[0])] = String(fields[1])
        }
        return result
    }
}
