import Geocoding

/// Everything the rules read in one sentence.
struct SentenceAnalysis: Sendable {
    let sentence: Sentence
    /// Tokens before this index belong to a dateline.
    let start: Int
    var triggers: [Trigger]
    var dates: [DateMention]
    var places: [ResolvedPlace]
    var actors: [ActorMention]
    var speakers: [Speaker]
    var claims: [ClaimFact]
    var origins: [OriginFact]
    var casualties: [CasualtyMention]

    /// Triggers that report an event here.
    var liveTriggers: [Trigger] { triggers.filter { $0.suppressed == nil && !$0.entry.isWeak } }
    var hasSuppressedTriggerOnly: Bool { liveTriggers.isEmpty && triggers.contains { $0.suppressed != nil && !$0.entry.isWeak } }
    /// Where it happened, as this sentence says (places that are not origins, homes, speakers or hospitals).
    var locations: [ResolvedPlace] { places.filter { $0.mention.role == .location && !$0.mention.isQualifier } }
    var eventDates: [DateMention] { dates.filter { !$0.isBound } }
    /// Claims, figures, origins or a live or referring trigger ("the operation"): what a sentence adds to an event.
    var hasContent: Bool {
        !claims.isEmpty || !casualties.isEmpty || !origins.isEmpty || triggers.contains { $0.suppressed == nil && (!$0.entry.isWeak || $0.isDefinite) }
    }
    /// The trigger that names the event: the most specific live one.
    var mainTrigger: Trigger? {
        let main = liveTriggers.filter { !$0.isEmbedded }
        return (main.isEmpty ? liveTriggers : main).max { $0.kind.priority < $1.kind.priority }
    }

    /// True when a live trigger opens a new event rather than referring back to one ("the blast").
    var opensEvent: Bool {
        liveTriggers.contains { !$0.isDefinite } || !liveTriggers.isEmpty && (!locations.isEmpty || !eventDates.isEmpty)
    }
}
