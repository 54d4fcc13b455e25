import GeoKit
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis

/// The events a map is drawn from, shared by reference: a `MapEvent` keeps only its index, so a million of them
/// are copied, filtered and grouped without copying the events themselves.
final class MapEventSource {
    let events: [GeocodedEvent]
    /// District ids by number (events keep the number: counted in arrays, not hashed again).
    private(set) var districtIDs: [String] = []

    init(_ events: [GeocodedEvent]) { self.events = events }

    /// Takes the district numbers of the pass that made the events.
    func adopt(_ numbering: MapEventNumbering) {
        districtIDs = numbering.districtIDs
    }
}

/// District numbers and symbol categories as one pass over events meets them (first seen, first numbered).
struct MapEventNumbering {
    private(set) var districtIDs: [String] = []
    private var districtNumbers: [String: Int32] = [:]
    /// Symbol categories by event type, worked out once per distinct type (a case-insensitive search each).
    private var categories: [String: EventCategory] = [:]

    mutating func number(ofDistrict id: String?) -> Int32 {
        guard let id else { return -1 }
        if let n = districtNumbers[id] { return n }
        let n = Int32(districtIDs.count)
        districtIDs.append(id)
        districtNumbers[id] = n
        return n
    }

    mutating func category(ofEventType type: String?) -> EventCategory {
        guard let type else { return EventCategory(eventType: nil) }
        if let known = categories[type] { return known }
        let category = EventCategory(eventType: type)
        categories[type] = category
        return category
    }
}

/// What one pass over the mapped events learns, so nothing else walks a million events for it.
struct MapEventSummary {
    var eventsPerYear: [Int: Int] = [:]
    /// The lon/lat box of the events' points and of their origins (empty: inverted infinities).
    var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
    var box: Envelope? { minX <= maxX ? Envelope(minX: minX, minY: minY, maxX: maxX, maxY: maxY) : nil }
    var withDistrict = 0
    var districtLevel = 0
    var claimed = 0, attributed = 0, unclaimed = 0
    var first: EventDate?, last: EventDate?

    mutating func add(_ event: MapEvent, date: EventDate) {
        eventsPerYear[event.year, default: 0] += 1
        include(event.lonLat)
        if let origin = event.origin { include(origin) }
        if event.district >= 0 { withDistrict += 1 }
        if event.districtLevel { districtLevel += 1 }
        switch event.style {
        case .claimed: claimed += 1
        case .attributed: attributed += 1
        case .unclaimed: unclaimed += 1
        }
        if first.map({ date < $0 }) ?? true { first = date }
        if last.map({ date > $0 }) ?? true { last = date }
    }

    private mutating func include(_ p: Coordinate) {
        minX = min(minX, p.x); minY = min(minY, p.y); maxX = max(maxX, p.x); maxY = max(maxY, p.y)
    }
}

/// An event ready to draw: where (lon/lat), how big, how attributed, how precisely located. Only what every map
/// needs is worked out here (a million events pass through); the rest is looked up when drawn.
struct MapEvent {
    private let source: MapEventSource
    private let index: Int
    let lonLat: Coordinate
    let style: AttributionStyle
    let fatalities: Int?
    let year: Int
    /// Located only to a district: drawn hollow at the district's label point, never as if at a place.
    let districtLevel: Bool
    /// The district's number in the source (-1: none); `districtID` gives its id.
    let district: Int32
    /// The origin's point when it is known to district precision or better.
    let origin: Coordinate?
    let crossBorder: Bool
    /// The symbol's shape family.
    let category: EventCategory

    /// Every event of `events` that can be drawn, in order (each read in place, never copied), and what they add up to.
    /// One pass on one thread: every `MapEvent` holds the shared source, and two threads counting references to one
    /// object were slower than one (measured: 216 → 500 ms for a million events).
    static func all(_ events: [GeocodedEvent]) -> (events: [MapEvent], summary: MapEventSummary) {
        let source = MapEventSource(events)
        var numbering = MapEventNumbering()
        var mapped: [MapEvent] = []
        var summary = MapEventSummary()
        mapped.reserveCapacity(events.count)
        source.events.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                let item = buffer.baseAddress! + index
                guard let event = MapEvent(source: source, index: index, item: item, numbering: &numbering) else { continue }
                mapped.append(event)
                summary.add(event, date: item.pointee.event.date)
            }
        }
        source.adopt(numbering)
        return (mapped, summary)
    }

    /// Events that cannot be drawn at a point honestly (unresolved, or known only to a province or country) give nil.
    private init?(source: MapEventSource, index: Int, item: UnsafePointer<GeocodedEvent>, numbering: inout MapEventNumbering) {
        guard let p = item.pointee.location.point, let precision = item.pointee.location.geoPrecision, precision <= .district,
              p.x.isFinite, p.y.isFinite else { return nil }
        self.source = source
        self.index = index
        lonLat = p
        districtLevel = precision == .district
        district = numbering.number(ofDistrict: item.pointee.location.adm2ID)
        style = AttributionStyle(item.pointee.event.attribution)
        fatalities = item.pointee.event.fatalities?.low
        year = item.pointee.event.date.year
        category = numbering.category(ofEventType: item.pointee.event.eventType)
        if item.pointee.origins.isEmpty {
            origin = nil
            crossBorder = false
        } else {
            let point = item.pointee.drawableOrigin?.location.point
            origin = point.flatMap { $0.x.isFinite && $0.y.isFinite ? $0 : nil }
            crossBorder = item.pointee.crossBorder ?? false
        }
    }

    var districtID: String? { district >= 0 ? source.districtIDs[Int(district)] : nil }
    /// How many district numbers the source has given (for counting in arrays), and the id of a number.
    var districtCount: Int { source.districtIDs.count }
    func districtID(number: Int) -> String { source.districtIDs[number] }

    /// The event as geocoded (looked up: for tooltips, claims and the legend).
    var item: GeocodedEvent { source.events[index] }
    /// Read in place, without copying the event.
    var date: EventDate { source.events[index].event.date }
    var fatalitiesHigh: Int? { source.events[index].event.fatalities.map { $0.high ?? $0.low } }
    var drawableOrigin: GeocodedOrigin? { source.events[index].drawableOrigin }
    var placeName: String? { source.events[index].location.adm2Name ?? source.events[index].location.adm1Name }


    /// Links are aggregated by (origin district, event district), or by the hundredth of a degree without a district.
    var eventKey: String { districtID ?? Self.key(lonLat) }
    var originKey: String? {
        guard let origin else { return nil }
        return source.events[index].drawableOrigin?.location.adm2ID ?? Self.key(origin)
    }

    private static func key(_ p: Coordinate) -> String { "\(Int((p.x * 100).rounded())),\(Int((p.y * 100).rounded()))" }

    /// Origin claims that name only a country other than the event's: drawn as a tag on the event, never a line.
    var countryClaims: [GeocodedOrigin] {
        let item = self.item
        return item.origins.filter { $0.location.geoPrecision == .country && $0.location.adm0ISO3 != nil
            && $0.location.adm0ISO3 != item.location.adm0ISO3 }
    }
}
