import Foundation
import GeoKit
import EventModel
import EventFormats

/// The human-readable account of a district import, the four provinces first: what matched, which of their
/// districts have no outline in the file, what geometry was repaired or dropped, duplicates; then counts of the
/// rest, whose full lists are in the match report CSV.
public enum DistrictImportReportText {
    public static func render(_ report: DistrictImport.Report) -> String {
        var lines = ["\(report.file): \(report.featureCount) features, schema \(report.schema.name) (name field \(report.schema.nameField)\(report.schema.idField.map { ", id field \($0)" } ?? "")\(report.schema.level.map { ", admin level \($0)" } ?? ""))"]
        if let note = report.levelNote { lines.append("level: \(note)") }

        let byMethod = Dictionary(grouping: report.matched, by: { $0.method.hasPrefix("fuzzy") ? "fuzzy" : $0.method })
        lines.append("matched \(report.matched.count) districts: " + byMethod.keys.sorted().map { "\($0) \(byMethod[$0]!.count)" }.joined(separator: ", "))
        for match in report.matched where match.method != "pcode" && match.method != "name" {
            lines.append("  feature \(match.featureIndex) '\(match.featureName)' → \(match.districtID) \(match.districtName) (\(match.method))")
        }

        let inScope = report.inScopeUnmatched
        if !inScope.isEmpty {
            lines.append("features in the four provinces matching no district: \(inScope.count)")
            for feature in inScope.prefix(40) {
                lines.append("  feature \(feature.index) '\(feature.name)'" + (feature.province.isEmpty ? "" : " (\(feature.province))") + ": \(feature.reason)")
            }
            if inScope.count > 40 { lines.append("  … and \(inScope.count - 40) more (see the match report)") }
        }
        if !report.unmatchedDistricts.isEmpty {
            lines.append("districts of the provinces in this file without an outline in it: \(report.unmatchedDistricts.count) (they keep their current outline)")
            for district in report.unmatchedDistricts.prefix(40) {
                lines.append("  \(district.id) \(district.name) (\(district.provinceName))")
            }
            if report.unmatchedDistricts.count > 40 { lines.append("  … and \(report.unmatchedDistricts.count - 40) more (see the match report)") }
        }

        let inScopeRings = report.rings.filter(\.inScope)
        if report.ringCount > 0 {
            var total = RingFix()
            for note in report.rings { total = total + note.fix }
            lines.append("degenerate rings: \(report.ringCount) in \(report.rings.count) feature\(report.rings.count == 1 ? "" : "s") (\(total.description))")
            for note in inScopeRings.prefix(30) {
                lines.append("  feature \(note.index) '\(note.name)': \(note.fix.description)")
            }
        }
        for repair in report.repaired {
            lines.append("repaired feature \(repair.index) '\(repair.name)': \(repair.reason) (GEOS make-valid)")
        }
        for skip in report.skipped {
            lines.append("skipped feature \(skip.index) '\(skip.name)': \(skip.reason); left out of the import")
        }
        let skippedIndices = Set(report.skipped.map(\.index))
        let unreadable = report.unreadable.filter { $0.inScope && !skippedIndices.contains($0.index) }
        for feature in unreadable.prefix(30) {
            lines.append("unreadable feature \(feature.index) '\(feature.name)': \(feature.reason); skipped")
        }
        for duplicate in report.duplicates {
            let features = duplicate.features.map { "feature \($0.index) '\($0.name)' (\($0.method))" }.joined(separator: " and ")
            lines.append(duplicate.merged
                ? "merged: \(duplicate.districtID) \(duplicate.districtName) is the union of \(features) (the merge option)"
                : "duplicate: \(duplicate.districtID) \(duplicate.districtName) is matched by \(features)")
        }
        for notice in report.notices { lines.append("note: \(notice)") }

        // The rest, counted.
        let outside = report.unmatchedFeatures.filter { !$0.inScope }
        let outsideUnreadable = report.unreadable.filter { !$0.inScope }
        if !outside.isEmpty || !report.otherDistricts.isEmpty || !outsideUnreadable.isEmpty {
            var parts: [String] = []
            if !outside.isEmpty { parts.append("\(outside.count) feature\(outside.count == 1 ? "" : "s") outside the four provinces") }
            if !outsideUnreadable.isEmpty { parts.append("\(outsideUnreadable.count) of them unreadable") }
            if !report.otherDistricts.isEmpty {
                let provinces = Array(Set(report.otherDistricts.map(\.provinceName))).sorted()
                parts.append("\(report.otherDistricts.count) districts of \(provinces.joined(separator: ", ")) not in this file (they keep their current outline)")
            }
            lines.append("not listed: " + parts.joined(separator: "; "))
        }

        if let stored = report.storeResult {
            for replaced in stored.replaced {
                lines.append("replaces the outlines of \(replaced.districtIDs.count) district\(replaced.districtIDs.count == 1 ? "" : "s") imported from \(replaced.file)")
            }
            for kept in stored.kept {
                lines.append("keeps \(kept.count) district\(kept.count == 1 ? "" : "s") imported earlier from \(kept.file)")
            }
            for retired in stored.retired {
                lines.append("\(retired) no longer supplies any district and is no longer credited")
            }
        }
        if let csv = report.matchReport { lines.append("every feature and its outcome: \(csv)") }
        lines.append(report.stored.map { "stored in \($0); every command now prefers these outlines" } ?? (report.dryRun ? "dry run: nothing stored" : "nothing stored"))
        return lines.joined(separator: "\n")
    }
}
