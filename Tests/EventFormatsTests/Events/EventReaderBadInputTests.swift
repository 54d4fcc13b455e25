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
import TestSupport

@Suite struct EventReaderBadInputTests {
    @Test func unbalancedQuoteRejectsItsRowAndLaterRowsAreStillRead() throws {
        let (results, _) = try EventFixtures.read("unbalanced-quotes.csv")
        let reject = try #require(results.reject(line: 2))
        #expect(reject.field == "location" && reject.category == .unreadable)
        #expect(reject.reason.hasPrefix("unbalanced quote"))
        #expect(reject.raw == "Q1,2023-07-30,\"Khar, Bajaur")
        #expect(results.events.map(\.eventID) == ["Q2", "Q3"])
        #expect(results.events.map(\.line) == [3, 4])
        #expect(results.event("Q3")?.location == "Chaman")
    }

    @Test func raggedRowsAreRejectedWithTheirCounts() throws {
        let (results, _) = try EventFixtures.read("ragged.csv")
        let long = try #require(results.reject(line: 2))
        #expect(long.field == nil && long.category == .ragged)
        #expect(long.reason.hasPrefix("has 4 fields but the header has 3; a value probably contains the delimiter"))
        #expect(long.fields == ["R1", "2023-07-30", "Khar", " Bajaur"])
        let short = try #require(results.reject(line: 3))
        #expect(short.reason.hasPrefix("has 2 fields but the header has 3"))
        #expect(short.raw == "R2,2023-07-31")
        #expect(results.events.map(\.eventID) == ["R3"])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let reader = try EventReader(path: EventFixtures.path("bom.csv"))
        #expect(reader.mapping?.columns.first == "event_id")
        #expect(Array(reader).events.map(\.eventID) == ["B1"])
    }

    @Test func crlfLineEndsAreHandled() throws {
        let (results, _) = try EventFixtures.read("crlf.csv")
        #expect(results.rejects.isEmpty)
        #expect(results.events.map(\.eventID) == ["C1", "C2"])
        #expect(results.events.map(\.line) == [2, 4])
        #expect(results.event("C1")?.notes == "two\r\nlines")
        #expect(results.event("C2")?.location == "Wana" && results.event("C2")?.notes == nil)
    }

    /// Issue "real-world inputs": by default a field that is not UTF-8 is read as Windows-1252 and the row kept
    /// with a note; the strict reading (`--encoding utf8`) still rejects it with its bytes visible.
    @Test func invalidUTF8IsReadAsWindows1252WithANote() throws {
        let (results, summary) = try EventFixtures.read("invalid-utf8.csv")
        #expect(results.rejects.isEmpty)
        #expect(results.event("U1")?.location == "Kh\u{E2}r")
        #expect(results.event("U1")?.readNotes == ["location: bytes that are not UTF-8 were read as Windows-1252"])
        #expect(summary.recodedRows == 1)
    }

    @Test func invalidUTF8RejectsTheRowAndKeepsItsBytesVisibleWhenStrict() throws {
        let (results, _) = try EventFixtures.read("invalid-utf8.csv", encoding: .utf8)
        let reject = try #require(results.reject(line: 2))
        #expect(reject.field == "location" && reject.category == .unreadable)
        #expect(reject.reason.contains("is not valid UTF-8"))
        #expect(reject.raw == "U1,2023-07-30,Kh\\xE2r")
        #expect(results.events.map(\.eventID) == ["U2"])
    }

    @Test func nulByteRejectsTheRow() throws {
        let (results, _) = try EventFixtures.read("nul.csv")
        let reject = try #require(results.reject(line: 2))
        #expect(reject.field == "location" && reject.reason.contains("NUL byte"))
        #expect(reject.raw == "N1,2023-07-30,Kh\\x00ar")
        #expect(results.events.map(\.eventID) == ["N2"])
    }

