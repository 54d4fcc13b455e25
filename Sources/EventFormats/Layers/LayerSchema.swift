import GeoKit
import EventModel
/// The type of an attribute column, as GIS formats carry it: GeoPackage TEXT / INTEGER / REAL / BOOLEAN,
/// GeoJSON string / integer / number / boolean.
public enum FieldType: String, Sendable, CaseIterable {
    case text, integer, real, boolean

    /// The column type in a GeoPackage feature table.
    public var sqlType: String {
        switch self {
        case .text: "TEXT"
        case .integer: "INTEGER"
        case .real: "REAL"
        case .boolean: "BOOLEAN"
        }
    }

    /// The type a non-null value asks for; nil for null.
    public static func of(_ value: PropertyValue) -> FieldType? {
        switch value {
        case .null: nil
        case .bool: .boolean
        case .int: .integer
        case .double: .real
        case .string: .text
        }
    }

    /// The narrowest type that holds values of both: integers and reals make REAL, anything else mixed makes TEXT.
    public func merged(with other: FieldType) -> FieldType {
        if self == other { return self }
        if [self, other].allSatisfy({ $0 == .integer || $0 == .real }) { return .real }
        return .text
    }

    /// `value` as this type: integers widen to reals, whole reals narrow to integers, anything becomes text
    /// in a TEXT column. A value that cannot be converted (text in a REAL column) is returned unchanged.
    public func coerce(_ value: PropertyValue) -> PropertyValue {
        switch (self, value) {
        case (_, .null): return .null
        case (.text, .string): return value
        case (.text, .double(let d)): return d.isFinite ? .string(String(d)) : .null
        case (.text, _): return .string(value.description)
        case (.integer, .int): return value
        case (.integer, .bool(let b)): return .int(b ? 1 : 0)
        case (.integer, .double(let d)):
            if d.isFinite, d == d.rounded(), abs(d) < 9.2e18 { return .int(Int64(d)) }
            return d.isFinite ? value : .null
        case (.integer, .string(let s)): return Int64(s).map { .int($0) } ?? value
        case (.real, .double(let d)): return d.isFinite ? value : .null
        case (.real, .int(let i)): return .double(Double(i))
        case (.real, .bool(let b)): return .double(b ? 1 : 0)
        case (.real, .string(let s)): return Double(s).map { .double($0) } ?? value
        case (.boolean, .bool): return value
        case (.boolean, .int(let i)) where i == 0 || i == 1: return .bool(i == 1)
        case (.boolean, .string(let s)) where s == "true" || s == "false": return .bool(s == "true")
        case (.boolean, _): return value
        }
    }
}

/// A named, typed attribute column.
public struct FieldDefinition: Sendable, Hashable {
    public var name: String
    public var type: FieldType
    public init(_ name: String, _ type: FieldType) {
        self.name = name
        self.type = type
    }
}

/// The attribute columns of a layer, in order. GIS clients read a layer as one table, so every feature is
/// written with every column, and a column keeps one type in every feature (`normalized`).
public struct LayerSchema: Sendable, Equatable {
    public var fields: [FieldDefinition]

    public init(_ fields: [FieldDefinition]) { self.fields = fields }

    /// Columns in order of first appearance; each typed by its non-null values (integer and real make real,
    /// anything else mixed makes text). `hints` type columns that are null in every feature and join the
    /// observed type of the others.
    public static func infer(_ features: [Feature], hints: [String: FieldType] = [:]) -> LayerSchema {
        var order: [String] = []
        var types: [String: FieldType?] = [:]
        for feature in features {
            for (name, value) in feature.properties {
                if types[name] == nil {
                    order.append(name)
                    types[name] = .some(hints[name])
                }
                if let observed = FieldType.of(value) {
                    types[name] = .some(types[name]!.map { $0.merged(with: observed) } ?? observed)
                }
            }
        }
        return LayerSchema(order.map { FieldDefinition($0, (types[$0] ?? nil) ?? .text) })
    }

    /// Columns from one record's names (streaming: the first record), typed by the values given and by `hints`.
    public static func from(record: [(name: String, value: PropertyValue)], hints: [String: FieldType]) -> LayerSchema {
        infer([Feature(properties: record, geometry: nil)], hints: hints)
    }

    public var names: [String] { fields.map(\.name) }

    /// The feature with exactly this schema's columns in this order (missing ones null, unknown ones dropped)
    /// and every value coerced to its column's type.
    public func normalized(_ feature: Feature) -> Feature {
        var values: [String: PropertyValue] = [:]
        for (name, value) in feature.properties where values[name] == nil { values[name] = value }
        return Feature(properties: fields.map { ($0.name, $0.type.coerce(values[$0.name] ?? .null)) }, geometry: feature.geometry)
    }
}
