import EventModel
import EventFormats
import GeoReference
import FuzzSupport
import Foundation

/// The district outline import (`eventmap geodata import`) in dry-run mode against a private copy of GeoData/:
/// GeoJSON through GeoJSONFeatureReader's tolerant read, GeoPackage (.gpkg, an input that starts like an SQLite
/// file) through GeoPackageReader; rings repaired or dropped, admin level detected, names matched, the match
/// report written. Every input either imports or is refused with an error; a report accounts for every feature.
private let geodata = RepositoryGeoData.copy()
private let gazetteer = try! Gazetteer.load(directory: geodata)
private let sqliteHeader = Array("SQLite format 3\0".utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOutlineImport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let isGeoPackage = size >= sqliteHeader.count && zip(UnsafeBufferPointer(start: data, count: size), sqliteHeader).allSatisfy { $0 == $1 }
    let path = ScratchFile.write(data, size, name: isGeoPackage ? "outlines.gpkg" : "outlines.geojson")
    var options = DistrictImport.Options()
    options.dryRun = true
    options.matchReportPath = ScratchFile.directoryPath + "/matches.csv"
    let report: DistrictImport.Report
    do {
        report = try DistrictImport.run(file: path, geodata: geodata, gazetteer: gazetteer, options: options)
    } catch let refusal as DistrictImport.Refusal {
        report = refusal.report
    } catch {
        return 0
    }
    precondition(report.outcomes.count == report.featureCount, "outcomes \(report.outcomes.count) != features \(report.featureCount)")
    precondition(report.matched.allSatisfy { (1...report.featureCount).contains($0.featureIndex) }, "a match names no feature")
    precondition(report.stored == nil, "a dry run stored outlines")
    return 0
}

@main enum Main {
    static func main() { runLibFuzzer(fuzzOutlineImport) }
}
