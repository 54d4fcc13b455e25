import GeoKit
import EventModel
import EventFormats
import GeoReference
/// What the hints and the qualifying parts of a text ("Khar, Bajaur") say about where a name lies:
/// levels of units, most specific source first, each narrowing the readings when it can without
/// excluding them all.
struct HintScope: Sendable {
    /// The units one hint or qualifier names (several when it is itself ambiguous, e.g. "South Waziristan").
    private(set) var levels: [[Int]] = []

    struct Filtered {
        var hits: [ScoredHit]
        /// A level would have excluded every reading, so it was set aside.
        var conflict = false
    }

    init(levels: [[Int]] = []) {
        self.levels = levels
    }

    func adding(_ extra: [[Int]]) -> HintScope {
        HintScope(levels: extra + levels)
    }

    func filter(_ hits: [ScoredHit], in index: NameIndex) -> Filtered {
        var result = Filtered(hits: hits)
        for units in levels {
            let kept = result.hits.filter { hit in
                units.contains { index.entities[hit.entity].isNested(with: index.entities[$0]) }
            }
            if kept.isEmpty { result.conflict = true } else { result.hits = kept }
        }
        return result
    }
}
