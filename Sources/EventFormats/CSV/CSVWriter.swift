import GeoKit
import EventModel
/// Writes RFC 4180 CSV through an `AtomicFile`: the header once, quoting only where needed, cells
/// spreadsheet-safe (`CSVCell`) unless `neutralizeFormulas` is false.
public final class CSVWriter {
    private let file: AtomicFile
    private let neutralizeFormulas: Bool
    public private(set) var header: [String]?

    public init(path: String, neutralizeFormulas: Bool = true) throws {
        file = try AtomicFile(path: path)
        self.neutralizeFormulas = neutralizeFormulas
    }

    public func writeRow(_ fields: [String]) {
        file.withBuffer { Self.appendRow(fields, neutralizeFormulas: neutralizeFormulas, to: &$0) }
    }

    /// Writes rows already encoded by `appendRow` (whole lines).
    public func write(encodedRows bytes: [UInt8]) {
        bytes.withUnsafeBytes { file.write(contentsOf: $0) }
    }

    /// One row as `writeRow` writes it, appended to `bytes`: for rows encoded on other threads.
    public static func appendRow<Fields: Sequence<String>>(_ fields: Fields, neutralizeFormulas: Bool, to bytes: inout [UInt8]) {
        var first = true
        for field in fields {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            appendField(neutralizeFormulas ? CSVCell.neutralized(field) : field, to: &bytes)
        }
        bytes.append(10)
    }

    /// A field quoted only when it holds a comma, quote or line break (as `escape`).
    static func appendField(_ field: String, to bytes: inout [UInt8]) {
        let utf8 = field.utf8
        let needsQuotes = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        guard needsQuotes else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in utf8 {
            bytes.append(byte)
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
        }
        bytes.append(UInt8(ascii: "\""))
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

    /// Quotes a field only when it holds a comma, quote or line break (checked on UTF-8 bytes: this runs per field).
    public static func escape(_ field: String) -> String {
        let needsQuotes = field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        guard needsQuotes else { return field }
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(field.utf8.count + 8)
        for byte in field.utf8 {
            out.append(byte)
            if byte == UInt8(ascii: "\"") { out.append(byte) }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }
}
