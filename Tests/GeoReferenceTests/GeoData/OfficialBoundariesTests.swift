import Foundation
import EventSimulation
import GeoKit
import Testing
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
import TestSupport

/// The official district outlines shipped in GeoData/boundaries, checked against the shared COD-AB file
/// they are built from (../shared beside the clone, as in CI).
@Suite struct OfficialBoundariesTests {
    static let codab = TestPaths.repository.deletingLastPathComponent()
        .appendingPathComponent("shared/data/boundaries/cod-ab_districts_four_provinces.geojson").path
    static var haveCODAB: Bool { FileManager.default.fileExists(atPath: codab) }

    @Test(.enabled(if: haveCODAB, "needs ../shared/data/boundaries (present in CI)"))
    func rebuildFromTheSharedFilesIsByteIdentical() throws {
        let output = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let report = try OfficialBoundaries.build(naturalEarth: TestPaths.geodata + "/boundaries/naturalearth", codab: Self.codab,
                                                  gazetteer: SharedGeoData.gazetteer, into: output)
        #expect(report.official + report.approximate == SharedGeoData.gazetteer.districts.count)
        #expect(report.segments == 13)
        for file in ["districts.geojson", "provinces.geojson", "countries.geojson", "border.geojson"] {
            let rebuilt = FileManager.default.contents(atPath: output + "/" + file)
            let committed = FileManager.default.contents(atPath: TestPaths.geodata + "/boundaries/" + file)
            #expect(rebuilt != nil && rebuilt == committed, "\(file) differs from a rebuild: run Scripts/rebuild-boundaries")
        }
    }

    /// Random points over the four provinces get the district of the COD-AB outline that contains them,
    /// wherever that district still exists as published (100% off the boundaries).
    @Test(.enabled(if: haveCODAB, "needs ../shared/data/boundaries (present in CI)"))
    func randomPointsGetTheDistrictOfTheirOfficialOutline() throws {
        let context = GEOSContext()
        let outlines = try GeoJSONFeatureReader.read(path: Self.codab, in: context).compactMap { feature -> (String, PreparedGeometry, Geometry)? in
            guard let id = feature["ADM2_PCODE"]?.stringValue, let shape = feature.geometry else { return nil }
            return (id, try PreparedGeometry(shape), try shape.boundary())
        }
        let unchanged = Set(SharedGeoData.boundaries.districts.filter { !$0.approximate }.map(\.id))
        let index = try BoundaryIndex(SharedGeoData.boundaries, context: context)
        var generator = SplitMix64(seed: 20261129)
        var checked = 0
        for _ in 0..<8000 {
            let c = Coordinate(60.8 + 13.4 * generator.nextUnit(), 24.8 + 12.2 * generator.nextUnit())
            let point = try Geometry.point(c, in: context)
            // Where the Afghan and Pakistani datasets overlap (about 114 km² along Nangarhar), the one border line
            // decides; such points are checked by everyPointLiesInExactlyOneCountry instead.
            let containing = try outlines.filter { try $0.1.containsProperly(point) }
            guard containing.count == 1, let (id, _, boundary) = containing.first,
                  unchanged.contains(id), try boundary.distance(to: point) > 1e-5 else { continue }
            checked += 1
            #expect(try index.locate(c).district?.id == id, "\(c) lies in \(id)")
        }
        #expect(checked > 1000)
    }

    @Test func everyPointLiesInExactlyOneCountry() throws {
        let context = GEOSContext()
        let countries = SharedGeoData.boundaries.countries
        let afghanistan = try Geometry(wkb: countries.first { $0.id == "AFG" }!.wkb, in: context)
        let pakistan = try Geometry(wkb: countries.first { $0.id == "PAK" }!.wkb, in: context)
        #expect(try afghanistan.intersection(pakistan).area() < 1e-12)
        #expect(afghanistan.isValid && pakistan.isValid)
        // Every district lies in the country it belongs to (up to the slivers of writing 6 decimals: under
        // 5e-8 square degrees, about 500 m²).
        for district in SharedGeoData.boundaries.districts {
            let shape = try Geometry(wkb: district.wkb, in: context)
            let other = district.countryISO3 == "AFG" ? pakistan : afghanistan
            #expect(try shape.intersection(other).area() < 5e-8, "\(district.name) reaches into the other country")
        }
    }

    @Test func districtsCarryTheirOwnApproximationFlag() {
        let districts = SharedGeoData.boundaries.districts
        #expect(districts.count == SharedGeoData.gazetteer.districts.count)
        let approximate = Set(districts.filter(\.approximate).map(\.id))
        // New districts and the parents they were carved from; everything else is the published outline.
        for id in ["EM-PK-BA-HUB", "PK217", "EM-PK-KP-USWZ", "EM-PK-KP-LSWZ", "EM-PK-KP-CDIR", "PK535"] {
            #expect(approximate.contains(id), "\(id)")
        }
        #expect(!approximate.contains("PK528") && !approximate.contains("AF0601"))
        #expect(districts.count - approximate.count >= 95)
    }

    /// Every place the gazetteer puts in a district lies in that district's outline (200 m for places on a boundary).
    @Test func placesLieInTheirOwnDistrict() throws {
        let context = GEOSContext()
        let shapes = try Dictionary(uniqueKeysWithValues: SharedGeoData.boundaries.districts.map { ($0.id, try Geometry(wkb: $0.wkb, in: context)) })
        for place in SharedGeoData.gazetteer.places {
            guard let districtID = place.districtID, let shape = shapes[districtID],
                  SharedGeoData.boundaries.districts.first(where: { $0.id == districtID })?.approximate == false else { continue }
            let point = try Geometry.point(place.point, in: context)
            let (onShape, _) = try shape.nearestPoints(to: point)
            let km = Geodesic.wgs84.distanceKm(lon1: place.point.x, lat1: place.point.y, lon2: onShape.x, lat2: onShape.y)
            #expect(km <= 0.2, "\(place.name) lies \(km) km outside \(districtID)")
        }
    }
}
