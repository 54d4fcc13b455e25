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
    /// The date filter applied, shown in the subtitle.
    /// The filters applied to the events, named in the subtitle.
    public var filter = EventFilter()

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
    public var labelsDropped: [String] = []
    public var notes: [String] = []

    public init(svg: [UInt8] = [], years: [Int] = [], labelsDropped: [String] = [], notes: [String] = []) {
        self.svg = svg
        self.years = years
        self.labelsDropped = labelsDropped
        self.notes = notes
    }
}

/// Renders geocoded events as a publication-quality SVG map (MAPS.md): PROJ projection fitted to the extent,
/// boundary layers clipped and simplified at map scale, district symbols or choropleth, the border with its neutral
/// label, origin → event links, event symbols by type, size and attribution, labels without overlap, legend,
/// scale bar, north arrow, title, subtitle and credits. Single-threaded: it owns one GEOS and one PROJ context.
public enum SVGMapRenderer {
    static let focusIDs = ["AF06", "AF15", "PK5", "PK2"]
    static let keyTowns = ["Kabul", "Islamabad", "Peshawar", "Quetta", "Jalalabad", "Asadabad", "Kandahar", "Karachi",
                           "Lahore", "Torkham", "Chaman"]

    public static func render(_ events: [GeocodedEvent], gazetteer: Gazetteer, boundaries: BoundaryData,
                              options: SVGMapOptions) throws -> SVGMapResult {
        let context = GEOSContext()
        var result = SVGMapResult()
        result.eventsGiven = events.count
        let mapped = events.compactMap(MapEvent.init)
        result.eventsWithoutPoint = events.count - mapped.count
        let theme = MapTheme(options.theme)

        // Extent: a named unit, or the four focus provinces plus every event and origin drawn.
        var fitUnits: [AdminUnit]
        var fitPoints: [Coordinate] = []
        if let name = options.extent {
            fitUnits = try unit(named: name, in: boundaries)
        } else {
            fitUnits = boundaries.provinces.filter { focusIDs.contains($0.id) }
            fitPoints = mapped.map(\.lonLat) + mapped.compactMap(\.origin)
        }
        let fitShapes = try fitUnits.map { try Geometry(wkb: $0.wkb, in: context) }
        var lonLat = fitShapes.compactMap(\.envelope).reduce(nil as Envelope?) { $0?.union($1) ?? $1 }
        for p in fitPoints {
            let e = Envelope(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y)
            lonLat = lonLat?.union(e) ?? e
        }
        guard let lonLatExtent = lonLat else { throw MapError("nothing to fit the map to: no boundaries and no events with a point") }
        let projection = try options.projection.map { try MapProjection(crs: $0) } ?? MapProjection.albers(fitting: lonLatExtent)
        guard let projectedExtent = try projection.projectedBounds(of: fitShapes, points: fitPoints) else {
            throw MapError("the extent cannot be projected with '\(projection.crs)'; choose a projection that covers the region")
        }

        // Panels.
        let years = Array(Set(mapped.map(\.year))).sorted()
        let panelYears: [Int?] = options.facetByYear ? (years.isEmpty ? [nil] : years.map { $0 }) : [nil]
        result.panels = panelYears.count
        result.years = options.facetByYear ? years : []

        // Page layout: header, credits, legend column (landscape) or band (portrait), map area.
        let page = options.page
        let m = options.margin
        let doc = SVGDocument()
        let symbols = SymbolDefinitions()
        let landscape = page.width >= page.height * 1.05
        let subtitleLines = wrapText(subtitle(mapped: mapped, total: events.count, options: options, years: years),
                                     width: page.width - 2 * m, style: LabelStyle(cls: "st", size: 11))
        let headerBottom = m + 26 + Double(subtitleLines.count) * 14
        let creditLines = wrapText(credits(boundaries: boundaries, options: options, projection: projection),
                                   width: page.width - 2 * m, style: LabelStyle(cls: "cr", size: 7.5))
        let creditsTop = page.height - m - Double(creditLines.count) * 9.5 + 2
        let legendWidth = 232.0
        let furnitureInLegend = options.facetByYear
        let furnitureHeight = furnitureInLegend ? 50.0 : 0
        let official = !boundaries.districtSource.isApproximate
        var legendBox: Envelope
        var mapArea: Envelope
        if landscape {
            legendBox = Envelope(minX: page.width - m - legendWidth, minY: headerBottom + 4, maxX: page.width - m, maxY: creditsTop - 8)
            mapArea = Envelope(minX: m, minY: headerBottom + 4, maxX: legendBox.minX - 16, maxY: creditsTop - 8)
        } else {
            // Measure the legend once (provisional fit) to give it a band of the height it needs.
            let provisional = Envelope(minX: 0, minY: 0, maxX: page.width - 2 * m, maxY: page.height * 0.5)
            projection.fit(projectedExtent, into: provisional, padding: 14)
            let sizes = SymbolSizes(k: 1)
            let trial = mapped.map { PanelEvent(event: $0, sizes: sizes, projection: projection) }
            let links = MapPanel.links(trial, k: 1)
            var legend = MapLegendBuilder(theme: theme, sizes: sizes, symbols: SymbolDefinitions(), k: 1).build(
                events: trial, official: official, counts: districtCounts(trial), breaks: ChoroplethClasses(maximum: 5),
                linkClasses: Set(links.map(\.widthClass)), linkKinds: Set(links.map(\.crossBorder)),
                origins: trial.contains { $0.origin != nil }, towns: true, boundaries: boundaries)
            legend.columnWidth = legendWidth
            let columns = max(1, Int((page.width - 2 * m + 16) / (legendWidth + 16)))
            let needed = legend.singleColumnHeight() / Double(columns) + 70 + furnitureHeight
            let height = min(max(needed, 120), page.height * 0.45)
            legendBox = Envelope(minX: m, minY: creditsTop - 8 - height, maxX: page.width - m, maxY: creditsTop - 8)
            mapArea = Envelope(minX: m, minY: headerBottom + 4, maxX: page.width - m, maxY: legendBox.minY - 12)
        }

        // Grid of panels that gives the largest scale.
        let gap = 12.0, panelTitle = options.facetByYear ? 17.0 : 0
        let n = panelYears.count
        var best = (cols: 1, rows: 1, scale: 0.0, w: mapArea.width, h: mapArea.height - panelTitle)
        for cols in 1...max(n, 1) {
            let rows = (n + cols - 1) / cols
            let pw = (mapArea.width - Double(cols - 1) * gap) / Double(cols)
            let ph = (mapArea.height - Double(rows - 1) * gap) / Double(rows) - panelTitle
            guard pw > 40, ph > 40 else { continue }
            let s = min(pw / projectedExtent.width, ph / projectedExtent.height)
            if s > best.scale { best = (cols, rows, s, pw, ph) }
        }
        let k = options.facetByYear ? min(1, max(0.55, (best.w * best.h / (760.0 * 560.0)).squareRoot())) : 1
        let sizes = SymbolSizes(k: k)
        let frame = Envelope(minX: 0, minY: 0, maxX: best.w.rounded(.down), maxY: best.h.rounded(.down))
        projection.fit(projectedExtent, into: frame, padding: 14 * k)

        // Shared geometry in panel pixels.
        let base = try ProjectedBoundaries(boundaries, through: MapGeometryPipeline(projection: projection, clip: frame.expanded(by: 4), context: context), districts: official)
        let allEvents = mapped.map { PanelEvent(event: $0, sizes: sizes, projection: projection) }
        let inFrame = allEvents.filter { $0.point.x.isFinite && frame.contains($0.point) }
        let districtIndex = Dictionary(uniqueKeysWithValues: base.districts.enumerated().map { ($0.element.unit.id, $0.offset) })
        var maxCount = 0
        for year in panelYears {
            maxCount = max(maxCount, districtCounts(inFrame.filter { year == nil || $0.event.year == year! }).values.max() ?? 0)
        }
        let breaks = ChoroplethClasses(maximum: maxCount)
        let towns = keyTownPoints(gazetteer: gazetteer, projection: projection, frame: frame)
        let links = panelYears.flatMap { year in MapPanel.links(inFrame.filter { year == nil || $0.event.year == year! }, k: k) }
        var legend = MapLegendBuilder(theme: theme, sizes: sizes, symbols: symbols, k: k).build(
            events: inFrame, official: official, counts: districtCounts(inFrame), breaks: breaks,
            linkClasses: Set(links.map(\.widthClass)), linkKinds: Set(links.map(\.crossBorder)), groupBase: links.contains { $0.groupBase },
            origins: inFrame.contains { $0.origin.map(frame.contains) ?? false }, towns: !towns.isEmpty, boundaries: boundaries)
        legend.columnWidth = legendWidth
        if !options.facetByYear { legend.sections.removeAll { $0.title.isEmpty } }

        // The scale bar corner, then an inset of the Nangarhar–Kunar–Khyber area where events crowd (single maps only).
        let furnitureCorner = furnitureInLegend ? nil : chooseCorner(frame: frame, events: allEvents, k: k)
        let inset = options.facetByYear || options.extent != nil ? nil
            : try InsetPlan.make(mapped: mapped, main: projection, mainFrame: frame, mainEvents: inFrame, avoid: furnitureCorner,
                                 boundaries: boundaries, gazetteer: gazetteer, official: official, sizes: sizes, context: context)

        // Body: one translated group per panel.
        let body = SVGDocument()
        for (index, year) in panelYears.enumerated() {
            let col = index % best.cols, row = index / best.cols
            let x0 = (mapArea.minX + Double(col) * (best.w + gap)).rounded()
            let y0 = (mapArea.minY + Double(row) * (best.h + panelTitle + gap) + panelTitle).rounded()
            let events = allEvents.filter { year == nil || $0.event.year == year! }
            if let year {
                let count = events.count
                body.text("\(year)", x: x0, y: y0 - 5, cls: "pt")
                body.text("\(count) event\(count == 1 ? "" : "s")", x: x0 + TextMetrics.width("\(year)", size: 12, bold: true) + 6, y: y0 - 5, cls: "lgs")
            }
            var panel = MapPanel(frame: frame, k: k, sizes: sizes, theme: theme, symbols: symbols, projection: projection)
            panel.furniture = furnitureCorner
            if let inset { panel.covered = [inset.box] }
            body.openTranslated(x: x0, y: y0, extra: year.map { " id=\"y\($0)\" class=\"panel\"" } ?? " class=\"panel\"")
            let stats = try panel.draw(events: events, base: base, gazetteer: gazetteer, official: official,
                                       districtIndex: districtIndex, breaks: breaks, towns: towns, into: body)
            if let corner = panel.furniture {
                body.rect(x: corner.minX, y: corner.minY, width: corner.width, height: corner.height, cls: "box")
                let km = projection.kilometresPerPixel(at: frame.center) ?? 1
                ScaleBar.write(to: body, x: corner.minX + 14, y: corner.minY + 14, kmPerPixel: km, maxWidth: corner.width - 70)
                NorthArrow.write(to: body, cx: corner.maxX - 22, cy: corner.minY + corner.height / 2 + 4,
                                 angle: projection.northAngle(at: frame.center), size: 22)
            }
            if let inset {
                let outline = inset.outline
                body.rect(x: outline.minX, y: outline.minY, width: outline.width, height: outline.height, cls: "inr")
                body.openTranslated(x: inset.box.minX, y: inset.box.minY, extra: " class=\"inset\"")
                var insetPanel = MapPanel(frame: inset.frame, k: k, sizes: sizes, theme: theme, symbols: symbols, projection: inset.projection)
                insetPanel.prefix = "i"
                insetPanel.covered = [Envelope(minX: 0, minY: 0, maxX: inset.frame.width, maxY: 18)]
                insetPanel.borderLabel = false
                let insetStats = try insetPanel.draw(events: inset.events, base: inset.base, gazetteer: gazetteer, official: official,
                                                     districtIndex: inset.districtIndex, breaks: breaks, towns: inset.towns, into: body)
                result.labelsDropped += insetStats.dropped
                body.rect(x: 0, y: 0, width: inset.frame.width, height: 16, cls: "box")
                var title = "Detail: Nangarhar, Kunar and Peshawar"
                let titleStyle = LabelStyle(cls: "int", size: 9.5, bold: true)
                if let km = inset.projection.kilometresPerPixel(at: inset.frame.center) {
                    let bar = ScaleBar.niceLength(maxKm: 50 * km)
                    let scaleWidth = bar / km + 8 + TextMetrics.width(ScaleBar.format(bar) + " km", size: 8.5) + 6
                    if titleStyle.width(title) + scaleWidth + 10 > inset.frame.width { title = "Detail" }
                    ScaleBar.write(to: body, x: inset.frame.width - 8 - bar / km, y: 6, kmPerPixel: km, maxWidth: 50, compact: true)
                }
                body.text(title, x: 5, y: 12, cls: "int")
                body.rect(x: 0, y: 0, width: inset.frame.width, height: inset.frame.height, cls: "ins")
                body.close("g")
            }
            body.rect(x: 0, y: 0, width: frame.width, height: frame.height, cls: "fr")
            body.close("g")
            body.byte(10)
            result.eventsDrawn += stats.drawn
            result.eventsOutsideFrame += stats.outside
            result.linksDrawn += stats.links
            result.labelsDropped += stats.dropped
            if stats.dodged > 0, !result.notes.contains("co-located events offset slightly") {
                result.notes.append("co-located events offset slightly")
            }
        }

        // Assemble.
        doc.openRoot(page: page, title: options.title,
                     description: description(mapped: mapped, result: result, options: options, boundaries: boundaries),
                     css: theme.css(k: k))
        doc.raw("<defs>")
        writeShared(to: doc, theme: theme, k: k, symbols: symbols)
        writeBase(to: doc, prefix: "", theme: theme, k: k, frame: frame, base: base)
        if let inset { writeBase(to: doc, prefix: "i", theme: theme, k: k, frame: inset.frame, base: inset.base) }
        doc.raw("</defs>\n")
        doc.rect(x: 0, y: 0, width: page.width, height: page.height, cls: "pg")
        doc.byte(10)
        doc.text(options.title, x: m, y: m + 16, cls: "ti")
        for (i, line) in subtitleLines.enumerated() { doc.text(line, x: m, y: m + 34 + Double(i) * 14, cls: "st") }
        doc.byte(10)
        doc.bytes += body.bytes
        doc.byte(10)
        doc.raw("<g id=\"legend\">")
        let legendBottom = legend.write(to: doc, in: Envelope(minX: legendBox.minX, minY: legendBox.minY,
                                                              maxX: legendBox.maxX, maxY: legendBox.maxY - furnitureHeight))
        if furnitureInLegend {
            let y = min(legendBottom + 4, legendBox.maxY - 46)
            doc.text("Scale (every panel)", x: legendBox.minX, y: y + 10, cls: "lh")
            let km = projection.kilometresPerPixel(at: frame.center) ?? 1
            ScaleBar.write(to: doc, x: legendBox.minX + 6, y: y + 20, kmPerPixel: km, maxWidth: min(150, legend.columnWidth - 60))
            NorthArrow.write(to: doc, cx: legendBox.minX + legend.columnWidth - 20, cy: y + 26,
                             angle: projection.northAngle(at: frame.center), size: 22)
        }
        doc.raw("</g>\n")
        for (i, line) in creditLines.enumerated() { doc.text(line, x: m, y: creditsTop + 6 + Double(i) * 9.5, cls: "cr") }
        doc.raw("\n</svg>\n")
        result.svg = doc.bytes
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

    // MARK: Pieces

    static func unit(named name: String, in boundaries: BoundaryData) throws -> [AdminUnit] {
        let key = name.lowercased()
        let all = boundaries.provinces + boundaries.countries + boundaries.districts
        let found = all.filter { $0.id.lowercased() == key || $0.name.lowercased() == key }
        guard let first = found.first else {
            let names = (boundaries.provinces + boundaries.countries).map(\.name).sorted().joined(separator: ", ")
            throw MapError("--extent '\(name)' is not a province, country or district name or id; try one of: \(names)")
        }
        return [first]
    }

    static func districtCounts(_ events: [PanelEvent]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for e in events { if let id = e.event.item.location.adm2ID { counts[id, default: 0] += 1 } }
        return counts
    }

    static func keyTownPoints(gazetteer: Gazetteer, projection: MapProjection, frame: Envelope) -> [(name: String, point: Coordinate)] {
        keyTowns.compactMap { name in
            guard let place = gazetteer.places.first(where: { $0.name == name }), let p = projection.project(place.point),
                  frame.expanded(by: -6).contains(p) else { return nil }
            return (name, p)
        }
    }

    /// The frame corner for scale bar and north arrow holding the fewest events.
    static func chooseCorner(frame: Envelope, events: [PanelEvent], k: Double) -> Envelope {
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

    static func wrapText(_ text: String, width: Double, style: LabelStyle) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n") {
            var current = ""
            for word in paragraph.split(separator: " ") {
                let candidate = current.isEmpty ? String(word) : current + " " + word
                if style.width(candidate) > width, !current.isEmpty {
                    lines.append(current)
                    current = String(word)
                } else {
                    current = candidate
                }
            }
            if !current.isEmpty { lines.append(current) }
        }
        return lines
    }

