import CGEOS

/// A planar position; in this project x is longitude and y latitude unless a projection says otherwise.
public struct Coordinate: Hashable, Sendable, CustomStringConvertible {
    public var x: Double
    public var y: Double
    public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
    public init(x: Double, y: Double) { self.x = x; self.y = y }
    public var description: String { "(\(x), \(y))" }
}

/// An axis-aligned rectangle.
public struct Envelope: Hashable, Sendable {
    public var minX, minY, maxX, maxY: Double
    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX; self.minY = minY; self.maxX = maxX; self.maxY = maxY
    }
    public var width: Double { maxX - minX }
    public var height: Double { maxY - minY }
    public var center: Coordinate { Coordinate((minX + maxX) / 2, (minY + maxY) / 2) }
    public func contains(_ c: Coordinate) -> Bool { c.x >= minX && c.x <= maxX && c.y >= minY && c.y <= maxY }
    public func intersects(_ o: Envelope) -> Bool { !(o.minX > maxX || o.maxX < minX || o.minY > maxY || o.maxY < minY) }
    public func union(_ o: Envelope) -> Envelope {
        Envelope(minX: min(minX, o.minX), minY: min(minY, o.minY), maxX: max(maxX, o.maxX), maxY: max(maxY, o.maxY))
    }
    public func expanded(by d: Double) -> Envelope {
        Envelope(minX: minX - d, minY: minY - d, maxX: maxX + d, maxY: maxY + d)
    }
}

public enum GeometryType: Int32, Sendable, CaseIterable {
    case point = 0, lineString, linearRing, polygon, multiPoint, multiLineString, multiPolygon, geometryCollection

    public var name: String {
        switch self {
        case .point: "Point"
        case .lineString: "LineString"
        case .linearRing: "LinearRing"
        case .polygon: "Polygon"
        case .multiPoint: "MultiPoint"
        case .multiLineString: "MultiLineString"
        case .multiPolygon: "MultiPolygon"
        case .geometryCollection: "GeometryCollection"
        }
    }
}

/// A GEOS geometry owned by Swift. An owning geometry frees its handle exactly once in `deinit`;
/// a borrowed one (a part of a collection, a polygon's ring) keeps its parent alive and frees nothing.
public final class Geometry {
    public let context: GEOSContext
    let handle: OpaquePointer
    private let parent: Geometry?

    init(owning handle: OpaquePointer, context: GEOSContext) {
        self.handle = handle
        self.context = context
        self.parent = nil
    }

    init(borrowing handle: OpaquePointer, parent: Geometry) {
        self.handle = handle
        self.context = parent.context
        self.parent = parent
    }

    deinit {
        if parent == nil { GEOSGeom_destroy_r(context.handle, handle) }
    }

    var ctx: GEOSContextHandle_t { context.handle }

    // MARK: Construction

    public static func point(_ c: Coordinate, in context: GEOSContext) throws -> Geometry {
        try point(x: c.x, y: c.y, in: context)
    }

    public static func point(x: Double, y: Double, in context: GEOSContext) throws -> Geometry {
        try checkFinite([x, y], "point")
        return try context.owned(GEOSGeom_createPointFromXY_r(context.handle, x, y), "createPoint")
    }

    public static func lineString(_ coordinates: [Coordinate], in context: GEOSContext) throws -> Geometry {
        guard coordinates.count != 1 else {
            throw GEOSError.invalidInput("a line string needs at least 2 coordinates, got 1")
        }
        let seq = try coordinateSequence(coordinates, in: context)
        return try context.owned(GEOSGeom_createLineString_r(context.handle, seq), "createLineString")
    }

