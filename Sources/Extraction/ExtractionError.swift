/// Why a document gave no text to read. Each case names the document; the command line adds which flag helps.
public enum ExtractionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(path: String, reason: String)
    /// The file has no bytes.
    case empty(path: String)
    /// The file holds only white space, markup or skipped paragraphs.
    case noText(path: String, reason: String)
    /// The bytes are not text (NUL bytes, control characters, a known binary signature).
    case binary(path: String, reason: String)
    /// The file is larger than the size limit.
    case tooLarge(path: String, bytes: Int, limit: Int)
    /// libxml2 could not build a tree from the HTML.
    case unparsableHTML(path: String)
    /// A document date given by the caller is not a day (YYYY-MM-DD).
    case invalidDocumentDate(text: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason): "\(path): cannot be read (\(reason))"
        case let .empty(path): "\(path): is empty (0 bytes); nothing to extract"
        case let .noText(path, reason): "\(path): has no text to read (\(reason))"
        case let .binary(path, reason): "\(path): is not a text document (\(reason)); give plain text, Markdown or HTML"
        case let .tooLarge(path, bytes, limit):
            "\(path): is \(ExtractionError.megabytes(bytes)), above the limit of \(ExtractionError.megabytes(limit)); split it into smaller documents"
        case let .unparsableHTML(path): "\(path): libxml2 could not parse it as HTML"
        case let .invalidDocumentDate(text, reason): "the document date '\(text)' is not a day: \(reason)"
        }
    }

    static func megabytes(_ bytes: Int) -> String {
        let value = Double(bytes) / 1_048_576
        return value >= 10 ? "\(Int(value.rounded())) MB" : String(format: "%.1f MB", value)
    }
}
