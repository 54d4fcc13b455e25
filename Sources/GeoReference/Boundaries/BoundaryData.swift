import Foundation
import GeoKit
import EventModel
import EventFormats

/// An administrative unit's outline, kept as WKB so it can be handed to any worker's GEOS context.
public struct AdminUnit: Sendable {
    public enum Level: String, Sendable { case district, province, country }
    public let id: String
    public let name: String
    public let level: Level
    public let provinceID: String?
    public let countryISO3: String
    public let wkb: [UInt8]
    /// True for district areas estimated from headquarters points (Voronoi), not official outlines.
    public let approximate: Bool
}

public struct BorderSegmentData: Sendable {
    public let id: String
    public let name: String
    public let afghanProvince: String
    public let pakistaniProvince: String
    public let wkb: [UInt8]
    /// Half-width of the band within which the candidate lines of this segment disagree (km, measured in
    /// GeoData/NOTES-border.md); a point this close to the line has an uncertain side.
    public let uncertaintyKm: Double

    public init(id: String, name: String, afghanProvince: String, pakistaniProvince: String, wkb: [UInt8], uncertaintyKm: Double = 0) {
        self.id = id
        self.name = name
        self.afghanProvince = afghanProvince
        self.pakistaniProvince = pakistaniProvince
        self.wkb = wkb
        self.uncertaintyKm = uncertaintyKm
    }
}

/// Where the district outlines come from.
public enum DistrictSource: Sendable, Equatable {
    /// No outlines: Voronoi cells of the headquarters inside their province.
    case approximate
    /// The official outlines shipped in GeoData/boundaries/districts.geojson (some districts approximated
    /// inside their official parent, each flagged).
    case shipped
    /// Outlines imported by the user (`eventmap geodata import`), over the shipped ones.
    case official(ImportedLayerInfo)

    public var isApproximate: Bool { self == .approximate }
}

/// All boundary layers, loaded once from GeoData/ and shared by every worker.
public struct BoundaryData: Sendable {
    public let districts: [AdminUnit]
    public let provinces: [AdminUnit]
    public let countries: [AdminUnit]
    public let borderSegments: [BorderSegmentData]
    public let districtSource: DistrictSource
    public let sources: [String]

    /// Loads every layer; official district outlines imported into GeoData/imported/ win over approximate ones
    /// unless `useImported` is false.
    public static func load(geodata directory: String, gazetteer: Gazetteer, useImported: Bool = true) throws -> BoundaryData {
        let context = GEOSContext()
        let provinceFeatures = try PolygonLayerReader.read(path: directory + "/boundaries/provinces.geojson", in: context)
        var provinces: [AdminUnit] = []
        var provinceShapes: [String: Geometry] = [:]
        for feature in provinceFeatures {
            guard let id = feature["id"]?.stringValue, let geometry = feature.geometry,
                  let province = gazetteer.province(id: id) else { continue }
            provinceShapes[id] = geometry
            provinces.append(AdminUnit(id: id, name: province.name, level: .province, provinceID: id,
                                       countryISO3: province.countryISO3, wkb: try geometry.wkb(), approximate: false))
        }
        let countryFeatures = try PolygonLayerReader.read(path: directory + "/boundaries/countries.geojson", in: context)
        let countries = try countryFeatures.compactMap { feature -> AdminUnit? in
            guard let iso3 = feature["iso3"]?.stringValue, let geometry = feature.geometry else { return nil }
            return AdminUnit(id: iso3, name: feature["name"]?.stringValue ?? iso3, level: .country, provinceID: nil,
                             countryISO3: iso3, wkb: try geometry.wkb(), approximate: false)
        }
        let borderFeatures = try LineLayerReader.read(path: directory + "/boundaries/border.geojson", in: context)
        let bands = try BorderBand.load(directory + "/boundaries/border_band.csv")
        let border = try borderFeatures.compactMap { feature -> BorderSegmentData? in
            guard let id = feature["id"]?.stringValue, let geometry = feature.geometry else { return nil }
            let name = feature["name"]?.stringValue ?? id
            return BorderSegmentData(id: id, name: name,
                                     afghanProvince: feature["afg_province"]?.stringValue ?? "",
                                     pakistaniProvince: feature["pak_province"]?.stringValue ?? "", wkb: try geometry.wkb(),
                                     uncertaintyKm: bands[name] ?? 0)
        }

        var sources = [NaturalEarthImport.source]
        var districts: [AdminUnit]
        var districtSource: DistrictSource
        if let shipped = try ShippedDistricts.load(geodata: directory, gazetteer: gazetteer, context: context) {
            districts = shipped
            districtSource = .shipped
            sources.append(ShippedDistricts.attribution)
        } else {
            districts = try ApproximateDistricts.build(gazetteer: gazetteer, provinces: provinceShapes, context: context)
            districtSource = .approximate
        }
        if useImported, let imported = try ImportedDistricts.load(geodata: directory, context: context) {
            // Imported outlines replace the shipped ones district by district; the others keep theirs.
            let replaced = Set(imported.units.map(\.id))
            districts = (imported.units + districts.filter { !replaced.contains($0.id) }).sorted { $0.id < $1.id }
            districtSource = .official(imported.info)
            sources.append(imported.info.attribution)
        }
        return BoundaryData(districts: districts, provinces: provinces, countries: countries,
                            borderSegments: border, districtSource: districtSource, sources: sources)
    }
}
