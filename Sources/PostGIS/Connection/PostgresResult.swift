import CLibPQ

/// The rows of one statement, in text format, freed once by `deinit`.
public final class PostgresResult {
    private let handle: OpaquePointer

    init(_ handle: OpaquePointer) { self.handle = handle }
    deinit { PQclear(handle) }

    public var rowCount: Int { Int(PQntuples(handle)) }
    public var columnCount: Int { Int(PQnfields(handle)) }

    public func columnName(_ column: Int) -> String { String(cString: PQfname(handle, Int32(column))) }

    /// The value at `row`, `column` as the server wrote it, nil for NULL.
    public func value(_ row: Int, _ column: Int) -> String? {
        if PQgetisnull(handle, Int32(row), Int32(column)) == 1 { return nil }
        return String(cString: PQgetvalue(handle, Int32(row), Int32(column)))
    }

    /// Every row as an array of values.
    public var rows: [[String?]] {
        (0..<rowCount).map { row in (0..<columnCount).map { value(row, $0) } }
    }

    /// Rows inserted, updated, deleted or copied (`PQcmdTuples`), 0 when the statement does not say.
    public var affectedRows: Int { Int(String(cString: PQcmdTuples(handle))) ?? 0 }
}
