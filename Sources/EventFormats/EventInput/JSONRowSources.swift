import Foundation
import GeoKit
import EventModel

/// Rows from JSON objects: keys as columns, values as text; GeoJSON features as their properties and point.
struct JSONRows {
    let path: String
    let options: ReadOptions
    private var mappings: [[String]: ColumnMapping] = [:]
    /// Notes of the layouts and column choices met so far, each said once.
    private(set) var notes: [String] = []
    private var said = Set<String>()

    init(path: String, options: ReadOptions) {
        self.path = path
        self.options = options
    }

    mutating func mapping(for columns: [String]) -> ColumnMapping {
        if let known = mappings[columns] { return known }
        let mapping = ColumnMapping(columns: columns, columnMap: options.columnMap, profile: options.profile)
        if mappings.count < 256 { mappings[columns] = mapping }
        for note in [mapping.profile.note].filter({ !$0.isEmpty }) + mapping.notes.filter({ !$0.contains("geocoding columns") })
        where said.insert(note).inserted {
            notes.append("\(path): \(note)")
        }
        return mapping
    }

    mutating func row(_ object: JSONObject, raw: String) -> RowInput {
        let columns = object.members.map(\.key)
        return RowInput(line: object.line, columns: columns, fields: object.members.map(\.value.columnText),
                        mapping: mapping(for: columns), raw: raw)
    }

    /// A GeoJSON Feature as a row: its properties (and its "id"), and its Point as latitude/longitude — unless the
    /// properties are an EventMapper output, whose point is the earlier result and whose latitude/longitude
    /// columns are the input's own coordinates.
    mutating func feature(_ object: JSONObject, number: Int, raw: String) -> RowOutcome {
        func reject(_ field: String?, _ category: RejectCategory, _ reason: String) -> RowOutcome {
            .reject(Reject(file: path, line: object.line, field: field, reason: "feature \(number): \(reason)",
                           category: category, featureIndex: number, raw: raw))
        }
        guard object["type"]?.string == "Feature" else {
            return reject(nil, .geometry, "is not a GeoJSON Feature (its \"type\" is \(object["type"]?.compactText ?? "missing")); write it as {\"type\": \"Feature\", \"geometry\": …, \"properties\": {…}}")
        }
        var members: [JSONMember] = []
        switch object["properties"] {
        case nil, .null?: break
        case let .object(properties)?: members = properties.members
        default: return reject("properties", .invalidJSON, "\"properties\" must be an object or null")
        }
        if let id = object["id"], !members.contains(where: { EventField(columnName: $0.key) == .eventID }) {
            members.insert(JSONMember(key: "id", value: id), at: 0)
        }
        var point: (lon: String, lat: String)?
        switch object["geometry"] {
        case nil, .null?: break
        case let .object(geometry)?:
            let type = geometry["type"]?.string ?? "missing"
            guard type == "Point" else {
                return reject("geometry", .geometry, "the geometry is a \(type), not a Point; give events as Point features (or a location name in the properties)")
            }
            guard case let .array(position)? = geometry["coordinates"], position.count >= 2,
                  case let .number(lon) = position[0], case let .number(lat) = position[1] else {
                return reject("geometry", .geometry, "Point coordinates must be [longitude, latitude] numbers")
            }
            point = (lon, lat)
        default:
            return reject("geometry", .geometry, "\"geometry\" must be an object or null")
        }
        var row = self.row(JSONObject(members: members, line: object.line), raw: raw)
        row.featureIndex = number
        if let point, !row.geometryIsDerived {
            row.usePoint(lon: point.lon, lat: point.lat)
        }
        return .row(row)
    }
}

extension RowInput {
    /// Takes a feature's point as the row's coordinates; latitude/longitude properties pass through instead.
    mutating func usePoint(lon: String, lat: String) {
        for field in [EventField.latitude, .longitude] {
            if let moved = values.removeValue(forKey: field) {
                extra.append((ColumnMapping.reservedNames.contains(EventField.normalized(moved.column)) ? "input_" + moved.column : moved.column, moved.text))
            }
        }
        values[.latitude] = ("geometry", lat)
        values[.longitude] = ("geometry", lon)
        fields += [lon, lat]
    }
}

/// Rows of a JSON Lines file (one object per line) or a GeoJSON text sequence (RFC 8142: RS, a Feature, LF),
/// streamed.
final class JSONLinesRowSource: RowSource {
    private let path: String
    private let lines: LineReader
    private(set) var rows: JSONRows
    private var features = 0

    init(path: String, options: ReadOptions) throws {
        self.path = path
        lines = try LineReader(path: path)
        rows = JSONRows(path: path, options: options)
        guard let probe = try? LineReader(path: path), JSONLinesRowSource.hasContent(probe) else {
            throw GeoDataError(file: path, "is empty; a JSON Lines file needs one JSON object per line")
        }
    }

    private static func isBlank(_ bytes: [UInt8]) -> Bool { bytes.allSatisfy { $0 == 32 || $0 == 9 || $0 == 0x1E } }

    private static func hasContent(_ reader: LineReader) -> Bool {
        while let line = reader.next() { if !isBlank(line) { return true } }
        return false
    }

    func nextRow() -> RowOutcome? {
        guard var bytes = lines.next() else { return nil }
        let line = lines.line
        if lines.lastLineWasCut {
            return .reject(Reject(file: path, line: line, field: nil,
                reason: "the line is longer than \(InputLimits.size(lines.maxLineBytes)) (the line limit) and was skipped; check for a missing line break, \(InputLimits.advice(InputLimits.lineVariable, lines.maxLineBytes))",
                category: .unreadable, raw: RawText.cut(bytes, length: lines.lastLineLength)))
        }
        if JSONLinesRowSource.isBlank(bytes) { return .skippedBlankLine }
        while bytes.first == 0x1E { bytes.removeFirst() }  // RFC 8142 record separator
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
            if object["type"]?.string == "Feature" {
                features += 1
                return rows.feature(object, number: features, raw: raw)
            }
            return .row(rows.row(object, raw: raw))
        } catch {
            return reject(.invalidJSON, "is not valid JSON: \(error.reason)")
        }
    }
}
