/// What an export needs of the database, checked before any work is done, read-only: PostGIS in the
/// database, and the privilege to create the schema (on the database) or tables in it (on the schema).
/// The export's own statements would fail the same way later; checking first spares the geocoding.
public enum ExportPreflight {
    public static func check(_ connection: PostgresConnection, schema name: String) throws(PostGISError) {
        let schema = try SQLIdentifier.schema(name)
        _ = try PostGISContainer.postgisSchema(connection)
        let exists = try connection.value("SELECT count(*) FROM pg_namespace WHERE nspname = $1", [name],
                                          during: "looking up schema \(schema)") == "1"
        if exists {
            let allowed = try connection.value("SELECT has_schema_privilege(current_user, $1, 'CREATE') AND has_schema_privilege(current_user, $1, 'USAGE')",
                                               [name], during: "checking the privileges on schema \(schema)")
            if allowed != "t" {
                throw .permissionDenied(target: connection.target, action: "create tables in schema \(schema)",
                                        reason: "the user has no CREATE and USAGE privilege on it")
            }
        } else {
            let allowed = try connection.value("SELECT has_database_privilege(current_user, current_database(), 'CREATE')",
                                               during: "checking the privileges on the database")
            if allowed != "t" {
                throw .permissionDenied(target: connection.target, action: "create schema \(schema)",
                                        reason: "the user has no CREATE privilege on the database")
            }
        }
    }
}
