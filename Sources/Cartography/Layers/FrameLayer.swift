/// The line round the panel's frame.
struct FrameLayer: MapLayer {
    let cls: String

    func draw(into svg: SVGDocument, context: inout MapDrawingContext) throws {
        svg.rect(x: 0, y: 0, width: context.frame.width, height: context.frame.height, cls: cls)
    }
}
