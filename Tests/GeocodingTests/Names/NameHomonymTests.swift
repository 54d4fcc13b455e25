import Testing
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
@testable import Analysis
@testable import Cartography
@testable import Jobs
import TestSupport

@Suite("Name homonyms") struct NameHomonymTests {
    @Test func khyberIsTheDistrictNotTheProvince() {
        let match = resolve("Khyber")
        #expect(bestID(match) == "district:PK513")
        #expect(!match.isAmbiguous)
        #expect(match.confidence == 1.0)
        #expect(candidateIDs(match) == ["PK513", "pl-khyber-pass"])
        #expect(bestID(resolve("Khyber", NameHints(admin1: "KP"))) == "district:PK513")
        #expect(bestID(resolve("Khyber Pass")) == "place:pl-khyber-pass")
    }

    @Test func kunarDistrictsKeepTheirOwnNames() {
        #expect(bestID(resolve("Khas Kunar")) == "place:pl-khas-kunar")
        #expect(resolve("Khas Kunar").best?.districtID == "AF1510")
        #expect(bestID(resolve("Bar Kunar")) == "place:pl-bar-kunar")
        #expect(bestID(resolve("Asmar")) == "district:AF1508")
        #expect(bestID(resolve("Kunar valley")) == "place:pl-kunar-river")
    }

    @Test func kurramIsTheDistrict() {
        for text in ["Kurram", "Kurram Agency", "Kuram"] {
            #expect(bestID(resolve(text)) == "district:PK518")
        }
    }

    @Test func cityNamedLikeItsProvinceOrDistrictIsTheCity() {
        let khost = resolve("Khost")
        #expect(bestID(khost) == "place:pl-khost")
        #expect(khost.best?.provinceID == "AF14")
        #expect(candidateIDs(khost) == ["pl-khost", "AF14"])
        let peshawar = resolve("Peshawar")
        #expect(bestID(peshawar) == "place:pl-peshawar")
        #expect(peshawar.best?.precision == 2)
        #expect(peshawar.best?.districtID == "PK528")
        #expect(bestID(resolve("Kot")) == "place:pl-kot-nangarhar")
        #expect(resolve("Kot").best?.districtID == "AF0613")
    }

    @Test func placeCarryingItsDistrictNameAsAliasLosesToTheDistrict() {
        #expect(bestID(resolve("Bajaur")) == "district:PK502")
        #expect(bestID(resolve("Mohmand Agency")) == "district:PK524")
        #expect(bestID(resolve("Kech")) == "district:PK211")
        #expect(bestID(resolve("Turbat")) == "place:pl-turbat")
        #expect(bestID(resolve("Swat")) == "district:PK532")
        #expect(bestID(resolve("Khar")) == "place:pl-khar-bajaur")
    }

    @Test func barikotNeedsAHint() {
        let bare = resolve("Barikot")
        #expect(bare.isAmbiguous)
        #expect(bare.best == nil)
        #expect(bare.confidence == 0.5)
        #expect(candidateIDs(bare) == ["pl-barikot-kunar", "pl-barikot-swat"])
        #expect(bestID(resolve("Barikot", NameHints(country: "AFG"))) == "place:pl-barikot-kunar")
        #expect(bestID(resolve("Barikot", NameHints(admin2: "Swat"))) == "place:pl-barikot-swat")
    }

    @Test func legacyDistrictNamesAreAmbiguousWithinTheirProvince() {
        let dir = resolve("Dir")
        #expect(dir.isAmbiguous)
        #expect(candidateIDs(dir) == ["pl-dir", "PK520", "PK535", "EM-PK-KP-CDIR"])
        #expect(dir.sharedArea?.id == "PK5")
        #expect(dir.confidence == 0.25)
        let southWaziristan = resolve("South Waziristan")
        #expect(southWaziristan.isAmbiguous)
        #expect(candidateIDs(southWaziristan) == ["EM-PK-KP-USWZ", "EM-PK-KP-LSWZ"])
        #expect(resolve("Chitral").isAmbiguous)
        #expect(resolve("Kohistan").isAmbiguous)
        #expect(candidateIDs(resolve("Waziristan")) == ["PK525", "EM-PK-KP-USWZ", "EM-PK-KP-LSWZ"])
    }

    @Test func hintsDecideLegacyNames() {
        #expect(bestID(resolve("Dir", NameHints(admin2: "Upper Dir"))) == "place:pl-dir")
        #expect(bestID(resolve("Dir", NameHints(admin2: "Lower Dir"))) == "district:PK520")
        #expect(bestID(resolve("Chitral", NameHints(admin2: "Chitral Upper"))) == "district:PK508")
        #expect(bestID(resolve("Wana", NameHints(admin2: "South Waziristan"))) == "place:pl-wana")
    }

    @Test func ownNameBeatsAnotherPlacesAliasButLowersTheConfidence() {
        let kalat = resolve("Kalat")
        #expect(bestID(kalat) == "place:pl-kalat")
        #expect(kalat.confidence == 0.85)
        #expect(candidateIDs(kalat).contains("pl-qalat-zabul"))
        #expect(bestID(resolve("Qalat")) == "place:pl-qalat-zabul")
        #expect(bestID(resolve("Kalat", NameHints(country: "Afghanistan"))) == "place:pl-qalat-zabul")
        #expect(bestID(resolve("Parwan")) == "province:AF03")
    }

    /// Evidence order (issue "real-world inputs"): an exactly named hint outranks a name that disagrees with it;
    /// the name is dropped with a note. A hint found only fuzzily is still set aside when it contradicts.
    @Test func anExactHintOutranksANameThatDisagrees() {
        let match = resolve("Peshawar", NameHints(admin1: "Balochistan"))
        #expect(bestID(match) == "province:PK2")
        #expect(match.notes.contains { $0.contains("contradicts") && $0.contains("Peshawar") })
        let fuzzy = resolve("Peshawar", NameHints(admin1: "Balochistam"))
        #expect(bestID(fuzzy) == "place:pl-peshawar")
        #expect(fuzzy.confidence == 0.6)
    }
}
