import Foundation
import GeoKit
import EventModel

/// Reads the polygons and properties of a GeoJSON FeatureCollection straight from its bytes.
///
/// Written by hand because the general path (`GeoJSONFeatureReader`: Foundation's JSONSerialization, then
/// each geometry re-serialised for GEOS) took ~0.7 s for the 2.8 MB benchmark boundaries, more than the
/// whole join of a million points. Here coordinates go from text to flat doubles to GEOS coordinate
/// sequences with no object per number; GEOS still builds and checks every ring.
package struct PolygonGeoJSONScanner {
    package struct ScannedFeature {
        package var properties: [(name: String, value: PropertyValue)] = []
        package var featureID: PropertyValue?
        package var geometry: Geometry?
        package var index: Int
    }

    /// What a layer's geometries must be.
    package enum Shapes { case polygons, lines }

    private let path: String
    private let bytes: UnsafeBufferPointer<UInt8>
    private let context: GEOSContext
    private let shapes: Shapes
    private var i = 0
    private var depth = 0
    /// Flat x, y pairs of the geometry being read.
    private var flat: [Double] = []

    package init(path: String, bytes: UnsafeBufferPointer<UInt8>, context: GEOSContext, shapes: Shapes = .polygons) {
        self.path = path
        self.bytes = bytes
        self.context = context
        self.shapes = shapes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
    }

    /// The features of a FeatureCollection, or of a single Feature, in file order.
    package mutating func features() throws -> [ScannedFeature] {
        var features: [ScannedFeature] = []
        var type: String?
        var single = ScannedFeature(index: 1)
        try object { scanner, key in
            switch key {
            case "type": type = try scanner.string()
            case "features":
                try scanner.array { scanner in
                    features.append(try scanner.feature(index: features.count + 1))
                }
            case "properties": single.properties = try scanner.properties()
            case "geometry": single.geometry = try scanner.geometry(at: "\(scanner.path):feature 1:geometry")
            case "id": single.featureID = try scanner.scalar()
            default: try scanner.skipValue()
            }
        }
        skipWhitespace()
        guard i == bytes.count else { throw fail("unexpected text after the end of the GeoJSON object") }
        switch type {
        case "FeatureCollection": return features
        case "Feature": return [single]
        case nil: throw GeoDataError(file: path, "is not a GeoJSON object: the top level needs a \"type\" member")
        case let other?: throw GeoDataError(file: path, "top-level GeoJSON type is \"\(other)\"; expected a FeatureCollection or a Feature")
        }
    }

    private mutating func feature(index: Int) throws -> ScannedFeature {
        var feature = ScannedFeature(index: index)
        var type: String?
        let location = "\(path):feature \(index)"
        guard peek() == UInt8(ascii: "{") else { throw GeoDataError(file: location, "is not a GeoJSON Feature object") }
        try object { scanner, key in
            switch key {
            case "type": type = try scanner.string()
            case "properties": feature.properties = try scanner.properties()
            case "geometry": feature.geometry = try scanner.geometry(at: location + ":geometry")
            case "id": feature.featureID = try scanner.scalar()
            default: try scanner.skipValue()
            }
        }
        guard type == "Feature" else { throw GeoDataError(file: location, "is not a GeoJSON Feature object") }
        return feature
    }

    private mutating func properties() throws -> [(name: String, value: PropertyValue)] {
        if peek() == UInt8(ascii: "n") { try literal("null"); return [] }
        var properties: [(name: String, value: PropertyValue)] = []
        try object { scanner, key in properties.append((key, try scanner.scalar())) }
        return properties
    }

    // MARK: Geometry

    private enum Nesting {
        case position
        case ring(Range<Int>)
        case list([Nesting])
    }

    private mutating func geometry(at location: String) throws -> Geometry? {
        if peek() == UInt8(ascii: "n") { try literal("null"); return nil }
        var type: String?
        var coordinates: Nesting?
        flat.removeAll(keepingCapacity: true)
        try object { scanner, key in
            switch key {
            case "type": type = try scanner.string()
            case "coordinates": coordinates = try scanner.nesting()
            default: try scanner.skipValue()
            }
        }
        guard let type else { throw GeoDataError(file: location, "has no \"type\"") }
        switch shapes {
        case .polygons where type != "Polygon" && type != "MultiPolygon":
            throw GeoDataError(file: location, "is a \(type); boundaries must be Polygon or MultiPolygon")
        case .lines where type != "LineString" && type != "MultiLineString":
            throw GeoDataError(file: location, "is a \(type); lines must be LineString or MultiLineString")
        default: break
        }
        guard let coordinates else { throw GeoDataError(file: location, "has no \"coordinates\"") }
        let positions = flat.count / 2, limit = InputLimits.current.geometryPositions
        if positions > limit {
            throw GeoDataError(file: location, "has \(positions) positions, more than \(limit) (the geometry limit); simplify it first (ogr2ogr -simplify), \(InputLimits.advice(positions: limit))")
        }
        do {
            if type == "LineString" { return try line(coordinates, location) }
            if type == "MultiLineString" {
                guard case let .list(parts) = coordinates else {
                    throw GeoDataError(file: location, "MultiLineString coordinates must be an array of lines")
                }
                return try Geometry.collection(.multiLineString, parts.map { try line($0, location) }, in: context)
            }
            if type == "Polygon" { return try polygon(coordinates, location) }
            guard case let .list(parts) = coordinates else {
                throw GeoDataError(file: location, "MultiPolygon coordinates must be an array of polygons")
            }
            let polygons = try parts.map { try polygon($0, location) }
            return try Geometry.collection(.multiPolygon, polygons, in: context)
        } catch let error as GEOSError {
            throw GeoDataError(file: location, "cannot be read: \(error)")
        }
    }

    private func polygon(_ nesting: Nesting, _ location: String) throws -> Geometry {
        let rings: [Range<Int>]
        switch nesting {
        case let .list(items):
            rings = try items.map {
                guard case let .ring(range) = $0 else { throw GeoDataError(file: location, "a polygon must be an array of rings (arrays of [lon, lat] positions)") }
                return range
            }
        case let .ring(range) where range.isEmpty:
            rings = []
        default:
            throw GeoDataError(file: location, "a polygon must be an array of rings (arrays of [lon, lat] positions)")
        }
        guard let exterior = rings.first else { return try Geometry.empty(.polygon, in: context) }
        return try Geometry.polygon(exterior: coordinates(exterior), holes: rings.dropFirst().map(coordinates), in: context)
    }

    private func line(_ nesting: Nesting, _ location: String) throws -> Geometry {
        guard case let .ring(range) = nesting else {
            throw GeoDataError(file: location, "a line must be an array of [lon, lat] positions")
        }
        return try Geometry.lineString(coordinates(range), in: context)
    }

    private func coordinates(_ range: Range<Int>) -> [Coordinate] {
        var result: [Coordinate] = []
        result.reserveCapacity(range.count / 2)
        var k = range.lowerBound
        while k < range.upperBound { result.append(Coordinate(flat[k], flat[k + 1])); k += 2 }
        return result
    }

    /// An array of positions becomes a ring (a range of `flat`); deeper arrays become lists.
    private mutating func nesting() throws -> Nesting {
        skipWhitespace()
        guard peek() == UInt8(ascii: "[") else { throw fail("coordinates must be arrays") }
        try enter()
        defer { depth -= 1 }
        i += 1
        skipWhitespace()
        // A position: numbers.
        if let b = peek(), b == UInt8(ascii: "-") || (b >= 48 && b <= 57) {
            var values = 0
            while true {
                let v = try number()
                guard v.isFinite else { throw fail("a coordinate is not a finite number") }
                if values < 2 { flat.append(v) }
                values += 1
                skipWhitespace()
                if peek() == UInt8(ascii: ",") { i += 1; skipWhitespace(); continue }
                guard peek() == UInt8(ascii: "]") else { throw fail("expected ',' or ']' in a position") }
                i += 1
                break
            }
            guard values >= 2 else { throw fail("a position needs a longitude and a latitude") }
            return .position
        }
        if peek() == UInt8(ascii: "]") { i += 1; return .ring(flat.count..<flat.count) }
        let start = flat.count
        var items: [Nesting] = []
        var positions = 0
        while true {
            let item = try nesting()
            if case .position = item { positions += 1 } else { items.append(item) }
            skipWhitespace()
            if peek() == UInt8(ascii: ",") { i += 1; continue }
            guard peek() == UInt8(ascii: "]") else { throw fail("expected ',' or ']' in coordinates") }
            i += 1
            break
        }
        if positions > 0 {
            guard items.isEmpty else { throw fail("coordinates mix positions and arrays") }
            return .ring(start..<flat.count)
        }
        return .list(items)
    }

    // MARK: JSON

    private func peek() -> UInt8? { i < bytes.count ? bytes[i] : nil }

    private func fail(_ reason: String) -> GeoDataError {
        var line = 1
        for k in 0..<min(i, bytes.count) where bytes[k] == 10 { line += 1 }
        return GeoDataError(file: "\(path):\(line)", "is not valid GeoJSON: \(reason)")
    }

    private mutating func enter() throws {
        depth += 1
        if depth > 256 { throw fail("nesting is deeper than 256 levels") }
    }

    private mutating func skipWhitespace() {
        while i < bytes.count, bytes[i] == 32 || bytes[i] == 10 || bytes[i] == 13 || bytes[i] == 9 { i += 1 }
    }

    private mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard bytes.count - i >= count else { throw fail("the file ends too early") }
        for k in 0..<count where bytes[i + k] != word.utf8Start[k] { throw fail("unexpected character; expected a JSON value") }
        i += count
    }

    /// Calls `member` for each key of an object, positioned at the value, which it must consume.
    private mutating func object(_ member: (inout PolygonGeoJSONScanner, String) throws -> Void) throws {
        skipWhitespace()
        guard peek() == UInt8(ascii: "{") else { throw fail("expected an object") }
        try enter()
        defer { depth -= 1 }
        i += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "}") { i += 1; return }
        while true {
            skipWhitespace()
            let key = try string()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw fail("expected ':' after an object key") }
            i += 1
            skipWhitespace()
            try member(&self, key)
            skipWhitespace()
            if peek() == UInt8(ascii: ",") { i += 1; continue }
            guard peek() == UInt8(ascii: "}") else { throw fail("expected ',' or '}' in an object") }
            i += 1
            return
        }
    }

    private mutating func array(_ element: (inout PolygonGeoJSONScanner) throws -> Void) throws {
        skipWhitespace()
        guard peek() == UInt8(ascii: "[") else { throw fail("expected an array") }
        try enter()
        defer { depth -= 1 }
        i += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "]") { i += 1; return }
        while true {
            skipWhitespace()
            try element(&self)
            skipWhitespace()
            if peek() == UInt8(ascii: ",") { i += 1; continue }
            guard peek() == UInt8(ascii: "]") else { throw fail("expected ',' or ']' in an array") }
            i += 1
            return
        }
    }

    private mutating func string() throws -> String {
        guard peek() == UInt8(ascii: "\"") else { throw fail("expected a string") }
        i += 1
        var out: [UInt8] = []
        while true {
            guard i < bytes.count else { throw fail("a string never closes") }
            let b = bytes[i]
            i += 1
            if b == UInt8(ascii: "\"") { break }
            if b < 0x20 { throw fail("a control character inside a string; escape it") }
            guard b == UInt8(ascii: "\\") else { out.append(b); continue }
            switch JSONEscape.decode(bytes, at: &i) {
            case let .success(scalar): JSONEscape.append(scalar, to: &out)
            case let .failure(failure): throw fail(failure.reason)
            }
        }
        guard let text = String(validating: out, as: UTF8.self) else { throw fail("a string is not valid UTF-8") }
        return text
    }

    private mutating func number() throws -> Double {
        let start = i
        while i < bytes.count {
            let b = bytes[i]
            guard (b >= 48 && b <= 57) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: ".")
                    || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") else { break }
            i += 1
        }
        guard i > start, let value = PointNumber.parse(bytes.baseAddress!, start, i) else { throw fail("expected a number") }
        return value
    }

    /// A property value: strings, numbers, booleans and null as they are; arrays and objects as their JSON text.
    private mutating func scalar() throws -> PropertyValue {
        skipWhitespace()
        switch peek() {
        case UInt8(ascii: "\"")?: return .string(try string())
        case UInt8(ascii: "t")?: try literal("true"); return .bool(true)
        case UInt8(ascii: "f")?: try literal("false"); return .bool(false)
        case UInt8(ascii: "n")?: try literal("null"); return .null
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            let start = i
            try skipValue()
            return .string(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
        default:
            let start = i
            let value = try number()
            let text = UnsafeBufferPointer(rebasing: bytes[start..<i])
            if !text.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }),
               let integer = Int64(String(decoding: text, as: UTF8.self)) {
                return .int(integer)
            }
            return .double(value)
        }
    }

    private mutating func skipValue() throws {
        skipWhitespace()
        switch peek() {
        case UInt8(ascii: "{")?: try object { scanner, _ in try scanner.skipValue() }
        case UInt8(ascii: "[")?: try array { scanner in try scanner.skipValue() }
        case UInt8(ascii: "\"")?: _ = try string()
        case UInt8(ascii: "t")?: try literal("true")
        case UInt8(ascii: "f")?: try literal("false")
        case UInt8(ascii: "n")?: try literal("null")
        case nil: throw fail("the file ends too early")
        default: _ = try number()
        }
    }
}

