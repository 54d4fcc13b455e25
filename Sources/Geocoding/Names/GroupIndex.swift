import GeoKit
import EventModel
import EventFormats
import GeoReference
/// Group names and aliases by compact key, generic-stripped key ("TTP militants" → TTP), phonetic
/// skeleton (Tehrik-i-Taliban / Tehreek-e-Taliban) and, for long names, by fuzzy key.
struct GroupIndex: Sendable {
    let groups: [ArmedGroup]
    private var exact: [String: [NameHit]] = [:]
    private var stripped: [String: [NameHit]] = [:]
    private var variant: [String: [NameHit]] = [:]
    private var fuzzy = DeletionIndex(terms: [String]())

    private static let trailingWords: [[Substring]] = [
        ["militant", "group"], ["armed", "group"], ["group"], ["faction"], ["network"], ["militants"], ["fighters"],
        ["insurgents"], ["members"], ["organisation"], ["organization"],
    ]
    private static let leadingWords: [[Substring]] = [
        ["the"], ["militants", "of"], ["fighters", "of"], ["members", "of"], ["suspected"], ["alleged"],
    ]

    init(_ groups: [ArmedGroup]) {
        self.groups = groups
        for (offset, group) in groups.enumerated() {
            add(group.name, offset, .name)
            for alias in group.aliases { add(alias, offset, .alias) }
        }
        fuzzy = DeletionIndex(terms: exact.keys.sorted())
    }

    private mutating func add(_ name: String, _ group: Int, _ rank: NameRank) {
        var forms = [(name, rank)]
        if let head = NameIndex.qualifiedHead(name) { forms.append((head, rank)) }
        forms += LocationText.parts(name).dropFirst().map { ($0, NameRank.alias) }
        for (form, rank) in forms {
            let tokens = LocationText.tokens(form)
            guard !tokens.isEmpty else { continue }
            let hit = NameHit(entity: Int32(group), rank: rank, key: tokens.joined())
            exact.insertBest(hit, at: hit.key)
            let core = Self.stripGeneric(tokens)
            if core.count < tokens.count { stripped.insertBest(hit, at: core.joined()) }
            if let skeleton = PhoneticKey.make(core) { variant.insertBest(hit, at: skeleton) }
        }
    }

    func match(_ text: String) -> GroupMatch? {
        let forms = [text] + LocationText.parts(text).dropFirst()
        for form in forms {
            let tokens = LocationText.tokens(form)
            guard !tokens.isEmpty else { continue }
            let core = Self.stripGeneric(tokens)
            if let hits = exact[tokens.joined()] { return decide(hits, "group:exact", "group:alias", 1.0, 0.95) }
            if let hits = exact[core.joined()] ?? stripped[core.joined()] { return decide(hits, "group:exact", "group:alias", 0.9, 0.88) }
            if let skeleton = PhoneticKey.make(core), let hits = variant[skeleton] {
                return decide(hits, "group:variant", "group:variant", 0.85, 0.83)
            }
        }
        let core = Self.stripGeneric(LocationText.tokens(text)).joined()
        let found = fuzzy.lookup(core)
        guard let closest = found.first?.distance, core.utf8.count >= 8 else { return nil }
        let hits = found.filter { $0.distance == closest }.flatMap { exact[fuzzy.term($0.term)] ?? [] }
        let penalty = 0.08 * Double(closest)
        return decide(hits, "group:fuzzy", "group:fuzzy", 0.75 - penalty, 0.73 - penalty)
    }

    /// An own name beats an alias; groups tied at the best rank are ambiguous.
    private func decide(_ hits: [NameHit], _ nameMethod: String, _ aliasMethod: String, _ nameScore: Double,
                        _ aliasScore: Double) -> GroupMatch? {
        guard let bestRank = hits.map(\.rank).min() else { return nil }
        var ordered: [Int] = []
        for hit in hits.sorted(by: { $0.rank < $1.rank }) where !ordered.contains(Int(hit.entity)) {
            ordered.append(Int(hit.entity))
        }
        let top = Set(hits.filter { $0.rank == bestRank }.map { Int($0.entity) })
        let candidates = ordered.map { groups[$0] }
        let score = bestRank == .name ? nameScore : aliasScore
        let method = bestRank == .name ? nameMethod : aliasMethod
        guard top.count == 1 else {
            return GroupMatch(group: nil, candidates: candidates, confidence: min(0.5, score / Double(top.count)),
                              method: method, isAmbiguous: true)
        }
        let contested = ordered.count > 1
        return GroupMatch(group: candidates[0], candidates: candidates, confidence: contested ? score * 0.85 : score,
                          method: method, isAmbiguous: false)
    }

    private static func stripGeneric(_ tokens: [Substring]) -> [Substring] {
        var core = tokens[...]
        var changed = true
        while changed && core.count > 1 {
            changed = false
            if let words = trailingWords.first(where: { core.count > $0.count && core.suffix($0.count).elementsEqual($0) }) {
                core = core.dropLast(words.count); changed = true
            } else if let words = leadingWords.first(where: { core.count > $0.count && core.prefix($0.count).elementsEqual($0) }) {
                core = core.dropFirst(words.count); changed = true
            }
        }
        return Array(core)
    }

}
