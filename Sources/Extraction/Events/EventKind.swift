/// The event types `extract` tells apart, written as `event_type`.
public enum EventKind: String, Sendable, CaseIterable {
    case bombing, airstrike, shelling, clash, attack, arrest
    case prisonBreak = "prison break"
    case prisonRelease = "prison release"
    case statement

    /// Which trigger wins when a sentence has several: the most specific.
    var priority: Int {
        switch self {
        case .bombing: 7
        case .prisonBreak, .prisonRelease: 6
        case .airstrike, .shelling: 5
        case .arrest: 4
        case .clash: 3
        case .attack: 2
        case .statement: 1
        }
    }

    /// Kinds that may be one event told twice ("the blast" after "a suicide attack").
    var family: String {
        switch self {
        case .bombing, .attack: "attack"
        case .airstrike, .shelling: "strike"
        case .clash: "clash"
        case .arrest: "arrest"
        case .prisonBreak, .prisonRelease: "prison"
        case .statement: "statement"
        }
    }

    /// True when the perpetrator's own dead are part of the fighting reported (clashes, strikes, raids),
    /// false when they are the attackers of an attack (not counted, as in GeoData/samples).
    var countsCombatants: Bool {
        switch self {
        case .bombing, .attack: false
        default: true
        }
    }
}
