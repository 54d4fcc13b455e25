import EventModel

/// The sentences that tell one event.
struct EventDraft: Sendable {
    /// In document order; the first opened the event.
    var sentences: [SentenceAnalysis]
    /// Indexes (into `sentences`) of sentences that named the event with a trigger of their own.
    var openers: [Int]

    var lastBlock: Int { sentences.last!.sentence.block }
    var openingSentences: [SentenceAnalysis] { openers.map { sentences[$0] } }

    var kind: EventKind {
        let opening = openingSentences.compactMap(\.mainTrigger)
        var kind = opening.max { $0.kind.priority < $1.kind.priority }?.kind ?? .attack
        for trigger in sentences.flatMap(\.liveTriggers) where !trigger.isEmbedded && trigger.kind.family == kind.family && trigger.kind.priority > kind.priority {
            kind = trigger.kind
        }
        return kind
    }

    var subType: String {
        let kind = self.kind
        return sentences.flatMap(\.liveTriggers).first { $0.kind == kind }?.entry.subType ?? kind.rawValue
    }

    /// The most precise place the opening sentences give (then any sentence).
    var bestPlace: ResolvedPlace? {
        let opening = openingSentences.flatMap(\.locations).filter { $0.precision < 6 }
        let pool = opening.isEmpty ? sentences.flatMap(\.locations).filter { $0.precision < 6 } : opening
        return pool.enumerated().min { ($0.element.precision, $0.offset) < ($1.element.precision, $1.offset) }?.element
    }

    var firstDate: EventDate? {
        (openingSentences + sentences).lazy.flatMap(\.eventDates).compactMap(\.date).first
    }
}

/// Groups sentences into events: a sentence with a live trigger opens an event unless it only retells the
/// one just told (no place or date of its own, or the same place and date); sentences that add claims,
/// denials, figures or origins join the event before them (same or next paragraph; claims and denials
/// up to two paragraphs on). Then events told twice (a headline and its story) are merged.
enum EventSegmenter {
    static func drafts(_ analyses: [SentenceAnalysis]) -> (drafts: [EventDraft], looseOrigins: [SentenceAnalysis]) {
        var drafts: [EventDraft] = []
        // The last draft's `bestPlace` and `firstDate`, kept up to date sentence by sentence: asking the draft each
        // time rescanned every sentence of it, and an event retold in thousands of sentences took hours.
        var last = Running()
        var loose: [SentenceAnalysis] = []
        for analysis in analyses {
            if analysis.hasSuppressedTriggerOnly || (analysis.liveTriggers.isEmpty && !analysis.hasContent) {
                if !analysis.origins.isEmpty { loose.append(analysis) }
                continue
            }
            let distance = drafts.last.map { analysis.sentence.block - $0.lastBlock } ?? Int.max
            if analysis.opensEvent {
                if !analysis.sentence.isHeading, !drafts.isEmpty, distance <= 1, retells(analysis, last) {
                    drafts[drafts.count - 1].openers.append(drafts[drafts.count - 1].sentences.count)
                    drafts[drafts.count - 1].sentences.append(analysis)
                    last.add(analysis, opener: true)
                } else {
                    drafts.append(EventDraft(sentences: [analysis], openers: [0]))
                    last = Running()
                    last.add(analysis, opener: true)
                }
            } else if !analysis.sentence.isHeading || distance == 0, !drafts.isEmpty, distance <= (analysis.claims.isEmpty ? 1 : 2),
                      placeFits(analysis, last) {
                drafts[drafts.count - 1].sentences.append(analysis)
                last.add(analysis, opener: false)
            } else if !analysis.origins.isEmpty {
                loose.append(analysis)
            }
        }
        return (mergeRetold(drafts), loose)
    }

    /// `EventDraft.bestPlace` and `.firstDate` of a draft, updated as sentences join it.
    private struct Running {
        private var openingPlace: ResolvedPlace?
        private var anyPlace: ResolvedPlace?
        private var openingDate: EventDate?
        private var anyDate: EventDate?

        var bestPlace: ResolvedPlace? { openingPlace ?? anyPlace }
        var firstDate: EventDate? { openingDate ?? anyDate }

