import CGEOS

/// Rebuilds a geometry with every coordinate mapped. Each point, line and ring is copied out of GEOS in one call
/// (`GEOSCoordSeq_copyToBuffer_r`), mapped in place as an interleaved `[x0, y0, x1, y1, …]` buffer — for a
/// `CoordinateTransform`, one `proj_trans_generic` call — and copied back in one call. Every geometry type is
/// handled, with holes and nested collections; the result is 2D and made in the input's GEOS context.
public struct GeometryTransform {
    /// What happens to coordinates the mapping cannot produce (left non-finite).
    public enum FailurePolicy: Sendable {
        /// Throw `PROJError.transformFailed`.
        case throwError
        /// Leave the failed points out and repair what remains: rings are closed again; a point that failed, a line
        /// left with fewer than 2 points, a ring with fewer than 4, a polygon without its shell, an empty part of a
        /// collection and a collection without parts are left out.
        case dropFailedPoints
    }

    /// Maps an interleaved xy buffer in place; a point it cannot map is left non-finite.
    public typealias CoordinateMap = (UnsafeMutableBufferPointer<Double>) throws -> Void

    public let onFailure: FailurePolicy
    private let map: CoordinateMap

    public init(onFailure: FailurePolicy = .throwError, coordinates map: @escaping CoordinateMap) {
        self.onFailure = onFailure
        self.map = map
    }

    /// Through a PROJ transformation (bound to its context's thread, like the transformation itself).
    public init(_ transform: CoordinateTransform, direction: CoordinateTransform.Direction = .forward,
                onFailure: FailurePolicy = .throwError) {
        let projPolicy: CoordinateTransform.FailurePolicy = onFailure == .throwError ? .throwError : .markNaN
        self.init(onFailure: onFailure) { xy in try transform.transform(interleaved: xy, direction: direction, onFailure: projPolicy) }
    }

    /// The mapped geometry; an empty geometry of the input's type when nothing survives.
    public func apply(to geometry: Geometry) throws -> Geometry {
        let context = geometry.context
        guard let handle = try rebuilt(geometry.handle, in: context) else { return try Geometry.empty(geometry.type, in: context) }
        return Geometry(owning: handle, context: context)
    }

    // MARK: Rebuilding (handles returned are owned by the caller)

    private func rebuilt(_ g: OpaquePointer, in context: GEOSContext) throws -> OpaquePointer? {
        let ctx = context.handle
        if GEOSisEmpty_r(ctx, g) == 1 { return try cloned(g, in: context) }
        switch GeometryType(rawValue: GEOSGeomTypeId_r(ctx, g)) ?? .geometryCollection {
        case .point:
            guard let xy = try mappedCoordinates(of: g, in: context), xy.count == 2 else { return nil }
            return try make(xy, in: context, GEOSGeom_createPoint_r, "createPoint")
        case .lineString:
            guard let xy = try mappedCoordinates(of: g, in: context), xy.count >= 4 else { return nil }
            return try make(xy, in: context, GEOSGeom_createLineString_r, "createLineString")
        case .linearRing:
            return try ring(g, in: context)
        case .polygon:
            return try polygon(g, in: context)
        case .multiPoint, .multiLineString, .multiPolygon, .geometryCollection:
            return try collection(g, in: context)
        }
    }

    private func polygon(_ g: OpaquePointer, in context: GEOSContext) throws -> OpaquePointer? {
        let ctx = context.handle
        guard let exterior = GEOSGetExteriorRing_r(ctx, g) else { throw GEOSError.operation("getExteriorRing", message: context.takeError()) }
        guard let shell = try ring(exterior, in: context) else { return nil }
        var holes: [OpaquePointer?] = []
        do {
            for i in 0..<max(GEOSGetNumInteriorRings_r(ctx, g), 0) {
                guard let interior = GEOSGetInteriorRingN_r(ctx, g, i) else { throw GEOSError.operation("getInteriorRingN", message: context.takeError()) }
                if let hole = try ring(interior, in: context) { holes.append(hole) }
            }
        } catch {
            destroy([shell] + holes, in: context)
            throw error
        }
        let made = holes.withUnsafeMutableBufferPointer { GEOSGeom_createPolygon_r(ctx, shell, $0.baseAddress, UInt32($0.count)) }
        guard let made else { throw GEOSError.operation("createPolygon", message: context.takeError()) }
        return made
    }

