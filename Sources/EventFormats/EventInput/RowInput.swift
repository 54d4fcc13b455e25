import Foundation
import GeoKit
import EventModel
/// One input row before validation, whatever the file format.
struct RowInput {
    typealias Value = (column: String, text: String)

    let line: Int
    var featureIndex: Int?
    /// Canonical fields with the input column that gave them and their trimmed text.
    var values: [EventField: Value]
    var extra: [(name: String, value: String)]
    /// The row's values in input order; a generated id is a hash of these.
    var fields: [String]
    let raw: String

    /// The non-empty text of a field.
    func text(_ field: EventField) -> String? {
        guard let value = values[field], !value.text.isEmpty else { return nil }
        return value.text
    }

    /// The input column name of a field, or its canonical name when the row has no such column.
    func column(_ field: EventField) -> String { values[field]?.column ?? field.rawValue }

    /// Builds a row from named values through a header mapping.
    init(line: Int, columns: [String], fields: [String], mapping: ColumnMapping, raw: String) {
        self.line = line
        self.fields = fields
        self.raw = raw
        var values: [EventField: Value] = [:]
        var extra: [(name: String, value: String)] = []
        for (i, name) in columns.enumerated() {
            let text = i < fields.count ? fields[i].trimmedSpaces() : ""
            if let field = mapping.fields[i] {
                values[field] = (name, text)
            } else {
                extra.append((mapping.extraNames[i] ?? name, i < fields.count ? fields[i] : ""))
            }
        }
        self.values = values
        self.extra = extra
    }
}

/// What a format reader hands on: a row to validate, a row rejected already, or nothing to count.
enum RowOutcome {
    case row(RowInput)
    case reject(Reject)
    case skippedBlankLine
}

/// A format-specific producer of rows (CSV, JSON Lines, GeoJSON).
protocol RowSource: AnyObject {
    func nextRow() -> RowOutcome?
}
