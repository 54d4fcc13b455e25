import Testing
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
@testable import Analysis
@testable import Cartography
@testable import Jobs
import TestSupport

@Suite struct EventDateParsingTests {
    @Test(arguments: [
        ("2023-07-30", "2023-07-30", EventDate.Precision.day),
        ("2023-07", "2023-07", .month),
        ("2023", "2023", .year),
        ("30 July 2023", "2023-07-30", .day),
        ("30-Jul-2023", "2023-07-30", .day),
        ("02 August 2023", "2023-08-02", .day),
        ("July 30, 2023", "2023-07-30", .day),
        ("July 2023", "2023-07", .month),
        ("2023-07-30T08:15:00Z", "2023-07-30", .day),
        ("2023-07-30 00:00:00", "2023-07-30", .day),
        ("2023/07/30", "2023-07-30", .day),
        ("2024-02-29", "2024-02-29", .day),
    ])
    func readsDate(text: String, iso: String, precision: EventDate.Precision) throws {
        let date = try EventDate(parsing: text)
        #expect(date.iso == iso)
        #expect(date.precision == precision)
    }

    @Test func refusesImpossibleDates() {
        #expect(throws: EventValueError("February 2023 has 28 days, so day 30 does not exist")) { try EventDate(parsing: "2023-02-30") }
        #expect(throws: EventValueError("April 2023 has 30 days, so day 31 does not exist")) { try EventDate(parsing: "31 April 2023") }
        #expect(throws: EventValueError("month 13 does not exist")) { try EventDate(parsing: "2023-13-01") }
    }

    @Test(arguments: ["07/08/2023", "3/4/2021", "12-03-2019"])
    func refusesSlashDatesAsAmbiguous(text: String) {
        do {
            _ = try EventDate(parsing: text)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.reason.contains("ambiguous"))
            #expect(error.reason.contains("YYYY-MM-DD"))
        }
    }

    /// Slash and dash dates whose order is plain are read; the ambiguous ones name both readings and how to
    /// choose; dotted dates are day first (issue "real-world inputs").
    @Test func readsNumericDatesWhoseOrderIsPlainAndNamesBothReadingsOtherwise() throws {
        #expect(try EventDate(parsing: "7/30/2023").iso == "2023-07-30")
        #expect(try EventDate(parsing: "30/07/2023").iso == "2023-07-30")
        #expect(try EventDate(parsing: "30.07.2023").iso == "2023-07-30")
        #expect(try EventDate(parsing: "12.03.2019").iso == "2019-03-12")
        #expect(reasonOf("3/4/2021").contains("3 April 2021 or 4 March 2021"))
        #expect(try EventDate(parsing: "3/4/2021", order: .dmy).iso == "2021-04-03")
        #expect(try EventDate(parsing: "3/4/2021", order: .mdy).iso == "2021-03-04")
        #expect(throws: EventValueError.self) { try EventDate(parsing: "30/07/2023", order: .mdy) }
        let advice = "give --date-order dmy or mdy"
        do { _ = try EventDate(parsing: "3/4/2021", order: nil, orderAdvice: advice); Issue.record("accepted") } catch {
            #expect(error.reason.contains(advice))
        }
    }

    @Test(arguments: [
        ("Friday, June 18, 2004", "2004-06-18", EventDate.Precision.day), ("Sunday-November 19-1995", "1995-11-19", .day),
        ("18th June 2004", "2004-06-18", .day), ("Fri 18 June 2004", "2004-06-18", .day), ("March 2015", "2015-03", .month),
        ("2016", "2016", .year), ("June 18, 2004", "2004-06-18", .day), ("2023/07/30", "2023-07-30", .day),
    ])
    func readsHumanDates(text: String, iso: String, precision: EventDate.Precision) throws {
        let date = try EventDate(parsing: text)
        #expect(date.iso == iso && date.precision == precision)
    }

    @Test func refusesAWeekdayThatDoesNotMatchTheDate() {
        #expect(reasonOf("Saturday, June 18, 2004").contains("was a Friday"))
    }

    @Test func excelSerialDaysAreRecognisedOnlyInTheirRange() {
        #expect(EventDate.excelSerial("44562")?.iso == "2022-01-01")
        #expect(EventDate.excelSerial("25569")?.iso == "1970-01-01")
        #expect(EventDate.excelSerial("2016") == nil)
        #expect(EventDate.excelSerial("99999") == nil)
    }

    @Test(arguments: ["yesterday", "2023-7-3x", "", "99999", "1850"])
    func refusesNonDates(text: String) {
        #expect(throws: EventValueError.self) { try EventDate(parsing: text) }
    }

    @Test func coarsensButNeverRefines() throws {
        let day = try EventDate(parsing: "2023-07-30")
        #expect(day.coarsened(to: .month).iso == "2023-07")
        #expect(day.coarsened(to: .year).iso == "2023")
        let year = try EventDate(parsing: "2023")
        #expect(year.coarsened(to: .day).iso == "2023")
    }

    private func reasonOf(_ text: String) -> String {
        do { _ = try EventDate(parsing: text); return "" } catch { return error.reason }
    }
}

@Suite struct EventCountParsingTests {
    @Test(arguments: [
        ("84", 84, Optional(84), false),
        ("60+", 60, nil, false),
        ("56-63", 56, 63, false),
        ("56 – 63", 56, 63, false),
        ("56 to 63", 56, 63, false),
        ("about 60", 60, 60, true),
        ("~60", 60, 60, true),
        ("approximately 60", 60, 60, true),
        ("more than 40", 40, nil, false),
        ("at least 12", 12, nil, false),
        ("1,200", 1200, 1200, false),
        ("0", 0, 0, false),
        ("7.0", 7, 7, false),
    ])
    func readsCount(text: String, low: Int, high: Int?, approximate: Bool) throws {
        let count = try #require(try Event.Count(parsing: text))
        #expect(count.text == text)
        #expect(count.low == low)
        #expect(count.high == high)
        #expect(count.isApproximate == approximate)
    }

    @Test func emptyIsNoCount() throws {
        #expect(try Event.Count(parsing: "  ") == nil)
    }

    @Test(arguments: ["abc", "-3", "−3", "63-56", "12 killed", "1,2", "60+-70", "3.5"])
    func refusesNonCounts(text: String) {
        #expect(throws: EventValueError.self) { try Event.Count(parsing: text) }
    }
}

@Suite struct AttributionParsingTests {
    @Test func readsTheFiveWordsAndEmpty() {
        #expect(Attribution(parsing: "Claimed") == .claimed)
        #expect(Attribution(parsing: " disputed ") == .disputed)
        #expect(Attribution(parsing: "") == .unspecified)
        #expect(Attribution(parsing: "unspecified") == .unspecified, "what the outputs write is valid input")
        #expect(Attribution(parsing: "confirmed") == nil)
    }
}
