import Testing
import EventModel
@testable import Extraction

/// Dates read against the document date (Monday 3 March 2025 unless said otherwise), with their precision.
@Suite struct DateReadingTests {
    static func read(_ text: String, on day: String? = "2025-03-03") -> [DateMention] {
        let documentDay = day.flatMap { text in (try? EventDate(parsing: text)).flatMap { CivilDay($0) } }
        let finder = DateFinder(documentDay: documentDay, documentDateSource: "test")
        return finder.dates(in: Tokenizer.tokens(text, in: text.startIndex..<text.endIndex), text: text)
    }

    @Test(arguments: [
        ("The blast on Sunday killed four.", "2025-03-02"),
        ("Gunmen struck late on Saturday.", "2025-03-01"),
        ("Forces arrested him last Tuesday.", "2025-02-25"),
        ("The attack on Monday morning.", "2025-03-03"),
        ("They were detained last Monday.", "2025-02-24"),
        ("The checkpost was attacked yesterday.", "2025-03-02"),
        ("It happened two days ago.", "2025-03-01"),
        ("Forces clashed on 11 February 2025.", "2025-02-11"),
        ("The raid on February 11, 2025 killed two.", "2025-02-11"),
        ("A blast on 22 February killed three.", "2025-02-22"),
        ("The December 21 attack killed 16.", "2024-12-21"),
        ("On the night of 12/13 February 2025, forces raided a compound.", "2025-02-12"),
        ("It was recorded as 2025-02-09 in the log.", "2025-02-09"),
        ("The raid took place on the 5th of March, 2024.", "2024-03-05"),
    ])
    func days(_ text: String, _ iso: String) {
        let date = Self.read(text).first { !$0.isBound }?.date
        #expect(date?.iso == iso, "\(text)")
        #expect(date?.precision == .day)
    }

    @Test(arguments: [
        ("In January, 120 detainees were released.", "2025-01", EventDate.Precision.month),
        ("Shelling in July killed two.", "2024-07", .month),
        ("The bombing in July 2023 killed 56.", "2023-07", .month),
        ("Last week's airstrikes killed 46.", "2025-02", .month),
        ("Earlier this month, forces raided a village.", "2025-03", .month),
        ("Last month, forces raided a village.", "2025-02", .month),
        ("The 2014 massacre at a school.", "2014", .year),
        ("Last year, the group attacked a convoy.", "2024", .year),
    ])
    func monthsAndYears(_ text: String, _ iso: String, _ precision: EventDate.Precision) {
        let date = Self.read(text).first { !$0.isBound }?.date
        #expect(date?.iso == iso, "\(text)")
        #expect(date?.precision == precision)
    }

    @Test func boundsAndFutureDatesDoNotDateEvents() {
        for text in ["Attacks have risen since 2021.", "The period 1 January to 31 March 2025 saw 40 attacks.", "Officials may visit in May 2026."] {
            let bound = Self.read(text).allSatisfy { $0.isBound }
            #expect(bound, "\(text)")
        }
        let future = Self.read("Talks are planned for next Monday.").allSatisfy { $0.isBound || $0.date == nil }
        #expect(future)
    }

    @Test func relativeDatesWithoutADocumentDateStayUnreadWithAReason() {
        let mention = Self.read("The blast on Sunday killed four.", on: nil).first
        #expect(mention?.date == nil)
        #expect(mention?.reading?.contains("no date") == true)
        #expect(Self.read("Forces clashed on 11 February 2025.", on: nil).first?.date?.iso == "2025-02-11")
    }

    @Test func wordsThatLookLikeDatesAreNotDates() {
        #expect(Self.read("Troops march into the valley and may stay.").isEmpty)
        #expect(Self.read("At least 2,014 people were displaced.").isEmpty)
    }

    @Test func weekdaysAndDayCountsAgreeWithTheCalendar() {
        let monday = CivilDay(year: 2025, month: 3, day: 3)
        #expect(monday.weekday == 1)
        #expect(CivilDay(year: 1970, month: 1, day: 1).weekday == 4)
        #expect(CivilDay(year: 2024, month: 2, day: 29).adding(1).date?.iso == "2024-03-01")
        #expect(CivilDay(year: 2000, month: 1, day: 1).adding(-1).date?.iso == "1999-12-31")
    }
}
