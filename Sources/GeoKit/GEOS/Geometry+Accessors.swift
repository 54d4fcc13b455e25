import CGEOS

extension Geometry {
    public var type: GeometryType {
        GeometryType(rawValue: GEOSGeomTypeId_r(ctx, handle)) ?? .geometryCollection
    }

    public var isEmpty: Bool { GEOSisEmpty_r(ctx, handle) == 1 }

    /// Number of parts: 1 for a single geometry, the member count for a collection.
    public var partCount: Int { Int(GEOSGetNumGeometries_r(ctx, handle)) }

    /// Part `index` of a collection (or the geometry itself), borrowed from this geometry.
    public func part(_ index: Int) -> Geometry {
        precondition(index >= 0 && index < partCount, "part index \(index) out of range 0..<\(partCount)")
        let child = GEOSGetGeometryN_r(ctx, handle, Int32(index))!
        return child == handle ? self : Geometry(borrowing: child, parent: self)
    }

    public var parts: [Geometry] { (0..<partCount).map(part) }

    /// The polygon's outer ring, borrowed.
    public var exteriorRing: Geometry? {
        guard type == .polygon, !isEmpty, let ring = GEOSGetExteriorRing_r(ctx, handle) else { return nil }
        return Geometry(borrowing: ring, parent: self)
    }

    /// The polygon's holes, borrowed.
    public var interiorRings: [Geometry] {
        guard type == .polygon else { return [] }
        let n = GEOSGetNumInteriorRings_r(ctx, handle)
        guard n > 0 else { return [] }
        return (0..<n).compactMap { i in
            GEOSGetInteriorRingN_r(ctx, handle, i).map { Geometry(borrowing: $0, parent: self) }
        }
    }

    /// Total vertex count.
    public var vertexCount: Int { Int(GEOSGetNumCoordinates_r(ctx, handle)) }

    /// The coordinates of a point, line string or ring, copied in bulk.
    public func coordinates() throws -> [Coordinate] {
        guard [.point, .lineString, .linearRing].contains(type) else {
            throw GEOSError.invalidInput("coordinates() needs a point, line string or ring, got \(type.name)")
        }
        guard !isEmpty, let seq = GEOSGeom_getCoordSeq_r(ctx, handle) else { return [] }
        var size: UInt32 = 0
        guard GEOSCoordSeq_getSize_r(ctx, seq, &size) != 0 else {
            throw GEOSError.operation("getSize", message: context.takeError())
        }
        var result = [Coordinate](repeating: Coordinate(0, 0), count: Int(size))
        let ok = result.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: Double.self) { doubles in
                GEOSCoordSeq_copyToBuffer_r(ctx, seq, doubles.baseAddress, 0, 0)
            }
        }
        guard ok != 0 else { throw GEOSError.operation("copyToBuffer", message: context.takeError()) }
        return result
    }

    /// The x and y of a point.
    public var coordinate: Coordinate? {
        guard type == .point, !isEmpty else { return nil }
        var x = 0.0, y = 0.0
        guard GEOSGeomGetX_r(ctx, handle, &x) != 0, GEOSGeomGetY_r(ctx, handle, &y) != 0 else { return nil }
        return Coordinate(x, y)
    }

    public var envelope: Envelope? {
        guard !isEmpty else { return nil }
        var minX = 0.0, minY = 0.0, maxX = 0.0, maxY = 0.0
        guard GEOSGeom_getExtent_r(ctx, handle, &minX, &minY, &maxX, &maxY) != 0 else { return nil }
        return Envelope(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
    }

    /// Planar area in the geometry's own units (square degrees for lon/lat: project first for km²).
    public func area() throws -> Double {
        var value = 0.0
        guard GEOSArea_r(ctx, handle, &value) != 0 else { throw GEOSError.operation("area", message: context.takeError()) }
        return value
    }

    /// Planar length in the geometry's own units.
    public func length() throws -> Double {
        var value = 0.0
        guard GEOSLength_r(ctx, handle, &value) != 0 else { throw GEOSError.operation("length", message: context.takeError()) }
        return value
    }

    public func centroid() throws -> Geometry {
        try context.owned(GEOSGetCentroid_r(ctx, handle), "centroid")
    }

    /// Whether a ring (or a polygon's exterior ring) runs counter-clockwise.
    public func isCounterClockwise() throws -> Bool {
        let ring = type == .polygon ? exteriorRing : self
        guard let ring, [.linearRing, .lineString].contains(ring.type), !ring.isEmpty,
              let seq = GEOSGeom_getCoordSeq_r(ctx, ring.handle) else {
            throw GEOSError.invalidInput("isCounterClockwise needs a ring or a polygon, got \(type.name)")
        }
        var ccw: CChar = 0
        guard GEOSCoordSeq_isCCW_r(ctx, seq, &ccw) != 0 else { throw GEOSError.operation("isCCW", message: context.takeError()) }
        return ccw != 0
    }
}

extension Geometry: CustomStringConvertible {
    public var description: String { (try? wkt(precision: 6)) ?? "<\(type.name)>" }
}
