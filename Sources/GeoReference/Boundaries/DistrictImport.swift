import Foundation
import GeoKit
import EventModel
import EventFormats

/// Matches the features of an official district layer (OCHA COD-AB, geoBoundaries, GADM or a named schema) to the
/// gazetteer's districts by P-code, then by name, alias and fuzzy name; closes or drops degenerate rings and repairs
/// invalid outlines; and adds the matched outlines to GeoData/imported/, replacing earlier imports district by district.
public enum DistrictImport {
    public struct Schema: Sendable, Equatable {
        public var name: String
        public var nameField: String
        public var idField: String?
        public var provinceField: String?
        /// The admin level of the fields read (2 for districts); nil for fields named with the name-field option.
        public var level: Int? = nil
        /// The admin level of the features when finer than `level` (a GADM level-3 file read at level 2): the
        /// features sharing a level-`level` id are pieces of one outline.
        public var featureLevel: Int? = nil

        public static func ocha(level: Int) -> Schema {
            Schema(name: "OCHA COD-AB", nameField: "ADM\(level)_EN", idField: "ADM\(level)_PCODE", provinceField: "ADM1_EN", level: level)
        }
        public static func gadm(level: Int) -> Schema {
            Schema(name: "GADM", nameField: "NAME_\(level)", idField: "GID_\(level)", provinceField: "NAME_1", level: level)
        }
        public static let ocha = ocha(level: 2)
        public static let geoBoundaries = Schema(name: "geoBoundaries", nameField: "shapeName", idField: "shapeID", provinceField: nil, level: 2)
        public static let gadm = gadm(level: 2)
        public static let known = [ocha, geoBoundaries, gadm]
    }

    public struct Options: Sendable {
        public var nameField: String?
        public var idField: String?
        public var provinceField: String?
        public var layer: String?
        public var source: String?
        public var licence: String?
        /// The admin level holding the districts, when the data does not say (OCHA, GADM, geoBoundaries).
        public var level: Int?
        /// Store the union of several features matching one district instead of refusing.
        public var merge = false
        /// Forget earlier imports instead of adding to them.
        public var replace = false
        public var dryRun = false
        /// Where to write the CSV of every feature and its outcome; by default GeoData/imported/matches-<file>.csv
        /// (not written in a dry run unless given).
        public var matchReportPath: String?
        /// Spreadsheet-safe match report (`CSVCell`); false writes the names as the outline file has them.
        public var neutralizeFormulas = true
        public init() {}
    }

    public struct Match: Sendable {
        public let featureIndex: Int
        public let featureName: String
        public let districtID: String
        public let districtName: String
        public let method: String
        /// The other features stored in this district's outline: pieces of the same unit, or features merged with the merge option.
        public var otherFeatures: [Int] = []
    }

    /// A feature named in the report: its 1-based index, its name and what happened to it.
    public struct FeatureNote: Sendable {
        public let index: Int
        public let name: String
        public let reason: String
        public var province: String = ""
        /// In one of the four provinces (by the file's province field, its outline or its match), or not known to be outside.
        public var inScope = true
    }

    public struct RingNote: Sendable {
        public let index: Int
        public let name: String
        public let fix: RingFix
        public let inScope: Bool
    }

    /// Several features matching one district.
    public struct Duplicate: Sendable {
        public let districtID: String
        public let districtName: String
        public let features: [(index: Int, name: String, method: String)]
        public let merged: Bool
    }

    /// One row of the match report CSV.
    public struct FeatureOutcome: Sendable {
        public var index: Int
        public var name: String
        public var code: String
        public var province: String
        public var inScope: Bool
        public var outcome: String
        public var districtID = ""
        public var districtName = ""
        public var method = ""
        public var geometry = "ok"
        public var note = ""
    }

