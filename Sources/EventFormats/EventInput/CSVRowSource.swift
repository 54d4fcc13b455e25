import Foundation
import GeoKit
import EventModel

/// Rows of a CSV or TSV file, streamed through `CSVReader`.
final class CSVRowSource: RowSource {
    let path: String
    let mapping: ColumnMapping
    let reader: CSVReader
    private let delimiter: UInt8
    private let rawLines: RawLineFetcher
    /// True until the first row after the header has been seen (where an HXL hashtag row may be).
    private var firstRow = true

    init(path: String, delimiter: UInt8, options: ReadOptions) throws {
        self.path = path
        self.delimiter = delimiter
        reader = try CSVReader(path: path, delimiter: delimiter)
        // The header must be UTF-8 unless the user names a single-byte encoding: a binary file would otherwise
        // "decode" into a header of garbage.
        reader.encoding = options.encoding == .auto ? .utf8 : options.encoding
        rawLines = RawLineFetcher(path: path)
        var headerRecord: CSVRecord?
        while headerRecord == nil, let result = reader.next() {
            switch result {
            case let .failure(problem):
                let advice = problem.reason.contains("not valid UTF-8") ? " (a file saved by Excel on Windows may be Windows-1252: read it as cp1252)" : ""
                throw GeoDataError(file: "\(path):\(problem.line)", "the header row cannot be read: \(problem.reason)\(advice)")
            case let .success(record):
                // Only a truly empty line comes before the header: a row of delimiters is a header of empty names.
                if !(record.fields.count == 1 && record.fields[0].allSatisfy(\.isWhitespace)) { headerRecord = record }
            }
        }
        reader.encoding = options.encoding
        let columnMap = options.columnMap
        guard let headerRecord else {
            throw GeoDataError(file: path, "is empty; an events file needs a header row (for example event_id,event_date,location,latitude,longitude) and one row per event")
        }
        let columns = headerRecord.fields.enumerated().map { i, name in
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? "column_\(i + 1)" : trimmed
        }
        mapping = ColumnMapping(columns: columns, columnMap: columnMap, profile: options.profile)
        let unmatched = mapping.unmatched(in: columnMap)
        if !unmatched.isEmpty {
            throw GeoDataError(file: "\(path):\(headerRecord.line)", "the column-map option names \(unmatched.map { "'\($0)'" }.joined(separator: ", ")), which the header does not have; columns found: \(columns.map { "'\($0)'" }.joined(separator: ", "))")
        }
        try mapping.requirePlaceAndDate(file: path, line: headerRecord.line)
    }

    func nextRow() -> RowOutcome? {
        guard let result = reader.next() else { return nil }
        let columns = mapping.columns
        switch result {
        case let .failure(problem):
            let column = problem.field.flatMap { $0 <= columns.count ? columns[$0 - 1] : nil }
            return .reject(Reject(file: path, line: problem.line, field: column, reason: problem.reason,
                                  category: .unreadable, raw: rawLines.text(ofLine: problem.line)))
        case let .success(record):
            if CSVRowSource.isBlank(record) { return .skippedBlankLine }
            defer { firstRow = false }
            if firstRow, CSVRowSource.isHXL(record) { return .skippedHXL }
            let raw = RawText.csvLine(record.fields, delimiter: delimiter)
            let count = record.fields.count
            if count != columns.count {
                let other = [UInt8(ascii: ","), UInt8(ascii: ";"), 9].first { d in
                    d != delimiter && count == 1 && record.fields[0].utf8.split(separator: d, omittingEmptySubsequences: false).count == columns.count
                }
                let advice = other.map { d in
                    "it uses \(d == 9 ? "tab" : "'\(Character(UnicodeScalar(d)))'") between fields but the header uses \(delimiter == 9 ? "tab" : "'\(Character(UnicodeScalar(delimiter)))'"); use one delimiter throughout the file"
                } ?? (count > columns.count
                    ? "a value probably contains the delimiter; put such values in double quotes (\"Khar, Bajaur\")"
                    : "fill in the missing fields (empty values still need their delimiters) or check for a stray line break")
                return .reject(Reject(file: path, line: record.line, field: nil,
                                      reason: "has \(count) fields but the header has \(columns.count); \(advice)",
                                      category: .ragged, fields: record.fields, raw: raw))
            }
            var row = RowInput(line: record.line, columns: columns, fields: record.fields, mapping: mapping, raw: raw)
            if !record.recodedFields.isEmpty {
                let names = record.recodedFields.map { columns[$0] }.joined(separator: ", ")
                row.readNotes.append("\(names): bytes that are not UTF-8 were read as Windows-1252")
            }
            return .row(row)
        }
    }

    /// An empty line, or a row of delimiters only (",,,,,", as spreadsheets save empty rows).
    private static func isBlank(_ record: CSVRecord) -> Bool {
        record.fields.allSatisfy { $0.allSatisfy(\.isWhitespace) }
    }

    /// A Humanitarian Exchange Language row: every non-empty cell a hashtag such as "#adm1+name", at least one.
    private static func isHXL(_ record: CSVRecord) -> Bool {
        var tags = 0
        for field in record.fields {
            let text = field.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            guard text.hasPrefix("#"), text.count > 1, text.dropFirst().first?.isLetter == true else { return false }
            tags += 1
        }
        return tags > 0
    }

    /// The delimiter a header line uses: the most frequent of comma, semicolon and tab outside quotes.
    static func sniffDelimiter(path: String) -> UInt8 {
        guard let reader = try? LineReader(path: path) else { return UInt8(ascii: ",") }
        var firstLine: [UInt8] = []
        while let line = reader.next() {
            if !line.allSatisfy({ $0 == 32 || $0 == 9 }) { firstLine = line; break }
        }
        var counts: [UInt8: Int] = [:]
        var quoted = false
        for byte in firstLine {
            if byte == UInt8(ascii: "\"") { quoted.toggle() } else if !quoted { counts[byte, default: 0] += 1 }
        }
        let comma = counts[UInt8(ascii: ","), default: 0]
        let best = [UInt8(ascii: ";"), 9].max { counts[$0, default: 0] < counts[$1, default: 0] }!
        return counts[best, default: 0] > comma ? best : UInt8(ascii: ",")
    }
}
