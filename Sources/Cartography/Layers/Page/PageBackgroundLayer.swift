/// The page's paper.
struct PageBackgroundLayer: PageLayer {
    func draw(into doc: SVGDocument, page: MapPage) throws {
        let size = page.plan.options.page
        doc.rect(x: 0, y: 0, width: size.width, height: size.height, cls: "pg")
        doc.byte(10)
    }
}
