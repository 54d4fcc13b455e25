import GeoReference

/// A word, number or punctuation mark of a sentence, with where it stands in the document text.
struct Token: Sendable {
    enum Kind: Sendable { case word, number, punctuation }

    let kind: Kind
    let text: Substring
    /// Lower-cased text; "'s" for a possessive ending.
    let lower: String
    let range: Range<String.Index>
    /// The gazetteer's key of the word (`NameNormalizer.key`): folded case and diacritics.
    let key: String
    /// True when white space (or nothing) separates it from the token before.
    let spaceBefore: Bool

    var isWord: Bool { kind == .word }
    var isCapitalized: Bool { text.first?.isUppercase ?? false }
    var isAllCaps: Bool { text.count > 1 && text.allSatisfy { !$0.isLetter || $0.isUppercase } && text.contains { $0.isLetter } }
    var isPossessive: Bool { lower == "'s" }
    /// The value of a number token ("1,200" → 1200).
    var number: Int? { kind == .number ? Int(text.filter(\.isNumber)) : nil }
}

/// Splits text into tokens: runs of letters (with inner apostrophes, a possessive "'s" split off), runs of
/// digits (with thousands commas and an ordinal suffix), and single punctuation marks.
enum Tokenizer {
    static func tokens(_ text: String, in range: Range<String.Index>) -> [Token] {
        var tokens: [Token] = []
        var index = range.lowerBound
        var sawSpace = true
        while index < range.upperBound {
            let character = text[index]
            if character.isWhitespace {
                sawSpace = true
                index = text.index(after: index)
                continue
            }
            let start = index
            var kind = Token.Kind.punctuation
            if character.isLetter {
                kind = .word
                index = wordEnd(text, from: index, limit: range.upperBound)
            } else if character.isNumber {
                kind = .number
                index = numberEnd(text, from: index, limit: range.upperBound)
            } else if isApostrophe(character), let possessiveEnd = possessive(text, at: index, limit: range.upperBound), !tokens.isEmpty {
                tokens.append(Token(kind: .punctuation, text: text[start..<possessiveEnd], lower: "'s", range: start..<possessiveEnd, key: "", spaceBefore: false))
                index = possessiveEnd
                sawSpace = false
                continue
            } else {
                index = text.index(after: index)
            }
            let word = text[start..<index]
            let lower = word.lowercased()
            tokens.append(Token(kind: kind, text: word, lower: lower, range: start..<index,
                                key: kind == .punctuation ? "" : NameNormalizer.key(String(word)), spaceBefore: sawSpace))
            sawSpace = false
        }
        return tokens
    }

    private static func isApostrophe(_ c: Character) -> Bool { c == "'" || c == "’" || c == "`" }

    /// Letters, digits and inner apostrophes ("Da'esh"); stops before a possessive "'s".
    private static func wordEnd(_ text: String, from start: String.Index, limit: String.Index) -> String.Index {
        var index = start
        while index < limit {
            let c = text[index]
            if c.isLetter || c.isNumber { index = text.index(after: index); continue }
            if isApostrophe(c), possessive(text, at: index, limit: limit) == nil {
                let next = text.index(after: index)
                if next < limit, text[next].isLetter { index = next; continue }
            }
            break
        }
        return index
    }

    /// The end of "'s"/"’s" at `index` when it closes a word.
    private static func possessive(_ text: String, at index: String.Index, limit: String.Index) -> String.Index? {
        guard index < limit, isApostrophe(text[index]) else { return nil }
        let s = text.index(after: index)
        guard s < limit, text[s] == "s" || text[s] == "S" else { return nil }
        let after = text.index(after: s)
        return after == limit || !text[after].isLetter ? after : nil
    }

    /// Digits with thousands groups ("1,200") and an ordinal suffix ("21st").
    private static func numberEnd(_ text: String, from start: String.Index, limit: String.Index) -> String.Index {
        var index = start
        while index < limit, text[index].isNumber { index = text.index(after: index) }
        while index < limit, text[index] == "," {
            var probe = text.index(after: index)
            var digits = 0
            while probe < limit, text[probe].isNumber, digits < 4 { probe = text.index(after: probe); digits += 1 }
            guard digits == 3, probe == limit || !text[probe].isNumber else { break }
            index = probe
        }
        for suffix in ["st", "nd", "rd", "th"] {
            var probe = index
            var matched = true
            for expected in suffix {
                guard probe < limit, text[probe].lowercased() == String(expected) else { matched = false; break }
                probe = text.index(after: probe)
            }
            if matched, probe == limit || !text[probe].isLetter { return probe }
        }
        return index
    }
}
