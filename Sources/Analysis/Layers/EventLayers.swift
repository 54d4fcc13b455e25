import GeoKit
import EventModel
import EventFormats
import GeoReference
import Geocoding

/// The standard layer set of a report, from geocoded events and the boundary layers:
/// `events` (points), `origins` (points: each event's reported origin, a claim), `links` (origin → event
/// lines), `districts` and `provinces` with event aggregates, `border_segments` (with events per segment
/// when the events carry border measures) and, when given, the near-border `corridor`.
public enum EventLayers {
    /// A polygon drawn as the `corridor` layer (the near-border corridor the cross-border queries use).
    public struct Corridor {
        public var polygon: Geometry
        public var km: Double
        public init(polygon: Geometry, km: Double) {
            self.polygon = polygon
            self.km = km
        }
    }

    public static func build(_ events: [GeocodedEvent], reference: PreparedReference, corridor: Corridor? = nil) throws -> LayerSet {
        let (context, boundaries, gazetteer) = (reference.context, reference.boundaries, reference.gazetteer)
        let links = try LinkAnalysis(reference).links(for: events)
        var set = LayerSet([
            try eventsLayer(events, in: context),
            try originsLayer(events, in: context),
            try linksLayer(links, in: context),
            try crossingsLayer(links, in: context),
        ])
        let aggregation = try Aggregation(reference)
        let boundaryLayers = try BoundaryFeatures.layers(boundaries, gazetteer: gazetteer, in: context)
        if var districts = boundaryLayers["districts"] {
            addAggregates(to: &districts, rows: aggregation.rows(events, by: .district), aggregation: aggregation)
            set.set(districts)
        }
        if var provinces = boundaryLayers["provinces"] {
            addAggregates(to: &provinces, rows: aggregation.rows(events, by: .province), aggregation: aggregation)
            set.set(provinces)
        }
        if var segments = boundaryLayers["border_segments"] {
            addBorderCounts(to: &segments, events: events)
            set.set(segments)
        }
        if let corridor { set.set(try corridorLayer(corridor)) }
        set.set(try groupBasesLayer(gazetteer, in: context))
        return set
    }

    // MARK: Group bases

    /// The groups' reported bases (GeoData/group_origins.csv): dated, sourced claims about groups, each with
    /// who asserts it. Never an event's origin; a claim that names no point has no geometry.
    public static func groupBasesLayer(_ gazetteer: Gazetteer, in context: GEOSContext) throws -> FeatureLayer {
        let features = try gazetteer.origins.map { base in
            Feature(properties: [
                ("group_id", .string(base.groupID)),
                ("group_name", gazetteer.group(id: base.groupID).map { .string($0.name) } ?? .null),
                ("place", .string(base.place)),
                ("role", .string(base.role)),
                ("period", .string(base.period)),
                ("asserted_by", .string(base.assertedBy)),
                ("source", .string(base.source)),
                ("notes", base.notes.isEmpty ? .null : .string(base.notes)),
                ("claim", .string("a base reported for the group by the party in asserted_by: a claim, not established, and not the origin of any event")),
            ], geometry: try base.point.map { try Geometry.point($0, in: context) })
        }
        return FeatureLayer(name: "group_bases", geometryType: .point, features: features,
                            description: "Reported bases of groups: dated claims, each with who asserts it; never an event's origin")
    }

    // MARK: Events

    public static func eventsLayer(_ events: [GeocodedEvent], in context: GEOSContext) throws -> FeatureLayer {
        FeatureLayer(name: "events", geometryType: .point, features: try events.map { try eventFeature($0, in: context) },
                     description: "Geocoded events: reported fields (attribution and sources as reported) and geocoding columns",
                     fieldHints: EventLayerSchema.eventHints, emptySchema: EventLayerSchema.eventSchema)
    }

    /// The event at its geocoded point (no geometry when unresolved) with every column of `GeocodedEventRecord`.
    public static func eventFeature(_ item: GeocodedEvent, coordinateDecimals: Int = 6, in context: GEOSContext) throws -> Feature {
        Feature(properties: GeocodedEventRecord.properties(item, coordinateDecimals: coordinateDecimals),
                geometry: try item.location.point.map { try Geometry.point($0, in: context) })
    }

    // MARK: Origins

    public static func originsLayer(_ events: [GeocodedEvent], in context: GEOSContext) throws -> FeatureLayer {
        FeatureLayer(name: "origins", geometryType: .point,
                     features: try events.flatMap { try originFeatures($0, in: context) },
                     description: "Origin claims made for events: where a named party asserts the perpetrators came from; claims, not established facts",
                     fieldHints: EventLayerSchema.originHints, emptySchema: EventLayerSchema.originSchema)
    }

