import Foundation
import GeoKit
import EventModel
import EventFormats

/// What `eventmap geodata import` stored: the provenance of imported district outlines, one entry per import
/// that still supplies at least one district (later imports replace earlier ones district by district).
public struct ImportedLayerInfo: Sendable, Equatable, Codable {
    /// One import.
    public struct Entry: Sendable, Equatable, Codable {
        /// Numbers the imports in order; each stored outline carries the number of the import it came from.
        public var serial: Int
        public var file: String
        public var schema: String
        /// The admin level of the fields read (2 for districts); nil for fields named with the name-field option.
        public var level: Int?
        public var source: String
        public var licence: String
        public var importedAt: String
        public var featureCount: Int
        /// Districts matched by this import when it was made.
        public var matchedCount: Int
        /// Districts whose outline comes from this import now.
        public var districtIDs: [String]
        /// The CSV of every feature and its outcome, in GeoData/imported/.
        public var matchReport: String?

        public init(serial: Int = 1, file: String, schema: String, level: Int? = nil, source: String, licence: String,
                    importedAt: String, featureCount: Int, matchedCount: Int, districtIDs: [String] = [], matchReport: String? = nil) {
            self.serial = serial
            self.file = file
            self.schema = schema
            self.level = level
            self.source = source
            self.licence = licence
            self.importedAt = importedAt
            self.featureCount = featureCount
            self.matchedCount = matchedCount
            self.districtIDs = districtIDs
            self.matchReport = matchReport
        }

        public var attribution: String { "\(source) (\(licence))" }
    }

    public var imports: [Entry]

    public init(imports: [Entry]) { self.imports = imports }

    /// A single import.
    public init(file: String, schema: String, source: String, licence: String, importedAt: String, featureCount: Int, matchedCount: Int) {
        imports = [Entry(file: file, schema: schema, source: source, licence: licence, importedAt: importedAt,
                         featureCount: featureCount, matchedCount: matchedCount)]
    }

    // One-line summaries over the imports, for the places that show a single source.
    public var file: String { imports.map(\.file).joined(separator: ", ") }
    public var schema: String { Self.unique(imports.map(\.schema)).joined(separator: ", ") }
    public var source: String { Self.unique(imports.map(\.source)).joined(separator: "; ") }
    public var licence: String { Self.unique(imports.map(\.licence)).joined(separator: "; ") }
    public var importedAt: String { imports.map(\.importedAt).max() ?? "" }
    public var featureCount: Int { imports.reduce(0) { $0 + $1.featureCount } }
    /// The districts that have an imported outline.
    public var matchedCount: Int {
        imports.contains { !$0.districtIDs.isEmpty } ? Set(imports.flatMap(\.districtIDs)).count : imports.reduce(0) { $0 + $1.matchedCount }
    }
    public var attribution: String { Self.unique(imports.map(\.attribution)).joined(separator: "; ") }

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    private enum CodingKeys: String, CodingKey { case format, imports }

    /// Reads the list, or the single import that versions before the list wrote (its districts are filled in
    /// from the stored layer by `ImportedDistricts.load`).
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if container.contains(.imports) {
            imports = try container.decode([Entry].self, forKey: .imports)
        } else {
            imports = [try Legacy(from: decoder).entry]
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(2, forKey: .format)
        try container.encode(imports, forKey: .imports)
    }

    /// The single-import file (GeoData/imported/districts.json before imports added up).
    private struct Legacy: Decodable {
        var file: String
        var schema: String
        var source: String
        var licence: String
        var importedAt: String
        var featureCount: Int
        var matchedCount: Int

        var entry: Entry {
            Entry(serial: 1, file: file, schema: schema, source: source, licence: licence, importedAt: importedAt,
                  featureCount: featureCount, matchedCount: matchedCount)
        }
    }
}

