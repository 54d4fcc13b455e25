/// The scale bar in km, measured with PROJ at the map centre, on a box in the furniture corner.
struct ScaleBarLayer: MapLayer {
    func draw(into svg: SVGDocument, context: inout MapDrawingContext) throws {
        guard let corner = context.template.furniture else { return }
        svg.rect(x: corner.minX, y: corner.minY, width: corner.width, height: corner.height, cls: "box")
        let km = context.projection.kilometresPerPixel(at: context.frame.center) ?? 1
        ScaleBar.write(to: svg, x: corner.minX + 14, y: corner.minY + 14, kmPerPixel: km, maxWidth: corner.width - 70)
    }
}
