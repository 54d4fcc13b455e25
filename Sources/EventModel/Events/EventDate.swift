import Foundation
import GeoKit

/// A calendar date as precise as its source: a day, a month or only a year.
public struct EventDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Precision: String, Sendable, CaseIterable, Comparable {
        case day, month, year

        public static func < (a: Precision, b: Precision) -> Bool { a.rank < b.rank }
        private var rank: Int {
            switch self { case .day: 0; case .month: 1; case .year: 2 }
        }
    }

    public let year: Int
    public let month: Int?
    public let day: Int?

    public var precision: Precision { day != nil ? .day : month != nil ? .month : .year }

    /// Checks the calendar: 2023-02-30 throws, naming the month's length.
    public init(year: Int, month: Int? = nil, day: Int? = nil) throws(EventValueError) {
        guard EventDate.years.contains(year) else {
            throw EventValueError("year \(year) is outside \(EventDate.years.lowerBound)–\(EventDate.years.upperBound)")
        }
        if let month, !(1...12).contains(month) { throw EventValueError("month \(month) does not exist") }
        if let day {
            guard let month else { throw EventValueError("a day needs a month") }
            let length = EventDate.daysIn(month: month, year: year)
            guard (1...length).contains(day) else {
                throw EventValueError("\(EventDate.monthNames[month - 1].capitalized) \(year) has \(length) days, so day \(day) does not exist")
            }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// ISO 8601 text: "2023-07-30", "2023-07" or "2023".
    public var iso: String {
        guard (0...9999).contains(year), (month ?? 1) >= 0, (month ?? 1) <= 99, (day ?? 1) >= 0, (day ?? 1) <= 99 else {
            var text = String(format: "%04d", year)
            if let month { text += String(format: "-%02d", month) }
            if let day { text += String(format: "-%02d", day) }
            return text
        }
        // As String(format: "%04d-%02d-%02d"), without Foundation's formatter (this runs once per output row).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        func digits(_ value: Int, _ width: Int) {
            var divisor = width == 4 ? 1000 : 10
            while divisor > 0 { bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10)); divisor /= 10 }
        }
        digits(year, 4)
        if let month { bytes.append(UInt8(ascii: "-")); digits(month, 2) }
        if let day { bytes.append(UInt8(ascii: "-")); digits(day, 2) }
        return String(decoding: bytes, as: UTF8.self)
    }

    public var description: String { iso }

    /// The same date with less precision (never more).
    public func coarsened(to precision: Precision) -> EventDate {
        switch precision {
        case .day: self
        case .month: (try? EventDate(year: year, month: month)) ?? self
        case .year: (try? EventDate(year: year)) ?? self
        }
    }

    public static func < (a: EventDate, b: EventDate) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }

    static let years = 1900...2100

    static let monthNames = ["january", "february", "march", "april", "may", "june",
                             "july", "august", "september", "october", "november", "december"]

    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// Why a value could not be read; the text says what to write instead.
public struct EventValueError: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
