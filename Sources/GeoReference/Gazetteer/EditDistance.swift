import GeoKit
import EventModel
import EventFormats
/// Damerau–Levenshtein distance (optimal string alignment) over bytes, giving up above `limit`.
package enum EditDistance {
    package static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= limit ? max(a.count, b.count) : nil }
        let width = b.count + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: width * 3) { rows in
            var twoBack = 0, previous = width, current = 2 * width
            for j in 0...b.count { rows[previous + j] = j }
            for i in 1...a.count {
                rows[current] = i
                var rowMinimum = i
                for j in 1...b.count {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var value = min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        value = min(value, rows[twoBack + j - 2] + 1)
                    }
                    rows[current + j] = value
                    rowMinimum = min(rowMinimum, value)
                }
                if rowMinimum > limit { return nil }
                (twoBack, previous, current) = (previous, current, twoBack)
            }
            let result = rows[previous + b.count]
            return result <= limit ? result : nil
        }
    }

    /// The edits a key of this length may carry and still count as that key: none below 5 bytes,
    /// one up to 7, two from 8.
    package static func tolerance(forLength length: Int) -> Int {
        length < 5 ? 0 : (length < 8 ? 1 : 2)
    }
}
