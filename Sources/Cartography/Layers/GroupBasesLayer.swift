import GeoKit

/// Groups' reported bases, only when asked for (`--group-bases`): a separate layer of open squares, each with the
/// claim and its asserter in a tooltip; no line joins them to any event.
struct GroupBasesLayer: MapLayer {
    let clippedToFrame = true

    func draw(into svg: SVGDocument, context: inout MapDrawingContext) throws {
        let bases = context.template.groupBases.filter { context.frame.contains($0.point) }
        guard !bases.isEmpty else { return }
        let style = context.style
        let id = style.symbols.id(.square, r: style.sizes.quantised(3.2 * style.k))
        svg.raw("<g class=\"group-bases\">")
        for base in bases {
            svg.raw("<use href=\"#\(id)\" class=\"gbm\""); svg.attr("x", base.point.x); svg.attr("y", base.point.y)
            svg.raw("><title>"); svg.escaped(base.tooltip); svg.raw("</title></use>")
            let h = 4 * style.k
            context.labels.addObstacle(Envelope(minX: base.point.x - h, minY: base.point.y - h, maxX: base.point.x + h, maxY: base.point.y + h))
        }
        svg.raw("</g>")
    }
}
