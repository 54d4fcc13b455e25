import Foundation
import GeoKit
import EventModel
import EventFormats

/// What was done to the degenerate rings of one feature: unclosed rings closed, rings of fewer than 4 positions
/// or of zero area (every position on one line) dropped. A polygon whose outer ring is dropped goes with its holes.
public struct RingFix: Sendable, Equatable {
    public var closed = 0
    public var tooShort = 0
    public var zeroArea = 0
    /// Rings holding a position that is not a finite number.
    public var nonFinite = 0
    /// Holes left out because the outer ring of their polygon was dropped.
    public var holesDropped = 0
    /// The first dropped ring, in GEOS's words where GEOS has them ("Too few points in geometry component: …").
    public var firstDrop: String?

    public init() {}

    public var dropped: Int { tooShort + zeroArea + nonFinite }
    /// Degenerate rings found: closed or dropped.
    public var count: Int { closed + dropped }
    public var isEmpty: Bool { count == 0 }

    public var description: String {
        var parts: [String] = []
        if closed > 0 { parts.append("\(closed) unclosed ring\(closed == 1 ? "" : "s") closed") }
        if tooShort > 0 { parts.append("\(tooShort) ring\(tooShort == 1 ? "" : "s") of fewer than 4 positions dropped") }
        if zeroArea > 0 { parts.append("\(zeroArea) ring\(zeroArea == 1 ? "" : "s") of zero area dropped") }
        if nonFinite > 0 { parts.append("\(nonFinite) ring\(nonFinite == 1 ? "" : "s") with non-finite coordinates dropped") }
        if holesDropped > 0 { parts.append("\(holesDropped) hole\(holesDropped == 1 ? "" : "s") dropped with \(holesDropped == 1 ? "its" : "their") outer ring") }
        return parts.joined(separator: ", ")
    }

    static func + (a: RingFix, b: RingFix) -> RingFix {
        var sum = RingFix()
        sum.closed = a.closed + b.closed
        sum.tooShort = a.tooShort + b.tooShort
        sum.zeroArea = a.zeroArea + b.zeroArea
        sum.nonFinite = a.nonFinite + b.nonFinite
        sum.holesDropped = a.holesDropped + b.holesDropped
        sum.firstDrop = a.firstDrop ?? b.firstDrop
        return sum
    }
}

/// The outline of one imported feature, made usable: degenerate rings closed or dropped, non-polygon parts of a
/// collection dropped. Validity (GEOS make-valid) is repaired later, only for the features that match a district.
struct ImportOutline {
    enum State {
        /// No geometry (null): nothing to import.
        case none
        /// A Polygon or MultiPolygon, possibly with rings fixed.
        case polygonal(Geometry)
        /// A Polygon or MultiPolygon with no area left: written empty, or every ring dropped.
        case empty(reason: String)
        /// A geometry that is not an outline (a Point, a LineString) or cannot be read at all.
        case unusable(LenientFeature.Problem)
    }

    var state: State
    var rings = RingFix()
    /// A GeometryCollection whose non-polygon members were dropped.
    var droppedParts: Int = 0

    var geometry: Geometry? { if case let .polygonal(g) = state { g } else { nil } }
    /// True when the feature holds a polygon, readable or not: a layer without any is not a polygon layer.
    var isPolygonLayerFeature: Bool {
        switch state {
        case .polygonal, .empty: true
        case .none, .unusable: false
        }
    }

    static func make(_ lenient: LenientFeature, file: String, index: Int, in context: GEOSContext) throws -> ImportOutline {
        let location = "\(file):feature \(index)"
        if let rings = lenient.rings {
            return try fromRings(rings, fallback: lenient.problem, in: context)
        }
        if let problem = lenient.problem { return ImportOutline(state: .unusable(problem)) }
        guard let geometry = lenient.feature.geometry else { return ImportOutline(state: .none) }
        switch geometry.type {
        case .polygon, .multiPolygon:
            return try fromGEOS(geometry, in: context)
        case .geometryCollection where geometry.parts.contains(where: { [.polygon, .multiPolygon].contains($0.type) }):
            let polygons = geometry.parts.filter { [.polygon, .multiPolygon].contains($0.type) }
            var outline = try fromGEOS(Geometry.collection(.geometryCollection, polygons, in: context), in: context)
            outline.droppedParts = geometry.partCount - polygons.count
            return outline
        default:
            return ImportOutline(state: .unusable(LenientFeature.Problem(
                location: location, message: "geometry is a \(geometry.type.name); district outlines must be polygons")))
        }
    }

    /// Reads the rings of a polygonal GEOS geometry (a polygon, a multipolygon, or a collection of them) and
    /// rebuilds it only when a ring had to be dropped.
    private static func fromGEOS(_ geometry: Geometry, in context: GEOSContext) throws -> ImportOutline {
        if geometry.isEmpty { return ImportOutline(state: .empty(reason: "has an empty geometry")) }
        var polygons: [[[Coordinate]]] = []
        for part in geometry.parts {
            let pieces = part.type == .multiPolygon ? part.parts : [part]
            for polygon in pieces where !polygon.isEmpty {
                var rings = [try polygon.exteriorRing?.coordinates() ?? []]
                for hole in polygon.interiorRings { rings.append(try hole.coordinates()) }
                polygons.append(rings)
            }
        }
        let (kept, fix) = sanitize(polygons)
        if fix.isEmpty && geometry.type != .geometryCollection { return ImportOutline(state: .polygonal(geometry)) }
        return try build(kept, fix: fix, in: context)
    }

