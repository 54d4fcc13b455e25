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

@Suite struct EventLayerTests {
    /// The GeoPackage schema of the events layer names exactly the columns `GeocodedEventRecord` writes.
    @Test func eventSchemaMatchesTheRecord() throws {
        let item = try #require(DemoEvents.geocoded.events.first)
        let names = GeocodedEventRecord.properties(item).map(\.name)
        #expect(names == EventLayerSchema.eventColumns)
        for (name, type) in EventLayerSchema.eventHints { #expect(names.contains(name), "\(name) (\(type)) is not a record column") }
        // Every record value fits its declared type.
        for event in DemoEvents.geocoded.events {
            for (name, value) in GeocodedEventRecord.properties(event) {
                guard let observed = FieldType.of(value) else { continue }
                #expect(observed == (EventLayerSchema.eventHints[name] ?? .text), "\(name) is \(observed)")
            }
        }
        let origin = try #require(DemoEvents.geocoded.events.flatMap { (try? EventLayers.originFeatures($0, in: GEOSContext())) ?? [] }.first)
        #expect(origin.properties.map(\.name) == EventLayerSchema.originSchema.names)
        // The origins, links and crossings layers without rows have the columns their rows have (an export of events without
        // links, then one with links, fills the same tables).
        let set = try DemoEvents.layers()
        let link = try #require(set["links"]?.features.first)
        #expect(link.properties.map(\.name) == EventLayerSchema.linkSchema.names)
        let crossing = try #require(set["crossings"]?.features.first)
        #expect(crossing.properties.map(\.name) == EventLayerSchema.crossingSchema.names)
        let empty = try EventLayers.build([], reference: try SharedGeoData.prepared())
        for (name, schema) in [("origins", EventLayerSchema.originSchema), ("links", EventLayerSchema.linkSchema),
                               ("crossings", EventLayerSchema.crossingSchema)] {
            #expect(set[name]?.schema.names == schema.names, "\(name) with rows")
            #expect(set[name]?.schema.fields.map(\.type) == schema.fields.map(\.type), "\(name): column types")
            #expect(empty[name]?.schema.names == schema.names, "\(name) without rows")
        }
    }

    /// Origins stay claims, links measure geodesically, aggregates add up.
    @Test func layersCarryClaimsAndAggregates() throws {
        let set = try DemoEvents.layers()
        #expect(set.names == ["events", "origins", "links", "crossings", "districts", "provinces", "border_segments", "corridor", "group_bases"])
        let events = DemoEvents.geocoded.events
        let origins = try #require(set["origins"])
        #expect(origins.features.allSatisfy { ($0["origin_claim"]?.stringValue ?? "").contains("not") })
        #expect(origins.features.count == events.map(\.origins.count).reduce(0, +), "one feature per origin claim, no other")
        #expect(origins.features.allSatisfy { $0["origin_asserted_by"]?.stringValue != nil }, "every sample origin names its asserter")
        // A claim located only to a province or a country has no point.
        for feature in origins.features {
            if case let .int(precision)? = feature["geo_precision"], precision >= 4 { #expect(feature.geometry == nil) }
        }

        let links = try #require(set["links"])
        for link in links.features {
            let line = try #require(link.geometry)
            let c = try line.coordinates()
            let (first, last) = (c[0], c[c.count - 1])
            let km = Geodesic.wgs84.distanceKm(lon1: first.x, lat1: first.y, lon2: last.x, lat2: last.y)
            guard case let .double(recorded)? = link["length_km"] else { Issue.record("length_km missing"); continue }
            #expect(abs(recorded - km) <= 0.05)
            let id = try #require(link["event_id"]?.stringValue)
            let event = try #require(events.first { $0.event.eventID == id })
            #expect(event.drawableOrigin != nil, "a link only from an origin claim located to a district or better")
            #expect(link["cross_border"] == .bool(link["origin_adm0_iso3"] != link["event_adm0_iso3"]))
        }
        #expect(links.features.contains { $0["cross_border"] == .bool(true) })

        let districts = try #require(set["districts"])
        func sum(_ layer: FeatureLayer, _ column: String) -> Int64 {
            layer.features.reduce(0) { total, f in if case let .int(i)? = f[column] { total + i } else { total } }
        }
        #expect(sum(districts, "events") == Int64(events.filter { $0.location.adm2ID != nil }.count))
        #expect(sum(districts, "fatalities_low") == Int64(events.filter { $0.location.adm2ID != nil }.reduce(0) { $0 + ($1.event.fatalities?.low ?? 0) }))
        #expect(districts.features.filter { $0["approximate"] == .bool(true) }.count == SharedGeoData.boundaries.districts.filter(\.approximate).count)
        let provinces = try #require(set["provinces"])
        #expect(sum(provinces, "events") == Int64(events.filter { $0.location.adm1ID != nil }.count))
        #expect(sum(provinces, "fatalities_high") >= sum(provinces, "fatalities_low"))

        // Border segment counts: filled when events carry border measures, an integer column either way.
        var segments = try #require(set["border_segments"])
        #expect(segments.schema.fields.first { $0.name == "events" }?.type == .integer)
        segments.setColumn("cross_border_links", type: .integer) { _ in .null }
        #expect(segments.schema.fields.last == FieldDefinition("cross_border_links", .integer))
    }
}
