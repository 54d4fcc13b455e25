import CGEOS

/// A GEOS STR-packed R-tree over a fixed list of geometries; queries answer with their indices.
/// The tree keeps the geometries alive, since GEOS indexes them by reference.
public final class STRtree {
    public let geometries: [Geometry]
    public let context: GEOSContext
    private let tree: OpaquePointer

    private final class Hits { var indices: [Int] = [] }

    private struct NearestQuery {
        let context: GEOSContextHandle_t
        let items: [OpaquePointer]
        let query: OpaquePointer
    }

    private struct PreparedNearestQuery {
        let context: GEOSContextHandle_t
        let items: [OpaquePointer]
        let query: OpaquePointer
    }

    private static let querySentinelBits = UInt.max

    public init(_ geometries: [Geometry], nodeCapacity: Int = 10, in context: GEOSContext) throws {
        guard let tree = GEOSSTRtree_create_r(context.handle, nodeCapacity) else {
            throw GEOSError.operation("STRtree_create", message: context.takeError())
        }
        self.tree = tree
        self.context = context
        self.geometries = geometries
        for (index, geometry) in geometries.enumerated() where !geometry.isEmpty {
            precondition(geometry.context === context, "STRtree: every geometry must belong to the tree's context")
            GEOSSTRtree_insert_r(context.handle, tree, geometry.handle, UnsafeMutableRawPointer(bitPattern: index + 1))
        }
    }

    deinit {
        GEOSSTRtree_destroy_r(context.handle, tree)
    }

    public var count: Int { geometries.count }

    /// Indices of the geometries whose envelopes intersect the envelope of `geometry`, ascending.
    public func candidates(intersecting geometry: Geometry) -> [Int] {
        let hits = Hits()
        withExtendedLifetime(hits) {
            GEOSSTRtree_query_r(context.handle, tree, geometry.handle, { item, userdata in
                let hits = Unmanaged<Hits>.fromOpaque(userdata!).takeUnretainedValue()
                hits.indices.append(Int(bitPattern: item) - 1)
            }, Unmanaged.passUnretained(hits).toOpaque())
        }
        return hits.indices.sorted()
    }

    public func candidates(intersecting envelope: Envelope) throws -> [Int] {
        candidates(intersecting: try Geometry.rectangle(envelope, in: context))
    }

    /// Index of the geometry nearest `geometry` (planar distance), or nil when the tree is empty.
    public func nearest(to geometry: Geometry) throws -> Int? {
        guard geometries.contains(where: { !$0.isEmpty }) else { return nil }
        var query = NearestQuery(context: context.handle, items: geometries.map(\.handle), query: geometry.handle)
        context.clearError()
        let found = withUnsafeMutablePointer(to: &query) { queryPointer in
            GEOSSTRtree_nearest_generic_r(context.handle, tree, UnsafeRawPointer(bitPattern: Self.querySentinelBits), geometry.handle, { a, b, distance, userdata in
                let query = userdata!.assumingMemoryBound(to: NearestQuery.self).pointee
                func handle(_ item: UnsafeRawPointer?) -> OpaquePointer {
                    UInt(bitPattern: item) == STRtree.querySentinelBits ? query.query : query.items[Int(bitPattern: item) - 1]
                }
                // GEOS treats a non-zero return as success here, whatever its header comment says.
                return GEOSDistance_r(query.context, handle(a), handle(b), distance)
            }, queryPointer)
        }
        guard let found else { throw GEOSError.operation("STRtree_nearest", message: context.takeError()) }
        return Int(bitPattern: found) - 1
    }

    /// The same answer as `nearest(to:)`, with each distance taken from `prepared[i]` (the tree's geometry i,
    /// prepared), which indexes its edges once instead of scanning them for every query point.
    public func nearest(to geometry: Geometry, prepared: [PreparedGeometry]) throws -> Int? {
        precondition(prepared.count == geometries.count, "STRtree: one prepared geometry per tree geometry")
        guard geometries.contains(where: { !$0.isEmpty }) else { return nil }
        var query = PreparedNearestQuery(context: context.handle, items: prepared.map(\.handle), query: geometry.handle)
        context.clearError()
        let found = withUnsafeMutablePointer(to: &query) { queryPointer in
            GEOSSTRtree_nearest_generic_r(context.handle, tree, UnsafeRawPointer(bitPattern: Self.querySentinelBits), geometry.handle, { a, b, distance, userdata in
                let query = userdata!.assumingMemoryBound(to: PreparedNearestQuery.self).pointee
                let item = UInt(bitPattern: a) == STRtree.querySentinelBits ? b : a
                return GEOSPreparedDistance_r(query.context, query.items[Int(bitPattern: item) - 1], query.query, distance)
            }, queryPointer)
        }
        guard let found else { throw GEOSError.operation("STRtree_nearest", message: context.takeError()) }
        return Int(bitPattern: found) - 1
    }
}
