import Testing
@testable import GeoKit

@Suite struct GeometryIOTests {
    let context = GEOSContext()

    @Test func wktRoundTrip() throws {
        let polygon = try Geometry(wkt: "POLYGON ((0 0, 4 0, 4 3, 0 3, 0 0), (1 1, 1 2, 2 2, 1 1))", in: context)
        #expect(polygon.type == .polygon)
        #expect(polygon.interiorRings.count == 1)
        #expect(polygon.vertexCount == 9)
        #expect(try polygon.wkt() == "POLYGON ((0 0, 4 0, 4 3, 0 3, 0 0), (1 1, 1 2, 2 2, 1 1))")
        #expect(try polygon.area() == 11.5)
    }

    @Test func wkbRoundTripKeepsEveryCoordinate() throws {
        let line = try Geometry(wkt: "LINESTRING (70.4515 34.4415, 71.5249 34.0151, 66.9750 30.1830)", in: context)
        let bytes = try line.wkb()
        #expect(bytes.count == 1 + 4 + 4 + 3 * 16)
        #expect(bytes[0] == 1, "little-endian")
        let back = try Geometry(wkb: bytes, in: context)
        #expect(try back.coordinates() == line.coordinates())
    }

    @Test func geoJSONReadAndWrite() throws {
        let point = try Geometry(geoJSON: #"{"type":"Point","coordinates":[70.4515,34.4415]}"#, in: context)
        #expect(point.coordinate == Coordinate(70.4515, 34.4415))
        let json = try point.geoJSON()
        #expect(json == #"{"type":"Point","coordinates":[70.4515,34.4415]}"#)
    }

    @Test func invalidWKTIsAnErrorThatQuotesTheInput() throws {
        #expect {
            try Geometry(wkt: "POLYGON ((0 0, 1 1", in: context)
        } throws: { error in
            guard case let GEOSError.parse(format, input, message) = error else { return false }
            return format == "WKT" && input == "POLYGON ((0 0, 1 1" && !message.isEmpty
                && "\(error)".contains("POLYGON ((0 0, 1 1")
        }
    }

    @Test func invalidWKBAndGeoJSONAreErrors() throws {
        #expect(throws: GEOSError.self) { try Geometry(wkb: [1, 3, 0, 0], in: context) }
        #expect(throws: GEOSError.self) { try Geometry(geoJSON: #"{"type":"Pointy","coordinates":[1]}"#, in: context) }
        #expect(throws: GEOSError.self) { try Geometry(geoJSON: "{", in: context) }
    }

    @Test func shortPositionsAreErrorsNotCrashes() throws {
        // GEOS 3.11's GeoJSON reader would read past the end of these positions.
        for text in [#"{"type":"Point","coordinates":[7]}"#, #"{"type":"LineString","coordinates":[[1,2],[3]]}"#,
                     #"{"type":"Polygon","coordinates":[[[0,0],[1,0],[],[0,0]]]}"#,
                     #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"tags":["x"]},"geometry":{"type":"Point","coordinates":[70.1]}}]}"#] {
            #expect(throws: GEOSError.self, "\(text)") { try Geometry(geoJSON: text, in: context) }
        }
        let fine = try Geometry(geoJSON: #"{"type":"Feature","properties":{"tags":["x"],"note":"[1]"},"geometry":{"type":"MultiPoint","coordinates":[[1, 2], [3,4 ]]}}"#, in: context)
        #expect(fine.partCount == 2)
        #expect(try Geometry(geoJSON: #"{"type":"Polygon","coordinates":[]}"#, in: context).isEmpty)
        #expect(try Geometry(geoJSON: #"{"type":"Point","coordinates":[]}"#, in: context).isEmpty)
    }

    @Test func constructorsRejectBadRingsAndNonFiniteValues() throws {
        #expect(throws: GEOSError.self) {
            try Geometry.polygon(exterior: [Coordinate(0, 0), Coordinate(1, 0), Coordinate(1, 1), Coordinate(0, 1)], in: context)
        }
        #expect(throws: GEOSError.self) {
            try Geometry.polygon(exterior: [Coordinate(0, 0), Coordinate(1, 0), Coordinate(0, 0)], in: context)
        }
        #expect(throws: GEOSError.self) { try Geometry.point(x: .nan, y: 1, in: context) }
        #expect(throws: GEOSError.self) { try Geometry.lineString([Coordinate(0, .infinity), Coordinate(1, 1)], in: context) }
    }

    @Test func bulkCoordinateCopiesKeepOrder() throws {
        let coordinates = (0..<1000).map { Coordinate(Double($0) * 0.01, Double($0 % 7)) }
        let line = try Geometry.lineString(coordinates, in: context)
        #expect(try line.coordinates() == coordinates)
    }

    @Test func borrowedPartsOutliveNothingAndFreeNothing() throws {
        var parts: [Geometry] = []
        do {
            let multi = try Geometry(wkt: "MULTIPOINT ((1 2), (3 4), (5 6))", in: context)
            parts = multi.parts
        }
        // The parts keep their parent alive: reading them after the parent's last owner is gone is safe.
        #expect(parts.compactMap(\.coordinate) == [Coordinate(1, 2), Coordinate(3, 4), Coordinate(5, 6)])
    }

    @Test func geometryMovesBetweenContexts() throws {
        let other = GEOSContext()
        let square = try Geometry(wkt: "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))", in: context)
        let copy = try square.copy(into: other)
        #expect(copy.context === other)
        #expect(try copy.area() == 1)
    }

    @Test func ringOrientation() throws {
        let ccw = try Geometry(wkt: "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))", in: context)
        let cw = try Geometry(wkt: "POLYGON ((0 0, 0 1, 1 1, 1 0, 0 0))", in: context)
        #expect(try ccw.isCounterClockwise())
        #expect(try !cw.isCounterClockwise())
    }

    @Test func versionIsTheInstalledGEOS() {
        #expect(GEOSContext.version.hasPrefix("3."))
    }
}
