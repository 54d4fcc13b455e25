import Foundation
import EventModel
import GeoReference

/// Turns the sentences of one event into a candidate: date, place, group and claims, figures, origin,
/// evidence and confidence, with notes that say how each was read.
struct CandidateAssembler {
    let document: Document
    let gazetteer: Gazetteer
    let voice: DocumentVoice
    /// The document date and where it came from, for notes.
    let documentDate: EventDate?

    func candidate(_ draft: EventDraft, id: String) -> CandidateEvent? {
        guard let place = draft.bestPlace else { return nil }
        let kind = draft.kind
        var notes: [String] = []
        let decision = AttributionDecision(facts: draft.sentences.flatMap(\.claims), asserter: voice.asserter)
        notes += decision.notes
        let (date, dateNotes) = eventDate(draft)
        notes += dateNotes
        let relative = date == nil ? draft.sentences.flatMap(\.eventDates).compactMap(\.daysAfterPreviousEvent).first : nil
        var candidate = CandidateEvent(
            eventID: id, date: date, eventType: kind, subEventType: draft.subType, attribution: decision.attribution,
            sources: [voice.citation], notes: [], actors: actors(draft), evidence: "", evidenceStart: 0, evidenceEnd: 0,
            document: document.path, confidence: 0)
        candidate.daysAfterPreviousEvent = relative
        candidate.group = decision.group
        candidate.groupID = decision.groupID
        candidate.claimedBy = decision.claimedBy
        candidate.attributedBy = decision.attributedBy
        candidate.deniedBy = decision.deniedBy
        notes += locate(&candidate, place)
        notes += casualties(&candidate, draft, kind: kind)
        notes += origin(&candidate, draft)
        let targets = draft.sentences.flatMap(\.actors).filter { $0.role == .target }.map(\.text)
        if !targets.isEmpty { notes.append("target: " + Array(Set(targets)).sorted().joined(separator: ", ")) }
        quote(&candidate, draft)
        candidate.confidence = confidence(candidate, draft, place)
        candidate.notes = ["candidate read by rules from \(document.path); check it against the text before use"] + notes
        return candidate
    }

    private func eventDate(_ draft: EventDraft) -> (EventDate?, [String]) {
        let mentions = (draft.openingSentences + draft.sentences).flatMap(\.eventDates)
        if let found = mentions.first(where: { $0.date != nil }) {
            return (found.date, found.reading.map { ["date: \($0)"] } ?? [])
        }
        if let unread = mentions.first(where: { $0.daysAfterPreviousEvent == nil }) {
            return (nil, ["date: \(unread.reading ?? "'\(unread.text)' could not be read"); event_date left empty"])
        }
        let context = documentDate.map { "; the document is dated \($0.iso)" } ?? ""
        return (nil, ["date: the text gives none for this event\(context); event_date left empty"])
    }

    /// Location fields from the gazetteer reading, never more precise than the text.
    private func locate(_ candidate: inout CandidateEvent, _ place: ResolvedPlace) -> [String] {
        var notes: [String] = []
        candidate.location = place.locationText
        candidate.geoPrecision = place.precision < 6 ? place.precision : nil
        candidate.placeID = place.match.best.flatMap { $0.kind == .place ? $0.id : nil }
        candidate.districtID = place.districtID
        candidate.provinceID = place.provinceID
        if let districtID = place.districtID, let district = gazetteer.district(id: districtID) { candidate.admin2 = district.name }
        if let provinceID = place.provinceID, let province = gazetteer.province(id: provinceID) { candidate.admin1 = province.name }
        if let iso3 = place.countryISO3 { candidate.country = gazetteer.countries.first { $0.iso3 == iso3 }?.name ?? iso3 }
        if let best = place.match.best, !place.isAmbiguous, best.precision <= 3 { candidate.point = best.point }
        if place.isAmbiguous {
            candidate.locationCandidates = place.match.candidates.map { "\($0.kind.rawValue):\($0.id) \($0.name)" }
            notes.append("place: '\(place.locationText)' fits \(place.match.candidates.count) places; kept at \(place.match.sharedArea?.name ?? "the level they share")")
        }
        if let provinceID = place.provinceID, !Gazetteer.focusProvinceIDs.contains(provinceID) {
            notes.append("place: outside the four provinces; located to \(candidate.admin1 ?? "its province") only")
        }
        return notes
    }

