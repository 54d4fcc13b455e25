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
            var features: [Feature] = []
            var index = 0
            while let row = try cursor.next() {
                index += 1
                var properties: [(name: String, value: PropertyValue)] = []
                var geometry: Geometry?
                for (column, dbValue) in row {
                    if column == layer.geometryColumn {
                        guard case let .blob(data) = dbValue.storage else { continue }
                        geometry = try Self.decodeGeometry([UInt8](data), in: context,
                            at: FeatureLocation(file: path, layer: layer.table, index: index))
                    } else {
                        properties.append((column, Self.propertyValue(dbValue)))
                    }
                }
                features.append(Feature(properties: properties, geometry: geometry))
            }
            return features
        }
    }

    static func decodeGeometry(_ blob: [UInt8], in context: GEOSContext, at location: FeatureLocation) throws -> Geometry? {
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
