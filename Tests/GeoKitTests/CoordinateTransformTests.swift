import Foundation
import GeoKit
import Testing

@Suite struct CoordinateTransformTests {
    // Reference values from PROJ 9.1.1's command-line tool:
    //   echo "34.0151 71.5249" | cs2cs -f "%.6f" EPSG:4326 EPSG:32642
    //   733156.234045   3766705.241011 0.000000
    // cs2cs uses EPSG:4326's authority axis order (lat, lon); GeoKit takes (lon, lat).
    private let peshawar = (x: 71.5249, y: 34.0151)
    private let peshawarUTM42N = (x: 733_156.234045, y: 3_766_705.241011)

    @Test func knownPointToUTM42NMatchesCs2cs() throws {
        let context = try PROJContext()
        let transform = try CoordinateTransform(from: "EPSG:4326", to: "EPSG:32642", context: context)
        let projected = try transform.transform(peshawar)
        #expect(abs(projected.x - peshawarUTM42N.x) < 1e-3)
        #expect(abs(projected.y - peshawarUTM42N.y) < 1e-3)
    }

    @Test func inverseRoundTripReturnsTheOriginalDegrees() throws {
        let context = try PROJContext()
        let transform = try CoordinateTransform(from: "EPSG:4326", to: "EPSG:32642", context: context)
        let projected = try transform.transform(peshawar)
        let back = try transform.transform(projected, direction: .inverse)
        #expect(abs(back.x - peshawar.x) < 1e-9)
        #expect(abs(back.y - peshawar.y) < 1e-9)
    }

    @Test func geographicAxisOrderIsLongitudeFirst() throws {
        // On Web Mercator x depends only on longitude: x = a·λ.
        // cs2cs EPSG:4326 EPSG:3857 gives 7962115.447040 4030829.767466 for Peshawar.
        let context = try PROJContext()
        let transform = try CoordinateTransform(from: "EPSG:4326", to: "EPSG:3857", context: context)
        let projected = try transform.transform(peshawar)
        #expect(abs(projected.x - 6_378_137 * peshawar.x * Double.pi / 180) < 1e-6)
        #expect(abs(projected.x - 7_962_115.447040) < 1e-3)
        #expect(abs(projected.y - 4_030_829.767466) < 1e-3)

        let toGeographic = try CoordinateTransform(from: "EPSG:32642", to: "EPSG:4326", context: context)
        let lonLat = try toGeographic.transform(peshawarUTM42N)
        #expect(abs(lonLat.x - peshawar.x) < 1e-9)
        #expect(abs(lonLat.y - peshawar.y) < 1e-9)
    }

    @Test func bulkTransformOfTenThousandPointsEqualsPointwise() throws {
        let context = try PROJContext()
        let transform = try CoordinateTransform(from: "EPSG:4326", to: "EPSG:32642", context: context)
        let (lons, lats) = gridInUTMZone42(count: 10_000)
        var xs = lons
        var ys = lats
        try transform.transform(x: &xs, y: &ys)

        var mismatches = 0
        for index in lons.indices {
            let single = try transform.transform((lons[index], lats[index]))
            if single.x != xs[index] || single.y != ys[index] { mismatches += 1 }
        }
        #expect(mismatches == 0)

        try transform.transform(x: &xs, y: &ys, direction: .inverse)
        let worstError = zip(zip(xs, ys), zip(lons, lats))
            .map { max(abs($0.0 - $1.0), abs($0.1 - $1.1)) }
            .max() ?? 0
        #expect(worstError < 1e-9)
    }

    @Test func interleavedBufferMatchesSeparateArrays() throws {
        let context = try PROJContext()
        let transform = try CoordinateTransform(from: "EPSG:4326", to: "EPSG:32642", context: context)
        let (lons, lats) = gridInUTMZone42(count: 1_000)
        var xs = lons
        var ys = lats
        try transform.transform(x: &xs, y: &ys)

        var interleaved = zip(lons, lats).flatMap { [$0, $1] }
        try interleaved.withUnsafeMutableBufferPointer { buffer in
            try transform.transform(interleaved: buffer)
        }
        #expect(interleaved == zip(xs, ys).flatMap { [$0, $1] })
    }

