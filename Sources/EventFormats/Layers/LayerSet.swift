import GeoKit
import EventModel

/// The geometry type a layer declares (GeoPackage `geometry_type_name`). Single parts are promoted to
/// the multi type on writing, so GIS clients see one geometry type per layer.
public enum LayerGeometryType: String, Sendable, CaseIterable {
    case point = "POINT"
    case lineString = "LINESTRING"
    case polygon = "POLYGON"
    case multiPoint = "MULTIPOINT"
    case multiLineString = "MULTILINESTRING"
    case multiPolygon = "MULTIPOLYGON"
    /// Any geometry (a mixed layer).
    case geometry = "GEOMETRY"

    /// The GEOS type written, nil for `geometry`.
    public var geometryType: GeometryType? {
        switch self {
        case .point: .point
        case .lineString: .lineString
        case .polygon: .polygon
        case .multiPoint: .multiPoint
        case .multiLineString: .multiLineString
        case .multiPolygon: .multiPolygon
        case .geometry: nil
        }
    }

    public var isMulti: Bool { [.multiPoint, .multiLineString, .multiPolygon].contains(self) }

    /// The single type that a multi type collects.
    var partType: GeometryType? {
        switch self {
        case .multiPoint: .point
        case .multiLineString: .lineString
        case .multiPolygon: .polygon
        default: nil
        }
    }

    /// `geometry` as this layer stores it: unchanged, or a single part wrapped in its multi type.
    /// Throws when the geometry does not belong in this layer.
    public func conform(_ geometry: Geometry, layer: String, index: Int) throws -> Geometry {
        guard let expected = geometryType else { return geometry }
        var type = geometry.type
        if type == .linearRing { type = .lineString }
        if type == expected { return geometry }
        if geometry.isEmpty { return try Geometry.empty(expected, in: geometry.context) }
        if type == partType { return try Geometry.collection(expected, [geometry], in: geometry.context) }
        throw OutputError(path: layer, "feature \(index) has a \(geometry.type.name) geometry, but the layer holds \(rawValue); give the layer the type GEOMETRY or split it")
    }
}

/// One layer to write: a name (the GeoPackage table and the GeoJSON file name), its features and their geometry type.
public struct FeatureLayer {
    public var name: String
    public var description: String
    public var geometryType: LayerGeometryType
    public var features: [Feature]
    /// Types of columns that may be null in every feature (they join the types observed in the values).
    public var fieldHints: [String: FieldType]
    /// The columns of the layer when it has no feature to learn them from (so an empty layer still has its
    /// columns in a GeoPackage or a PostGIS table); nil: no columns.
    public var emptySchema: LayerSchema?

    public init(name: String, geometryType: LayerGeometryType, features: [Feature], description: String = "",
                fieldHints: [String: FieldType] = [:], emptySchema: LayerSchema? = nil) {
        self.name = name
        self.description = description
        self.geometryType = geometryType
        self.features = features
        self.fieldHints = fieldHints
        self.emptySchema = emptySchema
    }

    /// The columns and their types, one per property name, typed by every feature's values
    /// (`emptySchema` when there are no features).
    public var schema: LayerSchema {
        if features.isEmpty, let emptySchema { return emptySchema }
        return LayerSchema.infer(features, hints: fieldHints)
    }

    /// Sets column `name` of every feature with `value(feature)`, adding the column at the end when new
    /// (for callers that fill counts, e.g. events per border segment).
    public mutating func setColumn(_ name: String, type: FieldType? = nil, _ value: (Feature) throws -> PropertyValue) rethrows {
        if let type { fieldHints[name] = type }
        for i in features.indices {
            let v = try value(features[i])
            if let at = features[i].properties.firstIndex(where: { $0.name == name }) {
                features[i].properties[at].value = v
            } else {
                features[i].properties.append((name, v))
            }
        }
    }
}

/// The layers of one report, written together: one GeoPackage holding them all, or one GeoJSON file each.
/// Callers fill it (`EventLayers.build` makes the standard set) and may add or replace layers.
public struct LayerSet {
    public var layers: [FeatureLayer]

    public init(_ layers: [FeatureLayer] = []) { self.layers = layers }

    public var names: [String] { layers.map(\.name) }

    public subscript(name: String) -> FeatureLayer? {
        get { layers.first { $0.name == name } }
        set {
            let at = layers.firstIndex { $0.name == name }
            switch (at, newValue) {
            case let (at?, layer?): layers[at] = layer
            case let (at?, nil): layers.remove(at: at)
            case let (nil, layer?): layers.append(layer)
            case (nil, nil): break
            }
        }
    }

    /// Adds `layer`, replacing a layer of the same name in place.
    public mutating func set(_ layer: FeatureLayer) { self[layer.name] = layer }
}
