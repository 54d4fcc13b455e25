import GeoKit
import EventModel
import EventFormats
import GeoReference

/// Builds the legend from what the map draws: every symbol, colour and line used, class ranges, values that occur,
/// what could not be drawn (the margin table) and the notes the boundaries need.
struct MapLegendBuilder {
    typealias Swatch = (SVGDocument, Double, Double, Double, Double) -> Void

    let style: MapStyle
    /// The modes drawn (the main map's, and the inset's when it differs).
    var modes: Set<SymbolMode> = [.points]
    /// Events drawn one by one (main map or inset).
    var pointEvents: [MapEvent] = []
    /// Why the map aggregates (from `SymbolChoice`).
    var aggregateReason: String?
    /// Reports located only to a district that an aggregate counts.
    var districtLevelAggregated = 0
    var links: [MapLink] = []
    /// Links not drawn (only the largest flows are, under an aggregate).
    var linksLeftOut = 0
    var origins = false
    /// Asserters of every origin claim drawn as a line or a tag.
    var asserters: [String?] = []
    var groupBases = false
    var towns = false
    var coarse: CoarseReports
    var kashmir = false
    var boundaries: BoundaryData
    /// Counts per district where district areas are approximate (circles at headquarters).
    var approximateCounts: [String: Int] = [:]

    private var k: Double { style.k }
    private var sizes: SymbolSizes { style.sizes }

    func build() -> Legend {
        var legend = Legend()
        if modes.contains(.points) { legend.sections += pointSections() }
        if let section = aggregateSection() { legend.sections.append(section) }
        if let section = originSection() { legend.sections.append(section) }
        if let section = coarseSection() { legend.sections.append(section) }
        legend.sections.append(boundarySection())
        return legend
    }

    private func use(_ shape: SymbolShape, r: Double, cls: String) -> Swatch {
        let id = style.symbols.id(shape, r: r)
        return { doc, x, y, w, h in doc.use(id, x: x + w / 2, y: y + h / 2, cls: cls) }
    }

    private func line(_ classes: [String], extra: String = "") -> Swatch {
        { doc, x, y, w, h in
            for cls in classes {
                doc.raw("<path class=\"\(cls)\"\(extra) d=\"M"); doc.num(x + 2); doc.byte(32); doc.num(y + h / 2)
                doc.byte(104); doc.num(w - 4); doc.raw("\"/>")
            }
        }
    }

    private func rect(_ cls: String) -> Swatch {
        { doc, x, y, w, h in doc.rect(x: x + 4, y: y, width: w - 8, height: h, cls: cls) }
    }

    private func circle(r: Double, cls: String) -> Swatch {
        { doc, x, y, w, h in doc.circle(cx: x + w / 2, cy: y + h / 2, r: r, cls: cls) }
    }

    // MARK: Events drawn one by one