    @Test func singlePointBulkMatchesPointwise() throws {
        let context = try PROJContext()
        let transform = try CoordinateTransform(from: "EPSG:4326", to: "EPSG:32642", context: context)
        var xs = [peshawar.x]
        var ys = [peshawar.y]
        try transform.transform(x: &xs, y: &ys)
        var interleaved = [peshawar.x, peshawar.y]
        try interleaved.withUnsafeMutableBufferPointer { try transform.transform(interleaved: $0) }
        let single = try transform.transform(peshawar)
        #expect(xs == [single.x] && ys == [single.y])
        #expect(interleaved == [single.x, single.y])
    }

    @Test func oneContextPerWorkerRunsConcurrently() async throws {
        let eastings = try await withThrowingTaskGroup(of: Double.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    let context = try PROJContext()
                    let transform = try CoordinateTransform(from: "EPSG:4326", to: "EPSG:32642", context: context)
                    return try transform.transform((71.5249, 34.0151)).x
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(eastings.count == 8)
        #expect(eastings.allSatisfy { abs($0 - 733_156.234045) < 1e-3 })
    }

    @Test func emptyInputIsANoOp() throws {
        let context = try PROJContext()
        let transform = try CoordinateTransform(from: "EPSG:4326", to: "EPSG:32642", context: context)
        var xs: [Double] = []
        var ys: [Double] = []
        try transform.transform(x: &xs, y: &ys)
        try transform.transform(interleaved: UnsafeMutableBufferPointer(start: nil, count: 0))
        #expect(xs.isEmpty && ys.isEmpty)
    }

    @Test func reportsWhetherTheTargetCRSIsGeographic() throws {
        let context = try PROJContext()
        let toUTM = try CoordinateTransform(from: "EPSG:4326", to: "EPSG:32642", context: context)
        #expect(!toUTM.crsIsGeographic)
        #expect(toUTM.sourceCRSIsGeographic)
        let toLonLat = try CoordinateTransform(from: "EPSG:32642", to: "EPSG:4326", context: context)
        #expect(toLonLat.crsIsGeographic)
        let toBoundCRS = try CoordinateTransform(
            from: "EPSG:4326", to: "+proj=longlat +ellps=intl +towgs84=-333,222,114", context: context)
        #expect(toBoundCRS.crsIsGeographic)
    }

    @Test func acceptsWKTAndPROJStringsWithoutTypeCRS() throws {
        let context = try PROJContext()
        let wgs84WKT = """
            GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],\
            PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]
            """
        let fromWKT = try CoordinateTransform(
            from: wgs84WKT, to: "+proj=utm +zone=42 +datum=WGS84 +units=m", context: context)
        let projected = try fromWKT.transform(peshawar)
        #expect(abs(projected.x - peshawarUTM42N.x) < 1e-3)
        #expect(abs(projected.y - peshawarUTM42N.y) < 1e-3)
    }

    @Test(arguments: ["EPSG:999999", "+proj=nonsense", "not a crs at all", "", "+proj=pipeline +step +proj=unitconvert"])
    func unknownCRSThrowsErrorNamingTheText(crs: String) throws {
        let context = try PROJContext()
        for (source, target) in [(crs, "EPSG:4326"), ("EPSG:4326", crs)] {
            let error = #expect(throws: PROJError.self) {
                try CoordinateTransform(from: source, to: target, context: context)
            }
            guard case .unknownCRS(let reported, let message) = error else {
                Issue.record("expected .unknownCRS, got \(String(describing: error))")
                continue
            }
            #expect(reported == crs)
            #expect(!message.isEmpty)
            #expect(error?.description.contains("\"\(crs)\"") == true)
            #expect(error?.description.contains("EPSG:32642") == true)
        }
    }

    @Test func outOfDomainPointThrowsWithFailureCount() throws {
        let context = try PROJContext()
        let transform = try CoordinateTransform(from: "EPSG:4326", to: "EPSG:32642", context: context)
        let single = #expect(throws: PROJError.self) {
            try transform.transform((71.0, 95.0))
        }
        guard case .transformFailed(_, let failedPoints) = single else {
            Issue.record("expected .transformFailed, got \(String(describing: single))")
            return
        }
        #expect(failedPoints == 1)

