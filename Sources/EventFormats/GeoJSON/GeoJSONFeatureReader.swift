import Foundation
import GeoKit
import EventModel

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
                if let problem = geometryProblem(geometryObject) {
                    throw GeoDataError(file: location.description + ":geometry", "cannot be read: \(problem)")
                }
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

    /// What is wrong with the shape of a GeoJSON geometry object, checked before GEOS sees it: GEOS 3.11's
    /// GeoJSON reader reads a position's x and y without checking its length, so `[]` or `[70.4]` in a
    /// ring crashed the process (found by Fuzz/FuzzGeoJSONFeatures). Nil when GEOS may read it.
    static func geometryProblem(_ value: Any, depth: Int = 0) -> String? {
        guard let geometry = value as? [String: Any] else { return "a geometry must be a JSON object" }
        guard let type = geometry["type"] as? String else { return "the geometry has no \"type\"" }
        let nesting: Int
        switch type {
        case "Point": nesting = 0
        case "MultiPoint", "LineString": nesting = 1
        case "Polygon", "MultiLineString": nesting = 2
        case "MultiPolygon": nesting = 3
        case "GeometryCollection":
            guard depth < 8 else { return "geometry collections are nested more than 8 deep" }
            guard let parts = geometry["geometries"] as? [Any] else { return "a GeometryCollection needs a \"geometries\" array" }
            for part in parts { if let problem = geometryProblem(part, depth: depth + 1) { return problem } }
            return nil
        default: return "'\(type)' is not a GeoJSON geometry type"
        }
        guard let coordinates = geometry["coordinates"] else { return "the \(type) has no \"coordinates\"" }
        return positionsProblem(coordinates, nesting: nesting, type: type)
    }

    private static func positionsProblem(_ value: Any, nesting: Int, type: String) -> String? {
        guard let array = value as? [Any] else { return "the coordinates of a \(type) must be nested arrays of [longitude, latitude]" }
        if nesting > 0 {
            for item in array { if let problem = positionsProblem(item, nesting: nesting - 1, type: type) { return problem } }
            return nil
        }
        guard array.count >= 2 else {
            return "a position of the \(type) has \(array.count) number\(array.count == 1 ? "" : "s"); each needs [longitude, latitude]"
        }
        for item in array {
            // `is Bool` is true for the NSNumbers 0 and 1 on Linux; the objCType tells booleans apart.
            guard let number = item as? NSNumber, !["c", "B"].contains(String(cString: number.objCType)), number.doubleValue.isFinite else {
                return "a position of the \(type) holds \(item), not a finite number"
            }
        }
        return nil
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
