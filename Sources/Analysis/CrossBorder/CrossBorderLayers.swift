import GeoKit
import EventModel
import EventFormats
import GeoReference
import Geocoding

/// The layers of the cross-border queries, built by the same layer builders as every other output:
/// the corridor, border segments with counts, links with their crossings, and unit aggregates.
public enum CrossBorderLayers {
    public static func nearBorder(_ result: NearBorderResult, reference: PreparedReference) throws -> LayerSet {
        var segments = FeatureLayer(name: "border_segments_counts", geometryType: .multiLineString,
                                    features: try BoundaryFeatures.borderSegments(reference.boundaries, in: reference.context),
                                    description: "Border segments with the events within the corridor nearest to each")
        let counts = Dictionary(uniqueKeysWithValues: result.bySegment.map { ($0.key, $0) })
        func row(_ feature: Feature) -> AggregateRow? { feature["name"]?.stringValue.flatMap { counts[$0] } }
        segments.setColumn("corridor_km", type: .real) { _ in .double(result.km) }
        segments.setColumn("events", type: .integer) { .int(Int64(row($0)?.events ?? 0)) }
        segments.setColumn("fatalities_low", type: .integer) { .int(Int64(row($0)?.fatalitiesLow ?? 0)) }
        segments.setColumn("fatalities_high", type: .integer) { .int(Int64(row($0)?.fatalitiesHigh ?? 0)) }
        segments.setColumn("fatalities_high_open", type: .boolean) { .bool(row($0)?.fatalitiesHighOpen ?? false) }
        let corridor = try EventLayers.corridorLayer(EventLayers.Corridor(polygon: result.corridor, km: result.km))
        return LayerSet([corridor, segments])
    }

    public static func links(_ result: LinksResult) throws -> LayerSet {
        let context = GEOSContext()
        return LayerSet([
            try EventLayers.linksLayer(result.links, in: context),
            try EventLayers.crossingsLayer(result.links, in: context),
        ])
    }

    public static func aggregates(_ rows: [AggregateRow], by key: AggregateKey, reference: PreparedReference) throws -> LayerSet {
        let layers = try BoundaryFeatures.layers(reference.boundaries, gazetteer: reference.gazetteer, in: reference.context)
        let source: String
        switch key {
        case .district: source = "districts"
        case .province: source = "provinces"
        default: return LayerSet()
        }
        guard var layer = layers[source] else { return LayerSet() }
        layer.name = "\(key.rawValue)_aggregates"
        EventLayers.addAggregates(to: &layer, rows: rows, aggregation: try Aggregation(reference))
        return LayerSet([layer])
    }
}
