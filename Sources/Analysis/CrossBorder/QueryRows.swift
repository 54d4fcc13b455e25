import EventModel
import Geocoding

/// One event of a near-border answer as the table shows it, from either engine (in-process or PostGIS).
public struct NearBorderRow: Sendable, Equatable {
    public var eventID: String
    public var date: String
    public var location: String
    public var district: String
    public var province: String
    public var side: String
    public var borderKm: Double?
    public var segment: String
    public var group: String
    public var attribution: String

    public init(eventID: String, date: String, location: String, district: String, province: String, side: String,
                borderKm: Double?, segment: String, group: String, attribution: String) {
        self.eventID = eventID
        self.date = date
        self.location = location
        self.district = district
        self.province = province
        self.side = side
        self.borderKm = borderKm
        self.segment = segment
        self.group = group
        self.attribution = attribution
    }

    public init(_ item: GeocodedEvent) {
        self.init(eventID: item.event.eventID, date: item.event.date.iso, location: item.event.location ?? "",
                  district: item.location.adm2Name ?? "", province: item.location.adm1Name ?? "",
                  side: item.border?.side ?? "", borderKm: item.border?.km, segment: item.border?.segment ?? "",
                  group: item.groupName ?? item.event.group ?? "", attribution: item.event.attribution.rawValue)
    }
}

/// One origin → event link as the table shows it, from either engine.
public struct LinkRow: Sendable, Equatable {
    public var eventID: String
    public var group: String
    public var attribution: String
    public var assertedBy: String
    public var from: String
    public var to: String
    public var crossBorder: Bool
    public var crossings: Int
    /// The segments crossed, sorted and joined with "; ".
    public var segmentsCrossed: String
    public var alongBorderKm: Double
    public var lengthKm: Double

    public init(eventID: String, group: String, attribution: String, assertedBy: String, from: String, to: String,
                crossBorder: Bool, crossings: Int, segmentsCrossed: String, alongBorderKm: Double, lengthKm: Double) {
        self.eventID = eventID
        self.group = group
        self.attribution = attribution
        self.assertedBy = assertedBy
        self.from = from
        self.to = to
        self.crossBorder = crossBorder
        self.crossings = crossings
        self.segmentsCrossed = segmentsCrossed
        self.alongBorderKm = alongBorderKm
        self.lengthKm = lengthKm
    }

    public init(_ link: Link) {
        self.init(eventID: link.eventID, group: link.group ?? "", attribution: link.attribution.rawValue,
                  assertedBy: link.assertedBy ?? "", from: link.originUnit, to: link.eventUnit, crossBorder: link.crossBorder,
                  crossings: link.crossings.count, segmentsCrossed: Array(Set(link.crossedSegments)).sorted().joined(separator: "; "),
                  alongBorderKm: link.alongBorderKm, lengthKm: link.lengthKm)
    }
}
