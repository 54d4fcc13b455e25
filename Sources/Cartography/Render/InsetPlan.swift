import GeoKit
import GeoReference

/// An inset at a larger scale of the area where events crowd most, chosen from the data: the 2 × 2 block of a
/// 16-column grid over the main frame that holds the most events, drawn when it holds at least three events and a
/// fifth of those in the frame, at twice the main scale or more, over the empty corner of the main map that hides
/// no event. It aggregates on its own terms (`SymbolChoice` at its scale: events crowded on the main map may be
/// legible one by one here) with the main map's classes and sizes, so one legend serves both.
struct InsetPlan {
    /// Height of the title strip (labels keep 2 px further off).
    static let headerHeight = 16.0

    /// Where the inset is set, in main panel pixels.
    let box: Envelope
    /// The main-map rectangle of the inset's area, outlined there (the inset never covers it).
    let outline: Envelope
    let template: PanelTemplate
    /// The events drawn one by one (only those with an origin line under an aggregate), in the inset's pixels.
    let events: [PanelEvent]
    /// The mapped events inside the inset's area.
    let inside: [MapEvent]
    let aggregate: PanelAggregate
    let mode: SymbolMode

    struct Inputs {
        let mapped: [MapEvent]
        /// Main-map pixels of a sample of the mapped events (density only).
        let sample: [Coordinate]
        let main: MapProjection
        let mainFrame: Envelope
        let avoid: Envelope?
        let style: MapStyle
        let options: SVGMapOptions
        let areas: [String: Double]
        let groupBases: [GroupBase]
        /// The main map's aggregate: districts are whole in the inset too, so it shows their values unchanged.
        let mainAggregate: PanelAggregate
        let lines: BoundaryLines
    }

    static func make(_ inputs: Inputs, boundaries: BoundaryData, gazetteer: Gazetteer, context: GEOSContext) throws -> InsetPlan? {
        let frame = inputs.mainFrame, main = inputs.main
        guard let window = densestWindow(inputs.sample, frame: frame) else { return nil }
        let lonLatCorners = [Coordinate(window.minX, window.minY), Coordinate(window.maxX, window.minY),
                             Coordinate(window.minX, window.maxY), Coordinate(window.maxX, window.maxY)].compactMap(main.unproject)
        guard lonLatCorners.count == 4 else { return nil }
        let lonLat = lonLatCorners.dropFirst().reduce(Envelope(minX: lonLatCorners[0].x, minY: lonLatCorners[0].y, maxX: lonLatCorners[0].x, maxY: lonLatCorners[0].y)) {
            $0.union(Envelope(minX: $1.x, minY: $1.y, maxX: $1.x, maxY: $1.y))
        }
        // Events inside (kept while few enough to be drawn one by one), their districts (for the title), and — for
        // bins cut by the inset's edge — those within half a degree of it.
        let near = lonLat.expanded(by: 0.5), binned = inputs.style.mode == .hexbin
        var inside: [MapEvent] = [], nearby: [MapEvent] = [], withOrigin: [MapEvent] = [], insideCount = 0
        var numbers = [Int](repeating: 0, count: inputs.mapped.first?.districtCount ?? 0)
        for event in inputs.mapped where near.contains(event.lonLat) {
            if binned { nearby.append(event) }
            guard lonLat.contains(event.lonLat) else { continue }
            insideCount += 1
            if insideCount <= SymbolChoice.pointLimit + 1 { inside.append(event) }
            if event.origin != nil { withOrigin.append(event) }
            if event.district >= 0, Int(event.district) < numbers.count { numbers[Int(event.district)] += 1 }
        }
        guard insideCount >= 3, let anyEvent = inputs.mapped.first else { return nil }
        var districts: [String: Int] = [:]
        for (number, count) in numbers.enumerated() where count > 0 { districts[anyEvent.districtID(number: number)] = count }

        let a = main.toProjectedUnits(Coordinate(window.minX, window.minY)), b = main.toProjectedUnits(Coordinate(window.maxX, window.maxY))
        let extent = Envelope(minX: min(a.x, b.x), minY: min(a.y, b.y), maxX: max(a.x, b.x), maxY: max(a.y, b.y))
        var width = (frame.width * 0.36).rounded()
        var height = (width * extent.height / extent.width).rounded()
        if height > frame.height * 0.5 { height = (frame.height * 0.5).rounded(); width = (height * extent.width / extent.height).rounded() }
        let projection = try MapProjection(crs: main.crs)
        let insetFrame = Envelope(minX: 0, minY: 0, maxX: width, maxY: height)
        projection.fit(extent, into: insetFrame, padding: 6)
        guard projection.scale >= 2 * main.scale else { return nil }
        let o1 = main.fromProjectedUnits(projection.toProjectedUnits(Coordinate(0, 0)))
        let o2 = main.fromProjectedUnits(projection.toProjectedUnits(Coordinate(width, height)))
        let outline = Envelope(minX: min(o1.x, o2.x), minY: min(o1.y, o2.y), maxX: max(o1.x, o2.x), maxY: max(o1.y, o2.y))

        let margin = 8.0
        let candidates = [
            Envelope(minX: margin, minY: margin, maxX: margin + width, maxY: margin + height),
            Envelope(minX: frame.maxX - margin - width, minY: margin, maxX: frame.maxX - margin, maxY: margin + height),
            Envelope(minX: margin, minY: frame.maxY - margin - height, maxX: margin + width, maxY: frame.maxY - margin),
            Envelope(minX: frame.maxX - margin - width, minY: frame.maxY - margin - height, maxX: frame.maxX - margin, maxY: frame.maxY - margin),
        ].filter { box in !(inputs.avoid.map { $0.intersects(box.expanded(by: 4)) } ?? false) && !box.intersects(outline.expanded(by: 4)) }
        func hidden(_ box: Envelope) -> Int { inputs.sample.filter { box.expanded(by: 6).contains($0) }.count }
        guard let box = candidates.min(by: { hidden($0) < hidden($1) }), hidden(box) == 0 else { return nil }

        // Its own symbolisation at its own scale, with the main map's classes and sizes.
        var insetPoints = inside.filter { !$0.districtLevel }.map(\.lonLat)
        projection.project(&insetPoints)
        let few = insideCount <= SymbolChoice.pointLimit
        let choice = SymbolChoice(asked: inputs.style.mode == .points ? .points : inputs.options.symbols, measure: inputs.options.measure,
                                  points: few ? insetPoints : [], count: insideCount,
                                  cell: 2 * inputs.style.sizes.minimum + 3, officialDistricts: inputs.style.officialDistricts)
        var style = inputs.style
        style.mode = choice.mode
        if choice.mode == .points, inputs.style.mode != .points { style.districtShading = nil }
        if choice.mode == .hexbin, style.aggregateClasses == nil { style.mode = .graduated }
        let template = try PanelTemplate(frame: insetFrame, projection: projection, style: style, boundaries: boundaries, gazetteer: gazetteer,
                                         context: context, prefix: "i",
                                         covered: [Envelope(minX: 0, minY: 0, maxX: width, maxY: headerHeight + 2)], labelsBorder: false,
                                         groupBases: inputs.groupBases, title: Self.title(districts, gazetteer: gazetteer), lines: inputs.lines,
                                         display: inputs.options.displayOutlines)
        let drawn = style.mode == .points ? inside : withOrigin
        let events = PanelEvent.place(drawn, sizes: style.sizes, projection: projection, districts: template.districtPlaces)
        let aggregate: PanelAggregate
        switch style.mode {
        case .hexbin:
            aggregate = try PanelAggregate.make(nearby, mode: .hexbin, measure: inputs.options.measure, areas: inputs.areas,
                                                hexBins: style.hexBins, equalArea: EqualArea.transform(for: main), projection: projection)
        case .points:
            aggregate = PanelAggregate(districtValues: inputs.mainAggregate.districtValues, districtEvents: inputs.mainAggregate.districtEvents)
        default:
            aggregate = inputs.mainAggregate
        }
        return InsetPlan(box: box, outline: outline, template: template,
                         events: events, inside: inside, aggregate: aggregate, mode: style.mode)
    }

