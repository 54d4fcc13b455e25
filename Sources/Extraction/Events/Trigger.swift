/// A word or phrase of a sentence that reports an event, and whether it opens one.
struct Trigger: Sendable {
    let tokens: Range<Int>
    let entry: TriggerLexicon.Entry
    /// "the blast", "that attack": a determiner before it; it may refer to an event already told.
    let isDefinite: Bool
    /// Why it reports no event: a generic mention ("every attack", "recent attacks"), a negation
    /// ("no attack"), an intention ("planning attacks") or a hypothetical ("will backfire") — nil when it does.
    var suppressed: String?
    /// Suppressed only for a modal verb in the sentence; a date or a casualty figure lifts it.
    var isHypothetical = false
    /// Inside a relative clause ("… who had helped plan the bombing"): the main clause's trigger names the event.
    var isEmbedded = false

    var kind: EventKind { entry.kind }
}

/// Finds triggers in a sentence and says which are generic, negated, intended or hypothetical.
enum TriggerFinder {
    private static let quantifiers: Set<String> = [
        "every", "any", "all", "many", "several", "recent", "such", "future", "further", "frequent", "repeated", "more", "most",
        "numerous", "series", "wave", "spate", "string", "surge", "rise", "increase", "number", "fewer", "possible", "potential",
    ]
    private static let negations: Set<String> = ["no", "not", "never", "without", "nor"]
    private static let intentions: Set<String> = [
        "planning", "plan", "plans", "plot", "plotting", "threatened", "threaten", "threatens", "vowed", "vow", "intend", "intends",
        "prevent", "prevented", "foil", "foiled", "thwarted", "thwart", "avert", "averted", "warned", "warn", "warning", "warns",
        "preparing", "prepare", "capable",
    ]
    private static let alwaysGeneric: Set<String> = ["every", "any", "all", "such", "each"]
    private static let determiners: Set<String> = ["the", "that", "this", "these", "those", "its", "their", "his", "her", "said"]
    private static let modals: Set<String> = ["will", "would", "could", "should", "might", "must", "can", "may", "shall"]

    static func triggers(in t: [Token]) -> [Trigger] {
        var found: [Trigger] = []
        var i = 0
        while i < t.count {
            guard let (entry, end) = match(t, at: i) else { i += 1; continue }
            if !entry.needsNearby.isEmpty, !t[end..<min(t.count, end + 5)].contains(where: { entry.needsNearby.contains($0.lower) }) {
                i += 1
                continue
            }
            var trigger = Trigger(tokens: i..<end, entry: entry, isDefinite: isDefinite(t, i), suppressed: suppression(t, i, end))
            trigger.isEmbedded = t[..<i].contains { ["who", "whom", "whose", "which"].contains($0.lower) }
            found.append(trigger)
            i = end
        }
        for k in found.indices where found[k].suppressed == nil && hasModal(t, around: found[k].tokens) {
            found[k].suppressed = "hypothetical (a modal verb in its clause)"
            found[k].isHypothetical = true
        }
        return found
    }

    /// "will", "would", "could" … within eight words of the trigger, in the same clause (no comma or semicolon between).
    private static func hasModal(_ t: [Token], around range: Range<Int>) -> Bool {
        let breaks: Set<String> = [",", ";", ":", "—", "–"]
        var i = range.lowerBound - 1
        while i >= max(0, range.lowerBound - 8), !breaks.contains(t[i].lower) {
            if modals.contains(t[i].lower) && !t[i].isCapitalized { return true }
            i -= 1
        }
        i = range.upperBound
        while i < min(t.count, range.upperBound + 8), !breaks.contains(t[i].lower) {
            if modals.contains(t[i].lower) && !t[i].isCapitalized { return true }
            i += 1
        }
        return false
    }

    /// The longest entry at `i`, hyphens skipped: the entry and the index after it.
    private static func match(_ t: [Token], at i: Int) -> (TriggerLexicon.Entry, Int)? {
        guard t[i].isWord, let candidates = TriggerLexicon.byFirstWord[t[i].lower] else { return nil }
        var best: (TriggerLexicon.Entry, Int)?
        for entry in candidates {
            var j = i
            var matched = true
            for word in entry.words {
                while j < t.count, t[j].lower == "-" { j += 1 }
                guard j < t.count, t[j].lower == word else { matched = false; break }
                j += 1
            }
            if matched, best == nil || entry.words.count > best!.0.words.count { best = (entry, j) }
        }
        return best
    }

    private static func isDefinite(_ t: [Token], _ i: Int) -> Bool {
        var j = i - 1
        var skipped = 0
        while j >= 0, skipped < 3 {
            let word = t[j].lower
            if determiners.contains(word) { return true }
            if t[j].isPossessive { return true }
            guard t[j].isWord || t[j].kind == .number || word == "-" else { return false }
            j -= 1
            skipped += 1
        }
        return false
    }

    private static func suppression(_ t: [Token], _ i: Int, _ end: Int) -> String? {
        let plural = t[end - 1].lower.hasSuffix("s") && !t[end - 1].lower.hasSuffix("ss")
        if let word = t[max(0, i - 3)..<i].first(where: { alwaysGeneric.contains($0.lower) || plural && quantifiers.contains($0.lower) }) {
            return "generic ('\(word.text) …')"
        }
        if let word = t[max(0, i - 2)..<i].first(where: { negations.contains($0.lower) }) { return "negated ('\(word.text) …')" }
        if let word = t[max(0, i - 4)..<i].first(where: { intentions.contains($0.lower) }) { return "not an event that happened ('\(word.text) …')" }
        return nil
    }
}
