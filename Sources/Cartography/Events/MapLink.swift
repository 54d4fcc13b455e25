import Foundation
import GeoKit

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

    /// Aggregates origin → event links by (origin district, event district); links shorter than a few pixels are left out.
    static func aggregated(_ events: [PanelEvent], k: Double) -> [MapLink] {
        var groups: [String: (o: Coordinate, t: Coordinate, n: Int, cross: Bool, r: Double, base: Bool)] = [:]
        var order: [String] = []
        for e in events {
            guard let o = e.origin, let ok = e.event.originKey else { continue }
            let base = false
            let key = ok + ">" + e.event.eventKey + (base ? "/g" : "/e")
            if var g = groups[key] {
                g.o = Coordinate(g.o.x + o.x, g.o.y + o.y)
                g.t = Coordinate(g.t.x + e.point.x, g.t.y + e.point.y)
                g.n += 1
                g.cross = g.cross || e.event.crossBorder
                g.r = max(g.r, e.event.category.shape.halfExtent(r: e.r))
                groups[key] = g
            } else {
                groups[key] = (o, e.point, 1, e.event.crossBorder, e.event.category.shape.halfExtent(r: e.r), base)
                order.append(key)
            }
        }
        return order.compactMap { key in
            let g = groups[key]!
            let n = Double(g.n)
            let link = MapLink(origin: Coordinate(g.o.x / n, g.o.y / n), target: Coordinate(g.t.x / n, g.t.y / n),
                               count: g.n, crossBorder: g.cross, targetRadius: g.r, groupBase: g.base)
            return hypot(link.target.x - link.origin.x, link.target.y - link.origin.y) > link.targetRadius + 8 * k ? link : nil
        }
    }
}