    @Test func emptyFileIsAnError() {
        #expect(throws: GeoDataError(file: EventFixtures.path("empty.csv"), "is empty; an events file needs a header row (for example event_id,event_date,location,latitude,longitude) and one row per event")) {
            try EventReader(path: EventFixtures.path("empty.csv"))
        }
    }

    @Test func headerOnlyGivesNoEventsAndSaysSo() throws {
        let (results, summary) = try EventFixtures.read("header-only.csv")
        #expect(results.isEmpty)
        #expect(summary.rowsRead == 0)
        #expect(summary.notes.contains { $0.hasSuffix("has no event rows (a header only); nothing to read") })
    }

    @Test func missingRequiredColumnsNameWhatWasFound() {
        do {
            _ = try EventReader(path: EventFixtures.path("missing-columns.csv"))
            Issue.record("no error")
        } catch {
            let text = String(describing: error)
            #expect(text.contains("missing-columns.csv:1: the header has no location column and no latitude and longitude columns"))
            #expect(text.contains("columns found: 'id', 'date', 'town_name', 'lat'"))
            #expect(text.contains("the column-map option"))
        }
    }

    @Test func datesAreCheckedRowByRow() throws {
        let (results, _) = try EventFixtures.read("dates.csv")
        // Slash dates whose order is plain (7/30/2023, 30/07/2023) are read since the real-world inputs issue.
        #expect(results.events.map(\.eventID) == ["D2", "D3", "D4", "D5", "D6", "D7", "D9", "D10"])
        #expect(results.events.map(\.date.iso) == ["2023-07-30", "2023-07-30", "2023-07-30", "2023-07", "2023", "2024-02-29", "2023-07-30", "2023-07-30"])
        let impossible = try #require(results.reject(line: 2))
        #expect(impossible.field == "event_date" && impossible.category == .date)
        #expect(impossible.reason == "February 2023 has 28 days, so day 30 does not exist")
        #expect(results.reject(line: 9)?.category == .missingDate)
    }

    @Test func badCoordinatesAreRejectedNamingTheColumn() throws {
        let (results, summary) = try EventFixtures.read("coordinates.csv")
        let expected: [(line: Int, field: String?, category: RejectCategory, reason: String)] = [
            (2, "lat", .coordinates, "'NaN' is not a finite decimal number"),
            (3, "lon", .coordinates, "longitude 200.0 is outside -180…180"),
            (4, "lon", .coordinates, "latitude is given (34.7) but longitude is empty"),
            (5, "lat", .nullIsland, "null island: coordinates 0,0 are almost always a missing value"),
            (6, "lat", .coordinates, "'Infinity' is not a finite decimal number"),
            (7, "lat", .coordinates, "'34°42'N' is not a finite decimal number"),
            (8, "lat", .coordinates, "latitude 95.0 is outside -90…90"),
            (10, nil, .missingPlace, "has neither a location nor coordinates"),
        ]
        #expect(results.rejects.count == expected.count)
        for (reject, want) in zip(results.rejects, expected) {
            #expect(reject.line == want.line)
            #expect(reject.field == want.field)
            #expect(reject.category == want.category)
            #expect(reject.reason.hasPrefix(want.reason), "\(reject)")
        }
        #expect(results.events.map(\.eventID) == ["K8", "K10"])
        #expect(summary.rejectsByCategory[.coordinates] == 6)
        #expect(summary.rejectsByCategory[.nullIsland] == 1)
    }

    @Test func swappedCoordinatesAreFlaggedAndKeptAsGiven() throws {
        let (results, summary) = try EventFixtures.read("swapped.csv", coverage: EventFixtures.borderRegion)
        let s1 = try #require(results.event("S1"))
        #expect(s1.coordinate == Coordinate(x: 34.7303, y: 71.5203))
        #expect(s1.coordinateFlags == .possiblySwapped)
        #expect(results.event("S2")?.coordinateFlags.isEmpty == true)
        // An impossible latitude is never geocoded nor silently swapped: rejected, with the swap named.
        #expect(results.event("S3") == nil)
        let s3 = try #require(results.rejects.first)
        #expect(s3.line == 4 && s3.field == "latitude")
        #expect(s3.reason.contains("latitude and longitude are in the right columns"))
        #expect(summary.possiblySwapped == 1)
    }

    @Test func withoutACoverageCheckNoSwapIsAssumed() throws {
        let (results, _) = try EventFixtures.read("swapped.csv")
        #expect(results.event("S1")?.coordinateFlags.isEmpty == true)
        #expect(results.rejects.first?.reason.contains("exchanged") == false)
    }

    @Test func duplicateIDsRejectTheLaterRowsNamingTheFirst() throws {
        let (results, _) = try EventFixtures.read("duplicates.csv")
        #expect(results.events.map(\.line) == [2, 3])
        #expect(results.rejects.map(\.line) == [4, 5])
        for reject in results.rejects {
            #expect(reject.field == "event_id" && reject.category == .duplicateID)
            #expect(reject.reason.hasPrefix("event_id 'X1' was already used on line 2"))
        }
    }

    @Test func countsKeepTheReportedTextAndBounds() throws {
        let (results, _) = try EventFixtures.read("counts.csv")
        #expect(results.event("F1")?.fatalities == Event.Count(text: "60+", low: 60, high: nil))
        #expect(results.event("F2")?.fatalities == Event.Count(text: "56-63", low: 56, high: 63))
        #expect(results.event("F3")?.fatalities == Event.Count(text: "84", low: 84, high: 84))
        #expect(results.event("F3")?.injuries == Event.Count(text: "~60", low: 60, high: 60, isApproximate: true))
        #expect(results.event("F7")?.fatalities?.low == 1200)
        #expect(results.event("F7")?.injuries == Event.Count(text: "more than 40", low: 40, high: nil))
        #expect(results.rejects.map(\.line) == [5, 6, 7])
        #expect(results.rejects.allSatisfy { $0.field == "fatalities" && $0.category == .count })
        #expect(results.reject(line: 5)?.reason.hasPrefix("'abc' is not a count") == true)
        #expect(results.reject(line: 6)?.reason.hasPrefix("'-3' is negative") == true)
        #expect(results.reject(line: 7)?.reason.contains("write it as 56-63") == true)
    }

    @Test(arguments: [
        ("canonical.csv", 5), ("acled.csv", 2), ("points.geojson", 5), ("events.jsonl", 6), ("unbalanced-quotes.csv", 3),
        ("ragged.csv", 3), ("bom.csv", 1), ("crlf.csv", 2), ("invalid-utf8.csv", 2), ("nul.csv", 2), ("header-only.csv", 0),
        ("dates.csv", 10), ("coordinates.csv", 10), ("swapped.csv", 3), ("duplicates.csv", 4), ("counts.csv", 7),
    ])
    func everyRowEndsAsExactlyOneEventOrReject(file: String, rows: Int) throws {
        let (results, summary) = try EventFixtures.read(file)
        #expect(results.count == rows)
        #expect(summary.rowsRead == rows)
        #expect(summary.events + summary.rejects == rows)
        #expect(results.events.count == summary.events && results.rejects.count == summary.rejects)
        #expect(summary.rejectsByCategory.values.reduce(0, +) == summary.rejects)
    }
}

