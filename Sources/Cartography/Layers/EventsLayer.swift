import Foundation
import GeoKit
import EventModel

/// Event symbols: shape by event type, area by fatalities, fill by attribution, with a tooltip saying what was
/// reported. Largest first so small symbols stay on top; exact duplicates nudged apart.
struct EventsLayer: MapLayer {
    let clippedToFrame = true

    func draw(into svg: SVGDocument, context: inout MapDrawingContext) throws {
        let k = context.style.k, symbols = context.style.symbols
        var placed: [PanelEvent] = []
        svg.raw("<g class=\"events\">")
        for var e in context.events.sorted(by: { $0.r != $1.r ? $0.r > $1.r : $0.event.item.event.eventID < $1.event.item.event.eventID }) {
            let twins = placed.filter { hypot($0.point.x - e.point.x, $0.point.y - e.point.y) < 1.2 }.count
            if twins > 0 {
                let angle = Double(twins) * 2.4 + 0.8, d = max(3 * k, e.r * 0.7)
                e.point = Coordinate(e.point.x + cos(angle) * d, e.point.y + sin(angle) * d)
                context.stats.dodged += 1
            }
            svg.raw("<use href=\"#\(symbols.id(e.event.category.shape, r: e.r))\" class=\"\(e.event.style.cssClass)\"")
            svg.attr("x", e.point.x); svg.attr("y", e.point.y)
            svg.raw("><title>"); svg.escaped(Self.tooltip(e.event.item)); svg.raw("</title></use>")
            placed.append(e)
        }
        svg.raw("</g>")
        for e in placed { context.labels.addObstacle(e.box) }
        context.stats.drawn = context.events.count
    }

    /// The text a browser shows over an event: what, when, where, who — with the attribution as reported.
    static func tooltip(_ item: GeocodedEvent) -> String {
        let e = item.event
        var parts = [e.eventID, e.date.iso]
        parts.append(e.location ?? item.location.adm2Name ?? item.location.adm1Name ?? "place not named")
        if let type = e.eventType { parts.append(type + (e.subEventType.map { " (\($0))" } ?? "")) }
        let who = e.group ?? item.groupName ?? "no group named"
        parts.append("\(who): \(e.attribution.rawValue)" + (e.attributedBy.map { " by \($0)" } ?? ""))
        parts.append("fatalities " + (e.fatalities?.text ?? "not reported"))
        for claim in item.event.originClaims { parts.append("origin asserted: " + claim.summary) }
        return parts.joined(separator: " · ")
    }
}
