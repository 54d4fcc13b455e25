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

@Suite struct GeocodeJobTests {
    let geocode = GeocodeRows()
    func run(_ rows: [String], output name: String = "out.csv") throws -> (GeocodeJob.Summary, [[String: String]], [[String: String]]) {
        try geocode.run(rows, output: name)
    }
    func table(_ path: String) throws -> [[String: String]] { try geocode.table(path) }

    @Test func sampleEventsGeocodeWithoutRejects() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var options = GeocodeJob.Options(input: TestPaths.geodata + "/samples/events.csv", output: directory + "/samples.csv")
        options.workers = 2
        let summary = try GeocodeJob.run(options, reference: SharedGeoData.reference)
        #expect(summary.read.rejects == 0, "\(summary)")
        #expect(summary.read.events == summary.read.rowsRead)
        let rows = try table(options.output)
        // The one unresolved sample is the documented out-of-region case (Doha), with its reason.
        let unresolved = rows.filter { $0["geo_method"] == "unresolved" }
        #expect(unresolved.map { $0["event_id"] } == ["EM-S-0075"])
        #expect(unresolved.allSatisfy { ($0["geo_notes"] ?? "").contains("matches no place") })
        // Homonyms decided by hints: "Khyber" with country Pakistan is the district; "Mamund" in Pakistan is Bajaur's.
        #expect(rows.first { $0["event_id"] == "EM-S-0012" }?["adm2_id"] == "PK513")
        #expect(rows.first { $0["event_id"] == "EM-S-0069" }?["adm2_id"] == "PK502")
        #expect(rows.count == summary.read.events)
        let peshawar2022 = rows.first { $0["event_date"] == "2022-03-04" }
        #expect(peshawar2022?["adm1_name"] == "Khyber Pakhtunkhwa")
        #expect(peshawar2022?["attribution"] == "claimed")
        #expect(rows.allSatisfy { !($0["sources"] ?? "").isEmpty }, "every event keeps its sources")
    }

    @Test func coordinatesOnlyFindDistrictProvinceCountry() throws {
        let (_, rows, _) = try run(["e1,2020-01-01,Battles,,,,,34.43,70.447,,,,,,src"])
        #expect(rows[0]["adm2_id"] == "AF0601")
        #expect(rows[0]["adm1_name"] == "Nangarhar")
        #expect(rows[0]["adm0_iso3"] == "AFG")
        #expect(rows[0]["geo_precision"] == "1")
        #expect(rows[0]["geo_approximate"] == "false", "official COD-AB outline")
    }

    @Test func namesOnlyWithPlaceAndHint() throws {
        let (_, rows, _) = try run(["e1,2023-07-30,Explosions,\"Khar, Bajaur\",,,,,,,,,,,src"])
        #expect(rows[0]["adm2_id"] == "PK502")
        #expect(rows[0]["geo_precision"] == "2")
        #expect(rows[0]["geo_lon"] != "")
    }

    @Test func undecidableNamesListTheirCandidatesAndPickNothing() throws {
        let (summary, rows, _) = try run(["e1,2024-02-01,Battles,near Torkham,,,,,,,,,,,src"])
        #expect(summary.ambiguous == 1)
        #expect(rows[0]["geo_method"]?.hasSuffix(":ambiguous") == true)
        #expect(rows[0]["adm2_id"] == "" && rows[0]["adm0_iso3"] == "")
        #expect(Double(rows[0]["geo_confidence"] ?? "1")! <= 0.5)
        #expect((rows[0]["geo_candidates"] ?? "").split(separator: ";").count >= 2)
    }

    @Test func aNamedDistrictBeatsAnApproximateAreaOfTheSameProvince() throws {
        // Paharpur was split from Dera Ismail Khan after the official edition: both are approximated inside
        // D.I. Khan's official outline. This point lies in Paharpur's approximate area; the row names D.I. Khan.
        let (_, rows, _) = try run(["e1,2023-12-12,Battles,police station,D.I. Khan,,,32.0141,70.7834,,,,,,src"])
        #expect(rows[0]["adm2_id"] == "PK509")
        #expect(rows[0]["geo_method"] == "coordinates+named district")
        #expect(rows[0]["geo_notes"]?.contains("approximate district area") == true)
    }

    @Test func coordinatesFarFromTheNamedPlaceAreAConflictKeepingBoth() throws {
        let (summary, rows, _) = try run(["e1,2020-01-01,Battles,Quetta,,,,34.008,71.578,,,,,,src"])
        #expect(summary.conflicts == 1)
        #expect(rows[0]["adm2_id"] == "PK528")  // the coordinates (Peshawar) decide the district…
        #expect(rows[0]["location"] == "Quetta")  // …and the reported place is kept
        #expect(rows[0]["geo_notes"]?.contains("conflict") == true)
    }

    @Test func outsideCoverageNamesTheNearestDistrict() throws {
        let (summary, rows, _) = try run(["e1,2020-01-01,Battles,,,,,25.2,55.3,,,,,,src"])
        #expect(summary.outsideCoverage == 1)
        #expect(rows[0]["adm0_iso3"] == "")
        #expect(rows[0]["geo_notes"]?.contains("nearest district") == true)
    }

    @Test func placeOutsideTheFourProvincesResolvesToItsProvince() throws {
        let (_, rows, _) = try run(["e1,2021-08-15,Strategic developments,Karachi,,,,,,,,,,,src",
                                    "e2,2021-08-15,Strategic developments,,,,,34.56,69.21,,,,,,src"])
        #expect(rows[0]["adm1_name"] == "Sindh")
        #expect(rows[1]["adm1_name"] == "Kabul")
        #expect(rows[1]["adm2_id"] == "")
    }

    @Test func sharedBoundaryGetsTheSameAnswerEveryTime() throws {
        let context = GEOSContext()
        let cells = SharedGeoData.boundaries.districts.filter { $0.provinceID == "AF06" }.sorted { $0.id < $1.id }
        let a = try Geometry(wkb: cells[0].wkb, in: context)
        var edgePoint: Coordinate?
        for other in cells.dropFirst() {
            let shared = try a.intersection(Geometry(wkb: other.wkb, in: context))
            if try shared.length() > 0 { edgePoint = try shared.pointOnSurface().coordinate; break }
        }
        let point = try #require(edgePoint)
        let index = try BoundaryIndex(SharedGeoData.boundaries)
        let first = try index.locate(point), second = try index.locate(point)
        #expect(first.onBoundary)
        #expect(first.district?.id == cells[0].id)
        #expect(second.district?.id == first.district?.id)
    }

    /// A group's reported bases never stand in for an event's origin: no claim in the row, no origin.
    @Test func originsComeOnlyFromClaimsMadeForTheEvent() throws {
        let (_, rows, _) = try run([
            "e1,2022-03-04,Explosions,Peshawar,,,,,,IS-KP,claimed,,,60+,src",
            "e2,2022-03-04,Explosions,Peshawar,,,,,,IS-KP,attributed,Police,Jalalabad,60+,src",
        ])
        #expect(rows[0]["group_name"] != "")
        #expect(rows[0]["origin"] == "" && rows[0]["origin_adm0_iso3"] == "" && rows[0]["origin_geo_lon"] == "")
        #expect(rows[0]["cross_border"] == "")
        #expect(rows[1]["origin"] == "Jalalabad")
        #expect(rows[1]["origin_adm2_id"] == "AF0601")
        #expect(rows[1]["cross_border"] == "true")
        #expect(rows[1]["attributed_by"] == "Police")
        #expect(rows[0]["fatalities_low"] == "60" && rows[0]["fatalities_high"] == "")
    }

    @Test func everyRowEndsInExactlyOneFile() throws {
        let (summary, rows, rejects) = try run([
            "e1,2020-01-01,Battles,Jalalabad,,,,,,,,,,,src",
            "e2,2020-02-30,Battles,Jalalabad,,,,,,,,,,,src",
            "e3,2020-01-01,Battles,,,,,95,70,,,,,,src",
            "e4,2020-01-01,Battles,Asadabad,,,,,,,,,,,src",
            "e5,2020-01-01,Battles,Asadabad",
        ])
        #expect(rows.count + rejects.count == 5)
        #expect(summary.read.events == 2 && summary.read.rejects == 3)
        #expect(Set(rejects.map { $0["line"] ?? "" }) == ["3", "4", "6"])
        #expect(rejects.allSatisfy { !($0["reason"] ?? "").isEmpty && !($0["raw"] ?? "").isEmpty })
    }

    @Test func geoJSONOutputIsRFC7946Points() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var options = GeocodeJob.Options(input: TestPaths.geodata + "/samples/events.csv", output: directory + "/events.geojson")
        options.workers = 1
        _ = try GeocodeJob.run(options, reference: SharedGeoData.reference)
        let data = try #require(FileManager.default.contents(atPath: options.output))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(root["type"] as? String == "FeatureCollection")
        #expect(root["crs"] == nil)
        #expect((root["bbox"] as? [Double])?.count == 4)
        let features = try #require(root["features"] as? [[String: Any]])
        #expect(features.allSatisfy { ($0["properties"] as? [String: Any])?["attribution"] != nil })
    }
}

