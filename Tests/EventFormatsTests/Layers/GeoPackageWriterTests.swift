import Foundation
import GRDB
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

@Suite struct GeoPackageWriterTests {
    /// Every demo layer in one GeoPackage, opened with GDAL: no warning, counts, geometry types, typed columns.
    @Test func demoLayersOpenInGDALWithTypedColumns() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let set = try DemoEvents.layers()
        let path = directory + "/eventmapper.gpkg"
        try LayerSetWriter.write(set, to: path)

        let layers = try OGRInfo.summary(path)
        #expect(Set(layers.keys) == Set(["events", "origins", "links", "crossings", "districts", "provinces", "border_segments", "corridor", "group_bases"]))
        let expectedGeometry = ["events": "Point", "origins": "Point", "links": "Line String", "crossings": "Point", "districts": "Multi Polygon",
                                "provinces": "Multi Polygon", "border_segments": "Multi Line String", "corridor": "Multi Polygon",
                                "group_bases": "Point"]
        for layer in set.layers {
            let summary = try #require(layers[layer.name], "ogrinfo does not list \(layer.name)")
            #expect(summary.featureCount == layer.features.count, "\(layer.name)")
            #expect(summary.geometry == expectedGeometry[layer.name], "\(layer.name): \(summary.geometry)")
            #expect(summary.text.contains("ID[\"EPSG\",4326]"), "\(layer.name) does not declare EPSG:4326")
            #expect(summary.text.contains("Geometry Column = geom") && summary.text.contains("FID Column = fid"))
        }
        #expect(layers["events"]?.featureCount == DemoEvents.geocoded.events.count)
        #expect((layers["origins"]?.featureCount ?? 0) > 10)
        let drawable = DemoEvents.geocoded.events.flatMap(\.origins).filter(\.isDrawable).count
        #expect((layers["links"]?.featureCount ?? 0) > 0 && (layers["links"]?.featureCount ?? 0) <= drawable)
        #expect(layers["districts"]?.featureCount == SharedGeoData.boundaries.districts.count)
        #expect(layers["provinces"]?.featureCount == SharedGeoData.boundaries.provinces.count)
        #expect(layers["border_segments"]?.featureCount == SharedGeoData.boundaries.borderSegments.count)

        let events = try #require(layers["events"]).fields
        #expect(events["fatalities_low"] == "Integer64")
        #expect(events["geo_precision"] == "Integer64")
        #expect(events["geo_confidence"] == "Real")
        #expect(events["latitude"] == "Real")
        #expect(events["attribution"] == "String")
        #expect(events["sources"] == "String")
        #expect(events["cross_border"] == "Integer(Boolean)")
        #expect(events["event_id_generated"] == "Integer(Boolean)")
        // Null in many rows, still typed by the others / the schema.
        #expect(events["fatalities_high"] == "Integer64")
        #expect(events["origin_geo_confidence"] == "Real")
        let origins = try #require(layers["origins"]).fields
        #expect(origins["origin_claim"] == "String" && origins["geo_confidence"] == "Real" && origins["cross_border"] == "Integer(Boolean)")
        let links = try #require(layers["links"]).fields
        #expect(links["length_km"] == "Real" && links["cross_border"] == "Integer(Boolean)" && links["group"] == "String")
        let districts = try #require(layers["districts"]).fields
        #expect(districts["events"] == "Integer64" && districts["fatalities_low"] == "Integer64" && districts["fatalities_high"] == "Integer64")
        #expect(districts["approximate"] == "Integer(Boolean)" && districts["area_km2"] == "Real")
        let segments = try #require(layers["border_segments"]).fields
        #expect(segments["events"] == "Integer64" && segments["length_km"] == "Real")

