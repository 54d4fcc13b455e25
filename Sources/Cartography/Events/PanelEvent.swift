import GeoKit

/// An event placed in panel pixels with its symbol radius.
struct PanelEvent {
    let event: MapEvent
    var point: Coordinate
    let r: Double
    let origin: Coordinate?

    init(event: MapEvent, sizes: SymbolSizes, projection: MapProjection) {
        self.event = event
        point = projection.project(event.lonLat) ?? Coordinate(.nan, .nan)
        r = sizes.radius(fatalities: event.fatalities)
        origin = event.origin.flatMap { projection.project($0) }
    }

    /// The symbol's box, for label collision.
    var box: Envelope {
        let h = event.category.shape.halfExtent(r: r) + 1
        return Envelope(minX: point.x - h, minY: point.y - h, maxX: point.x + h, maxY: point.y + h)
    }

    /// Events per district id.
    static func districtCounts(_ events: [PanelEvent]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for e in events { if let id = e.event.item.location.adm2ID { counts[id, default: 0] += 1 } }
        return counts
    }
}
