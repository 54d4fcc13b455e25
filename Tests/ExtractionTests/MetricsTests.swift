import Foundation
import Testing
@testable import Extraction

/// Precision and recall of events, and district accuracy of their places, printed for the annotated
/// documents and, separately, for the held-out documents written after the rules were frozen.
@Suite struct MetricsTests {
    static func evaluate(_ names: [String], heldOut: Bool) throws -> Evaluation {
        var evaluation = Evaluation()
        for name in names {
            let expected = try ExtractionFixtures.expected(name, heldOut: heldOut)
            let report = ExtractionFixtures.extractor.extract(path: ExtractionFixtures.documentPath(expected, heldOut: heldOut))
            evaluation.add(expected, report, names: ExtractionFixtures.names)
        }
        return evaluation
    }

    @Test func annotatedDocuments() throws {
        let evaluation = try Self.evaluate(ExtractionFixtures.annotated, heldOut: false)
        print("extract metrics, annotated documents (news report, government statement, UN report, op-ed):\n\(evaluation.report)")
        #expect(evaluation.precision >= 0.9)
        #expect(evaluation.recall >= 0.9)
        #expect(evaluation.districtAccuracy >= 0.9)
    }

    /// Held-out documents: first run with the rules frozen gave precision 1.00, recall 0.89, district accuracy 1.00 and
    /// 95 of 120 fields right; the general bugs it showed were fixed (see docs/EXTRACT.md). What is still wrong is listed
    /// in the files' known_failures, and anything else wrong fails here.
    @Test func heldOutDocuments() throws {
        let evaluation = try Self.evaluate(ExtractionFixtures.heldOut, heldOut: true)
        print("extract metrics, held-out documents:\n\(evaluation.report)")
        var known = Set<String>()
        for name in ExtractionFixtures.heldOut {
            for failure in try ExtractionFixtures.expected(name, heldOut: true).known_failures ?? [] { known.insert("\(failure.anchor)|\(failure.field)") }
        }
        for failure in evaluation.failures where !known.contains("\(failure.anchor)|\(failure.field)") {
            Issue.record("new failure: \(failure.document) '\(failure.anchor)': \(failure.field) expected '\(failure.expected)', got '\(failure.actual)'")
        }
        for missed in evaluation.missed where !known.contains(where: { missed.contains($0.split(separator: "|")[0]) && $0.hasSuffix("|event") }) {
            Issue.record("newly missed: \(missed)")
        }
        #expect(evaluation.spurious.isEmpty, "\(evaluation.spurious)")
    }
}
