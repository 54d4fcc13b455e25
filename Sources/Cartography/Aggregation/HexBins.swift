import Foundation
import GeoKit

/// Hexagonal bins of equal area: points are binned in an equal-area projection (Albers fitted to the map's
/// extent, whatever the display projection), so every bin covers the same ground; each bin's outline is then
/// carried back through lon/lat into the map's pixels.
struct HexBins {
    struct Bin {
        /// The outline in panel pixels.
        let outline: [Coordinate]
        let centre: Coordinate
        let value: Double
        let events: Int
    }

    /// Centre-to-corner size of a bin in metres of the equal-area projection, and its area in km².
    let radiusMetres: Double
    var areaKm2: Double { 1.5 * 3.0.squareRoot() * radiusMetres * radiusMetres / 1e6 }

    /// The size that draws bins about `pixels` wide at `kmPerPixel`.
    init(pixels: Double, kmPerPixel: Double) {
        radiusMetres = max(pixels / 3.0.squareRoot() * kmPerPixel * 1000, 1)
    }

    /// Bins `lonLat` points with their `weights`; a rate is divided by the bin's area (per 1,000 km²).
    func bins(lonLat: [Coordinate], weights: [Double], rate: Bool, equalArea: CoordinateTransform,
              display: MapProjection) throws -> [Bin] {
        guard !lonLat.isEmpty else { return [] }
        var xs = lonLat.map(\.x), ys = lonLat.map(\.y)
        try equalArea.transform(x: &xs, y: &ys, onFailure: .markNaN)
        let s = radiusMetres
        var totals: [Int64: (value: Double, events: Int)] = [:]
        var order: [Int64] = []
        for i in xs.indices where xs[i].isFinite && ys[i].isFinite {
            let (q, r) = Self.axial(x: xs[i], y: ys[i], size: s)
            let key = Int64(q) << 32 | Int64(UInt32(bitPattern: Int32(r)))
            if totals[key] == nil { order.append(key) }
            totals[key, default: (0, 0)].value += weights[i]
            totals[key, default: (0, 0)].events += 1
        }
        order.sort()
        // Every corner of every bin, through lon/lat into pixels in bulk.
        var cx: [Double] = [], cy: [Double] = []
        cx.reserveCapacity(order.count * 7); cy.reserveCapacity(order.count * 7)
        for key in order {
            let q = Int(Int32(truncatingIfNeeded: key >> 32)), r = Int(Int32(truncatingIfNeeded: key))
            let centreX = s * 3.0.squareRoot() * (Double(q) + Double(r) / 2), centreY = s * 1.5 * Double(r)
            cx.append(centreX); cy.append(centreY)
            for corner in 0..<6 {
                let angle = Double.pi / 6 + Double(corner) * Double.pi / 3
                cx.append(centreX + s * cos(angle)); cy.append(centreY + s * sin(angle))
            }
        }
        try equalArea.transform(x: &cx, y: &cy, direction: .inverse, onFailure: .markNaN)
        var pixels = zip(cx, cy).map { Coordinate($0, $1) }
        display.project(&pixels)
        let area = areaKm2
        return order.enumerated().compactMap { index, key in
            let points = Array(pixels[(index * 7)..<(index * 7 + 7)])
            guard points.allSatisfy({ $0.x.isFinite && $0.y.isFinite }) else { return nil }
            let total = totals[key]!
            return Bin(outline: Array(points.dropFirst()), centre: points[0],
                       value: rate ? total.value / area * 1000 : total.value, events: total.events)
        }
    }

    /// Axial coordinates of the pointy-top hexagon holding (x, y) (cube rounding).
    static func axial(x: Double, y: Double, size s: Double) -> (Int, Int) {
        let qf = (3.0.squareRoot() / 3 * x - y / 3) / s, rf = (2.0 / 3 * y) / s
        let sf = -qf - rf
        var q = qf.rounded(), r = rf.rounded()
        let s2 = sf.rounded()
        let dq = abs(q - qf), dr = abs(r - rf), ds = abs(s2 - sf)
        if dq > dr && dq > ds { q = -r - s2 } else if dr > ds { r = -q - s2 }
        return (Int(q), Int(r))
    }
}
