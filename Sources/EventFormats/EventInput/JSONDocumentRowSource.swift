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
    private var rows: JSONRows
    /// Things worth telling about the document as a whole (a declared non-WGS84 "crs").
    private(set) var notes: [String] = []

    init(path: String, columnMap: ColumnMap) throws {
        self.path = path
        rows = JSONRows(path: path, columnMap: columnMap)
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
        case let .array(list):
            items = list
            isGeoJSON = false
        default:
            throw GeoDataError(file: path, "is neither a GeoJSON FeatureCollection nor a JSON array of event objects")
        }
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
        return feature(object, number: index, raw: raw)
    }

    private func feature(_ object: JSONObject, number: Int, raw: String) -> RowOutcome {
        func reject(_ field: String?, _ category: RejectCategory, _ reason: String) -> RowOutcome {
            .reject(Reject(file: path, line: object.line, field: field, reason: "feature \(number): \(reason)",
                           category: category, featureIndex: number, raw: raw))
        }
        guard object["type"]?.string == "Feature" else {
            return reject(nil, .geometry, "is not a GeoJSON Feature (its \"type\" is \(object["type"]?.compactText ?? "missing")); write it as {\"type\": \"Feature\", \"geometry\": …, \"properties\": {…}}")
        }
        var members: [JSONMember] = []
        switch object["properties"] {
        case nil, .null?: break
        case let .object(properties)?: members = properties.members
        default: return reject("properties", .invalidJSON, "\"properties\" must be an object or null")
        }
        if let id = object["id"], !members.contains(where: { EventField(columnName: $0.key) == .eventID }) {
            members.insert(JSONMember(key: "id", value: id), at: 0)
        }
        var point: (lon: String, lat: String)?
        switch object["geometry"] {
        case nil, .null?: break
        case let .object(geometry)?:
            let type = geometry["type"]?.string ?? "missing"
            guard type == "Point" else {
                return reject("geometry", .geometry, "the geometry is a \(type), not a Point; give events as Point features (or a location name in the properties)")
            }
            guard case let .array(position)? = geometry["coordinates"], position.count >= 2,
                  case let .number(lon) = position[0], case let .number(lat) = position[1] else {
                return reject("geometry", .geometry, "Point coordinates must be [longitude, latitude] numbers")
            }
            point = (lon, lat)
        default:
            return reject("geometry", .geometry, "\"geometry\" must be an object or null")
        }
        var row = rows.row(JSONObject(members: members, line: object.line), raw: raw)
        row.featureIndex = number
        if let point {
            for field in [EventField.latitude, .longitude] {
                if let moved = row.values.removeValue(forKey: field) { row.extra.append((ColumnMapping.reservedNames.contains(EventField.normalized(moved.column)) ? "input_" + moved.column : moved.column, moved.text)) }
            }
            row.values[.latitude] = ("geometry", point.lat)
            row.values[.longitude] = ("geometry", point.lon)
            row.fields += [point.lon, point.lat]
        }
        return .row(row)
    }
}
