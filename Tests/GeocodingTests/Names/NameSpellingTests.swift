import Testing
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
@testable import Analysis
@testable import Cartography
@testable import Jobs
import TestSupport

@Suite("Name spellings") struct NameSpellingTests {
    @Test("Nangarhar spellings resolve to the province", arguments: [
        "Nangarhar", "Ningarhar", "Nangrahar", "Ningrahar", "NANGARHAR", "Nengrahar", "Ningarhaar", "ننګرهار", "ننگرهار",
    ])
    func nangarhar(_ text: String) {
        let match = resolve(text)
        #expect(bestID(match) == "province:AF06")
        #expect(match.best?.precision == 4)
        #expect(!match.isAmbiguous)
    }

    @Test("Kunar spellings resolve to the province, not Khas Kunar or Bar Kunar", arguments: ["Kunar", "Konar", "کونړ"])
    func kunar(_ text: String) {
        #expect(bestID(resolve(text)) == "province:AF15")
    }

    @Test("Bajaur spellings resolve to the district", arguments: ["Bajaur", "Bajour", "Bajaur Agency", "Bajour Agency", "Bajaur district", "Bajawar"])
    func bajaur(_ text: String) {
        let match = resolve(text)
        #expect(bestID(match) == "district:PK502")
        #expect(match.best?.precision == 3)
    }

    @Test("Khyber Pakhtunkhwa names and abbreviations resolve to PK5", arguments: [
        "Khyber Pakhtunkhwa", "Khyber-Pakhtunkhwa", "KPK", "KP", "K.P.", "NWFP", "N.W.F.P.", "FATA", "Khyber Pakhtoonkhwa", "former FATA", "خیبر پختونخوا",
    ])
    func khyberPakhtunkhwa(_ text: String) {
        #expect(bestID(resolve(text)) == "province:PK5")
    }

    @Test("Dera Ismail Khan abbreviations resolve to the district PK509", arguments: ["D.I. Khan", "DI Khan", "D I Khan", "Dera Ismael Khan", "DIK"])
    func deraIsmailKhanAbbreviations(_ text: String) {
        let match = resolve(text)
        #expect(bestID(match) == "district:PK509")
    }

    @Test func deraIsmailKhanInFullIsTheCity() {
        let match = resolve("Dera Ismail Khan")
        #expect(bestID(match) == "place:pl-dera-ismail-khan")
        #expect(match.best?.districtID == "PK509")
        #expect(match.method == NameMethod.exact)
    }

    @Test("Pul-e-Charkhi spellings resolve to the prison", arguments: [
        "Pul-e-Charkhi", "Pul-i-Charkhi", "Puli Charkhi", "Pol-e Charkhi", "Pol-e-Charkhi prison", "Puli-Charkhi", "زندان پل‌چرخی",
    ])
    func pulECharkhi(_ text: String) {
        let match = resolve(text)
        #expect(bestID(match) == "place:pl-pul-e-charkhi")
        #expect(match.best?.provinceID == "AF01")
    }

    @Test("Miranshah spellings resolve to the town", arguments: ["Miranshah", "Miramshah", "Miran Shah", "Miram Shah", "Miramshaw"])
    func miranshah(_ text: String) {
        let match = resolve(text)
        #expect(bestID(match) == "place:pl-miranshah")
        #expect(match.best?.districtID == "PK525")
    }

    @Test func nativeScriptPeshawarIsTheCity() {
        let match = resolve("پشاور")
        #expect(bestID(match) == "place:pl-peshawar")
        #expect(match.best?.districtID == "PK528")
        #expect(match.method == NameMethod.exact)
    }

    @Test func nativeScriptIgnoresTheJoinerBetweenWords() {
        #expect(bestID(resolve("جلال آباد")) == "place:pl-jalalabad")
        #expect(bestID(resolve("جلال‌آباد")) == "place:pl-jalalabad")
    }

    @Test func transliterationVariantIsMarkedAsSuch() {
        let match = resolve("Nengrahar")
        #expect(match.method == NameMethod.variant)
        #expect(match.confidence < 0.9 && match.confidence > 0.7)
    }

    @Test func matchedTextKeepsTheWriting() {
        #expect(resolve("D.I. Khan").matchedText == "D.I. Khan")
        #expect(resolve("near Torkham").matchedText == "Torkham")
    }
}
