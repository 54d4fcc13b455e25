/// A layer that looks the same in every panel of one size (boundary fills and lines): drawn once, into `<defs>`.
protocol SharedMapLayer: Sendable {
    func draw(into defs: SVGDocument, template: PanelTemplate) throws
}

/// Shared layers drawn once into `<g id="…">` in `<defs>` and placed in each panel with one `<use>`.
struct SharedLayerGroup: MapLayer {
    let id: String
    let clippedToFrame: Bool
    let layers: [any SharedMapLayer]

    func define(into defs: SVGDocument, template: PanelTemplate) throws {
        defs.raw("<g id=\"\(template.prefix)\(id)\">")
        for layer in layers { try layer.draw(into: defs, template: template) }
        defs.raw("</g>\n")
    }

    func draw(into svg: SVGDocument, context: inout MapDrawingContext) throws {
        svg.use(context.template.prefix + id)
    }
}