        mutating func add(_ analysis: SentenceAnalysis, opener: Bool) {
            // The first of the most precise wins, as in `bestPlace`.
            for place in analysis.locations where place.precision < 6 {
                if opener, openingPlace.map({ place.precision < $0.precision }) ?? true { openingPlace = place }
                if anyPlace.map({ place.precision < $0.precision }) ?? true { anyPlace = place }
            }
            if let date = analysis.eventDates.lazy.compactMap(\.date).first {
                if opener, openingDate == nil { openingDate = date }
                if anyDate == nil { anyDate = date }
            }
        }
    }

    /// Nothing new (no place, no date), or the same place and a compatible date.
    private static func retells(_ analysis: SentenceAnalysis, _ draft: Running) -> Bool {
        if analysis.locations.isEmpty && analysis.eventDates.isEmpty { return true }
        guard placeFits(analysis, draft) else { return false }
        return datesFit(analysis.eventDates.compactMap(\.date).first, draft.firstDate)
    }

    private static func placeFits(_ analysis: SentenceAnalysis, _ draft: Running) -> Bool {
        guard let place = analysis.locations.filter({ $0.precision < 6 }).min(by: { $0.precision < $1.precision }),
              let existing = draft.bestPlace else { return true }
        return place.isCompatible(with: existing)
    }

    static func datesFit(_ a: EventDate?, _ b: EventDate?) -> Bool {
        guard let a, let b else { return true }
        let coarser = max(a.precision, b.precision)
        return a.coarsened(to: coarser) == b.coarsened(to: coarser)
    }

    /// What merging compares, computed once per draft and combined as drafts merge (no rescanning of long events).
    private struct Summary {
        var family: String
        var place: ResolvedPlace?
        var date: EventDate?

        init(_ draft: EventDraft) {
            family = draft.kind.family
            place = draft.bestPlace
            date = draft.firstDate
        }

        /// The earlier draft's place and date win unless the later one is more precise or the earlier has none.
        mutating func absorb(_ later: Summary) {
            if let other = later.place, place == nil || other.precision < place!.precision { place = other }
            if date == nil { date = later.date }
        }

        /// Drafts can be the same event only when their keys are equal: the family and the district (or, without a
        /// district, the province). Nil when the draft can match none.
        var key: String? {
            guard let place else { return nil }
            if let district = place.districtID { return family + "|d|" + district }
            if let province = place.provinceID { return family + "|p|" + province }
            return nil
        }

        func isSameEvent(as other: Summary) -> Bool {
            guard family == other.family, let p = place, let q = other.place, datesFit(date, other.date) else { return false }
            if let x = p.districtID, let y = q.districtID { return x == y }
            if p.districtID == nil, q.districtID == nil, let x = p.provinceID, let y = q.provinceID { return x == y }
            return false
        }
    }

    /// Merges events of one family at the same place (same district, or same province when neither has one)
    /// with compatible dates: a headline and the story under it, a later "the Makeen attack".
    private static func mergeRetold(_ drafts: [EventDraft]) -> [EventDraft] {
        var merged: [EventDraft] = []
        var summaries: [Summary] = []
        // Indexes into `summaries` by `Summary.key`, ascending: only drafts of one key are compared, so a long
        // document of many events is not compared draft by draft with every earlier one.
        var byKey: [String: [Int]] = [:]
        for draft in drafts {
            let summary = Summary(draft)
            let candidates = summary.key.flatMap { byKey[$0] } ?? []
            if let k = candidates.first(where: { summaries[$0].isSameEvent(as: summary) }) {
                let offset = merged[k].sentences.count
                merged[k].sentences += draft.sentences
                merged[k].openers += draft.openers.map { $0 + offset }
                let before = summaries[k].key
                summaries[k].absorb(summary)
                if let after = summaries[k].key, after != before {
                    if let before { byKey[before]?.removeAll { $0 == k } }
                    var list = byKey[after, default: []]
                    list.insert(k, at: list.firstIndex { $0 > k } ?? list.endIndex)
                    byKey[after] = list
                }
            } else {
                if let key = summary.key { byKey[key, default: []].append(summaries.count) }
                merged.append(draft)
                summaries.append(summary)
            }
        }
        return merged.map(inDocumentOrder)
    }

    private static func inDocumentOrder(_ draft: EventDraft) -> EventDraft {
        let order = draft.sentences.indices.sorted { draft.sentences[$0].sentence.index < draft.sentences[$1].sentence.index }
        guard order != Array(draft.sentences.indices) else { return draft }
        let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        return EventDraft(sentences: order.map { draft.sentences[$0] }, openers: draft.openers.map { position[$0]! }.sorted())
    }
}
