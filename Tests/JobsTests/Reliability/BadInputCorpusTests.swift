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

/// One test per file of Fixtures/bad/ (the hostile-input corpus): each file gives a clear error, or rows
/// that are events or rejects with line, field and reason — never a crash, a hang or a lost row.
/// Two cases are generated in a temporary folder instead of being committed: a 10 MB field and a
/// polygon of a million vertices.
@Suite struct BadInputCorpusTests {
    // MARK: CSV events

    @Test func csvUnbalancedQuote() throws {
        let (results, _) = try BadInput.events("csv-unbalanced-quote.csv")
        let reject = try #require(results.reject(line: 2))
        #expect(reject.field == "location" && reject.category == .unreadable)
        #expect(reject.reason.hasPrefix("unbalanced quote: the quoted field never closes"))
        #expect(results.eventIDs == ["Q2"] && results.events.first?.line == 3)
    }

    @Test func csvRaggedRows() throws {
        let (results, _) = try BadInput.events("csv-ragged.csv")
        #expect(results.rejectLines == [2, 3])
        #expect(results.rejects.allSatisfy { $0.category == .ragged && $0.field == nil })
        #expect(results.reject(line: 2)?.reason.hasPrefix("has 7 fields but the header has 6; a value probably contains the delimiter") == true)
        #expect(results.reject(line: 3)?.reason.hasPrefix("has 3 fields but the header has 6; fill in the missing fields") == true)
        #expect(results.reject(line: 3)?.raw == "R2,2023-07-31,Wana")
        #expect(results.eventIDs == ["R3"])
    }

    @Test func csvByteOrderMark() throws {
        let (results, _) = try BadInput.events("csv-bom.csv")
        #expect(results.eventIDs == ["B1"] && results.rejects.isEmpty)
    }

    @Test func csvCRLFWithQuotedLineBreak() throws {
        let (results, _) = try BadInput.events("csv-crlf.csv")
        #expect(results.eventIDs == ["C1", "C2"] && results.rejects.isEmpty)
        #expect(results.event("C2")?.location == "Khar\r\nBajaur")
        #expect(results.event("C2")?.coordinate == Coordinate(x: 71.5, y: 34.7))
    }

    @Test func csvBareCarriageReturns() throws {
        // Classic Mac OS line ends: before the fix the whole file read as one 16-column header and both events vanished.
        let (results, summary) = try BadInput.events("csv-bare-cr.csv")
        #expect(results.eventIDs == ["R1", "R2"] && results.rejects.isEmpty)
        #expect(results.events.map(\.line) == [2, 3])
        #expect(summary.notes.isEmpty)
    }

    /// Since the real-world inputs issue a byte that is not UTF-8 is read as Windows-1252 and the row kept with a
    /// note; only `--encoding utf8` rejects it.
    @Test func csvInvalidUTF8() throws {
        let (results, _) = try BadInput.events("csv-invalid-utf8.csv")
        #expect(results.eventIDs == ["U1", "U2"])
        #expect(results.events.first?.location == "Kh\u{E2}r" && results.events.first?.readNotes.count == 1)
        var strict = ReadOptions()
        strict.encoding = .utf8
        let strictResults = Array(try EventReader(path: BadInput.path("csv-invalid-utf8.csv"), options: strict))
        let reject = try #require(strictResults.reject(line: 2))
        #expect(reject.field == "location" && reject.reason == "is not valid UTF-8; re-save the file as UTF-8")
        #expect(reject.raw == "U1,2023-07-30,Kh\\xE2r,34.7,71.5,1")
        #expect(strictResults.eventIDs == ["U2"])
    }

    @Test func csvNULBytes() throws {
        let (results, _) = try BadInput.events("csv-nul-bytes.csv")
        let reject = try #require(results.reject(line: 2))
        #expect(reject.field == "location" && reject.reason.hasPrefix("contains a NUL byte"))
        #expect(reject.raw.contains("Wa\\x00na"))
        #expect(results.eventIDs == ["N2"])
    }

    @Test func csvUTF16() {
        #expect(BadInput.eventsError("csv-utf16.csv").hasSuffix("csv-utf16.csv:1: the header row cannot be read: contains a NUL byte; the file may be binary or UTF-16 — save it as UTF-8 text"))
    }

