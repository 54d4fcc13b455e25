/// What went wrong talking to PostgreSQL/PostGIS, where, and what to do. The messages name no command-line
/// flag: the CLI adds those.
public enum PostGISError: Error, Equatable, CustomStringConvertible {
    /// The connection string or URL cannot be parsed.
    case invalidTarget(reason: String)
    /// The server could not be reached, refused the connection or the login.
    case cannotConnect(target: String, reason: String)
    /// The database has no PostGIS extension; `installable` when the server has the package.
    case postgisMissing(target: String, installable: Bool)
    /// The server refused an action for lack of privilege.
    case permissionDenied(target: String, action: String, reason: String)
    /// The connection ended before the work was committed.
    case connectionLost(target: String, during: String, reason: String)
    /// The server rejected a statement.
    case serverError(target: String, during: String, sqlState: String, reason: String)
    /// A schema, table or column name PostgreSQL cannot hold as given.
    case invalidIdentifier(name: String, reason: String)
    /// A value PostgreSQL cannot hold (text with a NUL character, text in a number column).
    case invalidValue(location: String, reason: String)
    /// A table of an earlier export whose columns do not fit this one.
    case incompatibleTable(table: String, reason: String)
    /// The schema holds no query functions (nothing was exported into it).
    case queriesMissing(target: String, schema: String)

    public var description: String {
        switch self {
        case let .invalidTarget(reason):
            return "the PostgreSQL connection string is not valid: \(reason); use a URL such as postgresql://user@host:5432/database"
        case let .cannotConnect(target, reason):
            return "cannot connect to PostgreSQL at \(target): \(reason); check that the server runs there and accepts this user"
        case let .postgisMissing(target, installable):
            return installable
                ? "the database \(target) has no PostGIS extension; a database owner or superuser can add it with: CREATE EXTENSION postgis;"
                : "the PostgreSQL server of \(target) has no PostGIS; install it on the server (Debian: apt-get install postgresql-15-postgis-3), then run CREATE EXTENSION postgis; in the database"
        case let .permissionDenied(target, action, reason):
            return "\(target): permission denied to \(action) (\(reason)); ask the database owner for the privilege, or use a schema you own. Nothing was changed"
        case let .connectionLost(target, during, reason):
            return "the connection to \(target) was lost while \(during) (\(reason)); the transaction was not committed, so the database is as it was. Run the export again"
        case let .serverError(target, during, sqlState, reason):
            return "\(target): PostgreSQL refused \(during): \(reason) (SQLSTATE \(sqlState)). Nothing was changed"
        case let .invalidIdentifier(name, reason):
            return "'\(name)' cannot name a PostgreSQL schema, table or column: \(reason)"
        case let .invalidValue(location, reason):
            return "\(location): \(reason)"
        case let .queriesMissing(target, schema):
            return "\(target): schema \(schema) has no EventMapper query functions; export events into it first"
        case let .incompatibleTable(table, reason):
            return "the table \(table) from an earlier export does not fit this one: \(reason); rebuild it (replace mode) or export into another schema"
        }
    }
}
