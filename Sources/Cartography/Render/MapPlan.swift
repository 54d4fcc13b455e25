import GeoKit
import EventModel
import GeoReference

/// Everything a map page is drawn from, worked out before anything is drawn: the events with a point, the
/// projection fitted to the extent, the page layout, the grid of panels, how events are symbolised (points or an
/// aggregate, chosen from their density), what each panel's events add up to, the template every panel is drawn
/// from (with the scale bar corner and the inset), the reports that cannot be drawn, and the legend.
struct MapPlan {
    let options: SVGMapOptions
    let boundaries: BoundaryData
    let mappedCount: Int
    let eventsGiven: Int
    let years: [Int]
    /// One entry per panel: its year, or nil for the single map.
    let panelYears: [Int?]
    let layout: PageLayout
    let grid: PanelGrid
    let template: PanelTemplate
    /// Per panel: the events drawn one by one (under an aggregate, only those with an origin line), in panel pixels.
    let panelEvents: [[PanelEvent]]
    /// Per panel: what its events add up to, and its origin → event links.
    let aggregates: [PanelAggregate]
    let panelLinks: [[MapLink]]
    let choice: SymbolChoice
    let coarse: CoarseReports
    let legend: Legend
    /// The whole legend did not fit its box (before `Legend.fitted`), and the height it needs in one column.
    let legendOverflowed: Bool
    let legendNeeded: Double
    let shadingColours: [String]
    let aggregateColours: [String]

    var style: MapStyle { template.style }
    var projection: MapProjection { template.projection }

    /// What the events are, before any pixel: those with a point, by year; the extent; the years.
    private struct Facts {
        let mapped: [MapEvent]
        let byYear: [Int: [MapEvent]]
        let extent: MapExtent
        let years: [Int]
        let panelYears: [Int?]
        let countryNames: [String: String]
        /// Reports not drawn at all, and those too when districts are aggregated (also those outside the mapped districts).
        let provincialCoarse: CoarseReports
        let districtCoarse: CoarseReports
        /// The busiest panel's points (events not located only to a district), and the share of events with a district.
        let busiestPoints: [Coordinate]
        let busiestCount: Int
        let districtShare: Double
        let districtLevel: Int
        /// District aggregates do not depend on the layout: worked out once for all layout passes.
        let aggregates = AggregateCache()
        /// Nor does the line work in lon/lat.
        let lines: BoundaryLines

        func events(_ year: Int?) -> [MapEvent] { year.map { byYear[$0] ?? [] } ?? mapped }
    }

