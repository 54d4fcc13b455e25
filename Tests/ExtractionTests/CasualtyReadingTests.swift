import Testing
@testable import Extraction

/// Killed and injured as reported, written like the event schema ("12", "60+", "56-63").
@Suite struct CasualtyReadingTests {
    static func figures(_ text: String) -> (killed: String?, injured: String?, notes: [String]) {
        let candidate = ExtractionFixtures.extract(text).candidates.first
        return (candidate?.fatalities?.text, candidate?.injuries?.text, candidate?.notes ?? [])
    }

    @Test(arguments: [
        ("A blast in Quetta on Sunday killed at least 12 people and wounded 30 others.", "12+", "30") as (String, String?, String?),
        ("A blast in Quetta on Sunday killed more than 60 people.", "60+", nil),
        ("A blast in Quetta on Sunday killed over 200.", "200+", nil),
        ("Between 56 and 63 people died in a bombing in Bajaur on Sunday.", "56-63", nil),
        ("A bombing in Bajaur on Sunday killed 56 to 63 people.", "56-63", nil),
        ("A blast in Quetta on Sunday killed about 40 people.", "about 40", nil),
        ("Shelling in Dangam district on Sunday killed three civilians, including two children, and injured four others.", "3", "4"),
        ("Gunmen attacked a van near Darra Adam Khel on Sunday, killing four passengers and injuring two.", "4", "2"),
        ("A suicide bomber struck a rally in Khar on Sunday; 1,200 people attended and twenty-one were killed.", "21", nil),
        ("A blast in Quetta on Sunday wounded seven boys aged 10 to 14.", nil, "7"),
    ])
    func figuresAsReported(_ text: String, _ killed: String?, _ injured: String?) {
        let read = Self.figures(text)
        #expect(read.killed == killed, "\(text)")
        #expect(read.injured == injured, "\(text)")
    }

    @Test func agesInParenthesesAndDistancesAreNotCasualties() {
        let text = "In a clash in Datta Khel on Sunday, two soldiers, Naik Ali (age 29) and Sepoy Khan (age 24), embraced shahadat 4 km from the border."
        #expect(Self.figures(text).killed == "2")
    }

    @Test func attackersOfAnAttackAreNotCounted() {
        let read = Self.figures("Militants attacked a checkpost in Tank on Sunday, killing three policemen. Two attackers were also killed.")
        #expect(read.killed == "3")
        #expect(read.notes.contains { $0.contains("not counted") && $0.contains("Two attackers") })
    }

    @Test func combatantsOfAClashAreCounted() {
        #expect(Self.figures("In a clash in Datta Khel on Sunday, eight militants were killed.").killed == "8")
    }

    @Test func aRisingDeathTollReplacesAndDifferingFiguresGiveTheirSpan() {
        let rising = Self.figures("A bomb exploded in Quetta on Sunday, killing 20 people. The death toll later rose to 31.")
        #expect(rising.killed == "31")
        let differing = Self.figures("The BLA claimed that it ambushed a convoy near Turbat on Sunday, killing 12 soldiers. Officials put the death toll at four.")
        #expect(differing.killed == "4-12")
        #expect(differing.notes.contains { $0.contains("figures differ") })
    }
}
