import GeoKit

/// The grid of panels (one, or one per year) that gives the largest map scale in the map area.
struct PanelGrid {
    static let gap = 12.0

    let columns: Int
    let panelWidth: Double
    let panelHeight: Double
    /// Height of the line over each small multiple that names its year.
    let titleHeight: Double
    let area: Envelope

    init(panels count: Int, area: Envelope, extent: Envelope, titled: Bool) {
        let titleHeight = titled ? 17.0 : 0
        var best = (columns: 1, scale: 0.0, width: area.width, height: area.height - titleHeight)
        for columns in 1...max(count, 1) {
            let rows = (count + columns - 1) / columns
            let width = (area.width - Double(columns - 1) * Self.gap) / Double(columns)
            let height = (area.height - Double(rows - 1) * Self.gap) / Double(rows) - titleHeight
            guard width > 40, height > 40 else { continue }
            let scale = min(width / extent.width, height / extent.height)
            if scale > best.scale { best = (columns, scale, width, height) }
        }
        columns = best.columns
        panelWidth = best.width
        panelHeight = best.height
        self.titleHeight = titleHeight
        self.area = area
    }

    /// Every panel's frame, in its own pixels.
    var frame: Envelope { Envelope(minX: 0, minY: 0, maxX: panelWidth.rounded(.down), maxY: panelHeight.rounded(.down)) }

    /// Symbols, lines and text of small multiples shrink with the panel (a 760 × 560 px panel draws at full size).
    var smallMultipleScale: Double { min(1, max(0.55, (panelWidth * panelHeight / (760.0 * 560.0)).squareRoot())) }

    /// The top left corner of panel `index` (row by row) on the page.
    func origin(ofPanel index: Int) -> Coordinate {
        let column = index % columns, row = index / columns
        return Coordinate((area.minX + Double(column) * (panelWidth + Self.gap)).rounded(),
                          (area.minY + Double(row) * (panelHeight + titleHeight + Self.gap) + titleHeight).rounded())
    }
}
