import Foundation
import GeoKit
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
@testable import Analysis
@testable import Cartography
@testable import Jobs
import TestSupport

/// Fixture files for the event reader tests (Tests/Fixtures/events).
enum EventFixtures {
    static let directory = TestPaths.fixture("events")

    static func path(_ name: String) -> String { directory + "/" + name }

    /// Reads a fixture to the end.
    static func read(_ name: String, columnMap: ColumnMap = ColumnMap(), encoding: TextEncoding = .auto,
                     coverage: (@Sendable (Coordinate) -> Bool)? = nil) throws -> (results: [EventReadResult], summary: EventReadSummary) {
        var options = ReadOptions(columnMap: columnMap)
        options.encoding = encoding
        let reader = try EventReader(path: path(name), options: options)
        reader.swappedCoordinateCheck = coverage
        let results = Array(reader)
        return (results, reader.summary)
    }

    /// A rough box around the Afghanistan–Pakistan border region, standing in for real coverage.
    static let borderRegion: @Sendable (Coordinate) -> Bool = { (60...78).contains($0.x) && (23...39).contains($0.y) }
}
