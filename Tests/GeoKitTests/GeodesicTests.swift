import GeoKit
import Testing

@Suite struct GeodesicTests {
    private let geodesic = Geodesic.wgs84

    // Reference values from PROJ 9.1.1's command-line tool:
    //   echo "34.0151 71.5249 34.4415 70.4515" | geod +ellps=WGS84 -I +units=m -f "%.9f" -F "%.6f"
    //   -64.139224900   115.256980052   109627.385389
    // geod prints the back azimuth (end point towards start); the forward azimuth at the end is 180° less.
    private let peshawar = (lon: 71.5249, lat: 34.0151)
    private let jalalabad = (lon: 70.4515, lat: 34.4415)
    private let expectedDistanceMeters = 109_627.385389
    private let expectedAzimuth1 = -64.139224900
    private let expectedAzimuth2 = 115.256980052 - 180

    @Test func distancePeshawarToJalalabadMatchesGeodTool() {
        let meters = geodesic.distanceMeters(
            lon1: peshawar.lon, lat1: peshawar.lat, lon2: jalalabad.lon, lat2: jalalabad.lat)
        #expect(abs(meters - expectedDistanceMeters) < 1)
        #expect(abs(meters - expectedDistanceMeters) < 1e-5, "PROJ library and geod tool share one implementation")

        let kilometres = geodesic.distanceKm(
            lon1: peshawar.lon, lat1: peshawar.lat, lon2: jalalabad.lon, lat2: jalalabad.lat)
        #expect(abs(kilometres - expectedDistanceMeters / 1000) < 1e-3)
    }

    @Test func azimuthsPeshawarToJalalabadMatchGeodTool() {
        let result = geodesic.inverse(
            lon1: peshawar.lon, lat1: peshawar.lat, lon2: jalalabad.lon, lat2: jalalabad.lat)
        #expect(abs(result.azimuth1 - expectedAzimuth1) < 1e-8)
        #expect(abs(result.azimuth2 - expectedAzimuth2) < 1e-8)
        #expect(abs(result.distance - expectedDistanceMeters) < 1e-5)
    }

    @Test func argumentsAreLongitudeFirst() {
        // One degree of longitude on the equator is a·π/180; one degree of latitude there is about 110.574 km.
        let alongEquator = geodesic.distanceMeters(lon1: 0, lat1: 0, lon2: 1, lat2: 0)
        #expect(abs(alongEquator - 6_378_137 * Double.pi / 180) < 1e-6)
        let alongMeridian = geodesic.distanceMeters(lon1: 0, lat1: 0, lon2: 0, lat2: 1)
        #expect(abs(alongMeridian - 110_574.389) < 0.01)
    }

    @Test(arguments: [0.0, 45, 135, 200, 290, 359])
    func directThenInverseRoundTrips(azimuth: Double) {
        let distance = 150_000.0
        let destination = geodesic.direct(
            lon: peshawar.lon, lat: peshawar.lat, azimuth: azimuth, distance: distance)
        let back = geodesic.inverse(
            lon1: peshawar.lon, lat1: peshawar.lat, lon2: destination.lon, lat2: destination.lat)
        #expect(abs(back.distance - distance) < 1e-6)
        let azimuthError = (back.azimuth1 - azimuth).remainder(dividingBy: 360)
        #expect(abs(azimuthError) < 1e-9)
    }

    @Test func directReachesJalalabadFromGeodToolAzimuth() {
        let destination = geodesic.direct(
            lon: peshawar.lon, lat: peshawar.lat, azimuth: expectedAzimuth1, distance: expectedDistanceMeters)
        #expect(abs(destination.lon - jalalabad.lon) < 1e-8)
        #expect(abs(destination.lat - jalalabad.lat) < 1e-8)
    }

    @Test func octantAreaIsOneEighthOfTheEllipsoid() throws {
        // Total WGS84 surface area is 510,065,621,724,088.5 m² (GeographicLib documentation).
        let octant = try geodesic.polygonArea(lons: [0, 90, 0], lats: [0, 0, 90])
        #expect(abs(octant.areaM2 - 510_065_621_724_088.5 / 8) < 1)
        // Perimeter: a quarter of the equator (a·π/2) plus two quarter meridians (geod: 10001965.729313 m each).
        #expect(abs(octant.perimeterM - (6_378_137 * Double.pi / 2 + 2 * 10_001_965.729313)) < 1e-3)
    }

    @Test func polygonAreaIgnoresOrientationAndClosingVertex() throws {
        let lons = [70.0, 71, 71, 70]
        let lats = [34.0, 34, 35, 35]
        let counterClockwise = try geodesic.polygonArea(lons: lons, lats: lats)
        let clockwise = try geodesic.polygonArea(lons: lons.reversed(), lats: lats.reversed())
        let closed = try geodesic.polygonArea(lons: lons + [lons[0]], lats: lats + [lats[0]])
        #expect(counterClockwise.areaM2 > 1e10)
        #expect(abs(clockwise.areaM2 - counterClockwise.areaM2) < 1e-3)
        #expect(abs(closed.areaM2 - counterClockwise.areaM2) < 1e-3)
        #expect(abs(clockwise.perimeterM - counterClockwise.perimeterM) < 1e-6)
    }

    @Test func polygonAreaRejectsMismatchedCoordinateCounts() {
        let error = #expect(throws: PROJError.self) {
            try geodesic.polygonArea(lons: [70, 71, 71], lats: [34, 34])
        }
        guard case .invalidInput = error else {
            Issue.record("expected .invalidInput, got \(String(describing: error))")
            return
        }
    }

    @Test func outOfRangeLatitudeYieldsNaNNotACrash() {
        #expect(geodesic.distanceMeters(lon1: 0, lat1: 95, lon2: 1, lat2: 0).isNaN)
    }
}
