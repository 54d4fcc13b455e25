import GeoKit
import GeoReference

/// An inset at a larger scale of the area where events crowd (Nangarhar, Kunar, Peshawar), placed over an empty
/// corner of the main map; drawn only when it is at least twice the main scale and holds three events or more.
struct InsetPlan {
    static let title = "Detail: Nangarhar, Kunar and Peshawar"
    /// Height of the title strip (labels keep 2 px further off).
    static let headerHeight = 16.0

    /// Where the inset is set, in main panel pixels.
    let box: Envelope
    /// The main-map rectangle of the inset's area, outlined there (the inset never covers it).
    let outline: Envelope
    let template: PanelTemplate
    /// Every mapped event, in the inset's pixels.
    let events: [PanelEvent]

    static func make(mapped: [MapEvent], main: MapProjection, mainFrame: Envelope, mainEvents: [PanelEvent], avoid: Envelope?,
                     boundaries: BoundaryData, gazetteer: Gazetteer, style: MapStyle, context: GEOSContext) throws -> InsetPlan? {
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
        let frame = Envelope(minX: 0, minY: 0, maxX: width, maxY: height)
        projection.fit(extent, into: frame, padding: 6)
        let a = main.fromProjectedUnits(projection.toProjectedUnits(Coordinate(0, 0)))
        let b = main.fromProjectedUnits(projection.toProjectedUnits(Coordinate(width, height)))
        let outline = Envelope(minX: min(a.x, b.x), minY: min(a.y, b.y), maxX: max(a.x, b.x), maxY: max(a.y, b.y))
        func hidden(_ box: Envelope) -> Int {
            mainEvents.filter { box.expanded(by: 4).contains($0.point) }.count + mainEvents.filter { ($0.origin.map { box.contains($0) } ?? false) }.count
        }
        guard let box = candidates.filter({ !$0.intersects(outline) }).min(by: { hidden($0) < hidden($1) }), hidden(box) == 0 else { return nil }
        let template = try PanelTemplate(frame: frame, projection: projection, style: style, boundaries: boundaries, gazetteer: gazetteer,
                                         context: context, prefix: "i",
                                         covered: [Envelope(minX: 0, minY: 0, maxX: width, maxY: headerHeight + 2)], labelsBorder: false)
        let events = mapped.map { PanelEvent(event: $0, sizes: style.sizes, projection: projection) }
        return InsetPlan(box: box, outline: outline, template: template, events: events)
    }
}
