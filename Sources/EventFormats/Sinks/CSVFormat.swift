import GeoKit
import EventModel

extension OutputFormat {
    /// RFC 4180 CSV, one layer per file: the layer's columns, then `wkt` when the layer has geometry and no
    /// longitude/latitude columns of its own.
    public static let csv = OutputFormat(name: "CSV", extensions: ["csv"], holdsSeveralLayers: false) { path, options in
        SingleLayerContainer(path: path) { header in try CSVFeatureSink(path: path, header: header, options: options) }
    }
}

/// Writes features as CSV rows in the order of the layer's columns.
final class CSVFeatureSink: RecordEncodingSink {
    private let writer: CSVWriter
    private let encoder: CSVRowEncoder
    private let writesWKT: Bool
    private let decimals: Int

    init(path: String, header: LayerHeader, options: OutputOptions) throws {
        writer = try CSVWriter(path: path, neutralizeFormulas: options.neutralizeFormulas)
        let names = header.schema.names
        encoder = CSVRowEncoder(names: names, neutralizeFormulas: options.neutralizeFormulas)
        decimals = options.coordinateDecimals
        let hasCoordinates = names.contains("longitude") || names.contains("geo_lon") || names.contains("lon")
        writesWKT = header.geometryType != .point ? true : !hasCoordinates
        writer.writeRow(names + (writesWKT ? ["wkt"] : []))
    }

    func write(_ feature: Feature) throws {
        var row = encoder.cells(feature.properties)
        if writesWKT {
            row.append(try feature.geometry.map { try $0.wkt(precision: decimals) } ?? "")
        }
        writer.writeRow(row)
    }

    var recordEncoder: RecordEncoder? { writesWKT ? nil : encoder }

    func write(encoded: [UInt8]) throws { writer.write(encodedRows: encoded) }

    func finish() throws { try writer.finish() }
    func discard() { writer.discard() }
}

/// A record as a CSV row of the layer's columns: each column's value (empty when the record lacks it; the first
/// value when a name repeats), quoted where needed and spreadsheet-safe as `CSVWriter` writes cells.
struct CSVRowEncoder: RecordEncoder {
    let names: [String]
    let neutralizeFormulas: Bool

    func cells(_ properties: [(name: String, value: PropertyValue)]) -> [String] {
        // Records of one layer almost always carry its columns in its order.
        if properties.count == names.count, zip(properties, names).allSatisfy({ $0.name == $1 }) {
            return properties.map(\.value.description)
        }
        var index: [String: Int] = [:]
        for (i, property) in properties.enumerated() where index[property.name] == nil { index[property.name] = i }
        return names.map { name in index[name].map { properties[$0].value.description } ?? "" }
    }

    func append(_ record: [(name: String, value: PropertyValue)], to bytes: inout [UInt8]) {
        if record.count == names.count, zip(record, names).allSatisfy({ $0.name == $1 }) {
            CSVWriter.appendRow(record.lazy.map(\.value.description), neutralizeFormulas: neutralizeFormulas, to: &bytes)
        } else {
            CSVWriter.appendRow(cells(record), neutralizeFormulas: neutralizeFormulas, to: &bytes)
        }
    }
}
