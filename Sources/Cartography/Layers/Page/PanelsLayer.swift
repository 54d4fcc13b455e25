/// The map panels in their grid: the single map, or one small multiple per year with its year and event count
/// over it. They are drawn before the rest of the page (`drawPanels`), because what they draw decides the symbols
/// `<defs>` holds and the notes of the description; `draw` then places them.
struct PanelsLayer: PageLayer {
    func draw(into doc: SVGDocument, page: MapPage) throws {
        doc.bytes += page.panels.bytes
        doc.byte(10)
    }

    static func drawPanels(_ plan: MapPlan, result: inout SVGMapResult) throws -> SVGDocument {
        let body = SVGDocument()
        for (index, year) in plan.panelYears.enumerated() {
            let origin = plan.grid.origin(ofPanel: index)
            let events = plan.panelEvents[index], aggregate = plan.aggregates[index]
            if let year {
                let count = plan.style.mode == .points ? events.count : aggregate.districtEvents.values.reduce(0, +) + aggregate.bins.map(\.events).reduce(0, +)
                body.text("\(year)", x: origin.x, y: origin.y - 5, cls: "pt")
                body.text("\(count) event\(count == 1 ? "" : "s")",
                          x: origin.x + TextMetrics.width("\(year)", size: 12, bold: true) + 6, y: origin.y - 5, cls: "lgs")
            }
            body.openTranslated(x: origin.x, y: origin.y, extra: year.map { " id=\"y\($0)\" class=\"panel\"" } ?? " class=\"panel\"")
            var context = MapDrawingContext(template: plan.template, events: events, aggregate: aggregate)
            context.links = plan.panelLinks[index]
            try PanelLayers.draw(PanelLayers.main, into: body, context: &context)
            body.close("g")
            body.byte(10)
            result.add(context.stats)
        }
        return body
    }
}
