import Foundation
import Testing
import EventSimulation
@testable import Extraction

/// Random word salad from the rules' own vocabulary, punctuation and odd characters: extraction never
/// crashes, and every candidate's offsets lie inside its document.
@Suite struct RobustnessTests {
    static let vocabulary = [
        "killed", "killing", "at", "least", "between", "and", "to", "over", "56", "63", "1,200", "twenty", "-", "one", "a", "dozen",
        "attack", "attacked", "blast", "bomb", "suicide", "clash", "exchange", "of", "fire", "arrested", "released", "prisoners", "airstrike",
        "the", "in", "on", "Sunday", "last", "Tuesday", "yesterday", "July", "2023", "12/13", "April", "December", "21", "since", "will",
        "Khar", ",", "Bajaur", "district", "province", "Kunar", "Torkham", "Pakistan", "Afghanistan", "Tank", "D.I.", "Khan", "Kabul",
        "TTP", "ISKP", "Islamic", "State", "Fitna", "al-Khawarij", "Pakistan's", "military", "Taliban's", "police", "said", "according",
        "claimed", "responsibility", "no", "group", "blamed", "accused", "suspected", "denied", "which", "who", "came", "from", "based",
        "(", ")", ";", ".", "!", "?", "\"", "“", "’s", "—", "–", ":", "\n", "\n\n", "#", "*", "[", "](", "<p>", "</p>", "<script>",
        "پشاور", "Пешавар", "é", "\u{301}", "\u{200D}", "🙂", "\t",
    ]

    @Test func wordSaladNeverCrashes() throws {
        var generator = SplitMix64(seed: 20_251_129)
        for round in 0..<300 {
            let count = Int.random(in: 1...120, using: &generator)
            let text = (0..<count).map { _ in Self.vocabulary.randomElement(using: &generator)! }.joined(separator: Bool.random(using: &generator) ? " " : "")
            let name = ["salad.txt", "salad.md", "salad.html"][round % 3]
            let report = ExtractionFixtures.extract(text, date: round % 4 == 0 ? nil : "2025-03-03", name: name)
            for candidate in report.candidates {
                #expect(candidate.evidenceStart >= 0 && candidate.evidenceStart < candidate.evidenceEnd)
                #expect(candidate.evidenceEnd <= text.unicodeScalars.count + 2)
            }
        }
    }

    @Test func aLargeDocumentIsReadInReasonableTime() throws {
        let story = try String(contentsOfFile: ExtractionFixtures.document("news-report.txt"), encoding: .utf8)
        let text = Array(repeating: story, count: 400).joined(separator: "\n\n")
        let start = Date()
        let report = ExtractionFixtures.extract(text)
        let seconds = Date().timeIntervalSince(start)
        print("extract: \(text.utf8.count / 1024) KB, \(report.sentences) sentences, \(report.candidates.count) candidates in \(String(format: "%.2f", seconds)) s")
        #expect(report.candidates.count == 3, "the same three events told 400 times, datelines included, are three events")
        #expect(seconds < 60)
    }

    /// Text without sentence punctuation used to be one sentence, and the rules look across a sentence: 400 KB of it
    /// took 14 s in a release build, 20 MB hours. Clauses are now read in pieces of at most 400 tokens.
    @Test(.timeLimit(.minutes(2))) func aDocumentWithoutSentencePunctuationIsReadInPieces() throws {
        let text = String(repeating: "militants killed 3 people in Khar on 2 March 2025 and ", count: 20_000)  // ~1 MB, one sentence
        let start = Date()
        let report = ExtractionFixtures.extract(text)
        let seconds = Date().timeIntervalSince(start)
        print("extract: one sentence of \(text.utf8.count / 1024) KB in \(String(format: "%.2f", seconds)) s, \(report.sentences) pieces")
        #expect(report.error == nil)
        #expect(report.sentences == (20_000 * 11 + SentenceSplitter.maxClauseTokens - 1) / SentenceSplitter.maxClauseTokens)
        #expect(report.notes.contains("1 sentence was longer than 400 words and marks (text without sentence punctuation?) and read in pieces of that length; figures and claims are not joined across the pieces"))
        #expect(seconds < 60)
    }

    @Test func clausesUpToTheLimitStayWhole() throws {
        // "Word word … word." is exactly maxClauseTokens tokens; the capital after the full stop starts the next sentence.
        let words = (["Word"] + Array(repeating: "word", count: SentenceSplitter.maxClauseTokens - 2)).joined(separator: " ") + "."
        let report = ExtractionFixtures.extract(words + " " + words)
        #expect(report.sentences == 2 && !report.notes.contains { $0.contains("read in pieces") })
    }
}
