import Foundation
import GeoKit

extension EventDate {
    /// Reads "2023-07-30", "2023-07", "2023", "2023-07-30T10:00:00Z", "30 July 2023", "30-Jul-2023",
    /// "July 2023" and "July 30, 2023"; refuses day/month slash dates such as "7/30/2023" as ambiguous.
    public init(parsing input: String) throws(EventValueError) {
        let text = input.trimmingCharacters(in: .whitespaces)
        let advice = "write it as YYYY-MM-DD (2023-07-30), YYYY-MM or YYYY, or as '30 July 2023'"
        guard !text.isEmpty else { throw EventValueError("is empty; \(advice)") }
        if let date = try EventDate.iso(text) { self = date; return }
        if let date = try EventDate.named(text) { self = date; return }
        if let parts = EventDate.numericParts(text, separators: ["/", "."]) {
            if parts.count == 3, parts[0].count == 4 {
                self = try EventDate(year: Int(parts[0])!, month: Int(parts[1])!, day: Int(parts[2])!)
                return
            }
            throw EventValueError("'\(text)' is ambiguous: slash dates are read as day/month in some places and month/day in others; \(advice)\(EventDate.guess(parts))")
        }
        throw EventValueError("'\(text)' is not a date; \(advice)")
    }

    private static func iso(_ text: String) throws(EventValueError) -> EventDate? {
        var datePart = Substring(text)
        if let cut = text.firstIndex(where: { $0 == "T" || $0 == " " }), text.distance(from: text.startIndex, to: cut) == 10 {
            datePart = text[..<cut]
        }
        guard let parts = numericParts(String(datePart), separators: ["-"]), parts[0].count == 4,
              parts.dropFirst().allSatisfy({ $0.count <= 2 }), parts.count <= 3 else { return nil }
        let numbers = parts.map { Int($0)! }
        return try EventDate(year: numbers[0], month: numbers.count > 1 ? numbers[1] : nil, day: numbers.count > 2 ? numbers[2] : nil)
    }

    private static func named(_ text: String) throws(EventValueError) -> EventDate? {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "," }).map(String.init)
        func month(_ word: String) -> Int? {
            guard word.count >= 3 else { return nil }
            let word = word.hasSuffix(".") ? String(word.dropLast()) : word
            if word == "sept" { return 9 }
            return monthNames.firstIndex { $0 == word || ($0.hasPrefix(word) && word.count == 3) }.map { $0 + 1 }
        }
        func number(_ word: String, digits: ClosedRange<Int>) -> Int? {
            guard digits.contains(word.count), word.allSatisfy(\.isASCII), word.allSatisfy(\.isNumber) else { return nil }
            return Int(word)
        }
        switch words.count {
        case 3:
            if let day = number(words[0], digits: 1...2), let m = month(words[1]), let year = number(words[2], digits: 4...4) {
                return try EventDate(year: year, month: m, day: day)
            }
            if let m = month(words[0]), let day = number(words[1], digits: 1...2), let year = number(words[2], digits: 4...4) {
                return try EventDate(year: year, month: m, day: day)
            }
        case 2:
            if let m = month(words[0]), let year = number(words[1], digits: 4...4) {
                return try EventDate(year: year, month: m)
            }
        default: break
        }
        return nil
    }

    private static func numericParts(_ text: String, separators: Set<Character>) -> [String]? {
        let parts = text.split(separator: " ", maxSplits: 1).first.map { $0.split(omittingEmptySubsequences: false, whereSeparator: separators.contains) } ?? []
        guard parts.count >= 1, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        if parts.count == 1 && separators != ["-"] { return nil }
        return parts.map(String.init)
    }

    private static func guess(_ parts: [String]) -> String {
        guard parts.count == 3, parts[2].count == 4, let a = Int(parts[0]), let b = Int(parts[1]), let year = Int(parts[2]) else { return "" }
        let (month, day) = a > 12 ? (b, a) : b > 12 ? (a, b) : (0, 0)
        guard month > 0, (try? EventDate(year: year, month: month, day: day)) != nil else { return "" }
        return " (if this is \(day) \(monthNames[month - 1].capitalized) \(year), write \(String(format: "%04d-%02d-%02d", year, month, day)))"
    }
}
