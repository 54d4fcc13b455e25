import Foundation

extension StringProtocol {
    /// Drops leading and trailing spaces and tabs (Unicode whitespace, as `trimmingCharacters(in: .whitespaces)`),
    /// answering without a copy in the common case of a field with none: this runs once per input field.
    package func trimmedSpaces() -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return "" }
        if !CharacterSet.whitespaces.contains(first) && !CharacterSet.whitespaces.contains(last) { return String(self) }
        return trimmingCharacters(in: .whitespaces)
    }
}
