import Foundation
import GeoKit

/// The border's edges (straight in lon/lat, as GEOS and the GeoJSON have them) prepared for an exact nearest-point
/// search: every vertex also on the WGS84 ellipsoid in Earth-centred coordinates, and runs of consecutive edges
/// ("pieces") with a bounding sphere.
///
/// The search is branch and bound on a lower bound that needs no geodesic: the straight line through space (the
/// chord) is never longer than the geodesic, and the geodesic is never shorter than the arc of that chord on a
/// sphere of radius `boundRadius`, larger than every radius of curvature of the ellipsoid. A piece or an edge
/// whose bound exceeds the best exact distance found so far cannot hold the nearest point; the few edges left
/// are measured exactly (`closest(on:to:)`), so the answer equals a brute-force search over every edge.
struct BorderEdges {
    struct Vertex {
        let lon, lat: Double
        let x, y, z: Double
    }

    struct Edge {
        /// The edge runs from vertex `start` to vertex `start + 1`.
        let start: Int32
        let segment: Int32
        /// How far the edge (straight in lon/lat) can stray from the straight line in space between its ends (m).
        let bulge: Double
    }

    struct Piece {
        let edges: Range<Int>
        let x, y, z: Double
        /// Radius of the bounding sphere, the edges' bulge included (m).
        let radius: Double
    }

    private(set) var vertices: [Vertex] = []
    private(set) var edges: [Edge] = []
    private(set) var pieces: [Piece] = []

    /// Edges per piece: small enough that few edges are looked at, large enough that the pieces are few.
    static let edgesPerPiece = 8
    /// WGS84.
    static let a = 6_378_137.0
    static let f = 1 / 298.257223563
    static let e2 = f * (2 - f)
    /// Above the largest radius of curvature of WGS84 (a²/b ≈ 6,399,594 m), with a margin.
    static let boundRadius = 6_410_000.0

    /// `lines`: each border segment's parts as lists of lon/lat vertices, in segment order.
    init(lines: [[[Coordinate]]]) {
        for (segment, parts) in lines.enumerated() {
            for part in parts where part.count >= 2 {
                let first = vertices.count
                vertices += part.map(Self.vertex)
                var start = first
                while start < vertices.count - 1 {
                    let end = min(start + Self.edgesPerPiece, vertices.count - 1)
                    let range = edges.count..<(edges.count + end - start)
                    for i in start..<end {
                        let chord = Self.chord(vertices[i], vertices[i + 1])
                        // A lon/lat-straight edge bends away from the chord by about L²/(8R) (the Earth's curvature,
                        // plus a little for leaving the geodesic); twice that bounds it at these latitudes.
                        edges.append(Edge(start: Int32(i), segment: Int32(segment), bulge: chord * chord / (4 * 6_300_000) + 1e-3))
                    }
                    pieces.append(Self.piece(range, vertices: vertices[start...end], bulge: edges[range].map(\.bulge).max() ?? 0))
                    start = end
                }
            }
        }
    }

    var isEmpty: Bool { edges.isEmpty }

    /// A point on the ellipsoid in Earth-centred, Earth-fixed metres.
    static func vertex(_ c: Coordinate) -> Vertex {
        let phi = c.y * .pi / 180, lambda = c.x * .pi / 180
        let sinPhi = sin(phi), cosPhi = cos(phi)
        let n = a / (1 - e2 * sinPhi * sinPhi).squareRoot()
        return Vertex(lon: c.x, lat: c.y, x: n * cosPhi * cos(lambda), y: n * cosPhi * sin(lambda), z: n * (1 - e2) * sinPhi)
    }

    static func chord(_ p: Vertex, _ q: Vertex) -> Double {
        let dx = p.x - q.x, dy = p.y - q.y, dz = p.z - q.z
        return (dx * dx + dy * dy + dz * dz).squareRoot()
    }

