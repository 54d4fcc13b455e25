import Foundation

/// Circle sizes for graduated symbols: area proportional to the value up to a cap, so one outlier does not
/// shrink every other circle to a dot. The cap is the largest value that occurs at or below four times the 90th
/// percentile; larger values are drawn at the cap's size with a double outline and their exact value in the tooltip.
struct ProportionalScale {
    let cap: Double
    let maxRadius: Double
    let minRadius: Double
    /// Values above the cap occur.
    let capped: Bool
    /// Values the legend shows: ones that occur (largest, a middle one, the smallest).
    let legendValues: [Double]

    init(values: [Double], maxRadius: Double, minRadius: Double) {
        let sorted = values.filter { $0 > 0 && $0.isFinite }.sorted()
        self.maxRadius = maxRadius
        self.minRadius = minRadius
        guard let largest = sorted.last else { cap = 1; capped = false; legendValues = []; return }
        let p90 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.9))]
        var cap = largest
        if sorted.count >= 10, largest > 4 * p90 { cap = sorted.last { $0 <= 4 * p90 } ?? largest }
        self.cap = cap
        capped = largest > cap
        var shown = [cap]
        if let middle = sorted.min(by: { abs($0 - cap / 4) < abs($1 - cap / 4) }), middle < cap * 0.7 { shown.append(middle) }
        if let smallest = sorted.first, smallest < (shown.last ?? cap) * 0.6 { shown.append(smallest) }
        legendValues = shown
    }

    func radius(_ value: Double) -> Double {
        guard value > 0 else { return 0 }
        let r = maxRadius * (min(value, cap) / cap).squareRoot()
        return (max(r, minRadius) * 4).rounded() / 4
    }

    func isCapped(_ value: Double) -> Bool { value > cap }
}