    public struct Report: Sendable {
        public var file: String
        public var schema: Schema
        public var featureCount = 0
        /// How the admin level was chosen, when the file offered several.
        public var levelNote: String?
        public var matched: [Match] = []
        /// Every feature that matched no district, in the four provinces or not (`inScope`).
        public var unmatchedFeatures: [FeatureNote] = []
        /// Districts of the provinces this file covers that have no outline in it.
        public var unmatchedDistricts: [District] = []
        /// Districts of the provinces this file does not cover.
        public var otherDistricts: [District] = []
        /// Outlines repaired by GEOS make-valid.
        public var repaired: [FeatureNote] = []
        /// Features with degenerate rings (unclosed, fewer than 4 positions, zero area), closed or dropped.
        public var rings: [RingNote] = []
        /// Matched features left out because they give no area: no geometry, an empty one, one that collapses when
        /// repaired, or one that cannot be read at all.
        public var skipped: [FeatureNote] = []
        /// Features whose geometry cannot be read at all, or is not a polygon (matched or not).
        public var unreadable: [FeatureNote] = []
        public var duplicates: [Duplicate] = []
        /// Features dissolved into the outline of another feature of the same unit (same id and name).
        public var dissolved = 0
        public var notices: [String] = []
        /// Every feature and its outcome, as written to the match report CSV.
        public var outcomes: [FeatureOutcome] = []
        public var dryRun = false
        public var stored: String?
        public var matchReport: String?
        /// What storing changed: earlier imports replaced, kept or retired.
        public var storeResult: ImportedDistricts.Stored?

        /// Degenerate rings closed or dropped, over every feature.
        public var ringCount: Int { rings.reduce(0) { $0 + $1.fix.count } }
        public var inScopeUnmatched: [FeatureNote] { unmatchedFeatures.filter(\.inScope) }
    }

    /// An import refused after matching (several features for one district without the merge option): the report says what
    /// matched, the message what to do.
    public struct Refusal: Error, CustomStringConvertible {
        public let report: Report
        public let message: String
        public var description: String { "\(report.file): \(message)" }
    }

