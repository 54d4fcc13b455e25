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
        return set
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
                     features: try events.compactMap { try originFeature($0, in: context) },
                     description: "Reported origins of the groups behind events: claims as reported or asserted, not established facts",
                     fieldHints: EventLayerSchema.originHints, emptySchema: EventLayerSchema.originSchema)
    }

    /// What an origin point is, in words carried with it.
    public static func originClaim(_ source: String?) -> String {
        switch source {
        case "event": "origin as reported for this event: a claim by the source, not verified"
        case "group_reported": "the group's reported origin as asserted by sources, not established for this event"
        default: "reported origin: a claim, not verified"
        }
    }

    /// The origin of an event's group as a point feature, or nil when the event has no origin.
    /// An origin that could not be placed is kept, without geometry.
    public static func originFeature(_ item: GeocodedEvent, in context: GEOSContext) throws -> Feature? {
        guard let origin = item.origin else { return nil }
        func text(_ s: String?) -> PropertyValue { s.map { .string($0) } ?? .null }
        let properties: [(name: String, value: PropertyValue)] = claimProperties(item) + [
            ("origin_text", text(item.originText)),
            ("adm2_id", text(origin.adm2ID)),
            ("adm2_name", text(origin.adm2Name)),
            ("adm1_id", text(origin.adm1ID)),
            ("adm1_name", text(origin.adm1Name)),
            ("adm0_iso3", text(origin.adm0ISO3)),
            ("geo_precision", origin.precision.map { .int(Int64($0)) } ?? .null),
            ("geo_method", .string(origin.method)),
            ("geo_confidence", .double((origin.confidence * 100).rounded() / 100)),
            ("geo_approximate", .bool(origin.approximate)),
            ("geo_notes", text(origin.notes.isEmpty ? nil : origin.notes.joined(separator: "; "))),
            ("event_adm0_iso3", text(item.location.adm0ISO3)),
            ("cross_border", item.crossBorder.map { .bool($0) } ?? .null),
        ]
        return Feature(properties: properties, geometry: try origin.point.map { try Geometry.point($0, in: context) })
    }

    /// The columns that say whose claim an origin or link is: event, group, attribution and origin source.
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
            ("attributed_by", text(e.attributedBy)),
            ("origin_source", text(item.originSource)),
            ("origin_claim", .string(originClaim(item.originSource))),
        ]
    }

    // MARK: Links

    public static func linksLayer(_ links: [(link: Link, item: GeocodedEvent)], in context: GEOSContext) throws -> FeatureLayer {
        FeatureLayer(name: "links", geometryType: .lineString,
                     features: try links.map { try linkFeature($0.link, $0.item, in: context) },
                     description: "Geodesic lines from a group's reported origin (a claim) to the event, with their border crossings",
                     fieldHints: EventLayerSchema.linkHints, emptySchema: EventLayerSchema.linkSchema)
    }

    /// The link as its geodesic polyline, with where it crosses the border.
    public static func linkFeature(_ link: Link, _ item: GeocodedEvent, in context: GEOSContext) throws -> Feature {
        let e = item.event
        func text(_ s: String?) -> PropertyValue { s.map { .string($0) } ?? .null }
        return Feature(properties: claimProperties(item) + [
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
                    ("event_id", .string(link.eventID)), ("crossing", .int(Int64(index + 1))),
                    ("segment", .string(link.crossedSegments[index])),
                    ("group_name", item.groupName.map { .string($0) } ?? .null),
                    ("attribution", .string(link.attribution.rawValue)), ("cross_border", .bool(link.crossBorder)),
                    ("origin_claim", .string(originClaim(item.originSource))),
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
