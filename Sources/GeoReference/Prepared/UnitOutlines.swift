import GeoKit

/// The outlines of a layer's polygons as plain segments, for "which unit is nearest to this point outside them
/// all, and where on it": the answer GEOS gives (planar distance in degrees; on the unit, the closest point of
/// its first closest segment in ring order), found by branch and bound over boxes of segments rather than by
/// measuring every edge of every candidate polygon.
///
/// `nearest` says when another unit lies as near (to 1e-9): GEOS's tree then decides (`BoundaryIndex`), so the
/// unit chosen is always the one GEOS chooses.
final class UnitOutlines {
    /// Segment i runs from (x0[i], y0[i]) to (x1[i], y1[i]) and belongs to unit `unit[i]`; a unit's segments are
    /// consecutive, in GEOS ring order.
    private var x0: [Double] = [], y0: [Double] = [], x1: [Double] = [], y1: [Double] = []
    private var unit: [Int32] = []
    /// Boxes over runs of `fanout` segments, then over runs of `fanout` of those, and so on up to one root.
    private var levels: [[Box]] = []
    static let fanout = 16

    struct Box {
        var minX, minY, maxX, maxY: Double
        /// Children: segments (the leaf level, 0) or boxes of the level below.
        var children: Range<Int>

        /// Squared planar distance from (x, y) to the box (0 inside).
        @inline(__always)
        func distance2(_ x: Double, _ y: Double) -> Double {
            let dx = x < minX ? minX - x : (x > maxX ? x - maxX : 0)
            let dy = y < minY ? minY - y : (y > maxY ? y - maxY : 0)
            return dx * dx + dy * dy
        }
    }

    init(_ geometries: [Geometry]) throws {
        var leaves: [Box] = []
        for (index, geometry) in geometries.enumerated() {
            for polygon in geometry.parts {
                for ring in [polygon.exteriorRing].compactMap({ $0 }) + polygon.interiorRings {
                    let c = try ring.coordinates()
                    guard c.count >= 2 else { continue }
                    var start = 1
                    while start < c.count {
                        let end = min(start + Self.fanout, c.count)
                        var box = Box(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity, children: x0.count..<(x0.count + end - start))
                        for k in start..<end {
                            x0.append(c[k - 1].x); y0.append(c[k - 1].y); x1.append(c[k].x); y1.append(c[k].y)
                            unit.append(Int32(index))
                            box.minX = min(box.minX, c[k - 1].x, c[k].x); box.maxX = max(box.maxX, c[k - 1].x, c[k].x)
                            box.minY = min(box.minY, c[k - 1].y, c[k].y); box.maxY = max(box.maxY, c[k - 1].y, c[k].y)
                        }
                        leaves.append(box)
                        start = end
                    }
                }
            }
        }
        levels = [leaves]
        while let below = levels.last, below.count > 1 {
            levels.append(stride(from: 0, to: below.count, by: Self.fanout).map { start in
                let range = start..<min(start + Self.fanout, below.count)
                return below[range].reduce(Box(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity, children: range)) {
                    Box(minX: min($0.minX, $1.minX), minY: min($0.minY, $1.minY), maxX: max($0.maxX, $1.maxX), maxY: max($0.maxY, $1.maxY), children: range)
                }
            })
        }
    }

    struct Nearest {
        let unit: Int
        /// Planar distance in degrees.
        let distance: Double
        /// The closest point on the unit's outline.
        let point: Coordinate
        /// True when another unit lies as near (within 1e-9 of the distance): too close to call here.
        let tied: Bool
    }

