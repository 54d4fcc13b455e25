/// The words and phrases that report an event, by kind. Hyphens are ignored when matching
/// ("air-strike" = "air strike", "intelligence-based" = "intelligence based").
enum TriggerLexicon {
    struct Entry: Sendable {
        let words: [String]
        let kind: EventKind
        let subType: String
        /// Weak words only continue an event already open ("the operation", "the strikes").
        let isWeak: Bool
        /// Words one of which must follow within five tokens ("released" → "prisoners").
        let needsNearby: Set<String>
    }

    private static func entries(_ kind: EventKind, _ subType: String, _ list: [String], weak: Bool = false,
                                needs: Set<String> = []) -> [Entry] {
        list.map { Entry(words: $0.split(separator: " ").map(String.init), kind: kind, subType: subType, isWeak: weak, needsNearby: needs) }
    }

    static let prisonerNouns: Set<String> = ["prisoners", "prisoner", "detainees", "detainee", "inmates", "inmate", "captives", "hostages"]

    static let all: [Entry] =
        entries(.bombing, "suicide bombing", ["suicide attack", "suicide attacks", "suicide bomber", "suicide bombers", "suicide bombing",
                                              "suicide blast", "suicide attacker", "suicide car bomb", "suicide vest"])
        + entries(.bombing, "remote explosive / IED", ["improvised explosive device", "ied", "roadside bomb", "magnetic bomb", "sticky bomb",
                                                        "car bomb", "remote controlled bomb", "landmine", "land mine"])
        + entries(.bombing, "explosion", ["bomb", "bombing", "bombed", "blast", "blasts", "explosion", "explosions", "exploded",
                                          "detonated", "detonation", "grenade", "grenade attack", "bombings"])
        + entries(.airstrike, "air/drone strike", ["airstrike", "airstrikes", "air strike", "air strikes", "air raid", "air raids",
                                                   "aerial bombardment", "aerial strikes", "drone strike", "drone strikes", "drone attack"])
        + entries(.airstrike, "air/drone strike", ["strike", "strikes", "raids"], weak: true)
        + entries(.shelling, "shelling/artillery", ["shelling", "shelled", "artillery fire", "mortar fire", "mortar shells", "mortars",
                                                    "rocket attack", "rocket attacks", "cross border shelling", "bombardment"])
        + entries(.clash, "armed clash", ["clash", "clashes", "clashed", "exchange of fire", "exchanged fire", "exchanging fire", "firefight",
                                          "gun battle", "gunbattle", "skirmish", "skirmishes", "engagement", "encounter", "cross border firing"])
        + entries(.clash, "security operation", ["intelligence based operation", "ibo", "military operation", "search operation",
                                                 "clearance operation", "counter terrorism operation"])
        + entries(.clash, "armed clash", ["operation", "fighting", "engaged", "firing"], weak: true)
        + entries(.attack, "armed attack", ["attack", "attacks", "attacked", "attacking", "opened fire", "open fire", "ambush", "ambushed",
                                            "stormed", "assault", "assaulted", "massacre", "shooting", "shot dead", "gunned down", "beheaded",
                                            "targeted killing", "gunmen"])
        + entries(.attack, "armed attack", ["incident", "raid"], weak: true)
        + entries(.arrest, "arrest", ["arrested", "arrest", "arrests", "detained", "apprehended", "taken into custody", "nabbed", "rounded up"])
        + entries(.arrest, "arrest", ["detention", "captured"], weak: true)
        + entries(.prisonBreak, "prison break", ["prison break", "jailbreak", "jail break", "escaped from prison", "escaped from jail",
                                                 "broke out of prison", "broke out of jail", "prison attack"])
        + entries(.prisonRelease, "prisoner release", ["released", "freed", "release of", "releasing"], needs: prisonerNouns)
        + entries(.prisonRelease, "prisoner release", ["prisoner release", "prisoner swap", "prisoner exchange", "amnesty"])
        + entries(.statement, "statement", ["announced a ceasefire", "declared a ceasefire", "ended the ceasefire", "called off the ceasefire",
                                            "issued a statement", "declared war", "announced the end"])

    static let longest = all.map(\.words.count).max() ?? 1
    static let byFirstWord: [String: [Entry]] = Dictionary(grouping: all, by: { $0.words[0] })
}
