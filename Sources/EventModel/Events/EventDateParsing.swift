import Foundation
import GeoKit

/// The order of day and month in numeric dates such as "3/4/2021", when a file says so.
public enum DateOrder: String, Sendable, CaseIterable {
    /// Day, month, year: "3/4/2021" is 3 April 2021 (most of the world; "12.03.2019" always reads so).
    case dmy
    /// Month, day, year: "3/4/2021" is 4 March 2021 (the United States).
    case mdy
}

extension EventDate {
    /// Reads "2023-07-30", "2023-07", "2023", "2023-07-30T10:00:00Z", "30 July 2023", "30-Jul-2023", "July 2023",
    /// "July 30, 2023", "Friday, June 18, 2004", "Sunday-November 19-1995", "18th June 2004", "12.03.2019"
    /// (day.month.year) and slash dates whose order is plain ("30/07/2023"); refuses "3/4/2021" as ambiguous.
    public init(parsing input: String) throws(EventValueError) {
        try self.init(parsing: input, order: nil)
    }

    /// As `init(parsing:)`, with the day/month order of numeric dates when the file's convention is known.
    /// `orderAdvice` is what the refusal of an ambiguous date tells the user to do.
    public init(parsing input: String, order: DateOrder?, orderAdvice: String = "say which order the file uses (day/month or month/day)") throws(EventValueError) {
        // YYYY-MM-DD, the usual form, read as the general reading below reads it.
        if let (year, month, day) = Self.plainISODay(input) {
            self = try EventDate(year: year, month: month, day: day)
            return
        }
        var text = input.trimmingCharacters(in: .whitespaces)
        let advice = "write it as YYYY-MM-DD (2023-07-30), YYYY-MM or YYYY, or as '30 July 2023'"
        guard !text.isEmpty else { throw EventValueError("is empty; \(advice)") }
        let weekday = EventDate.leadingWeekday(&text)
        let date: EventDate
        if let found = try EventDate.iso(text) {
            date = found
        } else if let found = try EventDate.named(text) {
            date = found
        } else if let found = try EventDate.numeric(text, original: input, order: order, orderAdvice: orderAdvice, advice: advice) {
            date = found
        } else {
            throw EventValueError("'\(input.trimmingCharacters(in: .whitespaces))' is not a date; \(advice)")
        }
        if let weekday, let day = date.day, let month = date.month {
            let actual = EventDate.weekday(year: date.year, month: month, day: day)
            if actual != weekday {
                throw EventValueError("'\(input.trimmingCharacters(in: .whitespaces))' names a \(EventDate.weekdayNames[weekday].capitalized), but \(day) \(EventDate.monthNames[month - 1].capitalized) \(date.year) was a \(EventDate.weekdayNames[actual].capitalized); check the day")
            }
        }
        self = date
    }

    /// An Excel serial day number (1900 date system, as Excel on Windows writes it: 44562 = 2022-01-01), for
    /// a date column that holds one; nil unless `text` is a whole number of 5 digits between 1950 and 2100.
    public static func excelSerial(_ text: String) -> EventDate? {
        let digits = text.trimmingCharacters(in: .whitespaces)
        guard digits.count == 5, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let serial = Int(digits),
              (18264...73050).contains(serial) else { return nil }
        // Serial 25569 is 1970-01-01; Excel's fictitious 1900-02-29 lies before every serial accepted here.
        return CivilDay(days: serial - 25569).date
    }

    // MARK: - Forms

