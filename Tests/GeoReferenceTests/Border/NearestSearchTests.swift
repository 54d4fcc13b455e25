import Foundation
import GeoKit
import Testing
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
import TestSupport
import EventSimulation

/// The exact searches behind border distances and nearest districts against brute force.
@Suite struct NearestSearchTests {
    let boundaries = SharedGeoData.boundaries

    /// Random points over the region and beyond it (seeded, so every run tests the same points).
    static func randomPoints(_ count: Int, seed: UInt64, lon: ClosedRange<Double>, lat: ClosedRange<Double>) -> [Coordinate] {
        var generator = SplitMix64(seed: seed)
        func next() -> Double { generator.nextUnit() }
        return (0..<count).map { _ in
            Coordinate(lon.lowerBound + next() * (lon.upperBound - lon.lowerBound), lat.lowerBound + next() * (lat.upperBound - lat.lowerBound))
        }
    }

    func borderEdges() throws -> BorderEdges {
        let context = GEOSContext()
        return BorderEdges(lines: try boundaries.borderSegments.map { segment in
            try Geometry(wkb: segment.wkb, in: context).parts.map { try $0.coordinates() }
        })
    }

    @Test func arcBoundNeverExceedsTheGeodesic() {
        // The pruning bound: the geodesic is never shorter than the arc of its chord on the bound sphere.
        let a = Self.randomPoints(400, seed: 1, lon: -180...180, lat: -80...80)
        let b = Self.randomPoints(400, seed: 2, lon: -180...180, lat: -80...80)
        let near = Self.randomPoints(400, seed: 3, lon: 55...80, lat: 20...40)
        for (p, q) in zip(a + near, b + near.reversed()) {
            let geodesic = Geodesic.wgs84.distanceMeters(lon1: p.x, lat1: p.y, lon2: q.x, lat2: q.y)
            let chord = BorderEdges.chord(BorderEdges.vertex(p), BorderEdges.vertex(q))
            #expect(chord <= BorderEdges.chordBound(ofGeodesic: geodesic) + 1e-6, "\(p) \(q)")
        }
    }

    @Test func borderSearchEqualsEveryEdgeMeasured() throws {
        // Brute force: every edge's closest point by golden section on the exact geodesic, the minimum over all.
        let edges = try borderEdges()
        let points = Self.randomPoints(25, seed: 7, lon: 58...78, lat: 22...40)
            + Self.randomPoints(15, seed: 8, lon: 69...72, lat: 33...36)  // near the border
        for p in points {
            var perEdge: [Double] = []
            for e in edges.edges.indices {
                let i = Int(edges.edges[e].start)
                let a = edges.vertices[i], b = edges.vertices[i + 1]
                let found = BorderEdges.goldenSection(to: p) { t in Coordinate(a.lon + t * (b.lon - a.lon), a.lat + t * (b.lat - a.lat)) }
                perEdge.append(found.meters)
            }
            let reference = perEdge.min()!
            let ours = try #require(edges.nearest(to: p))
            #expect(abs(ours.best.meters - reference) <= 0.001, "\(p): \(ours.best.meters) m vs \(reference) m")
            // With a tie margin, every edge within it of the nearest is returned (the measurer breaks such ties by name).
            let tied = try #require(edges.nearest(to: p, tieMeters: 50))
            let expected = Set(perEdge.indices.filter { perEdge[$0] <= reference + 50 - 0.01 })
            #expect(expected.isSubset(of: Set(tied.ties.map(\.edge))), "\(p): ties \(tied.ties.map(\.edge)) vs \(expected.sorted())")
        }
    }

    @Test func newtonRefinementAgreesWithGoldenSection() throws {
        let edges = try borderEdges()
        for p in Self.randomPoints(60, seed: 11, lon: 60...76, lat: 25...38) {
            for e in stride(from: 0, to: edges.edges.count, by: 97) {
                let i = Int(edges.edges[e].start)
                let a = edges.vertices[i], b = edges.vertices[i + 1]
                let golden = BorderEdges.goldenSection(to: p) { t in Coordinate(a.lon + t * (b.lon - a.lon), a.lat + t * (b.lat - a.lat)) }
                let newton = edges.closest(on: e, to: p)
                #expect(newton.meters <= golden.meters + 1e-4, "\(p) edge \(e)")
                #expect(golden.meters - newton.meters <= 1e-3, "\(p) edge \(e)")
            }
        }
    }

    @Test func nearestDistrictEqualsGEOS() throws {
        // Points outside every district: the outline search must name GEOS's nearest district and its closest point.
        let context = GEOSContext()
        let districts = boundaries.districts.sorted { $0.id < $1.id }
        let geometries = try districts.map { try Geometry(wkb: $0.wkb, in: context) }
        let prepared = try geometries.map(PreparedGeometry.init)
        let tree = try STRtree(geometries, in: context)
        let outlines = try UnitOutlines(geometries)
        var compared = 0
        for p in Self.randomPoints(300, seed: 5, lon: 55...80, lat: 20...40) {
            let point = try Geometry.point(p, in: context)
            if try prepared.contains(where: { try $0.covers(point) }) { continue }
            let found = try #require(outlines.nearest(x: p.x, y: p.y))
            if found.tied { continue }
            let geos = try #require(try tree.nearest(to: point))
            #expect(found.unit == geos, "\(p): \(districts[found.unit].id) vs GEOS \(districts[geos].id)")
            #expect(try prepared.indices.contains { try prepared[$0].distance(to: point) < found.distance * (1 - 1e-9) } == false)
            let (onUnit, _) = try prepared[geos].nearestPoints(to: point)
            #expect(abs(onUnit.x - found.point.x) < 1e-9 && abs(onUnit.y - found.point.y) < 1e-9, "\(p): \(onUnit) vs \(found.point)")
            #expect(try tree.nearest(to: point, prepared: prepared) == geos)
            compared += 1
        }
        #expect(compared > 150)
    }
}

/// The border layer read by the byte scanner gives GEOS the same lines as the general GeoJSON reader.
@Suite struct BorderLayerReadingTests {
    @Test func lineScannerEqualsTheGeneralReader() throws {
        let context = GEOSContext()
        let path = TestPaths.geodata + "/boundaries/border.geojson"
        let scanned = try LineLayerReader.read(path: path, in: context)
        let general = try GeoJSONFeatureReader.read(path: path, in: context)
        #expect(scanned.count == general.count)
        for (a, b) in zip(scanned, general) {
            #expect(try a.geometry?.wkb() == b.geometry?.wkb())
            #expect(a["id"] == b["id"] && a["name"] == b["name"])
        }
    }
}
