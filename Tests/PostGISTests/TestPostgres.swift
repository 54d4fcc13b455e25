import Foundation
import Testing
@testable import PostGIS

#if canImport(Glibc)
import Glibc
#endif

/// The PostgreSQL + PostGIS server of the tests. `make test` starts one (Scripts/test-postgres) and exports
/// PG* and EVENTMAP_TEST_POSTGRES; a plain `swift test` gets one started here on first use and stopped at
/// exit. When none can be had (PostgreSQL not installed), the PostGIS tests are skipped and a loud line says so.
/// Only a server of Scripts/test-postgres is used (EVENTMAP_TEST_POSTGRES set): the tests create and drop
/// schemas, databases and roles, which no one's own server should see.
enum TestPostgres {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let script = repository.appendingPathComponent("Scripts/test-postgres").path

    /// True when a test server runs (started here if needed).
    static let available: Bool = {
        if getenv("EVENTMAP_TEST_POSTGRES") != nil { return true }
        // system() rather than Process: this runs while Swift Testing evaluates the suites' traits, where
        // Foundation's Process did not notice its child's exit on Linux; system() waits for it itself.
        let output = NSTemporaryDirectory() + "eventmap-test-postgres-\(getpid()).out"
        let errors = output + ".err"
        defer { unlink(output); unlink(errors) }
        let status = system("/bin/bash \(shellQuoted(script)) start > \(shellQuoted(output)) 2> \(shellQuoted(errors))")
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        let why = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? "exit status \(status)"
        guard status == 0 else { return skipped(why.trimmingCharacters(in: .whitespacesAndNewlines)) }
        // export PGHOST='…' PGPORT='…' PGUSER=postgres PGDATABASE=eventmap_test EVENTMAP_TEST_POSTGRES='…'
        for assignment in text.replacingOccurrences(of: "export ", with: "").split(separator: " ") {
            let parts = assignment.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'\n")) }
            if parts.count == 2 { setenv(parts[0], parts[1], 1) }
        }
        setenv("EVENTMAP_TEST_POSTGRES_STARTED_HERE", getenv("EVENTMAP_TEST_POSTGRES").map { String(cString: $0) } ?? "", 1)
        atexit {
            guard let folder = getenv("EVENTMAP_TEST_POSTGRES_STARTED_HERE").map({ String(cString: $0) }), !folder.isEmpty else { return }
            _ = system("/bin/bash \(shellQuoted(TestPostgres.script)) stop \(shellQuoted(folder))")
        }
        return true
    }()

    /// A word for /bin/sh: single-quoted, a quote inside written '\\''.
    static func shellQuoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    private static func skipped(_ why: String) -> Bool {
        let line = "⚠️  POSTGIS TESTS SKIPPED: no PostgreSQL/PostGIS test server (\(why)). Install it with Scripts/setup --test.\n"
        FileHandle.standardError.write(Data(line.utf8))
        print(line)
        return false
    }

    /// A connection to the test database (or `database`), as the server's superuser unless `user` is given.
    static func connect(database: String? = nil, user: String? = nil) throws -> PostgresConnection {
        var parts: [String] = []
        if let database { parts.append("dbname=\(database)") }
        if let user { parts.append("user=\(user)") }
        return try PostgresConnection(parts.joined(separator: " "), applicationName: "eventmap-tests")
    }

    /// A schema name no other test uses.
    static func uniqueName(_ prefix: String) -> String {
        prefix + "_" + UUID().uuidString.prefix(8).lowercased()
    }

    /// The number of rows `sql` counts.
    static func count(_ connection: PostgresConnection, _ sql: String, _ parameters: [String?] = []) throws -> Int {
        Int(try connection.value(sql, parameters, during: "counting") ?? "") ?? -1
    }

    static func schemaExists(_ connection: PostgresConnection, _ name: String) throws -> Bool {
        try count(connection, "SELECT count(*) FROM pg_namespace WHERE nspname = $1", [name]) == 1
    }
}

/// Runs the built `eventmap` binary (beside the test bundle, or $EVENTMAP_BINARY), returning its exit code,
/// standard output and standard error.
enum EventmapBinary {
    static var path: String? {
        if let given = ProcessInfo.processInfo.environment["EVENTMAP_BINARY"] { return given }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        for folder in [bundle.deletingLastPathComponent(), bundle.deletingLastPathComponent().deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("eventmap").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String, errors: String) {
        let binary = try #require(path, "no eventmap binary beside \(CommandLine.arguments[0]); run swift build --build-tests (or set EVENTMAP_BINARY)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments + ["--geodata", TestData.geodata]
        process.environment = currentEnvironment().merging(environment) { $1 }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    /// The environment as it is now (the PG* variables the tests may have set with setenv included).
    static func currentEnvironment() -> [String: String] {
        var variables: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let pair = String(cString: pointer).split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2 { variables[pair[0]] = pair[1] }
            entry += 1
        }
        return variables
    }
}
