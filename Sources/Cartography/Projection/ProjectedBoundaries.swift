import GeoKit
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis

/// A boundary unit drawn on the map: its pixel outline (clipped to the frame, simplified at map scale) and a
/// label point (centre of the largest inscribed circle of the visible part) with that circle's radius.
struct DrawnUnit {
    let unit: AdminUnit
    let outline: Geometry
    let labelPoint: Coordinate?
    let labelRoom: Double
}

/// The boundary layers of one panel size in panel pixels: project (PROJ, bulk per ring) → clip to the frame
/// (GEOS clip by rectangle) → simplify at a quarter pixel (GEOS topology-preserving, each layer as one coverage
/// so neighbours still meet).
struct BaseLayers {
    var countries: [DrawnUnit] = []
    var provinces: [DrawnUnit] = []
    var districts: [DrawnUnit] = []
    /// The Afghanistan–Pakistan border in pixels, merged into as few lines as possible.
    var border: Geometry?
    var borderLines: [[Coordinate]] = []

    package static let tolerance = 0.25

    init(boundaries: BoundaryData, projection: MapProjection, frame: Envelope, drawDistricts: Bool, context: GEOSContext) throws {
        let clipBox = frame.expanded(by: 4)
        countries = try Self.coverage(boundaries.countries, projection: projection, clip: clipBox, context: context)
        provinces = try Self.coverage(boundaries.provinces, projection: projection, clip: clipBox, context: context)
        if drawDistricts {
            districts = try Self.coverage(boundaries.districts, projection: projection, clip: clipBox, context: context)
        }
        let segments = try boundaries.borderSegments.map { try Geometry(wkb: $0.wkb, in: context) }
        if !segments.isEmpty,
           let projected = try projection.project(try Geometry.collection(.geometryCollection, segments, in: context).unaryUnion(), in: context) {
            let clipped = try projected.clip(to: clipBox)
            if !clipped.isEmpty {
                // Segments meet within a micro-degree; snapping to the 0.1 px output grid lets them merge into long lines.
                let snapped = (try? clipped.withPrecision(0.1)) ?? clipped
                let merged = (try? snapped.lineMerge()) ?? snapped
                let simple = try merged.simplifyPreservingTopology(tolerance: Self.tolerance)
                border = simple
                try MapProjection.forEachRing(simple) { line, _ in if line.count >= 2 { borderLines.append(line) } }
            }
        }
    }

    /// Projects, clips and simplifies a layer as one coverage; units with nothing in the frame are left out.
    static func coverage(_ units: [AdminUnit], projection: MapProjection, clip: Envelope, context: GEOSContext) throws -> [DrawnUnit] {
        var kept: [(AdminUnit, Geometry)] = []
        for unit in units {
            let shape = try Geometry(wkb: unit.wkb, in: context)
            guard let projected = try projection.project(shape, in: context) else { continue }
            guard let box = projected.envelope, box.intersects(clip) else { continue }
            let clipped = clip.contains(Coordinate(box.minX, box.minY)) && clip.contains(Coordinate(box.maxX, box.maxY))
                ? projected : try projected.clip(to: clip)
            if !clipped.isEmpty, (try? clipped.area()) ?? 0 > 0.01 { kept.append((unit, clipped)) }
        }
        guard !kept.isEmpty else { return [] }
        var simplified: [Geometry]
        let together = try Geometry.collection(.geometryCollection, kept.map(\.1), in: context)
        let simple = try together.simplifyPreservingTopology(tolerance: tolerance)
        if simple.partCount == kept.count {
            simplified = simple.parts
        } else {
            simplified = try kept.map { try $0.1.simplifyPreservingTopology(tolerance: tolerance) }
        }
        return zip(kept, simplified).map { pair, outline in
            let polygonal = pair.1
            var point: Coordinate?, room = 0.0
            if let circle = try? polygonal.maximumInscribedCircle(tolerance: 1) {
                point = circle.center
                room = circle.radius
            } else if let p = try? polygonal.pointOnSurface().coordinate {
                point = p
            }
            return DrawnUnit(unit: pair.0, outline: outline, labelPoint: point, labelRoom: room)
        }
    }
}
