import GeoKit
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis

/// An event ready to draw: where (lon/lat), which symbol, how big, how attributed, how precisely located.
struct MapEvent {
    let item: GeocodedEvent
    let lonLat: Coordinate
    let category: EventCategory
    let style: AttributionStyle
    let fatalities: Int?
    let year: Int
    /// Located only to a district: drawn hollow at the district's label point, never as if at a place.
    let districtLevel: Bool
    /// The origin's point when it is known to district precision or better and is not the event's own place.
    let origin: Coordinate?
    let originKey: String?
    let eventKey: String
    let crossBorder: Bool

    /// Events that cannot be drawn at a point honestly (unresolved, or known only to a province or country) give nil.
    init?(_ item: GeocodedEvent) {
        guard let p = item.location.point, let precision = item.location.geoPrecision, precision <= .district,
              p.x.isFinite, p.y.isFinite else { return nil }
        self.item = item
        lonLat = p
        districtLevel = precision == .district
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

    var districtID: String? { item.location.adm2ID }

    /// Origin claims that name only a country other than the event's: drawn as a tag on the event, never a line.
    var countryClaims: [GeocodedOrigin] {
        item.origins.filter { $0.location.geoPrecision == .country && $0.location.adm0ISO3 != nil
            && $0.location.adm0ISO3 != item.location.adm0ISO3 }
    }
}
