import GeoKit
import EventModel
/// A JSON value that keeps object member order, number text and the line each object starts on.
enum JSONValue {
    case null
    case bool(Bool)
    /// The number as written (NaN and Infinity are accepted here and refused where a coordinate is read).
    case number(String)
    case string(String)
    case array([JSONValue])
    indirect case object(JSONObject)

    /// The value as column text: strings as they are, arrays of plain values joined with "; ", the rest as JSON.
    var columnText: String {
        switch self {
        case .null: return ""
        case let .bool(b): return b ? "true" : "false"
        case let .number(n): return n
        case let .string(s): return s
        case let .array(items) where items.allSatisfy(\.isPlain): return items.map(\.columnText).joined(separator: "; ")
        default: return compactText
        }
    }

    private var isPlain: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    /// The value written back as one line of JSON.
    var compactText: String {
        switch self {
        case .null: "null"
        case let .bool(b): b ? "true" : "false"
        case let .number(n): n
        case let .string(s): JSONText.quoted(s)
        case let .array(items): "[" + items.map(\.compactText).joined(separator: ",") + "]"
        case let .object(object): "{" + object.members.map { JSONText.quoted($0.key) + ":" + $0.value.compactText }.joined(separator: ",") + "}"
        }
    }

    var object: JSONObject? { if case let .object(o) = self { o } else { nil } }
    var string: String? { if case let .string(s) = self { s } else { nil } }
}

struct JSONMember {
    var key: String
    var value: JSONValue
}

struct JSONObject {
    var members: [JSONMember]
    /// The line its opening brace is on.
    var line: Int

    subscript(key: String) -> JSONValue? { members.first { $0.key == key }?.value }
}

struct JSONSyntaxError: Error {
    let line: Int
    let reason: String
}
