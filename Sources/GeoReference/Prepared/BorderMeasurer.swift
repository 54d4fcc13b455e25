import Foundation
import GeoKit
import EventModel
import EventFormats

/// Geodesic distance from a point to the Afghanistan–Pakistan border and the nearest segment.
///
/// GEOS finds the nearest border point in lon/lat degrees; the true (geodesic) nearest point lies among
/// the border edges within that degree distance stretched by 1/cos(latitude), which an STRtree of short
/// border pieces returns. The candidate edges are ranked by the foot of the perpendicular in a local tangent
/// plane; on the best three, the closest point is found by a search on the exact WGS84 geodesic distance.
public final class BorderMeasurer {
    public let context: GEOSContext
    private let segments: [BorderSegmentData]
    private let border: PreparedGeometry
    private let pieces: [Geometry]
    private let pieceSegment: [Int]
    private let pieceCoordinates: [[Coordinate]]
    private let tree: STRtree
    private static let verticesPerPiece = 8

    public init(_ data: BoundaryData, context: GEOSContext = GEOSContext()) throws {
        self.context = context
        segments = data.borderSegments
        var lines: [Geometry] = []
        var pieces: [Geometry] = []
        var pieceSegment: [Int] = []
        var pieceCoordinates: [[Coordinate]] = []
        for (index, segment) in data.borderSegments.enumerated() {
            let line = try Geometry(wkb: segment.wkb, in: context)
            lines.append(line)
            for part in line.parts {
                let coordinates = try part.coordinates()
                var start = 0
                while start < coordinates.count - 1 {
                    let end = min(start + Self.verticesPerPiece, coordinates.count - 1)
                    let slice = Array(coordinates[start...end])
                    pieces.append(try Geometry.lineString(slice, in: context))
                    pieceSegment.append(index)
                    pieceCoordinates.append(slice)
                    start = end
                }
            }
        }
        guard !lines.isEmpty else { throw GeoDataError(file: "GeoData/boundaries/border.geojson", "has no border segments") }
        border = try PreparedGeometry(Geometry.collection(.multiLineString, lines.flatMap(\.parts), in: context))
        self.pieces = pieces
        self.pieceSegment = pieceSegment
        self.pieceCoordinates = pieceCoordinates
        tree = try STRtree(pieces, in: context)
    }

    public struct Nearest: Sendable {
        public let km: Double
        public let point: Coordinate
        public let segmentID: String
        public let segmentName: String
    }

    /// Recent answers: the same points recur (a group's reported origin, repeated places).
    private var cache: [Coordinate: Nearest] = [:]

    public func nearest(to c: Coordinate) throws -> Nearest {
        if let known = cache[c] { return known }
        let found = try measureNearest(to: c)
        if cache.count >= 4096 { cache.removeAll(keepingCapacity: true) }
        cache[c] = found
        return found
    }

    private func measureNearest(to c: Coordinate) throws -> Nearest {
        let point = try Geometry.point(c, in: context)
        let degrees = try border.distance(to: point)
        let stretch = 1 / max(cos(c.y * .pi / 180), 0.05)
        let radius = degrees * stretch * 1.02 + 1e-7
        let window = Envelope(minX: c.x - radius, minY: c.y - radius, maxX: c.x + radius, maxY: c.y + radius)
        var estimates: [(km: Double, a: Coordinate, b: Coordinate, segment: Int)] = []
        for index in try tree.candidates(intersecting: window) {
            let vertices = pieceCoordinates[index]
            for i in 1..<vertices.count {
                let foot = Self.foot(of: c, on: vertices[i - 1], vertices[i])
                let km = Geodesic.wgs84.distanceKm(lon1: c.x, lat1: c.y, lon2: foot.x, lat2: foot.y)
                estimates.append((km, vertices[i - 1], vertices[i], pieceSegment[index]))
            }
        }
        guard !estimates.isEmpty else { throw GEOSError.operation("borderNearest", message: "no border piece near \(c)") }
        estimates.sort { $0.km < $1.km }
        // The tangent-plane estimates are within a fraction of a percent of the truth here; only edges
        // that could still be the nearest are refined.
        let cutoff = estimates[0].km * 1.02 + 0.5
        let refined = estimates.prefix(3).filter { $0.km <= cutoff }.map { edge in
            let (km, point) = Self.closestOnEdge(to: c, edge.a, edge.b)
            return (km: km, point: point, segment: edge.segment)
        }
        // Segments as near as each other, within 1 m (a point nearest to the vertex where two segments meet),
        // resolve to the segment whose name sorts first, so every engine (PostGIS, whose geography distances
        // differ from these by centimetres there) names the same one. The distance is the nearest one.
        guard let nearestKm = refined.map(\.km).min(),
              let best = refined.filter({ $0.km <= nearestKm + Self.tieKm })
                  .min(by: { (segments[$0.segment].name, $0.km) < (segments[$1.segment].name, $1.km) }) else {
            throw GEOSError.operation("borderNearest", message: "no border piece near \(c)")
        }
        let segment = segments[best.segment]
        return Nearest(km: nearestKm, point: best.point, segmentID: segment.id, segmentName: segment.name)
    }

