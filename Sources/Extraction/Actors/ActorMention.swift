import GeoReference

/// A group named in a sentence ("TTP", "Fitna al-Khawarij", "Pakistan's military"), matched to GeoData's
/// groups by alias, and what it does in the sentence.
struct ActorMention: Sendable {
    enum Role: String, Sendable, Comparable {
        case claimant, denier, accuser, perpetrator, target, speaker, mentioned

        static func < (a: Role, b: Role) -> Bool { a.rank < b.rank }
        private var rank: Int {
            switch self {
            case .claimant: 0
            case .denier: 1
            case .accuser: 2
            case .perpetrator: 3
            case .target: 4
            case .speaker: 5
            case .mentioned: 6
            }
        }
    }

    let tokens: Range<Int>
    /// As written.
    let text: String
    /// The group; nil when the name fits several ("Islamic State": ISKP or ISPP?).
    let group: ArmedGroup?
    /// Every group the name may stand for.
    let candidates: [ArmedGroup]
    var role: Role = .mentioned

    /// A state's forces or a de facto authority: their own announcements of their operations are claims.
    var isStateLike: Bool {
        guard let kind = group?.kind.lowercased() else { return false }
        return kind.contains("state") || kind.contains("de facto")
    }

    /// "TTP (gr-ttp)" or "Islamic State (ISKP or ISPP?)".
    var label: String {
        if let group { return "\(text) (\(group.id))" }
        if !candidates.isEmpty { return "\(text) (\(candidates.map(\.id).joined(separator: " or "))?)" }
        return text
    }
}