/// Official district outlines imported from GeoJSON or GeoPackage files and kept in GeoData/imported/, where every
/// command prefers them, district by district, to the shipped outlines.
public enum ImportedDistricts {
    public static func layerPath(_ geodata: String) -> String { geodata + "/imported/districts.geojson" }
    public static func infoPath(_ geodata: String) -> String { geodata + "/imported/districts.json" }
    /// The CSV of every feature of an imported file and its outcome: GeoData/imported/matches-<file name>.csv.
    public static func matchReportPath(_ geodata: String, file: String) -> String {
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        return geodata + "/imported/matches-" + name.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? String($0) : "_" }.joined() + ".csv"
    }

    /// The stored layer, or nil when nothing was imported.
    static func load(geodata: String, context: GEOSContext) throws -> (units: [AdminUnit], info: ImportedLayerInfo)? {
        guard let stored = try read(geodata: geodata, context: context) else { return nil }
        let units = try stored.features.compactMap { feature -> AdminUnit? in
            guard let id = feature["id"]?.stringValue, let geometry = feature.geometry else { return nil }
            return AdminUnit(id: id, name: feature["name"]?.stringValue ?? id, level: .district,
                             provinceID: feature["province_id"]?.stringValue,
                             countryISO3: feature["country_iso3"]?.stringValue ?? "", wkb: try geometry.wkb(), approximate: false)
        }
        return (units, stored.info)
    }

    /// The stored features and the list of imports, each import's districts filled in from the features.
    static func read(geodata: String, context: GEOSContext) throws -> (features: [Feature], info: ImportedLayerInfo)? {
        let path = layerPath(geodata)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: infoPath(geodata)),
              var info = try? JSONDecoder().decode(ImportedLayerInfo.self, from: data) else {
            throw GeoDataError(file: infoPath(geodata), "is missing or unreadable; run the import again, or remove the imported outlines")
        }
        let features = try GeoJSONFeatureReader.read(path: path, in: context)
        var bySerial: [Int: [String]] = [:]
        for feature in features {
            guard let id = feature["id"]?.stringValue else { continue }
            let serial = feature["import"].flatMap { if case let .int(n) = $0 { Int(n) } else { nil } } ?? 1
            bySerial[serial, default: []].append(id)
        }
        for i in info.imports.indices { info.imports[i].districtIDs = bySerial[info.imports[i].serial] ?? [] }
        return (features, info)
    }

    /// What storing an import changed.
    public struct Stored: Sendable {
        public var layer: String
        /// Earlier imports whose outlines this one replaced: file and districts.
        public var replaced: [(file: String, districtIDs: [String])] = []
        /// Earlier imports that still supply districts: file and how many.
        public var kept: [(file: String, count: Int)] = []
        /// Earlier imports left without any district, so no longer listed or credited.
        public var retired: [String] = []
    }

    /// Adds `outlines` to the stored layer, replacing the stored outlines of the same districts (all of them when
    /// `replace`), and records the import in the list.
    static func store(geodata: String, outlines: [(district: District, geometry: Geometry, properties: [(name: String, value: PropertyValue)])],
                      entry newEntry: ImportedLayerInfo.Entry, replace: Bool, context: GEOSContext) throws -> (stored: Stored, entry: ImportedLayerInfo.Entry) {
        let existing = replace ? nil : try read(geodata: geodata, context: context)
        var result = Stored(layer: layerPath(geodata))
        if replace {
            // Forgotten, whatever they supplied (an unreadable list is forgotten too).
            result.retired = (try? read(geodata: geodata, context: context))?.info.imports.map(\.file) ?? []
            try remove(geodata: geodata, keeping: newEntry.matchReport)
        }
        var entry = newEntry
        entry.serial = (existing?.info.imports.map(\.serial).max() ?? 0) + 1
        let newIDs = Set(outlines.map(\.district.id))
        entry.districtIDs = outlines.map(\.district.id)

        var imports: [ImportedLayerInfo.Entry] = []
        for var earlier in existing?.info.imports ?? [] {
            let replaced = earlier.districtIDs.filter(newIDs.contains)
            if !replaced.isEmpty { result.replaced.append((earlier.file, replaced)) }
            earlier.districtIDs.removeAll(where: newIDs.contains)
            if earlier.districtIDs.isEmpty {
                result.retired.append(earlier.file)
                if let csv = earlier.matchReport, csv != entry.matchReport {
                    try? FileManager.default.removeItem(atPath: geodata + "/imported/" + csv)
                }
            } else {
                result.kept.append((earlier.file, earlier.districtIDs.count))
                imports.append(earlier)
            }
        }
        imports.append(entry)

        var features: [(id: String, feature: Feature)] = (existing?.features ?? []).compactMap { feature in
            guard let id = feature["id"]?.stringValue, !newIDs.contains(id) else { return nil }
            var copy = feature
            if copy["import"] == nil { copy.properties.append(("import", .int(1))) }
            return (id, copy)
        }
        for outline in outlines {
            features.append((outline.district.id, Feature(properties: outline.properties + [("import", .int(Int64(entry.serial)))],
                                                          geometry: outline.geometry)))
        }
        features.sort { $0.id < $1.id }
        let writer = try GeoJSONWriter(path: layerPath(geodata), layerName: "districts")
        for item in features { try writer.write(item.feature) }
        try writer.finish()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(String(decoding: try encoder.encode(ImportedLayerInfo(imports: imports)), as: UTF8.self) + "\n",
                             to: infoPath(geodata))
        return (result, entry)
    }

    /// Forgets every import: the layer, the list and the match reports.
    public static func remove(geodata: String) throws {
        try remove(geodata: geodata, keeping: nil)
    }

    private static func remove(geodata: String, keeping kept: String?) throws {
        for path in [layerPath(geodata), infoPath(geodata)] where FileManager.default.fileExists(atPath: path) {
            try FileManager.default.removeItem(atPath: path)
        }
        let folder = geodata + "/imported"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where name.hasPrefix("matches-") && name.hasSuffix(".csv") && name != kept {
            try FileManager.default.removeItem(atPath: folder + "/" + name)
        }
    }
}
