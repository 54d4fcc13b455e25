import GeoKit
import EventModel

/// Writes a `LayerSet` for GIS import through the output format table: all layers in one file when the
/// format holds several (GeoPackage), otherwise one file per layer. Every format gets the same columns:
/// every feature carries every column of its layer, each column one type.
public enum LayerSetWriter {
    /// Writes every layer into `path`, a file of a format that holds several layers (GeoPackage).
    public static func write(_ set: LayerSet, to path: String, options: OutputOptions = OutputOptions()) throws {
        let format = try OutputFormat(path: path)
        guard format.holdsSeveralLayers else {
            throw OutputError(path: path, "\(format.name) holds one layer per file; write the layers into a folder, or to a .gpkg")
        }
        try write(set.layers, into: format.container(at: path, options: options))
    }

    /// Writes `directory/<layer>.<extension>` for each layer. Returns the paths written.
    @discardableResult
    public static func write(_ set: LayerSet, directory: String, format: OutputFormat,
                             options: OutputOptions = OutputOptions()) throws -> [String] {
        if format.holdsSeveralLayers {
            let path = "\(directory)/layers.\(format.extensions[0])"
            try write(set, to: path, options: options)
            return [path]
        }
        var written: [String] = []
        for layer in set.layers {
            let path = "\(directory)/\(layer.name).\(format.extensions[0])"
            try write([layer], into: format.container(at: path, options: options))
            written.append(path)
        }
        return written
    }

    private static func write(_ layers: [FeatureLayer], into container: LayerContainer) throws {
        do {
            for layer in layers { try container.write(layer) }
            try container.finish()
        } catch {
            container.discard()
            throw error
        }
    }
}
