/// The inset at a larger scale where events crowd, set over an empty corner, with the rectangle of its area
/// outlined on the main map.
struct InsetLayer: MapLayer {
    func define(into defs: SVGDocument, template: PanelTemplate) throws {
        guard let inset = template.inset else { return }
        try PanelLayers.define(PanelLayers.inset, into: defs, template: inset.template)
    }

    func draw(into svg: SVGDocument, context: inout MapDrawingContext) throws {
        guard let inset = context.template.inset else { return }
        let outline = inset.outline
        svg.rect(x: outline.minX, y: outline.minY, width: outline.width, height: outline.height, cls: "inr")
        svg.openTranslated(x: inset.box.minX, y: inset.box.minY, extra: " class=\"inset\"")
        var insetContext = MapDrawingContext(template: inset.template, events: inset.events, aggregate: inset.aggregate)
        try PanelLayers.draw(PanelLayers.inset, into: svg, context: &insetContext)
        svg.close("g")
        context.stats.dropped += insetContext.stats.dropped
    }
}
