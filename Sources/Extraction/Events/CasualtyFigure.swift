import EventModel

/// A casualty figure as reported: "12", "at least 12" (12+), "between 56 and 63" (56-63), "about 60".
public struct CasualtyFigure: Sendable, Equatable {
    public var low: Int
    public var high: Int?
    public var isApproximate = false

    /// Written like the event schema: "12", "12+", "56-63", "about 60".
    public var text: String {
        guard let high else { return "\(low)+" }
        if high != low { return "\(low)-\(high)" }
        return isApproximate ? "about \(low)" : "\(low)"
    }

    static func + (a: CasualtyFigure, b: CasualtyFigure) -> CasualtyFigure {
        CasualtyFigure(low: a.low + b.low, high: a.high.flatMap { x in b.high.map { x + $0 } }, isApproximate: a.isApproximate || b.isApproximate)
    }

    /// The span of two figures that differ ("12+" and "15" → "12-15").
    func spanned(with other: CasualtyFigure) -> CasualtyFigure {
        let low = min(self.low, other.low)
        let highs = [high ?? self.low, other.high ?? other.low]
        let high = highs.max()!
        return CasualtyFigure(low: low, high: high == low && (self.high == nil || other.high == nil) ? nil : high,
                              isApproximate: isApproximate || other.isApproximate)
    }

    var count: Event.Count? { try? Event.Count(parsing: text) }
}

/// One casualty figure in a sentence and whom it counts.
struct CasualtyMention: Sendable {
    enum Category: Sendable { case killed, injured }
    let category: Category
    let figure: CasualtyFigure
    /// The word after the number ("soldiers", "attackers"), lower-cased.
    let noun: String?
    /// "the death toll rose to 63": replaces earlier figures.
    let isTollUpdate: Bool
    /// The words as written, for notes.
    let text: String

    static let combatantNouns: Set<String> = [
        "attackers", "attacker", "assailants", "assailant", "bomber", "bombers", "gunmen", "gunman", "militants", "militant",
        "terrorists", "terrorist", "insurgents", "insurgent", "khwarij", "khawarij", "kharijis", "fighters", "suicide",
    ]
    var isCombatants: Bool { noun.map(Self.combatantNouns.contains) ?? false }
}
