import Foundation
import Testing
@testable import GeoKit

@Suite struct GeometryOperationsTests {
    let context = GEOSContext()

    func wkt(_ text: String) throws -> Geometry { try Geometry(wkt: text, in: context) }

    @Test func bufferOfAPointApproachesPi() throws {
        let disc = try wkt("POINT (0 0)").buffer(1, quadrantSegments: 64)
        #expect(abs(try disc.area() - Double.pi) < 0.002)
    }

    @Test func intersectionDifferenceAndUnion() throws {
        let a = try wkt("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))")
        let b = try wkt("POLYGON ((1 1, 3 1, 3 3, 1 3, 1 1))")
        #expect(try a.intersection(b).area() == 1)
        #expect(try a.difference(b).area() == 3)
        #expect(try a.union(b).area() == 7)
    }

    @Test func unaryUnionOfMany() throws {
        let squares = try (0..<3).map { i in
            try wkt("POLYGON ((\(i) 0, \(i + 2) 0, \(i + 2) 1, \(i) 1, \(i) 0))")
        }
        let merged = try Geometry.unionOf(squares, in: context)
        #expect(merged.type == .polygon)
        #expect(try merged.area() == 4)
    }

    @Test func distanceAndNearestPoints() throws {
        let origin = try wkt("POINT (0 0)")
        #expect(try origin.distance(to: wkt("POINT (3 4)")) == 5)
        let (onOrigin, onLine) = try origin.nearestPoints(to: wkt("LINESTRING (1 -1, 1 1)"))
        #expect(onOrigin == Coordinate(0, 0))
        #expect(onLine == Coordinate(1, 0))
    }

    @Test func validityAndMakeValid() throws {
        let bowtie = try wkt("POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))")
        #expect(!bowtie.isValid)
        #expect(bowtie.validityReason.contains("Self-intersection"))
        let repaired = try bowtie.makeValid()
        #expect(repaired.isValid)
        #expect(repaired.type == .multiPolygon)
        #expect(abs(try repaired.area() - 2) < 1e-12)
    }

    @Test func sharedPathsAndLineMerge() throws {
        let a = try wkt("LINESTRING (0 0, 10 0, 10 10)")
        let b = try wkt("LINESTRING (5 0, 10 0, 20 0)")
        let shared = try a.sharedPaths(with: b)
        #expect(try shared.forward.length() == 5)
        #expect(shared.backward.isEmpty)
        let merged = try wkt("MULTILINESTRING ((0 0, 1 1), (1 1, 2 2), (2 2, 3 1))").lineMerge()
        #expect(merged.type == .lineString)
        #expect(try merged.wkt() == "LINESTRING (0 0, 1 1, 2 2, 3 1)")
    }

    @Test func topologyPreservingSimplifyKeepsNeighboursMeeting() throws {
        let wiggly = (0...100).map { Coordinate(Double($0), $0 % 2 == 0 ? 0 : 0.01) }
        let line = try Geometry.lineString(wiggly, in: context)
        let simple = try line.simplifyPreservingTopology(tolerance: 0.1)
        #expect(simple.vertexCount == 2)
        // Two polygons sharing a jagged edge still share all of it after simplifying them together.
        let coverage = try wkt("GEOMETRYCOLLECTION (POLYGON ((0 0, 5 0.01, 10 0, 10 10, 0 10, 0 0)), POLYGON ((0 0, 5 0.01, 10 0, 10 -10, 0 -10, 0 0)))")
        let simplified = try coverage.simplifyPreservingTopology(tolerance: 0.5)
        let (north, south) = (simplified.part(0), simplified.part(1))
        #expect(north.isValid && south.isValid)
        #expect(north.vertexCount == 5)
        #expect(try north.intersection(south).length() == 10)
    }

    @Test func clipToRectangle() throws {
        let square = try wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")
        let clipped = try square.clip(to: Envelope(minX: 5, minY: 5, maxX: 20, maxY: 20))
        #expect(try clipped.area() == 25)
    }

    @Test func voronoiCellsOnePerSite() throws {
        let sites = try wkt("MULTIPOINT ((0 0), (10 0), (0 10), (10 10), (5 5))")
        let frame = try Geometry.rectangle(Envelope(minX: -20, minY: -20, maxX: 30, maxY: 30), in: context)
        let cells = try sites.voronoiDiagram(envelope: frame)
        #expect(cells.partCount == 5)
        #expect(cells.parts.allSatisfy { $0.type == .polygon })
    }

    @Test func labelPoints() throws {
        let square = try wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")
        let circle = try square.maximumInscribedCircle(tolerance: 0.001)
        #expect(abs(circle.center.x - 5) < 0.01 && abs(circle.center.y - 5) < 0.01)
        #expect(abs(circle.radius - 5) < 0.01)
        let lShape = try wkt("POLYGON ((0 0, 10 0, 10 1, 1 1, 1 10, 0 10, 0 0))")
        #expect(try lShape.contains(lShape.pointOnSurface()))
    }

    @Test func interpolateAndProjectAlongALine() throws {
        let line = try wkt("LINESTRING (0 0, 10 0)")
        #expect(try line.interpolate(0.25, normalized: true).coordinate == Coordinate(2.5, 0))
        #expect(try line.project(wkt("POINT (7 3)")) == 7)
    }

    @Test func predicates() throws {
        let square = try wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")
        let inside = try wkt("POINT (5 5)"), edge = try wkt("POINT (10 5)"), outside = try wkt("POINT (11 5)")
        #expect(try square.contains(inside))
        #expect(try !square.contains(edge))
        #expect(try square.covers(edge))
        #expect(try !square.intersects(outside))
        #expect(try inside.within(square))
        #expect(try edge.touches(square))
    }

    @Test func contextsOnSeveralThreadsDoNotInterfere() throws {
        let results = ConcurrentResults(count: 4)
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            let context = GEOSContext()
            var total = 0.0
            for i in 0..<200 {
                let disc = try? Geometry.point(x: Double(i), y: Double(worker), in: context).buffer(1, quadrantSegments: 16)
                total += (try? disc?.area()) ?? 0
            }
            results.set(worker, total)
        }
        let expected = try wkt("POINT (0 0)").buffer(1, quadrantSegments: 16).area() * 200
        for value in results.values { #expect(abs(value - expected) < 1e-9) }
    }
}

/// Collects one value per worker behind a lock.
final class ConcurrentResults: @unchecked Sendable {
    // Safe: every access goes through `lock`.
    private let lock = NSLock()
    private var storage: [Double]
    init(count: Int) { storage = Array(repeating: .nan, count: count) }
    func set(_ index: Int, _ value: Double) { lock.withLock { storage[index] = value } }
    var values: [Double] { lock.withLock { storage } }
}
