import GeoKit

/// A value of a feature attribute as GIS formats carry them.
public enum PropertyValue: Hashable, Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)

    public var description: String {
        switch self {
        case .null: ""
        case let .bool(b): b ? "true" : "false"
        case let .int(i): String(i)
        case let .double(d): String(d)
        case let .string(s): s
        }
    }

    public var stringValue: String? {
        switch self {
        case .null: nil
        case let .string(s): s.isEmpty ? nil : s
        default: description
        }
    }
}

/// Attributes plus a geometry, read from or written to a GIS layer.
public struct Feature {
    public var properties: [(name: String, value: PropertyValue)]
    public var geometry: Geometry?

    public init(properties: [(name: String, value: PropertyValue)], geometry: Geometry?) {
        self.properties = properties
        self.geometry = geometry
    }

    public subscript(name: String) -> PropertyValue? {
        properties.first { $0.name == name }?.value
    }

    /// A property looked up without regard to case, for schemas that differ only in case.
    public func value(caseInsensitive name: String) -> PropertyValue? {
        let lowered = name.lowercased()
        return properties.first { $0.name.lowercased() == lowered }?.value
    }
}

/// Where a feature came from, for messages that say where (file:feature:field).
public struct FeatureLocation: CustomStringConvertible, Sendable {
    public let file: String
    public let layer: String?
    public let index: Int

    public init(file: String, layer: String?, index: Int) {
        self.file = file
        self.layer = layer
        self.index = index
    }
    public var description: String {
        layer.map { "\(file):\($0):feature \(index)" } ?? "\(file):feature \(index)"
    }
}