    /// Segments whose distances differ by this little (1 m) are ties.
    public static let tieKm = 0.001

    /// The geodesically closest point of edge a–b (straight in lon/lat) to p: golden-section search on the
    /// exact distance along the edge, which is unimodal on edges this short.
    static func closestOnEdge(to p: Coordinate, _ a: Coordinate, _ b: Coordinate) -> (km: Double, point: Coordinate) {
        func at(_ t: Double) -> Coordinate { Coordinate(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)) }
        func km(_ t: Double) -> Double { let q = at(t); return Geodesic.wgs84.distanceKm(lon1: p.x, lat1: p.y, lon2: q.x, lat2: q.y) }
        let ratio = (5.0.squareRoot() - 1) / 2
        var low = 0.0, high = 1.0
        var x1 = high - ratio * (high - low), x2 = low + ratio * (high - low)
        var f1 = km(x1), f2 = km(x2)
        for _ in 0..<30 {  // 0.618^30 ≈ 5e-7 of an edge: millimetres on these edges
            if f1 <= f2 {
                high = x2; x2 = x1; f2 = f1
                x1 = high - ratio * (high - low); f1 = km(x1)
            } else {
                low = x1; x1 = x2; f1 = f2
                x2 = low + ratio * (high - low); f2 = km(x2)
            }
        }
        let candidates = [(km(0), 0.0), (km(1), 1.0), (min(f1, f2), f1 <= f2 ? x1 : x2)]
        let best = candidates.min { $0.0 < $1.0 }!
        return (best.0, at(best.1))
    }

    /// The point of edge a–b closest to p, found in the tangent plane at p (metres east and north,
    /// scaled by the ellipsoid's radii of curvature there).
    static func foot(of p: Coordinate, on a: Coordinate, _ b: Coordinate) -> Coordinate {
        let phi = p.y * .pi / 180
        let e2 = 0.00669437999014
        let w = (1 - e2 * sin(phi) * sin(phi)).squareRoot()
        let east = 6_378_137 / w * cos(phi) * .pi / 180
        let north = 6_378_137 * (1 - e2) / (w * w * w) * .pi / 180
        let ax = (a.x - p.x) * east, ay = (a.y - p.y) * north
        let bx = (b.x - p.x) * east, by = (b.y - p.y) * north
        let dx = bx - ax, dy = by - ay
        let length2 = dx * dx + dy * dy
        let t = length2 > 0 ? min(1, max(0, -(ax * dx + ay * dy) / length2)) : 0
        return Coordinate(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y))
    }

    /// Distance, side and nearest segment of a point; `side` is the country it lies in, if known.
    public func measure(_ c: Coordinate, side: String?) throws -> BorderMeasure {
        let nearest = try nearest(to: c)
        let band = segments.first { $0.name == nearest.segmentName }?.uncertaintyKm ?? 0
        return BorderMeasure(km: nearest.km, side: side, segment: nearest.segmentName, sideUncertain: nearest.km <= band)
    }
}
