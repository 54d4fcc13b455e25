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

    private static let negations: Set<String> = ["no", "not", "nobody", "none", "neither", "yet", "never"]
    private static let allegationVerbs: Set<String> = ["suspected", "suspect", "suspects", "alleged", "alleges"]
    private static let forcesPhrases = phrases(["security forces", "forces", "troops", "own troops", "its forces", "our forces", "soldiers",
                                                "law enforcement agencies", "personnel", "army"])
    private static let actionVerbs: Set<String> = ["targeted", "struck", "hit", "conducted", "carried", "launched", "aimed", "destroyed",
                                                   "arrested", "detained", "apprehended", "killed", "captured", "ambushed", "attacked"]
    private static let clauseBreaks: Set<String> = [",", ";", "of", "on", "against", "in", "at", "during", "after", "before", "near", "from", "with"]
    /// Words that may stand between a negation and "claimed": "no group has yet claimed", "not been claimed".
    private static let claimNegationGap: Set<String> = ["group", "one", "party", "organisation", "organization", "immediate", "has", "have",
                                                        "had", "yet", "been", "so", "far", "militant", "faction", "individual", "outfit", "other"]
    private static let perpetratorNouns: Set<String> = ["attackers", "attacker", "assailants", "assailant", "bomber", "bombers", "gunmen",
                                                        "perpetrators", "culprits", "militants", "men", "suspects"]
    private static let originWords: Set<String> = ["shelter", "sheltering", "sheltered", "harbour", "harbouring", "harbor", "harboring",
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

    /// "Police blamed the TTP", "attributed the shelling to the Pakistani military", "they suspected ISKP",
    /// "suspected TTP militants", "the attackers belonged to the Hafiz Gul Bahadur group".
    private mutating func accusations() -> [ClaimFact] {
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
    private static func linkCue(_ t: [Token], before start: Int) -> Int? {
        var i = start - 1
        if i >= 0, t[i].lower == "the" { i -= 1 }
        guard i >= 1, ["to", "with", "of"].contains(t[i].lower) else { return nil }
        let cue = t[i - 1].lower
        return ["belonged", "belonging", "belong", "belongs", "linked", "affiliated", "members", "member"].contains(cue) ? i - 1 : nil
    }

    /// A state's (or a group's) own account of its operation: "the ministry said its forces arrested …",
    /// "Pakistan's military said the strikes had targeted …", or a press release of the forces themselves.
    private mutating func acknowledgments() -> [ClaimFact] {
        var tellers: [(text: String, group: ArmedGroup, scope: Range<Int>, subject: Range<Int>?)] = []
        for speaker in speakers where speaker.verbClass == .say {
            guard let k = actorIndexes(in: speaker.subject).first, let group = actors[k].group else { continue }
            tellers.append((speaker.text, group, speaker.scope, speaker.subject))
        }
        if tellers.isEmpty, !speakers.contains(where: { $0.verbClass == .say }), let publisherGroup {
            tellers.append((publisherGroup.text, publisherGroup.group, 0..<tokens.count, nil))
        }
        var found: [ClaimFact] = []
        for teller in tellers where ownAccount(in: teller.scope, group: teller.group) {
            if let subject = teller.subject { for k in actorIndexes(in: subject) { actors[k].role = .claimant } }
            let kind = teller.group.kind.lowercased()
            guard kind.contains("state") || kind.contains("de facto") || hasItClaim(in: teller.scope) else { continue }
            found.append(ClaimFact(kind: .claimed, actor: ActorMention(tokens: 0..<0, text: teller.text, group: teller.group, candidates: [teller.group]),
                                   party: teller.text, partyGroup: teller.group, wording: tokens.text(teller.scope, in: text)))
        }
        return found
    }

    /// Generic forces as the subject ("security forces conducted", "its forces arrested"), "it carried out",
    /// or the event itself "had targeted" something.
    private func ownAccount(in scope: Range<Int>, group: ArmedGroup) -> Bool {
        for i in scope {
            if let phrase = tokens.firstPhrase(Self.forcesPhrases, at: i) {
                let before = i > 0 ? tokens[i - 1].lower : ""
                if ["against", "on", "targeting", "targeted", "attacked", "at"].contains(before) { continue }
                var end = i + phrase.count
                while end < tokens.count, tokens[end].lower.hasSuffix("ly") || ["also", "then", "later", "had", "have", "has"].contains(tokens[end].lower) { end += 1 }
                if end < tokens.count, tokens[end].isWord, tokens[end].lower.hasSuffix("ed") { return true }
            }
            if triggers.contains(where: { $0.tokens.contains(i) }), i + 1 < tokens.count {
                let next = tokens[(i + 1)..<min(tokens.count, i + 4)].map(\.lower)
                if next.contains(where: Self.actionVerbs.contains) { return true }
            }
        }
        return hasItClaim(in: scope)
    }

    /// "it carried out", "it had targeted": a group speaking of its own act.
    private func hasItClaim(in scope: Range<Int>) -> Bool {
        scope.contains { i in
            tokens[i].lower == "it" && tokens[(i + 1)..<min(tokens.count, i + 3)].contains { Self.actionVerbs.contains($0.lower) }
        }
    }

    /// Groups named as doers: the subject of a trigger ("the Islamic State bombed", "TTP militants attacked"),
    /// or the agent of a passive one ("planted by the TTP").
    private mutating func perpetrators(excluding earlier: [ClaimFact]) -> [ClaimFact] {
        var found: [ClaimFact] = []
        for k in actors.indices where actors[k].role == .mentioned {
            let range = actors[k].tokens
            if let group = actors[k].group, let same = earlier.first(where: { $0.actor?.group?.id == group.id }) {
                actors[k].role = same.kind == .claimed ? .claimant : .perpetrator
                continue
            }
            let isSubject = triggers.contains { trigger in
                trigger.suppressed == nil && !trigger.entry.isWeak && trigger.tokens.lowerBound >= range.upperBound
                    && trigger.tokens.lowerBound - range.upperBound <= 3
                    && !tokens[range.upperBound..<trigger.tokens.lowerBound].contains { Self.clauseBreaks.contains($0.lower) }
            }
            let isAgent = Self.isPassiveAgent(tokens, range.lowerBound)
            guard isSubject || isAgent else { continue }
            actors[k].role = .perpetrator
            let speaker = covering(range.lowerBound)
            found.append(ClaimFact(kind: .perpetrator, actor: actors[k], party: speaker?.text, assertedBy: speaker?.text,
                                   wording: tokens.text(max(0, range.lowerBound - 2)..<min(tokens.count, range.upperBound + 3), in: text)))
        }
        return found
    }

    /// "planted by the TTP", "carried out by ISKP": "by" after a past participle (not "claimed by").
    private static func isPassiveAgent(_ t: [Token], _ start: Int) -> Bool {
        var i = start - 1
        if i >= 0, t[i].lower == "the" { i -= 1 }
        guard i >= 1, t[i].lower == "by" else { return false }
        let verb = t[i - 1].lower
        return verb != "claimed" && (verb.hasSuffix("ed") || verb.hasSuffix("en") || verb == "out")
    }

    /// Groups on the receiving end: "targeted TTP hideouts", "members of ISKP", "against the TTP", "khwarij were killed".
    private mutating func assignTargets() {
        for k in actors.indices where actors[k].role == .mentioned {
            let range = actors[k].tokens
            let before = tokens[max(0, range.lowerBound - 3)..<range.lowerBound].map(\.lower)
            let after = range.upperBound < tokens.count ? tokens[range.upperBound].lower : ""
            let afterTrigger = triggers.contains { trigger in
                let word = tokens[trigger.tokens.upperBound - 1].lower
                return (word.hasSuffix("ed") || word.hasSuffix("ing")) && trigger.tokens.upperBound <= range.lowerBound && range.lowerBound - trigger.tokens.upperBound <= 4
            }
            if before.contains(where: { ["targeted", "targeting", "against", "members", "member", "on", "presence", "intercepted", "arrested", "detained"].contains($0) })
                || ["hideouts", "hideout", "positions", "camps", "compound", "commanders", "commander", "were", "members", "location"].contains(after)
                || afterTrigger {
                actors[k].role = .target
            }
        }
    }

    /// The speaker whose words include token `i`.
    private func covering(_ i: Int) -> Speaker? {
        speakers.first { $0.scope.contains(i) && $0.verbClass != .deny }
    }

    private func actorIndexes(in range: Range<Int>) -> [Int] {
        actors.indices.filter { range.contains(actors[$0].tokens.lowerBound) }
    }
}