    @Test func csvBinaryGarbage() {
        #expect(BadInput.eventsError("csv-binary-garbage.csv").contains("csv-binary-garbage.csv:1: the header row cannot be read: is not valid UTF-8; re-save the file as UTF-8"))
    }

    @Test func csvEmpty() {
        #expect(BadInput.eventsError("csv-empty.csv").hasSuffix("csv-empty.csv: is empty; an events file needs a header row (for example event_id,event_date,location,latitude,longitude) and one row per event"))
    }

    @Test func csvOnlyByteOrderMark() {
        #expect(BadInput.eventsError("csv-only-bom.csv").hasSuffix("csv-only-bom.csv: is empty; an events file needs a header row (for example event_id,event_date,location,latitude,longitude) and one row per event"))
    }

    @Test func csvWhitespaceOnly() {
        #expect(BadInput.eventsError("csv-whitespace-only.csv").contains("csv-whitespace-only.csv: is empty"))
    }

    @Test func csvHeaderOnly() throws {
        let (results, summary) = try BadInput.events("csv-header-only.csv")
        #expect(results.isEmpty && summary.rowsRead == 0)
        #expect(summary.notes.contains { $0.hasSuffix("has no event rows (a header only); nothing to read") })
    }

    @Test func csvHeaderOfEmptyNames() {
        let message = BadInput.eventsError("csv-huge-row-count-header-garbage.csv")
        #expect(message.contains(":1: the header has no location column and no latitude and longitude columns (columns found: 'column_1', 'column_2', 'column_3', 'column_4')"))
    }

    @Test func csvNoPlaceColumns() {
        let message = BadInput.eventsError("csv-no-place-columns.csv")
        #expect(message.contains("csv-no-place-columns.csv:1: the header has no location column"))
        #expect(message.contains("'town_name'") && message.contains("the column-map option"))
    }

    @Test func csvMixedDelimiters() throws {
        let (results, _) = try BadInput.events("csv-mixed-delimiters.csv")
        #expect(results.rejectLines == [2, 4] && results.eventIDs == ["M2"])
        #expect(results.reject(line: 2)?.reason == "has 1 fields but the header has 6; it uses ';' between fields but the header uses ','; use one delimiter throughout the file")
        #expect(results.reject(line: 4)?.reason.contains("it uses tab between fields but the header uses ','") == true)
    }

    @Test func csvDuplicateHeaderNames() throws {
        let (results, summary) = try BadInput.events("csv-duplicate-headers.csv")
        let event = try #require(results.event("D1"))
        #expect(event.location == "Wana")
        #expect(event.extra.map(\.name) == ["input_location"] && event.extra.first?.value == "Khar")
        #expect(summary.notes.contains { $0.hasSuffix("column 'location' is kept as an extra column: 'location' already gives location; use the column-map option to choose otherwise") })
    }

    @Test func csvDecimalCommasAndThousandsSeparators() throws {
        let (results, _) = try BadInput.events("csv-decimal-commas.csv")
        let comma = try #require(results.reject(line: 2))
        #expect(comma.field == "latitude" && comma.category == .coordinates)
        #expect(comma.reason == "'32,3' has a decimal comma; write decimal degrees with a point, such as 32.3")
        #expect(results.event("K2")?.fatalities?.low == 1200)
        let spaced = try #require(results.reject(line: 4))
        #expect(spaced.field == "fatalities" && spaced.reason.hasPrefix("'1 200' is not a count"))
    }

    @Test func csvSemicolonFileWithDecimalCommas() throws {
        let (results, _) = try BadInput.events("csv-semicolon-decimal-commas.csv")
        #expect(results.rejects.map(\.reason) == ["'32,3' has a decimal comma; write decimal degrees with a point, such as 32.3"])
    }

    @Test func csvBlankLinesAreSkippedAndCounted() throws {
        let (results, summary) = try BadInput.events("csv-blank-lines.csv")
        #expect(results.eventIDs == ["L1", "L2"] && results.events.map(\.line) == [4, 7])
        #expect(summary.blankLinesSkipped == 5)
    }

    @Test func csvStrayQuotesInsideFields() throws {
        let (results, _) = try BadInput.events("csv-stray-quote-in-field.csv")
        #expect(results.event("S1")?.location == "Wana \"the town\"")
        #expect(results.event("S2")?.location == "Khar Bajaur")
    }

