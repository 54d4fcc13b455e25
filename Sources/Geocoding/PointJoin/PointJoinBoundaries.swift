import Foundation
import GeoKit
import EventModel
import EventFormats
import GeoReference

/// The polygons of a point join, read once from a GeoJSON file and kept as WKB so each worker can
/// rebuild them in its own GEOS context. Polygon order is file order: a point covered by several
/// polygons (on a shared edge, or where polygons overlap) goes to the lowest index.
public struct PointJoinBoundaries: Sendable {
    /// The value of the id property of each polygon, in file order.
    public let ids: [String]
    /// Each polygon as little-endian ISO WKB.
    public let wkb: [[UInt8]]
    /// The envelope of every polygon together; points outside it lie outside every polygon.
    public let extent: Envelope?
    /// Polygons GEOS finds invalid (answers for points near their defects may differ between tools).
    public let invalidCount: Int

    public var count: Int { ids.count }

    public init(ids: [String], wkb: [[UInt8]], extent: Envelope?, invalidCount: Int = 0) {
        precondition(ids.count == wkb.count, "one id per polygon")
        self.ids = ids
        self.wkb = wkb
        self.extent = extent
        self.invalidCount = invalidCount
    }

    /// Reads a GeoJSON FeatureCollection of Polygon / MultiPolygon features; `idField` names the
    /// property that identifies each polygon.
    public static func load(path: String, idField: String, checkValidity: Bool = true) throws -> PointJoinBoundaries {
        let context = GEOSContext()
        let data = try WholeFile.read(path: path, hint: "clip it to the area or simplify it first (ogr2ogr -clipsrc, -simplify)")
        let features = try data.withUnsafeBytes { raw in
            var scanner = PolygonGeoJSONScanner(path: path, bytes: raw.bindMemory(to: UInt8.self), context: context)
            return try scanner.features()
        }
        guard !features.isEmpty else {
            throw GeoDataError(file: path, "has no features; the boundaries file needs at least one polygon")
        }
        var ids: [String] = []
        var wkb: [[UInt8]] = []
        var extent: Envelope?
        var invalid = 0
        ids.reserveCapacity(features.count)
        wkb.reserveCapacity(features.count)
        for feature in features {
            let location = "\(path):feature \(feature.index)"
            let lowered = idField.lowercased()
            let value = feature.properties.first { $0.name == idField }?.value
                ?? feature.properties.first { $0.name.lowercased() == lowered }?.value
                ?? (idField == "id" ? feature.featureID : nil)
            guard let value, let id = value.stringValue else {
                throw BoundaryIDError(location: location, idField: idField, properties: feature.properties.map(\.name))
            }
            guard let geometry = feature.geometry, !geometry.isEmpty else {
                throw GeoDataError(file: location, "has no geometry; every boundary feature needs a Polygon or MultiPolygon")
            }
            if checkValidity, !geometry.isValid { invalid += 1 }
            if let e = geometry.envelope { extent = extent?.union(e) ?? e }
            ids.append(id)
            wkb.append(try geometry.wkb())
        }
        return PointJoinBoundaries(ids: ids, wkb: wkb, extent: extent, invalidCount: invalid)
    }
}

/// The polygons of a point join rebuilt and prepared in one GEOS context: the GEOS side of one worker.
/// Not thread-safe: use it from one thread at a time.
public final class PointJoinPolygons {
    public let context: GEOSContext
    public let geometries: [Geometry]
    public let prepared: [PreparedGeometry]
    public let tree: STRtree

    public init(_ boundaries: PointJoinBoundaries, context: GEOSContext = GEOSContext()) throws {
        self.context = context
        geometries = try boundaries.wkb.map { try Geometry(wkb: $0, in: context) }
        prepared = try geometries.map(PreparedGeometry.init)
        tree = try STRtree(geometries, in: context)
    }

    /// The lowest polygon index among `candidates` (ascending) whose polygon covers (x, y): GEOS prepared `covers`.
    @inline(__always)
    func firstCovering(x: Double, y: Double, among candidates: UnsafeBufferPointer<Int32>) throws -> Int32 {
        guard !candidates.isEmpty else { return -1 }
        let point = try Geometry.point(x: x, y: y, in: context)
        for index in candidates where try prepared[Int(index)].covers(point) { return index }
        return -1
    }

}

/// A boundary feature has no value for the property that identifies it.
public struct BoundaryIDError: Error, Equatable, CustomStringConvertible {
    public let location: String
    public let idField: String
    /// The properties the feature has, to choose the id property from.
    public let properties: [String]

    public var description: String {
        "\(location): has no value for the id property '\(idField)' (properties: \(properties.isEmpty ? "none" : properties.joined(separator: ", "))); name the id property"
    }
}
