import GeoKit
import EventModel

extension OutputFormat {
    /// RFC 7946 GeoJSON, one FeatureCollection (one layer) per file.
    public static let geoJSON = OutputFormat(name: "GeoJSON", extensions: ["geojson", "json"], holdsSeveralLayers: false) { path, options in
        SingleLayerContainer(path: path) { header in
            try GeoJSONWriter(path: path, header: header, options: options, textSequence: false)
        }
    }

    /// RFC 8142 GeoJSON text sequence: one RS-prefixed feature per line, for streaming.
    public static let geoJSONSeq = OutputFormat(name: "GeoJSON text sequence", extensions: ["geojsons", "geojsonseq", "geojsonl"],
                                                holdsSeveralLayers: false) { path, options in
        SingleLayerContainer(path: path) { header in
            try GeoJSONWriter(path: path, header: header, options: options, textSequence: true)
        }
    }
}

extension GeoJSONWriter: FeatureSink {
    convenience init(path: String, header: LayerHeader, options: OutputOptions, textSequence: Bool) throws {
        try self.init(path: path, precision: options.coordinateDecimals, textSequence: textSequence, layerName: header.name)
        promoteToMulti = header.geometryType.isMulti
    }
}
