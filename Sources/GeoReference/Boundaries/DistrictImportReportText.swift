import GeoKit
import EventModel
import EventFormats
/// The human-readable account of a district import: what matched, what did not (both ways), what was repaired.
public enum DistrictImportReportText {
    public static func render(_ report: DistrictImport.Report) -> String {
        var lines = ["\(report.file): \(report.featureCount) features, schema \(report.schema.name) (name field \(report.schema.nameField)\(report.schema.idField.map { ", id field \($0)" } ?? ""))"]
        let byMethod = Dictionary(grouping: report.matched, by: { $0.method.hasPrefix("fuzzy") ? "fuzzy" : $0.method })
        lines.append("matched \(report.matched.count) districts: " + byMethod.keys.sorted().map { "\($0) \(byMethod[$0]!.count)" }.joined(separator: ", "))
        for match in report.matched where match.method != "pcode" && match.method != "name" {
            lines.append("  feature \(match.featureIndex) '\(match.featureName)' → \(match.districtID) \(match.districtName) (\(match.method))")
        }
        if !report.unmatchedFeatures.isEmpty {
            lines.append("features matching no district of the four provinces: \(report.unmatchedFeatures.count)")
            for feature in report.unmatchedFeatures.prefix(30) {
                lines.append("  feature \(feature.index) '\(feature.name)'" + (feature.province.isEmpty ? "" : " (\(feature.province))"))
            }
            if report.unmatchedFeatures.count > 30 { lines.append("  … and \(report.unmatchedFeatures.count - 30) more") }
        }
        if !report.unmatchedDistricts.isEmpty {
            lines.append("gazetteer districts without an outline in this file: \(report.unmatchedDistricts.count)")
            for district in report.unmatchedDistricts.prefix(40) {
                lines.append("  \(district.id) \(district.name) (\(district.provinceName))")
            }
            if report.unmatchedDistricts.count > 40 { lines.append("  … and \(report.unmatchedDistricts.count - 40) more") }
        }
        for repair in report.repaired {
            lines.append("repaired feature \(repair.index) '\(repair.name)': \(repair.reason) (GEOS make-valid)")
        }
        for skip in report.skipped {
            lines.append("skipped feature \(skip.index) '\(skip.name)': \(skip.reason); left out of the import")
        }
        for duplicate in report.duplicates {
            lines.append("feature \(duplicate.index) '\(duplicate.name)' also matched \(duplicate.districtID): outlines merged")
        }
        lines.append(report.stored.map { "stored in \($0); every command now prefers these outlines" } ?? "dry run: nothing stored")
        return lines.joined(separator: "\n")
    }
}
