import GeoReference
import Geocoding

/// Runs every reader over a sentence: triggers, dates, places, groups, speakers, claims, origins, casualties.
struct SentenceAnalyzer {
    let places: PlaceMentionFinder
    let groups: GroupMentionFinder
    let resolver: PlaceResolver
    let dates: DateFinder
    let publisherGroup: (text: String, group: ArmedGroup)?

    func analyse(_ sentence: Sentence, text: String, start: Int, previousSpeaker: Speaker?) -> SentenceAnalysis {
        let t = sentence.tokens
        let (actors, placeMentions) = mentions(t, text: text, start: start)
        let dateMentions = dates.dates(in: t, text: text, from: start)
        var triggers = TriggerFinder.triggers(in: t)
        let dateTokens = Set(dateMentions.flatMap { Array($0.tokens) })
        let casualties = CasualtyReader.mentions(in: t, text: text, excluded: dateTokens)
        for k in triggers.indices where triggers[k].isHypothetical && (!dateMentions.isEmpty || !casualties.isEmpty) {
            triggers[k].suppressed = nil
            triggers[k].isHypothetical = false
        }
        let speakers = SpeakerFinder.speakers(in: t, text: text, previous: previousSpeaker)
        var reader = ClaimReader(tokens: t, text: text, speakers: speakers, actors: actors, triggers: triggers, publisherGroup: publisherGroup)
        let claims = reader.facts()
        let resolved = resolver.resolve(placeMentions)
        let origins = resolved.filter { $0.mention.role == .origin && !$0.mention.isQualifier }.map { place in
            let speaker = speakers.first { $0.scope.contains(place.mention.tokens.lowerBound) && $0.verbClass != .deny }
            return OriginFact(place: place.locationText, assertedBy: speaker?.text,
                              wording: t.text(max(0, place.mention.tokens.lowerBound - 4)..<place.mention.tokens.upperBound, in: text))
        }
        return SentenceAnalysis(sentence: sentence, start: start, triggers: triggers, dates: dateMentions, places: resolved,
                                actors: reader.actors, speakers: speakers, claims: claims, origins: origins, casualties: casualties)
    }

    /// Group and place mentions that do not overlap: a group inside a longer place name is dropped ("PAF" in
    /// "PAF Camp Badaber"), a place inside a group name too ("Pakistan" in "Tehrik-e-Taliban Pakistan").
    private func mentions(_ t: [Token], text: String, start: Int) -> ([ActorMention], [PlaceMention]) {
        let all = groups.mentions(in: t, text: text).filter { $0.tokens.lowerBound >= start }
        let placesFirst = places.mentions(in: t, text: text, from: start, excluded: [])
        let actors = all.filter { actor in
            !placesFirst.contains { $0.tokens.count > actor.tokens.count && $0.tokens.lowerBound <= actor.tokens.lowerBound
                && $0.tokens.upperBound >= actor.tokens.upperBound }
        }
        let spans = actors.map(\.tokens)
        guard placesFirst.contains(where: { place in spans.contains { $0.overlaps(place.tokens) } }) else { return (actors, placesFirst) }
        return (actors, places.mentions(in: t, text: text, from: start, excluded: spans))
    }
}
