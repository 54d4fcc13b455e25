import GeoKit

/// Chooses how to symbolise events at a panel's scale when `--symbols auto`: one symbol per event while they stay
/// legible, an aggregate when they would pile up. Legible means at most `pointLimit` events and at most a fifth of
/// them sharing a cell of a symbol's width with four or more others. Rates are densities: always shaded areas. The
/// aggregate is by district (official outlines) unless a fifth of the events lie outside the mapped districts:
/// then hexagonal bins, which leave no located event out.
struct SymbolChoice {
    static let pointLimit = 2000
    static let alwaysPoints = 300

    let mode: SymbolMode
    /// Why, for the legend and the summary ("4,812 events would overlap at this scale").
    let reason: String?

    /// `points`: the events' pixels (may be left empty when `count`, the number of events, is above `pointLimit`).
    init(asked: SymbolMode, measure: MapMeasure, points: [Coordinate], count: Int? = nil, cell: Double, officialDistricts: Bool,
         districtShare: Double = 1) {
        let count = count ?? points.count
        let byDistrict = officialDistricts && districtShare >= 0.8
        let aggregate: SymbolMode = byDistrict ? (measure.isRate ? .choropleth : .graduated) : .hexbin
        if asked != .auto {
            // A rate is never drawn by size, and approximate district areas are never drawn as outlines.
            let shaded: SymbolMode = asked == .graduated && measure.isRate ? .choropleth : asked
            mode = shaded == .choropleth && !officialDistricts ? .hexbin : shaded
            reason = nil
            return
        }
        if measure.isRate {
            mode = aggregate
            reason = "a rate is shown per area"
            return
        }
        if count <= Self.alwaysPoints {
            mode = .points
            reason = nil
            return
        }
        guard count <= Self.pointLimit else {
            mode = aggregate
            reason = "\(MapCount.text(count)) events are too many to draw one by one at this scale"
            return
        }
        let crowded = Self.crowdedShare(points, cell: cell)
        if crowded <= 0.2 {
            mode = .points
            reason = nil
        } else {
            mode = aggregate
            reason = "\(MapCount.text(points.count)) events would overlap at this scale (\(Int((crowded * 100).rounded()))% in crowded spots)"
        }
    }

    /// The share of points in grid cells of `cell` px holding five points or more.
    static func crowdedShare(_ points: [Coordinate], cell: Double) -> Double {
        guard !points.isEmpty, cell > 0 else { return 0 }
        var counts: [Int64: Int] = [:]
        for p in points where p.x.isFinite && p.y.isFinite {
            counts[Int64((p.x / cell).rounded(.down)) << 32 | Int64(UInt32(bitPattern: Int32((p.y / cell).rounded(.down)))), default: 0] += 1
        }
        let crowded = counts.values.filter { $0 >= 5 }.reduce(0, +)
        return Double(crowded) / Double(points.count)
    }
}
