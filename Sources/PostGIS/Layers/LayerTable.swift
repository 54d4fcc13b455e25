import GeoKit
import EventModel
import EventFormats

/// One layer as a PostGIS table: `geom` (SRID 4326, the layer's geometry type), the layer's attribute
/// columns with the types and names of the GeoPackage (`LayerSchema`, `FieldType`), an optional generated
/// `geog`, and a primary key (the rule's, or a `fid` identity column).
struct LayerTable {
    static let geometryColumn = try! SQLIdentifier(GeoPackageWriter.geometryColumn)
    static let geographyColumn = try! SQLIdentifier("geog")
    static let fidColumn = try! SQLIdentifier("fid")
    static let srid: Int32 = 4326

    let name: SQLIdentifier
    let schema: SQLIdentifier
    let geometryType: LayerGeometryType
    let fields: [FieldDefinition]
    /// The attribute columns, in the order of `fields`.
    let columns: [SQLIdentifier]
    let rule: LayerTableRule?
    let key: [SQLIdentifier]

    init(header: LayerHeader, schema: SQLIdentifier, rule: LayerTableRule?) throws(PostGISError) {
        name = try SQLIdentifier(header.name)
        self.schema = schema
        geometryType = header.geometryType
        fields = header.schema.fields
        let names = GeoPackageWriter.columnNames(header.schema.names, reserving: [Self.geographyColumn.name])
        var columns: [SQLIdentifier] = []
        for name in names { columns.append(try SQLIdentifier(name)) }
        self.columns = columns
        self.rule = rule
        if let rule {
            var key: [SQLIdentifier] = []
            for column in rule.key {
                guard let at = header.schema.names.firstIndex(of: column) else {
                    throw .incompatibleTable(table: header.name, reason: "the layer has no column '\(column)' for its primary key")
                }
                key.append(columns[at])
            }
            self.key = key
        } else {
            key = [Self.fidColumn]
        }
    }

    var qualified: String { name.qualified(by: schema) }

    /// geometry(MultiPolygon,4326) and the like.
    var geometrySQLType: String { "geometry(\(Self.postgisTypeName(geometryType)),\(Self.srid))" }

    static func postgisTypeName(_ type: LayerGeometryType) -> String {
        switch type {
        case .point: "Point"
        case .lineString: "LineString"
        case .polygon: "Polygon"
        case .multiPoint: "MultiPoint"
        case .multiLineString: "MultiLineString"
        case .multiPolygon: "MultiPolygon"
        case .geometry: "Geometry"
        }
    }

    static func sqlType(_ type: FieldType) -> String {
        switch type {
        case .text: "text"
        case .integer: "bigint"
        case .real: "double precision"
        case .boolean: "boolean"
        }
    }

    /// The columns COPY fills: the geometry, then the attributes.
    var copyColumns: String { ([Self.geometryColumn] + columns).map(\.quoted).joined(separator: ", ") }

    /// CREATE TABLE for the layer, in the export's schema.
    var createSQL: String {
        var definitions: [String] = []
        if rule == nil { definitions.append("\(Self.fidColumn.quoted) bigint GENERATED ALWAYS AS IDENTITY") }
        definitions.append("\(Self.geometryColumn.quoted) \(geometrySQLType)")
        for (column, field) in zip(columns, fields) { definitions.append("\(column.quoted) \(Self.sqlType(field.type))") }
        if let geography = rule?.geography {
            let type = "geography(\(Self.postgisTypeName(geometryType)),\(Self.srid))"
            definitions.append("\(Self.geographyColumn.quoted) \(type) GENERATED ALWAYS AS \(geography.expression(geometry: Self.geometryColumn.quoted)) STORED")
        }
        definitions.append("PRIMARY KEY (\(key.map(\.quoted).joined(separator: ", ")))")
        return "CREATE TABLE \(qualified) (\n  " + definitions.joined(separator: ",\n  ") + "\n)"
    }

    /// A staging table of the same attribute columns, dropped at the end of the transaction.
    func createStagingSQL(_ staging: SQLIdentifier) -> String {
        var definitions = ["\(Self.geometryColumn.quoted) \(geometrySQLType)"]
        for (column, field) in zip(columns, fields) { definitions.append("\(column.quoted) \(Self.sqlType(field.type))") }
        return "CREATE TEMP TABLE \(staging.quoted) (" + definitions.joined(separator: ", ") + ") ON COMMIT DROP"
    }

    /// GiST indexes on the geometry and the geography.
    var indexSQL: [String] {
        var statements = ["CREATE INDEX IF NOT EXISTS \(SQLIdentifier.derived(name.name, suffix: "geom_gist").quoted) ON \(qualified) USING gist (\(Self.geometryColumn.quoted))"]
        if rule?.geography != nil {
            statements.append("CREATE INDEX IF NOT EXISTS \(SQLIdentifier.derived(name.name, suffix: "geog_gist").quoted) ON \(qualified) USING gist (\(Self.geographyColumn.quoted))")
        }
        return statements
    }
}
