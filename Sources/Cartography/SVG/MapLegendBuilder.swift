import GeoKit
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis

/// Builds the legend from what the map draws: every symbol, colour and line used, with class ranges.
struct MapLegendBuilder {
    let theme: MapTheme
    let sizes: SymbolSizes
    let symbols: SymbolDefinitions
    let k: Double

    func build(events: [PanelEvent], official: Bool, counts: [String: Int], breaks: ChoroplethClasses,
               linkClasses: Set<Int>, linkKinds: Set<Bool>, groupBase: Bool = false, origins: Bool, towns: Bool, boundaries: BoundaryData) -> Legend {
        var legend = Legend()
        let symbols = self.symbols
        func use(_ shape: SymbolShape, r: Double, cls: String) -> (SVGDocument, Double, Double, Double, Double) -> Void {
            let id = symbols.id(shape, r: r)
            return { doc, x, y, w, h in doc.use(id, x: x + w / 2, y: y + h / 2, cls: cls) }
        }
        func line(_ classes: [String], extra: String = "") -> (SVGDocument, Double, Double, Double, Double) -> Void {
            { doc, x, y, w, h in
                for cls in classes {
                    doc.raw("<path class=\"\(cls)\"\(extra) d=\"M"); doc.num(x + 2); doc.byte(32); doc.num(y + h / 2)
                    doc.byte(104); doc.num(w - 4); doc.raw("\"/>")
                }
            }
        }

        // Attribution: the one distinction a reader must not miss.
        let styles = Set(events.map(\.event.style))
        let sample = sizes.quantised(5.5 * max(k, 0.8))
        legend.sections.append(LegendSection(
            title: "Attribution (as reported)",
            items: AttributionStyle.allCases.filter(styles.contains).map { style in
                LegendItem(label: style.label, height: 2 * sample + 2, swatch: use(.circle, r: sample, cls: style.cssClass))
            },
            note: "Events are reports and claims, not verdicts."))

        let categories = Set(events.map(\.event.category))
        legend.sections.append(LegendSection(
            title: "Event type (symbol shape)",
            items: EventCategory.allCases.filter(categories.contains).map { category in
                LegendItem(label: category.label, height: 2 * sample + 2, swatch: use(category.shape, r: sample, cls: "ls"))
            }))

        let maxFatalities = events.compactMap(\.event.fatalities).max() ?? 0
        var sizeItems = [LegendItem(label: "Not reported or none", height: 2 * sizes.minimum + 2,
                                    swatch: use(.circle, r: sizes.radius(fatalities: nil), cls: "ls"))]
        for value in [5, 25, 100, 250] where value <= max(maxFatalities, 5) * 2 && (value <= maxFatalities || value == 5 || sizeItems.count < 3) {
            let r = sizes.radius(fatalities: value)
            sizeItems.append(LegendItem(label: "\(value) reported deaths", height: 2 * r + 2, swatch: use(.circle, r: r, cls: "ls")))
            if value >= maxFatalities { break }
        }
        legend.sections.append(LegendSection(title: "Fatalities (symbol area, lowest reported figure)", items: sizeItems))

        var linkItems: [LegendItem] = []
        if origins {
            linkItems.append(LegendItem(label: "Reported origin of the group", height: 10,
                                        swatch: use(.circle, r: sizes.quantised(2.6 * k), cls: "og")))
        }
        if linkKinds.contains(false) {
            linkItems.append(LegendItem(label: "Origin → event, same country", height: 10, swatch: line(["ln w2"], extra: " marker-end=\"url(#an)\"")))
        }
        if linkKinds.contains(true) {
            linkItems.append(LegendItem(label: "Origin → event across the Afghanistan–Pakistan border", height: 10,
                                        swatch: line(["lx w2"], extra: " marker-end=\"url(#ax)\"")))
        }
        if groupBase {
            linkItems.append(LegendItem(label: "Paler: the group's reported base, not an origin reported for the event", height: 10,
                                        swatch: line(["ln w2 gb"])))
        }
        if linkClasses.count > 1 {
            for cls in linkClasses.sorted() {
                linkItems.append(LegendItem(label: "Line width: " + MapLink.widthLabel(cls), height: 8, swatch: line(["ln w\(cls)"])))
            }
        }
        if !linkItems.isEmpty {
            legend.sections.append(LegendSection(title: "Reported origins (claims by the sources cited)", items: linkItems))
        }

        let maxCount = counts.values.max() ?? 0
        if official {
            var items = [LegendItem(label: "No reported events", height: 10, swatch: rect("dl ds0"))]
            for i in 1...max(breaks.ranges.count, 1) where i <= breaks.ranges.count {
                items.append(LegendItem(label: breaks.label(i) + (breaks.label(i) == "1" ? " event" : " events"), height: 10, swatch: rect("dl ds\(i)")))
            }
            legend.sections.append(LegendSection(title: "Reported events per district", items: items,
                                                 note: boundaries.sources.count > 1 ? "District outlines: " + boundaries.sources.dropFirst().joined(separator: "; ") : nil))
        } else if maxCount > 0 {
            var values = [1]
            if maxCount >= 4 { values.append(maxCount >= 10 ? 5 : maxCount / 2) }
            if maxCount > 1 { values.append(maxCount) }
            legend.sections.append(LegendSection(
                title: "Reported events per district",
                items: values.map { v in
                    let r = sizes.districtRadius(count: v)
                    return LegendItem(label: "\(v) event\(v == 1 ? "" : "s")", height: 2 * r + 2, swatch: use(.circle, r: r, cls: "dc"))
                },
                note: "District areas approximate: totals are drawn at district headquarters, no district lines."))
        }

        var boundaryItems = [
            LegendItem(label: BorderDerivation.label, height: 10, swatch: line(["bdc", "bd"])),
            LegendItem(label: "International boundary", height: 10, swatch: line(["cb"])),
            LegendItem(label: "Province (focus provinces shaded)", height: 10, swatch: rect("pf")),
        ]
        if towns {
            boundaryItems.append(LegendItem(label: "Town", height: 10, swatch: use(.circle, r: sizes.quantised(2.4 * k), cls: "tw")))
        }
        legend.sections.append(LegendSection(title: "Boundaries and places", items: boundaryItems))
        return legend
    }

    private func rect(_ cls: String) -> (SVGDocument, Double, Double, Double, Double) -> Void {
        { doc, x, y, w, h in doc.rect(x: x + 4, y: y, width: w - 8, height: h, cls: cls) }
    }
}
