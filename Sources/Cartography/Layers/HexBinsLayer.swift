/// Hexagonal bins of equal area shaded by the measure's class, each with its value in a tooltip; under the
/// boundary lines, so the border and the province outlines stay visible through them.
struct HexBinsLayer: MapLayer {
    let clippedToFrame = true

    func draw(into svg: SVGDocument, context: inout MapDrawingContext) throws {
        guard context.style.mode == .hexbin, let classes = context.style.aggregateClasses else { return }
        let measure = context.style.measure
        svg.raw("<g class=\"hexbins\">")
        for bin in context.aggregate.bins where bin.value > 0 && context.frame.expanded(by: 20).contains(bin.centre) {
            svg.path(cls: "hx cs\(classes.index(bin.value))", title: measure.describe(bin.value) + (measure == .events ? "" : " (\(bin.events) events)")) { out in
                var writer = PathWriter()
                writer.appendRing(bin.outline, closed: true, to: &out)
            }
            context.stats.drawn += bin.events
        }
        svg.raw("</g>")
    }
}
