import GeoKit
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis
import Cartography

/// Writes geocoded events through the output format table, one record per event. A format that holds
/// several layers (GeoPackage) gets two: `events` (the record at the event's point) and `origins` (each
/// event's reported origin, a claim), with typed columns (`EventLayerSchema`); the others get `events`.
final class GeocodedEventSink {
    private let container: LayerContainer
    private let holdsOrigins: Bool
    private let coordinateDecimals: Int
    private var eventsLayer: FeatureSink?
    private var originsLayer: FeatureSink?
    private let context = GEOSContext()

    init(path: String, options: OutputOptions) throws {
        let format = try OutputFormat(path: path)
        container = try format.container(at: path, options: options)
        holdsOrigins = format.holdsSeveralLayers
        coordinateDecimals = options.coordinateDecimals
    }

    func write(_ item: GeocodedEvent) throws {
        let properties = GeocodedEventRecord.properties(item, coordinateDecimals: coordinateDecimals)
        let events = try layers(firstRecord: properties)
        if holdsOrigins {
            try events.write(try EventLayers.eventFeature(item, coordinateDecimals: coordinateDecimals, in: context))
            for origin in try EventLayers.originFeatures(item, in: context) { try originsLayer?.write(origin) }
        } else {
            let point = try item.location.point.map { try Geometry.point($0, in: context) }
            try events.write(Feature(properties: properties, geometry: point))
        }
    }

    /// The layers, created with the first record (its names are the events columns: the input's extra
    /// columns pass through).
    private func layers(firstRecord: [(name: String, value: PropertyValue)]?) throws -> FeatureSink {
        if let eventsLayer { return eventsLayer }
        let schema = firstRecord.map { LayerSchema.from(record: $0, hints: EventLayerSchema.eventHints) } ?? EventLayerSchema.eventSchema
        let events = try container.addLayer(LayerHeader(
            name: "events", geometryType: .point, schema: schema,
            description: "Geocoded events: reported fields (attribution and sources as reported) and geocoding columns"))
        if holdsOrigins {
            originsLayer = try container.addLayer(LayerHeader(
                name: "origins", geometryType: .point, schema: EventLayerSchema.originSchema,
                description: "Origin claims made for events: where a named party asserts the perpetrators came from; claims, not established facts"))
        }
        eventsLayer = events
        return events
    }

    func finish() throws {
        _ = try layers(firstRecord: nil)
        try container.finish()
    }

    func discard() {
        container.discard()
    }
}
