import Testing
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
@testable import Analysis
@testable import Cartography
@testable import Jobs
import TestSupport

@Suite("Name hints") struct NameHintTests {
    @Test func hintsStandInWhenTheTextNamesNothing() {
        let admin2 = resolve("Some village", NameHints(admin2: "Bajaur"))
        #expect(bestID(admin2) == "district:PK502")
        #expect(admin2.method == NameMethod.hintAdmin2)
        let admin1 = resolve("", NameHints(admin1: "Kunar"))
        #expect(bestID(admin1) == "province:AF15")
        #expect(admin1.method == NameMethod.hintAdmin1)
        let country = resolve("", NameHints(country: "Pakistan"))
        #expect(bestID(country) == "country:PAK")
        #expect(country.method == NameMethod.hintCountry)
    }

    @Test func mostSpecificHintWins() {
        let match = resolve("Nowhere", NameHints(admin2: "Khyber", admin1: "Khyber Pakhtunkhwa", country: "Pakistan"))
        #expect(bestID(match) == "district:PK513")
    }

    @Test func legacyDistrictHintIsAmbiguous() {
        let match = resolve("Some place", NameHints(admin2: "South Waziristan"))
        #expect(match.isAmbiguous)
        #expect(match.sharedArea?.id == "PK5")
        #expect(candidateIDs(match) == ["EM-PK-KP-USWZ", "EM-PK-KP-LSWZ"])
    }

    @Test func districtHintRefinesAProvinceText() {
        let match = resolve("Khyber Pakhtunkhwa", NameHints(admin2: "Peshawar"))
        #expect(bestID(match) == "district:PK528")
        #expect(match.method == NameMethod.hintAdmin2)
        #expect(bestID(resolve("Pakistan", NameHints(admin2: "Bajaur"))) == "district:PK502")
    }

    @Test("Country hints by name, code and script", arguments: ["Afghanistan", "AFG", "AF", "افغانستان"])
    func countryHints(_ country: String) {
        #expect(bestID(resolve("Barikot", NameHints(country: country))) == "place:pl-barikot-kunar")
    }

    @Test func misspelledHintsStillResolve() {
        #expect(bestID(resolve("Torkham", NameHints(admin1: "Ningrahar"))) == "place:pl-torkham-afg")
        #expect(bestID(resolve("Torkham", NameHints(admin1: "Nangarharr"))) == "place:pl-torkham-afg")
    }
}
