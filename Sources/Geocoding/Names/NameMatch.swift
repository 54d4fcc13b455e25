import GeoKit
import EventModel
import EventFormats
import GeoReference

/// Optional administrative texts that come with a location and narrow its reading.
public struct NameHints: Sendable, Hashable {
    public var admin2: String?
    public var admin1: String?
    public var country: String?

    public init(admin2: String? = nil, admin1: String? = nil, country: String? = nil) {
        self.admin2 = admin2
        self.admin1 = admin1
        self.country = country
    }

    /// No hints.
    public static let none = NameHints()
}

/// One reading of a name: a place, district, province or country of the gazetteer.
public struct NameCandidate: Sendable, Hashable {
    /// The level of the gazetteer unit.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case place, district, province, country
    }

    public let kind: Kind
    public let id: String
    public let name: String
    public let districtID: String?
    public let provinceID: String?
    public let countryISO3: String
    /// The place's point or the district's headquarters; nil for provinces and countries.
    public let point: Coordinate?
    /// How well the text fits this reading (0–1).
    public let score: Double
    /// Geo-precision code: 2 place, 3 district, 4 province, 5 country.
    public let precision: Int
}

/// The outcome of resolving a location text.
public struct NameMatch: Sendable, Hashable {
    /// The chosen reading; nil when nothing matched or the text is ambiguous.
    public let best: NameCandidate?
    /// Every reading considered, best first.
    public let candidates: [NameCandidate]
    /// 0 when unresolved; at most 0.5 when ambiguous.
    public let confidence: Double
    /// How the text was read: see `NameMethod`.
    public let method: String
    /// True when readings in different places fit equally well and the hints could not decide.
    public let isAmbiguous: Bool
    /// The part of the text that matched ("Torkham" for "near Torkham").
    public let matchedText: String?
    /// When ambiguous: the smallest unit (district, province or country) containing every reading.
    public let sharedArea: NameCandidate?
    /// Set when the text places the event relative to the best reading ("100 km north of Peshawar", "near
    /// Kabal"): the reading is the reference point, not the place of the event.
    public var relative: RelativePosition? = nil
    /// Readings set aside by the evidence order, in words ("'Ziarat town' (Ziarat, Balochistan) contradicts
    /// admin2 'Mohmand'; not used").
    public var notes: [String] = []

    /// Nothing matched.
    public static let unresolved = NameMatch(best: nil, candidates: [], confidence: 0, method: NameMethod.unresolved,
                                             isAmbiguous: false, matchedText: nil, sharedArea: nil)
}

/// The values of `NameMatch.method`.
public enum NameMethod {
    public static let exact = "name:exact"
    public static let alias = "name:alias"
    public static let variant = "name:variant"
    public static let fuzzy = "name:fuzzy"
    public static let phrase = "name:phrase"
    public static let relative = "name:relative"
    public static let hintAdmin2 = "hint:admin2"
    public static let hintAdmin1 = "hint:admin1"
    public static let hintCountry = "hint:country"
    public static let unresolved = "unresolved"
}

/// Where a text puts the event relative to a reference place.
public struct RelativePosition: Sendable, Hashable {
    /// The distance given, in km; nil for "near X".
    public var km: Double?
    /// The direction from the reference, degrees clockwise from north; nil when not given.
    public var bearing: Double?
    /// The text of the relation as read ("about 100 km north"), for notes.
    public var phrase: String
}

/// An armed group recognised in a perpetrator text.
public struct GroupMatch: Sendable, Hashable {
    /// The group; nil when the text fits several groups equally.
    public let group: ArmedGroup?
    /// Every group the text fits, best first.
    public let candidates: [ArmedGroup]
    public let confidence: Double
    /// "group:exact", "group:alias", "group:variant" or "group:fuzzy".
    public let method: String
    public let isAmbiguous: Bool
}
