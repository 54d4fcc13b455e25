import Foundation
import GeoKit

/// Origin → event links from the origins claimed for the events: curved to the right of travel, width by count,
/// arrowhead at the event end; domestic first, cross-border on top; thin over thick. Each names who asserted the
/// origin in its tooltip. Labels keep off the links while they can.
struct LinksLayer: MapLayer {
    let clippedToFrame = true

    func draw(into svg: SVGDocument, context: inout MapDrawingContext) throws {
        let k = context.style.k
        var all = context.links ?? MapLink.aggregated(context.events, k: k)
        if !context.drawsPoints, all.count > MapLink.aggregateLimit {
            all = Array(all.sorted { $0.count > $1.count }.prefix(MapLink.aggregateLimit))
        }
        let links = all
            .sorted { ($0.crossBorder ? 1 : 0, -$0.count) < ($1.crossBorder ? 1 : 0, -$1.count) }
        try context.template.labelBarriers.setSoft(links.map { $0.polyline(k: k) })
        guard !links.isEmpty else { return }
        svg.raw("<g class=\"links\">")
        for link in links {
            let (start, control, end) = link.curve(k: k)
            let cls = (link.crossBorder ? "lx" : "ln") + " w\(link.widthClass)"
            svg.raw("<path class=\"\(cls)\" marker-end=\"url(#\(link.crossBorder ? "ax" : "an"))\" d=\"M")
            svg.num(start.x); svg.byte(32); svg.num(start.y); svg.byte(81)
            svg.num(control.x); svg.byte(32); svg.num(control.y); svg.byte(32); svg.num(end.x); svg.byte(32); svg.num(end.y)
            svg.raw("\"><title>"); svg.escaped(link.tooltip); svg.raw("</title></path>")
            context.stats.links += 1
        }
        svg.raw("</g>")
    }
}
