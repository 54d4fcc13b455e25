/// Country outlines as international boundary lines.
struct InternationalBoundariesLayer: SharedMapLayer {
    func draw(into defs: SVGDocument, template: PanelTemplate) throws {
        for country in template.boundaries.countries { defs.outline(country.outline, cls: "cb") }
    }
}
