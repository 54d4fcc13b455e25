import Foundation
import Testing
@testable import EventModel
@testable import EventFormats
@testable import Jobs
import TestSupport

/// Runs the built `eventmap` binary (found as `InterruptedRunTests` finds it) on real-world and broken inputs:
/// exit 0 only when at least one row was geocoded, 2 (with the top reasons) when none was, 1 when the file cannot
/// give events at all — the same for CSV and GeoJSON; the reading options work on every command that reads events.
@Suite(.serialized) struct RealWorldExitStatusTests {
    struct Run {
        let status: Int32
        let stderr: String
        let stdout: String
    }

    func run(_ arguments: [String]) throws -> Run {
        let binary = try InterruptedRunTests.requireBinary()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments + ["--geodata", TestPaths.geodata]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stderr: String(decoding: stderr, as: UTF8.self), stdout: String(decoding: stdout, as: UTF8.self))
    }

    @Test func realWorldFilesExitZero() throws {
        let folder = try TestFolder()
        for file in RealWorld.files {
            let result = try run(["geocode", RealWorld.path(file), "-o", folder.path + "/out.csv"])
            #expect(result.status == 0, "\(file): \(result.stderr)")
        }
    }

    @Test func aRunThatRejectsEveryRowExitsTwoWithTheTopReasons() throws {
        let folder = try TestFolder()
        let csv = folder.path + "/bad.csv"
        try "event_id,event_date,location\nA,yesterday,Khar\nB,3/4/2021,Wana\nC,,Khar\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let result = try run(["geocode", csv, "-o", folder.path + "/out.csv"])
        #expect(result.status == NothingGeocoded.exitCode)
        #expect(result.stderr.contains("no row was geocoded: 3 of 3 rows rejected; top reasons: 2 bad date"))
        let rejects = try String(contentsOfFile: folder.path + "/out.rejects.csv", encoding: .utf8)
        #expect(rejects.contains("3 April 2021 or 4 March 2021; give --date-order dmy"), "the ambiguous date names the flag that settles it")

        let geojson = folder.path + "/bad.geojson"
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString","coordinates":[[70,34],[71,34]]},"properties":{"event_date":"2023"}}]}"#
            .write(toFile: geojson, atomically: true, encoding: .utf8)
        let features = try run(["geocode", geojson, "-o", folder.path + "/out2.csv"])
        #expect(features.status == NothingGeocoded.exitCode && features.stderr.contains("top reasons: 1 geometry"))

        let nowhere = folder.path + "/nowhere.csv"
        try "event_id,event_date,latitude,longitude\nA,2023,71.576,34.0095\n".write(toFile: nowhere, atomically: true, encoding: .utf8)
        let unplaced = try run(["geocode", nowhere, "-o", folder.path + "/out3.csv"])
        #expect(unplaced.status == NothingGeocoded.exitCode && unplaced.stderr.contains("1 events could not be placed"))

        let map = try run(["map", csv, "-o", folder.path + "/map.svg"])
        #expect(map.status == NothingGeocoded.exitCode && map.stderr.contains("no row was geocoded"))
        let query = try run(["query", "aggregate", csv])
        #expect(query.status == NothingGeocoded.exitCode && query.stderr.contains("no row was geocoded"))
    }

    /// A file without a date column is refused whole, with the same words, whether CSV or GeoJSON.
    @Test func aFileWithoutDatesIsRefusedTheSameWayInEveryFormat() throws {
        let folder = try TestFolder()
        let csv = folder.path + "/nodates.csv"
        try "event_id,location\nA,Khar\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let geojson = folder.path + "/nodates.geojson"
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[71.5,34.7]},"properties":{"event_id":"A"}}]}"#
            .write(toFile: geojson, atomically: true, encoding: .utf8)
        for path in [csv, geojson] {
            let result = try run(["geocode", path, "-o", folder.path + "/out.csv"])
            #expect(result.status == 1, "\(path): \(result.stderr)")
            #expect(result.stderr.contains("no event date column") && result.stderr.contains("--column-map 'When=event_date'"), "\(result.stderr)")
        }
    }

    @Test func theReadingOptionsWorkOnEveryCommandThatReadsEvents() throws {
        let folder = try TestFolder()
        let csv = folder.path + "/custom.csv"
        try "Ref,When,Town,Dist\nA,3/4/2021,Khar,Bajaur\nB,30 July 2023,Wana,\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let columns = "Ref=event_id,When=event_date,Town=location,Dist=admin2"
        let geocode = try run(["geocode", csv, "-o", folder.path + "/out.csv", "--column-map", columns, "--date-order", "dmy"])
        #expect(geocode.status == 0, "\(geocode.stderr)")
        let out = try CSVTable(path: folder.path + "/out.csv")
        #expect(out.rows.count == 2 && out.value(out.rows[0], "event_date") == "2021-04-03")
        for command in [["query", "aggregate", csv, "--by", "district"], ["query", "near-border", csv, "--km", "80"], ["query", "links", csv]] {
            let result = try run(command + ["--column-map", columns, "--date-order", "dmy", "--profile", "generic", "--encoding", "auto"])
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        let aggregate = try run(["query", "aggregate", csv, "--by", "district", "--column-map", columns, "--date-order", "mdy"])
        #expect(aggregate.stdout.contains("Bajaur"))
        let map = try run(["map", csv, "-o", folder.path + "/map.svg", "--column-map", columns, "--date-order", "dmy", "--quiet"])
        #expect(map.status == 0, "\(map.stderr)")
    }

    /// The tool's own outputs are valid input to every command, with one short note.
    @Test func ownOutputsFeedEveryCommand() throws {
        let folder = try TestFolder()
        for ext in ["csv", "geojson", "geojsons", "gpkg"] {
            let output = folder.path + "/events.\(ext)"
            #expect(try run(["geocode", RealWorld.path("acled_export.csv"), "-o", output, "--quiet"]).status == 0)
            let again = try run(["geocode", output, "-o", folder.path + "/again.csv"])
            #expect(again.status == 0)
            let notes = again.stderr.split(separator: "\n").filter { $0.hasPrefix("note:") && !$0.contains("approximate") }
            #expect(notes.count == 1 && notes[0].contains("EventMapper output"), "\(ext): \(notes)")
            #expect(!again.stderr.contains("passed through"))
            let query = try run(["query", "aggregate", output, "--by", "province"])
            #expect(query.status == 0 && query.stdout.contains("Khyber Pakhtunkhwa"), "\(ext): \(query.stderr)")
        }
    }
}
