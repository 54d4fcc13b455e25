import Foundation
import GeoKit

/// Origin → event links aggregated by (origin district, event district): how many events, whether they cross the
/// Afghanistan–Pakistan border (origin and event in different countries), and who asserted the origins.
struct MapLink {
    var origin: Coordinate
    var target: Coordinate
    var count: Int
    var crossBorder: Bool
    var targetRadius: Double
    /// The parties that asserted these origins, as the sources name them, in order of first appearance.
    var asserters: [String] = []
    var originPlace: String = ""
    var eventPlace: String = ""

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

    /// Links drawn per panel under an aggregate: the largest flows.
    static let aggregateLimit = 40

    static func width(_ cls: Int, k: Double) -> Double { k * [1.3, 1.3, 2.0, 2.8, 3.8][cls] }

    /// The tooltip: the claim, never a finding.
    var tooltip: String {
        let who = asserters.isEmpty ? "an unnamed party" : asserters.joined(separator: "; ")
        return "Origin \(originPlace) asserted for \(count) event\(count == 1 ? "" : "s") in \(eventPlace), asserted by \(who)"
            + (crossBorder ? " (across the Afghanistan–Pakistan border)" : "")
    }

    /// Aggregates origin → event links by (origin district, event district); links shorter than a few pixels are left out.
    static func aggregated(_ events: [PanelEvent], k: Double) -> [MapLink] {
        var groups: [String: MapLink] = [:]
        var order: [String] = []
        for e in events {
            guard let o = e.origin, let ok = e.event.originKey else { continue }
            let key = ok + ">" + e.event.eventKey
            let claim = e.event.drawableOrigin
            let asserter = claim?.claim.assertedBy ?? "an unnamed party"
            if var g = groups[key] {
                g.origin = Coordinate(g.origin.x + o.x, g.origin.y + o.y)
                g.target = Coordinate(g.target.x + e.point.x, g.target.y + e.point.y)
                g.count += 1
                g.crossBorder = g.crossBorder || e.event.crossBorder
                g.targetRadius = max(g.targetRadius, e.halfExtent)
                if !g.asserters.contains(asserter) { g.asserters.append(asserter) }
                groups[key] = g
            } else {
                let location = e.event.item.location
                groups[key] = MapLink(origin: o, target: e.point, count: 1, crossBorder: e.event.crossBorder,
                                      targetRadius: e.halfExtent, asserters: [asserter],
                                      originPlace: claim?.location.adm2Name ?? claim?.claim.place ?? "a place",
                                      eventPlace: location.adm2Name ?? location.adm1Name ?? "the event's place")
                order.append(key)
            }
        }
        return order.compactMap { key in
            var link = groups[key]!
            let n = Double(link.count)
            link.origin = Coordinate(link.origin.x / n, link.origin.y / n)
            link.target = Coordinate(link.target.x / n, link.target.y / n)
            return hypot(link.target.x - link.origin.x, link.target.y - link.origin.y) > link.targetRadius + 8 * k ? link : nil
        }
    }

    /// The curve as drawn: start just off the origin, bend to the right of travel by a fifth of the length, end at
    /// the symbol's edge.
    func curve(k: Double) -> (start: Coordinate, control: Coordinate, end: Coordinate) {
        let dx = target.x - origin.x, dy = target.y - origin.y
        let length = hypot(dx, dy)
        let control = Coordinate((origin.x + target.x) / 2 - dy * 0.2, (origin.y + target.y) / 2 + dx * 0.2)
        let startBack = 3.2 * k
        let toControl = max(hypot(control.x - origin.x, control.y - origin.y), 0.01)
        let start = Coordinate(origin.x + (control.x - origin.x) / toControl * startBack, origin.y + (control.y - origin.y) / toControl * startBack)
        let ex = target.x - control.x, ey = target.y - control.y
        let el = max(hypot(ex, ey), 0.01)
        let back = min(targetRadius + 1.5 * k, length * 0.4)
        return (start, control, Coordinate(target.x - ex / el * back, target.y - ey / el * back))
    }

    /// The curve as a polyline of `steps` segments (for labels to keep off).
    func polyline(k: Double, steps: Int = 10) -> [Coordinate] {
        let (a, c, b) = curve(k: k)
        return (0...steps).map { i in
            let t = Double(i) / Double(steps), u = 1 - t
            return Coordinate(u * u * a.x + 2 * u * t * c.x + t * t * b.x, u * u * a.y + 2 * u * t * c.y + t * t * b.y)
        }
    }
}
