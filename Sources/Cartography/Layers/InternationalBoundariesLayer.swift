/// International boundaries as lines (the Line of Control is not one: `LineOfControlLayer` draws it apart).
struct InternationalBoundariesLayer: SharedMapLayer {
    func draw(into defs: SVGDocument, template: PanelTemplate) throws {
        if let lines = template.boundaries.international { defs.outline(lines, cls: "cb") }
    }
}
