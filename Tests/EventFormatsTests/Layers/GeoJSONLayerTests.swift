import Foundation
import GeoKit
import Testing
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
@testable import Analysis
@testable import Cartography
@testable import Jobs
import TestSupport

@Suite struct GeoJSONLayerTests {
    /// Every demo layer as GeoJSON opens in GDAL without warnings, with counts, one geometry type and typed columns.
    @Test func demoLayersOpenInGDAL() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let set = try DemoEvents.layers()
        let paths = try LayerSetWriter.write(set, directory: directory, format: .geoJSON)
        #expect(paths.map { URL(fileURLWithPath: $0).lastPathComponent }
                == ["events", "origins", "links", "crossings", "districts", "provinces", "border_segments", "corridor", "group_bases"].map { $0 + ".geojson" })
        let expectedGeometry = ["events": "Point", "origins": "Point", "links": "Line String", "crossings": "Point", "districts": "Multi Polygon",
                                "provinces": "Multi Polygon", "border_segments": "Multi Line String", "corridor": "Multi Polygon",
                                "group_bases": "Point"]
        for (layer, path) in zip(set.layers, paths) {
            let summary = try #require(try OGRInfo.summary(path)[layer.name], "ogrinfo names the layer \(layer.name)")
            #expect(summary.featureCount == layer.features.count, "\(layer.name)")
            #expect(summary.geometry == expectedGeometry[layer.name], "\(layer.name): \(summary.geometry)")
            #expect(summary.text.contains("ID[\"EPSG\",4326]"))
        }
        let events = try #require(try OGRInfo.summary(paths[0])["events"]).fields
        #expect(events["fatalities_low"] == "Integer")
        #expect(events["geo_confidence"] == "Real")
        #expect(events["latitude"] == "Real")
        #expect(events["attribution"] == "String")
        #expect(events["cross_border"] == "Integer(Boolean)")
        let districts = try #require(try OGRInfo.summary(paths[4])["districts"]).fields
        #expect(districts["events"] == "Integer" && districts["area_km2"] == "Real" && districts["approximate"] == "Integer(Boolean)")
        let links = try #require(try OGRInfo.summary(paths[2])["links"]).fields
        #expect(links["length_km"] == "Real")
    }

    /// RFC 7946: no `crs`, a correct `bbox`, exterior rings counter-clockwise and holes clockwise
    /// (signed area computed here, not by GEOS), coordinates with at most `precision` decimals,
    /// and a column never a number in one feature and a string in another.
    @Test(arguments: [6, 3])
    func rfc7946(precision: Int) throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let context = GEOSContext()
        var set = try DemoEvents.layers(context: context)
        // Wound the wrong way on purpose: clockwise shell, counter-clockwise hole.
        let wrong = try Geometry(wkt: "POLYGON((70 33, 70 34, 71 34, 71 33, 70 33), (70.2 33.2, 70.4 33.2, 70.4 33.4, 70.2 33.4, 70.2 33.2))", in: context)
        set.set(FeatureLayer(name: "holes", geometryType: .multiPolygon, features: [
            Feature(properties: [("value", .int(1))], geometry: wrong),
            Feature(properties: [("value", .double(1.123456789))], geometry: nil),
        ]))
        let paths = try LayerSetWriter.write(set, directory: directory, format: .geoJSON, options: OutputOptions(coordinateDecimals: precision))
        var holesSeen = 0
        for path in paths {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(root["type"] as? String == "FeatureCollection")
            #expect(root["crs"] == nil, "\(path) has a crs member")
            let features = try #require(root["features"] as? [[String: Any]])
            var positions: [[Double]] = []
            var columnKinds: [String: Set<String>] = [:]
            for feature in features {
                #expect(feature["crs"] == nil)
                let properties = try #require(feature["properties"] as? [String: Any])
                for (name, value) in properties where !(value is NSNull) {
                    columnKinds[name, default: []].insert(Self.kind(value))
                }
                guard let geometry = feature["geometry"] as? [String: Any] else { continue }
                let type = try #require(geometry["type"] as? String)
                let coordinates = try #require(geometry["coordinates"])
                switch type {
                case "Polygon":
                    holesSeen += try checkPolygon(coordinates, path: path)
                case "MultiPolygon":
                    for polygon in try #require(coordinates as? [Any]) { holesSeen += try checkPolygon(polygon, path: path) }
                default: break
                }
                Self.flatten(coordinates, into: &positions)
            }
            for (name, kinds) in columnKinds { #expect(kinds.count == 1, "\(path): column \(name) is \(kinds)") }
            if !positions.isEmpty {
                let bbox = try #require(root["bbox"] as? [Double], "\(path) has no bbox")
                let expected = [positions.map { $0[0] }.min()!, positions.map { $0[1] }.min()!,
                                positions.map { $0[0] }.max()!, positions.map { $0[1] }.max()!]
                let tolerance = pow(10, -Double(precision))
                #expect(bbox.count == 4 && zip(bbox, expected).allSatisfy { abs($0 - $1) <= tolerance }, "\(path): bbox \(bbox) vs \(expected)")
                #expect(positions.allSatisfy { (-180...180).contains($0[0]) && (-90...90).contains($0[1]) })
            }
            // Decimals as written, read from the text itself.
            let text = String(decoding: data, as: UTF8.self)
            let worst = Self.maxCoordinateDecimals(text)
            #expect(worst <= precision, "\(path): coordinates with \(worst) decimals")
        }
        #expect(holesSeen >= 1)
        // Non-coordinate numbers keep their full value: the real column got 1.0 and 1.123456789, not rounded.
        let holes = String(decoding: try Data(contentsOf: URL(fileURLWithPath: directory + "/holes.geojson")), as: UTF8.self)
        #expect(holes.contains("\"value\":1.0") && holes.contains("\"value\":1.123456789"))
    }

    /// RFC 8142 text sequences: every record starts with RS (0x1E), ends with LF and parses alone.
    @Test func textSequences() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let set = try DemoEvents.layers()
        let paths = try LayerSetWriter.write(set, directory: directory, format: .geoJSONSeq, options: OutputOptions(coordinateDecimals: 5))
        #expect(paths.allSatisfy { $0.hasSuffix(".geojsons") })
        for (layer, path) in zip(set.layers, paths) {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            if layer.features.isEmpty { #expect(bytes.isEmpty); continue }
            #expect(bytes.first == 0x1E && bytes.last == 0x0A, "\(path)")
            let records = bytes.split(separator: 0x1E, omittingEmptySubsequences: false).dropFirst()
            #expect(records.count == layer.features.count, "\(path)")
            for record in records {
                #expect(record.last == 0x0A)
                #expect(!record.dropLast().contains(0x0A), "a record spans lines")
                let object = try JSONSerialization.jsonObject(with: Data(record)) as? [String: Any]
                #expect(object?["type"] as? String == "Feature")
            }
            // GDAL reads the sequence as one layer too.
            let summary = try OGRInfo.summary(path)
            #expect(summary.values.first?.featureCount == layer.features.count, "\(path)")
        }
    }

    /// The exterior ring's signed area is positive (counter-clockwise), each hole's negative.
    func checkPolygon(_ value: Any, path: String) throws -> Int {
        let rings = try #require(value as? [[[Double]]], "\(path): polygon coordinates")
        for (i, ring) in rings.enumerated() {
            #expect(ring.count >= 4 && ring.first == ring.last, "\(path): ring not closed")
            let area = Self.signedArea(ring)
            if i == 0 { #expect(area > 0, "\(path): exterior ring is clockwise") } else { #expect(area < 0, "\(path): hole is counter-clockwise") }
        }
        return rings.count - 1
    }

    static func signedArea(_ ring: [[Double]]) -> Double {
        var sum = 0.0
        for i in 0..<(ring.count - 1) { sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1] }
        return sum / 2
    }

    static func flatten(_ value: Any, into positions: inout [[Double]]) {
        if let position = value as? [Double] { positions.append(position); return }
        if let array = value as? [Any] { for item in array { flatten(item, into: &positions) } }
    }

    static func kind(_ value: Any) -> String {
        // JSONSerialization gives true/false as a boolean NSNumber subclass (__NSCFBoolean).
        if String(describing: type(of: value)).contains("Boolean") { return "boolean" }
        if value is NSNumber { return "number" }
        return value is String ? "string" : "\(type(of: value))"
    }

    /// The most decimals of any number inside a "coordinates" or "bbox" member of the text.
    static func maxCoordinateDecimals(_ text: String) -> Int {
        var worst = 0
        let bytes = Array(text.utf8)
        for key in ["\"coordinates\":", "\"bbox\":"] {
            let keyBytes = Array(key.utf8)
            var i = 0
            while i + keyBytes.count <= bytes.count {
                guard bytes[i..<(i + keyBytes.count)].elementsEqual(keyBytes) else { i += 1; continue }
                var j = i + keyBytes.count, depth = 0, decimals = -1
                repeat {
                    let b = bytes[j]
                    if b == UInt8(ascii: "[") { depth += 1 }
                    if b == UInt8(ascii: "]") { depth -= 1 }
                    if b == UInt8(ascii: ".") { decimals = 0 } else if decimals >= 0, (48...57).contains(b) { decimals += 1 } else {
                        if b == UInt8(ascii: "e") || b == UInt8(ascii: "E") { worst = max(worst, 99) }
                        worst = max(worst, decimals)
                        decimals = -1
                    }
                    j += 1
                } while depth > 0 && j < bytes.count
                i = j
            }
        }
        return worst
    }
}