    /// What an origin feature is, in words carried with it.
    public static let originClaimWording = "origin asserted for this event by the party named in origin_asserted_by: a claim, not verified"

    /// One feature per origin claim of the event. A claim located only to a province or a country, or not at
    /// all, is kept without geometry: no point is drawn for what no source located.
    public static func originFeatures(_ item: GeocodedEvent, in context: GEOSContext) throws -> [Feature] {
        try item.origins.enumerated().map { number, origin in
            let location = origin.location
            func text(_ s: String?) -> PropertyValue { s.map { .string($0) } ?? .null }
            let properties: [(name: String, value: PropertyValue)] = claimProperties(item) + [
                ("claim_number", .int(Int64(number + 1))),
                ("origin_claim", .string(originClaimWording)),
                ("origin_text", text(origin.claim.place)),
                ("origin_asserted_by", text(origin.claim.assertedBy)),
                ("origin_source", text(origin.claim.source)),
                ("origin_date", text(origin.claim.date)),
                ("adm2_id", text(location.adm2ID)),
                ("adm2_name", text(location.adm2Name)),
                ("adm1_id", text(location.adm1ID)),
                ("adm1_name", text(location.adm1Name)),
                ("adm0_iso3", text(location.adm0ISO3)),
                ("geo_precision", location.geoPrecision.map { .int(Int64($0.rawValue)) } ?? .null),
                ("geo_method", .string(location.method)),
                ("geo_confidence", .double((location.confidence * 100).rounded() / 100)),
                ("geo_approximate", .bool(location.approximate)),
                ("geo_notes", text(location.notes.isEmpty ? nil : location.notes.joined(separator: "; "))),
                ("event_adm0_iso3", text(item.location.adm0ISO3)),
                ("cross_border", location.adm0ISO3.flatMap { o in item.location.adm0ISO3.map { .bool(o != $0) } } ?? .null),
            ]
            let point = origin.isDrawable ? location.point : nil
            return Feature(properties: properties, geometry: try point.map { try Geometry.point($0, in: context) })
        }
    }

    /// The columns that say whose claim an origin or link belongs to: event, group and its attribution.
    static func claimProperties(_ item: GeocodedEvent) -> [(name: String, value: PropertyValue)] {
        let e = item.event
        func text(_ s: String?) -> PropertyValue { s.map { .string($0) } ?? .null }
        return [
            ("event_id", .string(e.eventID)),
            ("event_date", .string(e.date.iso)),
            ("group", text(e.group)),
            ("group_id", text(item.groupID)),
            ("group_name", text(item.groupName)),
            ("attribution", .string(e.attribution.rawValue)),
            ("claimed_by", text(e.claimedBy)),
            ("attributed_by", text(e.attributedBy)),
            ("denied_by", text(e.deniedBy)),
        ]
    }

    // MARK: Links

    public static func linksLayer(_ links: [(link: Link, item: GeocodedEvent)], in context: GEOSContext) throws -> FeatureLayer {
        FeatureLayer(name: "links", geometryType: .lineString,
                     features: try links.map { try linkFeature($0.link, $0.item, in: context) },
                     description: "Geodesic lines from an origin asserted for the event (a claim, with its asserter) to the event, with their border crossings",
                     fieldHints: EventLayerSchema.linkHints, emptySchema: EventLayerSchema.linkSchema)
    }

    /// The link as its geodesic polyline, with where it crosses the border.
    public static func linkFeature(_ link: Link, _ item: GeocodedEvent, in context: GEOSContext) throws -> Feature {
        let e = item.event
        func text(_ s: String?) -> PropertyValue { s.map { .string($0) } ?? .null }
        return Feature(properties: claimProperties(item) + [
            ("claim_number", .int(Int64(link.claimNumber))),
            ("origin_asserted_by", text(link.assertedBy)),
            ("origin_source", text(link.claimSource)),
            ("from", .string(link.originUnit)),
            ("to", .string(link.eventUnit)),
            ("origin_adm0_iso3", text(link.originCountry)),
            ("event_adm0_iso3", text(link.eventCountry)),
            ("cross_border", .bool(link.crossBorder)),
            ("crossings", .int(Int64(link.crossings.count))),
            ("segments_crossed", .string(Array(Set(link.crossedSegments)).sorted().joined(separator: "; "))),
            ("along_border_km", .double((link.alongBorderKm * 10).rounded() / 10)),
            ("length_km", .double((link.lengthKm * 10).rounded() / 10)),
            ("fatalities_low", e.fatalities.map { .int(Int64($0.low)) } ?? .null),
            ("fatalities_high", e.fatalities?.high.map { .int(Int64($0)) } ?? .null),
        ], geometry: try Geometry.lineString(link.path, in: context))
    }

