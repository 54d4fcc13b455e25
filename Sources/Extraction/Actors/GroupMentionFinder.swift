import GeoReference
import Geocoding

/// Finds groups in a sentence by their names and aliases in GeoData/groups.csv, resolved through
/// `NameGeocoder.group`. Acronyms must be written in capitals ("TIP", not "tip"); a country's possessive
/// reads as its adjective ("Pakistan's military" → "Pakistani military").
struct GroupMentionFinder: Sendable {
    private var index = NameKeyIndex()
    private let names: NameGeocoder
    private let groupsByID: [String: ArmedGroup]

    /// Names that stand for several groups, kept as reported: the group stays open.
    static let ambiguousNames: [String: [String]] = [
        "Islamic State": ["gr-iskp", "gr-ispp"], "ISIS": ["gr-iskp", "gr-ispp"], "ISIL": ["gr-iskp", "gr-ispp"], "IS": ["gr-iskp", "gr-ispp"],
    ]
    private static let countryAdjectives: [String: String] = ["pakistan": "pakistani", "afghanistan": "afghan", "iran": "iranian"]

    init(gazetteer: Gazetteer, names: NameGeocoder) {
        self.names = names
        groupsByID = Dictionary(gazetteer.groups.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for group in gazetteer.groups {
            for name in [group.name] + group.aliases {
                index.add(name)
                if let head = NameKeyIndex.head(name) { index.add(head) }
            }
        }
        for name in Self.ambiguousNames.keys { index.add(name) }
    }

    func mentions(in tokens: [Token], text: String) -> [ActorMention] {
        var found: [ActorMention] = []
        var i = 0
        while i < tokens.count {
            if let mention = possessiveMention(tokens, text: text, at: i) ?? mention(tokens, text: text, at: i) {
                found.append(mention)
                i = mention.tokens.upperBound
            } else {
                i += 1
            }
        }
        return mergingAcronyms(found, tokens, text: text)
    }

    /// "Tehrik-e-Taliban Pakistan (TTP)" is one mention, written as such.
    private func mergingAcronyms(_ mentions: [ActorMention], _ tokens: [Token], text: String) -> [ActorMention] {
        var merged: [ActorMention] = []
        for mention in mentions {
            if let last = merged.last, let group = last.group, mention.group?.id == group.id,
               mention.tokens.lowerBound == last.tokens.upperBound + 1, tokens[last.tokens.upperBound].lower == "(",
               mention.tokens.upperBound < tokens.count, tokens[mention.tokens.upperBound].lower == ")" {
                let range = last.tokens.lowerBound..<(mention.tokens.upperBound + 1)
                merged[merged.count - 1] = ActorMention(tokens: range, text: tokens.text(range, in: text), group: group, candidates: last.candidates)
            } else {
                merged.append(mention)
            }
        }
        return merged
    }

    private func mention(_ tokens: [Token], text: String, at i: Int) -> ActorMention? {
        guard let (end, key) = index.longestMatch(in: tokens, at: i, accept: { key, range in self.writtenAsListed(key, tokens[range]) }) else {
            return nil
        }
        return resolve(key: key, tokens: i..<end, text: tokens.text(i..<end, in: text))
    }

    /// "Pakistan's military" read as "Pakistani military" when that is a listed name.
    private func possessiveMention(_ tokens: [Token], text: String, at i: Int) -> ActorMention? {
        guard i + 2 < tokens.count, tokens[i + 1].isPossessive, let adjective = Self.countryAdjectives[tokens[i].lower] else { return nil }
        var keys = [adjective]
        var best: (end: Int, key: String)?
        var j = i + 2
        while j < tokens.count, tokens[j].isWord, keys.count < index.longest {
            keys.append(tokens[j].key)
            j += 1
            if index.names[keys.joined(separator: " ")] != nil { best = (j, keys.joined(separator: " ")) }
        }
        guard let best else { return nil }
        return resolve(key: best.key, tokens: i..<best.end, text: tokens.text(i..<best.end, in: text))
    }

    private func resolve(key: String, tokens: Range<Int>, text: String) -> ActorMention? {
        guard let listed = index.names[key]?.first else { return nil }
        if let ids = Self.ambiguousNames.first(where: { NameNormalizer.key($0.key) == key })?.value {
            return ActorMention(tokens: tokens, text: text, group: nil, candidates: ids.compactMap { groupsByID[$0] })
        }
        guard let match = names.matchGroup(listed), match.method != "group:fuzzy" else { return nil }
        return ActorMention(tokens: tokens, text: text, group: match.group, candidates: match.candidates)
    }

    /// Acronyms only in capitals; names listed with a capital only when written with one, except single
    /// words of six letters or more ("khawarij" in ISPR's lower case).
    private func writtenAsListed(_ key: String, _ words: ArraySlice<Token>) -> Bool {
        guard let listed = index.names[key], let first = words.first else { return false }
        if words.count == 1, listed.contains(String(first.text)) { return true }
        return listed.contains { name in
            let letters = name.filter(\.isLetter)
            if letters.count <= 5, letters.allSatisfy(\.isUppercase) || name.contains(where: \.isUppercase) && letters.count <= 3 {
                return words.allSatisfy { !$0.isWord || $0.isAllCaps || $0.text.count == 1 && $0.isCapitalized }
            }
            if name.first?.isLowercase == true { return true }
            if words.count == 1, letters.count >= 6 { return true }
            return first.isCapitalized
        }
    }
}
