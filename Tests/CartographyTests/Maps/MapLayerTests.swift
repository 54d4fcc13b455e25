import Foundation
import GeoKit
import Testing
@testable import Cartography
import TestSupport

/// The map as a list of layers: how panels run them, share definitions, and what the sample map draws in which order.
@Suite struct MapLayerTests {
    /// A layer that writes its name, for watching the order and the clip groups.
    struct Marker: MapLayer, SharedMapLayer {
        let name: String
        var clippedToFrame = false
        func draw(into svg: SVGDocument, context: inout MapDrawingContext) throws { svg.raw(name) }
        func draw(into defs: SVGDocument, template: PanelTemplate) throws { defs.raw(name) }
    }

    /// A 700 × 500 px panel over Afghanistan and Pakistan drawn from the shipped GeoData.
    static func template(furniture: Envelope? = nil) throws -> PanelTemplate {
        let projection = try MapProjection.albers(fitting: Envelope(minX: 60, minY: 24, maxX: 75, maxY: 37))
        let frame = Envelope(minX: 0, minY: 0, maxX: 700, maxY: 500)
        projection.fit(Envelope(minX: -700_000, minY: -700_000, maxX: 700_000, maxY: 700_000), into: frame, padding: 10)
        let style = MapStyle(k: 1, sizes: SymbolSizes(k: 1), theme: MapTheme(.light), symbols: SymbolDefinitions(),
                             officialDistricts: false)
        return try PanelTemplate(frame: frame, projection: projection, style: style, boundaries: SharedGeoData.boundaries,
                                 gazetteer: SharedGeoData.gazetteer, context: GEOSContext(), furniture: furniture)
    }

    static func text(_ doc: SVGDocument) -> String { String(decoding: doc.bytes, as: UTF8.self) }

    @Test func eachRunOfClippedLayersSharesOneClipGroup() throws {
        let layers: [any MapLayer] = [Marker(name: "a"), Marker(name: "b", clippedToFrame: true), Marker(name: "c", clippedToFrame: true),
                                      Marker(name: "d"), Marker(name: "e", clippedToFrame: true)]
        let svg = SVGDocument()
        var context = MapDrawingContext(template: try Self.template(), events: [])
        try PanelLayers.draw(layers, into: svg, context: &context)
        #expect(Self.text(svg) == "a<g clip-path=\"url(#pc)\">bc</g>d<g clip-path=\"url(#pc)\">e</g>")
    }

    @Test func sharedLayersAreDefinedOnceAndPlacedByUse() throws {
        let template = try Self.template()
        let group = SharedLayerGroup(id: "test", clippedToFrame: false, layers: [Marker(name: "x"), BackgroundLayer()])
        let defs = SVGDocument()
        try PanelLayers.define([group, Marker(name: "panel-only")], into: defs, template: template)
        let text = Self.text(defs)
        #expect(text.hasPrefix("<clipPath id=\"pc\"><rect class=\"pg\" x=\"0\" y=\"0\" width=\"700\" height=\"500\"/></clipPath>\n"
            + "<g id=\"test\">x<rect class=\"nd\" x=\"0\" y=\"0\" width=\"700\" height=\"500\"/><path class=\"sea\" d=\"M"),
            "the clip first, then each layer's definitions (land no outline covers, then the sea); a plain layer defines nothing")
        #expect(text.hasSuffix("\"/></g>\n") && text.components(separatedBy: "<path").count == 2)
        let svg = SVGDocument()
        var context = MapDrawingContext(template: template, events: [])
        try PanelLayers.draw([group], into: svg, context: &context)
        #expect(Self.text(svg) == "<use href=\"#test\"/>")
    }

    @Test func theContextKeepsEventsInTheFrameAndLabelsOffTheFurniture() throws {
        let corner = Envelope(minX: 8, minY: 452, maxX: 198, maxY: 492)
        let template = try Self.template(furniture: corner)
        let sizes = template.style.sizes
        let events = PanelEvent.place(MapEvent.all(MapSamples.events).events, sizes: sizes, projection: template.projection)
        let context = MapDrawingContext(template: template, events: events)
        #expect(!context.events.isEmpty)
        #expect(context.events.allSatisfy { template.frame.contains($0.point) })
        #expect(context.stats.outside == events.count - context.events.count)
        #expect(context.labels.obstacles == [corner])
        #expect(context.headquarters.map(\.count) == context.headquarters.map(\.count).sorted(by: >), "most events first")
    }

    @Test func theSampleMapDrawsItsLayersBottomToTop() throws {
        let (svg, _) = try MapSamples.renderChecked(MapSamples.events)
        let panel = try #require(svg.range(of: "class=\"panel\">")).upperBound
        let inPanel = String(svg[panel...])
        // The base map is cut to the frame too (its fills reach 4 px past it, which showed between small multiples).
        let order = ["<g clip-path=\"url(#pc)\">", "<use href=\"#base\"/>", "<use href=\"#basetop\"/>",
                     "<g class=\"links\">", "<g class=\"origins\">", "<g class=\"towns\">", "<g class=\"events\">", "<g class=\"labels\">",
                     "<g class=\"scale\">", "<g class=\"north\"", "class=\"inset\">", "<use href=\"#ibase\"/>", "<rect class=\"fr\""]
        let positions = order.map { inPanel.range(of: $0)?.lowerBound }
        #expect(!positions.contains(nil), "missing: \(zip(order, positions).filter { $0.1 == nil }.map(\.0))")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "layers out of order")
        // Boundary layers are defined once per panel size: the main map's and the inset's.
        let defs = SVGText.defs(svg)
        for id in ["base", "basetop", "ibase", "ibasetop"] { #expect(defs.components(separatedBy: "<g id=\"\(id)\">").count == 2, "\(id)") }
    }
}
