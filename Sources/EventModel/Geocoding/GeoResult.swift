import GeoKit

/// Where an event (or its group's origin) was placed, how, and how sure we are.
public struct GeoResult: Sendable {
    public var adm2ID: String?
    public var adm2Name: String?
    public var adm1ID: String?
    public var adm1Name: String?
    public var adm0ISO3: String?
    /// How exactly the location is known; nil when unresolved.
    public var geoPrecision: GeoPrecision?
    /// How it was found, for people: "coordinates", "name:exact", "coordinates+named district" …
    public var method: String
    /// Whether a place was found, several candidates remained, or nothing was found.
    public var status: Status = .resolved
    /// The point lies outside every district of the covered provinces.
    public var outsideCoverage = false
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

    public init(adm2ID: String? = nil, adm2Name: String? = nil, adm1ID: String? = nil, adm1Name: String? = nil, adm0ISO3: String? = nil, geoPrecision: GeoPrecision? = nil, method: String, confidence: Double, candidates: [String] = [], approximate: Bool = false, point: Coordinate? = nil, notes: [String] = [], nearestDistrict: (id: String, name: String, km: Double)? = nil) {
        self.adm2ID = adm2ID
        self.adm2Name = adm2Name
        self.adm1ID = adm1ID
        self.adm1Name = adm1Name
        self.adm0ISO3 = adm0ISO3
        self.geoPrecision = geoPrecision
        self.method = method
        self.confidence = confidence
        self.candidates = candidates
        self.approximate = approximate
        self.point = point
        self.notes = notes
        self.nearestDistrict = nearestDistrict
    }

    public static func unresolved(_ why: String) -> GeoResult {
        var result = GeoResult(method: "unresolved", confidence: 0, notes: [why])
        result.status = .unresolved
        return result
    }

    public enum Status: String, Sendable {
        case resolved, ambiguous, unresolved
    }
}

/// An event with its geocoded location, its origin claims and the group it names.
public struct GeocodedEvent: Sendable {
    public var event: Event
    public var location: GeoResult
    /// Each origin claim made for this event, geocoded; empty when no source asserted an origin.
    public var origins: [GeocodedOrigin]
    public var groupID: String?
    public var groupName: String?
    /// Set when the group text is a label one party applies to several groups: who uses it, and the candidates.
    public var groupLabel: String?
    public var border: BorderMeasure?

    public init(event: Event, location: GeoResult, origins: [GeocodedOrigin] = [], groupID: String? = nil,
                groupName: String? = nil, groupLabel: String? = nil, border: BorderMeasure? = nil) {
        self.event = event
        self.location = location
        self.origins = origins
        self.groupID = groupID
        self.groupName = groupName
        self.groupLabel = groupLabel
        self.border = border
    }

    /// The first origin claim located to a point no coarser than a district: the one a map may draw a line from.
    public var drawableOrigin: GeocodedOrigin? { origins.first(where: \.isDrawable) }

    /// True when some origin claim places the perpetrators in another country than the event (as asserted,
    /// at whatever precision); nil when no claim names a country.
    public var crossBorder: Bool? {
        guard let here = location.adm0ISO3 else { return nil }
        let countries = origins.compactMap(\.location.adm0ISO3)
        return countries.isEmpty ? nil : countries.contains { $0 != here }
    }
}

/// One origin claim of an event, geocoded.
public struct GeocodedOrigin: Sendable {
    public var claim: OriginClaim
    public var location: GeoResult
    public var border: BorderMeasure?

    public init(claim: OriginClaim, location: GeoResult, border: BorderMeasure? = nil) {
        self.claim = claim
        self.location = location
        self.border = border
    }

    /// Located to a point at district precision or better: a line may be drawn from it. A claim that names
    /// only a province or a country is never drawn as a point or a line.
    public var isDrawable: Bool {
        guard let precision = location.geoPrecision, location.point != nil else { return false }
        return precision <= .district
    }
}

/// Distance of a point to the Afghanistan–Pakistan border and the nearest segment.
public struct BorderMeasure: Sendable {
    public var km: Double
    public var side: String?
    public var segment: String
    /// The point lies within the segment's uncertainty band: the candidate lines disagree about its side.
    public var sideUncertain: Bool

    public init(km: Double, side: String? = nil, segment: String, sideUncertain: Bool = false) {
        self.km = km
        self.side = side
        self.segment = segment
        self.sideUncertain = sideUncertain
    }
}
