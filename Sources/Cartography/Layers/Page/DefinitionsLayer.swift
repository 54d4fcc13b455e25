/// `<defs>`: the hatching of attributed events, the link arrowheads, every symbol used, and what the panel layers
/// define once for all panels (the boundary groups, district outlines, the inset's).
struct DefinitionsLayer: PageLayer {
    func draw(into doc: SVGDocument, page: MapPage) throws {
        let style = page.plan.style
        doc.raw("<defs>")
        doc.raw("<pattern id=\"hatch\" patternUnits=\"userSpaceOnUse\" width=\"3.5\" height=\"3.5\" patternTransform=\"rotate(45)\">")
        doc.raw("<rect width=\"3.5\" height=\"3.5\" fill=\"#fff\"/><path d=\"M0 0V3.5\" stroke=\"\(style.theme.attributed)\" stroke-width=\"1.5\"/></pattern>")
        // A country-level claim's pointer: an open chevron, quieter than a link's head.
        doc.raw("<marker id=\"ac\" viewBox=\"0 0 10 10\" refX=\"8\" refY=\"5\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"")
        doc.attr("markerWidth", 6 * style.k); doc.attr("markerHeight", 6 * style.k)
        doc.raw("><path d=\"M1 1L9 5 1 9\" fill=\"none\" stroke=\"#333\" stroke-width=\"1.6\"/></marker>")
        for (id, colour) in [("an", style.theme.linkDomestic), ("ax", style.theme.linkCross)] {
            let s = 7 * style.k
            doc.raw("<marker id=\"\(id)\" viewBox=\"0 0 10 10\" refX=\"8\" refY=\"5\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"")
            doc.attr("markerWidth", s); doc.attr("markerHeight", s)
            doc.raw("><path d=\"M0 1L10 5 0 9z\" fill=\"\(colour)\"/></marker>")
        }
        style.symbols.write(to: doc)
        doc.byte(10)
        try PanelLayers.define(PanelLayers.main, into: doc, template: page.plan.template)
        doc.raw("</defs>\n")
    }
}
