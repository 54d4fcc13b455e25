/// One layer of the page around the map panels, drawn in the order `PageLayers.all` lists.
protocol PageLayer: Sendable {
    func draw(into doc: SVGDocument, page: MapPage) throws
}

/// What the page layers draw from: the plan, and the panels, already drawn.
struct MapPage {
    let plan: MapPlan
    let panels: SVGDocument
}

/// The page, top to bottom of the document. A new page layer is a new file and one line here.
enum PageLayers {
    static let all: [any PageLayer] = [
        DefinitionsLayer(),
        PageBackgroundLayer(),
        TitleLayer(),
        PanelsLayer(),
        LegendLayer(),
        CreditsLayer(),
    ]
}
