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
    /// The sea: what no country covers and reaches the southern edge of the boundary data. Other gaps (countries
    /// the data leaves out, such as Nepal; the Siachen area no outline covers) are land without a name.
    var sea: Geometry?

    init(_ boundaries: BoundaryData, through pipeline: MapGeometryPipeline, districts drawDistricts: Bool) throws {
        countries = try Self.units(boundaries.countries, through: pipeline)
        provinces = try Self.units(boundaries.provinces, through: pipeline)
        if drawDistricts { districts = try Self.units(boundaries.districts, through: pipeline) }
        let context = pipeline.context
        let segments = try boundaries.borderSegments.map { try Geometry(wkb: $0.wkb, in: context) }
        if !segments.isEmpty, let lines = try pipeline.lines(Geometry.collection(.geometryCollection, segments, in: context).unaryUnion()) {
            border = lines
            try MapProjection.forEachRing(lines) { line, _ in if line.count >= 2 { borderLines.append(line) } }
        }
        let loc = try LineOfControl.derive(boundaries, context: context)
        if let loc { lineOfControl = try pipeline.lines(loc) }
        let shapes = try boundaries.countries.map { try Geometry(wkb: $0.wkb, in: context) }
        if let land = try? Geometry.collection(.geometryCollection, shapes, in: context).unaryUnion(), let bounds = land.envelope {
            let open = try Geometry.rectangle(bounds, in: context).difference(land)
            let seas = open.parts.filter { ($0.envelope?.minY ?? .infinity) <= bounds.minY + 1e-6 && ((try? $0.area()) ?? 0) > 1 }
            if !seas.isEmpty { sea = try pipeline.framed(Geometry.collection(.multiPolygon, seas, in: context)) }
        }
        let outlines = try shapes.map { try $0.boundary() }
        if !outlines.isEmpty {
            var lines = try Geometry.collection(.geometryCollection, outlines, in: context).unaryUnion()
            if let loc { lines = try lines.difference(loc.buffer(0.002)) }
            international = try pipeline.lines(lines)
        }
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