        // Reading every feature (not only the summary) is clean too.
        let full = try OGRInfo.run(["-al", path])
        #expect(full.status == 0)
        OGRInfo.expectClean(full)
    }

    /// The R-tree index of each layer exists, is registered, and holds one entry per non-empty geometry.
    @Test func spatialIndexIsFilledAndDeclared() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let set = try DemoEvents.layers()
        let path = directory + "/layers.gpkg"
        try LayerSetWriter.write(set, to: path)

        let events = try #require(set["events"])
        let located = events.features.filter { $0.geometry.map { !$0.isEmpty } ?? false }.count
        let viaGDAL = try OGRInfo.run([path, "-sql", "SELECT COUNT(*) AS n FROM rtree_events_geom"])
        #expect(viaGDAL.status == 0)
        OGRInfo.expectClean(viaGDAL)
        #expect(viaGDAL.output.contains("n (Integer) = \(located)") || viaGDAL.output.contains("n (Integer64) = \(located)"), "\(viaGDAL.output)")

        let queue = try DatabaseQueue(path: path)
        try queue.read { db in
            #expect(try Int.fetchOne(db, sql: "PRAGMA application_id") == 0x4750_4B47)
            #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == 10300)
            let srs = try Row.fetchAll(db, sql: "SELECT srs_id, organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys ORDER BY srs_id")
            #expect(srs.map { $0[0] as Int } == [-1, 0, 4326])
            #expect(srs[2][1] as String == "EPSG" && srs[2][2] as Int == 4326 && (srs[2][3] as String).hasPrefix("GEOGCS[\"WGS 84\""))
            for layer in set.layers {
                let rtree = "rtree_\(layer.name)_geom"
                let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"\(rtree)\"") ?? -1
                let nonEmpty = layer.features.filter { $0.geometry.map { !$0.isEmpty } ?? false }.count
                #expect(count == nonEmpty, "\(rtree)")
                #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM gpkg_extensions WHERE table_name = ? AND column_name = 'geom' AND extension_name = 'gpkg_rtree_index' AND scope = 'write-only'", arguments: [layer.name]) == 1)
                #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?", arguments: [rtree + "_%"]) == 6)
                let contents = try #require(try Row.fetchOne(db, sql: "SELECT data_type, identifier, min_x, min_y, max_x, max_y, srs_id, last_change FROM gpkg_contents WHERE table_name = ?", arguments: [layer.name]))
                #expect(contents[0] as String == "features" && contents[1] as String == layer.name && contents[6] as Int == 4326)
                #expect((contents[7] as String).hasSuffix("Z"))
                let bounds = layer.features.compactMap { $0.geometry?.envelope }.reduce(nil as Envelope?) { $0?.union($1) ?? $1 }
                if let bounds {
                    #expect(abs((contents[2] as Double) - bounds.minX) < 1e-9 && abs((contents[5] as Double) - bounds.maxY) < 1e-9)
                }
                let columns = try Row.fetchOne(db, sql: "SELECT geometry_type_name, srs_id, z, m FROM gpkg_geometry_columns WHERE table_name = ?", arguments: [layer.name])
                #expect(columns?[0] as String? == layer.geometryType.rawValue && columns?[2] as Int? == 0 && columns?[3] as Int? == 0)
            }
            // The index answers a window query: events around Peshawar.
            let near = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM rtree_events_geom WHERE maxx >= 71.4 AND minx <= 71.7 AND maxy >= 33.9 AND miny <= 34.1") ?? 0
            #expect(near > 0)
        }
    }

    /// Columns keep one type: mixed integers and reals make REAL, integers and text make TEXT, a null-only
    /// column keeps its declared type; empty and missing geometries are allowed; holes and multi types pass.
    @Test func typingEmptyGeometriesAndRoundTrip() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let context = GEOSContext()
        let polygon = try Geometry(wkt: "POLYGON((70 33, 70 34, 71 34, 71 33, 70 33), (70.2 33.2, 70.4 33.2, 70.4 33.4, 70.2 33.4, 70.2 33.2))", in: context)
        let layer = FeatureLayer(name: "mixed", geometryType: .multiPolygon, features: [
            Feature(properties: [("n", .int(1)), ("mixed", .int(5)), ("flag", .bool(true)), ("none", .null), ("name", .string("a \"quoted\" name"))], geometry: polygon),
            Feature(properties: [("n", .double(2.5)), ("mixed", .string("five")), ("flag", .null), ("none", .null)], geometry: try Geometry.empty(.polygon, in: context)),
            Feature(properties: [("n", .null), ("mixed", .null), ("flag", .bool(false)), ("none", .null)], geometry: nil),
        ], fieldHints: ["none": .integer])
        #expect(layer.schema == LayerSchema([FieldDefinition("n", .real), FieldDefinition("mixed", .text), FieldDefinition("flag", .boolean),
                                             FieldDefinition("none", .integer), FieldDefinition("name", .text)]))
        let path = directory + "/mixed.gpkg"
        try LayerSetWriter.write(LayerSet([layer]), to: path)
        let summary = try #require(try OGRInfo.summary(path)["mixed"])
        #expect(summary.featureCount == 3)
        #expect(summary.fields == ["n": "Real", "mixed": "String", "flag": "Integer(Boolean)", "none": "Integer64", "name": "String"])
        let full = try OGRInfo.run(["-al", path])
        OGRInfo.expectClean(full)
        #expect(full.output.contains("MULTIPOLYGON EMPTY") || full.output.contains("MULTIPOLYGON (EMPTY)") || full.output.contains("EMPTY"), "\(full.output)")

        let reader = try GeoPackageReader(path: path)
        #expect(try reader.layers().map(\.geometryType) == ["MULTIPOLYGON"])
        let features = try reader.features(layer: "mixed", in: context)
        #expect(features.count == 3)
        #expect(features[0]["n"] == .double(1) && features[0]["mixed"] == .string("5") && features[0]["flag"] == .int(1))
        #expect(features[0]["name"] == .string("a \"quoted\" name"))
        #expect(features[0].geometry?.type == .multiPolygon && features[0].geometry?.parts.first?.interiorRings.count == 1)
        #expect(features[1].geometry == nil && features[2].geometry == nil)
        try DatabaseQueue(path: path).read { db in
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM rtree_mixed_geom") == 1)
            let blob = try #require(try Data.fetchOne(db, sql: "SELECT geom FROM mixed WHERE fid = 2"))
            #expect(try GeoPackageBinary.header(of: [UInt8](blob)).isEmpty)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mixed WHERE geom IS NULL") == 1)
        }
    }

    /// The file appears only when finished; a discarded or failed write leaves nothing behind.
    @Test func writtenAtomically() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let context = GEOSContext()
        let path = directory + "/atomic.gpkg"
        let writer = try GeoPackageWriter(path: path)
        let layer = try writer.createLayer(name: "points", geometryType: .point, schema: LayerSchema([FieldDefinition("id", .integer)]))
        for i in 0..<3000 {
            try layer.write(Feature(properties: [("id", .int(Int64(i)))], geometry: try Geometry.point(x: 60 + Double(i) / 300, y: 30, in: context)))
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        try writer.finish()
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["atomic.gpkg"])
        #expect(try OGRInfo.summary(path)["points"]?.featureCount == 3000)

        // A point in a polygon layer is refused with the layer named; nothing is left.
        let failing = directory + "/failing.gpkg"
        let set = LayerSet([FeatureLayer(name: "areas", geometryType: .multiPolygon,
                                         features: [Feature(properties: [], geometry: try Geometry.point(x: 1, y: 2, in: context))])])
        #expect(throws: OutputError.self) { try LayerSetWriter.write(set, to: failing) }
        let discarded = try GeoPackageWriter(path: directory + "/discarded.gpkg")
        discarded.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["atomic.gpkg"])
        // Reserved and duplicate names.
        let names = try GeoPackageWriter(path: directory + "/names.gpkg")
        defer { names.discard() }
        #expect(throws: OutputError.self) { _ = try names.createLayer(name: "gpkg_things", geometryType: .point, schema: LayerSchema([])) }
        #expect(GeoPackageWriter.columnNames(["geom", "Name", "name", "fid"]) == ["geom_2", "Name", "name_2", "fid_2"])
    }

    /// `eventmap geocode -o OUT.gpkg`: the events and their origins as a GeoPackage.
    @Test func geocodeJobWritesGeoPackage() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var options = GeocodeJob.Options(input: TestPaths.geodata + "/samples/events.csv", output: directory + "/events.gpkg")
        options.workers = 2
        options.batchSize = 16
        let summary = try GeocodeJob.run(options, reference: SharedGeoData.reference)
        let layers = try OGRInfo.summary(options.output)
        #expect(Set(layers.keys) == ["events", "origins"])
        #expect(layers["events"]?.featureCount == summary.read.events)
        #expect(layers["events"]?.geometry == "Point" && layers["origins"]?.geometry == "Point")
        #expect(layers["origins"]?.featureCount == DemoEvents.geocoded.events.map(\.origins.count).reduce(0, +))
        let fields = try #require(layers["events"]).fields
        #expect(fields["fatalities_low"] == "Integer64" && fields["geo_confidence"] == "Real" && fields["attribution"] == "String")
        #expect(fields["cross_border"] == "Integer(Boolean)" && fields["border_km"] == "Real")
        #expect(fields.count == EventLayerSchema.eventColumns.count)
        try DatabaseQueue(path: options.output).read { db in
            let located = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events WHERE geom IS NOT NULL") ?? -1
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM rtree_events_geom") == located)
            #expect(located == DemoEvents.geocoded.events.filter { $0.location.point != nil }.count)
            #expect(located > 0 && located <= summary.read.events - summary.unresolved)
        }
        #expect(try OutputFormat(path: "x.GPKG") == .geoPackage)
    }

    /// An input with no events still makes both layers, with every column typed.
    @Test func geocodeJobWithoutEventsMakesTypedEmptyLayers() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = directory + "/none.csv"
        try "event_id,event_date,location\n".write(toFile: input, atomically: true, encoding: .utf8)
        let options = GeocodeJob.Options(input: input, output: directory + "/none.gpkg")
        _ = try GeocodeJob.run(options, reference: SharedGeoData.reference)
        let layers = try OGRInfo.summary(options.output)
        #expect(layers["events"]?.featureCount == 0 && layers["origins"]?.featureCount == 0)
        #expect(layers["events"]?.fields["fatalities_low"] == "Integer64")
    }
}
