import Foundation
import GeoKit
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis

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
}

/// What one panel drew.
struct PanelStats {
    var drawn = 0
    var outside = 0
    var links = 0
    var origins = 0
    var dodged = 0
    var linkClasses = Set<Int>()
    var linkKinds = Set<Bool>()
    var dropped: [String] = []
}

/// Draws one panel (the whole map, or one year of small multiples) in panel pixels: districts, links, origins,
/// events and labels over the shared boundary layers.
struct MapPanel {
    let frame: Envelope
    let k: Double
    let sizes: SymbolSizes
    let theme: MapTheme
    let symbols: SymbolDefinitions
    let projection: MapProjection
    /// Where the scale bar and north arrow go (labels keep out).
    var furniture: Envelope?
    /// Prefix of the ids of this panel size's boundary definitions ("" for the main map, "i" for the inset).
    var prefix = ""
    /// Boxes drawn over the panel (an inset map): labels keep out.
    var covered: [Envelope] = []
    /// Whether to label the border along it (the inset leaves it to the main map).
    var borderLabel = true

    /// The text a browser shows over an event: what, when, where, who — with the attribution as reported.
    static func tooltip(_ item: GeocodedEvent) -> String {
        let e = item.event
        var parts = [e.eventID, e.date.iso]
        parts.append(e.location ?? item.location.adm2Name ?? item.location.adm1Name ?? "place not named")
        if let type = e.eventType { parts.append(type + (e.subEventType.map { " (\($0))" } ?? "")) }
        let who = e.group ?? item.groupName ?? "no group named"
        parts.append("\(who): \(e.attribution.rawValue)" + (e.attributedBy.map { " by \($0)" } ?? ""))
        parts.append("fatalities " + (e.fatalities?.text ?? "not reported"))
        if let origin = item.originText { parts.append("reported origin: " + origin) }
        return parts.joined(separator: " · ")
    }