    @Test func csvNullIsland() throws {
        let (results, _) = try BadInput.events("csv-null-island.csv")
        #expect(results.rejectLines == [2, 3] && results.rejects.allSatisfy { $0.category == .nullIsland })
        #expect(results.rejects.first?.reason.hasPrefix("null island: coordinates 0,0") == true)
        #expect(results.eventIDs == ["Z3"])
    }

    @Test func csvCoordinatesOutOfRange() throws {
        let (results, _) = try BadInput.events("csv-coordinates-out-of-range.csv")
        #expect(results.reject(line: 2)?.field == "latitude")
        #expect(results.reject(line: 2)?.reason.hasPrefix("latitude 132.3 is outside -90…90") == true)
        #expect(results.reject(line: 3)?.field == "longitude")
        #expect(results.reject(line: 3)?.reason.hasPrefix("longitude 269.57 is outside -180…180") == true)
        // In range both ways: kept as given (the swap check needs coverage, which this reader has none of).
        #expect(results.event("O3")?.coordinate == Coordinate(x: 32.3, y: 69.57))
    }

    @Test func csvNaNAndInfinity() throws {
        let (results, _) = try BadInput.events("csv-nan-infinity.csv")
        #expect(results.rejectLines == [2, 3, 4, 5] && results.events.isEmpty)
        #expect(results.rejects.map(\.field) == ["latitude", "longitude", "latitude", "latitude"])
        #expect(results.rejects.allSatisfy { $0.reason.contains("is not a finite decimal number") })
    }

    @Test func csvDegreesMinutesSeconds() throws {
        let (results, _) = try BadInput.events("csv-dms-coordinates.csv")
        #expect(results.rejectLines == [2, 3])
        #expect(results.rejects.allSatisfy { $0.reason.contains("not degrees-minutes-seconds") && $0.category == .coordinates })
    }

    @Test func csvBadDates() throws {
        let (results, _) = try BadInput.events("csv-bad-dates.csv")
        #expect(results.rejects.map(\.category) == [.date, .missingDate, .date])
        #expect(results.reject(line: 2)?.reason == "February 2023 has 28 days, so day 30 does not exist")
        #expect(results.reject(line: 4)?.reason.hasPrefix("'yesterday' is not a date") == true)
        #expect(results.eventIDs == ["T4"])
    }

    @Test func csvDuplicateIDs() throws {
        let (results, _) = try BadInput.events("csv-duplicate-ids.csv")
        #expect(results.reject(line: 3)?.reason == "event_id 'X1' was already used on line 2; give each event its own id or remove the repeated row")
        #expect(results.eventIDs == ["X1"])
    }

    @Test func csvFormulaAndMarkupInFieldsPassThroughAsText() throws {
        let (results, _) = try BadInput.events("csv-injection.csv")
        #expect(results.event("I1")?.location == "=HYPERLINK(\"http://x\")")
        #expect(results.reject(line: 3)?.reason.hasPrefix("'-5' is negative") == true)
    }

