import EventFormats

/// Values cut into shading classes by quantiles, natural breaks (Jenks) or equal intervals. Zero and missing values
/// form no class (class 0, "none reported"). Counts get whole-number ranges ("4–9"), rates one decimal.
struct ClassBreaks {
    let method: ClassMethod
    /// The upper bound of each class, ascending; the last is the largest value.
    let uppers: [Double]
    /// The smallest value above zero.
    let minimum: Double
    let wholeNumbers: Bool

    init(values: [Double], method: ClassMethod, count: Int, wholeNumbers: Bool) {
        self.method = method
        self.wholeNumbers = wholeNumbers
        let sorted = values.filter { $0 > 0 && $0.isFinite }.sorted()
        minimum = sorted.first ?? 0
        uppers = Self.uppers(sorted, method: method, count: count, wholeNumbers: wholeNumbers)
    }

    private static func uppers(_ sorted: [Double], method: ClassMethod, count: Int, wholeNumbers: Bool) -> [Double] {
        guard let largest = sorted.last, let minimum = sorted.first else { return [] }
        let distinct = Array(Set(sorted)).sorted()
        let k = max(1, min(count, distinct.count))
        var cuts: [Double]
        if distinct.count <= k {
            cuts = distinct
        } else {
            switch method {
            case .quantile:
                cuts = (1...k).map { i in sorted[min(sorted.count - 1, Int((Double(i) * Double(sorted.count) / Double(k)).rounded(.up)) - 1)] }
            case .equal:
                let width = (largest - minimum) / Double(k)
                cuts = (1...k).map { i in i == k ? largest : minimum + width * Double(i) }
                if wholeNumbers { cuts = cuts.map { $0.rounded(.down) } }
            case .jenks:
                cuts = Self.jenks(Self.sample(sorted), classes: k)
            }
        }
        cuts[cuts.count - 1] = largest
        var unique: [Double] = []
        for cut in cuts where unique.last.map({ cut > $0 }) ?? (cut >= minimum) { unique.append(cut) }
        return unique
    }

    var count: Int { uppers.count }

    /// Class 1… for a value, 0 for none.
    func index(_ value: Double) -> Int {
        guard value > 0, !uppers.isEmpty else { return 0 }
        return (uppers.firstIndex { value <= $0 + 1e-9 } ?? uppers.count - 1) + 1
    }

    /// "4–9", "12", "0.8–2.5" (ranges of rates share their ends).
    func label(_ i: Int) -> String {
        let high = uppers[i - 1]
        let low: Double
        if i == 1 { low = minimum } else { low = wholeNumbers ? uppers[i - 2] + 1 : uppers[i - 2] }
        let a = format(low), b = format(high)
        if wholeNumbers, low >= high { return b }
        return "\(a)–\(b)"
    }

    private func format(_ v: Double) -> String {
        wholeNumbers || v >= 10 ? MapCount.text(v) : NumberFormatting.string(v, decimals: 1)
    }

    /// At most 1,000 evenly spaced values of a sorted list (natural breaks cost grows with the square of the count).
    static func sample(_ sorted: [Double]) -> [Double] {
        guard sorted.count > 1000 else { return sorted }
        return (0..<1000).map { sorted[$0 * (sorted.count - 1) / 999] }
    }

    /// Fisher–Jenks natural breaks of sorted values: the upper bound of each of `classes` classes that minimise the
    /// sum of squared deviations within classes.
    static func jenks(_ data: [Double], classes k: Int) -> [Double] {
        let n = data.count
        guard n > k, k > 1 else { return Array(data.suffix(k)) }
        var lower = [[Int]](repeating: [Int](repeating: 0, count: k + 1), count: n + 1)
        var cost = [[Double]](repeating: [Double](repeating: .infinity, count: k + 1), count: n + 1)
        for j in 1...k { lower[1][j] = 1; cost[1][j] = 0 }
        for l in 2...n {
            var sum = 0.0, squares = 0.0, w = 0.0, variance = 0.0
            for m in 1...l {
                let i3 = l - m + 1
                let value = data[i3 - 1]
                squares += value * value; sum += value; w += 1
                variance = squares - sum * sum / w
                let i4 = i3 - 1
                if i4 != 0 {
                    for j in 2...k where cost[l][j] >= variance + cost[i4][j - 1] {
                        lower[l][j] = i3
                        cost[l][j] = variance + cost[i4][j - 1]
                    }
                }
            }
            lower[l][1] = 1
            cost[l][1] = variance
        }
        var uppers = [Double](repeating: 0, count: k)
        uppers[k - 1] = data[n - 1]
        var end = n
        for j in stride(from: k, through: 2, by: -1) {
            let start = lower[end][j]
            uppers[j - 2] = data[max(start - 2, 0)]
            end = start - 1
        }
        return uppers
    }
}
