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

    /// Creates the layers from the first event (its record's names are the events columns) if not yet done.
    func begin(with first: GeocodedEvent) throws {
        _ = try layers(firstRecord: GeocodedEventRecord.properties(first, coordinateDecimals: coordinateDecimals))
    }

    /// Set once the layers exist, when the events layer's format encodes records on the workers (CSV).
    var encoder: GeocodedEventEncoder? {
        guard !holdsOrigins, let sink = eventsLayer as? RecordEncodingSink, let records = sink.recordEncoder else { return nil }
        return GeocodedEventEncoder(records: records, coordinateDecimals: coordinateDecimals)
    }

    /// Writes events that `encoder` encoded, in order.
    func write(encoded: [UInt8]) throws {
        guard let sink = eventsLayer as? RecordEncodingSink else { preconditionFailure("encoded events need an encoding sink") }
        try sink.write(encoded: encoded)
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

/// Encodes geocoded events as the events layer's records, on the worker that geocoded them.
struct GeocodedEventEncoder: Sendable {
    let records: RecordEncoder
    let coordinateDecimals: Int

    func append(_ item: GeocodedEvent, to bytes: inout [UInt8]) {
        records.append(GeocodedEventRecord.properties(item, coordinateDecimals: coordinateDecimals), to: &bytes)
    }
}
