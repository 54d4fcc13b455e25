import Foundation
import GeoKit
import EventModel
import EventFormats

/// Matches the features of an official district layer (OCHA COD-AB, geoBoundaries, GADM or a named
/// schema) to the gazetteer's districts by P-code, then by name, alias and fuzzy name, repairs invalid
/// outlines, and stores the matched ones in GeoData/imported/.
public enum DistrictImport {
    public struct Schema: Sendable, Equatable {
        public var name: String
        public var nameField: String
        public var idField: String?
        public var provinceField: String?

        public static let ocha = Schema(name: "OCHA COD-AB", nameField: "ADM2_EN", idField: "ADM2_PCODE", provinceField: "ADM1_EN")
        public static let geoBoundaries = Schema(name: "geoBoundaries", nameField: "shapeName", idField: "shapeID", provinceField: nil)
        public static let gadm = Schema(name: "GADM", nameField: "NAME_2", idField: "GID_2", provinceField: "NAME_1")
        public static let known = [ocha, geoBoundaries, gadm]
    }

    public struct Options: Sendable {
        public var nameField: String?
        public var idField: String?
        public var provinceField: String?
        public var layer: String?
        public var source: String?
        public var licence: String?
        public var dryRun = false
        public init() {}
    }

    public struct Match: Sendable {
        public let featureIndex: Int
        public let featureName: String
        public let districtID: String
        public let districtName: String
        public let method: String
    }

    public struct Report: Sendable {
        public var file: String
        public var schema: Schema
        public var featureCount = 0
        public var matched: [Match] = []
        /// Features in the four provinces' countries that matched no gazetteer district.
        public var unmatchedFeatures: [(index: Int, name: String, province: String)] = []
        public var unmatchedDistricts: [District] = []
        public var repaired: [(index: Int, name: String, reason: String)] = []
        public var duplicates: [(index: Int, name: String, districtID: String)] = []
        /// Matched features left out because they give no area: no geometry, an empty one, or one that collapses when repaired.
        public var skipped: [(index: Int, name: String, reason: String)] = []
        public var stored: String?
    }

    public static func detectSchema(_ features: [Feature], options: Options, file: String) throws -> Schema {
        let names = Set(features.first?.properties.map(\.name) ?? [])
        if let nameField = options.nameField {
            guard names.contains(nameField) else {
                throw GeoDataError(file: file, "has no field '\(nameField)'; fields: \(names.sorted().joined(separator: ", "))")
            }
            if let idField = options.idField, !names.contains(idField) {
                throw GeoDataError(file: file, "has no field '\(idField)'; fields: \(names.sorted().joined(separator: ", "))")
            }
            return Schema(name: "custom", nameField: nameField, idField: options.idField, provinceField: options.provinceField)
        }
        guard var schema = Schema.known.first(where: { names.contains($0.nameField) }) else {
            throw GeoDataError(file: file, "uses none of the known schemas (OCHA ADM2_EN/ADM2_PCODE, geoBoundaries shapeName/shapeID, GADM NAME_2/GID_2); name the fields with --name-field and --id-field. Fields: \(names.sorted().joined(separator: ", "))")
        }
        if let idField = options.idField { schema.idField = idField }
        if let provinceField = options.provinceField { schema.provinceField = provinceField }
        return schema
    }

