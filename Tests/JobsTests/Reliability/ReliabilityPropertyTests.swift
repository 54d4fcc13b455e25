import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GeoKit
import PropertyBased
import Testing
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
@testable import Analysis
@testable import Cartography
@testable import Jobs
import TestSupport

/// Properties over random inputs (x-sheep/swift-property-based): point-in-polygon geocoding, GeoJSON
/// round trips, and SVG that stays well-formed XML whatever the names hold.
@Suite struct ReliabilityPropertyTests {
    // MARK: A point inside a polygon geocodes to it

    /// A convex polygon around (lon, lat): `n` points on a circle of `radius` degrees at the given angles.
    static func convexPolygon(lon: Double, lat: Double, radius: Double, angles: [Double]) -> [Coordinate] {
        let sorted = Array(Set(angles.map { ($0 * 1e6).rounded() / 1e6 })).sorted()
        var ring = sorted.map { Coordinate(x: lon + radius * cos($0), y: lat + radius * sin($0)) }
        ring.append(ring[0])
        return ring
    }

    /// Synthetic boundary layers holding one district (and its province and country) with this outline.
    static func boundaries(district ring: [Coordinate], context: GEOSContext) throws -> BoundaryData {
        let wkb = try Geometry.polygon(exterior: ring, in: context).wkb()
        func unit(_ id: String, _ level: AdminUnit.Level, province: String?) -> AdminUnit {
            AdminUnit(id: id, name: "Unit \(id)", level: level, provinceID: province, countryISO3: "TST", wkb: wkb, approximate: false)
        }
        return BoundaryData(districts: [unit("D1", .district, province: "P1")], provinces: [unit("P1", .province, province: nil)],
                            countries: [unit("TST", .country, province: nil)], borderSegments: [], districtSource: .approximate, sources: [])
    }

