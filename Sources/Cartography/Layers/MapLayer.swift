/// One layer of a map panel, drawn in panel pixels. `PanelLayers` lists the layers in drawing order; a new layer
/// is a new file and one line there.
protocol MapLayer: Sendable {
    /// Whether the layer is drawn inside the panel's clip to its frame (consecutive clipped layers share one clip group).
    var clippedToFrame: Bool { get }
    /// Writes into `<defs>` what every panel drawn from `template` shares (outlines defined once, placed with `<use>`).
    func define(into defs: SVGDocument, template: PanelTemplate) throws
    /// Draws the layer into one panel.
    func draw(into svg: SVGDocument, context: inout MapDrawingContext) throws
}

extension MapLayer {
    var clippedToFrame: Bool { false }
    func define(into defs: SVGDocument, template: PanelTemplate) throws {}
}
