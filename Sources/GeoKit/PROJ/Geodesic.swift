import CPROJ

/// Geodesic calculations on an ellipsoid (WGS84 by default) using PROJ's bundled GeographicLib routines.
///
/// Angles are in degrees, distances in metres, and every argument list is longitude first.
/// Latitudes outside [-90, 90] produce NaN results.
public struct Geodesic: Sendable {
    private let ellipsoid: geod_geodesic

    /// The WGS84 ellipsoid.
    public static let wgs84 = Geodesic()

    /// Creates a geodesic calculator for the ellipsoid with equatorial radius `a` (metres) and flattening `f`.
    public init(equatorialRadius a: Double = 6_378_137, flattening f: Double = 1 / 298.257223563) {
        var initialized = geod_geodesic()
        geod_init(&initialized, a, f)
        ellipsoid = initialized
    }

    /// Shortest distance in metres between two points.
    public func distanceMeters(lon1: Double, lat1: Double, lon2: Double, lat2: Double) -> Double {
        inverse(lon1: lon1, lat1: lat1, lon2: lon2, lat2: lat2).distance
    }

    /// Shortest distance in kilometres between two points.
    public func distanceKm(lon1: Double, lat1: Double, lon2: Double, lat2: Double) -> Double {
        distanceMeters(lon1: lon1, lat1: lat1, lon2: lon2, lat2: lat2) / 1000
    }

    /// Distance (m), azimuth at the start and forward azimuth at the end (degrees clockwise from north).
    public func inverse(
        lon1: Double, lat1: Double, lon2: Double, lat2: Double
    ) -> (distance: Double, azimuth1: Double, azimuth2: Double) {
        var distance = 0.0, azimuth1 = 0.0, azimuth2 = 0.0
        withUnsafePointer(to: ellipsoid) { g in
            geod_inverse(g, lat1, lon1, lat2, lon2, &distance, &azimuth1, &azimuth2)
        }
        return (distance, azimuth1, azimuth2)
    }

    /// The point reached by travelling `distance` metres from (lon, lat) along `azimuth` (degrees from north).
    public func direct(lon: Double, lat: Double, azimuth: Double, distance: Double) -> (lon: Double, lat: Double) {
        var lat2 = 0.0, lon2 = 0.0, azimuth2 = 0.0
        withUnsafePointer(to: ellipsoid) { g in
            geod_direct(g, lat, lon, azimuth, distance, &lat2, &lon2, &azimuth2)
        }
        return (lon2, lat2)
    }

    /// Area (m², always non-negative) and perimeter (m) of a geodesic polygon; the ring may be open or closed, in either orientation.
    public func polygonArea(lons: [Double], lats: [Double]) throws(PROJError) -> (areaM2: Double, perimeterM: Double) {
        guard lons.count == lats.count else {
            throw .invalidInput(reason: "lons has \(lons.count) values but lats has \(lats.count); pass one of each per vertex.")
        }
        guard lons.count <= Int(UInt32.max) else {
            throw .invalidInput(reason: "A polygon may have at most \(UInt32.max) vertices.")
        }
        var polygon = geod_polygon()
        var area = 0.0, perimeter = 0.0
        let vertexCount = withUnsafePointer(to: ellipsoid) { g in
            geod_polygon_init(&polygon, 0)
            for (lon, lat) in zip(lons, lats) {
                geod_polygon_addpoint(g, &polygon, lat, lon)
            }
            // sign = 1: a clockwise ring yields a negative area instead of "the rest of the earth".
            return geod_polygon_compute(g, &polygon, 0, 1, &area, &perimeter)
        }
        guard vertexCount == lons.count else {
            throw .invalidInput(reason: "PROJ accepted \(vertexCount) of \(lons.count) polygon vertices.")
        }
        return (abs(area), perimeter)
    }
}