    private func pointSections() -> [LegendSection] {
        var sections: [LegendSection] = []
        let sample = sizes.quantised(4.5 * max(k, 0.8))
        let styles = Set(pointEvents.map(\.style))
        sections.append(LegendSection(
            title: "Attribution (as reported)",
            items: AttributionStyle.allCases.filter(styles.contains).map { style in
                LegendItem(label: style.label, height: 2 * sample + 2, swatch: use(.circle, r: sample, cls: style.cssClass))
            },
            note: "Reports and claims, not verdicts; tooltips name who claims, attributes or denies."))

        let categories = Set(pointEvents.map(\.category))
        sections.append(LegendSection(
            title: "Event type (symbol shape)",
            items: EventCategory.allCases.filter(categories.contains).map { category in
                LegendItem(label: category.label, height: 2 * sample + 2, swatch: use(category.shape, r: sample, cls: "ls"))
            }))

        var sizeItems: [LegendItem] = []
        let figures = pointEvents.filter { !$0.districtLevel }.map(\.fatalities)
        if figures.contains(where: { $0 == nil }) {
            sizeItems.append(LegendItem(label: "Not reported (dashed edge)", height: 2 * sizes.minimum + 2,
                                        swatch: use(.circle, r: sizes.radius(fatalities: nil), cls: "ls fu")))
        }
        if figures.contains(where: { $0 == 0 }) {
            sizeItems.append(LegendItem(label: "None reported", height: 2 * sizes.minimum + 2, swatch: use(.circle, r: sizes.radius(fatalities: 0), cls: "ls")))
        }
        for value in Self.valuesThatOccur(figures.compactMap { $0 }.filter { $0 > 0 }) {
            let r = sizes.radius(fatalities: value)
            sizeItems.append(LegendItem(label: "\(value) reported death\(value == 1 ? "" : "s")", height: 2 * r + 2, width: 2 * r + 4,
                                        swatch: use(.circle, r: r, cls: "ls")))
        }
        if !sizeItems.isEmpty {
            sections.append(LegendSection(title: "Fatalities (symbol area, lowest reported figure)", items: sizeItems))
        }

        var precision = [LegendItem(label: "At a reported point or named place (solid)", height: 2 * sample + 2, swatch: use(.circle, r: sample, cls: "ls"))]
        if pointEvents.contains(where: \.districtLevel) {
            precision.append(LegendItem(label: "Located only to a district: hollow, at the district's centre", height: 2 * sample + 2,
                                        swatch: use(.circle, r: sample, cls: "hu")))
        }
        if pointEvents.contains(where: { !$0.countryClaims.isEmpty }) {
            precision.append(LegendItem(label: "Origin asserted only as a country: a pointer toward it (no place, so no line; asserter in the tooltip)",
                                        height: 12, swatch: { doc, x, y, w, h in
                                            doc.raw("<path class=\"cc\" marker-end=\"url(#ac)\" d=\"M"); doc.num(x + 6); doc.byte(32); doc.num(y + h / 2)
                                            doc.raw("h"); doc.num(w - 12); doc.raw("\"/>")
                                        }))
        }
        sections.append(LegendSection(title: "How precisely located", items: precision, dropOrder: 1))

        if style.officialDistricts, let shading = style.districtShading, shading.count > 0 {
            var items = [LegendItem(label: "No reported events", height: 10, swatch: rect("dl ds0"))]
            for i in 1...shading.count {
                items.append(LegendItem(label: shading.label(i) + (shading.label(i) == "1" ? " event" : " events"), height: 10, swatch: rect("dl ds\(i)")))
            }
            sections.append(LegendSection(title: "Reported events per district", items: items,
                                          note: "Classes: \(shading.method.label)." + districtOutlineNote, dropOrder: 2))
        } else if !style.officialDistricts, let maxCount = approximateCounts.values.max(), maxCount > 0 {
            var values = [1]
            if maxCount >= 4 { values.append(maxCount >= 10 ? 5 : maxCount / 2) }
            if maxCount > 1 { values.append(maxCount) }
            sections.append(LegendSection(
                title: "Reported events per district",
                items: values.map { v in
                    let r = sizes.districtRadius(count: v)
                    return LegendItem(label: "\(v) event\(v == 1 ? "" : "s")", height: 2 * r + 2, width: 2 * r + 4, swatch: use(.circle, r: r, cls: "dc"))
                },
                note: "District areas approximate: totals are drawn at district headquarters, no district lines."))
        }
        return sections
    }

    private var districtOutlineNote: String {
        boundaries.sources.count > 1 ? " District outlines: " + boundaries.sources.dropFirst().joined(separator: "; ") + "." : ""
    }

    /// Up to three values that occur: the largest, one near a quarter of it, the smallest.
    static func valuesThatOccur(_ values: [Int]) -> [Int] {
        guard let largest = values.max(), let smallest = values.min() else { return [] }
        var shown = [largest]
        if let middle = values.min(by: { abs($0 - largest / 4) < abs($1 - largest / 4) }), middle < largest, middle > smallest { shown.append(middle) }
        if smallest < largest { shown.append(smallest) }
        return shown.sorted()
    }

    // MARK: Aggregates

    private func aggregateSection() -> LegendSection? {
        let measure = style.measure
        var notes: [String] = []
        if let aggregateReason { notes.append("Aggregated: \(aggregateReason).") }
        var items: [LegendItem] = []
        var title = measure.title
        if modes.contains(.graduated), let scale = style.proportional {
            title += " per district (circle area)"
            for value in scale.legendValues {
                let r = scale.radius(value)
                let capped = value == scale.cap && scale.capped
                items.append(LegendItem(label: measure.describe(value) + (capped ? " or more (dashed ring above)" : ""), height: 2 * r + 2,
                                        width: 2 * r + 4, swatch: circle(r: r, cls: capped ? "gs gc" : "gs")))
            }
            notes.append("Each circle is centred in its district and cut to its outline.")
        }
        if (modes.contains(.choropleth) || modes.contains(.hexbin)), let classes = style.aggregateClasses {
            if modes.contains(.hexbin), let bins = style.hexBins {
                title += " per hexagon"
                notes.append("Hexagons of equal area, about \(NumberFormatting.string(bins.areaKm2, decimals: 0)) km² each (binned in an equal-area projection).")
            } else {
                title += " per district"
            }
            items.append(LegendItem(label: "None reported", height: 10, swatch: rect("dl cs0")))
            for i in stride(from: 1, through: classes.count, by: 1) {
                items.append(LegendItem(label: classes.label(i), height: 10, swatch: rect("cs\(i)")))
            }
            notes.append("Classes: \(classes.method.label).")
        }
        if modes.contains(.hexbin), let scale = style.proportional, !scale.legendValues.isEmpty {
            for value in scale.legendValues.prefix(2) {
                let r = scale.radius(value)
                items.append(LegendItem(label: "\(MapCount.text(value)) report\(value == 1 ? "" : "s") located only to a district (hollow, at its centre)",
                                        height: 2 * r + 2, width: 2 * r + 4, swatch: circle(r: r, cls: "dh")))
            }
        }
        if districtLevelAggregated > 0, !modes.contains(.hexbin) {
            notes.append("Includes \(MapCount.text(districtLevelAggregated)) report\(districtLevelAggregated == 1 ? "" : "s") located only to a district.")
        }
        guard !items.isEmpty else { return nil }
        return LegendSection(title: title, items: items, note: notes.joined(separator: " "))
    }

