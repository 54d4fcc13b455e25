import Foundation
import GeoKit
import PropertyBased
import Testing

@Suite struct GeometryTransformTests {
    let geos = GEOSContext()

    func wkt(_ text: String) throws -> Geometry { try Geometry(wkt: text, in: geos) }

    /// Every vertex of `geometry`, in order (rings and parts flattened).
    func vertices(_ geometry: Geometry) throws -> [Coordinate] {
        switch geometry.type {
        case .point, .lineString, .linearRing: return try geometry.coordinates()
        case .polygon: return try ([geometry.exteriorRing].compactMap { $0 } + geometry.interiorRings).flatMap { try $0.coordinates() }
        default: return try geometry.parts.flatMap(vertices)
        }
    }

    @Test func polygonWithHoleEqualsPointwiseTransform() throws {
        let proj = try PROJContext()
        let toUTM = try CoordinateTransform(from: "EPSG:4326", to: "EPSG:32642", context: proj)
        let polygon = try wkt("POLYGON ((70 33, 72 33, 72 35, 70 35, 70 33), (70.5 33.5, 71 33.5, 71 34, 70.5 33.5))")
        let projected = try polygon.transformed(by: toUTM)
        #expect(projected.type == .polygon)
        #expect(projected.interiorRings.count == 1)
        let expected = try vertices(polygon).map { c in try toUTM.transform((c.x, c.y)) }.map { Coordinate($0.x, $0.y) }
        #expect(try vertices(projected) == expected, "one bulk call per ring gives what PROJ gives point by point")

        let back = try projected.transformed(by: toUTM, direction: .inverse)
        let error = zip(try vertices(back), try vertices(polygon)).map { max(abs($0.x - $1.x), abs($0.y - $1.y)) }.max() ?? 1
        #expect(error < 1e-9)
    }

    @Test func everyGeometryTypeKeepsItsTypeAndParts() throws {
        let shifted = GeometryTransform { xy in for i in xy.indices { xy[i] += i.isMultiple(of: 2) ? 10 : 20 } }
        let cases = [
            "POINT (1 2)",
            "LINESTRING (0 0, 1 1, 2 0)",
            "LINEARRING (0 0, 1 0, 1 1, 0 0)",
            "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 2 1, 2 2, 1 1))",
            "MULTIPOINT ((0 0), (1 1))",
            "MULTILINESTRING ((0 0, 1 1), (2 2, 3 3))",
            "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))",
            "GEOMETRYCOLLECTION (POINT (0 0), LINESTRING (0 0, 1 1), GEOMETRYCOLLECTION (POLYGON ((0 0, 1 0, 1 1, 0 0))))",
        ]
        for text in cases {
            let original = try wkt(text)
            let moved = try shifted.apply(to: original)
            #expect(moved.type == original.type, "\(text)")
            #expect(moved.partCount == original.partCount, "\(text)")
            #expect(try vertices(moved) == vertices(original).map { Coordinate($0.x + 10, $0.y + 20) }, "\(text)")
        }
    }

    @Test func emptyGeometriesStayEmpty() throws {
        let shifted = GeometryTransform { xy in for i in xy.indices { xy[i] += 1 } }
        for text in ["POINT EMPTY", "LINESTRING EMPTY", "POLYGON EMPTY", "MULTIPOLYGON EMPTY", "GEOMETRYCOLLECTION EMPTY"] {
            let original = try wkt(text)
            let moved = try shifted.apply(to: original)
            #expect(moved.isEmpty && moved.type == original.type, "\(text)")
        }
    }

    @Test func zIsDropped() throws {
        let moved = try GeometryTransform { _ in }.apply(to: wkt("LINESTRING Z (0 0 5, 1 1 6)"))
        #expect(try moved.wkt(precision: 0) == "LINESTRING (0 0, 1 1)")
    }

    @Test func failedPointsThrowByDefault() throws {
        let proj = try PROJContext()
        let toUTM = try CoordinateTransform(from: "EPSG:4326", to: "EPSG:32642", context: proj)
        #expect(throws: PROJError.self) { try wkt("LINESTRING (70 33, 70 95)").transformed(by: toUTM) }
        let markOutOfRange = GeometryTransform { xy in for i in stride(from: 0, to: xy.count, by: 2) where xy[i] > 100 { xy[i] = .nan } }
        #expect(throws: PROJError.self) { try markOutOfRange.apply(to: wkt("POINT (200 0)")) }
    }

    /// A mapping that fails (NaN) for every point with x ≥ 100.
    let failingAbove100 = GeometryTransform(onFailure: .dropFailedPoints) { xy in
        for i in stride(from: 0, to: xy.count, by: 2) where xy[i] >= 100 { xy[i] = .nan; xy[i + 1] = .nan }
    }

    @Test func droppedPointsAreRepaired() throws {
        // A ring that loses its first (and closing) point is closed again on what is left.
        let ring = try failingAbove100.apply(to: wkt("POLYGON ((100 0, 0 0, 10 0, 10 10, 0 10, 100 0))"))
        #expect(try ring.wkt(precision: 0) == "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")
        // A hole left with fewer than 4 points goes; the shell stays.
        let holed = try failingAbove100.apply(to: wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (1 1, 100 1, 2 2, 1 1))"))
        #expect(holed.interiorRings.isEmpty && holed.type == .polygon)
        // A line keeps its mappable points.
        #expect(try failingAbove100.apply(to: wkt("LINESTRING (0 0, 100 0, 1 1)")).wkt(precision: 0) == "LINESTRING (0 0, 1 1)")
    }

    @Test func partsWithNothingLeftAreDropped() throws {
        let multi = try failingAbove100.apply(to: wkt("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((100 0, 101 0, 101 1, 100 0)))"))
        #expect(multi.type == .multiPolygon && multi.partCount == 1)
        let shellGone = try failingAbove100.apply(to: wkt("POLYGON ((100 0, 110 0, 110 10, 100 0), (101 1, 102 1, 102 2, 101 1))"))
        #expect(shellGone.isEmpty && shellGone.type == .polygon)
        #expect(try failingAbove100.apply(to: wkt("POINT (100 0)")).isEmpty)
        #expect(try failingAbove100.apply(to: wkt("LINESTRING (0 0, 100 0)")).isEmpty)
        let collection = try failingAbove100.apply(to: wkt("GEOMETRYCOLLECTION (POINT (100 0), LINESTRING (100 0, 101 1))"))
        #expect(collection.isEmpty && collection.type == .geometryCollection)
    }

    @Test func forwardThenInverseReturnsEveryPolygon() async {
        let ring = Gen.double(in: 0.05...1.5).array(of: 3...24)
        await propertyCheck(count: 100, input: Gen.double(in: 63...75), Gen.double(in: 25...37), ring) { lon, lat, radii in
            do {
                let geos = GEOSContext()
                let transform = try CoordinateTransform(from: "EPSG:4326", to: CoordinateTransform.albersEqualArea(
                    lonMin: 60, lonMax: 78, latMin: 23, latMax: 38), context: PROJContext())
                var shell = radii.enumerated().map { i, r in
                    let angle = Double(i) / Double(radii.count) * 2 * .pi
                    return Coordinate(lon + r * cos(angle), lat + r * sin(angle))
                }
                shell.append(shell[0])
                let polygon = try Geometry.polygon(exterior: shell, in: geos)
                let back = try polygon.transformed(by: transform).transformed(by: transform, direction: .inverse)
                #expect(try back.equalsExact(polygon, tolerance: 1e-9))
                #expect(back.vertexCount == polygon.vertexCount)
            } catch {
                Issue.record("\(error)")
            }
        }
    }
}
