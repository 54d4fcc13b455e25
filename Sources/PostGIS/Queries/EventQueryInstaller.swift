/// Installs `EventQuerySQL` into the export's schema, inside the export's transaction (whose search path
/// is the schema, then PostGIS's), and refreshes the layers' aggregate columns. Needs the tables of the
/// standard layer set: events, origins, border_segments, districts, provinces and countries.
public struct EventQueryInstaller {
    /// Facts of the reference data the SQL needs and cannot derive from the tables.
    public struct Settings: Sendable {
        /// The PROJ definition of the equal-area CRS unit areas are measured in (`PreparedReference.equalAreaCRS`).
        public var equalAreaCRS: String
        /// The PROJ definition of the conformal CRS the border corridor is buffered in (`BorderCorridor.projection`).
        public var corridorCRS: String
        /// True when the district outlines are approximate (`DistrictSource.isApproximate`).
        public var districtsApproximate: Bool

        public init(equalAreaCRS: String, corridorCRS: String, districtsApproximate: Bool) {
            self.equalAreaCRS = equalAreaCRS
            self.corridorCRS = corridorCRS
            self.districtsApproximate = districtsApproximate
        }
    }

    public static let requiredLayers = ["events", "origins", "border_segments", "districts", "provinces", "countries"]

    let container: PostGISContainer

    public init(_ container: PostGISContainer) { self.container = container }

    /// Writes the settings, then (re)creates the SQL objects when they are missing or from another version.
    /// Objects of an older version are dropped with what depends on them.
    public func install(_ settings: Settings) throws {
        let connection = container.connection
        let schema = container.schema
        try connection.execute(EventQuerySQL.settingsTable, during: "creating \(schema).reference_settings")
        let values = [("equal_area_crs", settings.equalAreaCRS), ("corridor_crs", settings.corridorCRS),
                      ("district_source_approximate", String(settings.districtsApproximate))]
        for (key, value) in values {
            try connection.execute("""
                INSERT INTO reference_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
                """, [key, value], during: "writing the setting \(key)")
        }
        let installed = try connection.value("SELECT value FROM reference_settings WHERE key = 'sql_version'",
                                             during: "reading the version of the query functions")
        let present = try connection.value("""
            SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = $1 AND p.proname IN ('near_border', 'links', 'crossings', 'aggregate', 'refresh_layer_aggregates')
            """, [schema.name], during: "looking for the query functions") == "5"
        guard installed != EventQuerySQL.version || !present else { return }
        for root in EventQuerySQL.roots {
            let words = root.split(separator: " ", maxSplits: 1)
            let (kind, name) = (String(words[0]), String(words[1]))
            // Object names are constants of this program; the schema is a quoted identifier.
            try connection.execute("DROP \(kind) IF EXISTS \(schema.quoted).\(name) CASCADE", during: "dropping the old \(name)")
        }
        for statement in EventQuerySQL.statements {
            try connection.execute(statement, during: "creating the query functions (\(Self.objectName(statement)))")
        }
        try connection.execute("""
            INSERT INTO reference_settings (key, value) VALUES ('sql_version', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
            """, [EventQuerySQL.version], during: "recording the version of the query functions")
    }

    /// Recomputes the aggregate columns of districts, provinces and border_segments over every event in the schema.
    public func refreshLayerAggregates() throws {
        try container.connection.execute("CALL refresh_layer_aggregates()", during: "refreshing the aggregate columns of the layers")
    }

    private static func objectName(_ statement: String) -> String {
        let words = statement.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "(" })
        return words.count > 2 ? words[2].description : statement
    }
}
