import Foundation
import GeoKit
import EventModel
import EventFormats

/// What `eventmap geodata import` stored: the provenance of official district outlines.
public struct ImportedLayerInfo: Sendable, Equatable, Codable {
    public var file: String
    public var schema: String
    public var source: String
    public var licence: String
    public var importedAt: String
    public var featureCount: Int
    public var matchedCount: Int

    public var attribution: String { "\(source) (\(licence))" }
}

/// Official district outlines imported from a GeoJSON or GeoPackage file and kept in GeoData/imported/,
/// where every command prefers them to the approximate areas.
public enum ImportedDistricts {
    public static func layerPath(_ geodata: String) -> String { geodata + "/imported/districts.geojson" }
    public static func infoPath(_ geodata: String) -> String { geodata + "/imported/districts.json" }

    /// The stored layer, or nil when nothing was imported.
    static func load(geodata: String, context: GEOSContext) throws -> (units: [AdminUnit], info: ImportedLayerInfo)? {
        let path = layerPath(geodata)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: infoPath(geodata)),
              let info = try? JSONDecoder().decode(ImportedLayerInfo.self, from: data) else {
            throw GeoDataError(file: infoPath(geodata), "is missing or unreadable; run `eventmap geodata import` again or `eventmap geodata import --remove`")
        }
        let features = try GeoJSONFeatureReader.read(path: path, in: context)
        let units = try features.compactMap { feature -> AdminUnit? in
            guard let id = feature["id"]?.stringValue, let geometry = feature.geometry else { return nil }
            return AdminUnit(id: id, name: feature["name"]?.stringValue ?? id, level: .district,
                             provinceID: feature["province_id"]?.stringValue,
                             countryISO3: feature["country_iso3"]?.stringValue ?? "", wkb: try geometry.wkb(), approximate: false)
        }
        return (units, info)
    }

    public static func remove(geodata: String) throws {
        for path in [layerPath(geodata), infoPath(geodata)] where FileManager.default.fileExists(atPath: path) {
            try FileManager.default.removeItem(atPath: path)
        }
    }
}
