import GeoKit
import EventModel

/// Where the features of one layer go, in order. A sink writes to a temporary file: `finish` puts it in
/// place, `discard` leaves nothing behind.
public protocol FeatureSink: AnyObject {
    func write(_ feature: Feature) throws
    func finish() throws
    func discard()
}

/// A sink whose records can be encoded on any thread (by the workers that produce them) and written later, in
/// order, as bytes: the same file as writing the features one by one.
public protocol RecordEncodingSink: FeatureSink {
    /// Nil when this layer's features need more than their properties (a geometry column, say).
    var recordEncoder: RecordEncoder? { get }
    /// Writes records encoded by `recordEncoder`, in the order given.
    func write(encoded: [UInt8]) throws
}

/// Encodes the records of one layer as the layer's sink writes them; safe to use from any thread.
public protocol RecordEncoder: Sendable {
    func append(_ record: [(name: String, value: PropertyValue)], to bytes: inout [UInt8])
}

/// What a layer is before its first feature arrives: enough for any format to write its header.
public struct LayerHeader: Sendable {
    public var name: String
    public var geometryType: LayerGeometryType
    public var schema: LayerSchema
    public var description: String

    public init(name: String, geometryType: LayerGeometryType, schema: LayerSchema, description: String = "") {
        self.name = name
        self.geometryType = geometryType
        self.schema = schema
        self.description = description
    }
}

/// How values are written, the same for every format.
public struct OutputOptions: Sendable {
    /// Decimals of coordinates (GeoJSON positions, CSV longitude/latitude columns, GeoPackage is binary and exact).
    public var coordinateDecimals = 6
    /// Spreadsheet-safe CSV cells (see `CSVCell`); false writes every cell exactly as given.
    public var neutralizeFormulas = true

    public init(coordinateDecimals: Int = 6, neutralizeFormulas: Bool = true) {
        self.coordinateDecimals = coordinateDecimals
        self.neutralizeFormulas = neutralizeFormulas
    }
}

/// A file that receives one or more layers. Single-layer formats take one layer per file; a GeoPackage
/// takes them all. The container finishes (or discards) the sinks it made.
public protocol LayerContainer: AnyObject {
    /// A sink for a new layer; every feature written to it must fit `header`.
    func addLayer(_ header: LayerHeader) throws -> FeatureSink
    /// Finishes every layer and puts the file(s) in place.
    func finish() throws
    func discard()
}

extension LayerContainer {
    /// Writes a whole layer, its columns normalised so that every feature carries every column with one type.
    public func write(_ layer: FeatureLayer) throws {
        let schema = layer.schema
        let sink = try addLayer(LayerHeader(name: layer.name, geometryType: layer.geometryType, schema: schema,
                                            description: layer.description))
        for (i, feature) in layer.features.enumerated() {
            var normalized = schema.normalized(feature)
            if let geometry = feature.geometry {
                normalized.geometry = try layer.geometryType.conform(geometry, layer: layer.name, index: i + 1)
            }
            try sink.write(normalized)
        }
    }
}