    /// The nearest unit to (x, y), which must lie outside every polygon (inside one, the distance is 0 in GEOS).
    func nearest(x: Double, y: Double) -> Nearest? {
        guard let root = levels.last?.first, root.children.count > 0 else { return nil }
        var search = Search(x: x, y: y)
        visit(level: levels.count - 2, root.children, &search)
        guard search.bestSegment >= 0 else { return nil }
        let best = search.best.squareRoot()
        let tied = search.second.squareRoot() <= best * (1 + Self.tieTolerance)
        return Nearest(unit: Int(unit[search.bestSegment]), distance: best, point: closestPoint(search.bestSegment, x, y), tied: tied)
    }

    static let tieTolerance = 1e-9

    private struct Search {
        let x, y: Double
        /// Squared distances: the best, and the best of any other unit.
        var best = Double.infinity, second = Double.infinity
        var bestSegment = -1
        var secondUnit: Int32 = -1
        /// Boxes farther than this (squared) cannot change the answer or the tie test.
        var bound2: Double { let b = best.squareRoot() * (1 + 2 * UnitOutlines.tieTolerance); return b * b }
    }

    private func visit(level: Int, _ children: Range<Int>, _ search: inout Search) {
        if level < 0 {
            for s in children { consider(s, &search) }
            return
        }
        let boxes = levels[level]
        // The nearest child first (a good bound early), then the others that can still matter, in order.
        var first = children.lowerBound
        var firstD2 = Double.infinity
        for c in children {
            let d2 = boxes[c].distance2(search.x, search.y)
            if d2 < firstD2 { firstD2 = d2; first = c }
        }
        if firstD2 <= search.bound2 { visit(level: level - 1, boxes[first].children, &search) }
        for c in children where c != first && boxes[c].distance2(search.x, search.y) <= search.bound2 {
            visit(level: level - 1, boxes[c].children, &search)
        }
    }

    @inline(__always)
    private func consider(_ s: Int, _ search: inout Search) {
        let d2 = distance2(s, search.x, search.y)
        let u = unit[s]
        if search.bestSegment >= 0, u == unit[search.bestSegment] {
            // The same unit: the first closest segment in ring order is GEOS's.
            if d2 < search.best || (d2 == search.best && s < search.bestSegment) { search.best = d2; search.bestSegment = s }
        } else if d2 < search.best {
            if search.bestSegment >= 0 { search.second = search.best; search.secondUnit = unit[search.bestSegment] }
            search.best = d2
            search.bestSegment = s
        } else if u == search.secondUnit || d2 < search.second {
            if d2 < search.second { search.second = d2; search.secondUnit = u }
        }
    }

    /// Squared planar distance from (x, y) to segment s.
    @inline(__always)
    private func distance2(_ s: Int, _ x: Double, _ y: Double) -> Double {
        let ax = x0[s], ay = y0[s]
        let dx = x1[s] - ax, dy = y1[s] - ay
        let length2 = dx * dx + dy * dy
        var t = length2 > 0 ? ((x - ax) * dx + (y - ay) * dy) / length2 : 0
        t = min(1, max(0, t))
        let ex = x - (ax + t * dx), ey = y - (ay + t * dy)
        return ex * ex + ey * ey
    }

    /// The closest point of segment s to (x, y), as GEOS's LineSegment::closestPoint computes it.
    private func closestPoint(_ s: Int, _ x: Double, _ y: Double) -> Coordinate {
        let ax = x0[s], ay = y0[s], bx = x1[s], by = y1[s]
        if x == ax && y == ay { return Coordinate(ax, ay) }
        if x == bx && y == by { return Coordinate(bx, by) }
        let dx = bx - ax, dy = by - ay
        let length2 = dx * dx + dy * dy
        let r = length2 > 0 ? ((x - ax) * dx + (y - ay) * dy) / length2 : 0
        if r > 0 && r < 1 { return Coordinate(ax + r * dx, ay + r * dy) }
        let d0 = ((x - ax) * (x - ax) + (y - ay) * (y - ay)), d1 = ((x - bx) * (x - bx) + (y - by) * (y - by))
        return d0 < d1 ? Coordinate(ax, ay) : Coordinate(bx, by)
    }
}
