import Foundation
import Testing
import GeoKit
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Analysis
@testable import Jobs
@testable import PostGIS

/// The layers an export writes read back from PostGIS as the GeoPackage holds them: the same columns with
/// the same types, the same rows, geometries equal within 1e-9°; and the tables have their keys, SRID 4326
/// and GiST indexes.
@Suite(.enabled(if: TestPostgres.available)) struct LayerParityTests {
    @Test(arguments: ["samples", "generated"]) func layersReadBackEqualTheGeoPackage(dataset: String) throws {
        let (path, events) = dataset == "samples" ? (TestData.samples, TestData.sampleEvents) : (TestData.generatedPath, TestData.generatedEvents)
        let schema = try TestData.export(path)
        let set = try TestData.layers(events)
        let folder = NSTemporaryDirectory() + "eventmap-postgis-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let package = folder + "/layers.gpkg"
        try LayerSetWriter.write(set, to: package)
        let geoPackage = try GeoPackageReader(path: package)
        let reader = try PostGISLayerReader(connection: TestPostgres.connect(), schema: schema)
        let context = GEOSContext()
        #expect(Set(try reader.layerNames()) == Set(set.names))
        for layer in set.layers {
            let read = try reader.read(layer.name, in: context)
            let columns = GeoPackageWriter.columnNames(layer.schema.names)
            #expect(read.schema.fields.map(\.name) == columns, "\(layer.name): columns")
            #expect(read.schema.fields.map(\.type) == layer.schema.fields.map(\.type), "\(layer.name): column types")
            #expect(read.geometryType.lowercased() == "geometry(\(LayerTable.postgisTypeName(layer.geometryType)),4326)".lowercased())
            let key = LayerTableRule.eventMapper[layer.name]?.key ?? []
            // Key order: text byte by byte (PostgreSQL's C collation), integers as numbers.
            func before(_ a: Feature, _ b: Feature) -> Bool {
                for column in key {
                    switch (a[column] ?? .null, b[column] ?? .null) {
                    case let (.int(x), .int(y)) where x != y: return x < y
                    case let (x, y) where x.description != y.description:
                        return Array(x.description.utf8).lexicographicallyPrecedes(Array(y.description.utf8))
                    default: continue
                    }
                }
                return false
            }
            let expected = try geoPackage.features(layer: layer.name, in: context).sorted(by: before)
            #expect(read.features.count == expected.count, "\(layer.name): rows")
            for (row, (got, want)) in zip(read.features, expected).enumerated() {
                for field in read.schema.fields {
                    #expect(Self.same(got[field.name], want[field.name], field.type), "\(layer.name) row \(row) \(field.name): \(String(describing: got[field.name])) vs \(String(describing: want[field.name]))")
                }
                switch (got.geometry, want.geometry) {
                case let (g?, w?): #expect(try g.equalsExact(w, tolerance: 1e-9), "\(layer.name) row \(row): geometry")
                case (nil, nil): break
                default: Issue.record("\(layer.name) row \(row): geometry present on one side only")
                }
            }
        }
    }

    /// PostgreSQL keeps booleans as booleans; the GeoPackage stores them as 0/1.
    static func same(_ a: PropertyValue?, _ b: PropertyValue?, _ type: FieldType) -> Bool {
        switch (a ?? .null, b ?? .null) {
        case let (.bool(x), .int(y)): return (x ? 1 : 0) == y
        case let (x, y): return type.coerce(x) == type.coerce(y)
        }
    }

    @Test func tablesHaveKeysSRIDAndSpatialIndexes() throws {
        let schema = try TestData.export(TestData.samples)
        let connection = try TestPostgres.connect()
        let keys = try connection.execute("""
            SELECT c.relname, string_agg(a.attname, ',' ORDER BY array_position(i.indkey::int2[], a.attnum))
            FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey)
            WHERE n.nspname = $1 AND i.indisprimary GROUP BY c.relname
            """, [schema], during: "keys").rows
        let byTable = Dictionary(uniqueKeysWithValues: keys.map { ($0[0] ?? "", $0[1] ?? "") })
        #expect(byTable["events"] == "event_id")
        #expect(byTable["origins"] == "event_id,claim_number")
        #expect(byTable["links"] == "event_id,claim_number")
        #expect(byTable["crossings"] == "event_id,claim_number,crossing")
        #expect(byTable["group_bases"] == "fid", "a layer without a natural key gets an identity key")
        #expect(byTable["districts"] == "id")
        let srids = try connection.execute("SELECT DISTINCT g.srid FROM geometry_columns g JOIN pg_tables t ON t.schemaname = g.f_table_schema AND t.tablename = g.f_table_name WHERE g.f_table_schema = $1", [schema], during: "srid").rows
        #expect(srids.map { $0[0] } == ["4326"])
        let gist = try TestPostgres.count(connection, """
            SELECT count(*) FROM pg_indexes WHERE schemaname = $1 AND indexdef LIKE '%USING gist%'
            """, [schema])
        #expect(gist == 13, "a GiST index on every geom (10 layers with countries and group_bases) and on geog of events, origins and border_segments")
        let geography = try connection.execute("""
            SELECT g.f_table_name FROM geography_columns g JOIN pg_tables t ON t.schemaname = g.f_table_schema AND t.tablename = g.f_table_name
            WHERE g.f_geography_column = 'geog' AND g.f_table_schema = $1 ORDER BY 1
            """, [schema], during: "geography").rows.map { $0[0] ?? "" }
        #expect(geography == ["border_segments", "events", "origins"])
        // Claims and sources are columns.
        let claims = try connection.value("SELECT attribution || ' | ' || coalesce(attributed_by, '') || ' | ' || sources FROM \(SQLIdentifier(schema).quoted).events WHERE event_id = 'EM-S-0001'", during: "claims")
        #expect(claims?.hasPrefix("attributed | President Ashraf Ghani") == true)
        #expect(claims?.contains("BBC News, 2015-04-18") == true)
    }
}
