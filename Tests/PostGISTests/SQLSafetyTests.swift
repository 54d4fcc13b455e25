import Foundation
import Testing
@testable import EventModel
@testable import EventFormats
@testable import GeoKit
@testable import Analysis
@testable import Geocoding
@testable import Jobs
@testable import PostGIS

/// Names and values never become SQL: a hostile schema name is created literally or refused, text with
/// quotes, tabs, newlines and backslashes comes back exactly, filter values are bound. Table y survives.
@Suite(.enabled(if: TestPostgres.available)) struct SQLSafetyTests {
    /// A table `y` in its own schema, which the hostile names below must not drop.
    static func victim(_ admin: PostgresConnection) throws -> String {
        let schema = TestPostgres.uniqueName("victim")
        let s = try SQLIdentifier(schema).quoted
        try admin.execute("CREATE SCHEMA \(s)", during: "setup")
        try admin.execute("CREATE TABLE \(s).y (v int)", during: "setup")
        try admin.execute("INSERT INTO \(s).y VALUES (1)", during: "setup")
        try admin.execute("CREATE TABLE IF NOT EXISTS public.y (v int)", during: "setup")
        return schema
    }

    @Test func aHostileSchemaNameIsCreatedLiterally() throws {
        let admin = try TestPostgres.connect()
        let victim = try Self.victim(admin)
        let hostile = "x\(UUID().uuidString.prefix(6))\"; DROP TABLE \(victim).y; DROP TABLE public.y; --"
        try TestData.export(TestData.samples, schema: hostile)
        #expect(try TestPostgres.schemaExists(admin, hostile), "the schema has exactly that name")
        #expect(try TestPostgres.count(admin, "SELECT count(*) FROM \(SQLIdentifier(hostile).quoted).events") == TestData.sampleEvents.count)
        #expect(try TestPostgres.count(admin, "SELECT count(*) FROM \(SQLIdentifier(victim).quoted).y") == 1)
        #expect(try TestPostgres.count(admin, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = 'y'") == 1)
        // The queries run there too.
        let queries = try PostGISQueries(conninfo: "", schema: hostile)
        #expect(try !queries.aggregate(by: .province, filter: Self.noFilter()).isEmpty)
    }

    @Test func namesPostgreSQLWouldChangeAreRefused() throws {
        let admin = try TestPostgres.connect()
        let victim = try Self.victim(admin)
        let refused: [(String, String)] = [
            ("pg_\(victim)\"; DROP TABLE \(victim).y; --", "reserved for PostgreSQL"),
            (String(repeating: "x", count: 60) + "\"; DROP TABLE \(victim).y; --", "at most 63 bytes"),
            ("a\u{0}\"; DROP TABLE \(victim).y; --", "NUL"),
            ("", "empty"),
        ]
        for (name, reason) in refused {
            var options = ExportJob.Options(input: TestData.samples)
            options.schema = name
            #expect {
                _ = try ExportJob.run(options, reference: TestData.reference)
            } throws: { error in
                guard case .invalidIdentifier = error as? PostGISError else { return false }
                return "\(error)".contains(reason)
            }
        }
        #expect(try TestPostgres.count(admin, "SELECT count(*) FROM \(SQLIdentifier(victim).quoted).y") == 1)
    }

    @Test func textValuesComeBackExactly() throws {
        let admin = try TestPostgres.connect()
        let victim = try Self.victim(admin)
        let nasty = "it's \"quoted\"\tand\nsplit\r\\N \\. back\\slash '); DROP TABLE \(victim).y; -- ✓ پشتو"
        let schema = TestPostgres.uniqueName("values")
        let connection = try TestPostgres.connect()
        let container = try PostGISContainer(connection: connection, schema: schema)
        try container.write(FeatureLayer(name: "notes", geometryType: .point, features: [
            Feature(properties: [("id", .string("1")), ("text", .string(nasty)), ("empty", .string("")), ("none", .null)],
                    geometry: try Geometry.point(Coordinate(70.123456789012, 34.5), in: GEOSContext())),
        ]))
        try container.finish()
        let layer = try PostGISLayerReader(connection: admin, schema: schema).read("notes", in: GEOSContext())
        #expect(layer.features.first?["text"] == .string(nasty))
        #expect(layer.features.first?["empty"] == .string(""), "an empty string stays empty, not NULL")
        #expect(layer.features.first?["none"] == .null)
        #expect(layer.features.first?.geometry?.coordinate == Coordinate(70.123456789012, 34.5))
        #expect(try TestPostgres.count(admin, "SELECT count(*) FROM \(SQLIdentifier(victim).quoted).y") == 1)
    }

    @Test func filterValuesAreBound() throws {
        let admin = try TestPostgres.connect()
        let victim = try Self.victim(admin)
        let schema = try TestData.export(TestData.samples)
        let queries = try PostGISQueries(conninfo: "", schema: schema)
        var filter = EventFilter()
        filter.eventTypes = ["x'); DROP TABLE \(victim).y; --", "a\"b}c,{d\\"]
        let gazetteer = TestData.reference.gazetteer
        let compiled = try filter.compiled(names: NameGeocoder(gazetteer: gazetteer), gazetteer: gazetteer)
        #expect(try queries.eventCount(compiled) == 0)
        #expect(try queries.nearBorder(km: 50, filter: compiled).rows.isEmpty)
        #expect(try TestPostgres.count(admin, "SELECT count(*) FROM \(SQLIdentifier(victim).quoted).y") == 1)
    }

    static func noFilter() throws -> CompiledEventFilter {
        let gazetteer = TestData.reference.gazetteer
        return try EventFilter().compiled(names: NameGeocoder(gazetteer: gazetteer), gazetteer: gazetteer)
    }
}