    public static func run(file: String, geodata: String, gazetteer: Gazetteer, options: Options) throws -> Report {
        let context = GEOSContext()
        let features = try read(file: file, options: options, context: context)
        guard !features.isEmpty else { throw GeoDataError(file: file, "has no features") }
        let matcher = DistrictMatcher(gazetteer: gazetteer)
        let detected = try DistrictImportLevels.detect(features.map(\.feature), options: options, matcher: matcher, file: file)
        let schema = detected.schema
        var report = Report(file: file, schema: schema, featureCount: features.count)
        report.levelNote = detected.note
        report.dryRun = options.dryRun
        let locator = try ProvinceLocator(geodata: geodata, context: context)

        // 1. Every feature: its outline made usable, where it lies, what it matches.
        var items: [Item] = []
        items.reserveCapacity(features.count)
        for (offset, lenient) in features.enumerated() {
            let index = offset + 1
            var item = Item(index: index, name: lenient[schema.nameField]?.stringValue ?? "",
                            code: schema.idField.flatMap { lenient[$0]?.stringValue },
                            provinceText: schema.provinceField.flatMap { lenient[$0]?.stringValue },
                            outline: try ImportOutline.make(lenient, file: file, index: index, in: context))
            if let geometry = item.outline.geometry { try checkCoordinates(geometry, location: "\(file):feature \(index)") }
            item.fieldProvinces = item.provinceText.map(matcher.provinceIDs(for:)).flatMap { $0.isEmpty ? nil : $0 }
            if item.fieldProvinces == nil, let geometry = item.outline.geometry { item.located = try? locator.locate(geometry) }
            item.result = matcher.match(name: item.name, code: item.code, fieldProvinces: item.fieldProvinces, located: item.located)
            items.append(item)
        }
        if !items.contains(where: \.outline.isPolygonLayerFeature),
           let problem = items.lazy.compactMap({ if case let .unusable(p) = $0.outline.state { p } else { nil } }).first {
            // Not one polygon in the whole layer: the wrong file, not a bad feature.
            throw GeoDataError(file: problem.location, problem.message)
        }

        // 2. Units: features sharing an id and a name are pieces of one outline (a level-3 file read at level 2).
        var unitOf: [String: Int] = [:]
        var units: [[Int]] = []
        for (position, item) in items.enumerated() {
            guard let code = item.code, !code.isEmpty else { units.append([position]); continue }
            let key = code + "|" + NameNormalizer.key(item.name)
            if let unit = unitOf[key] { units[unit].append(position) } else { unitOf[key] = units.count; units.append([position]) }
        }

        // 3. Outlines per matched unit, then per district.
        var byDistrict: [String: [(unit: [Int], geometry: Geometry)]] = [:]
        for unit in units {
            guard case let .matched(district, _) = items[unit[0]].result else { continue }
            var pieces: [Geometry] = []
            for position in unit {
                let item = items[position]
                switch item.outline.state {
                case .none: report.skipped.append(FeatureNote(index: item.index, name: item.name, reason: "has no geometry"))
                case let .empty(reason): report.skipped.append(FeatureNote(index: item.index, name: item.name, reason: reason))
                case let .unusable(problem): report.skipped.append(FeatureNote(index: item.index, name: item.name, reason: problem.message))
                case let .polygonal(geometry):
                    let (valid, reason) = try ImportOutline.repair(geometry, in: context)
                    guard let valid else {
                        report.skipped.append(FeatureNote(index: item.index, name: item.name, reason: "collapses to no area when repaired (\(reason ?? ""))"))
                        continue
                    }
                    if let reason { report.repaired.append(FeatureNote(index: item.index, name: item.name, reason: reason)) }
                    pieces.append(valid)
                }
            }
            guard !pieces.isEmpty else { continue }
            if unit.count > 1 { report.dissolved += unit.count - 1 }
            let geometry = pieces.count == 1 ? pieces[0] : try Geometry.unionOf(pieces, in: context)
            byDistrict[district.id, default: []].append((unit, geometry))
        }

        var chosen: [String: (geometry: Geometry, match: Match)] = [:]
        for district in gazetteer.districts {
            guard let found = byDistrict[district.id] else { continue }
            let first = items[found[0].unit[0]]
            guard case let .matched(_, method) = first.result else { continue }
            var match = Match(featureIndex: first.index, featureName: first.name, districtID: district.id,
                              districtName: district.name, method: method)
            match.otherFeatures = found.flatMap(\.unit).dropFirst().map { items[$0].index }
            if found.count > 1 {
                report.duplicates.append(Duplicate(districtID: district.id, districtName: district.name, features: found.map { unit in
                    let item = items[unit.unit[0]]
                    guard case let .matched(_, method) = item.result else { return (item.index, item.name, "") }
                    return (item.index, item.name, method)
                }, merged: options.merge))
            }
            let geometry = found.count == 1 ? found[0].geometry : try Geometry.unionOf(found.map(\.geometry), in: context)
            chosen[district.id] = (geometry, match)
        }
        report.matched = chosen.values.map(\.match).sorted { $0.featureIndex < $1.featureIndex }

        // 4. What is in scope, what did not match, what each feature became.
        let covered = Set(report.matched.compactMap { gazetteer.district(id: $0.districtID)?.provinceID })
            .union(items.flatMap { $0.fieldProvinces ?? [] }.filter(Gazetteer.focusProvinceIDs.contains))
        report.unmatchedDistricts = gazetteer.districts.filter { chosen[$0.id] == nil && covered.contains($0.provinceID) }
        report.otherDistricts = gazetteer.districts.filter { chosen[$0.id] == nil && !covered.contains($0.provinceID) }
        let splitParents = splitParentNames(gazetteer)
        for item in items {
            let inScope = item.inScope
            if case let .unusable(problem) = item.outline.state {
                report.unreadable.append(FeatureNote(index: item.index, name: item.name, reason: problem.message, inScope: inScope))
            }
            if !item.outline.rings.isEmpty {
                report.rings.append(RingNote(index: item.index, name: item.name, fix: item.outline.rings, inScope: inScope))
            }
            if case .matched = item.result { continue }
            var reason = item.reason
            if inScope, let children = splitParents[item.code ?? ""] ?? splitParents[NameNormalizer.key(item.name)] {
                reason = "a former district, split since into " + children.map { "\($0.id) \($0.name)" }.joined(separator: " and ")
                    + "; they keep their shipped outlines (approximated inside it)"
            }
            report.unmatchedFeatures.append(FeatureNote(index: item.index, name: item.name, reason: reason,
                                                        province: item.provinceText ?? "", inScope: inScope))
        }
        report.outcomes = outcomes(items: items, units: units, chosen: chosen, report: report)
        for district in report.unmatchedDistricts {
            guard let parent = district.parentID, let imported = chosen[parent] else { continue }
            report.notices.append("\(district.id) \(district.name), created after the official edition inside \(imported.match.districtName), keeps its shipped outline; the imported \(imported.match.districtName) (feature \(imported.match.featureIndex)) may still cover it")
        }
        if report.dissolved > 0 {
            report.notices.append("\(report.dissolved) feature\(report.dissolved == 1 ? "" : "s") dissolved into the outline of another feature with the same \(schema.idField ?? "id") and name")
        }

        // 5. Refusals.
        if !report.duplicates.isEmpty && !options.merge {
            let list = report.duplicates.map { duplicate in
                "\(duplicate.districtID) \(duplicate.districtName) ← " + duplicate.features.map { "feature \($0.index) '\($0.name)' (\($0.method))" }.joined(separator: " and ")
            }.joined(separator: "; ")
            throw Refusal(report: report, message: "several features match one district: \(list). Pass the merge option to store their union, or fix the names (the name-field option, the province-field option, aliases in districts.csv)")
        }
        guard !report.matched.isEmpty else {
            if !report.skipped.isEmpty {
                throw GeoDataError(file: file, "every feature that matched a district was left out: " + report.skipped.map { "feature \($0.index) '\($0.name)' \($0.reason)" }.joined(separator: "; ") + "; fix or replace those outlines")
            }
            throw GeoDataError(file: file, "no feature matched a district of Nangarhar, Kunar, Khyber Pakhtunkhwa or Balochistan; check the name-field option (used '\(schema.nameField)')")
        }

        // 6. Store (unless a dry run) and write the match report.
        let csvPath = options.matchReportPath ?? (options.dryRun ? nil : ImportedDistricts.matchReportPath(geodata, file: file))
        if !options.dryRun {
            let entry = ImportedLayerInfo.Entry(
                file: URL(fileURLWithPath: file).lastPathComponent, schema: schema.name, level: schema.level,
                source: options.source ?? schema.name, licence: options.licence ?? defaultLicence(schema),
                importedAt: ISO8601DateFormatter().string(from: Date()), featureCount: features.count,
                matchedCount: report.matched.count,
                matchReport: options.matchReportPath == nil ? csvPath.map { URL(fileURLWithPath: $0).lastPathComponent } : nil)
            let outlines = gazetteer.districts.compactMap { district -> (district: District, geometry: Geometry, properties: [(name: String, value: PropertyValue)])? in
                guard let entry = chosen[district.id] else { return nil }
                return (district, entry.geometry, [
                    ("id", .string(district.id)), ("name", .string(district.name)),
                    ("province_id", .string(district.provinceID)), ("country_iso3", .string(district.countryISO3)),
                    ("source_file", .string(URL(fileURLWithPath: file).lastPathComponent)),
                    ("source_feature", .int(Int64(entry.match.featureIndex))), ("source_name", .string(entry.match.featureName)),
                    ("match", .string(entry.match.method + (entry.match.otherFeatures.isEmpty ? "" : "; with features " + entry.match.otherFeatures.map(String.init).joined(separator: ", ")))),
                ])
            }
            let (stored, _) = try ImportedDistricts.store(geodata: geodata, outlines: outlines, entry: entry, replace: options.replace, context: context)
            report.stored = stored.layer
            report.storeResult = stored
        }
        if let csvPath {
            try writeMatchReport(report, gazetteer: gazetteer, to: csvPath, neutralizeFormulas: options.neutralizeFormulas)
            report.matchReport = csvPath
        }
        return report
    }

