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

@Suite struct EventReaderFormatTests {
    @Test func readsEveryCanonicalField() throws {
        let (results, summary) = try EventFixtures.read("canonical.csv")
        #expect(results.rejects.isEmpty)
        #expect(results.events.count == 5)
        #expect(summary.rowsRead == 5 && summary.events == 5 && summary.generatedIDs == 1)

        let e1 = try #require(results.event("E1"))
        #expect(!e1.eventIDGenerated)
        #expect(e1.line == 2)
        #expect(e1.date.iso == "2023-07-30" && e1.date.precision == .day)
        #expect(e1.eventType == "Explosions/Remote violence" && e1.subEventType == "Suicide bomb")
        #expect(e1.location == "Khar, Bajaur" && e1.admin2 == "Bajaur" && e1.admin1 == "Khyber Pakhtunkhwa" && e1.country == "Pakistan")
        #expect(e1.coordinate == Coordinate(x: 71.5203, y: 34.7303))
        #expect(e1.coordinateFlags.isEmpty)
        #expect(e1.group == "ISKP" && e1.attribution == .claimed && e1.attributedBy == nil)
        #expect(e1.originClaims.first?.place == "Nangarhar" && e1.originClaims.first?.coordinate == Coordinate(x: 70.45, y: 34.43))
        #expect(e1.fatalities == Event.Count(text: "63", low: 63, high: 63))
        #expect(e1.injuries?.low == 123)
        #expect(e1.sources == ["Dawn", "Reuters"])
        #expect(e1.notes == "Rally of JUI-F")
        #expect(e1.extra.map(\.name) == ["reporter"] && e1.extra.map(\.value) == ["desk A"])
        #expect(e1.sourceFile == EventFixtures.path("canonical.csv"))

        let e2 = try #require(results.event("E2"))
        #expect(e2.date.iso == "2023-07" && e2.date.precision == .month)
        #expect(e2.attribution == .attributed && e2.attributedBy == "Government of Pakistan")
        #expect(e2.fatalities?.low == 60 && e2.fatalities?.high == nil && e2.fatalities?.text == "60+")
        #expect(e2.coordinate == nil)

        let generated = results.events[2]
        #expect(generated.eventIDGenerated)
        #expect(generated.line == 4)
        #expect(generated.eventID.hasPrefix("gen-") && generated.eventID.count == 20)
        #expect(generated.date.precision == .year)
        #expect(generated.attribution == .unspecified)
        #expect(generated.fatalities?.low == 56 && generated.fatalities?.high == 63)
        #expect(generated.injuries?.isApproximate == true && generated.injuries?.low == 60)

        let e4 = try #require(results.event("E4"))
        #expect(e4.date.iso == "2023-07-30" && e4.location == nil && e4.coordinate == Coordinate(x: 71.55, y: 34.01))
        #expect(e4.attribution == .disputed && e4.fatalities?.high == 84)

        let e5 = try #require(results.event("E5"))
        #expect(e5.date.iso == "2023-07" && e5.attribution == .alleged && e5.notes == "line one\nline two")
    }

    @Test func generatedIDsAreStableAcrossReads() throws {
        let first = try EventFixtures.read("canonical.csv").results.events[2].eventID
        let second = try EventFixtures.read("canonical.csv").results.events[2].eventID
        #expect(first == second)
    }

