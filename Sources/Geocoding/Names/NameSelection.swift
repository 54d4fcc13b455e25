import GeoKit
import EventModel
import EventFormats
import GeoReference
/// The decision among the readings of one tier, and the units it settled on.
struct NameSelection: Sendable {
    let match: NameMatch
    /// The chosen unit, or every equally good reading when ambiguous.
    let entities: [Int]
}

/// What the readings of one tier came to: a selection, or nothing because an exactly named hint or qualifier
/// excludes every one of them.
enum SelectionOutcome: Sendable {
    case chosen(NameSelection)
    case contradicted(readings: [Int], by: HintScope.Level)
}

/// Precedence among readings of the same tier:
/// 1. hints and qualifiers keep the readings they contain; an exactly named (strong) level that would exclude
///    all of them drops them all (`.contradicted`), a fuzzily named (weak) one is set aside as a conflict,
///    which lowers the confidence;
/// 2. the closest spelling wins (phonetic and fuzzy tiers), then a unit's own name beats an alias;
/// 3. if the remaining readings nest (place ⊂ district ⊂ province ⊂ country), they are one answer:
///    among own names the most specific wins (Peshawar the city, not the district), among aliases the
///    least specific (Bajaur Agency the district, not Khar that carries the alias);
/// 4. otherwise the text is ambiguous: no pick, confidence ≤ 0.5, and the smallest unit containing
///    every reading as `sharedArea`.
/// Readings set back by rule 2 that lie elsewhere still lower the confidence of the pick ("contested").
extension NameIndex {
    func select(_ located: LocatedHits, scope: HintScope, matchedText: String?) -> SelectionOutcome {
        let readings = merged(located.hits)
        let filtered = scope.filter(readings, in: self)
        if let level = filtered.contradictedBy { return .contradicted(readings: readings.map(\.entity), by: level) }
        return .chosen(choose(located, filtered, matchedText: matchedText))
    }

    private func choose(_ located: LocatedHits, _ filtered: HintScope.Filtered, matchedText: String?) -> NameSelection {
        let hits = filtered.hits
        let closest = hits.map(\.distance).min() ?? 0
        let eligible = hits.filter { $0.distance == closest }
        let bestRank = eligible.map(\.rank).min() ?? .name
        let top = eligible.filter { $0.rank == bestRank }
        let score = { (hit: ScoredHit) in Self.score(located.tier, hit) }

        guard allNested(top) else {
            let confidence = min(0.5, score(top[0]) / Double(top.count))
            let candidates = hits.sorted { order($0, $1, score) }.map { entities[$0.entity].candidate(score: score($0)) }
            let match = NameMatch(best: nil, candidates: candidates, confidence: confidence, method: method(located, bestRank),
                                  isAmbiguous: true, matchedText: matchedText, sharedArea: sharedArea(top.map(\.entity)))
            return NameSelection(match: match, entities: top.map(\.entity))
        }
        let pick = bestRank == .name
            ? top.min { entities[$0.entity].precision < entities[$1.entity].precision }!
            : top.max { entities[$0.entity].precision < entities[$1.entity].precision }!
        let contested = hits.contains { !entities[$0.entity].isNested(with: entities[pick.entity]) }
        var confidence = score(pick)
        if located.isApproximate { confidence *= 0.9 }
        if contested { confidence *= 0.85 }
        if filtered.conflict { confidence *= 0.6 }
        let others = hits.filter { $0.entity != pick.entity }.sorted { order($0, $1, score) }
        let candidates = ([pick] + others).map { entities[$0.entity].candidate(score: score($0)) }
        let match = NameMatch(best: candidates[0], candidates: candidates, confidence: confidence,
                              method: method(located, bestRank), isAmbiguous: false, matchedText: matchedText, sharedArea: nil)
        return NameSelection(match: match, entities: [pick.entity])
    }

    /// A match that names units straight from hints (or a qualifying part) when the text itself did not match.
    func hintMatch(_ units: [Int]) -> NameSelection {
        let kind = units.map { entities[$0] }.min { $0.precision < $1.precision }?.kind ?? .country
        let method = switch kind {
        case .place, .district: NameMethod.hintAdmin2
        case .province: NameMethod.hintAdmin1
        case .country: NameMethod.hintCountry
        }
        let base = switch kind {
        case .place, .district: 0.6
        case .province: 0.5
        case .country: 0.4
        }
        let candidates = units.map { entities[$0].candidate(score: base) }
        let ambiguous = units.count > 1
        let match = NameMatch(best: ambiguous ? nil : candidates[0], candidates: candidates,
                              confidence: ambiguous ? min(0.5, base / Double(units.count)) : base, method: method,
                              isAmbiguous: ambiguous, matchedText: nil, sharedArea: ambiguous ? sharedArea(units) : nil)
        return NameSelection(match: match, entities: units)
    }

    static func score(_ tier: MatchTier, _ hit: ScoredHit) -> Double {
        let own = hit.rank == .name
        switch tier {
        case .exact: return own ? 1.0 : 0.95
        case .stripped: return own ? 0.9 : 0.88
        case .variant: return (own ? 0.85 : 0.83) - 0.02 * Double(min(hit.distance, 5))
        case .fuzzy: return (own ? 0.75 : 0.73) - 0.08 * Double(hit.distance)
        }
    }

    /// The smallest district, province or country that contains every unit, if any.
    func sharedArea(_ units: [Int]) -> NameCandidate? {
        let members = units.map { entities[$0] }
        let districts = Set(members.map(\.districtID))
        if districts.count == 1, let id = districts.first!, let unit = districtEntity[id] { return entities[unit].candidate(score: 0) }
        let provinces = Set(members.map(\.provinceID))
        if provinces.count == 1, let id = provinces.first!, let unit = provinceEntity[id] { return entities[unit].candidate(score: 0) }
        let countries = Set(members.map(\.countryISO3))
        if countries.count == 1, let id = countries.first, let unit = countryEntity[id] { return entities[unit].candidate(score: 0) }
        return nil
    }

    private func merged(_ hits: [ScoredHit]) -> [ScoredHit] {
        var best: [Int: ScoredHit] = [:]
        var order: [Int] = []
        for hit in hits {
            guard let current = best[hit.entity] else { best[hit.entity] = hit; order.append(hit.entity); continue }
            if (hit.distance, hit.rank.rawValue) < (current.distance, current.rank.rawValue) { best[hit.entity] = hit }
        }
        return order.map { best[$0]! }
    }

    private func allNested(_ hits: [ScoredHit]) -> Bool {
        for (offset, first) in hits.enumerated() {
            for second in hits[(offset + 1)...] where !entities[first.entity].isNested(with: entities[second.entity]) {
                return false
            }
        }
        return true
    }

    private func order(_ a: ScoredHit, _ b: ScoredHit, _ score: (ScoredHit) -> Double) -> Bool {
        let (scoreA, scoreB) = (score(a), score(b))
        if scoreA != scoreB { return scoreA > scoreB }
        let (entityA, entityB) = (entities[a.entity], entities[b.entity])
        if entityA.precision != entityB.precision { return entityA.precision < entityB.precision }
        return entityA.id < entityB.id
    }

    private func method(_ located: LocatedHits, _ rank: NameRank) -> String {
        if located.isApproximate { return NameMethod.phrase }
        switch located.tier {
        case .exact, .stripped: return rank == .name ? NameMethod.exact : NameMethod.alias
        case .variant: return NameMethod.variant
        case .fuzzy: return NameMethod.fuzzy
        }
    }
}
