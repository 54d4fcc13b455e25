import GeoKit
import EventModel

/// An event as the text reports it, for a person to review: every claim kept as a claim, with the
/// sentences that say it.
public struct CandidateEvent: Sendable {
    public var eventID: String
    public var date: EventDate?
    public var eventType: EventKind
    public var subEventType: String
    /// The place text as reported, with its qualifiers ("Khar, Bajaur").
    public var location: String?
    public var admin2: String?
    public var admin1: String?
    public var country: String?
    /// The gazetteer's point for the place or district (never the report's): GeoJSON geometry only.
    public var point: Coordinate?
    /// 2 place, 3 district, 4 province, 5 country (EVENT-SCHEMA.md); nil when unresolved.
    public var geoPrecision: Int?
    /// The gazetteer ids of the place, its district and province (for duplicate checks).
    public var placeID: String?
    public var districtID: String?
    public var provinceID: String?
    /// "kind:id name" of every reading when the place name is ambiguous.
    public var locationCandidates: [String] = []
    /// The group as reported ("TTP", "Islamic State"); empty when the text names none.
    public var group: String?
    /// GeoData's group id when the name is one group's.
    public var groupID: String?
    public var attribution: Attribution
    public var claimedBy: String?
    public var attributedBy: String?
    public var deniedBy: String?
    public var origin: String?
    public var originAssertedBy: String?
    public var originSource: String?
    public var fatalities: CasualtyFigure?
    public var injuries: CasualtyFigure?
    public var sources: [String]
    public var notes: [String]
    /// Groups with their role in the text: "TTP (gr-ttp): perpetrator".
    public var actors: [String]
    /// The sentences quoted, white space folded.
    public var evidence: String
    /// Unicode-scalar offsets of the quoted span in the document's text (see `Document.text`).
    public var evidenceStart: Int
    public var evidenceEnd: Int
    public var document: String
    public var confidence: Double
    /// Set when the text dates the event from the one told before ("a day earlier"): days after it.
    var daysAfterPreviousEvent: Int?
    /// Existing events this one may repeat (`--merge`).
    public var duplicateOf: [String] = []
}

extension CasualtyFigure: CustomStringConvertible {
    public var description: String { text }
}
