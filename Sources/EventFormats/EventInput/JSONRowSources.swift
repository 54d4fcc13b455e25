import Foundation
import GeoKit
import EventModel

/// Rows from JSON objects: keys as columns, values as text.
struct JSONRows {
    let path: String
    let columnMap: ColumnMap
    private var mappings: [[String]: ColumnMapping] = [:]

    init(path: String, columnMap: ColumnMap) {
        self.path = path
        self.columnMap = columnMap
    }

    mutating func mapping(for columns: [String]) -> ColumnMapping {
        if let known = mappings[columns] { return known }
        let mapping = ColumnMapping(columns: columns, columnMap: columnMap)
        if mappings.count < 256 { mappings[columns] = mapping }
        return mapping
    }

    mutating func row(_ object: JSONObject, raw: String) -> RowInput {
        let columns = object.members.map(\.key)
        return RowInput(line: object.line, columns: columns, fields: object.members.map(\.value.columnText),
                        mapping: mapping(for: columns), raw: raw)
    }
}

/// Rows of a JSON Lines file, one object per line, streamed.
final class JSONLinesRowSource: RowSource {
    private let path: String
    private let lines: LineReader
    private var rows: JSONRows

    init(path: String, columnMap: ColumnMap) throws {
        self.path = path
        lines = try LineReader(path: path)
        rows = JSONRows(path: path, columnMap: columnMap)
        guard let probe = try? LineReader(path: path), JSONLinesRowSource.hasContent(probe) else {
            throw GeoDataError(file: path, "is empty; a JSON Lines file needs one JSON object per line")
        }
    }

    private static func hasContent(_ reader: LineReader) -> Bool {
        while let line = reader.next() { if !line.allSatisfy({ $0 == 32 || $0 == 9 }) { return true } }
        return false
    }

    func nextRow() -> RowOutcome? {
        guard let bytes = lines.next() else { return nil }
        let line = lines.line
        if lines.lastLineWasCut {
            return .reject(Reject(file: path, line: line, field: nil,
                reason: "the line is longer than \(InputLimits.size(lines.maxLineBytes)) (the line limit) and was skipped; check for a missing line break, \(InputLimits.advice(InputLimits.lineVariable, lines.maxLineBytes))",
                category: .unreadable, raw: RawText.cut(bytes, length: lines.lastLineLength)))
        }
        if bytes.allSatisfy({ $0 == 32 || $0 == 9 }) { return .skippedBlankLine }
        let raw = RawText.escaped(bytes)
        func reject(_ category: RejectCategory, _ reason: String) -> RowOutcome {
            .reject(Reject(file: path, line: line, field: nil, reason: reason, category: category, raw: raw))
        }
        if bytes.contains(0) {
            return reject(.unreadable, "contains a NUL byte; the file may be binary or UTF-16 — save it as UTF-8 text")
        }
        if String(validating: bytes, as: UTF8.self) == nil {
            return reject(.unreadable, "is not valid UTF-8; re-save the file as UTF-8")
        }
        var parser = JSONParser(bytes: bytes, firstLine: line)
        do {
            guard let object = try parser.parseDocument().object else {
                return reject(.invalidJSON, "is not a JSON object; a JSON Lines file needs one {…} object per line")
            }
            return .row(rows.row(object, raw: raw))
        } catch {
            return reject(.invalidJSON, "is not valid JSON: \(error.reason)")
        }
    }
}
