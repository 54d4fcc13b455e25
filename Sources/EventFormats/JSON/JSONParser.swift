import GeoKit
import EventModel
/// A small JSON parser over UTF-8 bytes that reports lines, keeps member order and number text.
struct JSONParser {
    private let bytes: [UInt8]
    private var i = 0
    private(set) var line: Int
    private var depth = 0

    init(bytes: [UInt8], firstLine: Int = 1) {
        self.bytes = bytes
        line = firstLine
    }

    /// Parses exactly one value, allowing whitespace around it.
    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        let value = try parseValue()
        skipWhitespace()
        if i < bytes.count { throw fail("unexpected text after the end of the JSON value") }
        return value
    }

    private func fail(_ reason: String) -> JSONSyntaxError { JSONSyntaxError(line: line, reason: reason) }

    private mutating func skipWhitespace() {
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\n"): line += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): break
            default: return
            }
            i += 1
        }
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        guard i < bytes.count else { throw fail("the JSON ends too early; the file may be cut short") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "N"): try literal("NaN"); return .number("NaN")
        case UInt8(ascii: "I"): try literal("Infinity"); return .number("Infinity")
        default: return try parseNumber()
        }
    }

    private mutating func literal(_ word: String) throws(JSONSyntaxError) {
        let expected = Array(word.utf8)
        guard bytes.count - i >= expected.count, Array(bytes[i..<i + expected.count]) == expected else {
            throw fail("unexpected character '\(String(decoding: bytes[i...i], as: UTF8.self))'; expected a JSON value")
        }
        i += expected.count
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > 256 { throw fail("nesting is deeper than 256 levels") }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        let startLine = line
        i += 1
        var members: [JSONMember] = []
        skipWhitespace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(JSONObject(members: members, line: startLine)) }
        while true {
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a member name in double quotes") }
            let key = try parseString()
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':' after member name \"\(key)\"") }
            i += 1
            members.append(JSONMember(key: key, value: try parseValue()))
            skipWhitespace()
            guard i < bytes.count else { throw fail("the object opened on line \(startLine) never closes") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(JSONObject(members: members, line: startLine)) }
            throw fail("expected ',' or '}' in the object opened on line \(startLine)")
        }
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        let startLine = line
        i += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
        while true {
            items.append(try parseValue())
            skipWhitespace()
            guard i < bytes.count else { throw fail("the array opened on line \(startLine) never closes") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            throw fail("expected ',' or ']' in the array opened on line \(startLine)")
        }
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = i
        while i < bytes.count, "+-0123456789.eE".utf8.contains(bytes[i]) { i += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: "I"), i - start == 1, bytes[start] == UInt8(ascii: "-") {
            try literal("Infinity")
            return .number("-Infinity")
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard !text.isEmpty, Double(text) != nil else {
            throw fail(text.isEmpty ? "unexpected character; expected a JSON value" : "'\(text)' is not a number")
        }
        return .number(text)
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        i += 1
        var out: [UInt8] = []
        while i < bytes.count {
            let byte = bytes[i]
            i += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: out, as: UTF8.self) else { throw fail("a string is not valid UTF-8; re-save the file as UTF-8") }
                return text
            case UInt8(ascii: "\\"):
                try parseEscape(into: &out)
            case 0:
                throw fail("a string contains a NUL byte; the file may be binary or UTF-16 — save it as UTF-8 text")
            case UInt8(ascii: "\n"):
                throw fail("a string runs past the end of the line; close it with \" or write line breaks as \\n")
            default:
                out.append(byte)
            }
        }
        throw fail("a string never closes; close it with \"")
    }

    private mutating func parseEscape(into out: inout [UInt8]) throws(JSONSyntaxError) {
        switch JSONEscape.decode(bytes, at: &i) {
        case let .success(scalar):
            if scalar.value == 0 { throw fail("a string contains a NUL character (\\u0000); the file may be binary — remove it") }
            JSONEscape.append(scalar, to: &out)
        case let .failure(failure):
            throw fail(failure.reason)
        }
    }
}
