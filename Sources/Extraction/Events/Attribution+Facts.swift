import EventModel

/// The attribution of one event from the facts of its sentences. Only a `.claimed` fact (the group's own
/// claim or account) makes an event claimed; attributions, allegations and plain perpetrator statements
/// stay attributed or alleged, with who asserts them; a denial makes them disputed.
struct AttributionDecision {
    var attribution: Attribution = .unspecified
    var group: String?
    var groupID: String?
    var claimedBy: String?
    var attributedBy: String?
    var deniedBy: String?
    var notes: [String] = []

    init(facts: [ClaimFact], asserter: String) {
        let claims = facts.filter { $0.kind == .claimed }
        let accusations = [ClaimFact.Kind.attributed, .alleged, .perpetrator].flatMap { kind in facts.filter { $0.kind == kind } }
        let denials = facts.filter { $0.kind == .denied }
        func unique(_ items: [String]) -> [String] {
            var seen = Set<String>()
            return items.filter { seen.insert($0.lowercased()).inserted }
        }
        if let claim = claims.first, let actor = claim.actor {
            attribution = .claimed
            group = actor.tokens.isEmpty ? actor.group?.name ?? actor.text : actor.text
            groupID = actor.group?.id
            var claimants: [String] = []
            var groupsSeen = Set<String>()
            for claim in claims where claim.partyGroup.map({ groupsSeen.insert($0.id).inserted }) ?? true {
                if let party = claim.party { claimants.append(party) }
            }
            claimedBy = unique(claimants).joined(separator: "; ")
            let sameGroup = accusations.filter { $0.actor?.group?.id != nil && $0.actor?.group?.id == groupID }
            let accusers = unique(sameGroup.filter { $0.kind != .perpetrator }.map { $0.assertedBy ?? asserter })
            if !accusers.isEmpty { attributedBy = accusers.joined(separator: "; ") }
            for other in accusations where other.actor?.group?.id != groupID || other.actor?.group == nil && other.actor?.text != actor.text {
                notes.append("also \(other.kind == .alleged ? "suspected" : "attributed") to \(other.actor?.text ?? "?") by \(other.assertedBy ?? asserter)")
            }
        } else if let accusation = accusations.first, let actor = accusation.actor {
            group = actor.text
            groupID = actor.group?.id
            let sameGroup = accusations.filter { ($0.actor?.group?.id ?? $0.actor?.text) == (groupID ?? actor.text) }
            attributedBy = unique(sameGroup.map { $0.assertedBy ?? asserter }).joined(separator: "; ")
            if !denials.isEmpty {
                attribution = .disputed
                deniedBy = unique(denials.compactMap(\.party)).joined(separator: "; ")
            } else {
                attribution = sameGroup.contains { $0.kind != .alleged } ? .attributed : .alleged
            }
            if facts.contains(where: { $0.kind == .noClaim }) { notes.append("the text says no group claimed it") }
            if actor.group == nil, !actor.candidates.isEmpty {
                notes.append("'\(actor.text)' may be \(actor.candidates.map(\.name).joined(separator: " or ")); the text does not say which")
            }
            for other in accusations where (other.actor?.group?.id ?? other.actor?.text) != (groupID ?? actor.text) {
                notes.append("also \(other.kind == .alleged ? "suspected" : "attributed") to \(other.actor?.text ?? "?") by \(other.assertedBy ?? asserter)")
            }
        } else if facts.contains(where: { $0.kind == .noClaim }) {
            attribution = .unclaimed
            if !denials.isEmpty { deniedBy = unique(denials.compactMap(\.party)).joined(separator: "; ") }
        } else if !denials.isEmpty {
            deniedBy = unique(denials.compactMap(\.party)).joined(separator: "; ")
            notes.append("a denial without an attribution in the text: attribution left open")
        }
        for denial in facts where denial.kind == .originDenied {
            notes.append("origin claim disputed: \(denial.wording)")
        }
        for denial in facts where denial.kind == .generalDenial {
            notes.append("a general denial, not of this event: \(denial.wording)")
        }
    }
}