    /// Aggregates origin → event links by (origin district, event district); links shorter than a few pixels are left out.
    static func links(_ events: [PanelEvent], k: Double) -> [MapLink] {
        var groups: [String: (o: Coordinate, t: Coordinate, n: Int, cross: Bool, r: Double, base: Bool)] = [:]
        var order: [String] = []
        for e in events {
            guard let o = e.origin, let ok = e.event.originKey else { continue }
            let base = e.event.item.originSource == "group_reported"
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

    mutating func draw(events: [PanelEvent], base: ProjectedBoundaries, gazetteer: Gazetteer, official: Bool,
                       districtIndex: [String: Int], breaks: ChoroplethClasses,
                       towns: [(name: String, point: Coordinate)], into doc: SVGDocument) throws -> PanelStats {
        var stats = PanelStats()
        let inFrame = events.filter { $0.point.x.isFinite && frame.contains($0.point) }
        stats.outside = events.count - inFrame.count
        let counts = SVGMapRenderer.districtCounts(inFrame)

        doc.use(prefix + "base")
        doc.raw("<g clip-path=\"url(#\(prefix)pc)\">")
        if official {
            doc.raw("<g class=\"districts\">")
            for (id, i) in districtIndex.sorted(by: { $0.value < $1.value }) {
                doc.use(prefix + "d\(i)", cls: "dl ds\(breaks.index(counts[id] ?? 0))")
            }
            doc.raw("</g>")
        }
        doc.use(prefix + "basetop")

        // District totals as circles at headquarters when district areas are approximate.
        var hqPoints: [(name: String, point: Coordinate, r: Double, count: Int)] = []
        for (id, count) in counts {
            guard let district = gazetteer.district(id: id), let p = projection.project(district.point) else { continue }
            let name = district.headquarters.isEmpty ? district.name : district.headquarters
            hqPoints.append((name, p, official ? 2 * k : sizes.districtRadius(count: count), count))
        }
        hqPoints.sort { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
        if !official, !hqPoints.isEmpty {
            doc.raw("<g class=\"district-totals\">")
            for hq in hqPoints.sorted(by: { $0.r > $1.r }) {
                doc.use(symbols.id(.circle, r: hq.r), x: hq.point.x, y: hq.point.y, cls: "dc")
            }
            doc.raw("</g>")
        }

        if official, !hqPoints.isEmpty {
            let id = symbols.id(.circle, r: sizes.quantised(1.8 * k))
            doc.raw("<g class=\"district-hq\">")
            for hq in hqPoints { doc.use(id, x: hq.point.x, y: hq.point.y, cls: "tw") }
            doc.raw("</g>")
        }

        // Links: domestic first, cross-border on top; thin over thick.
        let links = Self.links(inFrame, k: k).sorted { ($0.crossBorder ? 1 : 0, -$0.count) < ($1.crossBorder ? 1 : 0, -$1.count) }
        if !links.isEmpty {
            doc.raw("<g class=\"links\">")
            for link in links {
                let dx = link.target.x - link.origin.x, dy = link.target.y - link.origin.y
                let length = hypot(dx, dy)
                // Bend to the right of travel by a fifth of the length.
                let control = Coordinate((link.origin.x + link.target.x) / 2 - dy * 0.2, (link.origin.y + link.target.y) / 2 + dx * 0.2)
                let startBack = 3.2 * k
                let sx = link.origin.x + (control.x - link.origin.x) / max(hypot(control.x - link.origin.x, control.y - link.origin.y), 0.01) * startBack
                let sy = link.origin.y + (control.y - link.origin.y) / max(hypot(control.x - link.origin.x, control.y - link.origin.y), 0.01) * startBack
                let ex = link.target.x - control.x, ey = link.target.y - control.y
                let el = max(hypot(ex, ey), 0.01)
                let back = min(link.targetRadius + 1.5 * k, length * 0.4)
                let end = Coordinate(link.target.x - ex / el * back, link.target.y - ey / el * back)
                let cls = (link.crossBorder ? "lx" : "ln") + " w\(link.widthClass)" + (link.groupBase ? " gb" : "")
                doc.raw("<path class=\"\(cls)\" marker-end=\"url(#\(link.crossBorder ? "ax" : "an"))\" d=\"M")
                doc.num(sx); doc.byte(32); doc.num(sy); doc.byte(81)
                doc.num(control.x); doc.byte(32); doc.num(control.y); doc.byte(32); doc.num(end.x); doc.byte(32); doc.num(end.y)
                doc.raw("\"/>")
                stats.links += 1
                stats.linkClasses.insert(link.widthClass)
                stats.linkKinds.insert(link.crossBorder)
            }
            doc.raw("</g>")
        }

        // Reported origins.
        var originPoints: [Coordinate] = []
        for e in inFrame {
            guard let o = e.origin, frame.contains(o) else { continue }
            if !originPoints.contains(where: { abs($0.x - o.x) < 1 && abs($0.y - o.y) < 1 }) { originPoints.append(o) }
        }
        if !originPoints.isEmpty {
            let id = symbols.id(.circle, r: sizes.quantised(2.6 * k))
            doc.raw("<g class=\"origins\">")
            for o in originPoints { doc.use(id, x: o.x, y: o.y, cls: "og") }
            doc.raw("</g>")
            stats.origins = originPoints.count
        }

        // Key towns (reference dots under the events).
        let townR = sizes.quantised(2.4 * k)
        if !towns.isEmpty {
            let id = symbols.id(.circle, r: townR)
            doc.raw("<g class=\"towns\">")
            for town in towns { doc.use(id, x: town.point.x, y: town.point.y, cls: "tw") }
            doc.raw("</g>")
        }

        // Events: largest first so small symbols stay on top; exact duplicates nudged apart.
        var placedEvents: [PanelEvent] = []
        doc.raw("<g class=\"events\">")
        for var e in inFrame.sorted(by: { $0.r != $1.r ? $0.r > $1.r : $0.event.item.event.eventID < $1.event.item.event.eventID }) {
            let twins = placedEvents.filter { hypot($0.point.x - e.point.x, $0.point.y - e.point.y) < 1.2 }.count
            if twins > 0 {
                let angle = Double(twins) * 2.4 + 0.8, d = max(3 * k, e.r * 0.7)
                e.point = Coordinate(e.point.x + cos(angle) * d, e.point.y + sin(angle) * d)
                stats.dodged += 1
            }
            doc.raw("<use href=\"#\(symbols.id(e.event.category.shape, r: e.r))\" class=\"\(e.event.style.cssClass)\"")
            doc.attr("x", e.point.x); doc.attr("y", e.point.y)
            doc.raw("><title>"); doc.escaped(Self.tooltip(e.event.item)); doc.raw("</title></use>")
            placedEvents.append(e)
        }
        doc.raw("</g>")
        doc.raw("</g>")
        stats.drawn = inFrame.count

        // Labels, in priority order.
        var placer = LabelPlacer(frame: frame)
        for e in placedEvents { placer.addObstacle(e.box) }
        for o in originPoints { placer.addObstacle(Envelope(minX: o.x - 3, minY: o.y - 3, maxX: o.x + 3, maxY: o.y + 3)) }
        for t in towns { placer.addObstacle(Envelope(minX: t.point.x - townR, minY: t.point.y - townR, maxX: t.point.x + townR, maxY: t.point.y + townR)) }
        if let furniture { placer.addObstacle(furniture) }
        for box in covered { placer.addObstacle(box) }

        let focusCentres = base.provinces.filter { SVGMapRenderer.focusIDs.contains($0.unit.id) }.compactMap(\.labelPoint)
        let prefer = focusCentres.isEmpty ? frame.center
            : Coordinate(focusCentres.map(\.x).reduce(0, +) / Double(focusCentres.count), focusCentres.map(\.y).reduce(0, +) / Double(focusCentres.count))
        if borderLabel { placer.placeAlong(BorderDerivation.label, breakAt: "(", lines: base.borderLines, style: LabelStyle(cls: "lb", size: 9.5 * k), prefer: prefer, gap: 4 * k) }

        let countryStyle = LabelStyle(cls: "lc", size: 12 * k, letterSpacing: 2.5 * k, uppercase: true)
        for country in base.countries.sorted(by: { ($0.unit.id == "AFG" || $0.unit.id == "PAK" ? 0 : 1, -$0.labelRoom) < ($1.unit.id == "AFG" || $1.unit.id == "PAK" ? 0 : 1, -$1.labelRoom) }) {
            guard let p = country.labelPoint, country.labelRoom > 9 * k,
                  countryStyle.width(country.unit.name) < country.labelRoom * 3.4 else { continue }
            placer.placeCentred(country.unit.name, at: p, style: countryStyle, room: country.labelRoom * 0.6)
        }
        let focusStyle = LabelStyle(cls: "lf", size: 11 * k, bold: true, letterSpacing: 0.6 * k)
        for province in base.provinces where SVGMapRenderer.focusIDs.contains(province.unit.id) {
            guard let p = province.labelPoint else { continue }
            if !placer.placeCentred(province.unit.name, at: p, style: focusStyle, room: province.labelRoom, recordDrop: false) {
                placer.placeCentred(province.unit.name, at: p, style: focusStyle, room: province.labelRoom, ignoreObstacles: true)
            }
        }
        let townStyle = LabelStyle(cls: "lt", size: 9.5 * k)
        var labelled = Set<String>()
        for town in towns {
            if placer.placeBeside(town.name, point: town.point, r: townR, style: townStyle, recordDrop: false)
                || placer.placeBeside(town.name, point: town.point, r: townR, style: townStyle, ignoreObstacles: true) {
                labelled.insert(town.name)
            }
        }
        let provinceStyle = LabelStyle(cls: "lp", size: 9 * k)
        for province in base.provinces where !SVGMapRenderer.focusIDs.contains(province.unit.id) {
            guard let p = province.labelPoint, provinceStyle.width(province.unit.name) < province.labelRoom * 2.2 else { continue }
            placer.placeCentred(province.unit.name, at: p, style: provinceStyle, room: province.labelRoom * 0.5)
        }
        let districtStyle = LabelStyle(cls: "ld", size: 8.5 * k)
        for hq in hqPoints where !labelled.contains(hq.name) && frame.contains(hq.point) {
            if placer.placeBeside(hq.name, point: hq.point, r: max(hq.r, 3 * k), style: districtStyle) { labelled.insert(hq.name) }
        }
        doc.raw("<g class=\"labels\">")
        placer.write(to: doc)
        doc.raw("</g>")
        stats.dropped = placer.dropped
        return stats
    }
}
