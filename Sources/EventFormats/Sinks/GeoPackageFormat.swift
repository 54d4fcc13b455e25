import GeoKit
import EventModel

extension OutputFormat {
    /// OGC GeoPackage 1.3: every layer a table in one SQLite file, EPSG:4326, R-tree indexed.
    public static let geoPackage = OutputFormat(name: "GeoPackage", extensions: ["gpkg"], holdsSeveralLayers: true) { path, _ in
        try GeoPackageWriter(path: path)
    }
}

extension GeoPackageWriter: LayerContainer {
    public func addLayer(_ header: LayerHeader) throws -> FeatureSink {
        try createLayer(name: header.name, geometryType: header.geometryType, schema: header.schema, description: header.description)
    }
}

extension GeoPackageLayerWriter: FeatureSink {
    /// Inserts what is buffered; the package itself is finished by `GeoPackageWriter.finish`.
    public func finish() throws { try flush() }
    /// Nothing to undo for one layer: the package is discarded as a whole.
    public func discard() {}
}
