import GeoKit
import EventModel
import EventFormats

/// The boundary layers as features with their descriptive columns (sizes measured geodesically with PROJ).
public enum BoundaryFeatures {
    public static func provinces(_ data: BoundaryData, gazetteer: Gazetteer, in context: GEOSContext) throws -> [Feature] {
        try data.provinces.map { unit in
            let province = gazetteer.province(id: unit.id)
            return Feature(properties: [
                ("id", .string(unit.id)), ("name", .string(unit.name)), ("country_iso3", .string(unit.countryISO3)),
                ("focus", .bool(Gazetteer.focusProvinceIDs.contains(unit.id))),
                ("aliases", .string(province?.aliases.joined(separator: ";") ?? "")),
                ("source", .string(province?.source ?? "")),
            ], geometry: try Geometry(wkb: unit.wkb, in: context))
        }
    }

    public static func borderSegments(_ data: BoundaryData, in context: GEOSContext) throws -> [Feature] {
        try data.borderSegments.map { segment in
            let line = try Geometry(wkb: segment.wkb, in: context)
            return Feature(properties: [
                ("id", .string(segment.id)), ("name", .string(segment.name)),
                ("afg_province", .string(segment.afghanProvince)), ("pak_province", .string(segment.pakistaniProvince)),
                ("length_km", .double((try Geodesic.wgs84.lengthMeters(of: line) / 100).rounded() / 10)),
                ("label", .string(BorderDerivation.label)),
            ], geometry: line)
        }
    }

    public static func districts(_ data: BoundaryData, gazetteer: Gazetteer, in context: GEOSContext) throws -> [Feature] {
        try data.districts.map { unit in
            let district = gazetteer.district(id: unit.id)
            let shape = try Geometry(wkb: unit.wkb, in: context)
            return Feature(properties: [
                ("id", .string(unit.id)), ("name", .string(unit.name)), ("province_id", .string(unit.provinceID ?? "")),
                ("province", .string(district?.provinceName ?? "")), ("country_iso3", .string(unit.countryISO3)),
                ("approximate", .bool(unit.approximate)),
                ("area_km2", .double((try Geodesic.wgs84.areaSquareMeters(of: shape) / 1e5).rounded() / 10)),
                ("hq", .string(district?.headquarters ?? "")),
            ], geometry: shape)
        }
    }

    /// Countries (ADM0, id = ISO3) as a layer: the outlines whose areas the country aggregates divide by.
    public static func countriesLayer(_ data: BoundaryData, in context: GEOSContext) throws -> FeatureLayer {
        FeatureLayer(name: "countries", geometryType: .multiPolygon, features: try data.countries.map { unit in
            Feature(properties: [("id", .string(unit.id)), ("name", .string(unit.name))],
                    geometry: try Geometry(wkb: unit.wkb, in: context))
        }, description: "Countries (ADM0) of the boundary data; the areas of country aggregates")
    }

    /// Provinces, border segments and districts as layers (multi geometry types, one per layer).
    public static func layers(_ data: BoundaryData, gazetteer: Gazetteer, in context: GEOSContext) throws -> LayerSet {
        LayerSet([
            FeatureLayer(name: "provinces", geometryType: .multiPolygon,
                         features: try provinces(data, gazetteer: gazetteer, in: context),
                         description: "Provinces (ADM1) of Afghanistan and Pakistan; focus marks the four focus provinces"),
            FeatureLayer(name: "border_segments", geometryType: .multiLineString,
                         features: try borderSegments(data, in: context),
                         description: BorderDerivation.label + ", by pair of provinces"),
            FeatureLayer(name: "districts", geometryType: .multiPolygon,
                         features: try districts(data, gazetteer: gazetteer, in: context),
                         description: data.districtSource.isApproximate
                            ? "Districts (ADM2): approximate areas around each headquarters, not official outlines"
                            : "Districts (ADM2): imported official outlines"),
        ])
    }
}
