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

/// Inputs that crashed or broke an invariant under the fuzzers (Scripts/fuzz); each is also kept in
/// Fuzz/Corpus/<name>/regression-*. A fix stays fixed.
@Suite struct FuzzRegressionTests {
    static let corpus = TestPaths.repository.appendingPathComponent("Fuzz/Corpus").path

    /// FuzzGeoJSONFeatures: a ring position `[]` (or `[x]`) made GEOS 3.11's GeoJSON reader read past the end of
    /// the position (SEGV in geos::io::GeoJSONReader::readCoordinate). Now refused before GEOS sees it.
    @Test func shortPositionInARingIsAnErrorNotACrash() throws {
        let path = Self.corpus + "/geojson-features/regression-short-position"
        let message = BadInput.errorMessage { _ = try GeoJSONFeatureReader.read(path: path, in: GEOSContext()) }
        #expect(message.contains(":feature 1:geometry: cannot be read: a position of the Polygon has 0 numbers; each needs [longitude, latitude]"))
    }

    @Test func everyShortOrNonNumericPositionIsRefused() throws {
        let folder = try TestFolder()
        let cases: [(geometry: String, problem: String)] = [
            (#"{"type":"Point","coordinates":[]}"#, "a position of the Point has 0 numbers"),
            (#"{"type":"Point","coordinates":[70.1]}"#, "a position of the Point has 1 number;"),
            (#"{"type":"LineString","coordinates":[[70,34],[71]]}"#, "a position of the LineString has 1 number;"),
            (#"{"type":"MultiPolygon","coordinates":[[[[70,34],[71,34],[]]]]}"#, "a position of the MultiPolygon has 0 numbers"),
            (#"{"type":"Polygon","coordinates":[[[70,34],["71",34],[71,35],[70,34]]]}"#, "a position of the Polygon holds 71, not a finite number"),
            (#"{"type":"Polygon","coordinates":[[[70,34],[true,34],[71,35],[70,34]]]}"#, "not a finite number"),
            (#"{"type":"Polygon","coordinates":[70,34]}"#, "the coordinates of a Polygon must be nested arrays"),
            (#"{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[1]}]}"#, "a position of the Point has 1 number"),
            (#"{"type":"Circle","coordinates":[70,34]}"#, "'Circle' is not a GeoJSON geometry type"),
            (#"{"coordinates":[70,34]}"#, "the geometry has no \"type\""),
        ]
        for (i, item) in cases.enumerated() {
            let path = folder.write("case\(i).geojson", #"{"type":"Feature","properties":{},"geometry":"# + item.geometry + "}")
            let message = BadInput.errorMessage { _ = try GeoJSONFeatureReader.read(path: path, in: GEOSContext()) }
            #expect(message.contains(item.problem), "\(item.geometry): \(message)")
        }
        // Zeros and ones are numbers, not booleans (NSNumber 0 and 1 bridge to Bool on Linux).
        let fine = folder.write("zeros.geojson", #"{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}"#)
        #expect(try GeoJSONFeatureReader.read(path: fine, in: GEOSContext()).first?.geometry?.type == .polygon)
    }

    /// FuzzNames: a combining mark after a NUL ("…\0\u{07EC}hyber") was kept after a space on the first pass
    /// and dropped by folding on the next, so `key` was not idempotent. Marks with no letter before them are dropped.
    @Test func nameKeyIsIdempotentForAMarkAfterAControlCharacter() throws {
        let bytes = try #require(FileManager.default.contents(atPath: Self.corpus + "/names/regression-mark-after-nul"))
        let text = String(decoding: bytes, as: UTF8.self)
        let key = NameNormalizer.key(text)
        #expect(NameNormalizer.key(key) == key)
        #expect(key == "neo hyber district")
        #expect(NameNormalizer.key("\u{301}Khar") == "khar" && NameNormalizer.key("Kha\u{301}r") == "khar")
    }

    /// FuzzHumanDates: "43/30/2145" was refused as "ambiguous: day and month cannot be told apart", though neither
    /// order gives a day. Now it is not a date, with the reason for each order.
    @Test func slashDateValidInNeitherOrderIsNotAmbiguous() throws {
        let bytes = try #require(FileManager.default.contents(atPath: Self.corpus + "/human-dates/regression-neither-order-is-a-date"))
        let text = String(decoding: bytes, as: UTF8.self)
        let message = BadInput.errorMessage { _ = try EventDate(parsing: text) }
        #expect(message.hasPrefix("'43/30/2145' is not a date in either order (as day/month/year, year 2145 is outside 1900–2100;"))
        #expect(!message.contains("ambiguous"))
        #expect(BadInput.errorMessage { _ = try EventDate(parsing: "31/13/2021") }
            == "'31/13/2021' is not a date in either order (as day/month/year, month 13 does not exist; as month/day/year, month 31 does not exist); write it as YYYY-MM-DD (2023-07-30), YYYY-MM or YYYY, or as '30 July 2023'")
        // Still ambiguous when both orders give a day; still read when one does.
        #expect(BadInput.errorMessage { _ = try EventDate(parsing: "3/4/2021") }.contains("is ambiguous: 3 April 2021 or 4 March 2021"))
        #expect(try EventDate(parsing: "13/4/2021").iso == "2021-04-13")
    }

    /// FuzzOutlineImport: a small GADM-like GeoPackage timed out (11 s under ASan) because every import read
    /// GeoData's province outlines through the general GeoJSON reader (Foundation's JSONSerialization). The
    /// province locator now reads them with the polygon layer scanner GeoData's loading uses (3× faster in debug).
    @Test func outlineImportOfASmallGeoPackageReportsEveryFeature() throws {
        let geodata = try TestPaths.geodataCopy()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: geodata).deletingLastPathComponent().path) }
        let input = try TestFolder()
        let path = input.path + "/outlines.gpkg"
        try FileManager.default.copyItem(atPath: Self.corpus + "/outline-import/regression-slow-province-outlines", toPath: path)
        var options = DistrictImport.Options()
        options.dryRun = true
        let report = try DistrictImport.run(file: path, geodata: geodata, gazetteer: SharedGeoData.gazetteer, options: options)
        #expect(report.featureCount == 3 && report.outcomes.count == 3 && report.matched.count == 3)
        #expect(report.stored == nil)
        let context = GEOSContext()
        let peshawarArea = try Geometry(wkt: "POLYGON((71.5 34, 71.6 34, 71.6 34.1, 71.5 34))", in: context)
        #expect(try ProvinceLocator(geodata: geodata, context: context).locate(peshawarArea) == ["PK5"])
    }
}
