import EventFormats

/// Makes the table of a layer ready for an incremental export: creates it (with its indexes) when missing;
/// otherwise checks that its geometry type, column types and key fit the layer and adds the columns the
/// layer brings that the table lacks (NULL in the rows already there).
struct LayerTableMigration {
    let connection: PostgresConnection
    let table: LayerTable

    func prepare() throws {
        let existing = try columns()
        if existing.isEmpty {
            try connection.execute(table.createSQL, during: "creating table \(table.qualified)")
            for statement in table.indexSQL { try connection.execute(statement, during: "indexing \(table.qualified)") }
            return
        }
        let geometry = LayerTable.geometryColumn.name
        if existing[geometry] != table.geometrySQLType {
            throw PostGISError.incompatibleTable(table: table.qualified,
                reason: "its \(geometry) column is \(existing[geometry] ?? "missing"), this export writes \(table.geometrySQLType)")
        }
        for (column, field) in zip(table.columns, table.fields) {
            let type = LayerTable.sqlType(field.type)
            if let found = existing[column.name] {
                guard found == type else {
                    throw PostGISError.incompatibleTable(table: table.qualified,
                        reason: "column \(column.name) is \(found) there and \(type) in this export")
                }
            } else {
                try connection.execute("ALTER TABLE \(table.qualified) ADD COLUMN \(column.quoted) \(type)",
                                       during: "adding column \(column.name) to \(table.qualified)")
            }
        }
        let key = try primaryKey()
        guard key == table.key.map(\.name) else {
            throw PostGISError.incompatibleTable(table: table.qualified,
                reason: "its primary key is (\(key.joined(separator: ", "))), this export keys the layer by (\(table.key.map(\.name).joined(separator: ", ")))")
        }
    }

    /// Column name → type (`format_type`) of the table, empty when there is no such table.
    private func columns() throws -> [String: String] {
        let result = try connection.execute("""
            SELECT a.attname, format_type(a.atttypid, a.atttypmod)
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
            """, [table.schema.name, table.name.name], during: "reading the columns of \(table.qualified)")
        var columns: [String: String] = [:]
        for row in result.rows { if let name = row[0] { columns[name] = row[1] ?? "" } }
        return columns
    }

    private func primaryKey() throws -> [String] {
        let result = try connection.execute("""
            SELECT a.attname
            FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey)
            WHERE n.nspname = $1 AND c.relname = $2 AND i.indisprimary
            ORDER BY array_position(i.indkey::int2[], a.attnum)
            """, [table.schema.name, table.name.name], during: "reading the primary key of \(table.qualified)")
        return result.rows.compactMap { $0[0] }
    }
}
