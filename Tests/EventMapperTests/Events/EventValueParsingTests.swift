import Testing
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
@testable import Analysis
@testable import Cartography
@testable import Jobs

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

    @Test(arguments: ["7/30/2023", "30/07/2023", "07/08/2023", "30.07.2023"])
    func refusesSlashDatesAsAmbiguous(text: String) {
        do {
            _ = try EventDate(parsing: text)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.reason.contains("ambiguous"))
            #expect(error.reason.contains("YYYY-MM-DD"))
        }
    }

    @Test func suggestsTheISOFormOnlyWhenTheOrderIsClear() {
        #expect(reasonOf("7/30/2023").contains("(if this is 30 July 2023, write 2023-07-30)"))
        #expect(!reasonOf("07/08/2023").contains("if this is"))
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
        #expect(Attribution(parsing: "unspecified") == nil)
        #expect(Attribution(parsing: "confirmed") == nil)
    }
}
