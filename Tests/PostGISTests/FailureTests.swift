import Foundation
import Testing
@testable import EventModel
@testable import EventFormats
@testable import GeoKit
@testable import Jobs
@testable import PostGIS

/// Bad targets and failures, each provoked for real: a clear error, a non-zero exit, the database unchanged.
@Suite(.enabled(if: TestPostgres.available)) struct FailureTests {
    @Test func aMalformedURLIsRefusedBeforeConnecting() {
        for target in ["postgresql://localhost:notaport/db", "postgresql://host/db?sslmode=sometimes", "just some words"] {
            #expect {
                _ = try PostgresConnection(target)
            } throws: { error in
                guard case .invalidTarget = error as? PostGISError else { return false }
                return "\(error)".contains("not valid")
            }
        }
    }

    @Test func aRefusedConnectionSaysWhere() throws {
        let port = try Self.closedPort()
        #expect {
            _ = try PostgresConnection("postgresql://postgres@127.0.0.1:\(port)/eventmap_test")
        } throws: { error in
            guard case let .cannotConnect(target, reason) = error as? PostGISError else { return false }
            return target.contains("127.0.0.1:\(port)") && reason.lowercased().contains("refused")
        }
    }

    @Test func aDatabaseWithoutPostGISIsNamedAndLeftAlone() throws {
        let admin = try TestPostgres.connect()
        let database = TestPostgres.uniqueName("nopostgis")
        try admin.execute("CREATE DATABASE \(SQLIdentifier(database).quoted)", during: "creating a database")
        var options = ExportJob.Options(input: TestData.samples)
        options.postgres = "dbname=\(database)"
        #expect {
            _ = try ExportJob.run(options, reference: TestData.reference)
        } throws: { error in
            guard case let .postgisMissing(_, installable) = error as? PostGISError else { return false }
            return installable && "\(error)".contains("CREATE EXTENSION postgis")
        }
        let inside = try TestPostgres.connect(database: database)
        #expect(try !TestPostgres.schemaExists(inside, options.schema))
    }

    @Test func noPrivilegeToCreateTheSchemaChangesNothing() throws {
        let admin = try TestPostgres.connect()
        let role = TestPostgres.uniqueName("reader")
        try admin.execute("CREATE ROLE \(SQLIdentifier(role).quoted) LOGIN", during: "creating a role")
        let schema = TestPostgres.uniqueName("forbidden")
        var options = ExportJob.Options(input: TestData.samples)
        options.postgres = "user=\(role)"
        options.schema = schema
        #expect {
            _ = try ExportJob.run(options, reference: TestData.reference)
        } throws: { error in
            guard case .permissionDenied = error as? PostGISError else { return false }
            return "\(error)".contains("create schema") && "\(error)".contains("Nothing was changed")
        }
        // The server's own refusal, past the preflight check, says the same and leaves nothing either.
        let connection = try TestPostgres.connect(user: role)
        #expect {
            _ = try PostGISContainer(connection: connection, schema: schema)
        } throws: { error in
            guard case let .permissionDenied(_, action, reason) = error as? PostGISError else { return false }
            return action.contains("creating schema") && reason.contains("permission denied")
        }
        #expect(try !TestPostgres.schemaExists(admin, schema))
    }

    /// The server ends the export's session (pg_terminate_backend from another connection) while its COPY
    /// runs: the export fails saying the connection was lost, and the schema holds what it held before.
    @Test func aConnectionDroppedDuringCopyLeavesTheDatabaseAsItWas() throws {
        let schema = try TestData.export(TestData.samples)
        let admin = try TestPostgres.connect()
        let s = try SQLIdentifier(schema).quoted
        let before = try TestPostgres.count(admin, "SELECT count(*) FROM \(s).events")

        let connection = try PostgresConnection("", applicationName: "eventmap-dropped")
        let container = try PostGISContainer(connection: connection, schema: schema)
        let context = GEOSContext()
        let sink = try container.addLayer(LayerHeader(name: "events", geometryType: .point, schema: EventLayerSchema.eventSchema))
        func write(_ count: Int, from start: Int) throws {
            for i in start..<start + count {
                try sink.write(Feature(properties: [("event_id", .string("DROP-\(i)")), ("event_date", .string("2024-01-01")),
                                                    ("attribution", .string("claimed"))],
                                       geometry: try Geometry.point(Coordinate(70, 34), in: context)))
            }
        }
        var failure: Error?
        do {
            try write(5_000, from: 0)
            let copying = try TestPostgres.count(admin, "SELECT count(*) FROM pg_stat_activity WHERE pid = $1 AND query LIKE 'COPY%'",
                                                 [String(connection.backendPID)])
            #expect(copying == 1, "the export's session is copying")
            #expect(try admin.value("SELECT pg_terminate_backend($1)", [String(connection.backendPID)], during: "terminating") == "t")
            try write(200_000, from: 5_000)
            _ = try container.finishLayers()
            try container.commit()
        } catch {
            failure = error
            container.discard()
        }
        let error = try #require(failure, "the export went on after its session was terminated")
        guard case let .connectionLost(_, during, _) = error as? PostGISError else {
            Issue.record("expected connectionLost, got \(error)")
            return
        }
        #expect(during.contains("copying layer events"))
        #expect("\(error)".contains("the database is as it was"))
        #expect(try TestPostgres.count(admin, "SELECT count(*) FROM \(s).events") == before)
        #expect(try TestPostgres.count(admin, "SELECT count(*) FROM \(s).events WHERE event_id LIKE 'DROP-%'") == 0)
    }

    @Test func theCommandLineExitsNonZeroWithTheReason() throws {
        let port = try Self.closedPort()
        let cases: [([String], String)] = [
            (["--postgres", "postgresql://localhost:notaport/db"], "--postgres: the PostgreSQL connection string is not valid"),
            (["--postgres", "postgresql://postgres@127.0.0.1:\(port)/eventmap_test"], "cannot connect to PostgreSQL at postgres@127.0.0.1:\(port)"),
            (["--schema", "pg_mine"], "--schema: 'pg_mine' cannot name"),
        ]
        for (arguments, message) in cases {
            let run = try EventmapBinary.run(["export", TestData.samples] + arguments)
            #expect(run.status == 1, "\(arguments): exit \(run.status)")
            #expect(run.errors.contains(message), "\(arguments): \(run.errors)")
        }
        let noServer = try EventmapBinary.run(["export", TestData.samples], environment: ["PGHOST": "127.0.0.1", "PGPORT": String(port)])
        #expect(noServer.status == 1 && noServer.errors.contains("PG* environment variables"), "\(noServer.errors)")
    }

    /// A TCP port on 127.0.0.1 that nothing listens on (bound, then released).
    static func closedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                guard bind(fd, raw, length) == 0, getsockname(fd, raw, &length) == 0 else { throw CocoaError(.featureUnsupported) }
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
