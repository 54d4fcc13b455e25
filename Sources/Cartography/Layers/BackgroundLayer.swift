/// Under the whole frame: land that no country outline covers (unnamed), then the sea.
struct BackgroundLayer: SharedMapLayer {
    func draw(into defs: SVGDocument, template: PanelTemplate) throws {
        defs.rect(x: 0, y: 0, width: template.frame.width, height: template.frame.height, cls: "nd")
        if let sea = template.boundaries.sea { defs.outline(sea, cls: "sea") }
    }
}
