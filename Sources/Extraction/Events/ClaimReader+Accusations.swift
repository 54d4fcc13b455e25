import GeoReference

/// Blame, suspicion and membership: who is named as responsible, and by whom.
extension ClaimReader {
    /// "Police blamed the TTP", "attributed the shelling to the Pakistani military", "they suspected ISKP",
    /// "suspected TTP militants", "the attackers belonged to the Hafiz Gul Bahadur group".
    mutating func accusations() -> [ClaimFact] {
        var found: [ClaimFact] = []
        for speaker in speakers where speaker.verbClass == .accuse {
            for k in actorIndexes(in: speaker.subject) { actors[k].role = .accuser }
            var searchFrom = speaker.verb + 1
            if tokens[speaker.verb].lower.hasPrefix("attribut"), let to = tokens[speaker.scope].firstIndex(where: { $0.lower == "to" }) { searchFrom = to + 1 }
            guard let k = actors.indices.first(where: { actors[$0].tokens.lowerBound >= searchFrom && speaker.scope.contains(actors[$0].tokens.lowerBound)
                    && actors[$0].tokens.lowerBound - searchFrom <= 8 }) else { continue }
            actors[k].role = .perpetrator
            let kind: ClaimFact.Kind = Self.allegationVerbs.contains(tokens[speaker.verb].lower) ? .alleged : .attributed
            found.append(ClaimFact(kind: kind, actor: actors[k], party: speaker.text, assertedBy: speaker.text,
                                   wording: tokens.text(speaker.subject.lowerBound..<actors[k].tokens.upperBound, in: text)))
        }
        for k in actors.indices where actors[k].role == .mentioned {
            let start = actors[k].tokens.lowerBound
            let before = tokens[max(0, start - 3)..<start].map(\.lower)
            var kind: ClaimFact.Kind?
            let arrested = triggers.contains { $0.kind == .arrest && $0.tokens.upperBound <= start && start - $0.tokens.upperBound <= 5 }
            if arrested { actors[k].role = .target; continue }
            if before.contains(where: { ["suspected", "alleged", "purported", "likely", "hallmarks"].contains($0) })
                || tokens.matches(["to", "be"], at: start - 2) && start >= 3 && ["believed", "thought", "said", "suspected"].contains(tokens[start - 3].lower) {
                kind = .alleged
            } else if let cue = Self.linkCue(tokens, before: start), tokens.hasWord(Self.perpetratorNouns, before: cue, within: 4) {
                kind = .attributed
            } else if tokens.matches(["blamed", "on"], at: start - 2) || tokens.matches(["blamed", "on", "the"], at: start - 3) {
                kind = .attributed
            }
            guard let kind else { continue }
            actors[k].role = .perpetrator
            let speaker = covering(start)
            found.append(ClaimFact(kind: kind, actor: actors[k], party: speaker?.text, assertedBy: speaker?.text,
                                   wording: tokens.text(max(0, start - 3)..<actors[k].tokens.upperBound, in: text)))
        }
        return found
    }

    /// "belonged to (the) X", "linked to X", "affiliated with X", "members of X": the index of the cue word.
    static func linkCue(_ t: [Token], before start: Int) -> Int? {
        var i = start - 1
        if i >= 0, t[i].lower == "the" { i -= 1 }
        guard i >= 1, ["to", "with", "of"].contains(t[i].lower) else { return nil }
        let cue = t[i - 1].lower
        return ["belonged", "belonging", "belong", "belongs", "linked", "affiliated", "members", "member"].contains(cue) ? i - 1 : nil
    }
}
