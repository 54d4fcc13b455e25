import Foundation
import GeoKit
import EventModel

/// Streams features to an RFC 7946 GeoJSON file: WGS84 lon/lat, no `crs` member, exterior rings
/// counter-clockwise and holes clockwise, a `bbox`, coordinates rounded to `precision` decimals.
/// With `textSequence` it writes RFC 8142 GeoJSON Text Sequences (one RS-prefixed feature per line).
public final class GeoJSONWriter {
    public let path: String
    public let precision: Int
    public let textSequence: Bool
    /// Writes every Polygon as a MultiPolygon and every LineString as a MultiLineString, so GIS
    /// clients see one geometry type per layer.
    public var promoteToMulti = false
    private let file: AtomicFile
    private var count = 0
    private var bounds: Envelope?

    public init(path: String, precision: Int = 6, textSequence: Bool = false, layerName: String? = nil) throws {
        guard (0...15).contains(precision) else {
            throw OutputError(path: path, "coordinate precision \(precision) is out of range; use 0 to 15 decimals")
        }
        self.path = path
        self.precision = precision
        self.textSequence = textSequence
        file = try AtomicFile(path: path)
        if !textSequence {
            file.write("{\"type\":\"FeatureCollection\",")
            if let layerName { file.write("\"name\":\(JSONText.quoted(layerName)),") }
            file.write("\"features\":[\n")
        }
    }

    public var featureCount: Int { count }

    public func write(_ feature: Feature) throws {
        if textSequence {
            file.write(byte: 0x1E)
        } else if count > 0 {
            file.write(",\n")
        }
        count += 1
        file.write("{\"type\":\"Feature\",\"properties\":{")
        var first = true
        for (name, value) in feature.properties {
            if !first { file.write(byte: UInt8(ascii: ",")) }
            first = false
            file.write(JSONText.quoted(name))
            file.write(byte: UInt8(ascii: ":"))
            writeValue(value)
        }
        file.write("},\"geometry\":")
        if let geometry = try feature.geometry.map(onGrid), !geometry.isEmpty {
            try writeGeometry(geometry)
            if let e = geometry.envelope { bounds = bounds?.union(e) ?? e }
        } else {
            file.write("null")
        }
        file.write(byte: UInt8(ascii: "}"))
        if textSequence { file.write(byte: UInt8(ascii: "\n")) }
    }

    /// Closes the collection with its bbox and moves the file into place.
    public func finish() throws {
        if !textSequence {
            file.write("\n]")
            if let b = bounds {
                file.write(",\"bbox\":[")
                file.withBuffer { out in
                    for (i, v) in [b.minX, b.minY, b.maxX, b.maxY].enumerated() {
                        if i > 0 { out.append(UInt8(ascii: ",")) }
                        NumberFormatting.append(v, decimals: precision, to: &out)
                    }
                }
                file.write("]")
            }
            file.write("}\n")
        }
        try file.commit()
    }

    public func discard() { file.discard() }

    /// Polygons as written at the grid of the written decimals: rounded point by point when that leaves them
    /// valid, otherwise snap-rounded by GEOS, which drops what collapses and keeps the rest valid.
    private func onGrid(_ geometry: Geometry) throws -> Geometry {
        guard [.polygon, .multiPolygon].contains(geometry.type), precision < 15 else { return geometry }
        let grid = pow(10, -Double(precision))
        let rounded = try geometry.roundedToGrid(grid)
        return rounded.isValid && !rounded.isEmpty ? rounded : try geometry.withPrecision(grid)
    }

    private func writeValue(_ value: PropertyValue) {
        switch value {
        case .null: file.write("null")
        case let .bool(b): file.write(b ? "true" : "false")
        case let .int(i): file.write(String(i))
        case let .double(d):
            if d.isFinite { file.write(String(d)) } else { file.write("null") }
        case let .string(s): file.write(JSONText.quoted(s))
        }
    }

    private func writeGeometry(_ geometry: Geometry) throws {
        switch geometry.type {
        case .point:
            file.write("{\"type\":\"Point\",\"coordinates\":")
            try writePositions(geometry.coordinates(), single: true)
        case .lineString, .linearRing:
            file.write(promoteToMulti ? "{\"type\":\"MultiLineString\",\"coordinates\":[" : "{\"type\":\"LineString\",\"coordinates\":")
            try writePositions(geometry.coordinates())
            if promoteToMulti { file.write("]") }
        case .polygon:
            file.write(promoteToMulti ? "{\"type\":\"MultiPolygon\",\"coordinates\":[" : "{\"type\":\"Polygon\",\"coordinates\":")
            try writePolygon(geometry)
            if promoteToMulti { file.write("]") }
        case .multiPoint:
            try writeParts(of: geometry, as: "MultiPoint") { try writePositions($0.coordinates(), single: true) }
        case .multiLineString:
            try writeParts(of: geometry, as: "MultiLineString") { try writePositions($0.coordinates()) }
        case .multiPolygon:
            try writeParts(of: geometry, as: "MultiPolygon") { try writePolygon($0) }
        case .geometryCollection:
            try writeParts(of: geometry, as: "GeometryCollection", member: "geometries") { try writeGeometry($0) }
        }
        file.write(byte: UInt8(ascii: "}"))
    }

    /// `{"type":TYPE,"coordinates":[part,part,…]` for a collection: each part written by `body`, comma-separated.
    private func writeParts(of geometry: Geometry, as type: String, member: String = "coordinates",
                            _ body: (Geometry) throws -> Void) throws {
        file.write("{\"type\":\"\(type)\",\"\(member)\":[")
        for (i, part) in geometry.parts.enumerated() {
            if i > 0 { file.write(byte: UInt8(ascii: ",")) }
            try body(part)
        }
        file.write("]")
    }

    private func writePolygon(_ polygon: Geometry) throws {
        file.write(byte: UInt8(ascii: "["))
        guard let exterior = polygon.exteriorRing else { file.write(byte: UInt8(ascii: "]")); return }
        try writeRing(exterior, counterClockwise: true)
        for hole in polygon.interiorRings {
            file.write(byte: UInt8(ascii: ","))
            try writeRing(hole, counterClockwise: false)
        }
        file.write(byte: UInt8(ascii: "]"))
    }

    private func writeRing(_ ring: Geometry, counterClockwise: Bool) throws {
        var coordinates = try ring.coordinates()
        if try ring.isCounterClockwise() != counterClockwise { coordinates.reverse() }
        writePositions(coordinates)
    }

    private func writePositions(_ coordinates: [Coordinate], single: Bool = false) {
        let decimals = precision
        file.withBuffer { out in
            if !single { out.append(UInt8(ascii: "[")) }
            for (i, c) in coordinates.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "["))
                NumberFormatting.append(c.x, decimals: decimals, to: &out)
                out.append(UInt8(ascii: ","))
                NumberFormatting.append(c.y, decimals: decimals, to: &out)
                out.append(UInt8(ascii: "]"))
            }
            if !single { out.append(UInt8(ascii: "]")) }
        }
    }
}

/// JSON string literals.
public enum JSONText {
    public static func quoted(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                out += "\\u" + JSONText.hex4(scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
        return out
    }
}

extension JSONText {
    static func hex4(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: false)
        return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
