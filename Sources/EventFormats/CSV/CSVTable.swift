import GeoKit
import EventModel
/// A CSV file read whole with its header: rows addressable by column name, errors that say file:line:field.
/// For small reference files (the gazetteer); events stream through `CSVReader` instead.
public struct CSVTable {
    public let path: String
    public let header: [String]
    public let rows: [CSVRecord]
    private let index: [String: Int]

    public init(path: String, required: [String] = []) throws {
        let reader = try CSVReader(path: path)
        var header: [String]?
        var rows: [CSVRecord] = []
        for result in reader {
            switch result {
            case let .failure(problem):
                throw GeoDataError(file: "\(path):\(problem.line)" + (problem.field.map { ":field \($0)" } ?? ""), problem.reason)
            case let .success(record):
                if header == nil {
                    header = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
                } else if record.fields != [""] {
                    rows.append(record)
                }
            }
        }
        guard let header else { throw GeoDataError(file: path, "is empty; it needs a header row") }
        self.path = path
        self.header = header
        self.rows = rows
        index = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        for column in required where index[column] == nil {
            throw GeoDataError(file: "\(path):1", "column '\(column)' is missing; the header must name \(required.joined(separator: ", "))")
        }
        for row in rows where row.fields.count != header.count {
            throw GeoDataError(file: "\(path):\(row.line)", "has \(row.fields.count) fields but the header has \(header.count); quote fields that contain commas")
        }
    }

    public func value(_ row: CSVRecord, _ column: String) -> String {
        guard let i = index[column], i < row.fields.count else { return "" }
        return row.fields[i].trimmingCharacters(in: .whitespaces)
    }

    public func list(_ row: CSVRecord, _ column: String) -> [String] {
        value(row, column).split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    public func double(_ row: CSVRecord, _ column: String, range: ClosedRange<Double>) throws -> Double? {
        let text = value(row, column)
        if text.isEmpty { return nil }
        guard let number = Double(text), number.isFinite, range.contains(number) else {
            throw GeoDataError(file: "\(path):\(row.line):\(column)", "'\(text)' is not a number in \(range.lowerBound)…\(range.upperBound)")
        }
        return number
    }

    public func requireValue(_ row: CSVRecord, _ column: String) throws -> String {
        let text = value(row, column)
        guard !text.isEmpty else { throw GeoDataError(file: "\(path):\(row.line):\(column)", "is empty; a value is required") }
        return text
    }
}

import Foundation
