import Testing
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
@testable import Analysis
@testable import Cartography
@testable import Jobs
import TestSupport

@Suite("Group matching") struct GroupMatchTests {
    let geocoder = NameGeocoderFixture.geocoder

    @Test("Islamic State Khorasan aliases", arguments: [
        "ISIS-K", "IS-KP", "ISKP", "isis k", "Islamic State Khorasan Province", "Islamic State Khorasan Province (ISKP)", "Daesh", "Da'esh",
        "Wilayat Khorasan", "ISKP militants",
    ])
    func iskp(_ text: String) {
        #expect(geocoder.group(text)?.id == "gr-iskp")
    }

    @Test("Pakistani Taliban aliases", arguments: [
        "TTP", "Pakistani Taliban", "Tehrik-e-Taliban Pakistan", "Tehreek-i-Taliban Pakistan", "Tehrik-e-Taliban Pakistan (TTP)",
        "TTP fighters", "the Pakistani Taliban",
    ])
    func ttp(_ text: String) {
        #expect(geocoder.group(text)?.id == "gr-ttp")
    }

    @Test func methodsAndConfidence() {
        #expect(geocoder.matchGroup("TTP")?.method == "group:alias")
        #expect(geocoder.matchGroup("Haqqani Network")?.method == "group:exact")
        #expect(geocoder.matchGroup("Haqqani Network")?.confidence == 1.0)
        #expect(geocoder.matchGroup("Tehreek-i-Taliban Pakistan")?.method == "group:variant")
        let fuzzy = geocoder.matchGroup("Islamic State Khorasn Province")
        #expect(fuzzy?.group?.id == "gr-iskp")
        #expect(fuzzy?.method == "group:fuzzy")
        #expect((fuzzy?.confidence ?? 1) < 0.75)
    }

    @Test func afghanAndPakistaniTalibanStayApart() {
        #expect(geocoder.group("Taliban")?.id == "gr-taliban")
        #expect(geocoder.group("Afghan Taliban")?.id == "gr-taliban")
        #expect(geocoder.group("Pakistan Taliban")?.id == "gr-ttp")
    }

    @Test("Unknown perpetrators match no group", arguments: ["Unknown gunmen", "unidentified militants", "", "Baloch"])
    func unknown(_ text: String) {
        #expect(geocoder.group(text) == nil)
        #expect(geocoder.matchGroup(text) == nil)
    }
}
