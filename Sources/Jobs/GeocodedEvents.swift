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
        let pipeline = try GeocodingPipeline(reference: reference, workers: workers)
        let reader = try pipeline.reader(path: path, columnMap: columnMap)
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
}