    static func defaultLicence(_ schema: Schema) -> String {
        switch schema.name {
        case Schema.ocha.name: "CC BY-IGO 3.0, per the HDX dataset page; check it for your file"
        case Schema.geoBoundaries.name: "CC BY 4.0 (geoBoundaries); check the metadata of your file"
        case Schema.gadm.name: "GADM licence: free for non-commercial use, no redistribution"
        default: "unknown: give it with the licence option"
        }
    }

    // MARK: - Steps

    /// One feature on its way through the import.
    struct Item {
        let index: Int
        let name: String
        let code: String?
        let provinceText: String?
        let outline: ImportOutline
        var fieldProvinces: Set<String>? = nil
        var located: Set<String>? = nil
        var result: DistrictMatcher.Result = .unmatched(nil)

        var inScope: Bool {
            switch result {
            case .matched: true
            case .outOfScope: false
            case .ambiguous, .unmatched: true
            }
        }

        var reason: String {
            switch result {
            case let .matched(district, method): "matched \(district.id) (\(method))"
            case let .ambiguous(why): "ambiguous: \(why)"
            case let .unmatched(hint): hint.map { "matches no district (\($0))" } ?? (name.isEmpty ? "has no name" : "matches no district")
            case let .outOfScope(why): "outside the four provinces: \(why)"
            }
        }
    }