    private static func fromRings(_ polygons: [[[Coordinate]]], fallback: LenientFeature.Problem?, in context: GEOSContext) throws -> ImportOutline {
        let (kept, fix) = sanitize(polygons)
        do {
            return try build(kept, fix: fix, in: context)
        } catch {
            return ImportOutline(state: .unusable(fallback ?? LenientFeature.Problem(location: "", message: "cannot be read: \(error)")), rings: fix)
        }
    }

    private static func build(_ polygons: [[[Coordinate]]], fix: RingFix, in context: GEOSContext) throws -> ImportOutline {
        guard !polygons.isEmpty else {
            let reason = fix.firstDrop.map { "collapses to no area when repaired (\($0))" } ?? "has an empty geometry"
            return ImportOutline(state: .empty(reason: reason), rings: fix)
        }
        let parts = try polygons.map { rings in
            try Geometry.polygon(exterior: rings[0], holes: Array(rings.dropFirst()), in: context)
        }
        let geometry = parts.count == 1 ? parts[0] : try Geometry.collection(.multiPolygon, parts, in: context)
        return ImportOutline(state: .polygonal(geometry), rings: fix)
    }

    /// Closes unclosed rings and drops rings of fewer than 4 positions, of zero area or with non-finite
    /// coordinates; a polygon whose outer ring is dropped is dropped with its holes.
    static func sanitize(_ polygons: [[[Coordinate]]]) -> (polygons: [[[Coordinate]]], fix: RingFix) {
        var fix = RingFix()
        var kept: [[[Coordinate]]] = []
        for (p, rings) in polygons.enumerated() {
            var out: [[Coordinate]] = []
            for (r, original) in rings.enumerated() {
                guard let ring = fixRing(original, name: "ring \(r + 1) of polygon \(p + 1)", &fix) else {
                    if r == 0 {
                        fix.holesDropped += rings.count - 1
                        break
                    }
                    continue
                }
                out.append(ring)
            }
            if !out.isEmpty { kept.append(out) }  // empty when the outer ring was dropped
        }
        return (kept, fix)
    }

    /// The ring closed if it was open, or nil when it must be dropped (counted in `fix`).
    private static func fixRing(_ original: [Coordinate], name: String, _ fix: inout RingFix) -> [Coordinate]? {
        if original.contains(where: { !$0.x.isFinite || !$0.y.isFinite }) {
            fix.nonFinite += 1
            fix.firstDrop = fix.firstDrop ?? "Non-finite coordinates in \(name)"
            return nil
        }
        var ring = original
        if let first = ring.first, let last = ring.last, first != last {
            ring.append(first)
            fix.closed += 1
        }
        if ring.count < 4 {
            fix.tooShort += 1
            fix.firstDrop = fix.firstDrop ?? "Too few points in geometry component: \(name) has \(original.count) position\(original.count == 1 ? "" : "s")"
            return nil
        }
        if isFlat(ring) {
            fix.zeroArea += 1
            fix.firstDrop = fix.firstDrop ?? "Zero area: the positions of \(name) lie on one line"
            return nil
        }
        return ring
    }

    /// True when every position lies on one line (or on one point): the ring encloses no area.
    static func isFlat(_ ring: [Coordinate]) -> Bool {
        guard let origin = ring.first, let other = ring.first(where: { $0 != origin }) else { return true }
        let dx = other.x - origin.x, dy = other.y - origin.y
        let length = (dx * dx + dy * dy).squareRoot()
        for point in ring {
            let px = point.x - origin.x, py = point.y - origin.y
            let cross = dx * py - dy * px
            if abs(cross) > 1e-12 * length * max((px * px + py * py).squareRoot(), 1e-300) { return false }
        }
        return true
    }

    /// Repairs an invalid outline with GEOS make-valid, keeping its polygonal part: the repaired geometry and
    /// GEOS's reason, or nil and the reason when nothing with an area is left.
    static func repair(_ geometry: Geometry, in context: GEOSContext) throws -> (geometry: Geometry?, reason: String?) {
        if geometry.isValid { return (geometry, nil) }
        let reason = geometry.validityReason
        var valid = try geometry.makeValid()
        if valid.type == .geometryCollection {
            let polygons = valid.parts.filter { [.polygon, .multiPolygon].contains($0.type) && !$0.isEmpty }
            valid = polygons.isEmpty ? try Geometry.empty(.multiPolygon, in: context)
                : try Geometry.unionOf(polygons, in: context)
        }
        if try valid.isEmpty || ![.polygon, .multiPolygon].contains(valid.type) || valid.area() == 0 { return (nil, reason) }
        return (valid, reason)
    }
}