@Suite struct EventReaderJSONBadInputTests {
    @Test func jsonLinesRejectsNULAndInvalidUTF8LineByLine() throws {
        let folder = try TestFolder()
        let path = folder.path + "/events.jsonl"
        var bytes = Array("{\"id\": \"A\", \"date\": \"2023\", \"place\": \"Kh\u{0}ar\"}\n".utf8)
        bytes += [UInt8](#"{"id": "B", "date": "2023", "place": "Kh"#.utf8) + [0xE2] + Array("ar\"}\n{\"id\": \"C\", \"date\": \"2023\", \"place\": \"Wana\"}\n".utf8)
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let results = Array(try EventReader(path: path))
        #expect(results.rejects.map(\.line) == [1, 2])
        #expect(results.reject(line: 1)?.reason.contains("NUL byte") == true)
        #expect(results.reject(line: 2)?.reason.contains("not valid UTF-8") == true)
        #expect(results.reject(line: 2)?.raw.contains("Kh\\xE2ar") == true)
        #expect(results.events.map(\.eventID) == ["C"])
    }

    @Test func brokenOrEmptyGeoJSONIsAnErrorWithItsLine() throws {
        let folder = try TestFolder()
        let broken = folder.write("broken.geojson", "{\"type\": \"FeatureCollection\",\n \"features\": [\n {\"type\": \"Feature\" \"geometry\": null}]}")
        #expect(throws: GeoDataError(file: broken + ":3", "is not valid JSON: expected ',' or '}' in the object opened on line 3")) {
            try EventReader(path: broken)
        }
        let empty = folder.write("empty.geojson", "\n")
        #expect(throws: GeoDataError(file: empty, "is empty; it needs a GeoJSON FeatureCollection of Point features")) {
            try EventReader(path: empty)
        }
        let polygon = folder.write("shape.geojson", "{\"type\": \"Polygon\", \"coordinates\": []}")
        #expect(throws: GeoDataError.self) { try EventReader(path: polygon) }
    }
}
