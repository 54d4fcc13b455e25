import Foundation
import GeoKit
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis

/// Lon/lat → page pixels: a PROJ transform to a projected CRS (metres), then a scale and translation that fit the
/// projected extent into a frame. Bound to one thread (it owns a PROJ context).
final class MapProjection {
    let crs: String
    private let context: PROJContext
    private let transform: CoordinateTransform
    /// Pixels per projected unit, and the projected point drawn at the frame centre.
    private(set) var scale = 1.0
    private(set) var centreX = 0.0, centreY = 0.0
    /// The frame the extent was fitted into (page pixels of the panel).
    private(set) var frame = Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1)

    /// `crs` is an EPSG code, PROJ string or WKT of a projected CRS; a geographic CRS is refused
    /// (maps never plot raw degrees as x/y).
    init(crs: String) throws {
        self.crs = crs
        context = try PROJContext()
        do {
            transform = try CoordinateTransform(from: "EPSG:4326", to: crs, context: context)
        } catch {
            throw MapError("projection '\(crs)' cannot be used: \(error); give an EPSG code (EPSG:102025) or a PROJ string (+proj=aea …)")
        }
        if transform.crsIsGeographic {
            throw MapError("projection '\(crs)' is geographic (degrees); maps need a projected CRS such as an equal-area conic (+proj=aea …) or EPSG:32642")
        }
    }

    /// The default: Albers equal-area fitted to a lon/lat extent (standard parallels at 1/6 and 5/6 of the span).
    static func albers(fitting e: Envelope) throws -> MapProjection {
        try MapProjection(crs: CoordinateTransform.albersEqualArea(lonMin: e.minX, lonMax: e.maxX, latMin: e.minY, latMax: e.maxY))
    }

    // MARK: Projected (metres) stage

    /// Lon/lat → projected units in place; points PROJ cannot transform become NaN.
    func toProjected(_ coordinates: inout [Coordinate]) {
        guard !coordinates.isEmpty else { return }
        coordinates.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: Double.self) { doubles in
                try? transform.transform(interleaved: doubles, onFailure: .markNaN)
            }
        }
    }

    /// Bounds in projected units of every vertex of `geometries` (lon/lat) plus `points`.
    func projectedBounds(of geometries: [Geometry], points: [Coordinate]) throws -> Envelope? {
        var bounds: Envelope?
        func add(_ list: [Coordinate]) {
            var list = list
            toProjected(&list)
            for c in list where c.x.isFinite && c.y.isFinite {
                let e = Envelope(minX: c.x, minY: c.y, maxX: c.x, maxY: c.y)
                bounds = bounds?.union(e) ?? e
            }
        }
        for geometry in geometries { try Self.forEachRing(geometry) { ring, _ in add(ring) } }
        add(points)
        return bounds
    }

    /// Fits `extent` (projected units) into `frame` (pixels) leaving `padding` pixels on every side.
    func fit(_ extent: Envelope, into frame: Envelope, padding: Double) {
        self.frame = frame
        let w = max(extent.width, 1), h = max(extent.height, 1)
        scale = min((frame.width - 2 * padding) / w, (frame.height - 2 * padding) / h)
        centreX = (extent.minX + extent.maxX) / 2
        centreY = (extent.minY + extent.maxY) / 2
    }

    // MARK: Pixels

    /// Lon/lat → pixels in place (NaN where PROJ fails).
    func project(_ coordinates: inout [Coordinate]) {
        coordinates.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: Double.self) { project(interleaved: $0) }
        }
    }

    /// Lon/lat → pixels in place on an interleaved `[x0, y0, x1, y1, …]` buffer (NaN where PROJ fails).
    func project(interleaved xy: UnsafeMutableBufferPointer<Double>) {
        guard !xy.isEmpty else { return }
        try? transform.transform(interleaved: xy, onFailure: .markNaN)
        let fx = (frame.minX + frame.maxX) / 2, fy = (frame.minY + frame.maxY) / 2
        for i in stride(from: 0, to: xy.count - 1, by: 2) {
            xy[i] = fx + (xy[i] - centreX) * scale
            xy[i + 1] = fy - (xy[i + 1] - centreY) * scale
        }
    }

    func project(_ c: Coordinate) -> Coordinate? {
        var list = [c]
        project(&list)
        return list[0].x.isFinite && list[0].y.isFinite ? list[0] : nil
    }

    /// Lon/lat geometries → pixels, one bulk PROJ call per ring; points PROJ cannot transform are dropped and what
    /// remains repaired (`GeometryTransform.FailurePolicy.dropFailedPoints`). Uses the fit current when applied.
    var toPixels: GeometryTransform {
        GeometryTransform(onFailure: .dropFailedPoints) { [self] xy in project(interleaved: xy) }
    }

    /// Pixels → lon/lat through the inverse transform.
    func unproject(_ p: Coordinate) -> Coordinate? {
        let fx = (frame.minX + frame.maxX) / 2, fy = (frame.minY + frame.maxY) / 2
        let x = centreX + (p.x - fx) / scale, y = centreY - (p.y - fy) / scale
        guard let r = try? transform.transform((x, y), direction: .inverse) else { return nil }
        return Coordinate(r.x, r.y)
    }

    /// Pixels ↔ projected units (for relating two maps in the same CRS, such as an inset and its main map).
    func toProjectedUnits(_ p: Coordinate) -> Coordinate {
        Coordinate(centreX + (p.x - (frame.minX + frame.maxX) / 2) / scale, centreY - (p.y - (frame.minY + frame.maxY) / 2) / scale)
    }

    func fromProjectedUnits(_ q: Coordinate) -> Coordinate {
        Coordinate((frame.minX + frame.maxX) / 2 + (q.x - centreX) * scale, (frame.minY + frame.maxY) / 2 - (q.y - centreY) * scale)
    }

    // MARK: Measures for the furniture

    /// Kilometres per pixel at a pixel position, measured on the ellipsoid (PROJ geodesic) over 100 px east–west.
    func kilometresPerPixel(at p: Coordinate) -> Double? {
        guard let a = unproject(Coordinate(p.x - 50, p.y)), let b = unproject(Coordinate(p.x + 50, p.y)) else { return nil }
        let km = Geodesic.wgs84.distanceKm(lon1: a.x, lat1: a.y, lon2: b.x, lat2: b.y)
        return km.isFinite && km > 0 ? km / 100 : nil
    }

    /// The direction of true north at a pixel position, in degrees clockwise from straight up the page.
    func northAngle(at p: Coordinate) -> Double {
        guard let ll = unproject(p), let north = project(Coordinate(ll.x, min(ll.y + 0.1, 89.9))) else { return 0 }
        return atan2(north.x - p.x, p.y - north.y) * 180 / .pi
    }

    /// Calls `body` with the coordinates of every ring or line of a geometry (and whether it is a ring).
    static func forEachRing(_ geometry: Geometry, _ body: ([Coordinate], Bool) throws -> Void) throws {
        switch geometry.type {
        case .polygon:
            if let shell = geometry.exteriorRing { try body(try shell.coordinates(), true) }
            for hole in geometry.interiorRings { try body(try hole.coordinates(), true) }
        case .lineString, .linearRing, .point:
            try body(try geometry.coordinates(), false)
        default:
            for part in geometry.parts { try forEachRing(part, body) }
        }
    }
}

/// A map that cannot be drawn as asked: what and what to do.
public struct MapError: Error, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
