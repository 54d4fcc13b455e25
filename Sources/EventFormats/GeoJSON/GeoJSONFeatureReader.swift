import Foundation
import GeoKit
import EventModel

/// Reads a GeoJSON FeatureCollection (or a single Feature) into features, geometries parsed by GEOS.
public enum GeoJSONFeatureReader {
    public static func read(path: String, in context: GEOSContext) throws -> [Feature] {
        var features: [Feature] = []
        for (offset, raw) in try rawFeatures(path: path).enumerated() {
            let location = FeatureLocation(file: path, layer: nil, index: offset + 1)
            let (properties, geometryObject) = try parts(of: raw, at: location)
            var geometry: Geometry?
            if let geometryObject {
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

    /// Reads like `read`, but a geometry GEOS refuses does not stop the reading: a Polygon or MultiPolygon
    /// whose rings GEOS will not build (unclosed, fewer than 4 positions) comes back as its rings, as written;
    /// any other unreadable geometry comes back as the reason. The file itself must still be GeoJSON.
    public static func readLenient(path: String, in context: GEOSContext) throws -> [LenientFeature] {
        var features: [LenientFeature] = []
        for (offset, raw) in try rawFeatures(path: path).enumerated() {
            let location = FeatureLocation(file: path, layer: nil, index: offset + 1)
            let (properties, geometryObject) = try parts(of: raw, at: location)
            var lenient = LenientFeature(feature: Feature(properties: properties, geometry: nil), location: location)
            if let geometryObject {
                if let problem = geometryProblem(geometryObject) {
                    lenient.problem = LenientFeature.Problem(location: location.description + ":geometry", message: "cannot be read: \(problem)")
                } else {
                    do {
                        let json = try JSONSerialization.data(withJSONObject: geometryObject)
                        lenient.feature.geometry = try Geometry(geoJSON: String(decoding: json, as: UTF8.self), in: context)
                    } catch {
                        lenient.problem = LenientFeature.Problem(location: location.description + ":geometry", message: "cannot be read: \(error)")
                        lenient.rings = polygonRings(geometryObject)
                    }
                }
            }
            features.append(lenient)
        }
        return features
    }

    /// The positions of a Polygon or MultiPolygon object already checked by `geometryProblem`: polygons → rings → positions.
    static func polygonRings(_ value: Any) -> [[[Coordinate]]]? {
        guard let geometry = value as? [String: Any], let type = geometry["type"] as? String,
              let coordinates = geometry["coordinates"] as? [Any] else { return nil }
        func ring(_ value: Any) -> [Coordinate] {
            (value as? [Any] ?? []).compactMap { position in
                guard let numbers = position as? [Any], numbers.count >= 2,
                      let x = numbers[0] as? NSNumber, let y = numbers[1] as? NSNumber else { return nil }
                return Coordinate(x.doubleValue, y.doubleValue)
            }
        }
        func polygon(_ value: Any) -> [[Coordinate]] { (value as? [Any] ?? []).map(ring) }
        switch type {
        case "Polygon": return [polygon(coordinates)]
        case "MultiPolygon": return coordinates.map(polygon)
        default: return nil
        }
    }

    /// The features of a FeatureCollection (or the one Feature) as parsed JSON.
    private static func rawFeatures(path: String) throws -> [Any] {
        let data = try WholeFile.read(path: path, hint: "clip it to the area or simplify it first (ogr2ogr -clipsrc, -simplify)")
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
        return rawFeatures
    }

    /// A Feature object's properties (sorted by name) and its geometry object (nil when null or absent).
    private static func parts(of raw: Any, at location: FeatureLocation) throws -> ([(name: String, value: PropertyValue)], Any?) {
        guard let feature = raw as? [String: Any], feature["type"] as? String == "Feature" else {
            throw GeoDataError(file: location.description, "is not a GeoJSON Feature object")
        }
        var properties: [(name: String, value: PropertyValue)] = []
        if let props = feature["properties"] as? [String: Any] {
            for key in props.keys.sorted() { properties.append((key, propertyValue(props[key]!))) }
        }
        guard let geometryObject = feature["geometry"], !(geometryObject is NSNull) else { return (properties, nil) }
        return (properties, geometryObject)
    }

    /// What is wrong with the shape of a GeoJSON geometry object, checked before GEOS sees it: GEOS 3.11's
    /// GeoJSON reader reads a position's x and y without checking its length, so `[]` or `[70.4]` in a
    /// ring crashed the process (found by Fuzz/FuzzGeoJSONFeatures). Also refuses a geometry of more than
    /// `maxPositions` positions (the geometry limit, docs/LIMITS.md). Nil when GEOS may read it.
    static func geometryProblem(_ value: Any, maxPositions: Int = InputLimits.current.geometryPositions) -> String? {
        var positions = 0
        if let problem = geometryProblem(value, depth: 0, positions: &positions, maxPositions: maxPositions) { return problem }
        if positions > maxPositions {
            return "the geometry has \(positions) positions, more than \(maxPositions) (the geometry limit); simplify it first (ogr2ogr -simplify), \(InputLimits.advice(positions: maxPositions))"
        }
        return nil
    }

    private static func geometryProblem(_ value: Any, depth: Int, positions: inout Int, maxPositions: Int) -> String? {
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
            for part in parts { if let problem = geometryProblem(part, depth: depth + 1, positions: &positions, maxPositions: maxPositions) { return problem } }
            return nil
        default: return "'\(type)' is not a GeoJSON geometry type"
        }
        guard let coordinates = geometry["coordinates"] else { return "the \(type) has no \"coordinates\"" }
        return positionsProblem(coordinates, nesting: nesting, type: type, positions: &positions, maxPositions: maxPositions)
    }

    private static func positionsProblem(_ value: Any, nesting: Int, type: String, positions: inout Int, maxPositions: Int) -> String? {
        guard let array = value as? [Any] else { return "the coordinates of a \(type) must be nested arrays of [longitude, latitude]" }
        if nesting > 0 {
            for item in array {
                if let problem = positionsProblem(item, nesting: nesting - 1, type: type, positions: &positions, maxPositions: maxPositions) { return problem }
                if positions > maxPositions { return nil }
            }
            return nil
        }
        positions += 1
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

/// A feature read by a lenient reader (`GeoJSONFeatureReader.readLenient`, `GeoPackageReader.lenientFeatures`):
/// its geometry when GEOS read it; otherwise why not and, for a Polygon or MultiPolygon, its rings as written
/// (polygons → rings → positions), so that an importer can close or drop the rings GEOS refused.
public struct LenientFeature {
    public struct Problem: Sendable, Equatable {
        /// Where, as the strict reader says it ("file:feature 3:geometry", "file:layer:feature 3").
        public var location: String
        public var message: String
        public var description: String { "\(location): \(message)" }

        public init(location: String, message: String) {
            self.location = location
            self.message = message
        }
    }

    public var feature: Feature
    public var location: FeatureLocation
    /// Why GEOS did not read the geometry; nil when it did (or there is none).
    public var problem: Problem?
    /// The rings of a Polygon or MultiPolygon GEOS refused, as written.
    public var rings: [[[Coordinate]]]?

    public init(feature: Feature, location: FeatureLocation, problem: Problem? = nil, rings: [[[Coordinate]]]? = nil) {
        self.feature = feature
        self.location = location
        self.problem = problem
        self.rings = rings
    }

    public subscript(name: String) -> PropertyValue? { feature[name] }
}