    private static func piece(_ edges: Range<Int>, vertices: ArraySlice<Vertex>, bulge: Double) -> Piece {
        let count = Double(vertices.count)
        let cx = vertices.reduce(0) { $0 + $1.x } / count
        let cy = vertices.reduce(0) { $0 + $1.y } / count
        let cz = vertices.reduce(0) { $0 + $1.z } / count
        let centre = Vertex(lon: 0, lat: 0, x: cx, y: cy, z: cz)
        let radius = vertices.map { chord($0, centre) }.max() ?? 0
        return Piece(edges: edges, x: cx, y: cy, z: cz, radius: radius + bulge + 1e-3)
    }

    /// The chord length that the arc bound turns into `meters`: an edge farther than this (in space) from the point
    /// is farther than `meters` along the ellipsoid.
    @inline(__always)
    static func chordBound(ofGeodesic meters: Double) -> Double {
        meters >= .pi * boundRadius ? .infinity : 2 * boundRadius * sin(meters / (2 * boundRadius))
    }

    /// A point of the border and its geodesic distance (m) from the point asked about.
    struct Found {
        let meters: Double
        let point: Coordinate
        let edge: Int
    }

    /// The nearest point of the border to `c` (ties, as at a vertex shared by two edges, go to the lower edge index),
    /// and every edge within `tieMeters` of that distance (with the nearest), for callers that break near-ties
    /// their own way.
    func nearest(to c: Coordinate, tieMeters: Double = 0) -> (best: Found, ties: [Found])? {
        guard !pieces.isEmpty else { return nil }
        let p = Self.vertex(c)
        // A first exact answer from the piece whose bounding sphere comes closest.
        var firstPiece = 0
        var firstGap = Double.infinity
        for (k, piece) in pieces.enumerated() {
            let dx = p.x - piece.x, dy = p.y - piece.y, dz = p.z - piece.z
            let gap = (dx * dx + dy * dy + dz * dz).squareRoot() - piece.radius
            if gap < firstGap { firstGap = gap; firstPiece = k }
        }
        var firstEdge = pieces[firstPiece].edges.lowerBound
        var firstChord = Double.infinity
        for e in pieces[firstPiece].edges {
            let d = chordDistance(p, e)
            if d < firstChord { firstChord = d; firstEdge = e }
        }
        let first = closest(on: firstEdge, to: c)
        var best = Found(meters: first.meters, point: first.point, edge: firstEdge)
        var measured = [best]
        var bound = Self.chordBound(ofGeodesic: best.meters + tieMeters)
        // Every other edge that the bound cannot rule out is measured exactly.
        for piece in pieces {
            let dx = p.x - piece.x, dy = p.y - piece.y, dz = p.z - piece.z
            let reach = bound + piece.radius
            guard dx * dx + dy * dy + dz * dz <= reach * reach else { continue }
            for e in piece.edges where e != firstEdge {
                guard chordDistance(p, e) - edges[e].bulge <= bound else { continue }
                let found = closest(on: e, to: c)
                let candidate = Found(meters: found.meters, point: found.point, edge: e)
                if tieMeters > 0 { measured.append(candidate) }
                if found.meters < best.meters || (found.meters == best.meters && e < best.edge) {
                    best = candidate
                    bound = Self.chordBound(ofGeodesic: best.meters + tieMeters)
                }
            }
        }
        let ties = tieMeters > 0 ? measured.filter { $0.meters <= best.meters + tieMeters } : [best]
        return (best, ties)
    }

    /// Straight-line distance in space from `p` to the chord of edge `e` (m).
    @inline(__always)
    func chordDistance(_ p: Vertex, _ e: Int) -> Double {
        let i = Int(edges[e].start)
        let a = vertices[i], b = vertices[i + 1]
        let dx = b.x - a.x, dy = b.y - a.y, dz = b.z - a.z
        let px = p.x - a.x, py = p.y - a.y, pz = p.z - a.z
        let length2 = dx * dx + dy * dy + dz * dz
        let t = length2 > 0 ? min(1, max(0, (px * dx + py * dy + pz * dz) / length2)) : 0
        let ex = px - t * dx, ey = py - t * dy, ez = pz - t * dz
        return (ex * ex + ey * ey + ez * ez).squareRoot()
    }

