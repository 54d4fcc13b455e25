import Foundation
import GeoKit
import EventModel

/// User-given column renames (`--column-map`): "Place=location,Killed=fatalities" or a file of `from,to` lines.
/// A target of `extra` keeps the column as a pass-through column instead of any guessed meaning.
public struct ColumnMap: Sendable {
    public enum Target: Sendable, Hashable {
        case field(EventField)
        case extra
    }

    public private(set) var entries: [(from: String, to: Target)] = []

    public init() {}

    /// Parses "From=to,From2=to2"; targets are canonical names or their aliases.
    public init(spec: String) throws(GeoDataError) {
        for pair in spec.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw GeoDataError(file: "the column-map option", "'\(pair)' is not a rename; write From=to, for example Place=location,Killed=fatalities")
            }
            try add(from: parts[0], to: parts[1], at: "the column-map option")
        }
    }

    /// Reads a CSV file of `from,to` lines (an optional `from,to` header, blank lines and `#` comments allowed).
    public init(contentsOf path: String) throws {
        for result in try CSVReader(path: path) {
            let record = try result.mapError { GeoDataError(file: "\(path):\($0.line)", $0.reason) }.get()
            let fields = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            if fields.allSatisfy(\.isEmpty) || fields[0].hasPrefix("#") { continue }
            if fields.map({ $0.lowercased() }) == ["from", "to"] { continue }
            guard fields.count == 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                throw GeoDataError(file: "\(path):\(record.line)", "needs two fields, from,to (for example: Killed,fatalities)")
            }
            try add(from: fields[0], to: fields[1], at: "\(path):\(record.line)")
        }
    }

    /// A file when `argument` names one, else a spec string.
    public static func load(_ argument: String) throws -> ColumnMap {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder), !isFolder.boolValue {
            return try ColumnMap(contentsOf: argument)
        }
        return try ColumnMap(spec: argument)
    }

    /// The target given for an input column, compared without regard to case.
    public func target(for column: String) -> Target? {
        let name = EventField.normalized(column)
        return entries.first { EventField.normalized($0.from) == name }?.to
    }

    private mutating func add(from: String, to: String, at location: String) throws(GeoDataError) {
        if EventField.normalized(to) == "extra" {
            entries.append((from, .extra))
        } else if let field = EventField(columnName: to) {
            entries.append((from, .field(field)))
        } else {
            throw GeoDataError(file: location, "'\(to)' is not an event column; use one of \(EventField.allCases.map(\.rawValue).joined(separator: ", ")) or extra")
        }
    }
}
