/// The Afghanistan–Pakistan border, emphasised: a casing line under the line itself. Its label is placed with the
/// other labels (`LabelsLayer`), first.
struct BorderLayer: SharedMapLayer {
    func draw(into defs: SVGDocument, template: PanelTemplate) throws {
        guard let border = template.boundaries.border else { return }
        defs.outline(border, cls: "bdc")
        defs.outline(border, cls: "bd")
    }
}
