import GeoReference

/// What one sentence says about who did it, who says so and who denies it. Facts are kept apart by
/// kind so that an attribution can never be read as a group's own claim.
struct ClaimFact: Sendable {
    enum Kind: String, Sendable {
        /// The group says it did it ("ISKP claimed responsibility", "the ministry said its forces arrested …").
        case claimed
        /// "No group has claimed responsibility."
        case noClaim
        /// Someone names the group as responsible ("Police blamed the TTP").
        case attributed
        /// Someone suspects or believes it ("residents said they suspected ISKP", "suspected TTP militants").
        case alleged
        /// The sentence names the group as the doer, as the writer's or a speaker's statement ("the Islamic State bombed …").
        case perpetrator
        /// A party denies involvement ("TTP … denied any involvement").
        case denied
        /// A party denies an origin claim ("the Afghan Taliban deny sheltering the group").
        case originDenied
        /// A denial of a kind of act, not of this event ("the TTP has denied targeting vaccinators in the past").
        case generalDenial
    }

    let kind: Kind
    /// The group claimed, blamed, suspected or named as the doer.
    var actor: ActorMention?
    /// Who claims, denies or (for attributions) accuses, as written.
    var party: String?
    /// The party's group, when it is one ("TTP spokesman …" → TTP).
    var partyGroup: ArmedGroup?
    /// Who asserts an attribution, allegation or perpetrator statement; nil → the document's author or publisher.
    var assertedBy: String?
    /// The words that say it, for notes.
    var wording: String
}

/// A reported origin of the attackers or of the strike ("came from Afghanistan", "shelling from Pakistan").
struct OriginFact: Sendable {
    /// The place as written, with its qualifiers ("Kunar province, Afghanistan").
    let place: String
    /// Who asserts it; nil → the document's author or publisher.
    let assertedBy: String?
    let wording: String
}