    /// One point per place a link crosses the border line.
    public static func crossingsLayer(_ links: [(link: Link, item: GeocodedEvent)], in context: GEOSContext) throws -> FeatureLayer {
        var features: [Feature] = []
        for (link, item) in links {
            for (index, point) in link.crossings.enumerated() {
                features.append(Feature(properties: [
                    ("event_id", .string(link.eventID)), ("claim_number", .int(Int64(link.claimNumber))),
                    ("crossing", .int(Int64(index + 1))),
                    ("segment", .string(link.crossedSegments[index])),
                    ("group_name", item.groupName.map { .string($0) } ?? .null),
                    ("attribution", .string(link.attribution.rawValue)), ("cross_border", .bool(link.crossBorder)),
                    ("origin_asserted_by", link.assertedBy.map { .string($0) } ?? .null),
                ], geometry: try Geometry.point(point, in: context)))
            }
        }
        return FeatureLayer(name: "crossings", geometryType: .point, features: features,
                            description: "Where origin → event links cross the Afghanistan–Pakistan border (Durand Line)",
                            fieldHints: EventLayerSchema.crossingHints, emptySchema: EventLayerSchema.crossingSchema)
    }

    // MARK: Aggregates

    /// Adds the aggregate columns of `rows` to a district, province or country layer (matched on `id`):
    /// events, claimed and attributed/alleged counts, fatalities low/high as reported (`fatalities_high_open`
    /// when a figure such as "60+" makes the high sum a floor), area (equal-area) and events per 1,000 km².
    public static func addAggregates(to layer: inout FeatureLayer, rows: [AggregateRow], aggregation: Aggregation) {
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0.key, $0) })
        func row(_ feature: Feature) -> AggregateRow? { feature["id"]?.stringValue.flatMap { byID[$0] } }
        func area(_ feature: Feature) -> Double { feature["id"]?.stringValue.flatMap(aggregation.areaKm2) ?? 0 }
        layer.setColumn("events", type: .integer) { .int(Int64(row($0)?.events ?? 0)) }
        layer.setColumn("events_claimed", type: .integer) { .int(Int64(row($0)?.claimed ?? 0)) }
        layer.setColumn("events_attributed_or_alleged", type: .integer) { .int(Int64(row($0)?.attributedOrAlleged ?? 0)) }
        layer.setColumn("fatalities_low", type: .integer) { .int(Int64(row($0)?.fatalitiesLow ?? 0)) }
        layer.setColumn("fatalities_high", type: .integer) { .int(Int64(row($0)?.fatalitiesHigh ?? 0)) }
        layer.setColumn("fatalities_high_open", type: .boolean) { .bool(row($0)?.fatalitiesHighOpen ?? false) }
        layer.setColumn("area_km2", type: .real) { .double(area($0).rounded()) }
        layer.setColumn("events_per_1000_km2", type: .real) { feature in
            let a = area(feature)
            return .double(a > 0 ? (Double(row(feature)?.events ?? 0) / a * 1000 * 1000).rounded() / 1000 : 0)
        }
    }

    /// Adds `events`: how many events have the segment as their nearest border segment (null when the
    /// events carry no border measure). The cross-border queries may add more columns with `setColumn`.
    public static func addBorderCounts(to layer: inout FeatureLayer, events: [GeocodedEvent]) {
        let measured = events.contains { $0.border != nil }
        var counts: [String: Int] = [:]
        for item in events { if let segment = item.border?.segment { counts[segment, default: 0] += 1 } }
        layer.setColumn("events", type: .integer) { feature in
            guard measured else { return .null }
            let keys = [feature["name"]?.stringValue, feature["id"]?.stringValue].compactMap { $0 }
            return .int(Int64(keys.lazy.compactMap { counts[$0] }.first ?? 0))
        }
    }

    // MARK: Corridor

    public static func corridorLayer(_ corridor: Corridor) throws -> FeatureLayer {
        FeatureLayer(name: "corridor", geometryType: .multiPolygon, features: [
            Feature(properties: [
                ("name", .string("Near-border corridor")),
                ("width_km", .double(corridor.km)),
                ("label", .string("within \(NumberFormatting.string(corridor.km, decimals: 1)) km of the \(BorderDerivation.label)")),
            ], geometry: corridor.polygon),
        ], description: "Area within a distance of the Afghanistan–Pakistan border (Durand Line)")
    }
}
