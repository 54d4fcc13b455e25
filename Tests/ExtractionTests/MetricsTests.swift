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

    @Test func heldOutDocuments() throws {
        let evaluation = try Self.evaluate(ExtractionFixtures.heldOut, heldOut: true)
        print("extract metrics, held-out documents (never tuned on):\n\(evaluation.report)")
        #expect(evaluation.expectedCount > 0)
    }
}
