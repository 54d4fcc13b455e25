import CGEOS

/// How `makeValid` repairs a geometry (GEOS's two algorithms).
public enum MakeValidMethod: Sendable {
    /// Keeps every vertex and all collapsed parts (GEOS "linework").
    case linework
    /// Rebuilds polygons from their rings, dropping collapsed parts (GEOS "structure").
    case structure
}

extension Geometry {
    // MARK: Validity

    public var isValid: Bool { GEOSisValid_r(ctx, handle) == 1 }

    /// Why the geometry is invalid ("Valid Geometry" when it is), in GEOS's words.
    public var validityReason: String {
        guard let reason = GEOSisValidReason_r(ctx, handle) else { return context.takeError() }
        defer { GEOSFree_r(ctx, reason) }
        return String(cString: reason)
    }

    public func makeValid(method: MakeValidMethod = .structure, keepCollapsed: Bool = false) throws -> Geometry {
        guard let params = GEOSMakeValidParams_create_r(ctx) else {
            throw GEOSError.operation("makeValid", message: context.takeError())
        }
        defer { GEOSMakeValidParams_destroy_r(ctx, params) }
        GEOSMakeValidParams_setMethod_r(ctx, params, method == .structure ? GEOS_MAKE_VALID_STRUCTURE : GEOS_MAKE_VALID_LINEWORK)
        GEOSMakeValidParams_setKeepCollapsed_r(ctx, params, keepCollapsed ? 1 : 0)
        return try context.owned(GEOSMakeValidWithParams_r(ctx, handle, params), "makeValid")
    }

    /// Snaps coordinates to a grid of `gridSize`, keeping the topology valid (snap-rounding).
    public func withPrecision(_ gridSize: Double) throws -> Geometry {
        try context.owned(GEOSGeom_setPrecision_r(ctx, handle, gridSize, 0), "setPrecision")
    }

    /// Rounds every coordinate to a grid of `gridSize`, point by point, without repairing topology (fast).
    public func roundedToGrid(_ gridSize: Double) throws -> Geometry {
        try context.owned(GEOSGeom_setPrecision_r(ctx, handle, gridSize, Int32(GEOS_PREC_NO_TOPO.rawValue)), "setPrecision")
    }

    // MARK: Constructive operations

    public func buffer(_ distance: Double, quadrantSegments: Int = 8) throws -> Geometry {
        try context.owned(GEOSBuffer_r(ctx, handle, distance, Int32(quadrantSegments)), "buffer")
    }

    public func intersection(_ other: Geometry) throws -> Geometry {
        try context.owned(GEOSIntersection_r(ctx, handle, other.handle), "intersection")
    }

    public func difference(_ other: Geometry) throws -> Geometry {
        try context.owned(GEOSDifference_r(ctx, handle, other.handle), "difference")
    }

    public func union(_ other: Geometry) throws -> Geometry {
        try context.owned(GEOSUnion_r(ctx, handle, other.handle), "union")
    }

    /// Dissolves all parts of this geometry into one.
    public func unaryUnion() throws -> Geometry {
        try context.owned(GEOSUnaryUnion_r(ctx, handle), "unaryUnion")
    }

    /// The union of many geometries in one cascaded pass.
    public static func unionOf(_ geometries: [Geometry], in context: GEOSContext) throws -> Geometry {
        try collection(.geometryCollection, geometries, in: context).unaryUnion()
    }

    public func boundary() throws -> Geometry {
        try context.owned(GEOSBoundary_r(ctx, handle), "boundary")
    }

    public func pointOnSurface() throws -> Geometry {
        try context.owned(GEOSPointOnSurface_r(ctx, handle), "pointOnSurface")
    }

    /// The centre of the largest circle inside a polygon (within `tolerance`) and its radius:
    /// a good place for a label.
    public func maximumInscribedCircle(tolerance: Double) throws -> (center: Coordinate, radius: Double) {
        let line = try context.owned(GEOSMaximumInscribedCircle_r(ctx, handle, tolerance), "maximumInscribedCircle")
        let ends = try line.coordinates()
        guard ends.count == 2 else { throw GEOSError.operation("maximumInscribedCircle", message: "empty result") }
        let dx = ends[1].x - ends[0].x, dy = ends[1].y - ends[0].y
        return (ends[0], (dx * dx + dy * dy).squareRoot())
    }

    /// Simplifies with Douglas–Peucker while keeping rings valid and neighbours topologically intact.
    public func simplifyPreservingTopology(tolerance: Double) throws -> Geometry {
        try context.owned(GEOSTopologyPreserveSimplify_r(ctx, handle, tolerance), "topologyPreserveSimplify")
    }

    /// Fast clip to a rectangle; the result may be invalid at the rectangle's edge, as GEOS documents.
    public func clip(to rect: Envelope) throws -> Geometry {
        try context.owned(GEOSClipByRect_r(ctx, handle, rect.minX, rect.minY, rect.maxX, rect.maxY), "clipByRect")
    }

