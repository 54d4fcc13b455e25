import GeoKit
import EventModel
import EventFormats
import GeoReference
/// What the hints and the qualifying parts of a text ("Khar, Bajaur") say about where a name lies:
/// levels of units, most specific source first, each narrowing the readings when it can.
///
/// A level is *strong* when its text named its units exactly (a name, alias, spelling variant or a
/// qualifier of the text) and *weak* when only a fuzzy match found them. A strong level that would exclude
/// every reading contradicts them: the readings are dropped (evidence order: a name that disagrees with an
/// exact hint never overrides it). A weak level that would exclude every reading is set aside as a
/// conflict, which lowers the confidence.
struct HintScope: Sendable {
    struct Level: Sendable {
        /// The units the hint or qualifier names (several when it is itself ambiguous, e.g. "South Waziristan").
        var units: [Int]
        var strong: Bool
        /// What named them, for notes ("admin2 'Orakzai'").
        var source: String
        /// The country a district or province hint lies in: it filters readings but never stands in for them.
        var implied = false
    }

    private(set) var levels: [Level] = []

    struct Filtered {
        var hits: [ScoredHit]
        /// A weak level would have excluded every reading, so it was set aside.
        var conflict = false
        /// A strong level excluded every reading: what it was.
        var contradictedBy: Level?
    }

    init(levels: [Level] = []) {
        self.levels = levels
    }

    func adding(_ extra: [Level]) -> HintScope {
        HintScope(levels: extra + levels)
    }

    /// The unit sets of the levels that may stand in for a text, most specific source first.
    var unitLevels: [[Int]] { levels.filter { !$0.implied }.map(\.units) }

    func filter(_ hits: [ScoredHit], in index: NameIndex) -> Filtered {
        var result = Filtered(hits: hits)
        for level in levels {
            let kept = result.hits.filter { hit in
                level.units.contains { index.entities[hit.entity].isNested(with: index.entities[$0]) }
            }
            if !kept.isEmpty {
                result.hits = kept
            } else if level.strong {
                result.contradictedBy = level
                result.hits = []
                return result
            } else {
                result.conflict = true
            }
        }
        return result
    }
}
