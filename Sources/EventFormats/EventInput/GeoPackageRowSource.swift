import Foundation
import GeoKit
import EventModel

/// Rows of a GeoPackage feature layer: the `events` layer when the file has one (what `eventmap geocode`
/// writes), else its only layer. Each feature is a row of its attribute columns and its point; the line
/// number is the feature's position in the layer. The layer is read whole through `GeoPackageReader`.
final class GeoPackageRowSource: RowSource {
    private let path: String
    private let features: [Feature]
    private let layer: String
    private var index = 0
    private(set) var rows: JSONRows
    private let context = GEOSContext()

    init(path: String, options: ReadOptions) throws {
        self.path = path
        let reader = try GeoPackageReader(path: path)
        let layers = try reader.layers().map(\.table)
        if layers.contains("events") {
            layer = "events"
        } else if layers.count == 1 {
            layer = layers[0]
        } else {
            throw GeoDataError(file: path, layers.isEmpty ? "has no feature layer of events"
                : "has \(layers.count) feature layers (\(layers.joined(separator: ", "))) and none is named 'events'; export the events layer on its own (ogr2ogr out.gpkg \(path) LAYER)")
        }
        features = try reader.features(layer: layer, in: context)
        rows = JSONRows(path: path, options: options)
        let keys = features.first.map { $0.properties.map(\.name) } ?? []
        if !keys.isEmpty {
            let mapping = ColumnMapping(columns: keys, columnMap: options.columnMap, profile: options.profile)
            try mapping.requirePlaceAndDate(file: "\(path):\(layer)", line: 1, source: "layer's columns",
                                            hasGeometry: features.contains { $0.geometry != nil })
        }
    }

    func nextRow() -> RowOutcome? {
        guard index < features.count else { return nil }
        let feature = features[index]
        index += 1
        let columns = feature.properties.map(\.name)
        let texts = feature.properties.map(\.value.description)
        let raw = zip(columns, texts).map { "\($0)=\($1)" }.joined(separator: "; ")
        var row = RowInput(line: index, columns: columns, fields: texts, mapping: rows.mapping(for: columns), raw: raw)
        row.featureIndex = index
        if let geometry = feature.geometry, !row.geometryIsDerived {
            guard geometry.type == .point, let point = geometry.coordinate else {
                return .reject(Reject(file: path, line: index, field: "geom", reason: "feature \(index): the geometry is a \(geometry.type.name), not a Point; give events as Point features",
                                      category: .geometry, featureIndex: index, raw: raw))
            }
            row.usePoint(lon: String(point.x), lat: String(point.y))
        }
        return .row(row)
    }
}