/// Polygon layers (districts, provinces, countries) read straight from their bytes: the fast path for the
/// boundary files every command loads at start-up.
public enum PolygonLayerReader {
    /// The features of a GeoJSON FeatureCollection of Polygon/MultiPolygon features, as `Feature`s.
    public static func read(path: String, in context: GEOSContext) throws -> [Feature] {
        let data = try WholeFile.read(path: path, hint: "clip it to the area or simplify it first (ogr2ogr -clipsrc, -simplify)")
        return try data.withUnsafeBytes { raw in
            var scanner = PolygonGeoJSONScanner(path: path, bytes: raw.bindMemory(to: UInt8.self), context: context)
            return try scanner.features().map { Feature(properties: $0.properties, geometry: $0.geometry) }
        }
    }
}

/// Line layers (the border) read straight from their bytes, as `PolygonLayerReader` reads polygon layers.
public enum LineLayerReader {
    /// The features of a GeoJSON FeatureCollection of LineString/MultiLineString features, as `Feature`s.
    public static func read(path: String, in context: GEOSContext) throws -> [Feature] {
        let data = try WholeFile.read(path: path, hint: "simplify it first (ogr2ogr -simplify)")
        return try data.withUnsafeBytes { raw in
            var scanner = PolygonGeoJSONScanner(path: path, bytes: raw.bindMemory(to: UInt8.self), context: context, shapes: .lines)
            return try scanner.features().map { Feature(properties: $0.properties, geometry: $0.geometry) }
        }
    }
}
