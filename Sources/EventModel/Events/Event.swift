import GeoKit

/// One reported event with every canonical field of EVENT-SCHEMA.md, typed.
public struct Event: Sendable {
    /// The id from the input, or a stable generated one (see `eventIDGenerated`).
    public var eventID: String
    /// True when the input gave no id and `eventID` is "gen-" plus a hash of the row.
    public var eventIDGenerated: Bool
    public var date: EventDate
    public var eventType: String?
    public var subEventType: String?
    /// Place text as reported ("Khar, Bajaur", "near Torkham").
    public var location: String?
    public var admin2: String?
    public var admin1: String?
    public var country: String?
    /// Reported coordinates, lon/lat (x = longitude); kept as given even when flagged.
    public var coordinate: Coordinate?
    public var coordinateFlags: CoordinateFlags
    /// How exactly the source located the event, when it says (ACLED `geo_precision`, UCDP `where_prec`, …,
    /// mapped to the project's scale). Geocoding never reports a finer precision than this.
    public var reportedPrecision: GeoPrecision?
    /// Perpetrator as reported.
    public var group: String?
    public var attribution: Attribution
    /// Who claimed the event (the group itself, its media outlet; for state actions the announcing body).
    public var claimedBy: String?
    /// Who asserts the attribution (a government, the UN, a news agency …); several separated by ";".
    public var attributedBy: String?
    /// Who denied or rejected a claim or an attribution; several separated by ";".
    public var deniedBy: String?
    /// Where someone asserts the perpetrators came from, for this event only.
    public var originClaims: [OriginClaim]
    public var fatalities: Count?
    public var injuries: Count?
    /// Citations, split on ";" and never dropped.
    public var sources: [String]
    public var notes: String?
    /// Input columns with no canonical meaning, in input order, passed through to outputs.
    public var extra: [(name: String, value: String)]
    /// What the reader did to the row that a reader of the output should know (bytes read as Windows-1252,
    /// an Excel serial date converted, a source code translated); written to the `read_notes` column.
    public var readNotes: [String] = []
    /// Set when the source says the location cannot be placed (UCDP `where_prec` 7: international waters or
    /// airspace): why. The event is kept and never placed.
    public var unplaceable: String?
    /// The file the event was read from.
    public var sourceFile: String
    /// The line the event starts on (for GeoJSON, the line its feature starts on).
    public var line: Int

    public init(eventID: String, eventIDGenerated: Bool, date: EventDate, eventType: String? = nil, subEventType: String? = nil, location: String? = nil, admin2: String? = nil, admin1: String? = nil, country: String? = nil, coordinate: Coordinate? = nil, coordinateFlags: CoordinateFlags, reportedPrecision: GeoPrecision? = nil, group: String? = nil, attribution: Attribution, claimedBy: String? = nil, attributedBy: String? = nil, deniedBy: String? = nil, originClaims: [OriginClaim] = [], fatalities: Count? = nil, injuries: Count? = nil, sources: [String], notes: String? = nil, extra: [(name: String, value: String)], sourceFile: String, line: Int) {
        self.eventID = eventID
        self.eventIDGenerated = eventIDGenerated
        self.date = date
        self.eventType = eventType
        self.subEventType = subEventType
        self.location = location
        self.admin2 = admin2
        self.admin1 = admin1
        self.country = country
        self.coordinate = coordinate
        self.coordinateFlags = coordinateFlags
        self.group = group
        self.attribution = attribution
        self.reportedPrecision = reportedPrecision
        self.claimedBy = claimedBy
        self.attributedBy = attributedBy
        self.deniedBy = deniedBy
        self.originClaims = originClaims
        self.fatalities = fatalities
        self.injuries = injuries
        self.sources = sources
        self.notes = notes
        self.extra = extra
        self.sourceFile = sourceFile
        self.line = line
    }
}

/// How a group is linked to an event; the reader never upgrades it.
public enum Attribution: String, Sendable, CaseIterable {
    case claimed, attributed, alleged, unclaimed, disputed
    /// The input said nothing about attribution.
    case unspecified

    /// Reads an attribution column value; empty text and "unspecified" (what the outputs write when the input
    /// said nothing) are `.unspecified`, unknown words are nil.
    public init?(parsing text: String) {
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
        if word.isEmpty { self = .unspecified; return }
        guard let value = Attribution(rawValue: word) else { return nil }
        self = value
    }
}

/// Doubts about a coordinate that the reader records instead of correcting.
public struct CoordinateFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Latitude and longitude look exchanged; the coordinate is kept as given.
    public static let possiblySwapped = CoordinateFlags(rawValue: 1 << 0)
}
