import GeoKit
import EventModel
import EventFormats
import GeoReference
/// The tiers of a name lookup, tried in order; the first that yields a reading decides.
enum MatchTier: Sendable {
    case exact, stripped, variant, fuzzy
}

/// A unit reached at some tier, with how far the text is from the name that reached it.
struct ScoredHit: Sendable {
    let entity: Int
    let rank: NameRank
    package let distance: Int
}

/// The readings found for one text, at the first tier that had any.
struct LocatedHits: Sendable {
    let tier: MatchTier
    let hits: [ScoredHit]
    let isApproximate: Bool
    let matchedTokens: Range<Int>
}

extension NameIndex {
    /// Exact, generic-stripped and phonetic readings of `tokens` (or only fuzzy ones), restricted to `kinds`.
    func locate(_ tokens: [Substring], kinds: Set<NameCandidate.Kind>?, fuzzy: Bool) -> LocatedHits? {
        guard !tokens.isEmpty else { return nil }
        let (range, isApproximate) = QueryWords.stripApproximations(tokens)
        let core = Array(tokens[range])
        let generic = QueryWords.stripGeneric(core)
        let preferences: [NameCandidate.Kind?] = generic.preferredKind.map { [$0, nil] } ?? [nil]
        for preferred in preferences {
            let accepts: (NameEntity) -> Bool = { entity in
                (kinds?.contains(entity.kind) ?? true) && (preferred == nil || entity.kind == preferred)
            }
            let found = fuzzy
                ? fuzzyHits(core, generic, accepts)
                : exactHits(tokens, isApproximate: isApproximate, core, generic, accepts)
            if let found {
                return LocatedHits(tier: found.tier, hits: found.hits, isApproximate: isApproximate && found.usedCore,
                                   matchedTokens: found.usedCore ? range : 0..<tokens.count)
            }
        }
        return nil
    }

    /// Skeletons are dense (vowel runs are one letter), so one edit in a short one is a different name.
    private static let shortestFuzzySkeleton = 8

    private struct TierResult {
        let tier: MatchTier
        let hits: [ScoredHit]
        let usedCore: Bool
    }

    private func exactHits(_ tokens: [Substring], isApproximate: Bool, _ core: [Substring], _ generic: QueryWords.Stripped,
                           _ accepts: (NameEntity) -> Bool) -> TierResult? {
        if isApproximate, let hits = accepted(exact[tokens.joined()], accepts) {
            return TierResult(tier: .exact, hits: hits, usedCore: false)
        }
        let compact = core.joined()
        if let hits = accepted(exact[compact], accepts) { return TierResult(tier: .exact, hits: hits, usedCore: true) }
        let strippedCompact = generic.changed ? generic.tokens.joined() : nil
        var strippedHits = (strippedCompact.flatMap { exact[$0] } ?? []) + (stripped[compact] ?? [])
        if let strippedCompact, strippedCompact != compact { strippedHits += stripped[strippedCompact] ?? [] }
        if let hits = accepted(strippedHits, accepts) { return TierResult(tier: .stripped, hits: hits, usedCore: true) }
        var variantHits: [NameHit] = []
        if let skeleton = PhoneticKey.make(core) { variantHits += variant[skeleton] ?? [] }
        if generic.changed, let skeleton = PhoneticKey.make(generic.tokens) { variantHits += variant[skeleton] ?? [] }
        if let hits = accepted(variantHits, accepts, distanceFrom: compact) {
            return TierResult(tier: .variant, hits: hits, usedCore: true)
        }
        return nil
    }

    /// A fuzzy reading must be this similar to the text (1 − edits / longer length): one edit in 5–9 letters,
    /// two from 10. "Jani Khel" is not "Ghani Khel" (2 edits in 9), "Khadizai" is not "Karezat".
    static let minimumFuzzySimilarity = 0.8

    private func fuzzyHits(_ core: [Substring], _ generic: QueryWords.Stripped, _ accepts: (NameEntity) -> Bool) -> TierResult? {
        var hits: [ScoredHit] = []
        var queries = [core.joined()]
        if generic.changed { queries.append(generic.tokens.joined()) }
        func similarEnough(_ query: String, _ key: String, _ distance: Int) -> Bool {
            Double(distance) <= (1 - Self.minimumFuzzySimilarity) * Double(max(query.utf8.count, key.utf8.count)) + 1e-9
        }
        for query in queries {
            for found in fuzzyExact.lookup(query) where similarEnough(query, fuzzyExact.term(found.term), found.distance) {
                hits += accepted(exact[fuzzyExact.term(found.term)], accepts, distance: found.distance) ?? []
            }
        }
        if hits.isEmpty, let skeleton = PhoneticKey.make(core), skeleton.utf8.count >= Self.shortestFuzzySkeleton {
            let query = Array(queries[0].utf8)
            for found in fuzzyVariant.lookup(skeleton) where found.distance == 1 {
                let close = (variant[fuzzyVariant.term(found.term)] ?? []).filter { hit in
                    guard let distance = EditDistance.distance(query, Array(hit.key.utf8), limit: 3) else { return false }
                    return similarEnough(queries[0], hit.key, distance)
                }
                hits += accepted(close, accepts, distance: found.distance + 1) ?? []
            }
        }
        return hits.isEmpty ? nil : TierResult(tier: .fuzzy, hits: hits, usedCore: true)
    }

    private func accepted(_ hits: [NameHit]?, _ accepts: (NameEntity) -> Bool, distance: Int = 0) -> [ScoredHit]? {
        guard let hits else { return nil }
        let kept = hits.filter { accepts(entities[Int($0.entity)]) }
            .map { ScoredHit(entity: Int($0.entity), rank: $0.rank, distance: distance) }
        return kept.isEmpty ? nil : kept
    }

    private func accepted(_ hits: [NameHit], _ accepts: (NameEntity) -> Bool, distanceFrom query: String) -> [ScoredHit]? {
        let queryBytes = Array(query.utf8)
        let kept = hits.filter { accepts(entities[Int($0.entity)]) }.map { hit in
            let distance = EditDistance.distance(queryBytes, Array(hit.key.utf8), limit: 4) ?? 5
            return ScoredHit(entity: Int(hit.entity), rank: hit.rank, distance: distance)
        }
        return kept.isEmpty ? nil : kept
    }
}
