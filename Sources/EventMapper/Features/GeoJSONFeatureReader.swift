import Foundation
import GeoKit

/// Reads a GeoJSON FeatureCollection (or a single Feature) into features, geometries parsed by GEOS.
public enum GeoJSONFeatureReader {
    public static func read(path: String, in context: GEOSContext) throws -> [Feature] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GeoDataError(file: path, "cannot read the file; check the path and its permissions")
        }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw GeoDataError(file: path, "is not valid JSON (\((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? error)); check that the file is complete")
        }
        guard let object = root as? [String: Any], let type = object["type"] as? String else {
            throw GeoDataError(file: path, "is not a GeoJSON object: the top level needs a \"type\" member")
        }
        let rawFeatures: [Any]
        switch type {
        case "FeatureCollection":
            guard let list = object["features"] as? [Any] else {
                throw GeoDataError(file: path, "FeatureCollection has no \"features\" array")
            }
            rawFeatures = list
        case "Feature":
            rawFeatures = [object]
        default:
            throw GeoDataError(file: path, "top-level GeoJSON type is \"\(type)\"; expected a FeatureCollection or a Feature")
        }
        var features: [Feature] = []
        features.reserveCapacity(rawFeatures.count)
        for (offset, raw) in rawFeatures.enumerated() {
            let location = FeatureLocation(file: path, layer: nil, index: offset + 1)
            guard let feature = raw as? [String: Any], feature["type"] as? String == "Feature" else {
                throw GeoDataError(file: location.description, "is not a GeoJSON Feature object")
            }
            var properties: [(name: String, value: PropertyValue)] = []
            if let props = feature["properties"] as? [String: Any] {
                for key in props.keys.sorted() { properties.append((key, propertyValue(props[key]!))) }
            }
            var geometry: Geometry?
            if let geometryObject = feature["geometry"], !(geometryObject is NSNull) {
                do {
                    let json = try JSONSerialization.data(withJSONObject: geometryObject)
                    geometry = try Geometry(geoJSON: String(decoding: json, as: UTF8.self), in: context)
                } catch {
                    throw GeoDataError(file: location.description + ":geometry", "cannot be read: \(error)")
                }
            }
            features.append(Feature(properties: properties, geometry: geometry))
        }
        return features
    }

    static func propertyValue(_ value: Any) -> PropertyValue {
        switch value {
        case is NSNull: return .null
        case let n as NSNumber:
            switch String(cString: n.objCType) {
            case "c", "B": return .bool(n.boolValue)
            case "f", "d": return .double(n.doubleValue)
            default: return .int(n.int64Value)
            }
        case let s as String: return .string(s)
        default:
            if let data = try? JSONSerialization.data(withJSONObject: value) { return .string(String(decoding: data, as: UTF8.self)) }
            return .string("\(value)")
        }
    }
}
