import Foundation
import GeoKit
import EventModel

/// The GeoPackage geometry encoding (OGC 12-128r18 §2.1.3): a "GP" header with SRS id and envelope, then WKB.
public enum GeoPackageBinary {
    public struct Header: Equatable, Sendable {
        public var srsID: Int32
        public var isEmpty: Bool
        public var wkbOffset: Int
    }

    public enum DecodeError: Error, CustomStringConvertible, Equatable {
        case tooShort(Int)
        case badMagic
        case unsupportedVersion(UInt8)
        case badEnvelope(UInt8)
        case extendedType

        public var description: String {
            switch self {
            case let .tooShort(n): "geometry blob of \(n) bytes is too short for a GeoPackage header"
            case .badMagic: "geometry blob does not start with the GeoPackage magic 'GP'"
            case let .unsupportedVersion(v): "GeoPackage geometry version \(v) is not supported (expected 0)"
            case let .badEnvelope(code): "GeoPackage envelope code \(code) is invalid (0 to 4 allowed)"
            case .extendedType: "extended GeoPackage geometry types are not supported"
            }
        }
    }

    /// Reads the header of a GeoPackage geometry blob.
    public static func header(of blob: [UInt8]) throws(DecodeError) -> Header {
        guard blob.count >= 8 else { throw .tooShort(blob.count) }
        guard blob[0] == 0x47, blob[1] == 0x50 else { throw .badMagic }
        guard blob[2] == 0 else { throw .unsupportedVersion(blob[2]) }
        let flags = blob[3]
        guard flags & 0b0010_0000 == 0 else { throw .extendedType }
        let littleEndian = flags & 1 == 1
        let envelopeCode = (flags >> 1) & 0b111
        let envelopeBytes: Int
        switch envelopeCode {
        case 0: envelopeBytes = 0
        case 1: envelopeBytes = 32
        case 2, 3: envelopeBytes = 48
        case 4: envelopeBytes = 64
        default: throw .badEnvelope(envelopeCode)
        }
        let raw = UInt32(blob[4]) | UInt32(blob[5]) << 8 | UInt32(blob[6]) << 16 | UInt32(blob[7]) << 24
        let srs = Int32(bitPattern: littleEndian ? raw : raw.byteSwapped)
        let offset = 8 + envelopeBytes
        guard blob.count >= offset else { throw .tooShort(blob.count) }
        return Header(srsID: srs, isEmpty: flags & 0b0001_0000 != 0, wkbOffset: offset)
    }

    /// Encodes WKB as a GeoPackage blob: little-endian header with an XY envelope (or the empty flag).
    public static func encode(wkb: [UInt8], srsID: Int32, envelope: (minX: Double, maxX: Double, minY: Double, maxY: Double)?) -> [UInt8] {
        var out: [UInt8] = [0x47, 0x50, 0]
        out.reserveCapacity(wkb.count + 40)
        out.append(envelope == nil ? 0b0001_0001 : 0b0000_0011)
        withUnsafeBytes(of: srsID.littleEndian) { out.append(contentsOf: $0) }
        if let e = envelope {
            for v in [e.minX, e.maxX, e.minY, e.maxY] {
                withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) }
            }
        }
        out.append(contentsOf: wkb)
        return out
    }
}