    /// Voronoi cells of this geometry's vertices, as polygons, extended to cover `envelope` if given.
    public func voronoiDiagram(envelope: Geometry? = nil, tolerance: Double = 0) throws -> Geometry {
        try context.owned(GEOSVoronoiDiagram_r(ctx, handle, envelope?.handle, tolerance, 0), "voronoiDiagram")
    }

    /// Sews line work into the longest possible lines.
    public func lineMerge() throws -> Geometry {
        try context.owned(GEOSLineMerge_r(ctx, handle), "lineMerge")
    }

    /// Adds vertices so no segment is longer than `maxSegmentLength`.
    public func densify(maxSegmentLength: Double) throws -> Geometry {
        try context.owned(GEOSDensify_r(ctx, handle, maxSegmentLength), "densify")
    }

    /// The paths two lineal geometries share: a collection of (same-direction, opposite-direction) multilines.
    public func sharedPaths(with other: Geometry) throws -> (forward: Geometry, backward: Geometry) {
        let pair = try context.owned(GEOSSharedPaths_r(ctx, handle, other.handle), "sharedPaths")
        guard pair.partCount == 2 else { throw GEOSError.operation("sharedPaths", message: "unexpected result \(pair.type.name)") }
        return (try pair.part(0).clone(), try pair.part(1).clone())
    }

    /// Point at `distance` along a line.
    public func interpolate(_ distance: Double, normalized: Bool = false) throws -> Geometry {
        let result = normalized
            ? GEOSInterpolateNormalized_r(ctx, handle, distance)
            : GEOSInterpolate_r(ctx, handle, distance)
        return try context.owned(result, "interpolate")
    }

    /// Distance along a line to the point on it nearest `point`.
    public func project(_ point: Geometry, normalized: Bool = false) throws -> Double {
        let value = normalized ? GEOSProjectNormalized_r(ctx, handle, point.handle) : GEOSProject_r(ctx, handle, point.handle)
        guard value >= 0 else { throw GEOSError.operation("project", message: context.takeError()) }
        return value
    }

    // MARK: Measures

    /// Planar (Cartesian) distance in the geometry's units.
    public func distance(to other: Geometry) throws -> Double {
        var value = 0.0
        guard GEOSDistance_r(ctx, handle, other.handle, &value) != 0 else {
            throw GEOSError.operation("distance", message: context.takeError())
        }
        return value
    }

    /// The discrete Hausdorff distance (GEOS): how far the farthest vertex of either geometry is from the other,
    /// in their units — how much a simplified outline may have moved.
    public func hausdorffDistance(to other: Geometry) throws -> Double {
        var value = 0.0
        guard GEOSHausdorffDistance_r(ctx, handle, other.handle, &value) != 0 else {
            throw GEOSError.operation("Hausdorff distance", message: context.takeError())
        }
        return value
    }

    /// The closest pair of points: the first on this geometry, the second on `other`.
    public func nearestPoints(to other: Geometry) throws -> (Coordinate, Coordinate) {
        guard let seq = GEOSNearestPoints_r(ctx, handle, other.handle) else {
            throw GEOSError.operation("nearestPoints", message: context.takeError())
        }
        defer { GEOSCoordSeq_destroy_r(ctx, seq) }
        var buffer = [Double](repeating: 0, count: 4)
        guard GEOSCoordSeq_copyToBuffer_r(ctx, seq, &buffer, 0, 0) != 0 else {
            throw GEOSError.operation("nearestPoints", message: context.takeError())
        }
        return (Coordinate(buffer[0], buffer[1]), Coordinate(buffer[2], buffer[3]))
    }

    // MARK: Predicates

    public func contains(_ other: Geometry) throws -> Bool {
        try context.predicate(GEOSContains_r(ctx, handle, other.handle), "contains")
    }

    public func covers(_ other: Geometry) throws -> Bool {
        try context.predicate(GEOSCovers_r(ctx, handle, other.handle), "covers")
    }

    public func intersects(_ other: Geometry) throws -> Bool {
        try context.predicate(GEOSIntersects_r(ctx, handle, other.handle), "intersects")
    }

    public func within(_ other: Geometry) throws -> Bool {
        try context.predicate(GEOSWithin_r(ctx, handle, other.handle), "within")
    }

    public func touches(_ other: Geometry) throws -> Bool {
        try context.predicate(GEOSTouches_r(ctx, handle, other.handle), "touches")
    }

    public func equalsExact(_ other: Geometry, tolerance: Double = 0) throws -> Bool {
        try context.predicate(GEOSEqualsExact_r(ctx, handle, other.handle, tolerance), "equalsExact")
    }

    public func topologicallyEquals(_ other: Geometry) throws -> Bool {
        try context.predicate(GEOSEquals_r(ctx, handle, other.handle), "equals")
    }
}
