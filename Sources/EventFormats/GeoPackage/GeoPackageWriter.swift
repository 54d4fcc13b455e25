import Foundation
import GRDB
import GeoKit
import EventModel

#if canImport(Glibc)
import Glibc
#endif

/// Writes feature layers into one OGC GeoPackage 1.3 (SQLite through GRDB): `application_id` 'GPKG',
/// `user_version` 10300, the three required spatial reference systems, `gpkg_contents` with each layer's
/// bounding box, `gpkg_geometry_columns`, and per layer a feature table (`fid INTEGER PRIMARY KEY
/// AUTOINCREMENT`, a geometry column `geom` in GeoPackage binary, typed attribute columns) with an R-tree
/// spatial index (`gpkg_rtree_index`: virtual table `rtree_<table>_geom` and the standard triggers).
///
/// The index is filled by the standard triggers as rows are inserted: the writer registers the trigger
/// functions (ST_IsEmpty, ST_MinX, …) on its connection, as GDAL and QGIS do on theirs, so the file stays
/// editable in either. Rows are inserted in transactions of `batchSize` with one prepared statement per layer.
///
/// The database is built under a temporary name beside `path` and renamed into place by `finish()`;
/// on failure or `discard()` nothing appears at `path`.
public final class GeoPackageWriter {
    public let path: String
    /// The name of every layer's geometry column.
    public static let geometryColumn = "geom"
    /// Rows buffered per layer before they are inserted in one transaction.
    public var batchSize = 1024
    let temporaryPath: String
    var database: DatabaseQueue?
    private var layers: [GeoPackageLayerWriter] = []

