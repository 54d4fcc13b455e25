import Foundation
import GeoKit
import GeoReference

/// Lon/lat geometry → panel pixels in the steps every map layer shares: project (PROJ, one bulk call per ring),
/// clip to the frame (GEOS clip by rectangle), simplify at map scale (GEOS topology-preserving, a whole layer at
/// once so neighbours still meet and nothing smaller than a quarter pixel is kept).
struct MapGeometryPipeline {
    /// Simplification tolerance in pixels.
    static let tolerance = 0.25

    let projection: MapProjection
    /// The rectangle kept, in pixels: the frame with a small margin, so no clipped edge shows inside the frame.
    let clip: Envelope
    let context: GEOSContext

    /// Whether outlines simplified in lon/lat at `DisplayOutlines.toleranceDegrees` look the same on this map as the
    /// full ones: that tolerance is under the pipeline's own at the frame's centre, along both axes.
    var acceptsDisplayOutlines: Bool {
        let centre = Coordinate((clip.minX + clip.maxX) / 2, (clip.minY + clip.maxY) / 2)
        guard let west = projection.unproject(Coordinate(centre.x - 50, centre.y)),
              let east = projection.unproject(Coordinate(centre.x + 50, centre.y)),
              let north = projection.unproject(Coordinate(centre.x, centre.y - 50)),
              let south = projection.unproject(Coordinate(centre.x, centre.y + 50)) else { return false }
        let degreesPerPixel = min(hypot(east.x - west.x, east.y - west.y), hypot(north.x - south.x, north.y - south.y)) / 100
        return DisplayOutlines.toleranceDegrees <= Self.tolerance * degreesPerPixel
    }

    /// Projected and clipped; nil when nothing is left inside the clip rectangle.
    func framed(_ lonLat: Geometry) throws -> Geometry? {
        let projected = try projection.toPixels.apply(to: lonLat)
        guard let box = projected.envelope, box.intersects(clip) else { return nil }
        let inside = clip.contains(Coordinate(box.minX, box.minY)) && clip.contains(Coordinate(box.maxX, box.maxY))
        let clipped = inside ? projected : try projected.clip(to: clip)
        return clipped.isEmpty ? nil : clipped
    }

    /// Framed shapes simplified together as one coverage: a collection of them, in order.
    func simplified(coverage shapes: [Geometry]) throws -> Geometry {
        try Geometry.collection(.geometryCollection, shapes, in: context).simplifyPreservingTopology(tolerance: Self.tolerance)
    }

    /// Each framed shape simplified as part of the coverage (or on its own when GEOS does not return one part per shape).
    func simplifiedEach(coverage shapes: [Geometry]) throws -> [Geometry] {
        guard !shapes.isEmpty else { return [] }
        let together = try simplified(coverage: shapes)
        guard together.partCount != shapes.count else { return together.parts }
        return try shapes.map { try $0.simplifyPreservingTopology(tolerance: Self.tolerance) }
    }

    /// Line work (the border) projected, clipped, snapped to the 0.1 px output grid so pieces that meet within a
    /// micro-degree join, merged into as few lines as possible, and simplified; nil when nothing is in the frame.
    func lines(_ lonLat: Geometry) throws -> Geometry? {
        let projected = try projection.toPixels.apply(to: lonLat)
        guard !projected.isEmpty else { return nil }
        let clipped = try projected.clip(to: clip)
        guard !clipped.isEmpty else { return nil }
        let snapped = (try? clipped.withPrecision(0.1)) ?? clipped
        let merged = (try? snapped.lineMerge()) ?? snapped
        return try merged.simplifyPreservingTopology(tolerance: Self.tolerance)
    }
}
