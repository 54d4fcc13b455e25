import GeoKit
import EventModel
import EventFormats

/// Rows in PostgreSQL's COPY text format: columns separated by tabs, rows ended by a newline, NULL as `\N`,
/// and backslash, tab, newline and carriage return escaped inside values. Geometries are hex EWKB (the
/// GEOS WKB with the SRID flag and SRID added), read exactly by PostGIS. Rows are built in one byte buffer.
public struct CopyTextRows {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 1 << 18) { bytes.reserveCapacity(capacity) }

    public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    public mutating func appendNull() { bytes.append(contentsOf: [0x5C, 0x4E]) }  // \N
    public mutating func endColumn() { bytes.append(0x09) }
    public mutating func endRow() { bytes.append(0x0A) }

    /// A value of a column of type `type` (already coerced to it). Throws for what the column cannot hold.
    public mutating func append(_ value: PropertyValue, as type: FieldType) throws(CopyValueError) {
        switch (value, type) {
        case (.null, _): appendNull()
        case let (.string(s), .text): try appendText(s)
        case (_, .text): try appendText(value.description)
        case let (.int(i), .integer): appendASCII(String(i))
        case let (.double(d), .real): if d.isFinite { appendASCII(d.description) } else { appendNull() }
        case let (.int(i), .real): appendASCII(Double(i).description)
        case let (.bool(b), .boolean): bytes.append(b ? 0x74 : 0x66)  // t / f
        default: throw CopyValueError(reason: "'\(value.description)' is not a value of a \(type.rawValue) column")
        }
    }

    /// Text with COPY's escapes; a NUL character (which PostgreSQL text cannot hold) is an error.
    public mutating func appendText(_ text: String) throws(CopyValueError) {
        for byte in text.utf8 {
            switch byte {
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C)  // \\
            case 0x09: bytes.append(0x5C); bytes.append(0x74)  // \t
            case 0x0A: bytes.append(0x5C); bytes.append(0x6E)  // \n
            case 0x0D: bytes.append(0x5C); bytes.append(0x72)  // \r
            case 0x00: throw CopyValueError(reason: "the text contains a NUL character, which PostgreSQL text cannot hold")
            default: bytes.append(byte)
            }
        }
    }

    /// A geometry as hex EWKB with `srid`.
    public mutating func appendGeometry(_ geometry: Geometry, srid: Int32) throws {
        let wkb = try geometry.wkb()
        guard wkb.count >= 5, wkb[0] == 1 else { throw CopyValueError(reason: "GEOS wrote WKB that is not little-endian") }
        appendHex(wkb[0])
        var type = UInt32(wkb[1]) | UInt32(wkb[2]) << 8 | UInt32(wkb[3]) << 16 | UInt32(wkb[4]) << 24
        type |= 0x2000_0000  // EWKB: an SRID follows the type
        for shift in stride(from: 0, to: 32, by: 8) { appendHex(UInt8(truncatingIfNeeded: type >> UInt32(shift))) }
        let srid = UInt32(bitPattern: srid)
        for shift in stride(from: 0, to: 32, by: 8) { appendHex(UInt8(truncatingIfNeeded: srid >> UInt32(shift))) }
        for byte in wkb[5...] { appendHex(byte) }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private mutating func appendHex(_ byte: UInt8) {
        bytes.append(Self.hexDigits[Int(byte >> 4)])
        bytes.append(Self.hexDigits[Int(byte & 0x0F)])
    }

    private mutating func appendASCII(_ text: String) { bytes.append(contentsOf: text.utf8) }
}

/// A value that its column cannot hold.
public struct CopyValueError: Error, Equatable, CustomStringConvertible {
    public let reason: String
    public var description: String { reason }
}
