/// Count classes for the district choropleth: one class per value up to 5, else doubling ranges (1, 2–3, 4–7, 8–15, 16+).
struct ChoroplethClasses {
    let ranges: [ClosedRange<Int>]

    init(maximum: Int) {
        guard maximum > 0 else { ranges = []; return }
        if maximum <= 5 {
            ranges = (1...maximum).map { $0...$0 }
        } else {
            var list: [ClosedRange<Int>] = []
            var low = 1
            while list.count < 4, low <= maximum {
                let high = min(low * 2 - 1, maximum)
                list.append(low...high)
                low = high + 1
            }
            if low <= maximum { list.append(low...maximum) }
            ranges = list
        }
    }

    /// Class 1… for a count, 0 for none.
    func index(_ count: Int) -> Int {
        guard count > 0 else { return 0 }
        return (ranges.firstIndex { $0.contains(count) } ?? ranges.count - 1) + 1
    }

    func label(_ i: Int) -> String {
        let r = ranges[i - 1]
        return r.lowerBound == r.upperBound ? "\(r.lowerBound)" : "\(r.lowerBound)–\(r.upperBound)"
    }
}
