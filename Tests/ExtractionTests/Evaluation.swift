import Foundation
import EventModel
import Geocoding
@testable import Extraction

/// Compares candidates with a hand-made list: which expected events were found (a candidate whose
/// evidence contains the anchor), which candidates match nothing, and which fields differ.
struct Evaluation {
    struct FieldResult {
        let document: String
        let anchor: String
        let field: String
        let expected: String
        let actual: String
        var ok: Bool
    }

    var expectedCount = 0
    var candidateCount = 0
    var found = 0
    var missed: [String] = []
    var spurious: [String] = []
    var fields: [FieldResult] = []
    /// Matched events whose district (or province, for events outside the districts) is right.
    var districtsRight = 0
    var districtsChecked = 0

    var precision: Double { candidateCount == 0 ? 0 : Double(candidateCount - spurious.count) / Double(candidateCount) }
    var recall: Double { expectedCount == 0 ? 0 : Double(found) / Double(expectedCount) }
    var districtAccuracy: Double { districtsChecked == 0 ? 0 : Double(districtsRight) / Double(districtsChecked) }
    var failures: [FieldResult] { fields.filter { !$0.ok } }

    mutating func add(_ expected: ExpectedDocument, _ report: DocumentReport, names: NameGeocoder) {
        expectedCount += expected.events.count
        candidateCount += report.candidates.count
        var matched = Set<String>()
        for event in expected.events {
            let holders = report.candidates.filter { $0.evidence.contains(event.anchor) }
            guard let candidate = holders.first(where: { !matched.contains($0.eventID) }) else {
                missed.append("\(expected.document): \(event.anchor)" + (holders.isEmpty ? "" : " (told inside \(holders[0].eventID), not as an event of its own)"))
                continue
            }
            found += 1
            matched.insert(candidate.eventID)
            fields += Self.compare(event, candidate, names: names, document: expected.document)
            districtsChecked += 1
            if candidate.admin2 == event.admin2 && candidate.admin1 == event.admin1 { districtsRight += 1 }
        }
        spurious += report.candidates.filter { !matched.contains($0.eventID) }.map { "\(expected.document): \($0.eventID) \($0.evidence.prefix(90))" }
    }

    static func compare(_ e: ExpectedEvent, _ c: CandidateEvent, names: NameGeocoder, document: String) -> [FieldResult] {
        func exact(_ field: String, _ expected: String?, _ actual: String?) -> FieldResult {
            FieldResult(document: document, anchor: e.anchor, field: field, expected: expected ?? "", actual: actual ?? "",
                        ok: (expected ?? "") == (actual ?? ""))
        }
        func contains(_ field: String, _ expected: String, _ actual: String?) -> FieldResult {
            let ok = expected.isEmpty ? (actual ?? "").isEmpty : (actual ?? "").lowercased().contains(expected.lowercased())
            return FieldResult(document: document, anchor: e.anchor, field: field, expected: expected, actual: actual ?? "", ok: ok)
        }
        let groupID = c.groupID ?? c.group.flatMap { names.group($0)?.id }
        var results = [
            exact("event_type", e.event_type, c.eventType.rawValue),
            exact("event_date", e.event_date, c.date?.iso),
            exact("date_precision", e.date_precision, c.date?.precision.rawValue),
            exact("admin2", e.admin2, c.admin2),
            exact("admin1", e.admin1, c.admin1),
            exact("country", e.country, c.country),
            exact("group_id", e.group_id, groupID),
            exact("attribution", e.attribution, c.attribution == .unspecified ? "" : c.attribution.rawValue),
            contains("claimed_by", e.claimed_by, c.claimedBy),
            contains("attributed_by", e.attributed_by, c.attributedBy),
            contains("denied_by", e.denied_by, c.deniedBy),
            contains("origin", e.origin, c.origin),
            contains("origin_asserted_by", e.origin_asserted_by, c.originAssertedBy),
            exact("fatalities", e.fatalities, c.fatalities?.text),
            exact("injuries", e.injuries, c.injuries?.text),
        ]
        if let group = e.group { results.append(contains("group", group, c.group)) }
        return results
    }

    var report: String {
        var lines = [
            String(format: "events expected %d, candidates %d, found %d, missed %d, spurious %d", expectedCount, candidateCount, found, missed.count, spurious.count),
            String(format: "precision %.2f, recall %.2f, district accuracy %.2f (%d of %d), fields right %d of %d",
                   precision, recall, districtAccuracy, districtsRight, districtsChecked, fields.count - failures.count, fields.count),
        ]
        lines += missed.map { "  missed: \($0)" }
        lines += spurious.map { "  spurious: \($0)" }
        lines += failures.map { "  wrong \($0.field): expected '\($0.expected)', got '\($0.actual)' — \($0.document): \($0.anchor)" }
        return lines.joined(separator: "\n")
    }
}
