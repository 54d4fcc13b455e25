/// The Line of Control in Jammu and Kashmir as its own dotted line over a light casing (which hides the province
/// edges beneath), distinct from international boundaries; the note that goes with it is in the legend and credits.
struct LineOfControlLayer: SharedMapLayer {
    func draw(into defs: SVGDocument, template: PanelTemplate) throws {
        guard let line = template.boundaries.lineOfControl else { return }
        defs.outline(line, cls: "locc")
        defs.outline(line, cls: "loc")
    }
}