    /// The geodesically closest point of edge `e` to `c`, and its exact distance (m): Newton's method on the
    /// geodesic distance along the edge, whose slope is exact (the geodesic's azimuth at the edge point against
    /// the edge's direction there). Falls back to a golden-section search if Newton does not settle.
    func closest(on e: Int, to c: Coordinate) -> (meters: Double, point: Coordinate) {
        let i = Int(edges[e].start)
        let a = vertices[i], b = vertices[i + 1]
        let dlon = b.lon - a.lon, dlat = b.lat - a.lat
        func at(_ t: Double) -> Coordinate {
            t == 0 ? Coordinate(a.lon, a.lat) : t == 1 ? Coordinate(b.lon, b.lat) : Coordinate(a.lon + t * dlon, a.lat + t * dlat)
        }
        // Start where the chord of the edge comes closest to the point.
        let p = Self.vertex(c)
        let dx = b.x - a.x, dy = b.y - a.y, dz = b.z - a.z
        let length2 = dx * dx + dy * dy + dz * dz
        var t = length2 > 0 ? min(1, max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy + (p.z - a.z) * dz) / length2)) : 0
        for _ in 0..<12 {
            let q = at(t)
            let (s, azimuth, _) = Geodesic.wgs84.inverse(lon1: q.x, lat1: q.y, lon2: c.x, lat2: c.y)
            if s < 1e-6 { return (s, q) }
            // The edge's velocity in metres east and north per unit of t, at q.
            let phi = q.y * .pi / 180
            let sinPhi = sin(phi)
            let w2 = 1 - Self.e2 * sinPhi * sinPhi
            let w = w2.squareRoot()
            let east = dlon * .pi / 180 * Self.a / w * cos(phi)
            let north = dlat * .pi / 180 * Self.a * (1 - Self.e2) / (w2 * w)
            let alpha = azimuth * .pi / 180
            let slope = -(east * sin(alpha) + north * cos(alpha))
            if (t == 0 && slope >= 0) || (t == 1 && slope <= 0) { return (s, q) }
            let speed2 = east * east + north * north
            let curvature = max((speed2 - slope * slope) / s, 1e-300)
            let next = min(1, max(0, t - slope / curvature))
            // Settled when the next step moves the point by under 0.1 mm (the distance then changes by far less).
            if abs(next - t) * speed2.squareRoot() < 1e-4 { return (s, q) }
            t = next
        }
        return Self.goldenSection(to: c, at)
    }

    /// The closest point by golden-section search on the exact distance (unimodal on edges this short).
    static func goldenSection(to p: Coordinate, _ at: (Double) -> Coordinate) -> (meters: Double, point: Coordinate) {
        func meters(_ t: Double) -> Double { let q = at(t); return Geodesic.wgs84.distanceMeters(lon1: p.x, lat1: p.y, lon2: q.x, lat2: q.y) }
        let ratio = (5.0.squareRoot() - 1) / 2
        var low = 0.0, high = 1.0
        var x1 = high - ratio * (high - low), x2 = low + ratio * (high - low)
        var f1 = meters(x1), f2 = meters(x2)
        for _ in 0..<40 {
            if f1 <= f2 {
                high = x2; x2 = x1; f2 = f1
                x1 = high - ratio * (high - low); f1 = meters(x1)
            } else {
                low = x1; x1 = x2; f1 = f2
                x2 = low + ratio * (high - low); f2 = meters(x2)
            }
        }
        let best = [(meters(0), 0.0), (meters(1), 1.0), (min(f1, f2), f1 <= f2 ? x1 : x2)].min { $0.0 < $1.0 }!
        return (best.0, at(best.1))
    }
}