        var xs = [71.0, 71.0, 70.0, 72.0]
        var ys = [34.0, 95.0, 35.0, -91.0]
        let bulk = #expect(throws: PROJError.self) {
            try transform.transform(x: &xs, y: &ys)
        }
        guard case .transformFailed(_, let bulkFailures) = bulk else {
            Issue.record("expected .transformFailed, got \(String(describing: bulk))")
            return
        }
        #expect(bulkFailures == 2)
        #expect(bulk?.description.contains("2 points") == true)
    }

    @Test func markNaNPolicyFlagsOnlyTheFailedPoints() throws {
        let context = try PROJContext()
        let transform = try CoordinateTransform(from: "EPSG:4326", to: "EPSG:32642", context: context)
        var xs = [peshawar.x, 71.0, .nan]
        var ys = [peshawar.y, 95.0, 34.0]
        try transform.transform(x: &xs, y: &ys, onFailure: .markNaN)
        #expect(abs(xs[0] - peshawarUTM42N.x) < 1e-3)
        #expect(abs(ys[0] - peshawarUTM42N.y) < 1e-3)
        #expect(xs[1].isNaN && ys[1].isNaN)
        #expect(xs[2].isNaN && ys[2].isNaN)

        var interleaved = [peshawar.x, peshawar.y, 71.0, 95.0]
        try interleaved.withUnsafeMutableBufferPointer { buffer in
            try transform.transform(interleaved: buffer, onFailure: .markNaN)
        }
        #expect(abs(interleaved[0] - peshawarUTM42N.x) < 1e-3)
        #expect(interleaved[2].isNaN && interleaved[3].isNaN)
    }

    @Test func malformedBulkInputIsRejected() throws {
        let context = try PROJContext()
        let transform = try CoordinateTransform(from: "EPSG:4326", to: "EPSG:32642", context: context)
        var xs = [71.0, 72.0]
        var ys = [34.0]
        let mismatched = #expect(throws: PROJError.self) { try transform.transform(x: &xs, y: &ys) }
        var odd = [71.0, 34.0, 72.0]
        let oddCount = #expect(throws: PROJError.self) {
            try odd.withUnsafeMutableBufferPointer { try transform.transform(interleaved: $0) }
        }
        for error in [mismatched, oddCount] {
            guard case .invalidInput = error else {
                Issue.record("expected .invalidInput, got \(String(describing: error))")
                continue
            }
        }
    }

    @Test func albersAreaOfOneDegreeCellAgreesWithGeodesicAndClosedForm() throws {
        let context = try PROJContext()
        let albers = try CoordinateTransform.albersEqualArea(lonMin: 70, lonMax: 71, latMin: 34, latMax: 35)
        #expect(albers.contains("+proj=aea"))
        let transform = try CoordinateTransform(from: "EPSG:4326", to: albers, context: context)

        let ring = densifiedCellRing(lonMin: 70, lonMax: 71, latMin: 34, latMax: 35, stepsPerEdge: 200)
        var xs = ring.lons
        var ys = ring.lats
        try transform.transform(x: &xs, y: &ys)
        let albersArea = abs(shoelaceArea(xs: xs, ys: ys))
        let geodesicArea = try Geodesic.wgs84.polygonArea(lons: ring.lons, lats: ring.lats).areaM2
        let exactArea = ellipsoidalCellArea(lonSpan: 1, latMin: 34, latMax: 35)

        #expect(abs(albersArea - geodesicArea) / geodesicArea < 0.0005)
        #expect(abs(albersArea - exactArea) / exactArea < 0.0005)
        #expect(abs(geodesicArea - exactArea) / exactArea < 0.0005)
        #expect(abs(albersArea - exactArea) / exactArea < 1e-7, "densified to 200 steps per edge, the 0.05% budget is barely touched")
    }

    @Test func albersDegeneratesToCylindricalEqualAreaAcrossTheEquator() throws {
        let context = try PROJContext()
        let crs = try CoordinateTransform.albersEqualArea(lonMin: 10, lonMax: 20, latMin: -5, latMax: 5)
        #expect(crs.contains("+proj=cea"))
        let transform = try CoordinateTransform(from: "EPSG:4326", to: crs, context: context)
        let origin = try transform.transform((15, 0))
        #expect(abs(origin.x) < 1e-6 && abs(origin.y) < 1e-6)
    }

    @Test func albersAcrossTheAntimeridianCentresOnIt() throws {
        let context = try PROJContext()
        let crs = try CoordinateTransform.albersEqualArea(lonMin: 170, lonMax: -170, latMin: 50, latMax: 60)
        #expect(crs.contains("+lon_0=180.0") || crs.contains("+lon_0=-180.0"))
        let transform = try CoordinateTransform(from: "EPSG:4326", to: crs, context: context)
        let centre = try transform.transform((180, 55))
        #expect(abs(centre.x) < 1e-6)
    }

    @Test func equalAreaHelpersRejectInvalidExtents() {
        #expect(throws: PROJError.self) {
            try CoordinateTransform.albersEqualArea(lonMin: 70, lonMax: 71, latMin: 35, latMax: 34)
        }
        #expect(throws: PROJError.self) {
            try CoordinateTransform.albersEqualArea(lonMin: 70, lonMax: 71, latMin: 34, latMax: 95)
        }
        #expect(throws: PROJError.self) {
            try CoordinateTransform.azimuthalEquidistant(lon: .nan, lat: 34)
        }
    }

    @Test func azimuthalEquidistantPreservesDistanceFromItsCentre() throws {
        let context = try PROJContext()
        let crs = try CoordinateTransform.azimuthalEquidistant(lon: peshawar.x, lat: peshawar.y)
        let transform = try CoordinateTransform(from: "EPSG:4326", to: crs, context: context)
        let jalalabad = try transform.transform((70.4515, 34.4415))
        let geodesicDistance = Geodesic.wgs84.distanceMeters(
            lon1: peshawar.x, lat1: peshawar.y, lon2: 70.4515, lat2: 34.4415)
        #expect(abs(hypot(jalalabad.x, jalalabad.y) - geodesicDistance) < 1e-3)
    }
}

