/// The credits line: boundary and event sources, what the map does not claim, the projection.
struct CreditsLayer: PageLayer {
    func draw(into doc: SVGDocument, page: MapPage) throws {
        let layout = page.plan.layout, m = page.plan.options.margin
        for (i, line) in layout.creditLines.enumerated() { doc.text(line, x: m, y: layout.creditsTop + 6 + Double(i) * 9.5, cls: "cr") }
    }
}
