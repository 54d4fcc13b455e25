import GeoKit

/// Where an event (or its group's origin) was placed, how, and how sure we are.
public struct GeoResult: Sendable {
    public var adm2ID: String?
    public var adm2Name: String?
    public var adm1ID: String?
    public var adm1Name: String?
    public var adm0ISO3: String?
    /// 1 exact coordinates, 2 named place, 3 district, 4 province, 5 country; nil when unresolved.
    public var precision: Int?
    public var method: String
    public var confidence: Double
    /// Every candidate when a name could not be decided, as "kind:id name".
    public var candidates: [String] = []
    /// True when the district was found in an approximate (Voronoi) district area.
    public var approximate = false
    /// The point that stands for the event: given coordinates, or the place's or district's point.
    public var point: Coordinate?
    /// Doubts worth a reader's attention: conflicts, coverage, swapped coordinates.
    public var notes: [String] = []
    /// Set when the point lies outside every district: the closest one and how far.
    public var nearestDistrict: (id: String, name: String, km: Double)?

    public init(adm2ID: String? = nil, adm2Name: String? = nil, adm1ID: String? = nil, adm1Name: String? = nil, adm0ISO3: String? = nil, precision: Int? = nil, method: String, confidence: Double, candidates: [String] = [], approximate: Bool = false, point: Coordinate? = nil, notes: [String] = [], nearestDistrict: (id: String, name: String, km: Double)? = nil) {
        self.adm2ID = adm2ID
        self.adm2Name = adm2Name
        self.adm1ID = adm1ID
        self.adm1Name = adm1Name
        self.adm0ISO3 = adm0ISO3
        self.precision = precision
        self.method = method
        self.confidence = confidence
        self.candidates = candidates
        self.approximate = approximate
        self.point = point
        self.notes = notes
        self.nearestDistrict = nearestDistrict
    }

    public static func unresolved(_ why: String) -> GeoResult {
        GeoResult(precision: nil, method: "unresolved", confidence: 0, notes: [why])
    }
}

/// An event with its geocoded location, its origin and the group it names.
public struct GeocodedEvent: Sendable {
    public var event: Event
    public var location: GeoResult
    public var origin: GeoResult?
    /// "event" when the row gave the origin, "group_reported" when it is the group's reported origin.
    public var originSource: String?
    /// The origin text that was geocoded.
    public var originText: String?
    /// Every reported origin of the group, as sourced claims: "place (role, period; asserted by …)".
    public var groupReportedOrigins: [String] = []
    public var groupID: String?
    public var groupName: String?
    public var border: BorderMeasure?
    public var originBorder: BorderMeasure?

    public init(event: Event, location: GeoResult, origin: GeoResult? = nil, originSource: String? = nil, originText: String? = nil, groupReportedOrigins: [String] = [], groupID: String? = nil, groupName: String? = nil, border: BorderMeasure? = nil, originBorder: BorderMeasure? = nil) {
        self.event = event
        self.location = location
        self.origin = origin
        self.originSource = originSource
        self.originText = originText
        self.groupReportedOrigins = groupReportedOrigins
        self.groupID = groupID
        self.groupName = groupName
        self.border = border
        self.originBorder = originBorder
    }
    /// True when origin and event lie in different countries.
    public var crossBorder: Bool? {
        guard let a = location.adm0ISO3, let b = origin?.adm0ISO3 else { return nil }
        return a != b
    }
}

/// Distance of a point to the Afghanistan–Pakistan border and the nearest segment.
public struct BorderMeasure: Sendable {
    public var km: Double
    public var side: String?
    public var segment: String

    public init(km: Double, side: String? = nil, segment: String) {
        self.km = km
        self.side = side
        self.segment = segment
    }
}
