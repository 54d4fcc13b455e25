import Foundation

extension StringProtocol {
    /// Drops leading and trailing spaces and tabs (Unicode whitespace, as `trimmingCharacters(in: .whitespaces)`),
    /// answering without a copy in the common case of a field with none: this runs once per input field.
    package func trimmedSpaces() -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return "" }
        if !first.isTrimmedSpace && !last.isTrimmedSpace { return String(self) }
        return trimmingCharacters(in: .whitespaces)
    }
}

extension Unicode.Scalar {
    /// Whether `trimmingCharacters(in: .whitespaces)` drops this scalar: ASCII answered without `CharacterSet`.
    @inline(__always)
    package var isTrimmedSpace: Bool {
        value < 0x80 ? (value == 0x20 || value == 0x09) : CharacterSet.whitespaces.contains(self)
    }
}
