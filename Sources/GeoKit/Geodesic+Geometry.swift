extension Geodesic {
    /// Geodesic length in metres of the lines of a lon/lat geometry (rings and polygon outlines included).
    public func lengthMeters(of geometry: Geometry) throws -> Double {
        switch geometry.type {
        case .lineString, .linearRing:
            let c = try geometry.coordinates()
            guard c.count > 1 else { return 0 }
            var total = 0.0
            for i in 1..<c.count {
                total += distanceMeters(lon1: c[i - 1].x, lat1: c[i - 1].y, lon2: c[i].x, lat2: c[i].y)
            }
            return total
        case .polygon:
            return try ([geometry.exteriorRing].compactMap { $0 } + geometry.interiorRings).reduce(0) { $0 + (try lengthMeters(of: $1)) }
        case .point, .multiPoint:
            return 0
        default:
            return try geometry.parts.reduce(0) { $0 + (try lengthMeters(of: $1)) }
        }
    }

    /// Geodesic area in square metres of a lon/lat polygon or multipolygon (holes subtracted).
    public func areaSquareMeters(of geometry: Geometry) throws -> Double {
        switch geometry.type {
        case .polygon:
            guard let shell = geometry.exteriorRing else { return 0 }
            func ringArea(_ ring: Geometry) throws -> Double {
                let c = try ring.coordinates()
                return try polygonArea(lons: c.map(\.x), lats: c.map(\.y)).areaM2
            }
            return try geometry.interiorRings.reduce(try ringArea(shell)) { $0 - (try ringArea($1)) }
        case .multiPolygon, .geometryCollection:
            return try geometry.parts.reduce(0) { $0 + (try areaSquareMeters(of: $1)) }
        default:
            return 0
        }
    }
}
