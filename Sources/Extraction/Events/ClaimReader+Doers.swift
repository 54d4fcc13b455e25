import GeoReference

/// Own accounts of an operation, groups named as doers, and groups on the receiving end.
extension ClaimReader {
    /// A state's (or a group's) own account of its operation: "the ministry said its forces arrested …",
    /// "Pakistan's military said the strikes had targeted …", or a press release of the forces themselves.
    mutating func acknowledgments() -> [ClaimFact] {
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
    func ownAccount(in scope: Range<Int>, group: ArmedGroup) -> Bool {
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
    func hasItClaim(in scope: Range<Int>) -> Bool {
        scope.contains { i in
            tokens[i].lower == "it" && tokens[(i + 1)..<min(tokens.count, i + 3)].contains { Self.actionVerbs.contains($0.lower) }
        }
    }

    /// Groups named as doers: the subject of a trigger ("the Islamic State bombed", "TTP militants attacked"),
    /// or the agent of a passive one ("planted by the TTP").
    mutating func perpetrators(excluding earlier: [ClaimFact]) -> [ClaimFact] {
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
    static func isPassiveAgent(_ t: [Token], _ start: Int) -> Bool {
        var i = start - 1
        if i >= 0, t[i].lower == "the" { i -= 1 }
        guard i >= 1, t[i].lower == "by" else { return false }
        let verb = t[i - 1].lower
        return verb != "claimed" && (verb.hasSuffix("ed") || verb.hasSuffix("en") || verb == "out")
    }

    /// Groups on the receiving end: "targeted TTP hideouts", "members of ISKP", "against the TTP", "khwarij were killed".
    mutating func assignTargets() {
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
}