    static func subtitle(mapped: [MapEvent], total: Int, options: SVGMapOptions, years: [Int]) -> String {
        let dates = mapped.map(\.item.event.date).sorted()
        var parts: [String] = []
        if let first = dates.first, let last = dates.last {
            parts.append("Reports dated \(first.iso) to \(last.iso)")
        } else {
            parts.append("No events with a mappable point")
        }
        let claimed = mapped.filter { $0.style == .claimed }.count
        let attributed = mapped.filter { $0.style == .attributed }.count
        let unclaimed = mapped.filter { $0.style == .unclaimed }.count
        parts.append("\(mapped.count) of \(total) events mapped: \(claimed) claimed, \(attributed) attributed, alleged or disputed, \(unclaimed) unclaimed or unspecified")
        var filters: [String] = []
        if !options.filter.isEmpty { filters.append(options.filter.description) }
        if let extent = options.extent { filters.append("extent \(extent)") }
        if !filters.isEmpty { parts.append("Filters: " + filters.joined(separator: ", ")) }
        if options.facetByYear { parts.append("one panel per year (\(years.count))") }
        return parts.joined(separator: " · ")
    }

    static func credits(boundaries: BoundaryData, options: SVGMapOptions, projection: MapProjection) -> String {
        var boundaryCredit = "Boundaries: Natural Earth (public domain)"
        for source in boundaries.sources where source != NaturalEarthImport.source { boundaryCredit += "; districts: \(source)" }
        var text = boundaryCredit + ". Boundaries shown are not an endorsement."
        if boundaries.districtSource.isApproximate {
            text += " District areas approximate (Voronoi cells of district headquarters): totals are shown as circles at headquarters, not as outlines."
        }
        text += " Event data: " + (options.eventSource.isEmpty ? "as given" : options.eventSource)
            + ". Events are reports and claims, not verdicts; attribution is shown as reported."
        let crs = projection.crs.hasPrefix("+proj=aea") ? "Albers equal-area conic fitted to the extent" : projection.crs
        text += " Projection: \(crs). Made with EventMapper (GEOS, PROJ)."
        return text
    }

