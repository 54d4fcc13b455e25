import GeoKit
import EventModel
import EventFormats

/// Reads layers back from a schema that `PostGISContainer` wrote: the attribute columns with their
/// `FieldType` (the generated `geog` and the `fid` key left out), the geometry exactly (WKB), rows in
/// primary-key order.
public struct PostGISLayerReader {
    public struct Layer {
        public var name: String
        public var geometryType: String
        public var schema: LayerSchema
        public var features: [Feature]
    }

    public let connection: PostgresConnection
    public let schema: SQLIdentifier

    public init(connection: PostgresConnection, schema: String) throws(PostGISError) {
        self.connection = connection
        self.schema = try SQLIdentifier(schema)
    }

    /// The tables of the schema with a `geom` column, by name.
    public func layerNames() throws(PostGISError) -> [String] {
        let result = try connection.execute("""
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = $2 AND NOT a.attisdropped
            WHERE n.nspname = $1 AND c.relkind = 'r' ORDER BY c.relname
            """, [schema.name, LayerTable.geometryColumn.name], during: "listing the layers of schema \(schema)")
        return result.rows.compactMap { $0[0] }
    }

    public func read(_ name: String, in context: GEOSContext) throws -> Layer {
        let table = try SQLIdentifier(name)
        let qualified = table.qualified(by: schema)
        let described = try connection.execute("""
            SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attgenerated <> '' OR a.attidentity <> '',
                   array_position(i.indkey::int2[], a.attnum)
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
            WHERE n.nspname = $1 AND c.relname = $2 AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum
            """, [schema.name, name], during: "reading the columns of \(qualified)")
        var fields: [FieldDefinition] = []
        var geometryType = ""
        var key: [(position: Int, column: String)] = []
        for row in described.rows {
            guard let column = row[0], let type = row[1] else { continue }
            if let position = Int(row[3] ?? "") { key.append((position, column)) }
            if column == LayerTable.geometryColumn.name { geometryType = type; continue }
            if row[2] == "t" { continue }
            fields.append(FieldDefinition(column, Self.fieldType(type)))
        }
        guard !geometryType.isEmpty else {
            throw PostGISError.incompatibleTable(table: qualified, reason: "there is no such layer (no table with a geom column)")
        }
        let geometry = LayerTable.geometryColumn.quoted
        let selected = ["encode(ST_AsBinary(\(geometry)), 'hex')"] + fields.map { try! SQLIdentifier($0.name).quoted }
        let order = key.sorted { $0.position < $1.position }.map { try! SQLIdentifier($0.column).quoted }
        let result = try connection.execute("SELECT \(selected.joined(separator: ", ")) FROM \(qualified)"
            + (order.isEmpty ? "" : " ORDER BY \(order.joined(separator: ", "))"), during: "reading \(qualified)")
        var features: [Feature] = []
        features.reserveCapacity(result.rowCount)
        for row in 0..<result.rowCount {
            let geometry = try result.value(row, 0).map { try Geometry(wkb: Self.bytes(hex: $0), in: context) }
            let properties = fields.enumerated().map { index, field in
                (name: field.name, value: Self.value(result.value(row, index + 1), field.type))
            }
            features.append(Feature(properties: properties, geometry: geometry))
        }
        return Layer(name: name, geometryType: geometryType, schema: LayerSchema(fields), features: features)
    }

    static func fieldType(_ sqlType: String) -> FieldType {
        switch sqlType {
        case "bigint", "integer", "smallint": .integer
        case "double precision", "real", "numeric": .real
        case "boolean": .boolean
        default: .text
        }
    }

    static func value(_ text: String?, _ type: FieldType) -> PropertyValue {
        guard let text else { return .null }
        switch type {
        case .text: return .string(text)
        case .integer: return Int64(text).map { .int($0) } ?? .string(text)
        case .real: return Double(text).map { .double($0) } ?? .string(text)
        case .boolean: return .bool(text == "t")
        }
    }

    static func bytes(hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hex.utf8.count / 2)
        var high: UInt8?
        for c in hex.utf8 {
            let nibble: UInt8 = switch c {
            case 0x30...0x39: c - 0x30
            case 0x41...0x46: c - 0x41 + 10
            default: c - 0x61 + 10
            }
            if let h = high { bytes.append(h << 4 | nibble); high = nil } else { high = nibble }
        }
        return bytes
    }
}
