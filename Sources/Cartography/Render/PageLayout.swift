import GeoKit
import GeoReference

/// Where things go on the page: the header (title and subtitle), the credits at the foot, the legend as a column
/// at the right (landscape) or a band over the credits (portrait), and the map area between them.
struct PageLayout {
    static let legendWidth = 232.0
    static let creditSize = 8.0
    static let creditLineHeight = 10.0

    let subtitleLines: [String]
    let creditLines: [String]
    let creditsTop: Double
    let legendBox: Envelope
    let mapArea: Envelope
    /// Room at the foot of the legend for the scale bar and north arrow shared by small multiples.
    let furnitureHeight: Double

    /// `legendHeight`: the height the legend needs in one column (portrait pages give the band that height, up to
    /// 45% of the page; nil: a third of the page); `legendColumns`: columns of a landscape page's legend (two when
    /// one is too short: the map usually loses no scale, being fitted to the height).
    init(options: SVGMapOptions, subtitle: String, credits: String, legendHeight: Double?, legendColumns: Int = 1) {
        let page = options.page, m = options.margin
        subtitleLines = LabelStyle(cls: "st", size: 11).wrap(subtitle, width: page.width - 2 * m)
        let headerBottom = m + 26 + Double(subtitleLines.count) * 14
        creditLines = LabelStyle(cls: "cr", size: Self.creditSize).wrap(credits, width: page.width - 2 * m)
        creditsTop = page.height - m - Double(creditLines.count) * Self.creditLineHeight + 2
        let furniture = options.facetByYear ? 50.0 : 0
        furnitureHeight = furniture
        isPortrait = page.width < page.height * 1.05
        if !isPortrait {
            let width = Double(legendColumns) * Self.legendWidth + Double(legendColumns - 1) * 16
            legendBox = Envelope(minX: page.width - m - width, minY: headerBottom + 4, maxX: page.width - m, maxY: creditsTop - 8)
            mapArea = Envelope(minX: m, minY: headerBottom + 4, maxX: legendBox.minX - 16, maxY: creditsTop - 8)
        } else {
            let columns = max(1, Int((page.width - 2 * m + 16) / (Self.legendWidth + 16)))
            let needed = legendHeight.map { $0 / Double(columns) + 24 + furniture } ?? page.height / 3
            let height = min(max(needed, 120), page.height * 0.45)
            legendBox = Envelope(minX: m, minY: creditsTop - 8 - height, maxX: page.width - m, maxY: creditsTop - 8)
            mapArea = Envelope(minX: m, minY: headerBottom + 4, maxX: page.width - m, maxY: legendBox.minY - 12)
        }
    }

    let isPortrait: Bool
}
