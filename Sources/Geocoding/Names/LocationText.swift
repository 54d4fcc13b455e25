import Foundation
import GeoKit
import EventModel
import EventFormats
import GeoReference

/// Splitting a location text into its parts and words.
enum LocationText {
    /// "Khar, Bajaur" → ["Khar", "Bajaur"]; "Barikot (Swat)" → ["Barikot", "Swat"]: most specific first.
    static func parts(_ text: String) -> [String] {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "(") }) else {
            return text.isEmpty ? [] : [text]
        }
        return text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "(" || $0 == ")" })
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    /// The words of the normalised key.
    static func tokens(_ text: String) -> [Substring] {
        NameNormalizer.key(text).split(separator: " ")
    }

    /// The words in `range` as the text wrote them ("D.I. Khan") when they line up with the key's words, else the key's.
    static func matchedText(_ text: String, tokens: [Substring], range: Range<Int>) -> String {
        let words = wordRanges(text)
        guard words.count == tokens.count, !range.isEmpty else { return tokens[range].joined(separator: " ") }
        return String(text[words[range.lowerBound].lowerBound..<words[range.upperBound - 1].upperBound])
    }

    private static func wordRanges(_ text: String) -> [Range<String.Index>] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWordRanges(text) }
        var ranges: [Range<String.Index>] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let isWordCharacter = character.isLetter || character.isNumber || character == "'" || character == "’" || character == "`"
            if isWordCharacter, start == nil { start = index }
            if !isWordCharacter, let wordStart = start { ranges.append(wordStart..<index); start = nil }
            index = text.index(after: index)
        }
        if let wordStart = start { ranges.append(wordStart..<text.endIndex) }
        return ranges
    }

    private static func asciiWordRanges(_ text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var start: String.Index?
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            let isWordByte = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7a)
                || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`")
            if isWordByte, start == nil { start = index }
            if !isWordByte, let wordStart = start { ranges.append(wordStart..<index); start = nil }
            index = utf8.index(after: index)
        }
        if let wordStart = start { ranges.append(wordStart..<text.endIndex) }
        return ranges
    }
}