    public static func polygon(exterior: [Coordinate], holes: [[Coordinate]] = [], in context: GEOSContext) throws -> Geometry {
        let shell = try linearRing(exterior, in: context)
        var holeHandles: [OpaquePointer?] = []
        for hole in holes {
            do { holeHandles.append(try linearRing(hole, in: context)) } catch {
                GEOSGeom_destroy_r(context.handle, shell)
                holeHandles.forEach { if let h = $0 { GEOSGeom_destroy_r(context.handle, h) } }
                throw error
            }
        }
        let polygon = holeHandles.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createPolygon_r(context.handle, shell, buffer.baseAddress, UInt32(buffer.count))
        }
        return try context.owned(polygon, "createPolygon")
    }

    /// A collection of copies of `parts` (the parts stay usable).
    public static func collection(_ type: GeometryType, _ parts: [Geometry], in context: GEOSContext) throws -> Geometry {
        guard [.multiPoint, .multiLineString, .multiPolygon, .geometryCollection].contains(type) else {
            throw GEOSError.invalidInput("\(type.name) is not a collection type")
        }
        var clones: [OpaquePointer?] = []
        clones.reserveCapacity(parts.count)
        for part in parts {
            guard let clone = GEOSGeom_clone_r(context.handle, part.handle) else {
                clones.forEach { if let c = $0 { GEOSGeom_destroy_r(context.handle, c) } }
                throw GEOSError.operation("clone", message: context.takeError())
            }
            clones.append(clone)
        }
        let made = clones.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createCollection_r(context.handle, Int32(type.rawValue), buffer.baseAddress, UInt32(buffer.count))
        }
        return try context.owned(made, "createCollection")
    }

    public static func empty(_ type: GeometryType = .geometryCollection, in context: GEOSContext) throws -> Geometry {
        let made: OpaquePointer? = switch type {
        case .point: GEOSGeom_createEmptyPoint_r(context.handle)
        case .lineString, .linearRing: GEOSGeom_createEmptyLineString_r(context.handle)
        case .polygon: GEOSGeom_createEmptyPolygon_r(context.handle)
        default: GEOSGeom_createEmptyCollection_r(context.handle, Int32(type.rawValue))
        }
        return try context.owned(made, "createEmpty")
    }

    public static func rectangle(_ e: Envelope, in context: GEOSContext) throws -> Geometry {
        try polygon(exterior: [
            Coordinate(e.minX, e.minY), Coordinate(e.maxX, e.minY), Coordinate(e.maxX, e.maxY),
            Coordinate(e.minX, e.maxY), Coordinate(e.minX, e.minY),
        ], in: context)
    }

    public func clone() throws -> Geometry {
        try context.owned(GEOSGeom_clone_r(ctx, handle), "clone")
    }

    /// This geometry, made in another context (through WKB), for handing to another worker.
    public func copy(into other: GEOSContext) throws -> Geometry {
        try Geometry(wkb: wkb(), in: other)
    }

    static func checkFinite(_ values: [Double], _ what: String) throws {
        if let bad = values.first(where: { !$0.isFinite }) {
            throw GEOSError.invalidInput("\(what) has a non-finite coordinate (\(bad)); coordinates must be finite numbers")
        }
    }

    static func coordinateSequence(_ coordinates: [Coordinate], in context: GEOSContext) throws -> OpaquePointer {
        for c in coordinates where !c.x.isFinite || !c.y.isFinite {
            throw GEOSError.invalidInput("coordinate \(c) is not finite; coordinates must be finite numbers")
        }
        let seq = coordinates.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: Double.self) { doubles in
                GEOSCoordSeq_copyFromBuffer_r(context.handle, doubles.baseAddress, UInt32(coordinates.count), 0, 0)
            }
        }
        guard let seq else { throw GEOSError.operation("copyFromBuffer", message: context.takeError()) }
        return seq
    }

    static func linearRing(_ coordinates: [Coordinate], in context: GEOSContext) throws -> OpaquePointer {
        guard coordinates.isEmpty || coordinates.count >= 4 else {
            throw GEOSError.invalidInput("a polygon ring needs at least 4 coordinates (3 corners and the first repeated), got \(coordinates.count)")
        }
        guard coordinates.first == coordinates.last else {
            throw GEOSError.invalidInput("polygon ring is not closed: first \(coordinates.first!) and last \(coordinates.last!) differ; repeat the first coordinate at the end")
        }
        let seq = try coordinateSequence(coordinates, in: context)
        guard let ring = GEOSGeom_createLinearRing_r(context.handle, seq) else {
            throw GEOSError.operation("createLinearRing", message: context.takeError())
        }
        return ring
    }
}
