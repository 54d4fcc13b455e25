import ArgumentParser
import Foundation
import PostGIS

/// Where a PostGIS database is: `--postgres` and `--schema`, shared by `export` and the queries' PostGIS engine.
struct PostgresOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The database: postgresql://user@host:5432/database (default: the PG* environment variables, PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD).",
                               valueName: "url"))
    var postgres: String?

    @Option(help: ArgumentHelp("The schema that holds the layers and the query functions.", valueName: "name"))
    var schema: String = "eventmapper"

    /// The connection string for libpq ("" lets libpq read the PG* variables).
    var conninfo: String { postgres ?? "" }

    /// Runs `body`, turning a PostGIS error into a message that names this command's flags.
    func explainingErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PostGISError {
            throw CommandFailure(explain(error))
        }
    }

    func explain(_ error: PostGISError) -> String {
        switch error {
        case .invalidTarget:
            return "--postgres: \(error)"
        case .cannotConnect:
            let source = postgres == nil ? "the PG* environment variables (or give --postgres postgresql://user@host:5432/database)" : "--postgres"
            return "\(error) (from \(source))"
        case let .invalidIdentifier(name, _) where name == schema:
            return "--schema: \(error)"
        case .permissionDenied:
            return "\(error), or pass --schema NAME for a schema you may create"
        case .incompatibleTable:
            return "\(error) (--replace rebuilds the tables; --schema NAME exports elsewhere)"
        default:
            return error.description
        }
    }
}

/// A failure the command explains in its own words (exit code 1).
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
