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

@Suite struct DistrictImportTests {
    let gazetteer = SharedGeoData.gazetteer

    func importing(_ fixture: String, _ configure: (inout DistrictImport.Options) -> Void = { _ in })
        throws -> (report: DistrictImport.Report, geodata: String) {
        let geodata = try TestPaths.geodataCopy()
        var options = DistrictImport.Options()
        configure(&options)
        let report = try DistrictImport.run(file: TestPaths.fixture("import/" + fixture), geodata: geodata,
                                            gazetteer: gazetteer, options: options)
        return (report, geodata)
    }

    func methods(_ report: DistrictImport.Report) -> [String: String] {
        Dictionary(uniqueKeysWithValues: report.matched.map { ($0.districtID, $0.method) })
    }

    @Test func ochaSchemaMatchesByPcodeThenNameAndRepairs() throws {
        let (report, geodata) = try importing("ocha_adm2.geojson")
        defer { try? FileManager.default.removeItem(atPath: geodata) }
        #expect(report.schema == .ocha)
        #expect(methods(report) == ["AF0601": "pcode", "AF1501": "pcode", "PK502": "name", "PK528": "pcode"])
        #expect(report.repaired.map(\.name) == ["Peshawar"])
        #expect(report.repaired.first?.reason.contains("Self-intersection") == true)
        #expect(report.unmatchedFeatures.map(\.name) == ["Lahore"])
        #expect(report.unmatchedDistricts.count == gazetteer.districts.count - 4)

        let loaded = try BoundaryData.load(geodata: geodata, gazetteer: gazetteer)
        guard case let .official(info) = loaded.districtSource else { Issue.record("imported outlines not preferred"); return }
        #expect(info.schema == "OCHA COD-AB" && info.matchedCount == 4 && info.file == "ocha_adm2.geojson")
        #expect(loaded.districts.count == gazetteer.districts.count, "the others keep their shipped outline")
        let imported = Set(["AF0601", "AF1501", "PK502", "PK528"])
        #expect(loaded.districts.filter { imported.contains($0.id) }.allSatisfy { !$0.approximate })
        let context = GEOSContext()
        let peshawar = try Geometry(wkb: loaded.districts.first { $0.id == "PK528" }!.wkb, in: context)
        #expect(peshawar.isValid)

        let text = try ReferenceData.load(geodata).report()
        #expect(text.contains("imported: OCHA COD-AB"))
        try ImportedDistricts.remove(geodata: geodata)
        #expect(try BoundaryData.load(geodata: geodata, gazetteer: gazetteer).districtSource == .shipped)
    }

    @Test func geoBoundariesSchemaMatchesByAliasAndFuzzyName() throws {
        let (report, geodata) = try importing("geoboundaries_adm2.geojson")
        defer { try? FileManager.default.removeItem(atPath: geodata) }
        #expect(report.schema == .geoBoundaries)
        let found = methods(report)
        #expect(found["PK513"] == "alias")          // "Khyber Agency"
        #expect(found["PK214"] == "alias")          // "Qila Abdullah"
        #expect(found["AF0615"]?.hasPrefix("fuzzy") == true)  // "Achinn"
        #expect(report.unmatchedFeatures.map(\.name) == ["Atlantis"])
    }

    @Test func gadmGeoPackageMatchesWithNaturalEarthProvinceNames() throws {
        let (report, geodata) = try importing("gadm_adm2.gpkg")
        defer { try? FileManager.default.removeItem(atPath: geodata) }
        #expect(report.schema == .gadm)
        #expect(methods(report) == ["PK226": "name", "PK220": "name", "PK524": "name"])
        #expect(report.stored != nil)
    }

    @Test func namedFieldsAndDryRun() throws {
        let (report, geodata) = try importing("custom_fields.geojson") {
            $0.nameField = "DIST_NAME"; $0.idField = "DIST_CODE"; $0.dryRun = true
        }
        defer { try? FileManager.default.removeItem(atPath: geodata) }
        #expect(methods(report) == ["AF0601": "pcode"])
        #expect(report.stored == nil)
        #expect(!FileManager.default.fileExists(atPath: ImportedDistricts.layerPath(geodata)))
    }

    @Test func badFilesGetErrorsThatSayWhatToDo() throws {
        func message(_ fixture: String, _ configure: (inout DistrictImport.Options) -> Void = { _ in }) -> String {
            do { _ = try importing(fixture, configure); return "" } catch { return "\(error)" }
        }
        #expect(message("projected_adm2.geojson").contains("reproject"))
        #expect(message("not_a_geopackage.gpkg").contains("is not a GeoPackage"))
        #expect(message("utm_adm2.gpkg").contains("EPSG:32642"))
        #expect(message("custom_fields.geojson").contains("--name-field"))
        #expect(message("custom_fields.geojson") { $0.nameField = "NOPE" }.contains("has no field 'NOPE'"))
    }
}
