extension Array where Element == Token {
    /// True when the lower-cased words `phrase` start at `i`.
    func matches(_ phrase: [String], at i: Int) -> Bool {
        guard i >= 0, i + phrase.count <= count else { return false }
        for (offset, word) in phrase.enumerated() where self[i + offset].lower != word { return false }
        return true
    }

    /// The first phrase of `phrases` that starts at `i`, longest first when several do.
    func firstPhrase(_ phrases: [[String]], at i: Int) -> [String]? {
        phrases.filter { matches($0, at: i) }.max { $0.count < $1.count }
    }

    /// Indexes where `phrase` starts.
    func occurrences(of phrase: [String]) -> [Int] {
        guard !phrase.isEmpty, phrase.count <= count else { return [] }
        return (0...(count - phrase.count)).filter { matches(phrase, at: $0) }
    }

    /// True when one of `words` is among the `count` tokens before `i`.
    func hasWord(_ words: Set<String>, before i: Int, within window: Int) -> Bool {
        let lower = Swift.max(0, i - window)
        return lower < i && self[lower..<i].contains { words.contains($0.lower) }
    }

    /// The text from token `from` through token `to` (inclusive) as written.
    func text(_ range: Range<Int>, in source: String) -> String {
        guard !range.isEmpty else { return "" }
        return String(source[self[range.lowerBound].range.lowerBound..<self[range.upperBound - 1].range.upperBound])
    }
}

/// "Phrase words" written as one string each: "claimed responsibility" → ["claimed", "responsibility"].
func phrases(_ list: [String]) -> [[String]] {
    list.map { $0.split(separator: " ").map(String.init) }
}
