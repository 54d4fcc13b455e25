extension CoordinateTransform {
    /// A PROJ string for an Albers equal-area conic (WGS84, metres) fitted to a lon/lat extent.
    ///
    /// Standard parallels sit at 1/6 and 5/6 of the latitude span; the origin is the extent's centre.
    /// `lonMin > lonMax` means the extent crosses the antimeridian. When the extent is (nearly)
    /// symmetric about the equator the cone degenerates, so a Lambert cylindrical equal-area
    /// CRS with the same standard parallel is returned instead.
    public static func albersEqualArea(
        lonMin: Double, lonMax: Double, latMin: Double, latMax: Double
    ) throws(PROJError) -> String {
        try validateLongitude(lonMin)
        try validateLongitude(lonMax)
        try validateLatitude(latMin)
        try validateLatitude(latMax)
        guard latMin <= latMax else {
            throw .invalidInput(reason: "latMin (\(latMin)) must not exceed latMax (\(latMax)).")
        }
        let lonSpan = lonMax >= lonMin ? lonMax - lonMin : lonMax + 360 - lonMin
        let centralMeridian = normalizedLongitude(lonMin + lonSpan / 2)
        let latSpan = latMax - latMin
        let firstParallel = latMin + latSpan / 6
        let secondParallel = latMin + latSpan * 5 / 6
        let origin = (latMin + latMax) / 2

        let coneIsDegenerate = abs(firstParallel + secondParallel) < 0.01
        if coneIsDegenerate {
            return "+proj=cea +lat_ts=\(abs(firstParallel)) +lon_0=\(centralMeridian) "
                + "+x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs +type=crs"
        }
        return "+proj=aea +lat_1=\(firstParallel) +lat_2=\(secondParallel) +lat_0=\(origin) "
            + "+lon_0=\(centralMeridian) +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs +type=crs"
    }

    /// A PROJ string for an azimuthal equidistant projection (WGS84, metres) centred on a point.
    public static func azimuthalEquidistant(lon: Double, lat: Double) throws(PROJError) -> String {
        try validateLongitude(lon)
        try validateLatitude(lat)
        return "+proj=aeqd +lat_0=\(lat) +lon_0=\(normalizedLongitude(lon)) "
            + "+x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs +type=crs"
    }

    private static func validateLongitude(_ lon: Double) throws(PROJError) {
        guard lon.isFinite else {
            throw .invalidInput(reason: "Longitude \(lon) is not a finite number of degrees.")
        }
    }

    private static func validateLatitude(_ lat: Double) throws(PROJError) {
        guard lat.isFinite, (-90...90).contains(lat) else {
            throw .invalidInput(reason: "Latitude \(lat) must be between -90 and 90 degrees.")
        }
    }

    private static func normalizedLongitude(_ lon: Double) -> Double {
        lon.remainder(dividingBy: 360)
    }
}