    @Test func csvTwoMegabyteField() throws {
        let folder = try TestFolder()
        let path = folder.path + "/huge-field.csv"
        var bytes = Array("event_id,event_date,location\nH1,2023-07-30,".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "a"), count: 2 << 20)
        bytes += Array("\nH2,2023-07-31,Wana\n".utf8)
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let (results, _) = try BadInput.events(at: path)
        let reject = try #require(results.reject(line: 2))
        #expect(reject.field == "location" && reject.category == .unreadable)
        #expect(reject.reason == "field is longer than 1 MiB (the field limit); split it, check for an unclosed quote, or raise the limit with EVENTMAP_MAX_FIELD_MB=2")
        #expect(results.eventIDs == ["H2"])
    }

    // MARK: GeoJSON and JSON events

    @Test func geojsonTruncated() {
        #expect(BadInput.eventsError("events-truncated.geojson").hasSuffix("events-truncated.geojson:15: is not valid JSON: the JSON ends too early; the file may be cut short"))
    }

    @Test func geojsonWrongTypes() throws {
        let (results, _) = try BadInput.events("events-wrong-types.geojson")
        #expect(results.eventIDs == ["W7"])
        #expect(results.rejects.map(\.featureIndex) == [1, 2, 3, 4, 5, 6])
        #expect(results.rejects.map(\.field) == ["geometry", "geometry", "properties", "geometry", nil, "fatalities"])
        #expect(results.rejects[0].reason == "feature 1: Point coordinates must be [longitude, latitude] numbers")
        #expect(results.rejects[1].reason == "feature 2: \"geometry\" must be an object or null")
        #expect(results.rejects[2].reason == "feature 3: \"properties\" must be an object or null")
        #expect(results.rejects[4].reason == "item 5 is not a JSON object" && results.rejects[4].raw == "\"W5\"")
        #expect(results.rejects[5].reason.hasPrefix("feature 6: 'true' is not a count"))
    }

    @Test func geojsonNestedCollections() throws {
        let (results, _) = try BadInput.events("events-nested-collections.geojson")
        #expect(results.eventIDs == ["N2"])
        #expect(results.rejects.map(\.featureIndex) == [1, 3])
        #expect(results.rejects[0].reason.hasPrefix("feature 1: is not a GeoJSON Feature (its \"type\" is \"FeatureCollection\")"))
        #expect(results.rejects[1].reason.hasPrefix("feature 3: the geometry is a GeometryCollection, not a Point"))
    }

    @Test func geojsonNaNAndInfinity() throws {
        let (results, _) = try BadInput.events("events-nan-infinity.geojson")
        #expect(results.eventIDs == ["I5"])
        #expect(results.rejectLines == [2, 3, 4, 5])
        #expect(results.rejects.map { $0.reason.components(separatedBy: " is not")[0] } == ["feature 1: 'NaN'", "feature 2: 'Infinity'", "feature 3: '-Infinity'", "feature 4: '1e400'"])
        #expect(results.rejects.allSatisfy { $0.field == "geometry" && $0.category == .coordinates })
    }

    @Test func geojsonCoordinatesOutOfRange() throws {
        let (results, _) = try BadInput.events("events-out-of-range.geojson")
        #expect(results.eventIDs == ["O4"])
        #expect(results.rejects.map { $0.reason.components(separatedBy: " is outside")[0] } == ["feature 1: latitude 132.3", "feature 2: longitude 269.57", "feature 3: latitude -91.0"])
        #expect(results.rejects.allSatisfy { !$0.reason.contains("reproject") })
    }

    @Test func geojsonProjectedCoordinatesAreDetected() throws {
        let (results, summary) = try BadInput.events("events-projected.geojson")
        #expect(results.eventIDs == ["P3"] && results.rejects.count == 2)
        for reject in results.rejects {
            #expect(reject.category == .coordinates)
            #expect(reject.reason.contains("look like projected coordinates (metres, e.g. UTM or Web Mercator)"))
            #expect(reject.reason.contains("reproject the file to EPSG:4326"))
        }
        #expect(summary.notes.contains { $0.contains("declares \"crs\" urn:ogc:def:crs:EPSG::32642") && $0.contains("reproject") })
    }

    @Test func geojsonFeaturesWithoutGeometry() throws {
        let (results, _) = try BadInput.events("events-no-geometry.geojson")
        #expect(results.eventIDs == ["G1", "G3"])
        #expect(results.events.allSatisfy { $0.coordinate == nil && $0.location != nil })
        let reject = try #require(results.rejects.first)
        #expect(reject.featureIndex == 2 && reject.category == .missingPlace)
        #expect(reject.reason.hasPrefix("feature 2: has neither a location nor coordinates"))
    }

    @Test func geojsonMultiPoint() throws {
        let (results, _) = try BadInput.events("events-multipoint.geojson")
        #expect(results.eventIDs == ["MP2"])
        #expect(results.rejects.map(\.reason) == ["feature 1: the geometry is a MultiPoint, not a Point; give events as Point features (or a location name in the properties)"])
    }

    @Test func geojsonEmpty() {
        #expect(BadInput.eventsError("events-empty.geojson").hasSuffix("events-empty.geojson: is empty; it needs a GeoJSON FeatureCollection of Point features"))
    }

    @Test func geojsonBareGeometry() {
        #expect(BadInput.eventsError("events-bare-geometry.geojson").hasSuffix(": is neither a GeoJSON FeatureCollection, a JSON array of event objects, nor an API page with a \"Result\" array"))
    }

    @Test func jsonDeepNesting() {
        #expect(BadInput.eventsError("events-deep-nesting.json").hasSuffix("events-deep-nesting.json:1: is not valid JSON: nesting is deeper than 256 levels"))
    }

    @Test func geojsonThatIsAnHTMLErrorPage() {
        #expect(BadInput.eventsError("events-not-json.geojson").hasSuffix("events-not-json.geojson:1: is not valid JSON: unexpected character; expected a JSON value"))
    }

    @Test func jsonLinesMixedGoodAndBad() throws {
        let (results, summary) = try BadInput.events("events-mixed.jsonl")
        #expect(results.eventIDs == ["J1", "J6"])
        #expect(results.rejectLines == [2, 3, 5, 6])
        #expect(results.reject(line: 2)?.reason == "is not valid JSON: the object opened on line 2 never closes")
        #expect(results.reject(line: 3)?.reason == "is not a JSON object; a JSON Lines file needs one {…} object per line")
        // \u0000 inside a JSON string is refused like a raw NUL byte in CSV (it used to pass into the event).
        #expect(results.reject(line: 5)?.reason.hasPrefix("is not valid JSON: a string contains a NUL character (\\u0000)") == true)
        #expect(results.reject(line: 6)?.field == "latitude")
        #expect(summary.blankLinesSkipped == 1)
    }

    // MARK: Polygons (geodata import, GeoJSONFeatureReader)

    @Test func polygonSelfIntersectingIsRepairedAndReported() throws {
        let report = try BadInput.importDistricts(BadInput.path("poly-self-intersecting.geojson"))
        #expect(report.matched.map(\.districtID) == ["AF0601"])
        #expect(report.repaired.map(\.reason) == ["Self-intersection[70.44 34.43]"])
        #expect(DistrictImportReportText.render(report).contains("repaired feature 1 'Jalalabad': Self-intersection[70.44 34.43] (GEOS make-valid)"))
    }

    @Test func polygonUnclosedRing() throws {
        // GEOS refuses the ring ("Points of LinearRing do not form a closed linestring"); the importer closes it.
        let report = try BadInput.importDistricts(BadInput.path("poly-unclosed-ring.geojson"))
        #expect(report.matched.map(\.districtID) == ["AF0601"])
        #expect(report.ringCount == 1 && report.rings.first?.fix.closed == 1)
        #expect(DistrictImportReportText.render(report).contains("feature 1 'Jalalabad': 1 unclosed ring closed"))
    }

    @Test func polygonLayerWithoutFeatures() {
        #expect(BadInput.importError("poly-empty-collection.geojson").hasSuffix("poly-empty-collection.geojson: has no features"))
    }

    @Test func polygonEmptyGeometry() {
        // It used to be stored as the district's outline (an empty polygon); now it is left out and said so.
        #expect(BadInput.importError("poly-empty-geometry.geojson").hasSuffix("every feature that matched a district was left out: feature 1 'Jalalabad' has an empty geometry; fix or replace those outlines"))
    }

    @Test func polygonWithoutGeometryIsReported() throws {
        let report = try BadInput.importDistricts(BadInput.path("poly-no-geometry.geojson"))
        #expect(report.matched.map(\.districtID) == ["AF1501"])
        #expect(report.skipped.map(\.index) == [1] && report.skipped.first?.reason == "has no geometry")
        #expect(DistrictImportReportText.render(report).contains("skipped feature 1 'Jalalabad': has no geometry; left out of the import"))
    }

    @Test func polygonCollapsedToALine() throws {
        let report = try BadInput.importDistricts(BadInput.path("poly-collapsed.geojson"))
        #expect(report.matched.map(\.districtID) == ["AF1501"])
        #expect(report.repaired.isEmpty)
        let skipped = try #require(report.skipped.first)
        #expect(skipped.index == 1 && skipped.reason.hasPrefix("collapses to no area when repaired ("))
    }

    @Test func polygonWithTooFewPoints() {
        let message = BadInput.importError("poly-too-few-points.geojson")
        #expect(message.contains("feature 1 'Jalalabad' collapses to no area when repaired (Too few points in geometry component"))
    }

    @Test func polygonCrossingTheAntimeridian() {
        #expect(BadInput.importError("poly-antimeridian.geojson").hasSuffix("poly-antimeridian.geojson:feature 1: crosses the antimeridian (±180° longitude): its longitudes run from -179.5 to 179.5, so read as lon/lat it wraps the globe; split it at 180° (ogr2ogr -wrapdateline) or check the coordinates"))
    }

    @Test func polygonLayerWithPoints() {
        #expect(BadInput.importError("poly-point-geometry.geojson").hasSuffix("poly-point-geometry.geojson:feature 1: geometry is a Point; district outlines must be polygons"))
    }

    @Test func polygonLayerProjected() {
        #expect(BadInput.importError("poly-projected.geojson").hasSuffix("poly-projected.geojson:feature 1: coordinates (405000.0, 3808000.0) are not longitude/latitude; the file looks projected — reproject it with ogr2ogr -t_srs EPSG:4326"))
    }

    @Test func polygonWithNaN() {
        let message = BadInput.importError("poly-nan-coordinates.geojson")
        #expect(message.contains("poly-nan-coordinates.geojson: is not valid JSON (") && message.hasSuffix("check that the file is complete"))
    }

    @Test func polygonLayerOfBareGeometries() {
        #expect(BadInput.importError("poly-feature-not-feature.geojson").hasSuffix("poly-feature-not-feature.geojson:feature 1: is not a GeoJSON Feature object"))
    }

    @Test(.timeLimit(.minutes(2))) func polygonOfAMillionVertices() throws {
        let folder = try TestFolder()
        let path = folder.path + "/million.geojson"
        var text = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ADM2_EN":"Jalalabad","ADM2_PCODE":"AF0601"},"geometry":{"type":"Polygon","coordinates":[["#
        let n = 1_000_000
        text.reserveCapacity(n * 24)
        for i in 0...n {
            let angle = Double(i % n) / Double(n) * 2 * .pi
            text += (i == 0 ? "" : ",") + "[\(70.44 + 0.05 * cos(angle)),\(34.43 + 0.05 * sin(angle))]"
        }
        text += "]]}}]}"
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let context = GEOSContext()
        let features = try GeoJSONFeatureReader.read(path: path, in: context)
        #expect(features.first?.geometry?.vertexCount == n + 1)
        let report = try BadInput.importDistricts(path)
        #expect(report.matched.map(\.districtID) == ["AF0601"] && report.repaired.isEmpty && report.skipped.isEmpty)
    }

    // MARK: GeoPackage

    @Test func geopackageThatIsNotSQLite() {
        #expect(BadInput.importError("gpkg-not-sqlite.gpkg").hasSuffix("gpkg-not-sqlite.gpkg: is not a GeoPackage: SQLite cannot open it (file is not a database)"))
    }

    @Test func geopackageWithoutGeoPackageTables() {
        #expect(BadInput.importError("gpkg-plain-sqlite.gpkg").hasSuffix("gpkg-plain-sqlite.gpkg: is not a GeoPackage: table gpkg_contents is missing"))
    }

    @Test func geopackageWithAnUnknownSRS() {
        let message = BadInput.importError("gpkg-unknown-srs.gpkg")
        #expect(message.contains("gpkg-unknown-srs.gpkg: layer 'districts' is in srs_id 99999; reproject it to EPSG:4326 first"))
    }

    @Test func geopackageWithACorruptGeometryBlob() {
        let message = BadInput.importError("gpkg-corrupt-geometry.gpkg")
        #expect(message.contains("gpkg-corrupt-geometry.gpkg:districts:feature 1: geometry cannot be read: cannot read WKB"))
        #expect(message.contains("ParseException"))
    }

    // MARK: The corpus itself

    @Test func everyCorpusFileHasItsTest() throws {
        let source = try String(contentsOfFile: #filePath, encoding: .utf8)
        let files = try FileManager.default.contentsOfDirectory(atPath: BadInput.directory).filter { !$0.hasPrefix(".") && $0 != "README.md" }
        #expect(files.count >= 40)
        for file in files { #expect(source.contains("\"\(file)\""), "\(file) has no test") }
    }
}
