import GeoKit
/// A row that did not become an event: where, why, what to do, and the row itself so nothing is lost.
public struct Reject: Sendable, CustomStringConvertible {
    public let file: String
    /// The line the row starts on (for GeoJSON, the line its feature starts on).
    public let line: Int
    /// The input column at fault, or nil when the whole row is.
    public let field: String?
    /// What is wrong and what to do about it.
    public let reason: String
    public let category: RejectCategory
    /// The 1-based feature number for GeoJSON input.
    public let featureIndex: Int?
    /// The row's fields as read; empty when the row could not be split into fields.
    public let fields: [String]
    /// The row as text: the CSV line, JSON object or feature (bytes that are not UTF-8 appear as \xNN).
    public let raw: String

    public init(file: String, line: Int, field: String?, reason: String, category: RejectCategory,
                featureIndex: Int? = nil, fields: [String] = [], raw: String) {
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason
        self.category = category
        self.featureIndex = featureIndex
        self.fields = fields
        self.raw = raw
    }

    public var description: String {
        "\(file):\(line)" + (field.map { ":\($0)" } ?? "") + ": \(reason)"
    }
}

/// The kinds of reasons a row is rejected, for counting.
public enum RejectCategory: String, Sendable, CaseIterable, Comparable {
    case unreadable = "unreadable row"
    case ragged = "wrong number of fields"
    case invalidJSON = "invalid JSON"
    case geometry = "geometry"
    case footer = "totals or footer row"
    case missingPlace = "no location or coordinates"
    case missingDate = "no date"
    case date = "bad date"
    case coordinates = "bad coordinates"
    case nullIsland = "null island"
    case count = "bad count"
    case attribution = "bad attribution"
    case claim = "bad claim"
    case precision = "bad precision"
    case duplicateID = "duplicate event_id"

    public static func < (a: RejectCategory, b: RejectCategory) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// What one input row became: an event or a reject, never both, never neither.
public enum EventReadResult: Sendable {
    case event(Event)
    case reject(Reject)

    public var event: Event? { if case let .event(e) = self { e } else { nil } }
    public var reject: Reject? { if case let .reject(r) = self { r } else { nil } }
}