    // MARK: Origins

    private func originSection() -> LegendSection? {
        var items: [LegendItem] = []
        if origins {
            items.append(LegendItem(label: "Origin asserted for an event", height: 10, swatch: use(.circle, r: sizes.quantised(2.6 * k), cls: "og")))
        }
        let kinds = Set(links.map(\.crossBorder))
        if kinds.contains(false) {
            items.append(LegendItem(label: "Origin → event, same country", height: 10, swatch: line(["ln w2"], extra: " marker-end=\"url(#an)\"")))
        }
        if kinds.contains(true) {
            items.append(LegendItem(label: "Origin → event across the Afghanistan–Pakistan border", height: 10,
                                    swatch: line(["lx w2"], extra: " marker-end=\"url(#ax)\"")))
        }
        let widths = Set(links.map(\.widthClass))
        if widths.count > 1 {
            let kind = kinds.contains(false) ? "ln" : "lx"
            for cls in widths.sorted() {
                items.append(LegendItem(label: "Line width: " + MapLink.widthLabel(cls), height: 8, swatch: line(["\(kind) w\(cls)"])))
            }
        }
        if linksLeftOut > 0 {
            items.append(LegendItem(label: "Only the \(MapLink.aggregateLimit) largest flows per map are drawn; \(MapCount.text(linksLeftOut)) smaller ones are left out",
                                    height: 10, swatch: { _, _, _, _, _ in }))
        }
        if groupBases {
            items.append(LegendItem(label: "Reported base of a group (asserted by the party named in its tooltip); never an event's origin",
                                    height: 10, swatch: use(.square, r: sizes.quantised(3.2 * k), cls: "gbm")))
        }
        guard !items.isEmpty else { return nil }
        return LegendSection(title: "Reported origins (claims, each naming who asserts it)", items: items,
                             note: AsserterKind.summary(asserters), dropOrder: 0)
    }

    // MARK: The margin table

    private func coarseSection() -> LegendSection? {
        guard !coarse.isEmpty else { return nil }
        var items: [LegendItem] = []
        let none: Swatch = { _, _, _, _, _ in }
        func row(_ title: String, _ counts: [String: Int]) {
            let rows = CoarseReports.rows(counts)
            guard !rows.isEmpty else { return }
            let total = rows.map(\.count).reduce(0, +)
            var text = "\(title) \(MapCount.text(total)): " + rows.prefix(6).map { "\($0.label) \(MapCount.text($0.count))" }.joined(separator: ", ")
            if rows.count > 6 { text += ", \(rows.count - 6) more" }
            items.append(LegendItem(label: text, height: 10, swatch: none))
        }
        row("Province only", coarse.provinceLevel)
        row("Country only", coarse.countryLevel)
        row("Outside the mapped districts", coarse.outsideDistricts)
        if coarse.unlocated > 0 { items.append(LegendItem(label: "Not located: \(MapCount.text(coarse.unlocated))", height: 10, swatch: none)) }
        let coarseCount = coarse.provinceLevel.values.reduce(0, +) + coarse.countryLevel.values.reduce(0, +)
        return LegendSection(title: "Also reported, not drawn (\(MapCount.text(coarse.total)))", items: items,
                             note: coarseCount > 0 ? "Also reported at province or country level: \(MapCount.text(coarseCount)); their place is not known more closely." : nil)
    }

    // MARK: Boundaries

    private func boundarySection() -> LegendSection {
        var items = [
            LegendItem(label: BorderDerivation.label, height: 10, swatch: line(["bdc", "bd"])),
            LegendItem(label: "International boundary", height: 10, swatch: line(["cb"])),
        ]
        if kashmir { items.append(LegendItem(label: LineOfControl.label + " \(LineOfControl.mark)", height: 10, swatch: line(["locc", "loc"]))) }
        items.append(LegendItem(label: "Province (focus provinces shaded)", height: 10, swatch: rect("pf")))
        if towns {
            items.append(LegendItem(label: "Town", height: 10, swatch: use(.circle, r: sizes.quantised(2.4 * k), cls: "tw")))
        }
        return LegendSection(title: "Boundaries and places", items: items,
                             note: kashmir ? "\(LineOfControl.mark) \(LineOfControl.note)" : nil, noteRequired: kashmir)
    }
}