    /// Killed and injured: summed within a sentence, a later "death toll rose to" replaces, differing
    /// figures give their span. The attackers of an attack are not counted.
    private func casualties(_ candidate: inout CandidateEvent, _ draft: EventDraft, kind: EventKind) -> [String] {
        var notes: [String] = []
        var figures: [CasualtyMention.Category: [(CasualtyFigure, Bool, String)]] = [:]
        for sentence in Dictionary(grouping: draft.sentences, by: \.sentence.wholeSentence).sorted(by: { $0.key < $1.key }).map(\.value) {
            var sums: [CasualtyMention.Category: (CasualtyFigure, Bool)] = [:]
            for mention in sentence.flatMap(\.casualties) {
                if mention.isCombatants && !kind.countsCombatants {
                    notes.append("not counted: \(mention.text) (the attackers)")
                    continue
                }
                let sum = sums[mention.category].map { $0.0 + mention.figure } ?? mention.figure
                sums[mention.category] = (sum, (sums[mention.category]?.1 ?? false) || mention.isTollUpdate)
            }
            for (category, value) in sums {
                let source = sentence.flatMap(\.speakers).first { $0.verbClass == .say }?.text ?? voice.asserter
                figures[category, default: []].append((value.0, value.1, source))
            }
        }
        func combine(_ list: [(CasualtyFigure, Bool, String)]?, _ label: String) -> CasualtyFigure? {
            guard var list, !list.isEmpty else { return nil }
            if let update = list.lastIndex(where: { $0.1 }) { list = Array(list[update...]) }
            let first = list[0]
            var result = list[0].0
            for item in list.dropFirst() where item.0 != result {
                result = result.spanned(with: item.0)
            }
            if Set(list.map(\.0.text)).count > 1 {
                notes.append("\(label): figures differ (" + list.map { "\($0.0.text) per \($0.2)" }.joined(separator: ", ") + "); the span is given")
            } else if first.2 != voice.asserter {
                notes.append("\(label): \(first.0.text) according to \(first.2)")
            }
            return result
        }
        candidate.fatalities = combine(figures[.killed], "killed")
        candidate.injuries = combine(figures[.injured], "injured")
        return notes
    }

    /// The first origin claim of the event's sentences, with who asserts it.
    private func origin(_ candidate: inout CandidateEvent, _ draft: EventDraft) -> [String] {
        let origins = draft.sentences.flatMap(\.origins)
        guard let first = origins.first else { return [] }
        candidate.origin = first.place
        candidate.originAssertedBy = first.assertedBy ?? voice.asserter
        candidate.originSource = voice.citation
        return origins.dropFirst().map { "another origin claim: \($0.place), asserted by \($0.assertedBy ?? voice.asserter)" }
    }

    /// The sentences as evidence: their text with white space folded, joined by " … " where others stand between.
    private func quote(_ candidate: inout CandidateEvent, _ draft: EventDraft) {
        var parts: [String] = []
        var previous: Int?
        for analysis in draft.sentences {
            let text = document.text[analysis.sentence.range].split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if let previous, analysis.sentence.index != previous + 1 { parts.append("…") }
            parts.append(text)
            previous = analysis.sentence.index
        }
        candidate.evidence = parts.joined(separator: " ")
        let first = draft.sentences.first!.sentence, last = draft.sentences.last!.sentence
        candidate.evidenceStart = document.offset(of: first.range.lowerBound, inBlock: first.block)
        candidate.evidenceEnd = document.offset(of: last.range.upperBound, inBlock: last.block)
    }

    /// Each group once, with every role it has in the event's sentences: "TTP (gr-ttp): claimant, perpetrator".
    private func actors(_ draft: EventDraft) -> [String] {
        var order: [String] = []
        var roles: [String: [ActorMention.Role]] = [:]
        for actor in draft.sentences.flatMap(\.actors) where actor.role != .mentioned {
            let key = actor.group?.id ?? actor.label
            if roles[key] == nil { order.append(key); roles[key] = [] }
            if !roles[key]!.contains(actor.role) { roles[key]!.append(actor.role) }
        }
        let labels = Dictionary(draft.sentences.flatMap(\.actors).map { ($0.group?.id ?? $0.label, $0.label) }, uniquingKeysWith: { a, _ in a })
        return order.map { "\(labels[$0] ?? $0): " + roles[$0]!.sorted().map(\.rawValue).joined(separator: ", ") }
    }

    /// 0.35 for a reported event, more for a clear trigger, a day, a named place, figures and a named group.
    private func confidence(_ candidate: CandidateEvent, _ draft: EventDraft, _ place: ResolvedPlace) -> Double {
        var score = 0.35
        if draft.openingSentences.contains(where: { $0.liveTriggers.contains { !$0.isDefinite } }) { score += 0.1 }
        switch candidate.date?.precision {
        case .day?: score += 0.15
        case .month?: score += 0.1
        case .year?: score += 0.05
        case nil: break
        }
        switch place.precision {
        case 2, 3: score += 0.2
        case 4: score += 0.1
        case 5: score += 0.05
        default: break
        }
        if place.isAmbiguous { score -= 0.05 }
        if candidate.fatalities != nil || candidate.injuries != nil { score += 0.05 }
        if candidate.groupID != nil { score += 0.05 }
        return (min(0.95, max(0.05, score)) * 100).rounded() / 100
    }
}
