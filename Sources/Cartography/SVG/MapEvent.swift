import GeoKit
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis

/// An event ready to draw: where (lon/lat), which symbol, how big, how attributed.
struct MapEvent {
    let item: GeocodedEvent
    let lonLat: Coordinate
    let category: EventCategory
    let style: AttributionStyle
    let fatalities: Int?
    let year: Int
    /// The origin's point when it is known to district precision or better and is not the event's own place.
    let origin: Coordinate?
    let originKey: String?
    let eventKey: String
    let crossBorder: Bool

    /// Events that cannot be drawn at a point honestly (unresolved, or known only to a province or country) give nil.
    init?(_ item: GeocodedEvent) {
        guard let p = item.location.point, let precision = item.location.geoPrecision?.rawValue, precision <= 3,
              p.x.isFinite, p.y.isFinite else { return nil }
        self.item = item
        lonLat = p
        category = EventCategory(eventType: item.event.eventType)
        style = AttributionStyle(item.event.attribution)
        fatalities = item.event.fatalities?.low
        year = item.event.date.year
        eventKey = item.location.adm2ID ?? "\(Int((p.x * 100).rounded())),\(Int((p.y * 100).rounded()))"
        if let o = item.drawableOrigin?.location, let op = o.point, op.x.isFinite, op.y.isFinite {
            origin = op
            originKey = o.adm2ID ?? "\(Int((op.x * 100).rounded())),\(Int((op.y * 100).rounded()))"
        } else {
            origin = nil
            originKey = nil
        }
        crossBorder = item.crossBorder ?? false
    }
}

/// Origin → event links aggregated by (origin district, event district): how many events, and whether they cross
/// the Afghanistan–Pakistan border (origin and event in different countries).
struct MapLink {
    var origin: Coordinate
    var target: Coordinate
    var count: Int
    var crossBorder: Bool
    var targetRadius: Double
    /// True when the origin is the group's reported base (gazetteer), not an origin reported for this event.
    var groupBase = false

    /// Width class 1…4 for 1, 2, 3–4, 5+ events.
    var widthClass: Int { count >= 5 ? 4 : count >= 3 ? 3 : count }

    static func widthLabel(_ cls: Int) -> String {
        switch cls {
        case 1: "1 event"
        case 2: "2 events"
        case 3: "3–4 events"
        default: "5 or more events"
        }
    }

    static func width(_ cls: Int, k: Double) -> Double { k * [1.3, 1.3, 2.0, 2.8, 3.8][cls] }
}

