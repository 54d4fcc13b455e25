import GeoKit

/// Writes the loaded boundary layers as RFC 7946 GeoJSON: provinces, countries, border segments, districts.
public enum BoundaryLayersExport {
    public static func write(_ data: BoundaryData, gazetteer: Gazetteer, to directory: String) throws -> [String] {
        let context = GEOSContext()
        var written: [String] = []
        func layer(_ name: String, _ features: [Feature]) throws {
            let path = "\(directory)/\(name).geojson"
            let writer = try GeoJSONWriter(path: path, layerName: name)
            writer.promoteToMulti = true
            for feature in features { try writer.write(feature) }
            try writer.finish()
            written.append(path)
        }
        try layer("provinces", try data.provinces.map { unit in
            let province = gazetteer.province(id: unit.id)
            return Feature(properties: [
                ("id", .string(unit.id)), ("name", .string(unit.name)), ("country_iso3", .string(unit.countryISO3)),
                ("focus", .bool(Gazetteer.focusProvinceIDs.contains(unit.id))),
                ("aliases", .string(province?.aliases.joined(separator: ";") ?? "")),
                ("source", .string(province?.source ?? "")),
            ], geometry: try Geometry(wkb: unit.wkb, in: context))
        })
        try layer("border_segments", try data.borderSegments.map { segment in
            let line = try Geometry(wkb: segment.wkb, in: context)
            return Feature(properties: [
                ("id", .string(segment.id)), ("name", .string(segment.name)),
                ("afg_province", .string(segment.afghanProvince)), ("pak_province", .string(segment.pakistaniProvince)),
                ("length_km", .double((try Geodesic.wgs84.lengthMeters(of: line) / 100).rounded() / 10)),
                ("label", .string(BorderDerivation.label)),
            ], geometry: line)
        })
        try layer("districts", try data.districts.map { unit in
            let district = gazetteer.district(id: unit.id)
            let shape = try Geometry(wkb: unit.wkb, in: context)
            return Feature(properties: [
                ("id", .string(unit.id)), ("name", .string(unit.name)), ("province_id", .string(unit.provinceID ?? "")),
                ("province", .string(district?.provinceName ?? "")), ("country_iso3", .string(unit.countryISO3)),
                ("approximate", .bool(unit.approximate)),
                ("area_km2", .double((try Geodesic.wgs84.areaSquareMeters(of: shape) / 1e5).rounded() / 10)),
                ("hq", .string(district?.headquarters ?? "")),
            ], geometry: shape)
        })
        return written
    }
}
