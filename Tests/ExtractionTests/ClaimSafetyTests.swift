import Foundation
import Testing
import EventModel
@testable import Extraction

/// An attribution is never written as a group's own claim: only the text saying the group claimed it (or the
/// group's own account of its operation) makes `claimed`; blame, suspicion and plain statements stay attributed
/// or alleged with who says so.
@Suite struct ClaimSafetyTests {
    static let allDocuments: [String] = {
        let folders = ["documents", "heldout"]
        return folders.flatMap { folder in
            let path = ExtractionFixtures.fixtures + "/" + folder
            return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasSuffix(".json") }.sorted().map { path + "/" + $0 }
        }
    }()

    @Test func everyClaimedCandidateQuotesAClaimOrTheGroupsOwnAccount() {
        for path in Self.allDocuments {
            let report = ExtractionFixtures.extractor.extract(path: path)
            for candidate in report.candidates where candidate.attribution == .claimed {
                let claimedBy = candidate.claimedBy ?? ""
                #expect(!claimedBy.isEmpty, "\(candidate.eventID): claimed without claimed_by")
                let evidence = candidate.evidence.lowercased()
                let saysClaim = evidence.contains("claim") || evidence.contains("responsib")
                let ownAccount = evidence.contains(claimedBy.lowercased()) || claimedBy == report.asserter
                #expect(saysClaim || ownAccount, "\(candidate.eventID): claimed by '\(claimedBy)' but the evidence says no claim: \(candidate.evidence)")
            }
        }
    }

    @Test(arguments: [
        ("Police blamed the TTP for the blast in Bannu on Monday that killed four people.", Attribution.attributed, "Police"),
        ("Officials said they suspected ISKP was behind the bombing in Jalalabad on 1 March.", .alleged, "Officials"),
        ("Suspected TTP militants attacked a checkpost in Tank on Sunday, killing two policemen.", .alleged, "Frontier Wire"),
        ("TTP militants attacked a checkpost in Bannu on Sunday, killing two policemen, police said.", .attributed, "police"),
        ("The bombing in Quetta on Sunday bore the hallmarks of the BLA, analysts said.", .alleged, "analysts"),
        ("Pakistan accused the TTP of the bombing in Peshawar on 1 March that killed 5; the TTP rejected the accusation.", .disputed, "Pakistan"),
        ("No group claimed the attack in Tank on Sunday, but police suspected the TTP.", .alleged, "police"),
    ])
    func blameAndSuspicionAreNeverClaims(_ text: String, _ attribution: Attribution, _ asserter: String) throws {
        let report = ExtractionFixtures.extract(text, publisher: "Frontier Wire")
        let candidate = try #require(report.candidates.first, "no candidate from: \(text)")
        #expect(candidate.attribution == attribution, "\(text) → \(candidate.attribution)")
        #expect(candidate.claimedBy == nil)
        #expect(candidate.attributedBy?.contains(asserter) == true, "attributed_by '\(candidate.attributedBy ?? "")'")
    }

    @Test(arguments: [
        ("ISKP claimed responsibility for the bombing in Jalalabad on 1 March.", "ISKP"),
        ("The TTP claimed the attack on a checkpost in Bannu on Sunday.", "TTP"),
        ("The attack in Quetta on Sunday was claimed by the BLA.", "BLA"),
        ("The Balochistan Liberation Army, in a statement, claimed that its fighters had ambushed a convoy near Turbat on Sunday.", "Balochistan Liberation Army"),
    ])
    func claimsSaidInTheTextAreClaims(_ text: String, _ claimant: String) throws {
        let candidate = try #require(ExtractionFixtures.extract(text).candidates.first, "no candidate from: \(text)")
        #expect(candidate.attribution == .claimed)
        #expect(candidate.claimedBy?.contains(claimant) == true, "claimed_by '\(candidate.claimedBy ?? "")'")
    }

    @Test func aClaimByOneGroupAndBlameOfAnotherStayApart() throws {
        let text = "ISKP claimed the bombing in Bajaur on Sunday, but officials blamed the TTP."
        let candidate = try #require(ExtractionFixtures.extract(text).candidates.first)
        #expect(candidate.attribution == .claimed)
        #expect(candidate.groupID == "gr-iskp")
        #expect(candidate.notes.contains { $0.contains("also attributed to TTP by officials") })
    }

    /// Two events in one sentence must not share a claim: ISKP claimed the Jalalabad blast, not the Bannu attack.
    @Test func aClaimStaysWithTheEventItNames() throws {
        let text = """
        Checkpost attacked in Bannu; ISKP claims Jalalabad blast

        BANNU: Militants attacked a police checkpost in Bannu district on Sunday night, killing two policemen. Police blamed the \
        Hafiz Gul Bahadur group, which denied involvement. In Afghanistan, a bomb exploded near a mosque in Jalalabad on Friday, \
        killing four worshippers, while gunmen attacked a checkpost in Kohat on Saturday, killing one policeman. ISKP claimed \
        responsibility for the Jalalabad blast.
        """
        let candidates = ExtractionFixtures.extract(text).candidates
        let bannu = try #require(candidates.first { $0.admin2 == "Bannu" })
        #expect(bannu.attribution == .disputed && bannu.groupID == "gr-hgb" && bannu.claimedBy == nil)
        #expect(bannu.deniedBy?.contains("Hafiz Gul Bahadur") == true)
        let jalalabad = try #require(candidates.first { $0.admin2 == "Jalalabad" })
        #expect(jalalabad.attribution == .claimed && jalalabad.groupID == "gr-iskp")
        let kohat = try #require(candidates.first { $0.admin2 == "Kohat" })
        #expect(kohat.attribution != .claimed && kohat.groupID == nil, "the Kohat attack is told in the Jalalabad sentence but nobody claimed it")
    }

    @Test func theDocumentsOwnVoiceIsNamedAsTheAsserter() throws {
        let text = "The Islamic State bombed a rally in Bajaur in July 2023."
        let named = try #require(ExtractionFixtures.extract(text, publisher: "Border Voices").candidates.first)
        #expect(named.attribution == .attributed)
        #expect(named.attributedBy == "Border Voices")
        #expect(named.groupID == nil, "'Islamic State' may be ISKP or ISPP")
        let anonymous = try #require(ExtractionFixtures.extract(text).candidates.first)
        #expect(anonymous.attributedBy == "the document")
    }
}
