import GeoKit
import GeoReference

/// A boundary unit drawn on the map: its pixel outline (clipped to the frame, simplified at map scale) and a
/// label point (centre of the largest inscribed circle of the visible part) with that circle's radius.
struct DrawnUnit {
    let unit: AdminUnit
    let outline: Geometry
    let labelPoint: Coordinate?
    let labelRoom: Double
}

/// The boundaries of one panel size in its pixels, each layer run once through the map geometry pipeline.
struct ProjectedBoundaries {
    var countries: [DrawnUnit] = []
    var provinces: [DrawnUnit] = []
    /// Empty unless district outlines are drawn (official outlines).
    var districts: [DrawnUnit] = []
    /// The Afghanistan–Pakistan border, merged into as few lines as possible, and those lines' vertices.
    var border: Geometry?
    var borderLines: [[Coordinate]] = []
    /// International boundaries as lines, without the Line of Control.
    var international: Geometry?
    /// The Line of Control in Jammu and Kashmir (`LineOfControl`), when in the frame.
    var lineOfControl: Geometry?
    /// The sea (`BoundaryLines`).
    var sea: Geometry?

    /// `lines`: the line work in lon/lat when already worked out for another panel size.
    init(_ boundaries: BoundaryData, through pipeline: MapGeometryPipeline, districts drawDistricts: Bool, lines given: BoundaryLines? = nil) throws {
        countries = try Self.units(boundaries.countries, through: pipeline)
        provinces = try Self.units(boundaries.provinces, through: pipeline)
        if drawDistricts { districts = try Self.units(boundaries.districts, through: pipeline) }
        let lines = try given ?? BoundaryLines(boundaries, context: pipeline.context)
        if let borderLonLat = lines.border, let projected = try pipeline.lines(borderLonLat) {
            border = projected
            try MapProjection.forEachRing(projected) { line, _ in if line.count >= 2 { borderLines.append(line) } }
        }
        if let loc = lines.lineOfControl { lineOfControl = try pipeline.lines(loc) }
        if let seaLonLat = lines.sea { sea = try pipeline.framed(seaLonLat) }
        if let international = lines.international { self.international = try pipeline.lines(international) }
        MapProfile.mark("boundaries: border, Line of Control, sea, international lines")
    }

    /// Whether the map shows any part of Jammu and Kashmir (the Line of Control, Azad Jammu and Kashmir or
    /// Gilgit-Baltistan): then the map carries `LineOfControl.note`.
    var showsKashmir: Bool {
        lineOfControl != nil || provinces.contains { LineOfControl.provinceIDs.contains($0.unit.id) }
    }

    /// A layer's units with something in the frame (more than a hundredth of a square pixel), simplified as one coverage.
    static func units(_ units: [AdminUnit], through pipeline: MapGeometryPipeline) throws -> [DrawnUnit] {
        var kept: [(unit: AdminUnit, framed: Geometry)] = []
        for unit in units {
            guard let framed = try pipeline.framed(Geometry(wkb: unit.wkb, in: pipeline.context)),
                  (try? framed.area()) ?? 0 > 0.01 else { continue }
            kept.append((unit, framed))
        }
        let outlines = try pipeline.simplifiedEach(coverage: kept.map(\.framed))
        MapProfile.mark("boundaries: \(kept.count) units simplified as one coverage")
        // Label points from the simplified outlines: a quarter pixel off at most, and far fewer vertices to search.
        return zip(kept, outlines).map { pair, outline in
            var point: Coordinate?, room = 0.0
            if let circle = try? outline.maximumInscribedCircle(tolerance: 1) {
                point = circle.center
                room = circle.radius
            } else if let p = try? pair.framed.pointOnSurface().coordinate {
                point = p
            }
            return DrawnUnit(unit: pair.unit, outline: outline, labelPoint: point, labelRoom: room)
        }
    }
}