    private static func read(file: String, options: Options, context: GEOSContext) throws -> [LenientFeature] {
        let lower = file.lowercased()
        if lower.hasSuffix(".gpkg") {
            return try GeoPackageReader(path: file).lenientFeatures(layer: options.layer, in: context)
        } else if lower.hasSuffix(".geojson") || lower.hasSuffix(".json") {
            return try GeoJSONFeatureReader.readLenient(path: file, in: context)
        }
        throw GeoDataError(file: file, "has an unknown extension; import a .geojson or .gpkg file (convert others with ogr2ogr)")
    }

    /// Coordinates that are not lon/lat are the whole file's problem, not one feature's.
    private static func checkCoordinates(_ geometry: Geometry, location: String) throws {
        guard let e = geometry.envelope else { return }
        if !(e.minX >= -180 && e.maxX <= 180 && e.minY >= -90 && e.maxY <= 90) {
            throw GeoDataError(file: location, "coordinates (\(e.minX), \(e.minY)) are not longitude/latitude; the file looks projected — reproject it with ogr2ogr -t_srs EPSG:4326")
        }
        // A ring written across ±180° (179.5 → -179.5) spans the whole globe in lon/lat; no district does.
        if e.maxX - e.minX > 180 {
            throw GeoDataError(file: location, "crosses the antimeridian (±180° longitude): its longitudes run from \(e.minX) to \(e.maxX), so read as lon/lat it wraps the globe; split it at 180° (ogr2ogr -wrapdateline) or check the coordinates")
        }
    }

    /// Former districts split since the official edition, by P-code and by the name their parts share once
    /// "Upper"/"Lower" is taken off ("Upper South Waziristan", "Lower South Waziristan" → "south waziristan").
    private static func splitParentNames(_ gazetteer: Gazetteer) -> [String: [District]] {
        var byParent: [String: [District]] = [:]
        for district in gazetteer.districts { if let parent = district.parentID { byParent[parent, default: []].append(district) } }
        var result: [String: [District]] = [:]
        for (parent, children) in byParent where children.count > 1 {
            result[parent] = children
            let shared = Set(children.map { child in
                NameNormalizer.key(child.name).split(separator: " ").filter { $0 != "upper" && $0 != "lower" }.joined(separator: " ")
            })
            if shared.count == 1, let name = shared.first, !name.isEmpty { result[name] = children }
        }
        return result
    }

