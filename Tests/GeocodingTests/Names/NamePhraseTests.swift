import Testing
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
@testable import Analysis
@testable import Cartography
@testable import Jobs
import TestSupport

@Suite("Name phrases") struct NamePhraseTests {
    @Test func nearTorkhamNamesBothSidesOfTheCrossing() {
        let match = resolve("near Torkham")
        #expect(match.isAmbiguous)
        #expect(match.best == nil)
        #expect(match.confidence <= 0.5)
        #expect(match.method == NameMethod.phrase)
        #expect(candidateIDs(match) == ["pl-torkham", "pl-torkham-afg"])
        #expect(match.sharedArea == nil)
    }

    @Test func nearTorkhamWithACountryHint() {
        let pakistan = resolve("near Torkham", NameHints(country: "Pakistan"))
        #expect(bestID(pakistan) == "place:pl-torkham")
        #expect(pakistan.method == NameMethod.phrase)
        #expect(pakistan.confidence == 0.9)
        #expect(bestID(resolve("Torkham", NameHints(admin1: "Nangarhar"))) == "place:pl-torkham-afg")
        #expect(bestID(resolve("Torkham", NameHints(admin2: "Khyber"))) == "place:pl-torkham")
    }

    @Test func tirahValleyArea() {
        let match = resolve("Tirah valley area")
        #expect(bestID(match) == "place:pl-tirah")
        #expect(match.method == NameMethod.phrase)
        #expect(match.matchedText == "Tirah valley")
        #expect(match.best?.districtID == "PK513")
    }

    @Test func commaListUsesTheRestAsQualifiers() {
        let khar = resolve("Khar, Bajaur")
        #expect(bestID(khar) == "place:pl-khar-bajaur")
        #expect(khar.best?.districtID == "PK502")
        #expect(khar.matchedText == "Khar")
        #expect(bestID(resolve("Jamrud, Khyber")) == "place:pl-jamrud")
        #expect(bestID(resolve("Datta Khel, Miranshah")) == "place:pl-datta-khel")
        #expect(bestID(resolve("Barikot, Kunar")) == "place:pl-barikot-kunar")
        #expect(bestID(resolve("Barikot (Swat)")) == "place:pl-barikot-swat")
    }

    @Test func unknownFirstPartFallsBackToTheQualifier() {
        let match = resolve("Some hamlet, Bajaur")
        #expect(bestID(match) == "district:PK502")
        #expect(match.method == NameMethod.hintAdmin2)
        #expect(match.confidence == 0.6)
    }

    @Test func districtOfProvince() {
        let match = resolve("Achin district of Nangarhar")
        #expect(bestID(match) == "district:AF0615")
        #expect(match.matchedText == "Achin district")
    }

    @Test("Approximation words go and lower the confidence", arguments: [
        "outskirts of Peshawar", "on the outskirts of Peshawar", "Peshawar area", "near Peshawar", "Peshawar region",
    ])
    func approximations(_ text: String) {
        let match = resolve(text)
        #expect(bestID(match) == "place:pl-peshawar")
        #expect(match.method == NameMethod.phrase)
        #expect(match.confidence == 0.9)
    }

    @Test func fillerWordsAreNotApproximations() {
        let match = resolve("in Peshawar")
        #expect(bestID(match) == "place:pl-peshawar")
        #expect(match.method == NameMethod.exact)
    }

    @Test func bazaarAliasMatchesBeforeStripping() {
        let bara = resolve("Bara bazaar")
        #expect(bestID(bara) == "place:pl-bara")
        #expect(bara.method == NameMethod.alias)
        #expect(resolve("Landi Kotal bazaar").method == NameMethod.phrase)
    }

    @Test func genericUnitWordsChooseTheKind() {
        #expect(bestID(resolve("Achin")) == "place:pl-achin")
        #expect(bestID(resolve("Achin district")) == "district:AF0615")
        #expect(bestID(resolve("Kunar province")) == "province:AF15")
        #expect(bestID(resolve("Swat valley")) == "place:pl-swat-valley")
        #expect(bestID(resolve("Tehsil Bara")) == "place:pl-bara")
        #expect(bestID(resolve("Kamdesh district")) == "place:pl-kamdesh")
    }
}
