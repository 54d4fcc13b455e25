import GeoKit
import EventModel
import GeoReference

/// Everything a map page is drawn from, worked out before anything is drawn: the events with a point, the
/// projection fitted to the extent, the page layout, the grid of panels and the template they are all drawn from
/// (with the scale bar corner and the inset), and the legend of what they show.
struct MapPlan {
    let options: SVGMapOptions
    let boundaries: BoundaryData
    let mapped: [MapEvent]
    let eventsGiven: Int
    let years: [Int]
    /// One entry per panel: its year, or nil for the single map.
    let panelYears: [Int?]
    let layout: PageLayout
    let grid: PanelGrid
    let template: PanelTemplate
    /// Every mapped event, in panel pixels.
    let events: [PanelEvent]
    let legend: Legend

    var style: MapStyle { template.style }
    var projection: MapProjection { template.projection }

    init(events given: [GeocodedEvent], gazetteer: Gazetteer, boundaries: BoundaryData, options: SVGMapOptions,
         context: GEOSContext) throws {
        let mapped = given.compactMap(MapEvent.init)
        let theme = MapTheme(options.theme)
        let official = !boundaries.districtSource.isApproximate
        let extent = try MapExtent(mapped: mapped, boundaries: boundaries, options: options, context: context)
        let years = Array(Set(mapped.map(\.year))).sorted()
        let panelYears: [Int?] = options.facetByYear ? (years.isEmpty ? [nil] : years.map { $0 }) : [nil]
        let layout = PageLayout(options: options, mapped: mapped, eventsGiven: given.count, years: years, boundaries: boundaries,
                                extent: extent, theme: theme)
        let grid = PanelGrid(panels: panelYears.count, area: layout.mapArea, extent: extent.projected, titled: options.facetByYear)
        let k = options.facetByYear ? grid.smallMultipleScale : 1
        let sizes = SymbolSizes(k: k)
        let frame = grid.frame, projection = extent.projection
        projection.fit(extent.projected, into: frame, padding: 14 * k)

        let events = mapped.map { PanelEvent(event: $0, sizes: sizes, projection: projection) }
        let inFrame = events.filter { $0.point.x.isFinite && frame.contains($0.point) }
        func inPanel(_ year: Int?) -> [PanelEvent] { inFrame.filter { year == nil || $0.event.year == year! } }
        let maxCount = panelYears.map { PanelEvent.districtCounts(inPanel($0)).values.max() ?? 0 }.max() ?? 0
        let style = MapStyle(k: k, sizes: sizes, theme: theme, symbols: SymbolDefinitions(), officialDistricts: official,
                             classes: ChoroplethClasses(maximum: maxCount))

        // The scale bar corner, then an inset where events crowd (single maps only).
        let furniture = options.facetByYear ? nil : Self.emptiestCorner(of: frame, events: events)
        let inset = options.facetByYear || options.extent != nil ? nil
            : try InsetPlan.make(mapped: mapped, main: projection, mainFrame: frame, mainEvents: inFrame, avoid: furniture,
                                 boundaries: boundaries, gazetteer: gazetteer, style: style, context: context)
        let template = try PanelTemplate(frame: frame, projection: projection, style: style, boundaries: boundaries, gazetteer: gazetteer,
                                         context: context, furniture: furniture, inset: inset, covered: inset.map { [$0.box] } ?? [])

        let links = panelYears.flatMap { MapLink.aggregated(inPanel($0), k: k) }
        var legend = MapLegendBuilder(theme: theme, sizes: sizes, symbols: style.symbols, k: k).build(
            events: inFrame, official: official, counts: PanelEvent.districtCounts(inFrame), breaks: style.classes,
            linkClasses: Set(links.map(\.widthClass)), linkKinds: Set(links.map(\.crossBorder)), groupBase: links.contains { $0.groupBase },
            origins: inFrame.contains { $0.origin.map(frame.contains) ?? false }, towns: !template.towns.isEmpty, boundaries: boundaries)
        legend.columnWidth = PageLayout.legendWidth
        if !options.facetByYear { legend.sections.removeAll { $0.title.isEmpty } }

        self.options = options
        self.boundaries = boundaries
        self.mapped = mapped
        eventsGiven = given.count
        self.years = years
        self.panelYears = panelYears
        self.layout = layout
        self.grid = grid
        self.template = template
        self.events = events
        self.legend = legend
    }

    /// The result before any panel is drawn.
    var emptyResult: SVGMapResult {
        var result = SVGMapResult(years: options.facetByYear ? years : [])
        result.eventsGiven = eventsGiven
        result.eventsWithoutPoint = eventsGiven - mapped.count
        result.panels = panelYears.count
        return result
    }

    /// The frame corner for the scale bar and north arrow that holds the fewest events.
    static func emptiestCorner(of frame: Envelope, events: [PanelEvent]) -> Envelope {
        let w = 190.0, h = 40.0, inset = 8.0
        let corners = [
            Envelope(minX: inset, minY: frame.maxY - inset - h, maxX: inset + w, maxY: frame.maxY - inset),
            Envelope(minX: frame.maxX - inset - w, minY: frame.maxY - inset - h, maxX: frame.maxX - inset, maxY: frame.maxY - inset),
            Envelope(minX: inset, minY: inset, maxX: inset + w, maxY: inset + h),
            Envelope(minX: frame.maxX - inset - w, minY: inset, maxX: frame.maxX - inset, maxY: inset + h),
        ]
        return corners.min { a, b in
            events.filter { a.expanded(by: 6).contains($0.point) }.count < events.filter { b.expanded(by: 6).contains($0.point) }.count
        }!
    }
}
