/// Someone the sentence reports as saying, claiming, blaming or denying something, and the part of the
/// sentence that is theirs to answer for.
struct Speaker: Sendable {
    enum VerbClass: Sendable { case say, claim, accuse, deny }

    let verb: Int
    let verbClass: VerbClass
    /// Token range of who speaks; the text as written ("the Taliban's interior ministry", "Police").
    let subject: Range<Int>
    let text: String
    /// Tokens whose content the speaker asserts.
    let scope: Range<Int>
}

/// Finds speakers: the subject before a reporting verb ("Police blamed", "the ministry said"), after it
/// (", said Ahmad Khan"), at the end (", police said."), or after "according to". Pronouns ("they said")
/// stand for the speaker before them.
enum SpeakerFinder {
    static let verbs: [String: Speaker.VerbClass] = [
        "said": .say, "says": .say, "say": .say, "told": .say, "tells": .say, "stated": .say, "states": .say, "added": .say,
        "announced": .say, "announces": .say, "confirmed": .say, "confirms": .say, "reported": .say, "estimated": .say,
        "estimate": .say, "estimates": .say, "acknowledged": .say, "acknowledges": .say, "insisted": .say, "insists": .say,
        "noted": .say, "warned": .say, "stressed": .say, "explained": .say, "asserted": .say, "alleged": .accuse, "alleges": .accuse,
        "claimed": .claim, "claims": .claim, "claim": .claim,
        "blamed": .accuse, "blames": .accuse, "blame": .accuse, "accused": .accuse, "accuses": .accuse, "accuse": .accuse,
        "attributed": .accuse, "attributes": .accuse, "suspected": .accuse, "suspect": .accuse, "suspects": .accuse, "held": .accuse,
        "denied": .deny, "denies": .deny, "deny": .deny, "rejected": .deny, "rejects": .deny, "dismissed": .deny,
        "dismisses": .deny, "refuted": .deny, "refutes": .deny,
    ]
    private static let between: Set<String> = [
        "has", "have", "had", "also", "later", "quickly", "swiftly", "reportedly", "immediately", "already", "strongly",
        "promptly", "publicly", "officially", "been", "was", "were", "separately", "then", "repeatedly", "itself", "themselves",
    ]
    private static let stops: Set<String> = [
        "that", "which", "who", "whom", "and", "but", "while", "as", "when", "after", "before", "because", "although", "though",
        "if", "since", "where", "whereas", "to", "for", "in", "on", "at", "with", "by", "from", "not", "no", "also", "said",
    ]
    private static let asideOpeners: Set<String> = ["in", "on", "through", "via", "however", "meanwhile", "later", "also", "separately", "too"]
    static let pronouns: Set<String> = ["they", "he", "she", "it", "we", "i"]

    static func speakers(in t: [Token], text: String, previous: Speaker?) -> [Speaker] {
        var found: [Speaker] = []
        var i = 0
        while i < t.count {
            if t.matches(["according", "to"], at: i), i + 2 < t.count {
                // "According to the ISPR, the militants …" speaks for what follows; "…, according to X, a spokesman." for what precedes.
                let opensSentence = !t[..<i].contains { $0.isWord }
                var end = i + 2
                while end < t.count, ![".", ";", "(", "!", "?"].contains(t[end].lower), end - i < 14 { end += 1 }
                if opensSentence || end - (i + 2) > 10, let comma = t[(i + 2)..<end].firstIndex(where: { $0.lower == "," }) { end = comma }
                if end > i + 2 {
                    let clauseEnd = t[end...].firstIndex { $0.lower == ";" } ?? t.count
                    let scope = opensSentence ? min(end + 1, t.count)..<clauseEnd : 0..<i
                    found.append(Speaker(verb: i, verbClass: .say, subject: (i + 2)..<end, text: t.text((i + 2)..<end, in: text), scope: scope))
                }
                i = end
                continue
            }
            guard let verbClass = verbs[t[i].lower], isVerbUse(t, i) else { i += 1; continue }
            if let speaker = speaker(t, text: text, verb: i, verbClass: verbClass, inSentence: found.last, previous: previous) {
                found.append(speaker)
            }
            i += 1
        }
        return found
    }

