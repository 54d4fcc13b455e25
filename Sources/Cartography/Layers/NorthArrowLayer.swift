/// The north arrow, turned to true north at the map centre, at the right of the furniture corner.
struct NorthArrowLayer: MapLayer {
    func draw(into svg: SVGDocument, context: inout MapDrawingContext) throws {
        guard let corner = context.template.furniture else { return }
        NorthArrow.write(to: svg, cx: corner.maxX - 22, cy: corner.minY + corner.height / 2 + 4,
                         angle: context.projection.northAngle(at: context.frame.center), size: 22)
    }
}
