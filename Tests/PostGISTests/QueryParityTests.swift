import Foundation
import Testing
import GeoKit
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
@testable import Analysis
@testable import Jobs
@testable import PostGIS

/// Every query answers the same in-process and in PostGIS, on the samples and on a generated dataset:
/// the same event ids and counts, distances within 1 m, the same link crossings (points within 1e-7°)
/// and the same aggregates (areas within 1e-9 relative).
@Suite(.enabled(if: TestPostgres.available), .serialized) struct QueryParityTests {
    static let datasets: [(name: String, path: String, events: @Sendable () -> [GeocodedEvent])] = [
        ("samples", TestData.samples, { TestData.sampleEvents }),
        ("generated", TestData.generatedPath, { TestData.generatedEvents }),
    ]

    /// Filters the CLI passes, compiled as the CLI compiles them.
    static func filters() throws -> [CompiledEventFilter] {
        let gazetteer = TestData.reference.gazetteer
        let names = NameGeocoder(gazetteer: gazetteer)
        var within = EventFilter(); within.within = ["Nangarhar", "Balochistan"]
        var dated = EventFilter(); dated.from = try EventDate(parsing: "2019-03"); dated.to = try EventDate(parsing: "2023")
        var near = EventFilter(); near.near = ("Peshawar", 120); near.attributions = [.claimed, .disputed]
        var boxed = EventFilter(); boxed.boundingBox = Envelope(minX: 69, minY: 31, maxX: 72, maxY: 35); boxed.groups = ["TTP"]
        var typed = EventFilter(); typed.eventTypes = ["battles"]
        return try [EventFilter(), within, dated, near, boxed, typed].map { try $0.compiled(names: names, gazetteer: gazetteer) }
    }

    @Test(arguments: [0, 1]) func nearBorderIsTheSame(dataset: Int) throws {
        let (name, path, load) = Self.datasets[dataset]
        let schema = try TestData.export(path)
        let queries = try PostGISQueries(conninfo: "", schema: schema)
        let prepared = try PreparedReference(TestData.reference)
        var largest = 0.0
        defer { print("near_border parity, \(name): largest distance difference \(largest * 1000) m") }
        for filter in try Self.filters() {
            let events = load().filter(filter.matches)
            #expect(try queries.eventCount(filter) == events.count, "\(name) \(filter.filter)")
            for km in filter.filter.isEmpty ? [10.0, 50, 100, 250] : [10.0, 50, 100] {
                let inProcess = try CrossBorderQueries.nearBorder(events, reference: prepared, km: km)
                let sql = try queries.nearBorder(km: km, filter: filter)
                let expected = Dictionary(uniqueKeysWithValues: inProcess.events.map { ($0.event.eventID, NearBorderRow($0)) })
                let found = Dictionary(uniqueKeysWithValues: sql.rows.map { ($0.eventID, $0) })
                #expect(Set(found.keys) == Set(expected.keys), "\(name) \(km) km \(filter.filter): ids differ")
                for (id, row) in found {
                    guard let want = expected[id] else { continue }
                    largest = max(largest, abs((row.borderKm ?? .nan) - (want.borderKm ?? .nan)))
                    #expect(abs((row.borderKm ?? .nan) - (want.borderKm ?? .nan)) < 0.001, "\(name) \(id): \(row.borderKm ?? .nan) km in SQL, \(want.borderKm ?? .nan) km in process")
                    #expect(row.segment == want.segment, "\(name) \(id) segment")
                    #expect(row.side == want.side && row.group == want.group && row.district == want.district)
                }
                Self.expectSame(sql.bySegment, inProcess.bySegment, "\(name) by segment \(km) km")
            }
        }
    }

    @Test(arguments: [0, 1]) func linksAndCrossingsAreTheSame(dataset: Int) throws {
        let (name, path, load) = Self.datasets[dataset]
        let schema = try TestData.export(path)
        let queries = try PostGISQueries(conninfo: "", schema: schema)
        let prepared = try PreparedReference(TestData.reference)
        for filter in try Self.filters() {
            for crossBorderOnly in [false, true] {
                let inProcess = try CrossBorderQueries.links(load().filter(filter.matches), reference: prepared, crossBorderOnly: crossBorderOnly)
                let sql = try queries.links(filter: filter, crossBorderOnly: crossBorderOnly)
                // One row per drawable origin claim: by event, then in claim order on both sides.
                let expected = inProcess.links.map { LinkRow($0.link) }.enumerated()
                    .sorted { ($0.element.eventID, $0.offset) < ($1.element.eventID, $1.offset) }.map(\.element)
                let found = sql.links.enumerated().sorted { ($0.element.eventID, $0.offset) < ($1.element.eventID, $1.offset) }.map(\.element)
                #expect(found.map(\.eventID) == expected.map(\.eventID), "\(name) \(filter.filter) cross-border only \(crossBorderOnly): link ids differ")
                if filter.filter.isEmpty && !crossBorderOnly { #expect(!expected.isEmpty, "\(name) has links") }
                if filter.filter.isEmpty && crossBorderOnly { #expect(!expected.isEmpty, "\(name) has cross-border links") }
                for (row, want) in zip(found, expected) {
                    #expect(row.crossings == want.crossings && row.segmentsCrossed == want.segmentsCrossed, "\(name) \(row.eventID) crossings")
                    #expect(row.crossBorder == want.crossBorder && row.from == want.from && row.to == want.to && row.group == want.group
                            && row.assertedBy == want.assertedBy && row.attribution == want.attribution, "\(name) \(row.eventID)")
                    #expect(abs(row.lengthKm - want.lengthKm) < 0.001, "\(name) \(row.eventID) length")
                    #expect(abs(row.alongBorderKm - want.alongBorderKm) < 0.001, "\(name) \(row.eventID) along the border")
                }
                Self.expectSame(sql.flows, inProcess.flows, "\(name) flows")
            }
        }
        // The crossing points themselves, in order along each link, keyed as the crossings layer is.
        let connection = try TestPostgres.connect()
        let result = try connection.execute("""
            SELECT event_id, claim_number, crossing, segment, ST_X(geom), ST_Y(geom)
            FROM \(SQLIdentifier(schema).quoted).crossings() ORDER BY event_id, claim_number, crossing
            """, during: "reading crossings()")
        let links = try CrossBorderQueries.links(load(), reference: prepared).links
        let expected = links.flatMap { link in
            link.link.crossings.enumerated().map { ("\(link.link.eventID)#\(link.link.claimNumber)#\($0.offset + 1)", link.link.crossedSegments[$0.offset], $0.element) }
        }
        #expect(result.rowCount == expected.count, "\(name): \(result.rowCount) crossings in SQL, \(expected.count) in process")
        if name == "samples" { #expect(!expected.isEmpty, "the samples have crossings") }
        if name == "generated" {
            #expect(Dictionary(grouping: links, by: \.link.eventID).values.contains { $0.count > 1 }, "some event has two links")
        }
        let byKey = Dictionary(uniqueKeysWithValues: expected.map { ($0.0, $0) })
        for row in result.rows {
            guard let want = byKey["\(row[0] ?? "")#\(row[1] ?? "")#\(row[2] ?? "")"] else { Issue.record("\(name): unexpected crossing \(row)"); continue }
            #expect(row[3] == want.1)
            #expect(abs((Double(row[4] ?? "") ?? .nan) - want.2.x) < 1e-7 && abs((Double(row[5] ?? "") ?? .nan) - want.2.y) < 1e-7,
                    "\(name) \(want.0): (\(row[4] ?? ""), \(row[5] ?? "")) in SQL, \(want.2) in process")
        }
    }

    @Test(arguments: [0, 1]) func aggregatesAreTheSame(dataset: Int) throws {
        let (name, path, load) = Self.datasets[dataset]
        let schema = try TestData.export(path)
        let queries = try PostGISQueries(conninfo: "", schema: schema)
        let aggregation = try Aggregation(try PreparedReference(TestData.reference))
        for filter in try Self.filters() {
            let events = load().filter(filter.matches)
            for key in AggregateKey.allCases {
                Self.expectSame(try queries.aggregate(by: key, filter: filter), aggregation.rows(events, by: key), "\(name) by \(key) \(filter.filter)")
                // The tables the CLI prints are the same text.
                #expect(CrossBorderQueries.table(try queries.aggregate(by: key, filter: filter), by: key).render(.csv)
                        == CrossBorderQueries.table(aggregation.rows(events, by: key), by: key).render(.csv))
            }
        }
    }

    static func expectSame(_ sql: [AggregateRow], _ inProcess: [AggregateRow], _ what: String) {
        #expect(sql.map(\.key) == inProcess.map(\.key), "\(what): keys or order differ")
        for (a, b) in zip(sql, inProcess) {
            #expect(a.name == b.name && a.events == b.events && a.claimed == b.claimed && a.attributedOrAlleged == b.attributedOrAlleged,
                    "\(what) \(a.key): counts")
            #expect(a.fatalitiesLow == b.fatalitiesLow && a.fatalitiesHigh == b.fatalitiesHigh && a.fatalitiesHighOpen == b.fatalitiesHighOpen
                    && a.injuriesLow == b.injuriesLow, "\(what) \(a.key): casualties")
            #expect(a.approximate == b.approximate && a.crossBorder == b.crossBorder, "\(what) \(a.key): flags")
            switch (a.areaKm2, b.areaKm2) {
            case let (x?, y?): #expect(abs(x - y) <= 1e-9 * y, "\(what) \(a.key): area \(x) in SQL, \(y) in process")
            case (nil, nil): break
            default: Issue.record("\(what) \(a.key): area \(String(describing: a.areaKm2)) in SQL, \(String(describing: b.areaKm2)) in process")
            }
        }
    }
}
