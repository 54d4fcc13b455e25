/// Merges a layer's staged rows into its table in the export's transaction: `INSERT … ON CONFLICT (key)
/// DO UPDATE` for keyed layers (after deleting the rows of re-exported events that this export no longer
/// has, for layers that belong to events); delete-all-then-insert for layers without a key.
struct LayerMerge {
    let connection: PostgresConnection
    let table: LayerTable
    /// pg_temp.<staging table> of this layer.
    let staging: String
    /// The staging table of the `events` layer of the same export, when it has one.
    let eventsStaging: String?

    func run(into load: inout PostGISContainer.LayerLoad) throws {
        let columns = ([LayerTable.geometryColumn] + table.columns).map(\.quoted).joined(separator: ", ")
        guard table.rule != nil else {
            load.deleted = try connection.execute("DELETE FROM \(table.qualified)", during: "emptying \(table.qualified)").affectedRows
            load.inserted = try connection.execute("INSERT INTO \(table.qualified) (\(columns)) SELECT \(columns) FROM \(staging)",
                                                   during: "inserting into \(table.qualified)").affectedRows
            return
        }
        if table.rule?.belongsToEvents == true, let eventsStaging, let eventID = table.key.first(where: { $0.name == "event_id" }) {
            let sameKey = table.key.map { "s.\($0.quoted) = t.\($0.quoted)" }.joined(separator: " AND ")
            load.deleted = try connection.execute("""
                DELETE FROM \(table.qualified) t
                WHERE t.\(eventID.quoted) IN (SELECT e."event_id" FROM \(eventsStaging) e)
                  AND NOT EXISTS (SELECT 1 FROM \(staging) s WHERE \(sameKey))
                """, during: "deleting the rows of re-exported events from \(table.qualified)").affectedRows
        }
        let keyNames = Set(table.key.map(\.name))
        let updated = ([LayerTable.geometryColumn] + table.columns).filter { !keyNames.contains($0.name) }
        let action = updated.isEmpty ? "DO NOTHING"
            : "DO UPDATE SET " + updated.map { "\($0.quoted) = EXCLUDED.\($0.quoted)" }.joined(separator: ", ")
        // xmax is 0 in a row version that the INSERT made, and the updating transaction's id in one it updated.
        let result = try connection.execute("""
            WITH merged AS (
              INSERT INTO \(table.qualified) (\(columns)) SELECT \(columns) FROM \(staging)
              ON CONFLICT (\(table.key.map(\.quoted).joined(separator: ", "))) \(action)
              RETURNING (xmax = 0) AS inserted
            )
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM merged
            """, during: "merging layer \(load.layer) into \(table.qualified)")
        load.inserted = Int(result.value(0, 0) ?? "") ?? 0
        load.updated = Int(result.value(0, 1) ?? "") ?? 0
    }
}