    init(events given: [GeocodedEvent], gazetteer: Gazetteer, boundaries: BoundaryData, options: SVGMapOptions,
         context: GEOSContext) throws {
        MapProfile.mark("start")
        let (mapped, summary) = MapEvent.all(given)
        MapProfile.mark("events")
        let byYear = options.facetByYear ? Dictionary(grouping: mapped, by: \.year) : [:]
        let extent = try MapExtent(mapped: mapped, box: summary.box, boundaries: boundaries, options: options, context: context)
        let years = summary.eventsPerYear.keys.sorted()
        let countryNames = Dictionary(boundaries.countries.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let panelYears: [Int?] = options.facetByYear ? (years.isEmpty ? [nil] : years.map { $0 }) : [nil]
        let busiest = panelYears.max { (summary.eventsPerYear[$0 ?? 0] ?? 0) < (summary.eventsPerYear[$1 ?? 0] ?? 0) } ?? nil
        var busiestPoints: [Coordinate] = []
        let busiestEvents = busiest.flatMap { byYear[$0] } ?? mapped
        if busiestEvents.count - (busiest == nil ? summary.districtLevel : 0) <= SymbolChoice.pointLimit {
            for event in busiestEvents where !event.districtLevel { busiestPoints.append(event.lonLat) }
        }
        let districtCoarse = CoarseReports(given, countryNames: countryNames, countOutsideDistricts: true)
        var provincialCoarse = districtCoarse
        provincialCoarse.outsideDistricts = [:]
        MapProfile.mark("extent, years, busiest, coarse")
        let facts = Facts(mapped: mapped, byYear: byYear, extent: extent, years: years, panelYears: panelYears, countryNames: countryNames,
                          provincialCoarse: provincialCoarse, districtCoarse: districtCoarse, busiestPoints: busiestPoints,
                          busiestCount: busiest.map { summary.eventsPerYear[$0] ?? 0 } ?? (mapped.count - summary.districtLevel),
                          districtShare: mapped.isEmpty ? 1 : Double(summary.withDistrict) / Double(mapped.count),
                          districtLevel: summary.districtLevel, lines: try BoundaryLines(boundaries, context: context))
        let subtitle = MapTexts.subtitle(summary, mapped: mapped.count, total: given.count, options: options, years: years, coarse: facts.provincialCoarse)
        func layout(kashmir: Bool, legendHeight: Double?, columns: Int) -> PageLayout {
            PageLayout(options: options, subtitle: subtitle,
                       credits: MapTexts.credits(boundaries: boundaries, options: options, projection: extent.projection, kashmir: kashmir),
                       legendHeight: legendHeight, legendColumns: columns)
        }
        // Laid out again (at most twice) when the credits' Kashmir note or the legend's room turn out wrong.
        MapProfile.mark("subtitle")
        var kashmir = try Self.showsKashmir(facts, layout: layout(kashmir: false, legendHeight: nil, columns: 1), boundaries: boundaries,
                                            options: options, context: context)
        var legendHeight: Double?, columns = 1
        var plan: MapPlan!
        for _ in 0..<3 {
            let page = layout(kashmir: kashmir, legendHeight: legendHeight, columns: columns)
            plan = try MapPlan(facts: facts, given: given, layout: page, gazetteer: gazetteer, boundaries: boundaries,
                               options: options, context: context)
            var again = plan.template.boundaries.showsKashmir != kashmir
            kashmir = plan.template.boundaries.showsKashmir
            if plan.legendOverflowed {
                if page.isPortrait, legendHeight == nil { legendHeight = plan.legendNeeded; again = true }
                if !page.isPortrait, columns == 1 { columns = 2; again = true }
            }
            MapProfile.mark("layout pass (legend columns \(columns), Kashmir note \(kashmir), again \(again))")
            if !again { break }
        }
        self = plan
    }

    /// Whether the frame of `layout` shows any of Jammu and Kashmir (a cheap look before the credits are set).
    private static func showsKashmir(_ facts: Facts, layout: PageLayout, boundaries: BoundaryData, options: SVGMapOptions,
                                     context: GEOSContext) throws -> Bool {
        let grid = PanelGrid(panels: facts.panelYears.count, area: layout.mapArea, extent: facts.extent.projected, titled: options.facetByYear)
        let k = options.facetByYear ? grid.smallMultipleScale : 1
        facts.extent.projection.fit(facts.extent.projected, into: grid.frame, padding: 14 * k)
        let pipeline = MapGeometryPipeline(projection: facts.extent.projection, clip: grid.frame, context: context)
        for unit in boundaries.provinces where LineOfControl.provinceIDs.contains(unit.id) {
            if let framed = try pipeline.framed(Geometry(wkb: unit.wkb, in: context)), (try? framed.area()) ?? 0 > 0.01 { return true }
        }
        return false
    }

    private init(facts: Facts, given: [GeocodedEvent], layout: PageLayout, gazetteer: Gazetteer, boundaries: BoundaryData,
                 options: SVGMapOptions, context: GEOSContext) throws {
        let theme = MapTheme(options.theme)
        let official = !boundaries.districtSource.isApproximate
        let grid = PanelGrid(panels: facts.panelYears.count, area: layout.mapArea, extent: facts.extent.projected, titled: options.facetByYear)
        let k = options.facetByYear ? grid.smallMultipleScale : 1
        let sizes = SymbolSizes(k: k)
        let frame = grid.frame, projection = facts.extent.projection
        projection.fit(facts.extent.projected, into: frame, padding: 14 * k)

        // A sample of the events' pixels (every event up to 20,000) for density: the mode, the corner, the inset.
        let step = max(1, facts.mapped.count / 20_000)
        var sample = stride(from: 0, to: facts.mapped.count, by: step).map { facts.mapped[$0].lonLat }
        projection.project(&sample)
        var busiestPoints = facts.busiestPoints
        if busiestPoints.count <= SymbolChoice.pointLimit {
            projection.project(&busiestPoints)
            busiestPoints = busiestPoints.filter(frame.contains)
        }
        MapProfile.mark("sample")
        let choice = SymbolChoice(asked: options.symbols, measure: options.measure, points: busiestPoints, count: facts.busiestCount,
                                  cell: 2 * sizes.minimum + 3,
                                  officialDistricts: official, districtShare: facts.districtShare)
        let mode = choice.mode

        // What each panel adds up to, and the classes and sizes every panel shares.
        let areas = options.measure.isRate ? try (options.districtAreas ?? DistrictAreas.compute(boundaries)) : [:]
        let kmPerPixel = projection.kilometresPerPixel(at: frame.center) ?? 1
        let hexBins = mode == .hexbin ? HexBins(pixels: 16 * k, kmPerPixel: kmPerPixel) : nil
        let equalArea = mode == .hexbin ? try EqualArea.transform(for: projection) : nil
        let aggregates = try facts.panelYears.map { year in
            try facts.aggregates.aggregate(year: year, mode: mode, measure: options.measure) {
                try PanelAggregate.make(facts.events(year), mode: mode, measure: options.measure, areas: areas, hexBins: hexBins,
                                        equalArea: equalArea, projection: projection)
            }
        }
        MapProfile.mark("aggregates")
        var style = MapStyle(k: k, sizes: sizes, theme: theme, symbols: SymbolDefinitions(), officialDistricts: official)
        style.mode = mode
        style.measure = options.measure
        style.hexBins = hexBins
        let values = aggregates.flatMap { $0.values(for: mode) }
        switch mode {
        case .points, .auto:
            if official { style.districtShading = ClassBreaks(values: values, method: options.classification, count: options.classCount, wholeNumbers: true) }
        case .choropleth, .hexbin:
            style.aggregateClasses = ClassBreaks(values: values, method: options.classification, count: options.classCount,
                                                 wholeNumbers: options.measure.wholeNumbers)
        case .graduated:
            style.proportional = ProportionalScale(values: values, maxRadius: min(max(40 / kmPerPixel, 8 * k), 26 * k), minRadius: 2 * k)
        }
        if mode == .hexbin {
            style.proportional = ProportionalScale(values: aggregates.flatMap { $0.districtLevel.values.map(Double.init) },
                                                   maxRadius: 12 * k, minRadius: 3 * k)
        }

        // Groups' reported bases, when asked for, for the map's dates.
        var bases: [GroupBase] = []
        if options.groupBases, let first = facts.years.first, let last = facts.years.last {
            let from = options.filter.from?.year ?? first, to = options.filter.to?.year ?? last
            bases = GroupBase.selected(from: gazetteer, overlapping: min(from, to)...max(from, to))
        }

        // The scale bar corner, then an inset where events crowd (single maps only).
        let furniture = options.facetByYear ? nil : Self.emptiestCorner(of: frame, points: sample)
        let inset = options.facetByYear || options.extent != nil ? nil
            : try InsetPlan.make(InsetPlan.Inputs(mapped: facts.mapped, sample: sample, main: projection, mainFrame: frame, avoid: furniture,
                                                  style: style, options: options, areas: areas, groupBases: bases,
                                                  mainAggregate: aggregates[0], lines: facts.lines),
                                 boundaries: boundaries, gazetteer: gazetteer, context: context)
        MapProfile.mark("inset")
        let template = try PanelTemplate(frame: frame, projection: projection, style: style, boundaries: boundaries, gazetteer: gazetteer,
                                         context: context, furniture: furniture, inset: inset, covered: inset.map { [$0.box] } ?? [],
                                         groupBases: bases, lines: facts.lines, display: options.displayOutlines)
        let panelEvents = facts.panelYears.map { year -> [PanelEvent] in
            let events = facts.events(year)
            return PanelEvent.place(mode == .points ? events : events.filter { $0.origin != nil }, sizes: sizes, projection: projection,
                                    districts: template.districtPlaces)
        }

        MapProfile.mark("template, panel events")
        // The legend of what every panel and the inset draw.
        let inFrame = panelEvents.flatMap { $0.filter { $0.point.x.isFinite && frame.contains($0.point) } }
        var modes: Set<SymbolMode> = [mode]
        if let inset { modes.insert(inset.mode) }
        let coarse = mode == .graduated || mode == .choropleth ? facts.districtCoarse : facts.provincialCoarse
        var builder = MapLegendBuilder(style: style, coarse: coarse, boundaries: boundaries)
        builder.modes = modes
        builder.pointEvents = mode == .points ? facts.mapped : (inset?.mode == .points ? inset!.inside : [])
        builder.aggregateReason = choice.reason
        builder.districtLevelAggregated = mode == .graduated || mode == .choropleth ? facts.districtLevel : 0
        // Under an aggregate, only the largest flows are drawn (a fan of thousands of lines hides the map); the legend
        // says how many are left out.
        var linksLeftOut = 0
        let panelLinks = panelEvents.map { events -> [MapLink] in
            let links = MapLink.aggregated(events.filter { $0.point.x.isFinite && frame.contains($0.point) }, k: k)
            guard mode != .points, links.count > MapLink.aggregateLimit else { return links }
            linksLeftOut += links.count - MapLink.aggregateLimit
            return Array(links.sorted { $0.count != $1.count ? $0.count > $1.count : $0.originPlace + $0.eventPlace < $1.originPlace + $1.eventPlace }
                .prefix(MapLink.aggregateLimit))
        }
        builder.links = panelLinks.flatMap { $0 }
        builder.linksLeftOut = linksLeftOut
        builder.origins = inFrame.contains { $0.origin.map(frame.contains) ?? false }
        var asserters: [String?] = inFrame.filter { $0.origin != nil }.map { $0.event.drawableOrigin?.claim.assertedBy }
        if modes.contains(.points) {
            for event in builder.pointEvents { asserters += event.countryClaims.map { $0.claim.assertedBy } }
        }
        builder.asserters = asserters
        builder.groupBases = !template.groupBases.isEmpty
        builder.towns = !template.towns.isEmpty
        builder.kashmir = template.boundaries.showsKashmir
        if !official { builder.approximateCounts = aggregates.first?.districtEvents ?? [:] }
        var legend = builder.build()
        legend.columnWidth = PageLayout.legendWidth
        let box = layout.legendBox
        let room = Envelope(minX: box.minX, minY: box.minY, maxX: box.maxX, maxY: box.maxY - layout.furnitureHeight)
        legendOverflowed = !legend.fits(room)
        legendNeeded = legend.singleColumnHeight()
        legend = legend.fitted(to: room)

        MapProfile.mark("legend")
        self.options = options
        self.boundaries = boundaries
        mappedCount = facts.mapped.count
        eventsGiven = given.count
        years = facts.years
        panelYears = facts.panelYears
        self.layout = layout
        self.grid = grid
        self.template = template
        self.panelEvents = panelEvents
        self.aggregates = aggregates
        self.panelLinks = panelLinks
        self.choice = choice
        self.coarse = coarse
        self.legend = legend
        shadingColours = SequentialPalette.colours(classes: style.districtShading?.count ?? 0, measure: .events, underPoints: true)
        aggregateColours = SequentialPalette.colours(classes: style.aggregateClasses?.count ?? 0, measure: options.measure, underPoints: false)
    }

    /// The result before any panel is drawn.
    var emptyResult: SVGMapResult {
        var result = SVGMapResult(years: options.facetByYear ? years : [])
        result.eventsGiven = eventsGiven
        result.eventsWithoutPoint = eventsGiven - mappedCount
        result.eventsCoarse = coarse.provinceLevel.values.reduce(0, +) + coarse.countryLevel.values.reduce(0, +)
        result.panels = panelYears.count
        result.symbols = style.mode
        result.insetSymbols = template.inset?.mode
        result.groupBasesDrawn = template.groupBases.filter { template.frame.contains($0.point) }.count
        result.lineOfControl = template.boundaries.showsKashmir
        return result
    }

    /// The frame corner for the scale bar and north arrow that holds the fewest events.
    static func emptiestCorner(of frame: Envelope, points: [Coordinate]) -> Envelope {
        let w = 190.0, h = 40.0, inset = 8.0
        let corners = [
            Envelope(minX: inset, minY: frame.maxY - inset - h, maxX: inset + w, maxY: frame.maxY - inset),
            Envelope(minX: frame.maxX - inset - w, minY: frame.maxY - inset - h, maxX: frame.maxX - inset, maxY: frame.maxY - inset),
            Envelope(minX: inset, minY: inset, maxX: inset + w, maxY: inset + h),
            Envelope(minX: frame.maxX - inset - w, minY: inset, maxX: frame.maxX - inset, maxY: inset + h),
        ]
        let counts = corners.map { corner in points.filter { corner.expanded(by: 6).contains($0) }.count }
        return corners[counts.indices.min { counts[$0] < counts[$1] }!]
    }
}
