import GeoKit
import EventModel
import EventFormats

/// Where a point lies: its district, province and country, or the nearest district when it is outside them.
public struct PointLocation: Sendable {
    public var district: AdminUnit?
    public var province: AdminUnit?
    public var countryISO3: String?
    /// Set when the point lies in no district: the closest one and the geodesic distance to it.
    public var nearestDistrict: (unit: AdminUnit, km: Double)?
    /// True when the point lies on the boundary of the unit chosen (shared edges are resolved by id order).
    public var onBoundary = false
}

/// The boundary layers of one worker, prepared once in that worker's GEOS context: STR trees find
/// candidate polygons by envelope, prepared geometries answer the point-in-polygon tests.
public final class BoundaryIndex {
    public let context: GEOSContext
    public let data: BoundaryData
    private let districts: UnitLayer
    private let provinces: UnitLayer
    private let countries: UnitLayer

    final class UnitLayer {
        let units: [AdminUnit]
        let geometries: [Geometry]
        let prepared: [PreparedGeometry]
        let tree: STRtree
        let position: [String: Int]

        init(_ units: [AdminUnit], context: GEOSContext) throws {
            let order = units.indices.sorted { units[$0].id < units[$1].id }
            self.units = order.map { units[$0] }
            position = Dictionary(self.units.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
            geometries = try self.units.map { try Geometry(wkb: $0.wkb, in: context) }
            prepared = try geometries.map(PreparedGeometry.init)
            tree = try STRtree(geometries, in: context)
        }

        /// The first unit (in id order) covering the point, and whether the point is on its boundary.
        func covering(_ point: Geometry) throws -> (AdminUnit, onBoundary: Bool)? {
            for index in tree.candidates(intersecting: point) where try prepared[index].covers(point) {
                return (units[index], try !prepared[index].containsProperly(point))
            }
            return nil
        }

        /// The layer's outlines as segments, built on the first nearest-unit query.
        private var outlines: UnitOutlines?

        /// The unit nearest a point that lies in none of them (planar distance, as GEOS measures it) and the
        /// geodesic distance to its closest point. Near-ties between units are left to GEOS's tree.
        func nearest(to point: Geometry) throws -> (AdminUnit, km: Double)? {
            guard let c = point.coordinate else { return nil }
            if outlines == nil { outlines = try UnitOutlines(geometries) }
            if let found = outlines?.nearest(x: c.x, y: c.y), !found.tied {
                return (units[found.unit], Geodesic.wgs84.distanceKm(lon1: c.x, lat1: c.y, lon2: found.point.x, lat2: found.point.y))
            }
            guard let index = try tree.nearest(to: point, prepared: prepared) else { return nil }
            let (onUnit, _) = try prepared[index].nearestPoints(to: point)
            return (units[index], Geodesic.wgs84.distanceKm(lon1: c.x, lat1: c.y, lon2: onUnit.x, lat2: onUnit.y))
        }
    }

    public init(_ data: BoundaryData, context: GEOSContext = GEOSContext()) throws {
        self.context = context
        self.data = data
        districts = try UnitLayer(data.districts, context: context)
        provinces = try UnitLayer(data.provinces, context: context)
        countries = try UnitLayer(data.countries.filter { $0.id == "AFG" || $0.id == "PAK" }, context: context)
    }

    /// Locates a lon/lat point: district, then province, then country.
    public func locate(_ coordinate: Coordinate) throws -> PointLocation {
        let point = try Geometry.point(coordinate, in: context)
        var location = PointLocation()
        if let (district, onBoundary) = try districts.covering(point) {
            location.district = district
            location.onBoundary = onBoundary
            location.province = district.provinceID.flatMap { id in provinces.position[id].map { provinces.units[$0] } }
            location.countryISO3 = district.countryISO3
            return location
        }
        if let (province, onBoundary) = try provinces.covering(point) {
            location.province = province
            location.onBoundary = onBoundary
            location.countryISO3 = province.countryISO3
        } else if let (country, onBoundary) = try countries.covering(point) {
            location.countryISO3 = country.id
            location.onBoundary = onBoundary
        }
        location.nearestDistrict = try districts.nearest(to: point)
        return location
    }

    /// The outline of a district, province or country (Afghanistan, Pakistan) held by this index.
    public func geometry(of unit: AdminUnit) -> Geometry? {
        let layer = switch unit.level {
        case .district: districts
        case .province: provinces
        case .country: countries
        }
        return layer.position[unit.id].map { layer.geometries[$0] }
    }
}
