import Foundation
import GeoKit
import EventModel
import EventFormats

/// The district outlines shipped in GeoData/boundaries/districts.geojson, built by `OfficialBoundaries`.
public enum ShippedDistricts {
    public static let attribution = "District boundaries: OCHA COD-AB — Afghanistan: AGCHO via OCHA (afg_admbnda_adm2_agcho_20180522), "
        + "Pakistan: WFP SDI / OCHA (pak_admbnda_adm2_wfp_20220909), CC BY-IGO 3.0; districts created later approximated inside their official parent"

    /// The districts of the gazetteer with their shipped outline, or nil when the file is absent.
    public static func load(geodata directory: String, gazetteer: Gazetteer, context: GEOSContext) throws -> [AdminUnit]? {
        let path = directory + "/boundaries/districts.geojson"
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        var units: [AdminUnit] = []
        for feature in try PolygonLayerReader.read(path: path, in: context) {
            guard let id = feature["id"]?.stringValue, let geometry = feature.geometry else { continue }
            guard let district = gazetteer.district(id: id) else {
                throw GeoDataError(file: path, "has district \(id), which districts.csv does not list; rebuild it with `eventmap geodata build-districts`")
            }
            units.append(AdminUnit(id: id, name: district.name, level: .district, provinceID: district.provinceID,
                                   countryISO3: district.countryISO3, wkb: try geometry.wkb(),
                                   approximate: feature["approximate"] == .bool(true)))
        }
        return units
    }
}
