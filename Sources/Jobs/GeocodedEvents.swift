import Foundation
import GeoKit
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis
import Cartography

/// Events read and geocoded in memory, for commands that query or draw them (query, map).
public struct GeocodedEvents: Sendable {
    public var events: [GeocodedEvent]
    public var rejects: [Reject]
    public var summary: EventReadSummary

    /// Reads `path` and geocodes every event with one worker per core; rejects are kept, not written.
    public static func load(path: String, reference: ReferenceData,
                            columnMap: ColumnMap = ColumnMap(), workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> GeocodedEvents {
        try load(path: path, reference: reference, reading: ReadOptions(columnMap: columnMap), workers: workers)
    }

    /// Reads `path` with the given reading options (column map, profile, date order, encoding) and geocodes it.
    public static func load(path: String, reference: ReferenceData, reading: ReadOptions,
                            workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> GeocodedEvents {
        let pipeline = try GeocodingPipeline(reference: reference, workers: workers)
        let reader = try pipeline.reader(path: path, options: reading)
        var events: [Event] = []
        var rejects: [Reject] = []
        for result in reader {
            switch result {
            case let .event(event): events.append(event)
            case let .reject(reject): rejects.append(reject)
            }
        }
        return GeocodedEvents(events: try pipeline.workers.geocode(events), rejects: rejects, summary: reader.summary)
    }

    /// How many events were placed (resolved or ambiguous with at least a country).
    public var geocodedCount: Int { events.filter { $0.location.status != .unresolved }.count }

    /// Why nothing was geocoded, with the top reject reasons, when nothing was; nil otherwise.
    public var nothingGeocoded: String? {
        guard geocodedCount == 0 else { return nil }
        if summary.rowsRead == 0 { return "no row was geocoded: the input has no event rows" }
        var why = "no row was geocoded: \(summary.rejects) of \(summary.rowsRead) rows rejected"
        if !events.isEmpty { why += ", \(events.count) events could not be placed" }
        let reasons = summary.topRejectReasons()
        if !reasons.isEmpty { why += "; top reasons: " + reasons.joined(separator: "; ") }
        return why
    }
}

/// A run read its input but placed no event: every row rejected or unresolved. The command line exits with
/// `exitCode` and prints `reason` (with the top reject reasons).
public struct NothingGeocoded: Error, CustomStringConvertible {
    public static let exitCode: Int32 = 2
    public let reason: String
    public init(reason: String) { self.reason = reason }
    public var description: String { reason }
}
