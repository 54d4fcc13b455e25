/// Where district areas are approximate: each district's total as a circle at its headquarters (area ∝ count),
/// largest first so small circles stay on top.
struct DistrictTotalsLayer: MapLayer {
    let clippedToFrame = true

    func draw(into svg: SVGDocument, context: inout MapDrawingContext) throws {
        guard !context.style.officialDistricts, !context.headquarters.isEmpty else { return }
        let symbols = context.style.symbols
        svg.raw("<g class=\"district-totals\">")
        for hq in context.headquarters.sorted(by: { $0.r > $1.r }) {
            svg.use(symbols.id(.circle, r: hq.r), x: hq.point.x, y: hq.point.y, cls: "dc")
        }
        svg.raw("</g>")
    }
}
