import Foundation
import GeoKit
import Testing
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
@testable import Analysis
@testable import Cartography
@testable import Jobs
import TestSupport

@Suite struct BoundaryBuildTests {
    let boundaries = SharedGeoData.boundaries

    @Test func naturalEarthImportReproducesTheCommittedLayers() throws {
        let output = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let report = try NaturalEarthImport.run(naturalEarth: TestPaths.fixture("naturalearth/world_map_subset.gpkg"), into: output)
        #expect(report.provinces == 41)
        #expect(report.mergedRows.contains("F.A.T.A. → Khyber Pakhtunkhwa"))
        for file in ["provinces.geojson", "countries.geojson", "border.geojson"] {
            let rebuilt = FileManager.default.contents(atPath: output + "/" + file)
            let committed = FileManager.default.contents(atPath: TestPaths.geodata + "/boundaries/naturalearth/" + file)
            #expect(rebuilt != nil && rebuilt == committed, "\(file) differs from a rebuild: run Scripts/rebuild-boundaries")
        }
    }

    @Test func provincesCarryCurrentOfficialNames() {
        let names = Set(SharedGeoData.gazetteer.provinces.map(\.name))
        #expect(SharedGeoData.gazetteer.provinces.filter { $0.countryISO3 == "AFG" }.count == 34)
        #expect(SharedGeoData.gazetteer.provinces.filter { $0.countryISO3 == "PAK" }.count == 7)
        for name in ["Khyber Pakhtunkhwa", "Balochistan", "Sindh", "Gilgit-Baltistan", "Islamabad Capital Territory",
                     "Panjsher", "Daykundi", "Parwan", "Uruzgan", "Herat", "Helmand", "Nangarhar", "Kunar"] {
            #expect(names.contains(name), "\(name)")
        }
        for old in ["K.P.", "Baluchistan", "Sind", "Northern Areas", "F.C.T.", "F.A.T.A."] {
            #expect(!names.contains(old))
            #expect(SharedGeoData.gazetteer.provinces.contains { $0.aliases.contains(old) }, "\(old) kept as an alias")
        }
    }

    @Test func formerFATALiesInKhyberPakhtunkhwa() throws {
        let index = try BoundaryIndex(boundaries)
        for (lon, lat) in [(70.0712, 33.0006), (69.5725, 32.2989), (71.5247, 34.7272)] {  // Miranshah, Wana, Khar
            #expect(try index.locate(Coordinate(lon, lat)).province?.name == "Khyber Pakhtunkhwa")
        }
    }

    @Test func borderIsTheSharedBoundaryInNamedSegments() throws {
        let context = GEOSContext()
        #expect(boundaries.borderSegments.count == 13)
        let names = boundaries.borderSegments.map(\.name)
        #expect(names.contains("Nangarhar | Khyber Pakhtunkhwa"))
        #expect(names.contains("Kandahar | Balochistan"))
        let lengthKm = try boundaries.borderSegments.reduce(0.0) {
            $0 + (try Geodesic.wgs84.lengthMeters(of: Geometry(wkb: $1.wkb, in: context))) / 1000
        }
        // The Durand Line is about 2,600 km; the generalised Natural Earth outlines QGIS ships measure 2,222 km.
        #expect(lengthKm > 2_100 && lengthKm < 2_800, "border length \(lengthKm) km")
        let afghanistan = try Geometry(wkb: boundaries.countries.first { $0.id == "AFG" }!.wkb, in: context).boundary()
        let pakistan = try Geometry(wkb: boundaries.countries.first { $0.id == "PAK" }!.wkb, in: context).boundary()
        for segment in boundaries.borderSegments {
            let line = try Geometry(wkb: segment.wkb, in: context)
            #expect(try line.buffer(1e-6).covers(line.intersection(afghanistan)))
            let midpoint = try line.interpolate(0.5, normalized: true)
            #expect(try midpoint.distance(to: afghanistan) < 1e-6 && midpoint.distance(to: pakistan) < 1e-6, "\(segment.name)")
        }
    }

    @Test func borderLabelIsNeutral() throws {
        #expect(BorderDerivation.label == "Afghanistan–Pakistan border (Durand Line)")
        let text = try String(contentsOfFile: TestPaths.geodata + "/boundaries/border.geojson", encoding: .utf8)
        #expect(text.contains("Afghanistan–Pakistan border (Durand Line)"))
    }

    /// Without official outlines (a GeoData folder without districts.geojson), districts are Voronoi cells of
    /// their headquarters inside the Natural Earth province.
    @Test func approximateDistrictsPartitionEachProvince() throws {
        let context = GEOSContext()
        var provinces: [String: Geometry] = [:]
        for feature in try GeoJSONFeatureReader.read(path: TestPaths.geodata + "/boundaries/naturalearth/provinces.geojson", in: context) {
            if let id = feature["id"]?.stringValue, let shape = feature.geometry { provinces[id] = shape }
        }
        let cellsByID = try ApproximateDistricts.build(gazetteer: SharedGeoData.gazetteer, provinces: provinces, context: context)
        #expect(cellsByID.count == SharedGeoData.gazetteer.districts.count)
        #expect(cellsByID.allSatisfy { $0.approximate })
        for provinceID in Gazetteer.focusProvinceIDs {
            let province = provinces[provinceID]!
            let cells = try cellsByID.filter { $0.provinceID == provinceID }.map { try Geometry(wkb: $0.wkb, in: context) }
            let total = try cells.reduce(0.0) { $0 + (try $1.area()) }
            #expect(abs(total - (try province.area())) / (try province.area()) < 1e-6, "cells of \(provinceID) cover it once")
        }
        let index = try BoundaryIndex(boundaries)
        for district in SharedGeoData.gazetteer.districts {
            #expect(try index.locate(district.point).district?.id == district.id, "\(district.name)'s headquarters lies in its own cell")
        }
    }
}