    private func collection(_ g: OpaquePointer, in context: GEOSContext) throws -> OpaquePointer? {
        let ctx = context.handle
        var parts: [OpaquePointer?] = []
        do {
            for i in 0..<max(GEOSGetNumGeometries_r(ctx, g), 0) {
                guard let part = GEOSGetGeometryN_r(ctx, g, i) else { throw GEOSError.operation("getGeometryN", message: context.takeError()) }
                if onFailure == .dropFailedPoints, GEOSisEmpty_r(ctx, part) == 1 { continue }
                if let rebuiltPart = try rebuilt(part, in: context) { parts.append(rebuiltPart) }
            }
        } catch {
            destroy(parts, in: context)
            throw error
        }
        guard !parts.isEmpty else { return nil }
        let made = parts.withUnsafeMutableBufferPointer {
            GEOSGeom_createCollection_r(ctx, Int32(GEOSGeomTypeId_r(ctx, g)), $0.baseAddress, UInt32($0.count))
        }
        guard let made else { throw GEOSError.operation("createCollection", message: context.takeError()) }
        return made
    }

    /// A ring, closed again if a failed point was its first or last; nil when fewer than 4 points are left.
    private func ring(_ g: OpaquePointer, in context: GEOSContext) throws -> OpaquePointer? {
        guard var xy = try mappedCoordinates(of: g, in: context), xy.count >= 8 else { return nil }
        if xy[0] != xy[xy.count - 2] || xy[1] != xy[xy.count - 1] { xy += [xy[0], xy[1]] }
        return try make(xy, in: context, GEOSGeom_createLinearRing_r, "createLinearRing")
    }

    /// The coordinates of a point, line or ring, mapped, with failed points handled by the policy; nil when the
    /// policy drops the geometry.
    private func mappedCoordinates(of g: OpaquePointer, in context: GEOSContext) throws -> [Double]? {
        let ctx = context.handle
        var size: UInt32 = 0
        guard let sequence = GEOSGeom_getCoordSeq_r(ctx, g), GEOSCoordSeq_getSize_r(ctx, sequence, &size) != 0 else {
            throw GEOSError.operation("getCoordSeq", message: context.takeError())
        }
        var xy = [Double](repeating: 0, count: 2 * Int(size))
        let copied = xy.withUnsafeMutableBufferPointer { GEOSCoordSeq_copyToBuffer_r(ctx, sequence, $0.baseAddress, 0, 0) }
        guard copied != 0 else { throw GEOSError.operation("copyToBuffer", message: context.takeError()) }
        try xy.withUnsafeMutableBufferPointer { try map($0) }

        var kept = 0
        for i in stride(from: 0, to: xy.count, by: 2) where xy[i].isFinite && xy[i + 1].isFinite {
            xy[kept] = xy[i]; xy[kept + 1] = xy[i + 1]
            kept += 2
        }
        guard kept < xy.count else { return xy }
        if onFailure == .throwError {
            throw PROJError.transformFailed(message: "the coordinate mapping left \((xy.count - kept) / 2) points non-finite", failedPoints: (xy.count - kept) / 2)
        }
        xy.removeLast(xy.count - kept)
        return xy
    }

    private func make(_ xy: [Double], in context: GEOSContext,
                      _ create: (GEOSContextHandle_t?, OpaquePointer?) -> OpaquePointer?, _ operation: String) throws -> OpaquePointer {
        let ctx = context.handle
        let sequence = xy.withUnsafeBufferPointer { GEOSCoordSeq_copyFromBuffer_r(ctx, $0.baseAddress, UInt32(xy.count / 2), 0, 0) }
        guard let sequence else { throw GEOSError.operation("copyFromBuffer", message: context.takeError()) }
        guard let made = create(ctx, sequence) else { throw GEOSError.operation(operation, message: context.takeError()) }
        return made
    }

    private func cloned(_ g: OpaquePointer, in context: GEOSContext) throws -> OpaquePointer {
        guard let clone = GEOSGeom_clone_r(context.handle, g) else { throw GEOSError.operation("clone", message: context.takeError()) }
        return clone
    }

    private func destroy(_ handles: [OpaquePointer?], in context: GEOSContext) {
        for case let handle? in handles { GEOSGeom_destroy_r(context.handle, handle) }
    }
}

extension Geometry {
    /// This geometry with every coordinate passed through `transform` (see `GeometryTransform`).
    public func transformed(by transform: CoordinateTransform, direction: CoordinateTransform.Direction = .forward,
                            onFailure: GeometryTransform.FailurePolicy = .throwError) throws -> Geometry {
        try GeometryTransform(transform, direction: direction, onFailure: onFailure).apply(to: self)
    }
}
