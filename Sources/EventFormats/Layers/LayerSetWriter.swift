import GeoKit
import EventModel

/// Writes a `LayerSet` for GIS import: all layers in one GeoPackage, or one RFC 7946 GeoJSON file per layer.
/// Both formats get the same columns: every feature carries every column of its layer, each column one type.
public enum LayerSetWriter {
    /// Writes every layer into one GeoPackage at `path` (temporary file renamed into place).
    public static func writeGeoPackage(_ set: LayerSet, to path: String) throws {
        let writer = try GeoPackageWriter(path: path)
        do {
            for layer in set.layers { try writer.write(layer) }
            try writer.finish()
        } catch {
            writer.discard()
            throw error
        }
    }

    /// Writes `directory/<layer>.geojson` for each layer (`.geojsons`, RFC 8142, with `textSequence`);
    /// polygon and line layers declared multi are written as MultiPolygon / MultiLineString throughout.
    /// Returns the paths written.
    @discardableResult
    public static func writeGeoJSON(_ set: LayerSet, directory: String, precision: Int = 6,
                                    textSequence: Bool = false) throws -> [String] {
        var written: [String] = []
        for layer in set.layers {
            let path = "\(directory)/\(layer.name).\(textSequence ? "geojsons" : "geojson")"
            try writeGeoJSON(layer, to: path, precision: precision, textSequence: textSequence)
            written.append(path)
        }
        return written
    }

    /// Writes one layer as GeoJSON with its columns normalized (one type per column in every feature).
    public static func writeGeoJSON(_ layer: FeatureLayer, to path: String, precision: Int = 6, textSequence: Bool = false) throws {
        let schema = layer.schema
        let writer = try GeoJSONWriter(path: path, precision: precision, textSequence: textSequence, layerName: layer.name)
        writer.promoteToMulti = layer.geometryType.isMulti
        do {
            for (i, feature) in layer.features.enumerated() {
                var normalized = schema.normalized(feature)
                if let geometry = feature.geometry {
                    normalized.geometry = try layer.geometryType.conform(geometry, layer: "\(path): layer \(layer.name)", index: i + 1)
                }
                try writer.write(normalized)
            }
            try writer.finish()
        } catch {
            writer.discard()
            throw error
        }
    }
}