/// The pipelined job (batches overlapping, CSV rows encoded on the workers) writes what one worker writing
/// every feature itself writes.
@Suite struct GeocodePipelineTests {
    func geocode(_ input: String, to output: String, workers: Int, batchSize: Int) throws -> [UInt8] {
        var options = GeocodeJob.Options(input: input, output: output)
        options.workers = workers
        options.batchSize = batchSize
        _ = try GeocodeJob.run(options, reference: SharedGeoData.reference)
        return Array(try Data(contentsOf: URL(fileURLWithPath: output)))
    }

    @Test func batchesAndWorkersDoNotChangeTheOutput() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = TestPaths.geodata + "/samples/events.csv"
        for format in ["csv", "geojson"] {
            let one = try geocode(input, to: "\(directory)/one.\(format)", workers: 1, batchSize: 1 << 20)
            for (workers, batch) in [(2, 1), (2, 3), (3, 7)] {
                let many = try geocode(input, to: "\(directory)/many-\(workers)-\(batch).\(format)", workers: workers, batchSize: batch)
                #expect(many == one, "\(format): \(workers) workers, batches of \(batch)")
            }
        }
    }

    @Test func encodedRowsEqualFeaturesWrittenOneByOne() throws {
        let names = ["id", "name", "note", "x"]
        let encoder = CSVRowEncoder(names: names, neutralizeFormulas: true)
        let records: [[(name: String, value: PropertyValue)]] = [
            [("id", .int(1)), ("name", .string("Khar, Bajaur")), ("note", .string("=1+2")), ("x", .double(33.5))],
            [("id", .int(2)), ("name", .string("say \"hi\"")), ("note", .null), ("x", .double(-0.25))],
            [("name", .string("reordered")), ("id", .int(3)), ("extra", .bool(true))],
            [("id", .int(4)), ("id", .int(5)), ("name", .string("line\nbreak")), ("note", .string("-3")), ("x", .null)],
        ]
        var encoded: [UInt8] = []
        for record in records { encoder.append(record, to: &encoded) }
        var written: [UInt8] = []
        for record in records {
            CSVWriter.appendRow(encoder.cells(record), neutralizeFormulas: true, to: &written)
        }
        let expected = records.map { record -> String in
            names.map { name in
                let cell = CSVCell.neutralized(record.first { $0.name == name }?.value.description ?? "")
                return CSVWriter.escape(cell)
            }.joined(separator: ",") + "\n"
        }.joined()
        #expect(String(decoding: encoded, as: UTF8.self) == expected)
        #expect(written == encoded)
    }
}
