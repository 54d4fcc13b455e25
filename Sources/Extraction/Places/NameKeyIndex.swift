import Foundation
import GeoReference

/// Keys (`NameNormalizer.key`) of names, for finding mentions in running text: every n-gram of a
/// sentence's words is looked up, longest first.
struct NameKeyIndex: Sendable {
    /// Key → the names written with it (for case checks: "TIP" must be written in capitals).
    private(set) var names: [String: [String]] = [:]
    private(set) var longest = 1

    mutating func add(_ name: String) {
        let key = NameNormalizer.key(name)
        guard !key.isEmpty else { return }
        names[key, default: []].append(name)
        longest = max(longest, key.split(separator: " ").count)
    }

    /// The name with a trailing parenthesis removed: "Khar (Bajaur)" → "Khar".
    static func head(_ name: String) -> String? {
        guard let open = name.firstIndex(of: "("), open > name.startIndex else { return nil }
        return String(name[..<open]).trimmingCharacters(in: .whitespaces)
    }

    /// The longest match starting at word token `i`: its end (exclusive) and key. Words may be joined by
    /// hyphens, periods and apostrophes ("Tehrik-e-Taliban", "D.I. Khan") but not by other punctuation.
    func longestMatch(in tokens: [Token], at i: Int, accept: (String, Range<Int>) -> Bool = { _, _ in true }) -> (end: Int, key: String)? {
        guard tokens[i].kind != .punctuation else { return nil }
        var keys: [String] = []
        var ends: [Int] = []
        var j = i
        while j < tokens.count, keys.count < longest {
            let token = tokens[j]
            if token.kind == .punctuation {
                guard ["-", ".", "'", "’"].contains(token.lower), j + 1 < tokens.count, tokens[j + 1].kind != .punctuation else { break }
                j += 1
                continue
            }
            keys.append(token.key)
            ends.append(j + 1)
            j += 1
        }
        while !keys.isEmpty {
            let key = keys.joined(separator: " ")
            if names[key] != nil, accept(key, i..<ends[keys.count - 1]) { return (ends[keys.count - 1], key) }
            keys.removeLast()
        }
        return nil
    }
}
