import GeoKit
import EventModel
import EventFormats

/// The rows of one layer on their way into PostgreSQL: each feature becomes a COPY text row (hex EWKB
/// geometry, then every column in the layer's order, coerced to its type), sent in buffers of 256 KiB.
/// The container ends the COPY and merges the rows (`finish` here does nothing).
final class PostGISLayerSink: FeatureSink {
    let table: LayerTable
    /// The table the rows are copied into: the layer's own (replace) or a staging table (upsert).
    let destination: String
    let name: String
    private(set) var copied = 0
    private unowned let container: PostGISContainer
    private var rows = CopyTextRows()
    private let columnIndex: [String: Int]
    private static let bufferBytes = 1 << 18

    init(container: PostGISContainer, table: LayerTable, destination: String, name: String) {
        self.container = container
        self.table = table
        self.destination = destination
        self.name = name
        var index: [String: Int] = [:]
        for (i, field) in table.fields.enumerated() where index[field.name] == nil { index[field.name] = i }
        columnIndex = index
    }

    func write(_ feature: Feature) throws {
        try container.activate(self)
        copied += 1
        if let geometry = feature.geometry {
            let stored = try table.geometryType.conform(geometry, layer: "\(table.qualified)", index: copied)
            try rows.appendGeometry(stored, srid: LayerTable.srid)
        } else {
            rows.appendNull()
        }
        var values = [PropertyValue](repeating: .null, count: table.fields.count)
        for (property, value) in feature.properties {
            guard let i = columnIndex[property] else {
                throw PostGISError.invalidValue(location: "layer \(name), feature \(copied)",
                    reason: "property '\(property)' is not a column of the layer (columns: \(table.fields.map(\.name).joined(separator: ", ")))")
            }
            values[i] = table.fields[i].type.coerce(value)
        }
        for (field, value) in zip(table.fields, values) {
            rows.endColumn()
            do {
                try rows.append(value, as: field.type)
            } catch {
                throw PostGISError.invalidValue(location: "layer \(name), feature \(copied), column \(field.name)", reason: error.reason)
            }
        }
        rows.endRow()
        if rows.bytes.count >= Self.bufferBytes { try flush() }
    }

    /// Sends the buffered rows; the layer's COPY must be the active one.
    func flush() throws {
        guard !rows.bytes.isEmpty else { return }
        try container.connection.putCopyData(rows.bytes, during: "copying layer \(name)")
        rows.removeAll()
    }

    /// The container merges and commits every layer.
    func finish() throws {}
    /// The container rolls the whole export back.
    func discard() {}
}
