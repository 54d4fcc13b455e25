import Foundation
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Extraction

/// `eventmap extract`: reads report documents into candidate events (one extractor for all of them),
/// flags candidates that repeat known events (`--merge`) and writes them through the output format table.
public enum ExtractJob {
    public struct Options: Sendable {
        public var documents: [String]
        public var output: String
        /// An events file whose events the candidates are compared with.
        public var merge: String?
        public var extraction = ExtractionOptions()
        public var writing = OutputOptions()

        public init(documents: [String], output: String) {
            self.documents = documents
            self.output = output
        }
    }

    public struct Summary: Sendable, CustomStringConvertible {
        public var reports: [DocumentReport] = []
        public var duplicates = 0
        public var mergeNotes: [String] = []
        /// The file written; nil when no document gave a candidate (nothing is written then).
        public var written: String?

        public var candidates: Int { reports.reduce(0) { $0 + $1.candidates.count } }
        public var failed: [DocumentReport] { reports.filter { $0.error != nil } }

        public var description: String { text(describing: { "\($0)" }) }

        /// The summary with each document's error worded by `describing` (the command line adds its flags).
        public func text(describing: (ExtractionError) -> String) -> String {
            var lines = reports.map { report in report.error.map { "skipped: " + describing($0) } ?? report.summaryLine }
            if !mergeNotes.isEmpty { lines += mergeNotes.map { "note: \($0)" } }
            let documents = reports.count - failed.count
            lines.append("\(candidates) candidate events from \(documents) of \(reports.count) documents"
                         + (duplicates > 0 ? "; \(duplicates) may repeat known events (duplicate_of)" : ""))
            lines.append(written.map { "wrote \($0)" } ?? "nothing written: no document gave a candidate event")
            return lines.joined(separator: "\n")
        }
    }

    public static func run(_ options: Options, reference: ReferenceData) throws -> Summary {
        _ = try OutputFormat(path: options.output)
        let names = NameGeocoder(gazetteer: reference.gazetteer)
        let extractor = EventExtractor(gazetteer: reference.gazetteer, names: names)
        let duplicateFinder = try options.merge.map { try DuplicateFinder(path: $0, names: names) }
        var summary = Summary()
        summary.mergeNotes = duplicateFinder?.notes ?? []
        var usedIDs = Set<String>()
        for path in options.documents {
            var report = extractor.extract(path: path, options: options.extraction)
            for k in report.candidates.indices {
                report.candidates[k].eventID = unique(report.candidates[k].eventID, in: &usedIDs)
                if let duplicateFinder {
                    report.candidates[k].duplicateOf = duplicateFinder.duplicates(of: report.candidates[k])
                    if !report.candidates[k].duplicateOf.isEmpty { summary.duplicates += 1 }
                }
            }
            summary.reports.append(report)
        }
        let candidates = summary.reports.flatMap(\.candidates)
        guard !candidates.isEmpty else { return summary }
        try CandidateTable.write(candidates, to: options.output, options: options.writing, withDuplicates: duplicateFinder != nil)
        summary.written = options.output
        return summary
    }

    /// Event ids unique across all documents: "report-1", then "report-1-b" for a second file named "report".
    private static func unique(_ id: String, in used: inout Set<String>) -> String {
        var candidate = id
        var suffix = 1
        while !used.insert(candidate).inserted {
            suffix += 1
            candidate = "\(id)-\(suffix)"
        }
        return candidate
    }
}

extension DocumentReport {
    /// One line per document for standard error: what was read, how, and what came of it.
    public var summaryLine: String {
        if let error { return "skipped: \(error)" }
        var parts = ["\(candidates.count) candidate\(candidates.count == 1 ? "" : "s")"]
        parts.append("\(kind?.rawValue ?? "?") in \(encoding ?? "?")")
        parts.append("document date " + (documentDate.map { "\($0.iso) (\(dateSource ?? "?"))" } ?? "unknown"))
        if blocksSkipped > 0 { parts.append("\(blocksSkipped) paragraph\(blocksSkipped == 1 ? "" : "s") skipped") }
        if !withoutPlace.isEmpty { parts.append("\(withoutPlace.count) event mention\(withoutPlace.count == 1 ? "" : "s") without a known place not kept") }
        var lines = ["\(path): " + parts.joined(separator: ", ")]
        lines += notes.map { "  note: \($0)" }
        lines += withoutPlace.map { "  no place: \($0.prefix(160))" }
        return lines.joined(separator: "\n")
    }
}
