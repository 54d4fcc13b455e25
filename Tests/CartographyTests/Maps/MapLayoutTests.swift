import Foundation
import GeoKit
import Testing
@testable import EventModel
@testable import GeoReference
@testable import Cartography
import EventSimulation
@testable import Jobs
import TestSupport

/// The page holds together whatever the data: nothing drawn outside the page; legend, scale bar, footer, title and
/// map frames never overlap; the inset sits inside its map clear of the scale bar; labels stay in their frame; no
/// text under 6 pt. Checked on boxes read back from the SVG written, for the sample map and for 6,000 events
/// concentrated as real conflict data is (single map, year facets, inset, each aggregate).
@Suite struct MapLayoutTests {
    static let generated = ConflictLikeEvents.make(count: 6000, gazetteer: SharedGeoData.gazetteer)

    static func render(_ events: [GeocodedEvent], _ configure: (inout SVGMapOptions) -> Void = { _ in }) throws -> (svg: String, result: SVGMapResult) {
        var options = SVGMapOptions()
        configure(&options)
        let (text, result) = try MapSamples.renderChecked(events, options: options)
        return (text, result)
    }

    static func within(_ inner: Envelope, _ outer: Envelope, tolerance: Double = 0.5) -> Bool {
        inner.minX >= outer.minX - tolerance && inner.minY >= outer.minY - tolerance && inner.maxX <= outer.maxX + tolerance && inner.maxY <= outer.maxY + tolerance
    }

    static func overlap(_ a: Envelope, _ b: Envelope) -> Bool {
        min(a.maxX, b.maxX) - max(a.minX, b.minX) > 0.5 && min(a.maxY, b.maxY) - max(a.minY, b.minY) > 0.5
    }

