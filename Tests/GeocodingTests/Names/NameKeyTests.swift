import Testing
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
@testable import Analysis
@testable import Cartography
@testable import Jobs
import TestSupport

@Suite("Name keys") struct NameKeyTests {
    private func skeleton(_ text: String) -> String? {
        PhoneticKey.make(LocationText.tokens(text))
    }

    @Test("Transliteration variants share a skeleton", arguments: [
        ("Nangarhar", "Ningarhar"), ("Kunar", "Konar"), ("Bajaur", "Bajour"), ("Pul-e-Charkhi", "Puli Charkhi"),
        ("Pul-i-Charkhi", "Pol-e Charkhi"), ("Miranshah", "Miramshah"), ("Kurram", "Kuram"), ("Orakzai", "Orakzay"),
        ("Kowt", "Kot"), ("Dhadar", "Dadhar"), ("Mehtarlam", "Mihtarlam"), ("Kamah", "Kama"), ("Parwan", "Parvan"),
        ("Quetta", "Kuetta"), ("Dara-e-Nur", "Darah-ye Nur"), ("Tehrik-e-Taliban", "Tehreek-i-Taliban"),
    ])
    func sharedSkeleton(_ pair: (String, String)) {
        #expect(skeleton(pair.0) != nil)
        #expect(skeleton(pair.0) == skeleton(pair.1))
    }

    @Test func distinctSoundsStayApart() {
        #expect(skeleton("Khar") != skeleton("Kar"))
        #expect(skeleton("Shal") != skeleton("Sal"))
        #expect(skeleton("Swat") != skeleton("Sat"))
        #expect(skeleton("پشاور") == nil)
    }

    @Test func editDistanceCountsTranspositionsOnce() {
        #expect(EditDistance.distance(Array("peshawar".utf8), Array("pehsawar".utf8), limit: 2) == 1)
        #expect(EditDistance.distance(Array("jalalabad".utf8), Array("jalalbad".utf8), limit: 2) == 1)
        #expect(EditDistance.distance(Array("kabul".utf8), Array("quetta".utf8), limit: 2) == nil)
        #expect(EditDistance.distance(Array("".utf8), Array("ab".utf8), limit: 2) == 2)
    }

    @Test func deletionIndexFindsTermsWithinTheTolerance() {
        let index = DeletionIndex(terms: ["peshawar", "jalalabad", "kabul", "kot"])
        #expect(index.lookup("pehsawar").map { index.term($0.term) } == ["peshawar"])
        #expect(index.lookup("jalalbadx").map(\.distance) == [2])
        #expect(index.lookup("jalalbd").isEmpty)
        #expect(index.lookup("kabol").map { index.term($0.term) } == ["kabul"])
        #expect(index.lookup("kat").isEmpty)
        #expect(index.lookup("peshawar").isEmpty)
    }

    @Test func normalizerFastPathKeepsTheFoldingRules() {
        #expect(NameNormalizer.key("D.I. Khan") == "d i khan")
        #expect(NameNormalizer.key("  Bara'  bazaar!! ") == "bara bazaar")
        #expect(NameNormalizer.key("Dera Ismaīl-Khan,") == "dera ismail khan")
        #expect(NameNormalizer.compactKey("D.I. Khan") == "dikhan")
        #expect(NameNormalizer.key("كابل") == NameNormalizer.key("کابل"))
        #expect(NameNormalizer.key("...") == "")
    }

    @Test func approximationAndGenericWords() {
        let near = QueryWords.stripApproximations(LocationText.tokens("on the outskirts of Peshawar"))
        #expect(near.range == 4..<5 && near.isApproximate)
        let filler = QueryWords.stripApproximations(LocationText.tokens("in the Tirah valley"))
        #expect(filler.range == 2..<4 && !filler.isApproximate)
        let generic = QueryWords.stripGeneric(LocationText.tokens("Bajaur tribal district"))
        #expect(generic.tokens == ["bajaur"] && generic.preferredKind == .district)
        #expect(QueryWords.splitRelation(LocationText.tokens("Achin district of Nangarhar"))?.outer == ["nangarhar"])
    }
}
