/// A gazetteer name in a sentence and what it does there.
struct PlaceMention: Sendable {
    enum Role: String, Sendable {
        /// Where something happened ("in Khar", "near Torkham").
        case location
        /// Where something or someone came from or is based ("came from Afghanistan", "sanctuaries in Kunar").
        case origin
        /// A person's home ("resident of Karak"): never the event's place.
        case residence
        /// The place stands for its government ("Kabul has rejected", "Islamabad said").
        case speaker
        /// Where the wounded were taken ("hospital in Peshawar").
        case destination
    }

    let tokens: Range<Int>
    let text: String
    var role: Role
    /// The word that follows and says what kind of unit it is ("district", "province", "city").
    var unitWord: String?
    /// The next mention that qualifies this one ("Khar" → "Bajaur" in "Khar, Bajaur"), by index.
    var qualifier: Int?
    /// True when an earlier mention's chain already includes this one.
    var isQualifier = false
}
