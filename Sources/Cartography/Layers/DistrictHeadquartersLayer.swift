/// Over official outlines: a small dot at the headquarters of each district with events (its label goes beside it).
struct DistrictHeadquartersLayer: MapLayer {
    let clippedToFrame = true

    func draw(into svg: SVGDocument, context: inout MapDrawingContext) throws {
        guard context.style.officialDistricts, !context.headquarters.isEmpty else { return }
        let id = context.style.symbols.id(.circle, r: context.style.sizes.quantised(1.8 * context.style.k))
        svg.raw("<g class=\"district-hq\">")
        for hq in context.headquarters { svg.use(id, x: hq.point.x, y: hq.point.y, cls: "tw") }
        svg.raw("</g>")
    }
}
