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

/// The real-world layouts of Fixtures/realworld (README.md there) and their expected outcomes, row by row.
package enum RealWorld {
    package static let directory = TestPaths.fixtures + "/realworld"
    package static func path(_ name: String) -> String { directory + "/" + name }

    package static let files = [
        "ucdp_ged_hdx_conflict_data.csv", "ucdp_ged_api_gedevents.json", "acled_export.csv", "acled_export_legacy_2019.csv",
        "gtd_globalterrorismdb.csv", "analyst_incident_log.csv", "names_and_coords.csv",
    ]

    package struct Expected {
        package let line: Int
        package let sourceID, outcome, iso3, adm1, adm2, precision, date, datePrecision, reason: String

        /// The expected date as the tool writes it: "2022-07" for a month-precision date written 2022-07-01.
        package var iso: String {
            switch datePrecision {
            case "month": String(date.prefix(7))
            case "year": String(date.prefix(4))
            default: date
            }
        }

        /// "fallback KP (4)": the province is the acceptable answer when the place is not in the gazetteer.
        package var allowsProvinceFallback: Bool { reason.contains("fallback") }

        /// "approx mode gives X" / "approx (HQ-Voronoi) mode gives X": what approximate district areas may give.
        package var approximateDistrict: String? {
            guard let range = reason.range(of: "mode gives ") else { return nil }
            let rest = reason[range.upperBound...]
            let end = rest.firstIndex { $0 == ";" || $0 == "(" || $0 == "," || $0 == "\"" } ?? rest.endIndex
            return rest[..<end].trimmingCharacters(in: .whitespaces)
        }
    }

    package static func expected(_ file: String) throws -> [Expected] {
        let table = try CSVTable(path: path(file) + ".expected.csv")
        return table.rows.map { row in
            func v(_ name: String) -> String { table.value(row, name) }
            return Expected(line: Int(v("line"))!, sourceID: v("source_id"), outcome: v("outcome"), iso3: v("expected_country_iso3"),
                            adm1: v("expected_adm1"), adm2: v("expected_adm2"), precision: v("expected_precision"),
                            date: v("expected_date"), datePrecision: v("expected_date_precision"), reason: v("reason"))
        }
    }

    package static func load(_ file: String, reference: ReferenceData = SharedGeoData.reference, reading: ReadOptions = ReadOptions()) throws -> GeocodedEvents {
        try GeocodedEvents.load(path: path(file), reference: reference, reading: reading, workers: 2)
    }

    /// Checks every expected row of `file` against a run on `reference`; returns the mismatches in words.
    package static func mismatches(_ file: String, reference: ReferenceData) throws -> [String] {
        let loaded = try load(file, reference: reference)
        let approximate = reference.boundaries.districtSource.isApproximate
        var events: [Int: GeocodedEvent] = [:]
        for item in loaded.events { events[item.event.line] = item }
        let rejects = Dictionary(loaded.rejects.map { ($0.line, $0) }, uniquingKeysWith: { a, _ in a })
        var problems: [String] = []
        for row in try expected(file) {
            let at = "\(file):\(row.line)"
            switch row.outcome {
            case "geocoded":
                guard let item = events[row.line] else {
                    problems.append("\(at): expected an event, got \(rejects[row.line].map { "a reject: \($0.reason)" } ?? "nothing")")
                    continue
                }
                let l = item.location, e = item.event
                if !row.sourceID.isEmpty && e.eventID != row.sourceID { problems.append("\(at): id \(e.eventID), expected \(row.sourceID)") }
                let got = (l.adm0ISO3 ?? "", l.adm1Name ?? "", l.adm2Name ?? "", l.geoPrecision.map { String($0.rawValue) } ?? "")
                var accepted = [(row.iso3, row.adm1, row.adm2, row.precision)]
                if row.allowsProvinceFallback { accepted.append((row.iso3, row.adm1, "", "4")) }
                if approximate, let other = row.approximateDistrict { accepted.append((row.iso3, row.adm1, other, row.precision)) }
                if !accepted.contains(where: { $0 == got }) {
                    problems.append("\(at): got \(got), expected \((row.iso3, row.adm1, row.adm2, row.precision)) [\(l.method); \(l.notes.joined(separator: "; "))]")
                }
                if e.date.iso != row.iso || e.date.precision.rawValue != row.datePrecision {
                    problems.append("\(at): date \(e.date.iso) (\(e.date.precision)), expected \(row.iso) (\(row.datePrecision))")
                }
            case "rejected":
                if rejects[row.line] == nil { problems.append("\(at): expected a reject, got \(events[row.line].map { "an event (\($0.event.date.iso))" } ?? "nothing")") }
            case "skipped-hxl", "skipped-blank":
                if events[row.line] != nil || rejects[row.line] != nil { problems.append("\(at): expected the row skipped") }
                if row.outcome == "skipped-hxl" && loaded.summary.hxlRowsSkipped != 1 { problems.append("\(at): HXL rows counted \(loaded.summary.hxlRowsSkipped)") }
                if row.outcome == "skipped-blank" && loaded.summary.blankLinesSkipped == 0 { problems.append("\(at): blank lines not counted") }
            default:
                problems.append("\(at): unknown outcome \(row.outcome)")
            }
        }
        let expectedCount = try expected(file).filter { $0.outcome == "geocoded" || $0.outcome == "rejected" }.count
        if loaded.events.count + loaded.rejects.count != expectedCount {
            problems.append("\(file): \(loaded.events.count) events + \(loaded.rejects.count) rejects, expected \(expectedCount) rows")
        }
        return problems
    }

    /// OCHA COD-AB district outlines beside the clone (../shared/data/boundaries), imported into a GeoData copy.
    package static let officialOutlines = TestPaths.repository.deletingLastPathComponent()
        .appendingPathComponent("shared/data/boundaries/cod-ab_districts_four_provinces.geojson").path

    package static let names = NameGeocoder(gazetteer: SharedGeoData.gazetteer)

    package static let officialReference: ReferenceData? = {
        guard FileManager.default.fileExists(atPath: officialOutlines), let copy = try? TestPaths.geodataCopy() else { return nil }
        guard (try? DistrictImport.run(file: officialOutlines, geodata: copy, gazetteer: SharedGeoData.gazetteer, options: DistrictImport.Options())) != nil else { return nil }
        return try? ReferenceData.load(copy, useImported: true)
    }()
}
