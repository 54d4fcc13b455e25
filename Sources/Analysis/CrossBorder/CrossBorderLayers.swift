import GeoKit
import EventModel
import EventFormats
import GeoReference
import Geocoding

/// GeoJSON layers of the cross-border queries, built by the same layer builders as every other output:
/// the corridor, border segments with counts, links with their crossings, and unit aggregates.
public enum CrossBorderLayers {
    public static func nearBorder(_ result: NearBorderResult, boundaries: BoundaryData, into directory: String) throws -> [String] {
        let context = result.corridor.context
        var segments = FeatureLayer(name: "border_segments_counts", geometryType: .multiLineString,
                                    features: try BoundaryFeatures.borderSegments(boundaries, in: context),
                                    description: "Border segments with the events within the corridor nearest to each")
        let counts = Dictionary(uniqueKeysWithValues: result.bySegment.map { ($0.key, $0) })
        func row(_ feature: Feature) -> AggregateRow? { feature["name"]?.stringValue.flatMap { counts[$0] } }
        segments.setColumn("corridor_km", type: .real) { _ in .double(result.km) }
        segments.setColumn("events", type: .integer) { .int(Int64(row($0)?.events ?? 0)) }
        segments.setColumn("fatalities_low", type: .integer) { .int(Int64(row($0)?.fatalitiesLow ?? 0)) }
        segments.setColumn("fatalities_high", type: .integer) { .int(Int64(row($0)?.fatalitiesHigh ?? 0)) }
        segments.setColumn("fatalities_high_open", type: .boolean) { .bool(row($0)?.fatalitiesHighOpen ?? false) }
        let corridor = try EventLayers.corridorLayer(EventLayers.Corridor(polygon: result.corridor, km: result.km))
        return try LayerSetWriter.writeGeoJSON(LayerSet([corridor, segments]), directory: directory)
    }

    public static func links(_ result: LinksResult, into directory: String) throws -> [String] {
        let context = GEOSContext()
        return try LayerSetWriter.writeGeoJSON(LayerSet([
            try EventLayers.linksLayer(result.links, in: context),
            try EventLayers.crossingsLayer(result.links, in: context),
        ]), directory: directory)
    }

    public static func aggregates(_ rows: [AggregateRow], by key: AggregateKey, boundaries: BoundaryData,
                                  gazetteer: Gazetteer, into directory: String) throws -> [String] {
        let context = GEOSContext()
        let layers = try BoundaryFeatures.layers(boundaries, gazetteer: gazetteer, in: context)
        let source: String
        switch key {
        case .district: source = "districts"
        case .province: source = "provinces"
        default: return []
        }
        guard var layer = layers[source] else { return [] }
        layer.name = "\(key.rawValue)_aggregates"
        EventLayers.addAggregates(to: &layer, rows: rows, aggregation: try Aggregation(boundaries: boundaries))
        return try LayerSetWriter.writeGeoJSON(LayerSet([layer]), directory: directory)
    }
}
