import CGEOS

/// A geometry indexed by GEOS for many repeated predicates against other geometries.
/// Prepare once (for example each district polygon), then test many points.
public final class PreparedGeometry {
    public let geometry: Geometry
    package let handle: OpaquePointer

    public init(_ geometry: Geometry) throws {
        guard let handle = GEOSPrepare_r(geometry.ctx, geometry.handle) else {
            throw GEOSError.operation("prepare", message: geometry.context.takeError())
        }
        self.geometry = geometry
        self.handle = handle
    }

    deinit {
        GEOSPreparedGeom_destroy_r(geometry.ctx, handle)
    }

    private var context: GEOSContext { geometry.context }

    public func contains(_ other: Geometry) throws -> Bool {
        try context.predicate(GEOSPreparedContains_r(context.handle, handle, other.handle), "preparedContains")
    }

    /// True when `other` lies in the interior, touching no boundary.
    public func containsProperly(_ other: Geometry) throws -> Bool {
        try context.predicate(GEOSPreparedContainsProperly_r(context.handle, handle, other.handle), "preparedContainsProperly")
    }

    /// True when no point of `other` lies outside (boundary points count as covered).
    public func covers(_ other: Geometry) throws -> Bool {
        try context.predicate(GEOSPreparedCovers_r(context.handle, handle, other.handle), "preparedCovers")
    }

    public func intersects(_ other: Geometry) throws -> Bool {
        try context.predicate(GEOSPreparedIntersects_r(context.handle, handle, other.handle), "preparedIntersects")
    }

    public func distance(to other: Geometry) throws -> Double {
        var value = 0.0
        guard GEOSPreparedDistance_r(context.handle, handle, other.handle, &value) != 0 else {
            throw GEOSError.operation("preparedDistance", message: context.takeError())
        }
        return value
    }

    /// The closest pair: the first point on the prepared geometry, the second on `other`.
    public func nearestPoints(to other: Geometry) throws -> (Coordinate, Coordinate) {
        guard let seq = GEOSPreparedNearestPoints_r(context.handle, handle, other.handle) else {
            throw GEOSError.operation("preparedNearestPoints", message: context.takeError())
        }
        defer { GEOSCoordSeq_destroy_r(context.handle, seq) }
        var buffer = [Double](repeating: 0, count: 4)
        guard GEOSCoordSeq_copyToBuffer_r(context.handle, seq, &buffer, 0, 0) != 0 else {
            throw GEOSError.operation("preparedNearestPoints", message: context.takeError())
        }
        return (Coordinate(buffer[0], buffer[1]), Coordinate(buffer[2], buffer[3]))
    }
}
