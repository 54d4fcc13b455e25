import Foundation
import GeoKit
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
@testable import Analysis
@testable import Cartography
@testable import Jobs

/// Fixture files for the event reader tests, found from this file's location.
enum EventFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/events").path

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

extension Array where Element == EventReadResult {
    var events: [Event] { compactMap(\.event) }
    var rejects: [Reject] { compactMap(\.reject) }

    func event(_ id: String) -> Event? { events.first { $0.eventID == id } }
    func reject(line: Int) -> Reject? { rejects.first { $0.line == line } }
}

/// A temporary folder removed when the value goes away.
final class TestFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "eventmap-events-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ name: String, _ text: String) -> String {
        let file = path + "/" + name
        _ = FileManager.default.createFile(atPath: file, contents: Data(text.utf8))
        return file
    }
}
