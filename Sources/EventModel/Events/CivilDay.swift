/// A calendar day as a count of days since 1970-01-01 (proleptic Gregorian), for date arithmetic that
/// needs no calendar object or time zone: yesterday, last Tuesday, a week ago.
package struct CivilDay: Hashable, Comparable, Sendable {
    package let days: Int

    package init(days: Int) { self.days = days }

    package init(year: Int, month: Int, day: Int) {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        days = era * 146_097 + dayOfEra - 719_468
    }

    /// The day of a day-precise date; nil for a month or a year.
    package init?(_ date: EventDate) {
        guard let month = date.month, let day = date.day else { return nil }
        self.init(year: date.year, month: month, day: day)
    }

    package var parts: (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// 0 Sunday … 6 Saturday.
    package var weekday: Int { ((days % 7) + 11) % 7 }

    package var date: EventDate? {
        let (year, month, day) = parts
        return try? EventDate(year: year, month: month, day: day)
    }

    package func adding(_ count: Int) -> CivilDay { CivilDay(days: days + count) }

    package static func < (a: CivilDay, b: CivilDay) -> Bool { a.days < b.days }
}
