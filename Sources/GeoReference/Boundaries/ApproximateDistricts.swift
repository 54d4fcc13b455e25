import GeoKit
import EventModel
import EventFormats

/// District areas estimated when no official outlines are loaded: the Voronoi cells of the districts'
/// headquarters points, clipped to their province. Every unit made here is marked approximate.
public enum ApproximateDistricts {
    public static func build(gazetteer: Gazetteer, provinces: [String: Geometry], context: GEOSContext) throws -> [AdminUnit] {
        var units: [AdminUnit] = []
        let byProvince = Dictionary(grouping: gazetteer.districts, by: \.provinceID)
        for provinceID in byProvince.keys.sorted() {
            guard let province = provinces[provinceID], let extent = province.envelope else {
                throw GeoDataError(file: "GeoData/districts.csv", "province \(provinceID) has districts but no outline in boundaries/provinces.geojson")
            }
            let districts = byProvince[provinceID]!
            let cells = try cells(for: districts.map(\.point), within: province, extent: extent, context: context)
            for (district, cell) in zip(districts, cells) {
                units.append(AdminUnit(id: district.id, name: district.name, level: .district, provinceID: provinceID,
                                       countryISO3: district.countryISO3, wkb: try cell.wkb(), approximate: true))
            }
        }
        return units
    }

    /// One clipped cell per site, in the order of `sites` (GEOS returns Voronoi cells in its own order).
    static func cells(for sites: [Coordinate], within province: Geometry, extent: Envelope, context: GEOSContext) throws -> [Geometry] {
        if sites.count == 1 { return [province] }
        let points = try Geometry.collection(.multiPoint, sites.map { try Geometry.point($0, in: context) }, in: context)
        let frame = try Geometry.rectangle(extent.expanded(by: 1), in: context)
        let diagram = try points.voronoiDiagram(envelope: frame)
        var cellFor: [Int: Geometry] = [:]
        for cell in diagram.parts {
            let prepared = try PreparedGeometry(cell)
            for (index, site) in sites.enumerated() where cellFor[index] == nil {
                if try prepared.covers(Geometry.point(site, in: context)) { cellFor[index] = cell; break }
            }
        }
        return try sites.indices.map { index in
            guard let cell = cellFor[index] else {
                throw GEOSError.operation("voronoiDiagram", message: "no cell for site \(sites[index]); two districts may share one point")
            }
            var clipped = try cell.intersection(province)
            if !clipped.isValid { clipped = try clipped.makeValid() }
            return clipped
        }
    }
}
