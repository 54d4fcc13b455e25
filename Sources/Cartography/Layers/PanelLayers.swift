/// The layers of a map panel, bottom to top.
enum PanelLayers {
    /// What every panel shows: the main map, each small multiple and the inset.
    static let map: [any MapLayer] = [
        SharedLayerGroup(id: "base", clippedToFrame: true, layers: [BackgroundLayer(), CountriesLayer(), ProvincesLayer()]),
        DistrictsLayer(),
        HexBinsLayer(),
        SharedLayerGroup(id: "basetop", clippedToFrame: true, layers: [
            FocusProvinceOutlinesLayer(), InternationalBoundariesLayer(), LineOfControlLayer(), BorderLayer(),
        ]),
        GraduatedSymbolsLayer(),
        DistrictTotalsLayer(),
        DistrictHeadquartersLayer(),
        GroupBasesLayer(),
        LinksLayer(),
        OriginsLayer(),
        TownsLayer(),
        DistrictLevelReportsLayer(),
        EventsLayer(),
        LabelsLayer(),
    ]

    /// The main map and each small multiple.
    static let main: [any MapLayer] = map + [ScaleBarLayer(), NorthArrowLayer(), InsetLayer(), FrameLayer(cls: "fr")]

    /// The inset, over the main map.
    static let inset: [any MapLayer] = map + [InsetHeaderLayer(), FrameLayer(cls: "ins")]

    /// The definitions of the panels drawn from `template`: the clip to the frame, then each layer's.
    static func define(_ layers: [any MapLayer], into defs: SVGDocument, template: PanelTemplate) throws {
        let frame = template.frame
        defs.raw("<clipPath id=\"\(template.prefix)pc\">")
        defs.rect(x: 0, y: 0, width: frame.width, height: frame.height, cls: "pg")
        defs.raw("</clipPath>\n")
        for layer in layers { try layer.define(into: defs, template: template) }
    }

    /// Draws one panel, layer by layer; each run of layers clipped to the frame goes into one clip group.
    static func draw(_ layers: [any MapLayer], into svg: SVGDocument, context: inout MapDrawingContext) throws {
        var clipped = false
        for layer in layers {
            if layer.clippedToFrame != clipped {
                svg.raw(clipped ? "</g>" : "<g clip-path=\"url(#\(context.template.prefix)pc)\">")
                clipped.toggle()
            }
            try layer.draw(into: svg, context: &context)
        }
        if clipped { svg.raw("</g>") }
    }
}
