import Foundation
import GeoKit
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis

/// What to draw and how.
public struct SVGMapOptions: Sendable {
    public var title = "Reported conflict events in the Afghanistan–Pakistan border region"
    public var page = try! PageSize(parsing: "a4-landscape")
    /// Page margin in px.
    public var margin = 22.0
    /// A projected CRS (EPSG code or PROJ string); nil for Albers equal-area fitted to the extent.
    public var projection: String?
    /// Fit the map to this named province or country (name or id) instead of the four focus provinces plus events.
    public var extent: String?
    /// One panel per year with a shared legend.
    public var facetByYear = false
    public var theme = MapThemeKind.light
    /// Where the events come from, for the credits ("GeoData/samples/events.csv").
    public var eventSource = ""
    /// The filters applied to the events, named in the subtitle.
    public var filter = EventFilter()
    /// Points, or an aggregate (chosen from the data with `auto`).
    public var symbols = SymbolMode.auto
    /// What aggregates measure.
    public var measure = MapMeasure.events
    /// How shading classes are cut, and how many (3–7).
    public var classification = ClassMethod.quantile
    public var classCount = 5
    /// Draw the groups' reported bases (GeoData/group_origins.csv) whose period overlaps the map's dates.
    public var groupBases = false
    /// District areas in km² (official outlines) for `--measure rate`; computed when nil and needed.
    public var districtAreas: [String: Double]?
    /// Outlines simplified once in lon/lat (`DisplayOutlines.load`), drawn instead of the full ones wherever the
    /// map's scale allows; nil draws the full outlines.
    public var displayOutlines: DisplayOutlines?
    /// Called after each stage of the drawing with its name and milliseconds (for tuning); nil measures nothing.
    public var onStage: (@Sendable (String, Double) -> Void)?

    public init() {}
}

/// What a rendered map holds.
public struct SVGMapResult: Sendable {
    public var svg: [UInt8] = []
    public var eventsGiven = 0
    public var eventsDrawn = 0
    /// Unresolved, or located only to a province or country: no honest point to draw.
    public var eventsWithoutPoint = 0
    public var eventsOutsideFrame = 0
    public var panels = 0
    public var years: [Int] = []
    public var linksDrawn = 0
    /// How events were symbolised on the main map (and in the inset, when it has one).
    public var symbols: SymbolMode = .points
    public var insetSymbols: SymbolMode?
    /// Reports not drawn because they are located only to a province or a country (counted in the margin table).
    public var eventsCoarse = 0
    public var groupBasesDrawn = 0
    /// The Line of Control and its note are on the map.
    public var lineOfControl = false
    public var labelsDropped: [String] = []
    public var notes: [String] = []

    public init(svg: [UInt8] = [], years: [Int] = [], labelsDropped: [String] = [], notes: [String] = []) {
        self.svg = svg
        self.years = years
        self.labelsDropped = labelsDropped
        self.notes = notes
    }
}

extension SVGMapResult {
    static let dodgedNote = "co-located events offset slightly"

    mutating func add(_ stats: PanelStats) {
        eventsDrawn += stats.drawn
        eventsOutsideFrame += stats.outside
        linksDrawn += stats.links
        labelsDropped += stats.dropped
        if stats.dodged > 0, !notes.contains(Self.dodgedNote) { notes.append(Self.dodgedNote) }
    }
}

/// Renders geocoded events as a publication-quality SVG map (MAPS.md): PROJ projection fitted to the extent,
/// boundary layers clipped and simplified at map scale, district symbols or choropleth, the border with its neutral
/// label, origin → event links, event symbols by type, size and attribution, labels without overlap, legend,
/// scale bar, north arrow, title, subtitle and credits — each a layer (`PanelLayers`, `PageLayers`).
/// Single-threaded: it owns one GEOS and one PROJ context.
public enum SVGMapRenderer {
    public static func render(_ events: [GeocodedEvent], gazetteer: Gazetteer, boundaries: BoundaryData,
                              options: SVGMapOptions) throws -> SVGMapResult {
        try MapProfile.measuring(options.onStage) {
            try renderMeasured(events, gazetteer: gazetteer, boundaries: boundaries, options: options)
        }
    }

    private static func renderMeasured(_ events: [GeocodedEvent], gazetteer: Gazetteer, boundaries: BoundaryData,
                                       options: SVGMapOptions) throws -> SVGMapResult {
        let plan = try MapPlan(events: events, gazetteer: gazetteer, boundaries: boundaries, options: options, context: GEOSContext())
        var result = plan.emptyResult
        let panels = try PanelsLayer.drawPanels(plan, result: &result)
        let doc = SVGDocument()
        doc.openRoot(page: options.page, title: options.title,
                     description: MapTexts.description(mapped: plan.mappedCount, result: result, boundaries: boundaries),
                     css: plan.style.theme.css(k: plan.style.k, shading: plan.shadingColours, aggregate: plan.aggregateColours))
        let page = MapPage(plan: plan, panels: panels)
        for layer in PageLayers.all { try layer.draw(into: doc, page: page) }
        doc.raw("\n</svg>\n")
        result.svg = doc.bytes
        MapProfile.mark("panels and page")
        return result
    }

    /// Renders and writes atomically.
    @discardableResult
    public static func write(_ events: [GeocodedEvent], gazetteer: Gazetteer, boundaries: BoundaryData,
                             options: SVGMapOptions, to path: String) throws -> SVGMapResult {
        var result = try render(events, gazetteer: gazetteer, boundaries: boundaries, options: options)
        let file = try AtomicFile(path: path)
        file.write(bytes: result.svg)
        try file.commit()
        result.svg = []
        return result
    }
}
