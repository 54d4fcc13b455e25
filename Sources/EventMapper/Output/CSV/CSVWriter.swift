/// Writes RFC 4180 CSV through an `AtomicFile`: the header once, quoting only where needed.
public final class CSVWriter {
    private let file: AtomicFile
    public private(set) var header: [String]?

    public init(path: String) throws {
        file = try AtomicFile(path: path)
    }

    public func writeRow(_ fields: [String]) {
        var line = ""
        for (i, field) in fields.enumerated() {
            if i > 0 { line += "," }
            line += Self.escape(field)
        }
        file.write(line + "\n")
    }

    /// Writes a record of named values; the first record's names become the header.
    public func write(_ record: [(name: String, value: PropertyValue)]) {
        if header == nil {
            header = record.map(\.name)
            writeRow(header!)
        }
        writeRow(record.map { $0.value.description })
    }

    public func finish() throws { try file.commit() }
    public func discard() { file.discard() }

    public static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
