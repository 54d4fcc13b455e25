import GeoKit
import EventModel
import EventFormats

/// A PostgreSQL schema as a destination of layer sets (`LayerContainer`): each layer a table (`LayerTable`),
/// its rows sent with COPY. Everything happens in one transaction that `commit` ends; on any failure,
/// `discard` (or a lost connection) rolls it back and the database is as it was.
///
/// - `upsert` (incremental): rows are copied into a staging table and merged with `INSERT … ON CONFLICT`
///   on the layer's key; layers without a key rule are replaced whole; tables are created when missing and
///   gain the columns a new export brings.
/// - `replace`: each layer's table is dropped (with what depends on it) and rebuilt from this export.
///
/// Exports into one schema wait for each other (a transaction-level advisory lock on the schema name).
public final class PostGISContainer: LayerContainer {
    public enum Mode: String, Sendable { case upsert, replace }

    /// What one layer's load did.
    public struct LayerLoad: Sendable, Equatable {
        public var layer: String
        public var copied = 0
        public var inserted = 0
        public var updated = 0
        public var deleted = 0
    }

    public let connection: PostgresConnection
    public let schema: SQLIdentifier
    public let mode: Mode
    /// The schema of the PostGIS extension (usually `public`).
    public let postgisSchema: SQLIdentifier
    private let rules: [String: LayerTableRule]
    private var layers: [PostGISLayerSink] = []
    private var active: PostGISLayerSink?
    private var inTransaction = false

    /// Opens the transaction: checks PostGIS, creates the schema when missing and takes the schema's lock.
    public init(connection: PostgresConnection, schema: String, mode: Mode = .upsert,
                rules: [String: LayerTableRule] = LayerTableRule.eventMapper) throws {
        self.connection = connection
        self.schema = try SQLIdentifier.schema(schema)
        self.mode = mode
        self.rules = rules
        postgisSchema = try Self.postgisSchema(connection)
        try execute("BEGIN", during: "starting the export transaction")
        inTransaction = true
        do {
            try execute("SELECT pg_advisory_xact_lock(hashtext($1))", [schema], during: "waiting for other exports into schema \(self.schema)")
            try execute("SET LOCAL search_path TO \(self.schema.quoted), \(postgisSchema.quoted)", during: "setting the search path")
            let exists = try connection.value("SELECT count(*) FROM pg_namespace WHERE nspname = $1", [schema],
                                              during: "looking up schema \(self.schema)") == "1"
            if !exists { try execute("CREATE SCHEMA \(self.schema.quoted)", during: "creating schema \(self.schema)") }
        } catch {
            discard()
            throw error
        }
    }

    /// The schema PostGIS is installed in, or `postgisMissing`.
    static func postgisSchema(_ connection: PostgresConnection) throws(PostGISError) -> SQLIdentifier {
        let found = try connection.value("""
            SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'postgis'
            """, during: "looking for the PostGIS extension")
        if let found { return try SQLIdentifier(found) }
        let installable = try connection.value("SELECT count(*) FROM pg_available_extensions WHERE name = 'postgis'",
                                               during: "looking for the PostGIS package") != "0"
        throw .postgisMissing(target: connection.target, installable: installable)
    }

    // MARK: LayerContainer

    public func addLayer(_ header: LayerHeader) throws -> FeatureSink {
        guard inTransaction else { throw PostGISError.connectionLost(target: connection.target, during: "adding layer \(header.name)", reason: "the export was already finished or discarded") }
        try endActiveCopy()
        let table = try LayerTable(header: header, schema: schema, rule: rules[header.name])
        guard !layers.contains(where: { $0.table.name == table.name }) else {
            throw PostGISError.invalidIdentifier(name: header.name, reason: "the export already has a layer of that name")
        }
        let destination: String
        switch mode {
        case .replace:
            try execute("DROP TABLE IF EXISTS \(table.qualified) CASCADE", during: "dropping table \(table.qualified)")
            try execute(table.createSQL, during: "creating table \(table.qualified)")
            destination = table.qualified
        case .upsert:
            try LayerTableMigration(connection: connection, table: table).prepare()
            let staging = SQLIdentifier.derived("eventmap_stage_\(layers.count + 1)", suffix: "rows")
            try execute(table.createStagingSQL(staging), during: "creating the staging table of \(table.qualified)")
            destination = "pg_temp." + staging.quoted
        }
        let sink = PostGISLayerSink(container: self, table: table, destination: destination, name: header.name)
        layers.append(sink)
        return sink
    }

    public func finish() throws {
        _ = try finishLayers()
        try commit()
    }

    /// Ends the COPY in progress, merges every staged layer into its table (upsert) or indexes the rebuilt
    /// tables (replace), and analyses them. The transaction stays open for more work (`commit` ends it).
    public func finishLayers() throws -> [LayerLoad] {
        try endActiveCopy()
        var loads: [LayerLoad] = []
        let events = layers.first { $0.table.name.name == "events" && $0.table.rule != nil }
        for layer in layers {
            var load = LayerLoad(layer: layer.name, copied: layer.copied)
            switch mode {
            case .replace:
                load.inserted = layer.copied
                for statement in layer.table.indexSQL { try execute(statement, during: "indexing \(layer.table.qualified)") }
            case .upsert:
                let merge = LayerMerge(connection: connection, table: layer.table, staging: layer.destination,
                                       eventsStaging: events?.destination)
                try merge.run(into: &load)
            }
            try execute("ANALYZE \(layer.table.qualified)", during: "analysing \(layer.table.qualified)")
            loads.append(load)
        }
        return loads
    }

    /// Commits the export.
    public func commit() throws {
        try endActiveCopy()
        try execute("COMMIT", during: "committing the export")
        inTransaction = false
    }

    /// Rolls the export back; the database is as it was before.
    public func discard() {
        if active != nil { connection.abortCopy() }
        active = nil
        if inTransaction { _ = try? connection.execute("ROLLBACK", during: "rolling back") }
        inTransaction = false
    }

    // MARK: COPY

    /// Makes `sink` the layer whose rows are being copied, ending another layer's COPY first (layers may be
    /// written interleaved: a table's COPY can be started again).
    func activate(_ sink: PostGISLayerSink) throws {
        if active === sink { return }
        guard inTransaction else { throw PostGISError.connectionLost(target: connection.target, during: "writing layer \(sink.name)", reason: "the export was already finished or discarded") }
        try endActiveCopy()
        try connection.beginCopy("COPY \(sink.destination) (\(sink.table.copyColumns)) FROM STDIN",
                                 during: "starting to copy layer \(sink.name)")
        active = sink
    }

    private func endActiveCopy() throws {
        guard let sink = active else { return }
        active = nil
        try sink.flush()
        try connection.endCopy(during: "copying layer \(sink.name)")
    }

    @discardableResult
    private func execute(_ sql: String, _ parameters: [String?] = [], during: String) throws(PostGISError) -> PostgresResult {
        try connection.execute(sql, parameters, during: during)
    }
}
