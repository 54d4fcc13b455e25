/// The sea (or whatever lies outside every country) under the whole frame.
struct BackgroundLayer: SharedMapLayer {
    func draw(into defs: SVGDocument, template: PanelTemplate) throws {
        defs.rect(x: 0, y: 0, width: template.frame.width, height: template.frame.height, cls: "sea")
    }
}
