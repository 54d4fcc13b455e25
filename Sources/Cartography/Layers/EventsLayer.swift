import Foundation
import GeoKit
import EventModel

/// Event symbols (when events are drawn one by one): shape by event type, area by fatalities, fill by attribution,
/// a dashed dark edge when fatalities were not reported, hollow at the district's label point when the report
/// names only a district; a tooltip saying what was reported and who asserts it. Largest first so small symbols stay
/// on top; exact duplicates nudged apart. A country-level origin claim is a small tag on the symbol pointing
/// toward that country (`CountryClaimTag`), never a line.
struct EventsLayer: MapLayer {
    let clippedToFrame = true

    func draw(into svg: SVGDocument, context: inout MapDrawingContext) throws {
        guard context.drawsPoints else { return }
        let k = context.style.k, symbols = context.style.symbols
        var placed: [PanelEvent] = []
        var taken: [Int64: Int] = [:]
        svg.raw("<g class=\"events\">")
        for var e in context.events.sorted(by: { $0.r != $1.r ? $0.r > $1.r : $0.event.item.event.eventID < $1.event.item.event.eventID }) {
            let key = Int64((e.point.x / 1.2).rounded()) << 32 | Int64(UInt32(bitPattern: Int32((e.point.y / 1.2).rounded())))
            let twins = taken[key, default: 0]
            taken[key] = twins + 1
            if twins > 0 {
                let angle = Double(twins) * 2.4 + 0.8, d = max(3 * k, e.r * 0.7) * (1 + Double(twins / 6) * 0.6)
                e.point = Coordinate(e.point.x + cos(angle) * d, e.point.y + sin(angle) * d)
                context.stats.dodged += 1
            }
            let cls = e.event.districtLevel ? e.event.style.hollowClass : e.event.style.cssClass + (e.event.fatalities == nil ? " fu" : "")
            svg.raw("<use href=\"#\(symbols.id(e.shape, r: e.r))\" class=\"\(cls)\"")
            svg.attr("x", e.point.x); svg.attr("y", e.point.y)
            svg.raw("><title>"); svg.escaped(Self.tooltip(e.event.item)); svg.raw("</title></use>")
            for tag in CountryClaimTag.tags(for: e, countries: context.template.boundaries.countries, k: k) { tag.write(to: svg) }
            placed.append(e)
        }
        svg.raw("</g>")
        for e in placed { context.labels.addObstacle(e.box) }
        context.stats.drawn = context.events.count
    }

    /// The text a browser shows over an event: what, when, where (and how precisely), who — with the attribution as
    /// reported and who asserts it, and every origin claim with its asserter.
    static func tooltip(_ item: GeocodedEvent) -> String {
        let e = item.event
        var parts = [e.eventID, e.date.iso]
        var place = e.location ?? item.location.adm2Name ?? item.location.adm1Name ?? "place not named"
        if item.location.geoPrecision == .district { place += " (located only to the district)" }
        parts.append(place)
        if let type = e.eventType { parts.append(type + (e.subEventType.map { " (\($0))" } ?? "")) }
        let who = e.group ?? item.groupName ?? "no actor named"
        var attribution = "\(who): \(e.attribution.rawValue)"
        if let by = e.claimedBy, e.attribution == .claimed { attribution += " (claim by \(by))" }
        if let by = e.attributedBy { attribution += " by \(by)" }
        if let by = e.deniedBy { attribution += "; denied by \(by)" }
        parts.append(attribution)
        parts.append("fatalities " + (e.fatalities?.text ?? "not reported"))
        for claim in item.event.originClaims { parts.append("origin asserted: " + claim.summary) }
        return parts.joined(separator: " · ")
    }
}
