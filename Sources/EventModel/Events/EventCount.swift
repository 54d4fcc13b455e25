import Foundation
import GeoKit

extension Event {
    /// A casualty figure as reported ("84", "56-63", "60+", "about 60") with numbers for aggregation.
    public struct Count: Sendable, Hashable, CustomStringConvertible {
        /// The text as reported.
        public let text: String
        public let low: Int
        /// The upper bound; nil for an open figure such as "60+".
        public let high: Int?
        /// True for "about 60", "~60" and similar.
        public let isApproximate: Bool

        public init(text: String, low: Int, high: Int?, isApproximate: Bool = false) {
            self.text = text
            self.low = low
            self.high = high
            self.isApproximate = isApproximate
        }

        public var description: String { text }

        private static let approximateWords = ["about", "approximately", "approx.", "approx", "around", "roughly", "some", "nearly", "almost", "c.", "ca.", "circa", "~"]
        private static let lowerBoundWords = ["more than", "over", "at least", "above", ">", "≥", ">="]

        /// Reads a count; empty text is nil; negative or non-numeric text throws with what to write instead.
        public init?(parsing input: String) throws(EventValueError) {
            // Most counts are plain whole numbers of up to 9 digits: what the general reading below makes of them.
            if (1...9).contains(input.utf8.count), input.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let n = Int(input) {
                self.init(text: input, low: n, high: n)
                return
            }
            let text = input.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { return nil }
            let advice = "write a whole number (84), a range (56-63), a lower bound (60+) or an estimate (about 60)"
            var rest = text.lowercased()
            var approximate = false
            var open = false
            if let word = Count.approximateWords.first(where: { rest.hasPrefix($0) }) {
                approximate = true
                rest = String(rest.dropFirst(word.count)).trimmingCharacters(in: .whitespaces)
            } else if let word = Count.lowerBoundWords.sorted(by: { $0.count > $1.count }).first(where: { rest.hasPrefix($0) }) {
                open = true
                rest = String(rest.dropFirst(word.count)).trimmingCharacters(in: .whitespaces)
            }
            if rest.hasSuffix("+") {
                open = true
                rest = String(rest.dropLast()).trimmingCharacters(in: .whitespaces)
            }
            if rest.hasPrefix("-") || rest.hasPrefix("−") {
                throw EventValueError("'\(text)' is negative; \(advice)")
            }
            let bounds = rest.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "–" || $0 == "—" }
                .map { $0.trimmingCharacters(in: .whitespaces) }
            let numbers = bounds.count == 1 ? rest.components(separatedBy: " to ").map { $0.trimmingCharacters(in: .whitespaces) } : bounds
            guard (1...2).contains(numbers.count), !(open && numbers.count == 2),
                  let low = Count.wholeNumber(numbers[0]), let high = numbers.count == 2 ? Count.wholeNumber(numbers[1]) : low else {
                throw EventValueError("'\(text)' is not a count; \(advice)")
            }
            guard low <= high else { throw EventValueError("'\(text)' is a range whose low end is above its high end; write it as \(high)-\(low)") }
            self.init(text: text, low: low, high: open ? nil : high, isApproximate: approximate)
        }

        private static func wholeNumber(_ text: String) -> Int? {
            var digits = text
            if digits.hasSuffix(".0") { digits.removeLast(2) }
            let groups = digits.split(separator: ",", omittingEmptySubsequences: false)
            if groups.count > 1 {
                guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
                digits = groups.joined()
            }
            guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(digits)
        }
    }
}
