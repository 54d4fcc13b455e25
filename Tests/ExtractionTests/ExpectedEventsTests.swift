import Foundation
import Testing
@testable import Extraction

/// The four annotated documents against their hand-made lists: every expected event found with its date and
/// precision, district, group, claim status and asserter, origin and figures; no event the list lacks.
@Suite struct ExpectedEventsTests {
    @Test(arguments: ExtractionFixtures.annotated)
    func documentMatchesItsExpectedList(_ name: String) throws {
        let expected = try ExtractionFixtures.expected(name)
        let report = ExtractionFixtures.extractor.extract(path: ExtractionFixtures.documentPath(expected, heldOut: false))
        #expect(report.error == nil)
        #expect(report.documentDate?.iso == expected.document_date, "document date of \(name)")
        var evaluation = Evaluation()
        evaluation.add(expected, report, names: ExtractionFixtures.names)
        let known = Set((expected.known_failures ?? []).map { "\($0.anchor)|\($0.field)" })
        #expect(evaluation.missed.isEmpty, "missed: \(evaluation.missed)")
        #expect(evaluation.spurious.isEmpty, "not in the list: \(evaluation.spurious)")
        for failure in evaluation.failures where !known.contains("\(failure.anchor)|\(failure.field)") {
            Issue.record("\(name): '\(failure.anchor)': \(failure.field) expected '\(failure.expected)', got '\(failure.actual)'")
        }
    }

    @Test func evidenceOffsetsPointAtTheQuotedText() throws {
        for name in ExtractionFixtures.annotated {
            let expected = try ExtractionFixtures.expected(name)
            let path = ExtractionFixtures.documentPath(expected, heldOut: false)
            let document = try DocumentLoader.load(path: path)
            let report = ExtractionFixtures.extractor.extract(document)
            let scalars = Array(document.text.unicodeScalars)
            for candidate in report.candidates {
                #expect(candidate.evidenceStart < candidate.evidenceEnd && candidate.evidenceEnd <= scalars.count)
                var span = String.UnicodeScalarView()
                span.append(contentsOf: scalars[candidate.evidenceStart..<candidate.evidenceEnd])
                let folded = String(span).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                let firstSentence = candidate.evidence.components(separatedBy: " … ")[0]
                #expect(folded.hasPrefix(firstSentence.prefix(40)), "\(candidate.eventID): offsets \(candidate.evidenceStart)-\(candidate.evidenceEnd)")
            }
        }
    }

    @Test func plainTextOffsetsAreOffsetsIntoTheFile() throws {
        let path = ExtractionFixtures.document("news-report.txt")
        let file = try String(contentsOfFile: path, encoding: .utf8)
        let candidate = try #require(ExtractionFixtures.extractor.extract(path: path).candidates.first { $0.eventType == .attack })
        let scalars = Array(file.unicodeScalars)
        var span = String.UnicodeScalarView()
        span.append(contentsOf: scalars[candidate.evidenceStart..<candidate.evidenceEnd])
        #expect(String(span).hasPrefix("Separately, gunmen attacked a police checkpost in Tank district"))
    }
}
