/// A failure reported by GEOS or found in the input handed to it.
public enum GEOSError: Error, CustomStringConvertible, Equatable {
    /// GEOS could not read the input (WKT, WKB, GeoJSON); `input` names what was read.
    case parse(format: String, input: String, message: String)
    /// A GEOS operation failed; `message` is GEOS's own text.
    case operation(String, message: String)
    /// The caller handed GEOS something it cannot use (an unclosed ring, NaN coordinates …).
    case invalidInput(String)

    public var description: String {
        switch self {
        case let .parse(format, input, message):
            return "cannot read \(format) \(Self.excerpt(input)): \(message)"
        case let .operation(name, message):
            return "GEOS \(name) failed: \(message)"
        case let .invalidInput(message):
            return message
        }
    }

    static func excerpt(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count <= 80 ? "'\(flat)'" : "'\(flat.prefix(77))...'"
    }
}
