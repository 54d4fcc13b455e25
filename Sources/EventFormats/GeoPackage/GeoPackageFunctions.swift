import Foundation
import GRDB
import GeoKit
import EventModel

extension GeoPackageBinary {
    /// The XY envelope of a GeoPackage geometry blob: from its header when it has one, otherwise from
    /// its WKB through GEOS; nil for an empty geometry.
    public static func envelope(of blob: [UInt8]) throws -> Envelope? {
        let header = try header(of: blob)
        if header.isEmpty { return nil }
        if header.wkbOffset >= 8 + 32 {
            let littleEndian = blob[3] & 1 == 1
            func double(at offset: Int) -> Double {
                var raw: UInt64 = 0
                for i in 0..<8 { raw |= UInt64(blob[offset + i]) << (8 * UInt64(i)) }
                return Double(bitPattern: littleEndian ? raw : raw.byteSwapped)
            }
            // Envelope order in the header: minx, maxx, miny, maxy.
            return Envelope(minX: double(at: 8), minY: double(at: 24), maxX: double(at: 16), maxY: double(at: 32))
        }
        let geometry = try Geometry(wkb: Array(blob[header.wkbOffset...]), in: GEOSContext())
        return geometry.envelope
    }
}

/// The SQL functions the GeoPackage R-tree triggers call (ST_IsEmpty, ST_MinX, ST_MaxX, ST_MinY, ST_MaxY),
/// as GDAL defines them, so the triggers fire on our own connection: inserting a row fills the index.
enum GeoPackageFunctions {
    static func register(in db: Database) {
        db.add(function: DatabaseFunction("ST_IsEmpty", argumentCount: 1, pure: true) { arguments in
            guard let blob = blob(arguments[0]) else { return nil }
            guard let header = try? GeoPackageBinary.header(of: blob) else { return nil }
            return header.isEmpty
        })
        let parts: [(String, @Sendable (Envelope) -> Double)] = [
            ("ST_MinX", { $0.minX }), ("ST_MaxX", { $0.maxX }), ("ST_MinY", { $0.minY }), ("ST_MaxY", { $0.maxY }),
        ]
        for (name, value) in parts {
            db.add(function: DatabaseFunction(name, argumentCount: 1, pure: true) { arguments in
                guard let blob = blob(arguments[0]), let envelope = try? GeoPackageBinary.envelope(of: blob) else { return nil }
                return value(envelope)
            })
        }
    }

    private static func blob(_ value: DatabaseValue) -> [UInt8]? {
        guard case let .blob(data) = value.storage else { return nil }
        return [UInt8](data)
    }
}
