import GeoKit

/// The reported origins of the events' groups, one dot per place (within a pixel).
struct OriginsLayer: MapLayer {
    let clippedToFrame = true

    func draw(into svg: SVGDocument, context: inout MapDrawingContext) throws {
        var origins: [Coordinate] = []
        for e in context.events {
            guard let o = e.origin, context.frame.contains(o) else { continue }
            if !origins.contains(where: { abs($0.x - o.x) < 1 && abs($0.y - o.y) < 1 }) { origins.append(o) }
        }
        for o in origins { context.labels.addObstacle(Envelope(minX: o.x - 3, minY: o.y - 3, maxX: o.x + 3, maxY: o.y + 3)) }
        guard !origins.isEmpty else { return }
        let style = context.style
        let id = style.symbols.id(.circle, r: style.sizes.quantised(2.6 * style.k))
        svg.raw("<g class=\"origins\">")
        for o in origins { svg.use(id, x: o.x, y: o.y, cls: "og") }
        svg.raw("</g>")
    }
}