    public static func run(file: String, geodata: String, gazetteer: Gazetteer, options: Options) throws -> Report {
        let context = GEOSContext()
        let features: [Feature]
        let lower = file.lowercased()
        if lower.hasSuffix(".gpkg") {
            features = try GeoPackageReader(path: file).features(layer: options.layer, in: context)
        } else if lower.hasSuffix(".geojson") || lower.hasSuffix(".json") {
            features = try GeoJSONFeatureReader.read(path: file, in: context)
        } else {
            throw GeoDataError(file: file, "has an unknown extension; import a .geojson or .gpkg file (convert others with ogr2ogr)")
        }
        guard !features.isEmpty else { throw GeoDataError(file: file, "has no features") }
        let schema = try detectSchema(features, options: options, file: file)
        var report = Report(file: file, schema: schema, featureCount: features.count)

        let matcher = DistrictMatcher(gazetteer: gazetteer)
        var chosen: [String: (feature: Int, geometry: Geometry, match: Match)] = [:]
        for (offset, feature) in features.enumerated() {
            let index = offset + 1
            let location = "\(file):feature \(index)"
            let name = feature[schema.nameField]?.stringValue ?? ""
            let code = schema.idField.flatMap { feature[$0]?.stringValue }
            let provinceText = schema.provinceField.flatMap { feature[$0]?.stringValue }
            guard var geometry = feature.geometry else {
                if matcher.match(name: name, code: code, province: provinceText) != nil {
                    report.skipped.append((index, name, "has no geometry"))
                }
                continue
            }
            guard [.polygon, .multiPolygon].contains(geometry.type) else {
                throw GeoDataError(file: location, "geometry is a \(geometry.type.name); district outlines must be polygons")
            }
            if let e = geometry.envelope, !(e.minX >= -180 && e.maxX <= 180 && e.minY >= -90 && e.maxY <= 90) {
                throw GeoDataError(file: location, "coordinates (\(e.minX), \(e.minY)) are not longitude/latitude; the file looks projected — reproject it with ogr2ogr -t_srs EPSG:4326")
            }
            // A ring written across ±180° (179.5 → -179.5) spans the whole globe in lon/lat; no district does.
            if let e = geometry.envelope, e.maxX - e.minX > 180 {
                throw GeoDataError(file: location, "crosses the antimeridian (±180° longitude): its longitudes run from \(e.minX) to \(e.maxX), so read as lon/lat it wraps the globe; split it at 180° (ogr2ogr -wrapdateline) or check the coordinates")
            }
            guard let match = matcher.match(name: name, code: code, province: provinceText) else {
                if !name.isEmpty { report.unmatchedFeatures.append((index, name, provinceText ?? "")) }
                continue
            }
            if geometry.isEmpty {
                report.skipped.append((index, name, "has an empty geometry"))
                continue
            }
            if !geometry.isValid {
                let reason = geometry.validityReason
                geometry = try geometry.makeValid()
                if try geometry.isEmpty || geometry.area() == 0 {
                    report.skipped.append((index, name, "collapses to no area when repaired (\(reason))"))
                    continue
                }
                report.repaired.append((index, name, reason))
            }
            let record = Match(featureIndex: index, featureName: name, districtID: match.district.id,
                               districtName: match.district.name, method: match.method)
            if let existing = chosen[match.district.id] {
                report.duplicates.append((index, name, match.district.id))
                chosen[match.district.id] = (existing.feature, try existing.geometry.union(geometry), existing.match)
            } else {
                chosen[match.district.id] = (index, geometry, record)
            }
        }
        report.matched = chosen.values.map(\.match).sorted { $0.featureIndex < $1.featureIndex }
        report.unmatchedDistricts = gazetteer.districts.filter { chosen[$0.id] == nil }
        guard !report.matched.isEmpty else {
            if !report.skipped.isEmpty {
                throw GeoDataError(file: file, "every feature that matched a district was left out: " + report.skipped.map { "feature \($0.index) '\($0.name)' \($0.reason)" }.joined(separator: "; ") + "; fix or replace those outlines")
            }
            throw GeoDataError(file: file, "no feature matched a district of Nangarhar, Kunar, Khyber Pakhtunkhwa or Balochistan; check --name-field (used '\(schema.nameField)')")
        }
        if options.dryRun { return report }

        let writer = try GeoJSONWriter(path: ImportedDistricts.layerPath(geodata), layerName: "districts")
        for district in gazetteer.districts {
            guard let entry = chosen[district.id] else { continue }
            try writer.write(Feature(properties: [
                ("id", .string(district.id)), ("name", .string(district.name)),
                ("province_id", .string(district.provinceID)), ("country_iso3", .string(district.countryISO3)),
                ("source_feature", .int(Int64(entry.feature))), ("source_name", .string(entry.match.featureName)),
                ("match", .string(entry.match.method)),
            ], geometry: entry.geometry))
        }
        try writer.finish()
        let info = ImportedLayerInfo(
            file: URL(fileURLWithPath: file).lastPathComponent, schema: schema.name,
            source: options.source ?? schema.name, licence: options.licence ?? defaultLicence(schema),
            importedAt: ISO8601DateFormatter().string(from: Date()), featureCount: features.count,
            matchedCount: report.matched.count)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(String(decoding: try encoder.encode(info), as: UTF8.self) + "\n", to: ImportedDistricts.infoPath(geodata))
        report.stored = ImportedDistricts.layerPath(geodata)
        return report
    }

    static func defaultLicence(_ schema: Schema) -> String {
        switch schema.name {
        case Schema.ocha.name: "CC BY-IGO 3.0, per the HDX dataset page; check it for your file"
        case Schema.geoBoundaries.name: "CC BY 4.0 (geoBoundaries); check the metadata of your file"
        case Schema.gadm.name: "GADM licence: free for non-commercial use, no redistribution"
        default: "unknown: give it with --licence"
        }
    }
}

/// Finds the gazetteer district an official layer's feature stands for.
struct DistrictMatcher {
    let gazetteer: Gazetteer
    private let byID: [String: District]
    private let byName: NameLookup
    private let provinces: NameLookup

    init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        byID = Dictionary(gazetteer.districts.map { ($0.id.uppercased(), $0) }, uniquingKeysWith: { a, _ in a })
        byName = NameLookup(gazetteer.districts.map { ($0.id, [$0.name] + $0.aliases) })
        provinces = NameLookup(gazetteer.provinces.map { ($0.id, [$0.name] + $0.aliases) })
    }

    func match(name: String, code: String?, province: String?) -> (district: District, method: String)? {
        if let code, let district = byID[code.uppercased()] { return (district, "pcode") }
        let provinceIDs = province.map { Set(provinces.ids(for: $0)) } ?? []
        if province != nil, provinceIDs.isDisjoint(with: Gazetteer.focusProvinceIDs) { return nil }
        func inProvince(_ d: District) -> Bool { provinceIDs.isEmpty || provinceIDs.contains(d.provinceID) }
        let exact = byName.ids(for: name).compactMap { gazetteer.district(id: $0) }.filter(inProvince)
        if exact.count == 1 {
            return (exact[0], NameNormalizer.key(exact[0].name) == NameNormalizer.key(name) ? "name" : "alias")
        }
        let key = Array(NameNormalizer.compactKey(name).utf8)
        let limit = EditDistance.tolerance(forLength: key.count)
        guard limit > 0 else { return nil }
        var best: (District, Double)?
        for district in gazetteer.districts where inProvince(district) {
            for candidate in [district.name] + district.aliases {
                guard let edits = EditDistance.distance(key, Array(NameNormalizer.compactKey(candidate).utf8), limit: limit) else { continue }
                let score = 1 - Double(edits) / Double(max(key.count, 1))
                if score > (best?.1 ?? 0) { best = (district, score) }
            }
        }
        if let (district, score) = best { return (district, "fuzzy \(Int(score * 100))%") }
        return nil
    }
}