    /// The 2 × 2 block of a 16-column grid over the frame holding the most sample points, when it holds at least
    /// three and a fifth of them.
    static func densestWindow(_ points: [Coordinate], frame: Envelope) -> Envelope? {
        let columns = 16, cell = frame.width / Double(columns)
        guard cell > 0, points.count >= 3 else { return nil }
        let rows = Int((frame.height / cell).rounded(.up))
        var counts = [Int](repeating: 0, count: (columns + 1) * (rows + 1))
        for p in points where frame.contains(p) {
            let c = min(columns - 1, Int(p.x / cell)), r = min(rows - 1, Int(p.y / cell))
            counts[r * columns + c] += 1
        }
        var best = (count: 0, c: 0, r: 0)
        for r in 0..<(rows - 1) {
            for c in 0..<(columns - 1) {
                let n = counts[r * columns + c] + counts[r * columns + c + 1] + counts[(r + 1) * columns + c] + counts[(r + 1) * columns + c + 1]
                if n > best.count { best = (n, c, r) }
            }
        }
        let inFrame = points.filter(frame.contains).count
        guard best.count >= 3, Double(best.count) >= Double(inFrame) * 0.2 else { return nil }
        return Envelope(minX: Double(best.c) * cell, minY: Double(best.r) * cell, maxX: Double(best.c + 2) * cell, maxY: Double(best.r + 2) * cell)
    }

    /// "Detail: Jalalabad, Peshawar and Khyber": the districts with the most events inside, named.
    static func title(_ districts: [String: Int], gazetteer: Gazetteer) -> String {
        let names = districts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(3)
            .map { gazetteer.district(id: $0.key)?.name ?? $0.key }
        switch names.count {
        case 0: return "Detail"
        case 1: return "Detail: \(names[0])"
        default: return "Detail: " + names.dropLast().joined(separator: ", ") + " and " + names.last!
        }
    }
}
