import Foundation
import GeoKit

/// Origin → event links from the origins claimed for the events: curved to the right of travel, width by count,
/// arrowhead at the event end; domestic first, cross-border on top; thin over thick.
struct LinksLayer: MapLayer {
    let clippedToFrame = true

    func draw(into svg: SVGDocument, context: inout MapDrawingContext) throws {
        let k = context.style.k
        let links = MapLink.aggregated(context.events, k: k)
            .sorted { ($0.crossBorder ? 1 : 0, -$0.count) < ($1.crossBorder ? 1 : 0, -$1.count) }
        guard !links.isEmpty else { return }
        svg.raw("<g class=\"links\">")
        for link in links {
            let dx = link.target.x - link.origin.x, dy = link.target.y - link.origin.y
            let length = hypot(dx, dy)
            // Bend to the right of travel by a fifth of the length.
            let control = Coordinate((link.origin.x + link.target.x) / 2 - dy * 0.2, (link.origin.y + link.target.y) / 2 + dx * 0.2)
            let startBack = 3.2 * k
            let toControl = max(hypot(control.x - link.origin.x, control.y - link.origin.y), 0.01)
            let sx = link.origin.x + (control.x - link.origin.x) / toControl * startBack
            let sy = link.origin.y + (control.y - link.origin.y) / toControl * startBack
            let ex = link.target.x - control.x, ey = link.target.y - control.y
            let el = max(hypot(ex, ey), 0.01)
            let back = min(link.targetRadius + 1.5 * k, length * 0.4)
            let end = Coordinate(link.target.x - ex / el * back, link.target.y - ey / el * back)
            let cls = (link.crossBorder ? "lx" : "ln") + " w\(link.widthClass)" + (link.groupBase ? " gb" : "")
            svg.raw("<path class=\"\(cls)\" marker-end=\"url(#\(link.crossBorder ? "ax" : "an"))\" d=\"M")
            svg.num(sx); svg.byte(32); svg.num(sy); svg.byte(81)
            svg.num(control.x); svg.byte(32); svg.num(control.y); svg.byte(32); svg.num(end.x); svg.byte(32); svg.num(end.y)
            svg.raw("\"/>")
            context.stats.links += 1
        }
        svg.raw("</g>")
    }
}
