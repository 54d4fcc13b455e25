import GeoKit

/// Lines in panel pixels that labels must not cross, tested through GEOS (one prepared geometry, one rectangle
/// per test): the hard barriers (borders a label must never run across) and the soft ones (links and other lines
/// a label avoids while it can).
final class LabelBarriers {
    private let context: GEOSContext
    private let hard: PreparedGeometry?
    private var soft: PreparedGeometry?
    /// Afghanistan's and Pakistan's outlines: a place's label stays in the place's country.
    private let sides: [PreparedGeometry]

    init(lines: [Geometry], sides: [Geometry] = [], context: GEOSContext) throws {
        self.context = context
        hard = lines.isEmpty ? nil : try PreparedGeometry(Geometry.collection(.geometryCollection, lines, in: context))
        self.sides = try sides.map { try PreparedGeometry($0) }
    }

    /// Which of the sides holds `p` (nil: neither).
    private func side(of p: Coordinate) -> Int? {
        guard let point = try? Geometry.point(p, in: context) else { return nil }
        return sides.firstIndex { (try? $0.covers(point)) ?? false }
    }

    /// True when `a` and `b` lie on the same side of the border (or neither lies in Afghanistan or Pakistan).
    func sameSide(_ a: Coordinate, _ b: Coordinate) -> Bool {
        guard !sides.isEmpty else { return true }
        return side(of: a) == side(of: b)
    }

    /// Adds lines labels avoid when they can (origin links): replaces any given before.
    func setSoft(_ lines: [[Coordinate]]) throws {
        let geometries = try lines.filter { $0.count >= 2 }.map { try Geometry.lineString($0, in: context) }
        soft = geometries.isEmpty ? nil : try PreparedGeometry(Geometry.collection(.multiLineString, geometries, in: context))
    }

    /// True when `box` crosses a hard barrier.
    func blocksAlways(_ box: Envelope) -> Bool {
        guard let hard, let rectangle = try? Geometry.rectangle(box, in: context) else { return false }
        return (try? hard.intersects(rectangle)) ?? true
    }

    /// True when `box` crosses a soft barrier.
    func blocksWhilePossible(_ box: Envelope) -> Bool {
        guard let soft, let rectangle = try? Geometry.rectangle(box, in: context) else { return false }
        return (try? soft.intersects(rectangle)) ?? false
    }

    /// True when the point lies inside `polygon` (a unit's pixel outline).
    func inside(_ point: Coordinate, _ polygon: Geometry) -> Bool {
        guard let p = try? Geometry.point(point, in: context) else { return true }
        return (try? polygon.contains(p)) ?? true
    }
}