    /// "held" only as "held ... responsible"; "claim" and "suspect" only as verbs after a subject.
    private static func isVerbUse(_ t: [Token], _ i: Int) -> Bool {
        switch t[i].lower {
        case "held": return t[(i + 1)..<min(t.count, i + 6)].contains { $0.lower == "responsible" }
        case "claim", "suspect", "blame", "estimate", "say", "deny", "accuse": return i > 0 && (t[i - 1].isWord && !["a", "the", "any", "no", "of", "to"].contains(t[i - 1].lower))
        case "suspected": return i > 0 && !["a", "the", "of", "two", "three", "four", "five", "several", "other"].contains(t[i - 1].lower) && t[i - 1].isWord
        default: return true
        }
    }

    private static func speaker(_ t: [Token], text: String, verb: Int, verbClass: Speaker.VerbClass, inSentence: Speaker?,
                                previous: Speaker?) -> Speaker? {
        var end = verb
        while end > 0, between.contains(t[end - 1].lower) || (t[end - 1].lower == "not" && verbClass == .claim) { end -= 1 }
        // "Police blamed the Hafiz Gul Bahadur group, which denied involvement": the subject is the noun before ", which".
        if end >= 2, ["which", "who"].contains(t[end - 1].lower), t[end - 2].lower == "," {
            var outer = end - 2
            while outer > 0, end - 2 - outer < 8 {
                let token = t[outer - 1]
                guard token.isWord || token.isPossessive || ["-", "(", ")"].contains(token.lower),
                      verbs[token.lower] == nil, !stops.contains(token.lower) else { break }
                outer -= 1
            }
            let subject = outer..<(end - 2)
            if !subject.isEmpty {
                let clauseEnd = t[(verb + 1)...].firstIndex { $0.lower == ";" } ?? t.count
                return Speaker(verb: verb, verbClass: verbClass, subject: subject, text: t.text(subject, in: text), scope: (verb + 1)..<clauseEnd)
            }
        }
        // "The BLA, in a statement, claimed …": the subject stands before the aside.
        if end >= 2, t[end - 1].lower == ",", let open = t[max(0, end - 8)..<(end - 1)].lastIndex(where: { $0.lower == "," }),
           asideOpeners.contains(t[open + 1].lower) {
            end = open
        }
        var start = end
        while start > 0, end - start < 8 {
            let token = t[start - 1]
            if token.isWord || token.kind == .number {
                if stops.contains(token.lower) { break }
            } else if !(token.isPossessive || ["-", ".", "(", ")"].contains(token.lower)) {
                break
            }
            start -= 1
        }
        while start < end, !t[start].isWord { start += 1 }
        let clauseEnd = t[(verb + 1)...].firstIndex { $0.lower == ";" } ?? t.count
        if start < end {
            if end - start == 1, pronouns.contains(t[start].lower) {
                guard let earlier = inSentence ?? previous else { return nil }
                let subject = inSentence == nil ? start..<end : earlier.subject
                return Speaker(verb: verb, verbClass: verbClass, subject: subject, text: earlier.text, scope: (verb + 1)..<clauseEnd)
            }
            let subject = start..<end
            let after = (verb + 1)..<clauseEnd
            let wordsAfter = after.filter { t[$0].isWord }.count
            let scope = wordsAfter < 2 && start > 0 ? 0..<max(0, start - 1) : after
            return Speaker(verb: verb, verbClass: verbClass, subject: subject, text: t.text(subject, in: text), scope: scope)
        }
        // "Police blamed the TTP and said …": the subject of the verb before.
        if verb > 0, t[verb - 1].lower == "and", let earlier = inSentence {
            return Speaker(verb: verb, verbClass: verbClass, subject: earlier.subject, text: earlier.text, scope: (verb + 1)..<clauseEnd)
        }
        // ", said Ahmad Khan, a police official": the subject follows a say-class verb after a comma or quote.
        guard verbClass == .say, verb > 0, [",", "\"", "”", "’"].contains(t[verb - 1].lower) else { return nil }
        var subjectEnd = verb + 1
        while subjectEnd < t.count, t[subjectEnd].isWord || t[subjectEnd].isPossessive, subjectEnd - verb <= 8 { subjectEnd += 1 }
        guard subjectEnd > verb + 1 else { return nil }
        let subject = (verb + 1)..<subjectEnd
        return Speaker(verb: verb, verbClass: verbClass, subject: subject, text: t.text(subject, in: text), scope: 0..<verb)
    }
}