    /// Every layout invariant of one page; returns what was read for more checks.
    @discardableResult
    static func checkLayout(_ svg: String, panels: Int, inset: Bool? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> SVGLayout {
        let layout = try SVGLayout(svg: svg)
        let page = Envelope(minX: 0, minY: 0, maxX: layout.pageWidth, maxY: layout.pageHeight)
        let outside = layout.items.filter { !within($0.box, page) }
        #expect(outside.isEmpty, "drawn outside the page: \(outside.prefix(5).map { "\($0.tag).\($0.cls) \($0.text) \($0.box)" })", sourceLocation: sourceLocation)

        let frames = layout.panelFrames
        #expect(frames.count == panels, "panel frames: \(frames.count)", sourceLocation: sourceLocation)
        let legend = try #require(layout.legendBox, sourceLocation: sourceLocation)
        let credits = try #require(layout.creditsBox, sourceLocation: sourceLocation)
        let title = try #require(layout.titleBox, sourceLocation: sourceLocation)
        for (name, a, b) in [("legend/credits", legend, credits), ("legend/title", legend, title), ("credits/title", credits, title)] {
            #expect(!overlap(a, b), "\(name) overlap: \(a) \(b)", sourceLocation: sourceLocation)
        }
        for (i, frame) in frames.enumerated() {
            for (name, box) in [("legend", legend), ("credits", credits), ("title", title)] {
                #expect(!overlap(frame, box), "panel \(i) overlaps the \(name): \(frame) \(box)", sourceLocation: sourceLocation)
            }
            for other in frames[(i + 1)...] { #expect(!overlap(frame, other), "panels overlap", sourceLocation: sourceLocation) }
        }
        // Panel titles (the year and its count) stay off every frame.
        for heading in layout.items.filter({ ($0.cls == "pt" || $0.cls == "lgs") && !$0.groups.contains("legend") && $0.panel == nil }) {
            #expect(!frames.contains { overlap($0, heading.box) }, "panel title over a frame: \(heading.text)", sourceLocation: sourceLocation)
        }
        // The scale bar and north arrow of a single map: inside its frame (never across its edge), clear of the inset.
        for furniture in layout.furnitureBoxes {
            let frame = try #require(frames.first { overlap($0, furniture) }, sourceLocation: sourceLocation)
            #expect(within(furniture, frame.expanded(by: -1)), "scale bar across the frame: \(furniture) \(frame)", sourceLocation: sourceLocation)
            for box in layout.insetFrames { #expect(!overlap(furniture, box), "scale bar under the inset", sourceLocation: sourceLocation) }
            #expect(!overlap(furniture, legend) && !overlap(furniture, credits), sourceLocation: sourceLocation)
        }
        if let inset { #expect(layout.insetFrames.count == (inset ? 1 : 0), "insets: \(layout.insetFrames.count)", sourceLocation: sourceLocation) }
        for box in layout.insetFrames {
            #expect(frames.contains { within(box, $0) }, "inset outside its map", sourceLocation: sourceLocation)
            let labels = layout.items.filter { $0.groups.contains("inset") && $0.groups.contains("labels") && $0.tag == "text" }
            #expect(labels.allSatisfy { within($0.box, box) }, "inset label outside the inset", sourceLocation: sourceLocation)
        }
        // Labels inside their panel.
        for label in layout.items where label.groups.contains("labels") && label.tag == "text" && !label.groups.contains("inset") {
            let frame = label.panel.map { frames[$0] }
            #expect(frame.map { within(label.box, $0) } ?? false, "label outside its frame: \(label.text)", sourceLocation: sourceLocation)
        }
        // No text under 6 pt at the drawing's size (8 CSS px).
        let small = layout.stylesheetFontSizes.filter { $0.value < MapTheme.minimumFontSize }
        #expect(small.isEmpty, "font sizes under 8 px: \(small)", sourceLocation: sourceLocation)
        return layout
    }

    @Test func sampleMapHoldsTogether() throws {
        let (svg, result) = try Self.render(MapSamples.events)
        #expect(result.symbols == .points)
        try Self.checkLayout(svg, panels: 1, inset: true)
        let (facets, facetResult) = try Self.render(MapSamples.events) { $0.facetByYear = true }
        try Self.checkLayout(facets, panels: facetResult.panels)
        var portrait = SVGMapOptions()
        portrait.page = try PageSize(parsing: "letter-portrait")
        let (tall, _) = try MapSamples.renderChecked(MapSamples.events, options: portrait)
        try Self.checkLayout(tall, panels: 1)
    }

    @Test func thousandsOfConcentratedEventsAreAggregatedAndHoldTogether() throws {
        let events = Self.generated
        #expect(events.count >= 5000)
        let (svg, result) = try Self.render(events)
        #expect(result.symbols == .graduated, "dense data is aggregated: \(result.symbols)")
        #expect(result.eventsCoarse > 100, "province- and country-level rows counted, not drawn")
        let layout = try Self.checkLayout(svg, panels: 1, inset: true)
        #expect(svg.contains("<g class=\"graduated\">"))
        let legend = layout.items(in: "legend").map(\.text).joined(separator: " ")
        #expect(legend.contains("Province only") && legend.contains("Country only"), "margin table: \(legend)")
        #expect(legend.contains("located only to a district"))
        // Circles sit inside their districts: each is cut to its district's outline.
        #expect(SVGText.captures("<g clip-path=\"url\\(#(i?cd[0-9]+)\\)\"><circle class=\"gs", in: svg).count >= 20)
    }

    @Test func yearFacetsOfThousandsOfEventsHoldTogether() throws {
        let (svg, result) = try Self.render(Self.generated) { $0.facetByYear = true }
        #expect(result.panels == 6)
        try Self.checkLayout(svg, panels: 6)
    }

    @Test func eachAggregateHoldsTogether() throws {
        let (hex, hexResult) = try Self.render(Self.generated) { $0.symbols = .hexbin }
        #expect(hexResult.symbols == .hexbin)
        let hexLayout = try Self.checkLayout(hex, panels: 1)
        #expect(hexLayout.items.filter { $0.cls.hasPrefix("hx cs") }.count > 30)
        #expect(hex.contains("class=\"dh\""), "district-level reports hollow at their district, not binned")
        let (rate, rateResult) = try Self.render(Self.generated) {
            $0.measure = .rate
            $0.classification = .jenks
            $0.classCount = 6
        }
        #expect(rateResult.symbols == .choropleth)
        let rateLayout = try Self.checkLayout(rate, panels: 1)
        #expect(rateLayout.items(in: "legend").contains { $0.text.contains("per 1,000 km²") })
        #expect(rate.contains("class=\"dl cs6\""), "six classes")
    }

    @Test func classBreaksAndScales() {
        let values = [1.0, 1, 2, 2, 3, 4, 5, 8, 13, 21, 34, 55, 89, 144, 233]
        let quantile = ClassBreaks(values: values, method: .quantile, count: 5, wholeNumbers: true)
        #expect(quantile.count == 5 && quantile.uppers.last == 233)
        #expect(quantile.index(0) == 0 && quantile.index(1) == 1 && quantile.index(233) == 5)
        let equal = ClassBreaks(values: values, method: .equal, count: 4, wholeNumbers: true)
        #expect(equal.uppers == [59, 117, 175, 233])
        let jenks = ClassBreaks(values: [1, 2, 3, 10, 11, 12, 50, 51, 52], method: .jenks, count: 3, wholeNumbers: true)
        #expect(jenks.uppers == [3, 12, 52], "natural breaks find the three clusters: \(jenks.uppers)")
        #expect(jenks.label(2) == "4–12")
        // One outlier does not shrink the rest: capped, and the legend shows values that occur.
        let scale = ProportionalScale(values: [1, 2, 2, 3, 3, 4, 5, 5, 6, 7, 9, 400], maxRadius: 20, minRadius: 2)
        #expect(scale.capped && scale.cap < 400 && scale.radius(400) == 20)
        #expect(scale.legendValues.allSatisfy { [1, 2, 3, 4, 5, 6, 7, 9, 400].contains($0) })
    }
}