    /// The numbers of exactly "DDDD-DD-DD" (ASCII digits), else nil.
    private static func plainISODay(_ text: String) -> (Int, Int, Int)? {
        let b = text.utf8
        guard b.count == 10 else { return nil }
        var values = (0, 0, 0)
        for (i, byte) in b.enumerated() {
            if i == 4 || i == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            switch i {
            case 0..<4: values.0 = values.0 * 10 + digit
            case 5..<7: values.1 = values.1 * 10 + digit
            default: values.2 = values.2 * 10 + digit
            }
        }
        return values
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
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "," || $0 == "/" })
            .map(String.init).filter { $0 != "of" }
        func month(_ word: String) -> Int? {
            guard word.count >= 3 else { return nil }
            let word = word.hasSuffix(".") ? String(word.dropLast()) : word
            if word == "sept" { return 9 }
            return monthNames.firstIndex { $0 == word || ($0.hasPrefix(word) && word.count == 3) }.map { $0 + 1 }
        }
        func number(_ word: String, digits: ClosedRange<Int>) -> Int? {
            var word = word
            if digits.upperBound <= 2, let suffix = ["st", "nd", "rd", "th"].first(where: { word.hasSuffix($0) }), word.count > suffix.count {
                word.removeLast(suffix.count)
            }
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
            if let year = number(words[0], digits: 4...4), let m = month(words[1]), let day = number(words[2], digits: 1...2) {
                return try EventDate(year: year, month: m, day: day)
            }
        case 2:
            if let m = month(words[0]), let year = number(words[1], digits: 4...4) {
                return try EventDate(year: year, month: m)
            }
            if let year = number(words[0], digits: 4...4), let m = month(words[1]) {
                return try EventDate(year: year, month: m)
            }
        default: break
        }
        return nil
    }

    /// "12.03.2019" (day.month.year), "30/07/2023", "3/4/2021" with a known order, "2023/07/30".
    private static func numeric(_ text: String, original: String, order: DateOrder?, orderAdvice: String,
                                advice: String) throws(EventValueError) -> EventDate? {
        let shown = original.trimmingCharacters(in: .whitespaces)
        let separator: Character? = [Character("/"), ".", "-"].first { text.contains($0) }
        guard let separator, let parts = numericParts(text, separators: [separator]), parts.count == 3 else {
            if numericParts(text, separators: ["/", "."]) != nil {
                throw EventValueError("'\(shown)' is not a date; \(advice)")
            }
            return nil
        }
        if parts[0].count == 4 {
            return try EventDate(year: Int(parts[0])!, month: Int(parts[1])!, day: Int(parts[2])!)
        }
        guard parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 else {
            throw EventValueError("'\(shown)' has no four-digit year; \(advice)")
        }
        let (a, b, year) = (Int(parts[0])!, Int(parts[1])!, Int(parts[2])!)
        // Dots are day.month.year wherever they are used for dates; slashes and dashes depend on the country.
        let plain: DateOrder? = a > 12 && b <= 12 ? .dmy : b > 12 && a <= 12 ? .mdy : a == b ? .dmy : nil
        let chosen: DateOrder
        if let order {
            chosen = order
        } else if let plain {
            chosen = plain
        } else if separator == "." {
            chosen = .dmy
        } else {
            // Neither order gives a day ("43/30/2145"): not a date, rather than an ambiguous one (found by Fuzz/FuzzHumanDates).
            var reasons: [String] = []
            for (order, month, day) in [("day/month/year", b, a), ("month/day/year", a, b)] {
                do { _ = try EventDate(year: year, month: month, day: day) } catch { reasons.append("as \(order), \(error.reason)") }
            }
            if reasons.count == 2 {
                throw EventValueError("'\(shown)' is not a date in either order (\(reasons.joined(separator: "; "))); \(advice)")
            }
            let first = (try? EventDate(year: year, month: b, day: a)).map { "\($0.day!) \(monthNames[$0.month! - 1].capitalized) \(year)" }
            let second = (try? EventDate(year: year, month: a, day: b)).map { "\($0.day!) \(monthNames[$0.month! - 1].capitalized) \(year)" }
            let readings = [first, second].compactMap { $0 }.joined(separator: " or ")
            throw EventValueError("'\(shown)' is ambiguous: \(readings.isEmpty ? "day and month cannot be told apart" : readings); \(orderAdvice), or \(advice)")
        }
        let (day, month) = chosen == .dmy ? (a, b) : (b, a)
        do {
            return try EventDate(year: year, month: month, day: day)
        } catch {
            throw EventValueError("'\(shown)' read as \(chosen == .dmy ? "day/month/year" : "month/day/year"): \(error.reason)")
        }
    }

    private static func numericParts(_ text: String, separators: [Character]) -> [String]? {
        let parts = text.split(separator: " ", maxSplits: 1).first.map { $0.split(omittingEmptySubsequences: false, whereSeparator: separators.contains) } ?? []
        guard parts.count >= 1, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        if parts.count == 1 && separators != ["-"] { return nil }
        return parts.map(String.init)
    }

    // MARK: - Weekdays and the civil calendar

    static let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// Drops a leading weekday ("Friday, ", "Sunday-", "Fri ") and returns its index (0 = Monday).
    private static func leadingWeekday(_ text: inout String) -> Int? {
        let lower = text.lowercased()
        let end = lower.firstIndex { !$0.isLetter } ?? lower.endIndex
        let word = String(lower[..<end]).replacingOccurrences(of: ".", with: "")
        guard word.count >= 3, let index = weekdayNames.firstIndex(where: { $0 == word || ($0.hasPrefix(word) && (word.count == 3 || word == "tues" || word == "thur" || word == "thurs")) }) else {
            return nil
        }
        var rest = text[text.index(text.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: end))...]
        while let first = rest.first, first == "," || first == "-" || first == "." || first == " " { rest = rest.dropFirst() }
        guard !rest.isEmpty else { return nil }
        text = String(rest)
        return index
    }

    /// 0 = Monday … 6 = Sunday.
    static func weekday(year: Int, month: Int, day: Int) -> Int {
        (CivilDay(year: year, month: month, day: day).weekday + 6) % 7
    }
}