    @Test func readsAnACLEDExport() throws {
        let reader = try EventReader(path: EventFixtures.path("acled.csv"))
        #expect(reader.mapping?.dialect == .acled)
        let results = Array(reader)
        #expect(results.events.count == 2 && results.rejects.isEmpty)
        let event = try #require(results.event("PAK123"))
        // ACLED codes actor1 as the perpetrator of Explosions/Remote violence: the group, attributed by ACLED's coding;
        // actor1 also stays in its own column (issue "real-world inputs").
        #expect(event.group == "Islamic State Khorasan Province")
        #expect(event.attribution == .attributed && event.attributedBy == "ACLED coding (actor1)")
        #expect(event.sources == ["Dawn", "Reuters"])
        #expect(event.location == "Khar" && event.admin2 == "Bajaur" && event.admin1 == "Khyber Pakhtunkhwa")
        #expect(event.date.iso == "2023-07-30")
        #expect(event.fatalities?.low == 63)
        #expect(event.notes == "On 30 July 2023, a suicide bomber struck a JUI-F rally.")
        let extra = Dictionary(event.extra.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(extra["actor2"] == "Civilians (Pakistan)")
        #expect(extra["actor1"] == "Islamic State Khorasan Province")
        #expect(results.event("AFG456")?.group == nil, "a battle has no perpetrator: actor1 stays an actor")
        #expect(extra["assoc_actor_2"] == "JUI-F")
        #expect(extra["admin3"] == "Khar")
        #expect(extra["geo_precision"] == nil && extra["input_geo_precision"] == nil)
        #expect(event.reportedPrecision == .exact, "ACLED geo_precision 1 is read as the source's precision")
        let monthly = try #require(results.event("AFG456"))
        #expect(monthly.date.iso == "2023-08" && monthly.date.precision == .month)
        #expect(reader.summary.notes.contains { $0.contains("ACLED") })
        #expect(reader.summary.notes.contains { $0.contains("geo_precision on ACLED's 1–3 scale") })
    }

    @Test func readsGeoJSONPointsAndRejectsOtherGeometries() throws {
        let (results, summary) = try EventFixtures.read("points.geojson")
        #expect(results.count == 5)
        #expect(summary.events == 2 && summary.rejects == 3)

        let g1 = try #require(results.event("G1"))
        #expect(g1.line == 4)
        #expect(g1.coordinate == Coordinate(x: 71.5203, y: 34.7303))
        #expect(g1.fatalities?.low == 63)
        #expect(g1.sources == ["Dawn", "Reuters"])
        #expect(g1.extra.map(\.name) == ["reporter"])

        let line = try #require(results.reject(line: 7))
        #expect(line.field == "geometry" && line.featureIndex == 2 && line.category == .geometry)
        #expect(line.reason.hasPrefix("feature 2: the geometry is a LineString, not a Point"))
        #expect(line.raw.contains("\"LineString\""))

        let outside = try #require(results.reject(line: 10))
        #expect(outside.field == "geometry" && outside.featureIndex == 3 && outside.category == .coordinates)
        #expect(outside.reason.contains("latitude 95.0 is outside -90…90"))

        let g4 = try #require(results.event("G4"))
        #expect(g4.coordinate == Coordinate(x: 71.1, y: 34.1))
        #expect(g4.date.precision == .month)

        let nan = try #require(results.reject(line: 16))
        #expect(nan.field == "geometry" && nan.featureIndex == 5 && nan.reason.contains("'NaN' is not a finite decimal number"))
    }

    @Test func readsJSONLinesOneObjectPerLine() throws {
        let (results, summary) = try EventFixtures.read("events.jsonl")
        #expect(results.events.map(\.eventID) == ["J1", "J2", "J5"])
        #expect(results.rejects.map(\.line) == [4, 5, 6])
        #expect(summary.blankLinesSkipped == 1)

        let j1 = try #require(results.event("J1"))
        #expect(j1.location == "Khar, Bajaur" && j1.coordinate == Coordinate(x: 71.5203, y: 34.7303))
        #expect(j1.fatalities?.low == 63 && j1.sources == ["Dawn", "Reuters"])
        let j2 = try #require(results.event("J2"))
        #expect(j2.group == "TTP" && j2.attribution == .alleged)
        #expect(j2.extra.first?.name == "extra_field" && j2.extra.first?.value == "{\"a\":1}")
        #expect(results.event("J5")?.injuries?.low == 12)

        #expect(results.reject(line: 4)?.category == .invalidJSON)
        #expect(results.reject(line: 5)?.reason.contains("is not a JSON object") == true)
        let date = try #require(results.reject(line: 6))
        #expect(date.field == "date" && date.category == .date && date.reason.contains("February 2023 has 28 days"))
        #expect(date.raw == #"{"id": "J4", "date": "2023-02-30", "place": "Chaman"}"#)
    }

    @Test func appliesAColumnMapSpecOrFile() throws {
        let spec = try ColumnMap(spec: "When=event_date,Place=location,Killed=fatalities,Hurt=injuries")
        for map in [spec, try ColumnMap.load(EventFixtures.path("column-map.txt"))] {
            let (results, _) = try EventFixtures.read("column-map.csv", columnMap: map)
            #expect(results.events.count == 2 && results.rejects.isEmpty)
            let first = results.events[0]
            #expect(first.location == "Khar" && first.date.iso == "2023-07-30" && first.fatalities?.low == 63 && first.injuries?.low == 123)
            #expect(first.coordinate == Coordinate(x: 71.5203, y: 34.7303))
            #expect(results.events[1].location == "Wana" && results.events[1].coordinate == nil)
        }
    }

    @Test func withoutTheColumnMapTheMissingDateIsExplained() {
        do {
            _ = try EventReader(path: EventFixtures.path("column-map.csv"))
            Issue.record("no error")
        } catch {
            let text = String(describing: error)
            #expect(text.contains("column-map.csv:1: the header has no event date column"))
            #expect(text.contains("'When'"))
            #expect(text.contains("the column-map option"))
        }
    }

    @Test func aColumnMapNamingAnAbsentColumnIsAnError() throws {
        let map = try ColumnMap(spec: "Town=location")
        #expect(throws: GeoDataError.self) { try EventReader(path: EventFixtures.path("column-map.csv"), columnMap: map) }
    }

    @Test func detectsFormatsByExtensionAndContent() throws {
        #expect(EventFileFormat.detect(path: EventFixtures.path("canonical.csv")) == .csv(delimiter: UInt8(ascii: ",")))
        #expect(EventFileFormat.detect(path: EventFixtures.path("points.geojson")) == .jsonDocument)
        #expect(EventFileFormat.detect(path: EventFixtures.path("events.jsonl")) == .jsonLines)
        let folder = try TestFolder()
        let semicolons = folder.write("events.txt", "event_id;event_date;location\nT1;2023-07-30;Khar, Bajaur\n")
        #expect(EventFileFormat.detect(path: semicolons) == .csv(delimiter: UInt8(ascii: ";")))
        #expect(Array(try EventReader(path: semicolons)).events.first?.location == "Khar, Bajaur")
        let lines = folder.write("events.json", "{\"id\": \"A\", \"date\": \"2023\", \"place\": \"Khar\"}\n{\"id\": \"B\", \"date\": \"2023\", \"place\": \"Wana\"}\n")
        #expect(EventFileFormat.detect(path: lines) == .jsonLines)
        let array = folder.write("events", "[{\"id\": \"A\", \"date\": \"2023\", \"place\": \"Khar\"}]")
        #expect(EventFileFormat.detect(path: array) == .jsonDocument)
        #expect(Array(try EventReader(path: array)).events.map(\.eventID) == ["A"])
        let tabs = folder.write("events.tsv", "event_id\tevent_date\tlocation\nT1\t2023-07-30\tKhar, Bajaur\n")
        #expect(Array(try EventReader(path: tabs)).events.first?.location == "Khar, Bajaur")
    }
}
