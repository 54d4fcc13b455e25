/// The title, and the subtitle: dates, counts by attribution, filters.
struct TitleLayer: PageLayer {
    func draw(into doc: SVGDocument, page: MapPage) throws {
        let m = page.plan.options.margin
        doc.text(page.plan.options.title, x: m, y: m + 16, cls: "ti")
        for (i, line) in page.plan.layout.subtitleLines.enumerated() { doc.text(line, x: m, y: m + 34 + Double(i) * 14, cls: "st") }
        doc.byte(10)
    }
}
