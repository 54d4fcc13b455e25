import Foundation
import GeoKit
import Testing
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
@testable import Analysis
@testable import Cartography
@testable import Jobs

/// The hostile-input corpus in Fixtures/bad/ and helpers that read a file the way the commands do.
package enum BadInput {
    package static let directory = TestPaths.fixture("bad")

    package static func path(_ name: String) -> String { directory + "/" + name }

    /// Reads an events file to the end and checks the rule of the house: every row met became exactly
    /// one event or one reject (`events + rejects == rows`).
    package static func events(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> (results: [EventReadResult], summary: EventReadSummary) {
        try events(at: path(name), sourceLocation: sourceLocation)
    }

    package static func events(at path: String, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> (results: [EventReadResult], summary: EventReadSummary) {
        let reader = try EventReader(path: path)
        let results = Array(reader)
        let summary = reader.summary
        #expect(summary.rowsRead == results.count, "rows counted", sourceLocation: sourceLocation)
        #expect(summary.events + summary.rejects == summary.rowsRead, "events + rejects == rows", sourceLocation: sourceLocation)
        #expect(summary.events == results.events.count && summary.rejects == results.rejects.count, sourceLocation: sourceLocation)
        return (results, summary)
    }

    /// The message of the error `body` throws ("" when it throws none, which is recorded as an issue).
    package static func errorMessage(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) -> String {
        do {
            try body()
            Issue.record("expected an error", sourceLocation: sourceLocation)
            return ""
        } catch {
            return String(describing: error)
        }
    }

    /// The error message of opening an events file.
    package static func eventsError(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        errorMessage(sourceLocation: sourceLocation) { _ = try EventReader(path: path(name)) }
    }

    /// `eventmap geodata import --dry-run` on a polygon layer, against the committed gazetteer.
    package static func importDistricts(_ file: String) throws -> DistrictImport.Report {
        var options = DistrictImport.Options()
        options.dryRun = true
        return try DistrictImport.run(file: file, geodata: TestPaths.geodata, gazetteer: SharedGeoData.gazetteer, options: options)
    }

    package static func importError(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        errorMessage(sourceLocation: sourceLocation) { _ = try importDistricts(path(name)) }
    }
}

extension Array where Element == EventReadResult {
    package var events: [Event] { compactMap(\.event) }
    package var rejects: [Reject] { compactMap(\.reject) }

    package func event(_ id: String) -> Event? { events.first { $0.eventID == id } }
    package func reject(line: Int) -> Reject? { rejects.first { $0.line == line } }

    /// Reject summaries as "line field: reason-prefix" for compact assertions.
    package var rejectLines: [Int] { rejects.map(\.line) }
    package var eventIDs: [String] { events.map(\.eventID) }
}