    public init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        if !FileManager.default.fileExists(atPath: directory) {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw OutputError(path: path, "cannot create the folder \(directory): \(error.localizedDescription)")
            }
        }
        temporaryPath = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        TemporaryFiles.shared.register(temporaryPath)
        TemporaryFiles.shared.register(temporaryPath + "-journal")
        var configuration = Configuration()
        configuration.prepareDatabase { db in GeoPackageFunctions.register(in: db) }
        do {
            let database = try DatabaseQueue(path: temporaryPath, configuration: configuration)
            self.database = database
            try database.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA application_id = \(GeoPackageSQL.applicationID)")
                try db.execute(sql: "PRAGMA user_version = \(GeoPackageSQL.userVersion)")
                try db.inTransaction {
                    try db.execute(sql: GeoPackageSQL.coreTables)
                    for srs in GeoPackageSQL.spatialReferenceSystems {
                        try db.execute(sql: """
                            INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id, definition, description)
                            VALUES (?, ?, ?, ?, ?, ?)
                            """, arguments: [srs.name, srs.id, srs.organization, srs.code, srs.definition, srs.description])
                    }
                    return .commit
                }
            }
        } catch {
            discard()
            throw OutputError(path: path, "cannot create the GeoPackage: \(Self.message(error)); check that the folder is writable")
        }
    }

    deinit {
        if database != nil { discard() }
    }

    /// Starts a layer: creates its table, geometry column entry, contents row and R-tree index.
    /// Write its features with `GeoPackageLayerWriter.write`; layers may be written interleaved.
    public func createLayer(name: String, geometryType: LayerGeometryType, schema: LayerSchema,
                            description: String = "") throws -> GeoPackageLayerWriter {
        guard let database else { throw OutputError(path: path, "the GeoPackage was already finished or discarded") }
        try validate(layerName: name)
        let columns = Self.columnNames(schema.names)
        let table = GeoPackageSQL.quote(name)
        let geom = Self.geometryColumn
        var definition = ["\(GeoPackageSQL.quote("fid")) INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL",
                          "\(GeoPackageSQL.quote(geom)) \(geometryType.rawValue)"]
        for (field, column) in zip(schema.fields, columns) {
            definition.append("\(GeoPackageSQL.quote(column)) \(field.type.sqlType)")
        }
        do {
            try database.inTransaction { db in
                try db.execute(sql: "CREATE TABLE \(table) (\(definition.joined(separator: ", ")))")
                try db.execute(sql: """
                    INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id)
                    VALUES (?, 'features', ?, ?, 4326)
                    """, arguments: [name, name, description])
                try db.execute(sql: """
                    INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m)
                    VALUES (?, ?, ?, 4326, 0, 0)
                    """, arguments: [name, geom, geometryType.rawValue])
                let rtree = GeoPackageSQL.quote(GeoPackageSQL.rtreeName(table: name, column: geom))
                try db.execute(sql: "CREATE VIRTUAL TABLE \(rtree) USING rtree(id, minx, maxx, miny, maxy)")
                for trigger in GeoPackageSQL.rtreeTriggers(table: name, column: geom) { try db.execute(sql: trigger) }
                try db.execute(sql: """
                    INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope)
                    VALUES (?, ?, ?, ?, 'write-only')
                    """, arguments: [name, geom, GeoPackageSQL.rtreeExtension, GeoPackageSQL.rtreeDefinition])
                return .commit
            }
        } catch {
            throw OutputError(path: path, "cannot create layer '\(name)': \(Self.message(error))")
        }
        let insert = "INSERT INTO \(table) (\(([geom] + columns).map(GeoPackageSQL.quote).joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: columns.count + 1).joined(separator: ", ") + ")"
        let layer = GeoPackageLayerWriter(writer: self, name: name, geometryType: geometryType, schema: schema, insertSQL: insert)
        layers.append(layer)
        return layer
    }

    /// Writes a whole layer: columns typed from its features, every feature normalized to them.
    @discardableResult
    public func write(_ layer: FeatureLayer) throws -> GeoPackageLayerWriter {
        let writer = try createLayer(name: layer.name, geometryType: layer.geometryType, schema: layer.schema,
                                     description: layer.description)
        for feature in layer.features { try writer.write(feature) }
        try writer.flush()
        return writer
    }

    /// Inserts what is buffered, records each layer's bounding box and time of change, closes the
    /// database and moves it into place.
    public func finish() throws {
        guard let database else { throw OutputError(path: path, "the GeoPackage was already finished or discarded") }
        do {
            for layer in layers { try layer.flush() }
            try database.inTransaction { db in
                for layer in layers {
                    let b = layer.bounds
                    try db.execute(sql: """
                        UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?,
                          last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE table_name = ?
                        """, arguments: [b?.minX, b?.minY, b?.maxX, b?.maxY, layer.name])
                }
                return .commit
            }
            try database.close()
        } catch {
            discard()
            throw OutputError(path: path, "writing failed (\(Self.message(error))); nothing was written there. Free some space or choose another place")
        }
        self.database = nil
        if rename(temporaryPath, path) != 0 {
            let reason = String(cString: strerror(errno))
            removeTemporaryFiles()
            throw OutputError(path: path, "cannot move the finished file into place: \(reason)")
        }
        removeTemporaryFiles()
    }

    /// Abandons the GeoPackage: nothing appears at `path`.
    public func discard() {
        try? database?.close()
        database = nil
        removeTemporaryFiles()
    }

    private func removeTemporaryFiles() {
        for file in [temporaryPath, temporaryPath + "-journal"] {
            unlink(file)
            TemporaryFiles.shared.unregister(file)
        }
    }

    private func validate(layerName name: String) throws {
        let lowered = name.lowercased()
        guard !name.isEmpty, !lowered.hasPrefix("gpkg_"), !lowered.hasPrefix("rtree_"), !lowered.hasPrefix("sqlite_") else {
            throw OutputError(path: path, "'\(name)' cannot name a GeoPackage layer: names must not be empty or start with gpkg_, rtree_ or sqlite_")
        }
        guard !layers.contains(where: { $0.name.lowercased() == lowered }) else {
            throw OutputError(path: path, "the GeoPackage already has a layer '\(name)'; layer names must differ (case-insensitively)")
        }
    }

    /// Column names for `names` that SQLite accepts: unique regardless of case and clear of `fid` and `geom`
    /// (a clash gets a `_2`, `_3`… suffix). Other databases (PostGIS) name their columns the same way and may
    /// reserve more names.
    public static func columnNames(_ names: [String], reserving reserved: Set<String> = []) -> [String] {
        var used: Set<String> = Set(["fid", geometryColumn]).union(reserved.map { $0.lowercased() })
        return names.map { name in
            var candidate = name.isEmpty ? "field" : name
            var n = 1
            while used.contains(candidate.lowercased()) {
                n += 1
                candidate = (name.isEmpty ? "field" : name) + "_\(n)"
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    static func message(_ error: Error) -> String {
        if let db = error as? DatabaseError { return db.message ?? "\(db)" }
        return "\(error)"
    }
}

/// One layer of a `GeoPackageWriter` being filled.
public final class GeoPackageLayerWriter {
    public let name: String
    public let geometryType: LayerGeometryType
    public let schema: LayerSchema
    public private(set) var featureCount = 0
    /// The extent of the geometries written so far.
    public private(set) var bounds: Envelope?
    private unowned let writer: GeoPackageWriter
    private let insertSQL: String
    private let columnIndex: [String: Int]
    private var pending: [[DatabaseValue]] = []

    init(writer: GeoPackageWriter, name: String, geometryType: LayerGeometryType, schema: LayerSchema, insertSQL: String) {
        self.writer = writer
        self.name = name
        self.geometryType = geometryType
        self.schema = schema
        self.insertSQL = insertSQL
        var index: [String: Int] = [:]
        for (i, field) in schema.fields.enumerated() where index[field.name] == nil { index[field.name] = i }
        columnIndex = index
    }

    /// Adds one feature: its properties by column name (unknown names are an error, missing ones null),
    /// each coerced to its column's type; its geometry promoted to the layer's multi type when single.
    public func write(_ feature: Feature) throws {
        featureCount += 1
        var row = [DatabaseValue](repeating: .null, count: schema.fields.count + 1)
        if let geometry = feature.geometry {
            let stored = try geometryType.conform(geometry, layer: "\(writer.path): layer \(name)", index: featureCount)
            let envelope = stored.envelope
            let blob = GeoPackageBinary.encode(wkb: try stored.wkb(), srsID: 4326,
                                               envelope: envelope.map { ($0.minX, $0.maxX, $0.minY, $0.maxY) })
            row[0] = Data(blob).databaseValue
            if let envelope { bounds = bounds?.union(envelope) ?? envelope }
        }
        for (name, value) in feature.properties {
            guard let i = columnIndex[name] else {
                throw OutputError(path: writer.path, "layer \(self.name), feature \(featureCount): property '\(name)' is not a column of the layer (columns: \(schema.names.joined(separator: ", ")))")
            }
            row[i + 1] = Self.databaseValue(schema.fields[i].type.coerce(value))
        }
        pending.append(row)
        if pending.count >= writer.batchSize { try flush() }
    }

    /// Inserts the buffered rows in one transaction.
    public func flush() throws {
        guard !pending.isEmpty else { return }
        guard let database = writer.database else {
            throw OutputError(path: writer.path, "the GeoPackage was already finished or discarded")
        }
        let rows = pending
        pending.removeAll(keepingCapacity: true)
        do {
            try database.inTransaction { db in
                let statement = try db.cachedStatement(sql: insertSQL)
                for row in rows { try statement.execute(arguments: StatementArguments(row)) }
                return .commit
            }
        } catch {
            throw OutputError(path: writer.path, "cannot insert into layer \(name): \(GeoPackageWriter.message(error))")
        }
    }

    static func databaseValue(_ value: PropertyValue) -> DatabaseValue {
        switch value {
        case .null: .null
        case let .bool(b): (b ? 1 : 0).databaseValue
        case let .int(i): i.databaseValue
        case let .double(d): d.isFinite ? d.databaseValue : .null
        case let .string(s): s.databaseValue
        }
    }
}