private func gridInUTMZone42(count: Int) -> (lons: [Double], lats: [Double]) {
    let side = Int(Double(count).squareRoot())
    var lons: [Double] = []
    var lats: [Double] = []
    for row in 0..<side {
        for column in 0..<side {
            lons.append(66 + 6 * Double(column) / Double(side - 1))
            lats.append(25 + 15 * Double(row) / Double(side - 1))
        }
    }
    return (lons, lats)
}

/// A counter-clockwise ring along the cell's parallels and meridians, without a closing vertex.
private func densifiedCellRing(
    lonMin: Double, lonMax: Double, latMin: Double, latMax: Double, stepsPerEdge: Int
) -> (lons: [Double], lats: [Double]) {
    let corners = [(lonMin, latMin), (lonMax, latMin), (lonMax, latMax), (lonMin, latMax)]
    var lons: [Double] = []
    var lats: [Double] = []
    for (index, start) in corners.enumerated() {
        let end = corners[(index + 1) % corners.count]
        for step in 0..<stepsPerEdge {
            let fraction = Double(step) / Double(stepsPerEdge)
            lons.append(start.0 + (end.0 - start.0) * fraction)
            lats.append(start.1 + (end.1 - start.1) * fraction)
        }
    }
    return (lons, lats)
}

private func shoelaceArea(xs: [Double], ys: [Double]) -> Double {
    var twiceArea = 0.0
    for index in xs.indices {
        let next = (index + 1) % xs.count
        twiceArea += xs[index] * ys[next] - xs[next] * ys[index]
    }
    return twiceArea / 2
}

/// Exact area of the WGS84 ellipsoid between two parallels over `lonSpan` degrees: (b²·Δλ/2)·[q(φ₂) − q(φ₁)].
private func ellipsoidalCellArea(lonSpan: Double, latMin: Double, latMax: Double) -> Double {
    let a = 6_378_137.0
    let f = 1 / 298.257223563
    let eccentricitySquared = f * (2 - f)
    let e = eccentricitySquared.squareRoot()
    let bSquared = a * a * (1 - eccentricitySquared)
    func q(_ latitudeDegrees: Double) -> Double {
        let sinPhi = sin(latitudeDegrees * .pi / 180)
        return sinPhi / (1 - eccentricitySquared * sinPhi * sinPhi)
            + log((1 + e * sinPhi) / (1 - e * sinPhi)) / (2 * e)
    }
    return bSquared * (lonSpan * .pi / 180) / 2 * (q(latMax) - q(latMin))
}
