import GeoKit
import GeoReference

/// Where things go on the page: the header (title and subtitle), the credits at the foot, the legend as a column
/// at the right (landscape) or a band over the credits (portrait), and the map area between them.
struct PageLayout {
    static let legendWidth = 232.0

    let subtitleLines: [String]
    let creditLines: [String]
    let creditsTop: Double
    let legendBox: Envelope
    let mapArea: Envelope
    /// Room at the foot of the legend for the scale bar and north arrow shared by small multiples.
    let furnitureHeight: Double

    init(options: SVGMapOptions, mapped: [MapEvent], eventsGiven: Int, years: [Int], boundaries: BoundaryData,
         extent: MapExtent, theme: MapTheme) {
        let page = options.page, m = options.margin
        subtitleLines = LabelStyle(cls: "st", size: 11).wrap(MapTexts.subtitle(mapped: mapped, total: eventsGiven, options: options, years: years),
                                                             width: page.width - 2 * m)
        let headerBottom = m + 26 + Double(subtitleLines.count) * 14
        creditLines = LabelStyle(cls: "cr", size: 7.5).wrap(MapTexts.credits(boundaries: boundaries, options: options, projection: extent.projection),
                                                            width: page.width - 2 * m)
        creditsTop = page.height - m - Double(creditLines.count) * 9.5 + 2
        furnitureHeight = options.facetByYear ? 50 : 0
        if page.width >= page.height * 1.05 {
            legendBox = Envelope(minX: page.width - m - Self.legendWidth, minY: headerBottom + 4, maxX: page.width - m, maxY: creditsTop - 8)
            mapArea = Envelope(minX: m, minY: headerBottom + 4, maxX: legendBox.minX - 16, maxY: creditsTop - 8)
        } else {
            let columns = max(1, Int((page.width - 2 * m + 16) / (Self.legendWidth + 16)))
            let needed = Self.measuredLegend(options: options, mapped: mapped, boundaries: boundaries, extent: extent, theme: theme)
                .singleColumnHeight() / Double(columns) + 70 + furnitureHeight
            let height = min(max(needed, 120), page.height * 0.45)
            legendBox = Envelope(minX: m, minY: creditsTop - 8 - height, maxX: page.width - m, maxY: creditsTop - 8)
            mapArea = Envelope(minX: m, minY: headerBottom + 4, maxX: page.width - m, maxY: legendBox.minY - 12)
        }
    }

    /// The legend of a provisional fit (the map over the top half of the page), to give a portrait legend band the
    /// height it needs.
    private static func measuredLegend(options: SVGMapOptions, mapped: [MapEvent], boundaries: BoundaryData,
                                       extent: MapExtent, theme: MapTheme) -> Legend {
        let page = options.page, m = options.margin
        let provisional = Envelope(minX: 0, minY: 0, maxX: page.width - 2 * m, maxY: page.height * 0.5)
        extent.projection.fit(extent.projected, into: provisional, padding: 14)
        let sizes = SymbolSizes(k: 1)
        let trial = mapped.map { PanelEvent(event: $0, sizes: sizes, projection: extent.projection) }
        let links = MapLink.aggregated(trial, k: 1)
        var legend = MapLegendBuilder(theme: theme, sizes: sizes, symbols: SymbolDefinitions(), k: 1).build(
            events: trial, official: !boundaries.districtSource.isApproximate, counts: PanelEvent.districtCounts(trial),
            breaks: ChoroplethClasses(maximum: 5), linkClasses: Set(links.map(\.widthClass)), linkKinds: Set(links.map(\.crossBorder)),
            origins: trial.contains { $0.origin != nil }, towns: true, boundaries: boundaries)
        legend.columnWidth = legendWidth
        return legend
    }
}
