import GeoKit

/// Key towns as reference dots under the events.
struct TownsLayer: MapLayer {
    let clippedToFrame = true

    func draw(into svg: SVGDocument, context: inout MapDrawingContext) throws {
        let towns = context.template.towns
        let r = context.style.townRadius
        for town in towns {
            context.labels.addObstacle(Envelope(minX: town.point.x - r, minY: town.point.y - r, maxX: town.point.x + r, maxY: town.point.y + r))
        }
        guard !towns.isEmpty else { return }
        let id = context.style.symbols.id(.circle, r: r)
        svg.raw("<g class=\"towns\">")
        for town in towns { svg.use(id, x: town.point.x, y: town.point.y, cls: "tw") }
        svg.raw("</g>")
    }
}
