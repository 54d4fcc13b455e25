import Testing
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
@testable import Analysis
@testable import Cartography
@testable import Jobs
import TestSupport

@Suite("Names outside the focus provinces, typos and unknowns") struct NameCoverageTests {
    @Test func kabulIsTheCityInItsProvince() {
        let match = resolve("Kabul")
        #expect(bestID(match) == "place:pl-kabul")
        #expect(match.best?.provinceID == "AF01")
        #expect(match.best?.districtID == nil)
        #expect(match.best?.countryISO3 == "AFG")
        #expect(bestID(resolve("Kabul, Afghanistan")) == "place:pl-kabul")
    }

    @Test func karachiIsTheCityInSindh() {
        let match = resolve("Karachi")
        #expect(bestID(match) == "place:pl-karachi")
        #expect(match.best?.provinceID == "PK7")
        #expect(match.best?.precision == 2)
    }

    @Test func deraGhaziKhanIsAPunjabPlace() {
        for text in ["D.G. Khan", "DG Khan", "Dera Ghazi Khan"] {
            let match = resolve(text)
            #expect(bestID(match) == "place:pl-dera-ghazi-khan")
            #expect(match.best?.provinceID == "PK6")
        }
    }

    @Test func islamabadIsTheCityNotTheTerritory() {
        #expect(bestID(resolve("Islamabad")) == "place:pl-islamabad")
    }

    @Test func countries() {
        #expect(bestID(resolve("Pakistan")) == "country:PAK")
        #expect(resolve("Pakistan").best?.precision == 5)
        #expect(bestID(resolve("Afghanistan")) == "country:AFG")
        #expect(bestID(resolve("افغانستان")) == "country:AFG")
    }

    @Test("Unknown names resolve to nothing", arguments: ["Xyzzyville", "Paris", "Kohat Pass", "XX", ""])
    func unknown(_ text: String) {
        let match = resolve(text)
        #expect(match.best == nil)
        #expect(match.candidates.isEmpty)
        #expect(match.confidence == 0)
        #expect(match.method == NameMethod.unresolved)
        #expect(!match.isAmbiguous)
    }

    @Test func typosMatchFuzzilyWithLowerConfidence() {
        let jalalabad = resolve("Jalalbad")
        #expect(bestID(jalalabad) == "place:pl-jalalabad")
        #expect(jalalabad.method == NameMethod.fuzzy)
        #expect(jalalabad.confidence < 0.75)
        let peshawar = resolve("Pehsawar")
        #expect(bestID(peshawar) == "place:pl-peshawar")
        #expect(peshawar.method == NameMethod.fuzzy)
        #expect(resolve("Peshawer").method == NameMethod.variant)
        #expect(peshawar.confidence < resolve("Peshawar").confidence)
    }

    @Test func closestSpellingWinsAmongPhoneticReadings() {
        let match = resolve("Kaabul")
        #expect(bestID(match) == "place:pl-kabul")
        #expect(candidateIDs(match).contains("pl-kabal"))
    }
}
