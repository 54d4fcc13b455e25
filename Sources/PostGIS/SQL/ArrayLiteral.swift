/// A PostgreSQL array literal (`{"a","b\"c"}`) of text or numbers, sent as the text of a bound parameter:
/// every element double-quoted with `"` and `\` escaped, so no element can end the literal early.
public enum ArrayLiteral {
    public static func text(_ elements: [String]) -> String {
        "{" + elements.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            .joined(separator: ",") + "}"
    }

    public static func numbers(_ elements: [Double]) -> String {
        "{" + elements.map(\.description).joined(separator: ",") + "}"
    }
}
