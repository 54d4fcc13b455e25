import CLibPQ
import Foundation

/// One libpq connection, used from one thread at a time (it is not `Sendable`). Every statement is sent with
/// its values as bound parameters (`$1`, `$2` …, text format); identifiers enter SQL only through
/// `SQLIdentifier`. The handle is closed once, by `close()` or `deinit`.
public final class PostgresConnection {
    /// Where the connection goes, for messages: user@host:port/database, never the password.
    public let target: String
    private var handle: OpaquePointer?

    /// Connects to `conninfo`: a `postgresql://` URL, a `key=value` string, or "" for libpq's defaults and the
    /// standard PG* environment variables (PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD …).
    public init(_ conninfo: String = "", applicationName: String = "eventmap") throws(PostGISError) {
        try Self.validate(conninfo)
        let keywords = ["dbname", "application_name", "client_encoding"]
        let values = [conninfo, applicationName, "UTF8"]
        let connection = Self.withCStrings(keywords) { keys in
            Self.withCStrings(values) { vals in PQconnectdbParams(keys, vals, 1) }
        }
        let target = Self.describe(connection)
        self.target = target
        guard let connection else {
            throw .cannotConnect(target: target, reason: "libpq could not allocate a connection")
        }
        handle = connection
        // Notices ("already exists, skipping") are not for the user; errors arrive as results.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        guard PQstatus(connection) == CONNECTION_OK else {
            let reason = Self.message(PQerrorMessage(connection))
            close()
            // libpq checks option values (port, sslmode …) only when it connects: 'invalid integer value …'.
            if reason.hasPrefix("invalid ") { throw .invalidTarget(reason: reason) }
            throw .cannotConnect(target: target, reason: reason)
        }
    }

    deinit { close() }

    /// Closes the connection; later calls fail with `connectionLost`.
    public func close() {
        if let handle { PQfinish(handle) }
        handle = nil
    }

    /// The server's process for this connection (what `pg_terminate_backend` takes).
    public var backendPID: Int32 { handle.map { PQbackendPID($0) } ?? 0 }

    /// The server version as a number: 150004 for 15.4.
    public var serverVersion: Int32 { handle.map { PQserverVersion($0) } ?? 0 }

    /// Runs one statement with `parameters` bound to `$1`, `$2` … (nil is NULL); `during` names the step in errors.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [String?] = [], during: String) throws(PostGISError) -> PostgresResult {
        let connection = try open(during: during)
        for (index, value) in parameters.enumerated() where value?.utf8.contains(0) == true {
            throw .invalidValue(location: during, reason: "parameter \(index + 1) contains a NUL character, which PostgreSQL text cannot hold")
        }
        let result: OpaquePointer? = Self.withOptionalCStrings(parameters) { values in
            PQexecParams(connection, sql, Int32(parameters.count), nil, values, nil, nil, 0)
        }
        return try check(result, during: during, accepting: [PGRES_COMMAND_OK, PGRES_TUPLES_OK])
    }

    /// The first column of the first row, or nil (for `SELECT` statements that answer one value).
    public func value(_ sql: String, _ parameters: [String?] = [], during: String) throws(PostGISError) -> String? {
        let result = try execute(sql, parameters, during: during)
        return result.rowCount > 0 && result.columnCount > 0 ? result.value(0, 0) : nil
    }

    // MARK: COPY FROM STDIN

    /// Starts `COPY … FROM STDIN`; send rows with `putCopyData` and end with `endCopy`.
    public func beginCopy(_ sql: String, during: String) throws(PostGISError) {
        let connection = try open(during: during)
        _ = try check(PQexec(connection, sql), during: during, accepting: [PGRES_COPY_IN])
    }

    /// Sends a buffer of COPY text rows (blocking until libpq has taken it).
    public func putCopyData(_ bytes: [UInt8], during: String) throws(PostGISError) {
        let connection = try open(during: during)
        let sent = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { PQputCopyData(connection, $0.baseAddress, Int32($0.count)) }
        }
        if sent != 1 { throw failure(during: during) }
    }

    /// Ends the COPY and returns the number of rows the server stored.
    @discardableResult
    public func endCopy(during: String) throws(PostGISError) -> Int {
        let connection = try open(during: during)
        guard PQputCopyEnd(connection, nil) == 1 else { throw failure(during: during) }
        var firstError: PostGISError?
        var rows = 0
        while let result = PQgetResult(connection) {
            do {
                let checked = try check(result, during: during, accepting: [PGRES_COMMAND_OK])
                rows = checked.affectedRows
            } catch {
                if firstError == nil { firstError = error }
            }
        }
        if let firstError { throw firstError }
        return rows
    }

    /// Abandons a COPY in progress (the server discards its rows); errors are ignored.
    public func abortCopy() {
        guard let handle else { return }
        _ = PQputCopyEnd(handle, "abandoned by the client")
        while let result = PQgetResult(handle) { PQclear(result) }
    }

    // MARK: Errors

    private func open(during: String) throws(PostGISError) -> OpaquePointer {
        guard let handle else { throw .connectionLost(target: target, during: during, reason: "the connection is closed") }
        return handle
    }

    private func check(_ result: OpaquePointer?, during: String, accepting: [ExecStatusType]) throws(PostGISError) -> PostgresResult {
        guard let result else { throw failure(during: during) }
        let status = PQresultStatus(result)
        if accepting.contains(status) { return PostgresResult(result) }
        let sqlState = Self.field(result, "C") ?? ""
        let primary = Self.field(result, "M") ?? Self.message(PQresultErrorMessage(result))
        let detail = [Self.field(result, "D"), Self.field(result, "H")].compactMap { $0 }.joined(separator: "; ")
        let reason = detail.isEmpty ? primary : "\(primary); \(detail)"
        PQclear(result)
        if let handle, PQstatus(handle) != CONNECTION_OK || sqlState.hasPrefix("08") || sqlState.hasPrefix("57P") {
            throw .connectionLost(target: target, during: during, reason: reason.isEmpty ? Self.message(PQerrorMessage(handle)) : reason)
        }
        if sqlState == "42501" { throw .permissionDenied(target: target, action: during, reason: reason) }
        throw .serverError(target: target, during: during, sqlState: sqlState, reason: reason.isEmpty ? "status \(status)" : reason)
    }

    /// The error of a call that returned no result: a lost connection, usually.
    private func failure(during: String) -> PostGISError {
        guard let handle else { return .connectionLost(target: target, during: during, reason: "the connection is closed") }
        let reason = Self.message(PQerrorMessage(handle))
        if PQstatus(handle) != CONNECTION_OK || reason.contains("server closed") || reason.contains("terminat") {
            return .connectionLost(target: target, during: during, reason: reason)
        }
        return .serverError(target: target, during: during, sqlState: "", reason: reason)
    }

    private static func field(_ result: OpaquePointer, _ code: Character) -> String? {
        guard let value = PQresultErrorField(result, Int32(code.asciiValue!)) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }

    static func message(_ text: UnsafePointer<CChar>?) -> String {
        guard let text else { return "unknown error" }
        let message = String(cString: text).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "; ")
        return message.isEmpty ? "unknown error" : message
    }

    // MARK: Connection strings

    /// Refuses what libpq cannot parse, with libpq's reason.
    static func validate(_ conninfo: String) throws(PostGISError) {
        if conninfo.utf8.contains(0) { throw .invalidTarget(reason: "it contains a NUL character") }
        guard !conninfo.isEmpty else { return }
        let looksLikeURL = conninfo.hasPrefix("postgresql://") || conninfo.hasPrefix("postgres://")
        guard looksLikeURL || conninfo.contains("=") else {
            throw .invalidTarget(reason: "'\(conninfo)' is neither a postgresql:// URL nor key=value pairs")
        }
        var error: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &error) else {
            let reason = error.map { message(UnsafePointer($0)) } ?? "libpq cannot parse it"
            if let error { PQfreemem(error) }
            throw .invalidTarget(reason: reason)
        }
        PQconninfoFree(options)
    }

    /// user@host:port/database of a connection (made or failed), for messages.
    static func describe(_ connection: OpaquePointer?) -> String {
        guard let connection else { return "(unknown server)" }
        func text(_ value: UnsafeMutablePointer<CChar>?) -> String { value.map { String(cString: $0) } ?? "" }
        let host = text(PQhost(connection)), port = text(PQport(connection))
        let user = text(PQuser(connection)), database = text(PQdb(connection))
        let place = host.hasPrefix("/") ? "socket \(host)" : host
        return "\(user.isEmpty ? "" : user + "@")\(place.isEmpty ? "localhost" : place)\(port.isEmpty ? "" : ":" + port)/\(database)"
    }

    // MARK: C strings

    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
        let copies = strings.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        let pointers = copies.map { UnsafePointer($0) } + [nil]
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    private static func withOptionalCStrings<R>(_ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
        let copies = strings.map { $0.map { strdup($0) } ?? nil }
        defer { copies.forEach { free($0) } }
        let pointers = copies.map { $0.map { UnsafePointer($0) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
    }
}
