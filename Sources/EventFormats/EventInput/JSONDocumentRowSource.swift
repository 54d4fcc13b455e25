import Foundation
import GeoKit
import EventModel

/// Rows of a GeoJSON FeatureCollection of Point features, a single Feature, or a JSON array of objects.
/// The document is read whole: GeoJSON cannot be split safely without parsing it.
final class JSONDocumentRowSource: RowSource {
    private let path: String
    private let items: [JSONValue]
    private let isGeoJSON: Bool
    private var index = 0
    private(set) var rows: JSONRows
    /// Things worth telling about the document as a whole (a declared non-WGS84 "crs").
    private(set) var notes: [String] = []

    init(path: String, options: ReadOptions) throws {
        self.path = path
        rows = JSONRows(path: path, options: options)
        let data = try WholeFile.read(path: path, hint: "give the events as JSON Lines, a GeoJSON sequence (one feature per line, read as a stream) or CSV")
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }) {
            throw GeoDataError(file: path, "is empty; it needs a GeoJSON FeatureCollection of Point features")
        }
        var parser = JSONParser(bytes: bytes)
        let root: JSONValue
        do { root = try parser.parseDocument() } catch {
            throw GeoDataError(file: "\(path):\(error.line)", "is not valid JSON: \(error.reason)")
        }
        switch root {
        case let .object(object) where object["type"]?.string == "FeatureCollection":
            guard case let .array(features)? = object["features"] else {
                throw GeoDataError(file: "\(path):\(object.line)", "the FeatureCollection has no \"features\" array")
            }
            items = features
            isGeoJSON = true
            if let crs = object["crs"]?.object?["properties"]?.object?["name"]?.string,
               !["CRS84", "EPSG::4326", "EPSG:4326", "CRS:84"].contains(where: { crs.uppercased().hasSuffix($0) }) {
                notes.append("\(path): declares \"crs\" \(crs); events are read as WGS84 longitude/latitude (RFC 7946) — reproject the file to EPSG:4326, e.g. ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson")
            }
        case let .object(object) where object["type"]?.string == "Feature":
            items = [root]
            isGeoJSON = true
        case let .object(object) where object["type"] == nil && object["Result"] != nil:
            // The UCDP API's page: {"TotalCount", "TotalPages", "PreviousPageUrl", "NextPageUrl", "Result": [...]}.
            guard case let .array(records)? = object["Result"] else {
                throw GeoDataError(file: "\(path):\(object.line)", "\"Result\" is not an array of event records")
            }
            items = records
            isGeoJSON = false
            if let next = object["NextPageUrl"]?.string, !next.isEmpty {
                notes.append("\(path): is one page of a paged API answer (TotalCount \(object["TotalCount"]?.columnText ?? "?")); the next page is \(next) — fetch every page and read them all")
            }
        case let .array(list):
            items = list
            isGeoJSON = false
        default:
            throw GeoDataError(file: path, "is neither a GeoJSON FeatureCollection, a JSON array of event objects, nor an API page with a \"Result\" array")
        }
        try checkColumns(options: options)
    }

    /// Refuses the document whole when none of its objects can give a date (or a place), with the words the
    /// CSV header check uses: a file without dates is refused the same way whatever its format.
    private func checkColumns(options: ReadOptions) throws {
        var keys: [String] = []
        var seen = Set<String>()
        var hasGeometry = false
        for item in items {
            guard let object = item.object else { continue }
            let isFeature = object["type"]?.string == "Feature"
            if isFeature, case .object? = object["geometry"] { hasGeometry = true }
            let members = isFeature ? (object["properties"]?.object?.members ?? []) : object.members
            for member in members where seen.insert(member.key).inserted { keys.append(member.key) }
        }
        guard !keys.isEmpty else { return }
        let mapping = ColumnMapping(columns: keys, columnMap: options.columnMap, profile: options.profile)
        try mapping.requirePlaceAndDate(file: path, line: 1, source: isGeoJSON ? "features' properties" : "objects", hasGeometry: hasGeometry)
    }

    func nextRow() -> RowOutcome? {
        guard index < items.count else { return nil }
        let item = items[index]
        index += 1
        let raw = item.compactText
        guard let object = item.object else {
            return .reject(Reject(file: path, line: 0, field: nil, reason: "item \(index) is not a JSON object", category: .invalidJSON, featureIndex: index, raw: raw))
        }
        if !isGeoJSON && object["type"]?.string != "Feature" {
            var row = rows.row(object, raw: raw)
            row.featureIndex = index
            return .row(row)
        }
        return rows.feature(object, number: index, raw: raw)
    }

    /// Notes of the layouts met while reading.
    var rowNotes: [String] { rows.notes }
}
