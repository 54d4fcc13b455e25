import GeoKit

/// An event placed in panel pixels with its symbol radius: at its point, or — located only to a district — at the
/// district's label point.
struct PanelEvent {
    let event: MapEvent
    var point: Coordinate
    let r: Double
    let origin: Coordinate?
    /// The symbol's shape (by event type) and its half width at `r`.
    let shape: SymbolShape
    let halfExtent: Double

    init(event: MapEvent, point: Coordinate, r: Double, origin: Coordinate?) {
        self.event = event
        self.point = point
        self.r = r
        self.origin = origin
        shape = event.category.shape
        halfExtent = shape.halfExtent(r: r)
    }

    /// Every event of `events` in the pixels of `projection`, in bulk (one PROJ call for the points, one for the
    /// origins); district-level events at their district's place in `districts`.
    static func place(_ events: [MapEvent], sizes: SymbolSizes, projection: MapProjection,
                      districts: [String: PanelTemplate.DistrictPlace] = [:]) -> [PanelEvent] {
        var points = events.map(\.lonLat)
        projection.project(&points)
        let withOrigin = events.indices.filter { events[$0].origin != nil }
        var origins = withOrigin.map { events[$0].origin! }
        projection.project(&origins)
        var originAt = [Coordinate?](repeating: nil, count: events.count)
        for (i, index) in withOrigin.enumerated() where origins[i].x.isFinite && origins[i].y.isFinite { originAt[index] = origins[i] }
        return events.indices.map { i in
            let e = events[i]
            var p = points[i].x.isFinite && points[i].y.isFinite ? points[i] : Coordinate(.nan, .nan)
            if e.districtLevel, let id = e.districtID, let place = districts[id] { p = place.point }
            return PanelEvent(event: e, point: p, r: sizes.radius(fatalities: e.fatalities), origin: originAt[i])
        }
    }

    /// The symbol's box, for label collision.
    var box: Envelope {
        let h = halfExtent + 1
        return Envelope(minX: point.x - h, minY: point.y - h, maxX: point.x + h, maxY: point.y + h)
    }

    /// Events per district id.
    static func districtCounts(_ events: [PanelEvent]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for e in events { if let id = e.event.districtID { counts[id, default: 0] += 1 } }
        return counts
    }
}
