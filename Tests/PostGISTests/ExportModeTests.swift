import Foundation
import Testing
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Analysis
@testable import Jobs
@testable import PostGIS

/// Incremental exports merge by key; replace rebuilds.
@Suite(.enabled(if: TestPostgres.available)) struct ExportModeTests {
    /// The samples with one event changed, one event's origin removed and one new event.
    static func changedSamples() throws -> String {
        var lines = try String(contentsOfFile: TestData.samples, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for i in lines.indices where lines[i].hasPrefix("EM-S-0004,") {
            lines[i] = lines[i].replacingOccurrences(of: ",75,340+,", with: ",76,340+,")
        }
        let header = lines[0].split(separator: ",").map(String.init)
        let new = ["event_id": "EM-NEW-1", "event_date": "2024-01-02", "date_precision": "day", "event_type": "Battles",
                   "sub_event_type": "Armed clash", "location": "Torkham", "latitude": "34.1", "longitude": "71.09", "group": "TTP",
                   "attribution": "claimed", "origin": "Khost", "origin_asserted_by": "Test party", "origin_source": "Test source",
                   "fatalities": "4", "sources": "Test source", "notes": "new row"]
        #expect(Set(new.keys).isSubset(of: header), "the samples' columns")
        lines.insert(header.map { new[$0] ?? "" }.joined(separator: ","), at: lines.last == "" ? lines.count - 1 : lines.count)
        let path = NSTemporaryDirectory() + "eventmap-changed-\(UUID().uuidString).csv"
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func reexportingMergesByEventID() throws {
        let schema = try TestData.export(TestData.samples)
        let changed = try Self.changedSamples()
        defer { try? FileManager.default.removeItem(atPath: changed) }
        var options = ExportJob.Options(input: changed)
        options.schema = schema
        let summary = try ExportJob.run(options, reference: TestData.reference)
        let events = try #require(summary.loads.first { $0.layer == "events" })
        #expect(events.inserted == 1 && events.updated == TestData.sampleEvents.count)
        let connection = try TestPostgres.connect()
        let s = try SQLIdentifier(schema).quoted
        #expect(try TestPostgres.count(connection, "SELECT count(*) FROM \(s).events") == TestData.sampleEvents.count + 1)
        #expect(try connection.value("SELECT fatalities FROM \(s).events WHERE event_id = 'EM-S-0004'", during: "read") == "76")
        // The layers' aggregates now count every event of the schema, as the in-process engine does.
        let all = try GeocodedEvents.load(path: changed, reference: TestData.reference).events
        let rows = try Aggregation(try PreparedReference(TestData.reference)).rows(all, by: .province)
        for row in rows {
            #expect(try connection.value("SELECT events FROM \(s).provinces WHERE id = $1", [row.key], during: "read") == String(row.events))
        }
    }

    @Test func replaceRebuildsTheTables() throws {
        let changed = try Self.changedSamples()
        defer { try? FileManager.default.removeItem(atPath: changed) }
        let schema = try TestData.export(changed)
        try TestData.export(TestData.samples, schema: schema, mode: .replace)
        let connection = try TestPostgres.connect()
        let s = try SQLIdentifier(schema).quoted
        #expect(try TestPostgres.count(connection, "SELECT count(*) FROM \(s).events") == TestData.sampleEvents.count)
        #expect(try TestPostgres.count(connection, "SELECT count(*) FROM \(s).near_border(50)") > 0, "the query functions are installed again")
    }

    @Test func anOriginNoLongerReportedIsRemoved() throws {
        let schema = try TestData.export(TestData.samples)
        let connection = try TestPostgres.connect()
        let s = try SQLIdentifier(schema).quoted
        let withOrigin = try #require(try connection.value("SELECT event_id FROM \(s).origins ORDER BY event_id LIMIT 1", during: "read"))
        // The same event, now without its origin claim (no source asserts one any more).
        let path = NSTemporaryDirectory() + "eventmap-no-origin-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let table = try CSVTable(path: TestData.samples)
        let writer = try CSVWriter(path: path)
        writer.writeRow(table.header)
        let originColumns: Set<String> = ["origin", "origin_latitude", "origin_longitude", "origin_asserted_by", "origin_source",
                                          "origin_date", "origin_claims"]
        for row in table.rows where table.value(row, "event_id") == withOrigin {
            writer.writeRow(table.header.map { originColumns.contains($0) ? "" : table.value(row, $0) })
        }
        try writer.finish()
        let geocoded = try GeocodedEvents.load(path: path, reference: TestData.reference).events
        try #require(geocoded.count == 1 && geocoded[0].origins.isEmpty, "the rewritten event has no origin claim")
        try TestData.export(path, schema: schema)
        #expect(try TestPostgres.count(connection, "SELECT count(*) FROM \(s).origins WHERE event_id = $1", [withOrigin]) == 0)
        #expect(try TestPostgres.count(connection, "SELECT count(*) FROM \(s).links WHERE event_id = $1", [withOrigin]) == 0)
    }

    @Test func queryFunctionsOfAnOlderVersionAreReplaced() throws {
        let schema = try TestData.export(TestData.samples)
        let connection = try TestPostgres.connect()
        let s = try SQLIdentifier(schema).quoted
        try connection.execute("UPDATE \(s).reference_settings SET value = 'old' WHERE key = 'sql_version'", during: "aging")
        try TestData.export(TestData.samples, schema: schema)
        #expect(try connection.value("SELECT value FROM \(s).reference_settings WHERE key = 'sql_version'", during: "read") == EventQuerySQL.version)
        #expect(try TestPostgres.count(connection, "SELECT count(*) FROM \(s).aggregate('province')") > 0)
    }
}
