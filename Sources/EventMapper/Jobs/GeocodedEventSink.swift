import GeoKit

/// Writes geocoded events as CSV, GeoJSON or GeoJSON text sequences, one record per event.
final class GeocodedEventSink {
    private let csv: CSVWriter?
    private let geoJSON: GeoJSONWriter?
    private let context = GEOSContext()

    init(path: String, format: GeocodeJob.OutputFormat, precision: Int) throws {
        switch format {
        case .csv:
            csv = try CSVWriter(path: path)
            geoJSON = nil
        case .geoJSON, .geoJSONSeq:
            csv = nil
            geoJSON = try GeoJSONWriter(path: path, precision: precision, textSequence: format == .geoJSONSeq, layerName: "events")
        }
    }

    func write(_ item: GeocodedEvent) throws {
        let properties = GeocodedEventRecord.properties(item)
        if let csv { csv.write(properties) }
        if let geoJSON {
            let point = try item.location.point.map { try Geometry.point($0, in: context) }
            try geoJSON.write(Feature(properties: properties, geometry: point))
        }
    }

    func finish() throws {
        try csv?.finish()
        try geoJSON?.finish()
    }

    func discard() {
        csv?.discard()
        geoJSON?.discard()
    }
}