    @Test func aPointInsideAConvexPolygonGeocodesToIt() async {
        let angles = Gen.double(in: 0..<(2 * Double.pi)).array(of: 3...24)
        let weights = Gen.double(in: 0.05...1).array(of: 24)
        await propertyCheck(count: 200, input: Gen.double(in: 61...75), Gen.double(in: 25...37), Gen.double(in: 0.001...2), angles, weights) {
            lon, lat, radius, angles, weights in
            let context = GEOSContext()
            let ring = Self.convexPolygon(lon: lon, lat: lat, radius: radius, angles: angles)
            guard ring.count >= 4 else { return }
            // A convex combination with every weight ≥ 0.05 of the polygon's vertices lies strictly inside it.
            let vertices = ring.dropLast()
            let used = Array(weights.prefix(vertices.count))
            let total = used.reduce(0, +)
            let inside = Coordinate(x: zip(vertices, used).map { $0.x * $1 }.reduce(0, +) / total,
                                    y: zip(vertices, used).map { $0.y * $1 }.reduce(0, +) / total)
            do {
                let polygon = try Geometry.polygon(exterior: ring, in: context)
                // Points on a circle rounded to doubles can be a hair off convex; only test strictly interior points.
                guard try polygon.contains(try Geometry.point(inside, in: context)), try polygon.area() > 1e-12 else { return }
                let index = try BoundaryIndex(try Self.boundaries(district: ring, context: context), context: context)
                let location = try index.locate(inside)
                #expect(location.district?.id == "D1", "\(inside) in \(ring)")
                #expect(location.province?.id == "P1" && location.countryISO3 == "TST")
                #expect(location.nearestDistrict == nil)
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    @Test func aPointOutsideAConvexPolygonDoesNot() async {
        await propertyCheck(count: 100, input: Gen.double(in: 61...75), Gen.double(in: 25...37), Gen.double(in: 0.01...1), Gen.double(in: 1.01...5)) {
            lon, lat, radius, factor in
            let context = GEOSContext()
            let ring = Self.convexPolygon(lon: lon, lat: lat, radius: radius, angles: (0..<12).map { Double($0) * .pi / 6 })
            let outside = Coordinate(x: lon + radius * factor, y: lat + radius * factor)
            do {
                let index = try BoundaryIndex(try Self.boundaries(district: ring, context: context), context: context)
                let location = try index.locate(outside)
                #expect(location.district == nil)
                #expect(location.nearestDistrict?.unit.id == "D1")
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    // MARK: GeoJSON write → read keeps geometry within the precision

    @Test func geoJSONRoundTripKeepsCoordinatesWithinThePrecision() async throws {
        let folder = try TestFolder()
        let coordinates = Gen.double(in: -180...180).array(of: 2)
        await propertyCheck(count: 150, input: Gen.int(in: 0...12), coordinates.array(of: 1...40), Gen.double(in: 0.0001...5)) {
            precision, points, radius in
            let context = GEOSContext()
            let path = folder.path + "/roundtrip-\(UUID().uuidString).geojson"
            do {
                let center = Coordinate(x: points[0][0], y: max(-85, min(85, points[0][1] / 2)))
                let point = try Geometry.point(center, in: context)
                // A polygon around the centre, kept within lon/lat range.
                let ring = Self.convexPolygon(lon: max(-170, min(170, center.x)), lat: center.y, radius: min(radius, 4.9),
                                              angles: points.map { $0[1] / 180 * .pi + .pi })
                let line = try Geometry.lineString(points.map { Coordinate(x: $0[0], y: $0[1] / 2) } + [center], in: context)
                var geometries = [point, line]
                if ring.count >= 4 { geometries.append(try Geometry.polygon(exterior: ring, in: context)) }

                let writer = try GeoJSONWriter(path: path, precision: precision)
                for (i, geometry) in geometries.enumerated() {
                    try writer.write(Feature(properties: [("n", .int(Int64(i)))], geometry: geometry))
                }
                try writer.finish()
                let read = try GeoJSONFeatureReader.read(path: path, in: context)
                try? FileManager.default.removeItem(atPath: path)
                #expect(read.count == geometries.count)
                let tolerance = 0.5 * pow(10, -Double(precision)) + 1e-9
                for (written, feature) in zip(geometries, read) {
                    if written.type == .polygon {
                        // Polygons are snapped to the grid by GEOS: valid, every vertex near the original outline;
                        // a polygon thinner than the grid may collapse and is then written without geometry.
                        let grid = pow(10, -Double(precision))
                        guard let snapped = feature.geometry else {
                            let e = try #require(written.envelope)
                            let area = try written.area()
                            #expect(area < grid * 2 * (e.width + e.height) + grid * grid, "a polygon of area \(area) vanished at precision \(precision)")
                            continue
                        }
                        #expect(snapped.isValid, "snapped polygon is valid at precision \(precision)")
                        let outline = try written.boundary()
                        for q in try Self.vertices(snapped) {
                            #expect(try outline.distance(to: Geometry.point(q, in: context)) <= grid, "\(q) is off the outline at precision \(precision)")
                        }
                        continue
                    }
                    let a = try Self.vertices(written)
                    let b = try Self.vertices(try #require(feature.geometry))
                    #expect(a.count == b.count, "vertex count at precision \(precision)")
                    for (p, q) in zip(a, b) {
                        #expect(abs(p.x - q.x) <= tolerance && abs(p.y - q.y) <= tolerance, "\(p) → \(q) at precision \(precision)")
                    }
                }
            } catch {
                Issue.record("precision \(precision), radius \(radius), points \(points): \(error)")
            }
        }
    }

    static func vertices(_ geometry: Geometry) throws -> [Coordinate] {
        guard geometry.type == .polygon else { return try geometry.coordinates() }
        return try ([geometry.exteriorRing].compactMap { $0 } + geometry.interiorRings).flatMap { try $0.coordinates() }
    }

    // MARK: SVG stays well-formed XML

    /// Names made of the characters that break markup: < & > quotes, right-to-left text and marks,
    /// C0 controls (XML 1.0 forbids most even as references), NUL, noncharacters, emoji, combining marks.
    static let hostileText = Gen<String>.frequency(
        (3, Gen.element(of: ["<", ">", "&", "\"", "'", "&amp;", "<!--", "]]>", "<![CDATA["]).map { $0! }),
        (2, Gen.letterOrNumber.map { String($0 ?? "a") }),
        (2, Gen.character(in: "\u{0600}"..."\u{06FF}").map { String($0) }),      // Arabic script (Pashto, Dari, Urdu)
        (1, Gen.character(in: "\u{0590}"..."\u{05FF}").map { String($0) }),      // Hebrew
        (1, Gen.element(of: ["\u{200E}", "\u{200F}", "\u{202A}", "\u{202B}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{061C}"]).map { $0! }),  // bidi controls
        (2, Gen.unicodeScalar(in: "\u{0}"..."\u{1F}").map { String(Character($0)) }),  // C0 controls, NUL included
        (1, Gen.element(of: ["\u{7F}", "\u{85}", "\u{FFFE}", "\u{FFFF}", "\u{FEFF}", "😀", "e\u{301}", "\u{301}", "\u{10FFFF}", "\u{D7FF}"]).map { $0! }),
        (1, Gen.element(of: [" ", "\t", "\n", "\r", "\r\n"]).map { $0! })
    ).array(of: 0...30).map { $0.joined() }

    static func isWellFormedXML(_ bytes: [UInt8]) -> (ok: Bool, error: String) {
        let parser = XMLParser(data: Data(bytes))
        let ok = parser.parse()
        return (ok, parser.parserError.map { "\($0)" } ?? "")
    }

    @Test func escapedTextIsWellFormedXMLInContentAndAttributes() async {
        await propertyCheck(count: 500, input: Self.hostileText) { name in
            let escaped = SVGDocument.escape(name)
            let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>\(escaped)</title><text data-name=\"\(escaped)\" class='\(escaped)'>\(escaped)</text></svg>"
            let result = Self.isWellFormedXML(Array(svg.utf8))
            #expect(result.ok, "\(name.unicodeScalars.map { String($0.value, radix: 16) }) → \(escaped.debugDescription): \(result.error)")
            #expect(!escaped.contains("<") && !escaped.contains("\"") && !escaped.contains("'"))
        }
    }

    /// Events geocoded once from the committed sample, to be renamed by the property below.
    static let sampleEvents: [GeocodedEvent] = {
        let loaded = try! GeocodedEvents.load(path: TestPaths.geodata + "/samples/events.csv", reference: SharedGeoData.reference, workers: 1)
        return Array(loaded.events.prefix(12))
    }()

    @Test func renderedMapIsWellFormedXMLWhateverTheNames() async {
        let events = Self.sampleEvents
        await propertyCheck(count: 12, input: Self.hostileText, Self.hostileText) { name, other in
            var renamed = events
            for i in renamed.indices {
                renamed[i].event.location = name
                renamed[i].event.eventType = i % 2 == 0 ? other : name
                renamed[i].event.group = other
                renamed[i].location.adm2Name = name
                renamed[i].groupName = other
            }
            var options = SVGMapOptions()
            options.title = name
            options.eventSource = other
            do {
                let result = try SVGMapRenderer.render(renamed, gazetteer: SharedGeoData.gazetteer, boundaries: SharedGeoData.boundaries, options: options)
                let check = Self.isWellFormedXML(result.svg)
                #expect(check.ok, "title \(name.debugDescription), source \(other.debugDescription): \(check.error)")
            } catch {
                Issue.record("render failed for \(name.debugDescription): \(error)")
            }
        }
    }
}
