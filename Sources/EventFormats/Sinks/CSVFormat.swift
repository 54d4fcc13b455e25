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
final class CSVFeatureSink: FeatureSink {
    private let writer: CSVWriter
    private let names: [String]
    private let writesWKT: Bool
    private let decimals: Int

    init(path: String, header: LayerHeader, options: OutputOptions) throws {
        writer = try CSVWriter(path: path, neutralizeFormulas: options.neutralizeFormulas)
        names = header.schema.names
        decimals = options.coordinateDecimals
        let hasCoordinates = names.contains("longitude") || names.contains("geo_lon") || names.contains("lon")
        writesWKT = header.geometryType != .point ? true : !hasCoordinates
        writer.writeRow(names + (writesWKT ? ["wkt"] : []))
    }

    func write(_ feature: Feature) throws {
        var row: [String] = []
        row.reserveCapacity(names.count + 1)
        var index: [String: Int] = [:]
        for (i, property) in feature.properties.enumerated() where index[property.name] == nil { index[property.name] = i }
        for name in names {
            row.append(index[name].map { feature.properties[$0].value.description } ?? "")
        }
        if writesWKT {
            row.append(try feature.geometry.map { try $0.wkt(precision: decimals) } ?? "")
        }
        writer.writeRow(row)
    }

    func finish() throws { try writer.finish() }
    func discard() { writer.discard() }
}
