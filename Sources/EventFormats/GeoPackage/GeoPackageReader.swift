import Foundation
import GRDB
import GeoKit
import EventModel

/// Reads feature layers of an OGC GeoPackage through SQLite (GRDB).
public final class GeoPackageReader {
    public struct Layer: Sendable, Equatable {
        public let table: String
        public let geometryColumn: String
        public let geometryType: String
        public let srsID: Int32
        public let organization: String?
        public let organizationCode: Int32?
    }

    public let path: String
    private let database: DatabaseQueue

    public init(path: String) throws {
        self.path = path
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw GeoDataError(file: path, "cannot read the file; check the path and its permissions")
        }
        var configuration = Configuration()
        configuration.readonly = true
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
            _ = try database.read { db in try Int.fetchOne(db, sql: "PRAGMA schema_version") }
        } catch {
            throw GeoDataError(file: path, "is not a GeoPackage: SQLite cannot open it (\(Self.sqliteMessage(error)))")
        }
        let tables = try database.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        for required in ["gpkg_contents", "gpkg_geometry_columns", "gpkg_spatial_ref_sys"] where !tables.contains(required) {
            throw GeoDataError(file: path, "is not a GeoPackage: table \(required) is missing")
        }
    }

    static func sqliteMessage(_ error: Error) -> String {
        (error as? DatabaseError)?.message ?? "\(error)"
    }

    /// The feature layers listed in gpkg_contents with their geometry column and SRS.
    public func layers() throws -> [Layer] {
        try database.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.table_name, g.column_name, g.geometry_type_name, g.srs_id, s.organization, s.organization_coordsys_id
                FROM gpkg_contents c
                JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
                LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id
                WHERE c.data_type = 'features'
                ORDER BY c.table_name
                """)
            return rows.map { row in
                Layer(table: row[0], geometryColumn: row[1], geometryType: row[2], srsID: row[3],
                      organization: row[4], organizationCode: row[5])
            }
        }
    }

    /// Every feature of `layerName` (the only layer when nil), with geometries in `context`.
    /// Coordinates must be WGS84 lon/lat (EPSG:4326 or the GeoPackage's undefined geographic SRS).
    public func features(layer layerName: String? = nil, in context: GEOSContext,
                         where filter: String? = nil) throws -> [Feature] {
        try rows(layer: layerName, where: filter) { layer, index, properties, blob in
            let geometry = try blob.flatMap { try Self.decodeGeometry($0, in: context, at: FeatureLocation(file: path, layer: layer.table, index: index)) }
            return Feature(properties: properties, geometry: geometry)
        }
    }

    /// Reads like `features`, but a geometry that cannot be decoded does not stop the reading: a Polygon or
    /// MultiPolygon whose rings GEOS refuses (unclosed, fewer than 4 positions) comes back as its rings, as written;
    /// any other unreadable blob comes back as the reason.
    public func lenientFeatures(layer layerName: String? = nil, in context: GEOSContext) throws -> [LenientFeature] {
        try rows(layer: layerName, where: nil) { layer, index, properties, blob in
            let location = FeatureLocation(file: path, layer: layer.table, index: index)
            var lenient = LenientFeature(feature: Feature(properties: properties, geometry: nil), location: location)
            guard let blob else { return lenient }
            if let problem = Self.blobProblem(blob, at: location) {
                lenient.problem = LenientFeature.Problem(location: problem.location, message: problem.message)
                return lenient
            }
            do {
                lenient.feature.geometry = try Self.decodeGeometry(blob, in: context, at: location)
            } catch let error as GeoDataError {
                lenient.problem = LenientFeature.Problem(location: error.location, message: error.message)
                if let header = try? GeoPackageBinary.header(of: blob) {
                    lenient.rings = WKBPolygonRings.parse(Array(blob[header.wkbOffset...]))
                }
            }
            return lenient
        }
    }

    /// Runs `make` on every row of the layer: its properties and its geometry blob (nil when NULL).
    private func rows<T>(layer layerName: String?, where filter: String?,
                         _ make: (Layer, Int, [(name: String, value: PropertyValue)], [UInt8]?) throws -> T) throws -> [T] {
        let all = try layers()
        let layer: Layer
        if let layerName {
            guard let found = all.first(where: { $0.table == layerName }) else {
                throw GeoDataError(file: path, "has no feature layer '\(layerName)'; layers: \(all.map(\.table).joined(separator: ", "))")
            }
            layer = found
        } else {
            guard all.count == 1, let only = all.first else {
                if all.isEmpty { throw GeoDataError(file: path, "has no feature layer") }
                throw GeoPackageLayerChoice(path: path, layers: all.map(\.table))
            }
            layer = only
        }
        guard layer.srsID == 4326 || layer.srsID == 0 || layer.srsID == -1
                || (layer.organization?.uppercased() == "EPSG" && layer.organizationCode == 4326) else {
            let srs = layer.organization.map { "\($0):\(layer.organizationCode ?? 0)" } ?? "srs_id \(layer.srsID)"
            throw GeoDataError(file: path, "layer '\(layer.table)' is in \(srs); reproject it to EPSG:4326 first, e.g. ogr2ogr -t_srs EPSG:4326 out.gpkg \(path)")
        }
        let quotedTable = "\"\(layer.table.replacingOccurrences(of: "\"", with: "\"\""))\""
        let sql = "SELECT * FROM \(quotedTable)" + (filter.map { " WHERE \($0)" } ?? "")
        return try database.read { db in
            let cursor = try Row.fetchCursor(db, sql: sql)
            var results: [T] = []
            var index = 0
            while let row = try cursor.next() {
                index += 1
                var properties: [(name: String, value: PropertyValue)] = []
                var blob: [UInt8]?
                for (column, dbValue) in row {
                    if column == layer.geometryColumn {
                        if case let .blob(data) = dbValue.storage { blob = [UInt8](data) }
                    } else {
                        properties.append((column, Self.propertyValue(dbValue)))
                    }
                }
                results.append(try make(layer, index, properties, blob))
            }
            return results
        }
    }

    /// A blob over the geometry limit (docs/LIMITS.md), refused before SQLite's bytes are parsed.
    static func blobProblem(_ blob: [UInt8], at location: FeatureLocation, limits: InputLimits = .current) -> GeoDataError? {
        guard blob.count > limits.geometryBlobBytes else { return nil }
        return GeoDataError(file: location.description, "geometry cannot be read: its blob has \(blob.count) bytes, more than \(limits.geometryBlobBytes) (the geometry limit of \(limits.geometryPositions) positions); simplify it first (ogr2ogr -simplify), \(limits.geometryAdvice)")
    }

    static func decodeGeometry(_ blob: [UInt8], in context: GEOSContext, at location: FeatureLocation) throws -> Geometry? {
        if let problem = blobProblem(blob, at: location) { throw problem }
        do {
            let header = try GeoPackageBinary.header(of: blob)
            if header.isEmpty { return nil }
            return try Geometry(wkb: Array(blob[header.wkbOffset...]), in: context)
        } catch {
            throw GeoDataError(file: location.description, "geometry cannot be read: \(error)")
        }
    }

    static func propertyValue(_ value: DatabaseValue) -> PropertyValue {
        switch value.storage {
        case .null: .null
        case let .int64(i): .int(i)
        case let .double(d): .double(d)
        case let .string(s): .string(s)
        case let .blob(b): .string(b.base64EncodedString())
        }
    }
}

/// A GeoPackage holds several feature layers and none was named.
public struct GeoPackageLayerChoice: Error, Equatable, CustomStringConvertible {
    public let path: String
    public let layers: [String]
    public var description: String {
        "\(path): has \(layers.count) feature layers (\(layers.joined(separator: ", "))); name the one to read"
    }
}

/// Reads the rings of a WKB Polygon or MultiPolygon (ISO or extended WKB, XY/Z/M/ZM, either byte order)
/// without building them, for the rings GEOS refuses to build. Nil when the bytes are not such a geometry
/// or run short.
enum WKBPolygonRings {
    static func parse(_ bytes: [UInt8]) -> [[[Coordinate]]]? {
        var reader = Reader(bytes: bytes)
        guard let (type, dimensions) = reader.header() else { return nil }
        switch type {
        case 3: return reader.polygon(dimensions: dimensions).map { [$0] }
        case 6:
            guard let count = reader.count() else { return nil }
            var polygons: [[[Coordinate]]] = []
            for _ in 0..<count {
                guard let (partType, partDimensions) = reader.header(), partType == 3,
                      let polygon = reader.polygon(dimensions: partDimensions) else { return nil }
                polygons.append(polygon)
            }
            return polygons
        default: return nil
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0
        var littleEndian = true

        init(bytes: [UInt8]) { self.bytes = bytes }

        /// The byte order, the base type (1–7) and the number of ordinates per position.
        mutating func header() -> (type: UInt32, dimensions: Int)? {
            guard offset < bytes.count, bytes[offset] <= 1 else { return nil }
            littleEndian = bytes[offset] == 1
            offset += 1
            guard let raw = uint32() else { return nil }
            var dimensions = 2
            if raw & 0x8000_0000 != 0 { dimensions += 1 }   // EWKB Z
            if raw & 0x4000_0000 != 0 { dimensions += 1 }   // EWKB M
            if raw & 0x2000_0000 != 0 { guard uint32() != nil else { return nil } }  // EWKB SRID
            let iso = raw & 0x0FFF_FFFF
            switch iso / 1000 {
            case 1, 2: dimensions += 1
            case 3: dimensions += 2
            default: break
            }
            return (iso % 1000, dimensions)
        }

        mutating func count() -> Int? {
            guard let n = uint32(), Int(n) <= (bytes.count - offset) / 4 else { return nil }
            return Int(n)
        }

        mutating func polygon(dimensions: Int) -> [[Coordinate]]? {
            guard let ringCount = count() else { return nil }
            var rings: [[Coordinate]] = []
            for _ in 0..<ringCount {
                guard let n = count(), n * dimensions * 8 <= bytes.count - offset else { return nil }
                var ring: [Coordinate] = []
                ring.reserveCapacity(n)
                for _ in 0..<n {
                    guard let x = double(), let y = double() else { return nil }
                    offset += (dimensions - 2) * 8
                    ring.append(Coordinate(x, y))
                }
                rings.append(ring)
            }
            return rings
        }

        mutating func uint32() -> UInt32? {
            guard offset + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for i in 0..<4 { value |= UInt32(bytes[offset + i]) << (8 * (littleEndian ? i : 3 - i)) }
            offset += 4
            return value
        }

        mutating func double() -> Double? {
            guard offset + 8 <= bytes.count else { return nil }
            var bits: UInt64 = 0
            for i in 0..<8 { bits |= UInt64(bytes[offset + i]) << (8 * (littleEndian ? i : 7 - i)) }
            offset += 8
            return Double(bitPattern: bits)
        }
    }
}
