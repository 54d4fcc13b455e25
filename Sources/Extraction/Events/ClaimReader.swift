import GeoReference

/// Reads claims, attributions, allegations, denials and perpetrator statements from one sentence, and the
/// role of each group in it (claimant, denier, accuser, perpetrator, target).
struct ClaimReader {
    let tokens: [Token]
    let text: String
    let speakers: [Speaker]
    var actors: [ActorMention]
    let triggers: [Trigger]
    /// The publisher's group when the document is that group's own statement (an ISPR press release).
    let publisherGroup: (text: String, group: ArmedGroup)?

    static let negations: Set<String> = ["no", "not", "nobody", "none", "neither", "yet", "never"]
    static let allegationVerbs: Set<String> = ["suspected", "suspect", "suspects", "alleged", "alleges"]
    static let forcesPhrases = phrases(["security forces", "forces", "troops", "own troops", "its forces", "our forces", "soldiers",
                                                "law enforcement agencies", "personnel", "army"])
    static let actionVerbs: Set<String> = ["targeted", "struck", "hit", "conducted", "carried", "launched", "aimed", "destroyed",
                                                   "arrested", "detained", "apprehended", "killed", "captured", "ambushed", "attacked"]
    static let clauseBreaks: Set<String> = [",", ";", "of", "on", "against", "in", "at", "during", "after", "before", "near", "from", "with"]
    /// Words that may stand between a negation and "claimed": "no group has yet claimed", "not been claimed".
    private static let claimNegationGap: Set<String> = ["group", "one", "party", "organisation", "organization", "immediate", "has", "have",
                                                        "had", "yet", "been", "so", "far", "militant", "faction", "individual", "outfit", "other"]
    static let perpetratorNouns: Set<String> = ["attackers", "attacker", "assailants", "assailant", "bomber", "bombers", "gunmen",
                                                        "perpetrators", "culprits", "militants", "men", "suspects"]
    static let originWords: Set<String> = ["shelter", "sheltering", "sheltered", "harbour", "harbouring", "harbor", "harboring",
                                                   "soil", "sanctuary", "sanctuaries", "havens", "haven", "bases", "presence", "hosting", "territory"]

    mutating func facts() -> [ClaimFact] {
        var facts: [ClaimFact] = []
        if let negated = negatedClaim() { facts.append(negated) }
        facts += claims() + denials() + accusations() + acknowledgments()
        facts += perpetrators(excluding: facts)
        assignTargets()
        return facts
    }

    /// "No group has claimed responsibility", "There was no immediate claim", "unclaimed"; not "did not comment on the claim".
    private func negatedClaim() -> ClaimFact? {
        for (i, token) in tokens.enumerated() {
            if token.lower == "unclaimed" { return ClaimFact(kind: .noClaim, wording: String(token.text)) }
            guard ["claimed", "claim", "claims", "claiming", "responsibility"].contains(token.lower) else { continue }
            var j = i - 1
            while j >= 0, i - j <= 5, Self.claimNegationGap.contains(tokens[j].lower) { j -= 1 }
            guard j >= 0, Self.negations.contains(tokens[j].lower) || ["nobody", "none"].contains(tokens[j].lower) else { continue }
            return ClaimFact(kind: .noClaim, wording: tokens.text(j..<(i + 1), in: text))
        }
        return nil
    }

    private func isNegated(_ speaker: Speaker) -> Bool {
        let lower = min(speaker.subject.lowerBound, speaker.verb)
        return tokens[max(0, lower - 1)..<speaker.verb].contains { Self.negations.contains($0.lower) }
    }

    /// "ISKP claimed responsibility", "which the TTP claimed", "claimed by TTP", "TTP took responsibility".
    private mutating func claims() -> [ClaimFact] {
        var found: [ClaimFact] = []
        for speaker in speakers where speaker.verbClass == .claim && !isNegated(speaker) {
            for k in actorIndexes(in: speaker.subject) {
                actors[k].role = .claimant
                found.append(ClaimFact(kind: .claimed, actor: actors[k], party: actors[k].text, partyGroup: actors[k].group,
                                       wording: tokens.text(speaker.subject.lowerBound..<min(tokens.count, speaker.verb + 3), in: text)))
            }
        }
        for (i, token) in tokens.enumerated() where ["claimed", "claim"].contains(token.lower) {
            guard i + 1 < tokens.count, tokens[i + 1].lower == "by" || tokens.matches(["of", "responsibility", "by"], at: i + 1) else { continue }
            for k in actors.indices where actors[k].tokens.lowerBound > i && actors[k].tokens.lowerBound <= i + 5 && actors[k].role != .claimant {
                actors[k].role = .claimant
                found.append(ClaimFact(kind: .claimed, actor: actors[k], party: actors[k].text, partyGroup: actors[k].group,
                                       wording: tokens.text(i..<actors[k].tokens.upperBound, in: text)))
                break
            }
        }
        for k in actors.indices where actors[k].role != .claimant {
            let after = actors[k].tokens.upperBound
            let window = tokens[after..<min(tokens.count, after + 4)].map(\.lower)
            if window.contains("responsibility") && window.contains(where: { ["took", "accepted", "assumed", "takes", "accepts"].contains($0) }) {
                actors[k].role = .claimant
                found.append(ClaimFact(kind: .claimed, actor: actors[k], party: actors[k].text, partyGroup: actors[k].group,
                                       wording: tokens.text(actors[k].tokens.lowerBound..<min(tokens.count, after + 4), in: text)))
            }
        }
        return found
    }

    /// "TTP spokesman … denied any involvement"; "the Afghan Taliban deny sheltering the group" (an origin denial).
    private mutating func denials() -> [ClaimFact] {
        speakers.filter { $0.verbClass == .deny }.map { speaker in
            let inSubject = actorIndexes(in: speaker.subject)
            for k in inSubject { actors[k].role = .denier }
            let aboutOrigin = tokens[speaker.scope].contains { Self.originWords.contains($0.lower) }
            let general = tokens.occurrences(of: ["in", "the", "past"]).contains(where: speaker.scope.contains)
                || tokens[speaker.scope].contains { ["previously", "repeatedly", "always", "never"].contains($0.lower) }
            return ClaimFact(kind: aboutOrigin ? .originDenied : general ? .generalDenial : .denied, party: speaker.text, partyGroup: inSubject.first.map { actors[$0].group } ?? nil,
                             wording: tokens.text(speaker.subject.lowerBound..<min(tokens.count, speaker.verb + 4), in: text))
        }
    }

    /// The speaker whose words include token `i`.
    func covering(_ i: Int) -> Speaker? {
        speakers.first { $0.scope.contains(i) && $0.verbClass != .deny }
    }

    func actorIndexes(in range: Range<Int>) -> [Int] {
        actors.indices.filter { range.contains(actors[$0].tokens.lowerBound) }
    }
}