    static func description(mapped: [MapEvent], result: SVGMapResult, options: SVGMapOptions, boundaries: BoundaryData) -> String {
        var text = "Map of \(mapped.count) reported events (\(result.eventsWithoutPoint) more had no point to district precision and are not drawn). "
        text += "Symbol shape shows the event type and symbol area the reported (low) fatality figure. "
        text += "Claimed events are filled red; attributed, alleged or disputed events are blue hatched outlines; unclaimed or unspecified events are grey. "
        text += "Curved arrows run from a group's reported origin to the event, width by number of events; dashed orange arrows cross the \(BorderDerivation.label). "
        text += boundaries.districtSource.isApproximate
            ? "District areas are approximate, so district totals are circles at district headquarters. "
            : "Districts are shaded by the number of reported events. "
        text += "Boundaries shown are not an endorsement."
        if !result.notes.isEmpty { text += " Note: " + result.notes.joined(separator: "; ") + "." }
        return text
    }

    static func writeShared(to doc: SVGDocument, theme: MapTheme, k: Double, symbols: SymbolDefinitions) {
        // Hatching for attributed/alleged/disputed events, arrowheads for links.
        doc.raw("<pattern id=\"hatch\" patternUnits=\"userSpaceOnUse\" width=\"3.5\" height=\"3.5\" patternTransform=\"rotate(45)\">")
        doc.raw("<rect width=\"3.5\" height=\"3.5\" fill=\"#fff\"/><path d=\"M0 0V3.5\" stroke=\"\(theme.attributed)\" stroke-width=\"1.5\"/></pattern>")
        for (id, colour) in [("an", theme.linkDomestic), ("ax", theme.linkCross)] {
            let s = 7 * k
            doc.raw("<marker id=\"\(id)\" viewBox=\"0 0 10 10\" refX=\"8\" refY=\"5\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"")
            doc.attr("markerWidth", s); doc.attr("markerHeight", s)
            doc.raw("><path d=\"M0 1L10 5 0 9z\" fill=\"\(colour)\"/></marker>")
        }
        symbols.write(to: doc)
        doc.byte(10)
    }

    /// The boundary layers of one panel size, used by every panel of that size: `base` under the districts,
    /// `basetop` (international boundaries and the border) over them, district outlines, and the panel clip.
    static func writeBase(to doc: SVGDocument, prefix: String, theme: MapTheme, k: Double, frame: Envelope, base: ProjectedBoundaries) {
        doc.raw("<clipPath id=\"\(prefix)pc\">"); doc.rect(x: 0, y: 0, width: frame.width, height: frame.height, cls: "pg"); doc.raw("</clipPath>\n")
        // The boundary layers, shared by every panel.
        doc.raw("<g id=\"\(prefix)base\">")
        doc.rect(x: 0, y: 0, width: frame.width, height: frame.height, cls: "sea")
        for country in base.countries {
            let home = country.unit.id == "AFG" || country.unit.id == "PAK"
            doc.path(cls: home ? "hm" : "nb") { out in var w = PathWriter(); try? w.append(country.outline, to: &out) }
        }
        for province in base.provinces where !focusIDs.contains(province.unit.id) {
            doc.path(cls: "pv") { out in var w = PathWriter(); try? w.append(province.outline, to: &out) }
        }
        for province in base.provinces where focusIDs.contains(province.unit.id) {
            doc.path(cls: "pf") { out in var w = PathWriter(); try? w.append(province.outline, to: &out) }
        }
        doc.raw("</g>\n")
        for (i, district) in base.districts.enumerated() {
            doc.path(cls: "", id: "\(prefix)d\(i)") { out in var w = PathWriter(); try? w.append(district.outline, to: &out) }
        }
        doc.raw("<g id=\"\(prefix)basetop\">")
        // Focus outlines again above the districts, then international boundaries, then the border.
        for province in base.provinces where focusIDs.contains(province.unit.id) {
            doc.path(cls: "cb", extra: " style=\"stroke-width:\(NumberFormatting.string(1.1 * k * theme.lineScale, decimals: 2))\"") { out in
                var w = PathWriter(); try? w.append(province.outline, to: &out)
            }
        }
        for country in base.countries {
            doc.path(cls: "cb") { out in var w = PathWriter(); try? w.append(country.outline, to: &out) }
        }
        if let border = base.border {
            doc.path(cls: "bdc") { out in var w = PathWriter(); try? w.append(border, to: &out) }
            doc.path(cls: "bd") { out in var w = PathWriter(); try? w.append(border, to: &out) }
        }
        doc.raw("</g>\n")
    }
}

/// Count classes for the district choropleth: one class per value up to 5, else doubling ranges (1, 2–3, 4–7, 8–15, 16+).
struct ChoroplethClasses {
    let ranges: [ClosedRange<Int>]

