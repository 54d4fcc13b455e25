import GeoKit

/// Writes the loaded boundary layers as RFC 7946 GeoJSON: provinces, border segments, districts.
public enum BoundaryLayersExport {
    public static func write(_ data: BoundaryData, gazetteer: Gazetteer, to directory: String) throws -> [String] {
        let layers = try BoundaryFeatures.layers(data, gazetteer: gazetteer, in: GEOSContext())
        return try LayerSetWriter.writeGeoJSON(layers, directory: directory)
    }
}
