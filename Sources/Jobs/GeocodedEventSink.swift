import GeoKit
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis
import Cartography

/// Writes geocoded events as CSV, GeoJSON, GeoJSON text sequences or a GeoPackage, one record per event.
/// A GeoPackage gets two layers: `events` (the record at the event's point) and `origins` (each event's
/// reported origin, a claim), with typed columns (`EventLayerSchema`).
final class GeocodedEventSink {
    private let csv: CSVWriter?
    private let geoJSON: GeoJSONWriter?
    private let geoPackage: GeoPackageWriter?
    private var eventsLayer: GeoPackageLayerWriter?
    private var originsLayer: GeoPackageLayerWriter?
    private let context = GEOSContext()

    init(path: String, format: GeocodeJob.OutputFormat, precision: Int) throws {
        csv = format == .csv ? try CSVWriter(path: path) : nil
        geoJSON = format == .geoJSON || format == .geoJSONSeq
            ? try GeoJSONWriter(path: path, precision: precision, textSequence: format == .geoJSONSeq, layerName: "events") : nil
        geoPackage = format == .geoPackage ? try GeoPackageWriter(path: path) : nil
    }

    func write(_ item: GeocodedEvent) throws {
        let properties = GeocodedEventRecord.properties(item)
        if let csv { csv.write(properties) }
        if let geoJSON {
            let point = try item.location.point.map { try Geometry.point($0, in: context) }
            try geoJSON.write(Feature(properties: properties, geometry: point))
        }
        if geoPackage != nil {
            let events = try layers(firstRecord: properties).events
            try events.write(try EventLayers.eventFeature(item, in: context))
            if let origin = try EventLayers.originFeature(item, in: context) { try originsLayer?.write(origin) }
        }
    }

    /// The GeoPackage layers, created with the first record (its names are the events columns).
    private func layers(firstRecord: [(name: String, value: PropertyValue)]?) throws -> (events: GeoPackageLayerWriter, origins: GeoPackageLayerWriter) {
        if let eventsLayer, let originsLayer { return (eventsLayer, originsLayer) }
        guard let geoPackage else { throw OutputError(path: "", "no GeoPackage output") }
        let schema = firstRecord.map { LayerSchema.from(record: $0, hints: EventLayerSchema.eventHints) } ?? EventLayerSchema.eventSchema
        let events = try geoPackage.createLayer(name: "events", geometryType: .point, schema: schema,
                                                description: "Geocoded events: reported fields (attribution and sources as reported) and geocoding columns")
        let origins = try geoPackage.createLayer(name: "origins", geometryType: .point, schema: EventLayerSchema.originSchema,
                                                 description: "Reported origins of the groups behind events: claims as reported or asserted, not established facts")
        eventsLayer = events
        originsLayer = origins
        return (events, origins)
    }

    func finish() throws {
        try csv?.finish()
        try geoJSON?.finish()
        if let geoPackage {
            _ = try layers(firstRecord: nil)
            try geoPackage.finish()
        }
    }

    func discard() {
        csv?.discard()
        geoJSON?.discard()
        geoPackage?.discard()
    }
}