    init(maximum: Int) {
        guard maximum > 0 else { ranges = []; return }
        if maximum <= 5 {
            ranges = (1...maximum).map { $0...$0 }
        } else {
            var list: [ClosedRange<Int>] = []
            var low = 1
            while list.count < 4, low <= maximum {
                let high = min(low * 2 - 1, maximum)
                list.append(low...high)
                low = high + 1
            }
            if low <= maximum { list.append(low...maximum) }
            ranges = list
        }
    }

    /// Class 1… for a count, 0 for none.
    func index(_ count: Int) -> Int {
        guard count > 0 else { return 0 }
        return (ranges.firstIndex { $0.contains(count) } ?? ranges.count - 1) + 1
    }

    func label(_ i: Int) -> String {
        let r = ranges[i - 1]
        return r.lowerBound == r.upperBound ? "\(r.lowerBound)" : "\(r.lowerBound)–\(r.upperBound)"
    }
}

/// An inset at a larger scale of the area where events crowd (Nangarhar, Kunar, Peshawar), placed over an empty
/// corner of the main map; drawn only when it is at least twice the main scale and holds three events or more.
struct InsetPlan {
    let box: Envelope
    let frame: Envelope
    let outline: Envelope
    let projection: MapProjection
    let base: ProjectedBoundaries
    let events: [PanelEvent]
    let towns: [(name: String, point: Coordinate)]
    let districtIndex: [String: Int]