    private static func outcomes(items: [Item], units: [[Int]], chosen: [String: (geometry: Geometry, match: Match)], report: Report) -> [FeatureOutcome] {
        var unitHead: [Int: Int] = [:]
        for unit in units { for position in unit { unitHead[position] = items[unit[0]].index } }
        let skipped = Dictionary(report.skipped.map { ($0.index, $0.reason) }, uniquingKeysWith: { a, _ in a })
        let repaired = Dictionary(report.repaired.map { ($0.index, $0.reason) }, uniquingKeysWith: { a, _ in a })
        let duplicateIDs = Set(report.duplicates.map(\.districtID))
        return items.enumerated().map { position, item in
            var row = FeatureOutcome(index: item.index, name: item.name, code: item.code ?? "", province: item.provinceText ?? "",
                                     inScope: item.inScope, outcome: "")
            switch item.outline.state {
            case .none: row.geometry = "none"
            case let .empty(reason): row.geometry = "left out: \(reason)"
            case let .unusable(problem): row.geometry = "unreadable: \(problem.message)"
            case .polygonal:
                if let reason = repaired[item.index] { row.geometry = "repaired: \(reason)" }
                if let reason = skipped[item.index] { row.geometry = "left out: \(reason)" }
            }
            if !item.outline.rings.isEmpty { row.geometry += "; rings: \(item.outline.rings.description)" }
            switch item.result {
            case let .matched(district, method):
                row.districtID = district.id
                row.districtName = district.name
                row.method = method
                if let match = chosen[district.id]?.match {
                    if match.featureIndex == item.index {
                        row.outcome = duplicateIDs.contains(district.id) ? "matched (merged with other features)" : "matched"
                    } else if match.otherFeatures.contains(item.index) {
                        let head = unitHead[position] ?? item.index
                        row.outcome = head != item.index ? "piece of feature \(head)" : (report.duplicates.first { $0.districtID == district.id }?.merged == true
                            ? "merged into feature \(match.featureIndex)" : "duplicate of feature \(match.featureIndex)")
                    } else {
                        row.outcome = "left out"
                    }
                } else {
                    row.outcome = "left out"
                }
            case let .ambiguous(why): row.outcome = "ambiguous"; row.note = why
            case let .unmatched(hint): row.outcome = "unmatched"; row.note = hint ?? ""
            case let .outOfScope(why): row.outcome = "out of scope"; row.note = why
            }
            if let note = report.unmatchedFeatures.first(where: { $0.index == item.index && $0.reason.hasPrefix("a former district") }) {
                row.note = note.reason
            }
            return row
        }
    }

    private static func writeMatchReport(_ report: Report, gazetteer: Gazetteer, to path: String, neutralizeFormulas: Bool) throws {
        let writer = try CSVWriter(path: path, neutralizeFormulas: neutralizeFormulas)
        writer.writeRow(["record", "feature", "name", "id", "province", "in_scope", "outcome", "district_id", "district_name", "method", "geometry", "note"])
        for row in report.outcomes {
            writer.writeRow(["feature", String(row.index), row.name, row.code, row.province, row.inScope ? "yes" : "no", row.outcome,
                             row.districtID, row.districtName, row.method, row.geometry, row.note])
        }
        for district in report.unmatchedDistricts {
            writer.writeRow(["district", "", "", district.id, district.provinceName, "yes", "no outline in this file",
                             district.id, district.name, "", "", "keeps its current outline"])
        }
        for district in report.otherDistricts {
            writer.writeRow(["district", "", "", district.id, district.provinceName, "no", "province not in this file",
                             district.id, district.name, "", "", "keeps its current outline"])
        }
        try writer.finish()
    }
}

/// Says which of the four provinces an outline lies in (or next to: 0.05°, as the province outlines are
/// generalised), for files without a province field.
struct ProvinceLocator {
    private let provinces: [(id: String, prepared: PreparedGeometry)]

    init(geodata: String, context: GEOSContext) throws {
        let path = geodata + "/boundaries/provinces.geojson"
        var found: [(id: String, prepared: PreparedGeometry)] = []
        if FileManager.default.fileExists(atPath: path) {
            for feature in try PolygonLayerReader.read(path: path, in: context) {
                guard let id = feature["id"]?.stringValue, Gazetteer.focusProvinceIDs.contains(id), let geometry = feature.geometry else { continue }
                found.append((id, try PreparedGeometry(geometry)))
            }
        }
        provinces = found
    }

    /// The focus provinces at the outline's interior point; empty when it lies outside all four; nil when unknown.
    func locate(_ geometry: Geometry) throws -> Set<String>? {
        guard !provinces.isEmpty, !geometry.isEmpty else { return nil }
        let point = try geometry.pointOnSurface()
        var ids = Set<String>()
        for province in provinces where try province.prepared.contains(point) { ids.insert(province.id) }
        if !ids.isEmpty { return ids }
        for province in provinces where try province.prepared.distance(to: point) <= 0.05 { ids.insert(province.id) }
        return ids
    }
}
