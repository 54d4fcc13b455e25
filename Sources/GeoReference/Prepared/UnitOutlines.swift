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
    private let x0: [Double], y0: [Double], x1: [Double], y1: [Double]
    private let unit: [Int32]
    /// Boxes over runs of `fanout` segments, then over runs of `fanout` of those, and so on up to one root.
    private let levels: [[Box]]
    static let fanout = 16

    struct Box {
        var minX, minY, maxX, maxY: Double
        /// Children: segments (level 0) or boxes of the level below.
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
        var x0: [Double] = [], y0: [Double] = [], x1: [Double] = [], y1: [Double] = []
        var unit: [Int32] = []
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
        var levels = [leaves]
        while let below = levels.last, below.count > 1 {
            levels.append(stride(from: 0, to: below.count, by: Self.fanout).map { start in
                let range = start..<min(start + Self.fanout, below.count)
                return below[range].reduce(Box(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity, children: range)) {
                    Box(minX: min($0.minX, $1.minX), minY: min($0.minY, $1.minY), maxX: max($0.maxX, $1.maxX), maxY: max($0.maxY, $1.maxY), children: range)
                }
            })
        }
        (self.x0, self.y0, self.x1, self.y1, self.unit, self.levels) = (x0, y0, x1, y1, unit, levels)
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
        self.search(from: levels.count - 1, &search)
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
        var bound2: Double { best * (1 + 4.1 * UnitOutlines.tieTolerance) }  // (1 + 2 tolerance)², squared distances
    }

    /// The queue's storage, kept between queries so that a query allocates nothing.
    private var spareQueue: [Queued] = []

    /// A box waiting to be opened: its squared distance, level and index.
    private typealias Queued = (d2: Double, level: Int32, box: Int32)

    /// Best-first: boxes are opened in order of distance (a binary heap), so the first segments measured are the
    /// nearest ones and everything farther than the answer (and the tie margin) stays closed.
    private func search(from root: Int, _ search: inout Search) {
        var queue = spareQueue
        spareQueue = []
        defer { queue.removeAll(keepingCapacity: true); spareQueue = queue }
        Self.push((levels[root][0].distance2(search.x, search.y), Int32(root), 0), &queue)
        while let (d2, level, box) = Self.pop(&queue) {
            if d2 > search.bound2 { break }
            let children = levels[Int(level)][Int(box)].children
            if level == 0 {
                for s in children { consider(s, &search) }
                continue
            }
            let below = Int(level) - 1
            let bound2 = search.bound2
            levels[below].withUnsafeBufferPointer { boxes in
                for c in children {
                    let cd2 = boxes[c].distance2(search.x, search.y)
                    if cd2 <= bound2 { Self.push((cd2, Int32(below), Int32(c)), &queue) }
                }
            }
        }
    }

    private static func push(_ item: Queued, _ queue: inout [Queued]) {
        queue.append(item)
        var i = queue.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard queue[parent].d2 > queue[i].d2 else { break }
            queue.swapAt(parent, i)
            i = parent
        }
    }

    private static func pop(_ queue: inout [Queued]) -> Queued? {
        guard let top = queue.first else { return nil }
        let last = queue.removeLast()
        guard !queue.isEmpty else { return top }
        queue[0] = last
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var smallest = i
            if l < queue.count && queue[l].d2 < queue[smallest].d2 { smallest = l }
            if r < queue.count && queue[r].d2 < queue[smallest].d2 { smallest = r }
            if smallest == i { break }
            queue.swapAt(i, smallest)
            i = smallest
        }
        return top
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