    static func make(mapped: [MapEvent], main: MapProjection, mainFrame: Envelope, mainEvents: [PanelEvent], avoid: Envelope?,
                     boundaries: BoundaryData, gazetteer: Gazetteer, official: Bool, sizes: SymbolSizes, context: GEOSContext) throws -> InsetPlan? {
        let shapes = try boundaries.provinces.filter { ["AF06", "AF15"].contains($0.id) }.map { try Geometry(wkb: $0.wkb, in: context) }
        guard var lonLat = shapes.compactMap(\.envelope).reduce(nil as Envelope?, { $0?.union($1) ?? $1 }) else { return nil }
        lonLat = lonLat.union(Envelope(minX: 71.0, minY: 33.75, maxX: 72.05, maxY: 34.95))
        let inside = mapped.filter { lonLat.contains($0.lonLat) }
        guard inside.count >= 3 else { return nil }
        let projection = try MapProjection(crs: main.crs)
        let corners = [Coordinate(lonLat.minX, lonLat.minY), Coordinate(lonLat.maxX, lonLat.minY), Coordinate(lonLat.minX, lonLat.maxY),
                       Coordinate(lonLat.maxX, lonLat.maxY), Coordinate(lonLat.center.x, lonLat.minY), Coordinate(lonLat.center.x, lonLat.maxY)]
        guard let extent = try projection.projectedBounds(of: shapes, points: corners) else { return nil }
        var width = (mainFrame.width * 0.36).rounded()
        var height = (width * extent.height / extent.width).rounded()
        if height > mainFrame.height * 0.5 { height = (mainFrame.height * 0.5).rounded(); width = (height * extent.width / extent.height).rounded() }
        guard width / extent.width >= 2 * main.scale else { return nil }
        let inset = 8.0
        let candidates = [
            Envelope(minX: inset, minY: inset, maxX: inset + width, maxY: inset + height),
            Envelope(minX: mainFrame.maxX - inset - width, minY: inset, maxX: mainFrame.maxX - inset, maxY: inset + height),
            Envelope(minX: inset, minY: mainFrame.maxY - inset - height, maxX: inset + width, maxY: mainFrame.maxY - inset),
            Envelope(minX: mainFrame.maxX - inset - width, minY: mainFrame.maxY - inset - height, maxX: mainFrame.maxX - inset, maxY: mainFrame.maxY - inset),
        ].filter { box in !(avoid.map { $0.intersects(box.expanded(by: 4)) } ?? false) }
        // The main-map rectangle of the inset's area, which the inset must not cover.
        let frame = Envelope(minX: 0, minY: 0, maxX: width, maxY: height)
        projection.fit(extent, into: frame, padding: 6)
        let a = main.fromProjectedUnits(projection.toProjectedUnits(Coordinate(0, 0)))
        let b = main.fromProjectedUnits(projection.toProjectedUnits(Coordinate(width, height)))
        let outline = Envelope(minX: min(a.x, b.x), minY: min(a.y, b.y), maxX: max(a.x, b.x), maxY: max(a.y, b.y))
        func hidden(_ box: Envelope) -> Int {
            mainEvents.filter { box.expanded(by: 4).contains($0.point) }.count + mainEvents.filter { ($0.origin.map { box.contains($0) } ?? false) }.count
        }
        guard let box = candidates.filter({ !$0.intersects(outline) }).min(by: { hidden($0) < hidden($1) }), hidden(box) == 0 else { return nil }
        let base = try ProjectedBoundaries(boundaries, through: MapGeometryPipeline(projection: projection, clip: frame.expanded(by: 4), context: context), districts: official)
        let events = mapped.map { PanelEvent(event: $0, sizes: sizes, projection: projection) }
        return InsetPlan(box: box, frame: frame, outline: outline, projection: projection, base: base, events: events,
                         towns: SVGMapRenderer.keyTownPoints(gazetteer: gazetteer, projection: projection, frame: frame),
                         districtIndex: Dictionary(uniqueKeysWithValues: base.districts.enumerated().map { ($0.element.unit.id, $0.offset) }))
    }
}
