import Foundation
import GeoKit
import EventModel
import EventFormats

/// Chooses the schema of an imported layer and, for schemas with several admin levels (OCHA ADM2_/ADM3_,
/// GADM NAME_2/NAME_3, geoBoundaries shapeType), the level that holds the districts — from the data, since the
/// same level number means districts in one country and divisions in another (GADM Pakistan: NAME_2 are
/// divisions, NAME_3 districts). When the data does not tell, it refuses and says how to choose.
enum DistrictImportLevels {
    struct Detected {
        var schema: DistrictImport.Schema
        /// How the level was chosen, for the report.
        var note: String?
    }

    /// The statistics of reading the layer at one admin level.
    struct LevelStats {
        var level: Int
        var nameField: String
        var idField: String?
        var units = 0
        var inScopeUnits = 0
        var matched = Set<String>()
        var pcodeUnits = 0
        var perProvince: [String: Int] = [:]
        var featuresPerUnit: Double = 1
    }

    static func detect(_ features: [Feature], options: DistrictImport.Options, matcher: DistrictMatcher, file: String) throws -> Detected {
        var fieldSet = Set<String>()
        for feature in features { for property in feature.properties { fieldSet.insert(property.name) } }
        let fields = fieldSet.sorted()
        let fieldList = fields.joined(separator: ", ")

        if let nameField = options.nameField {
            guard fieldSet.contains(nameField) else { throw GeoDataError(file: file, "has no field '\(nameField)'; fields: \(fieldList)") }
            if let idField = options.idField, !fieldSet.contains(idField) {
                throw GeoDataError(file: file, "has no field '\(idField)'; fields: \(fieldList)")
            }
            if let level = options.level {
                throw GeoDataError(file: file, "the level option (\(level)) chooses the fields of a known schema (OCHA, GADM, geoBoundaries); with the name-field option it is not needed")
            }
            return Detected(schema: DistrictImport.Schema(name: "custom", nameField: nameField, idField: options.idField, provinceField: options.provinceField))
        }

        let ochaLevels = levels(in: fields, pattern: #"^ADM(\d)_(EN|PCODE)$"#)
        let gadmLevels = levels(in: fields, pattern: #"^(NAME|GID)_(\d)$"#)
        var detected: Detected
        if !ochaLevels.isEmpty {
            detected = try hierarchical(name: "OCHA COD-AB", levels: ochaLevels, fields: fieldSet, fieldList: fieldList,
                                        make: DistrictImport.Schema.ocha(level:), features: features, options: options, matcher: matcher, file: file)
        } else if fieldSet.contains("shapeName") {
            detected = try geoBoundaries(features, options: options, fieldList: fieldList, file: file)
        } else if !gadmLevels.isEmpty {
            detected = try hierarchical(name: "GADM", levels: gadmLevels, fields: fieldSet, fieldList: fieldList,
                                        make: DistrictImport.Schema.gadm(level:), features: features, options: options, matcher: matcher, file: file)
        } else {
            throw GeoDataError(file: file, "uses none of the known schemas (OCHA ADM2_EN/ADM2_PCODE, geoBoundaries shapeName/shapeID, GADM NAME_2/GID_2); name the fields with the name-field option and the id-field option. Fields: \(fieldList)")
        }
        if let idField = options.idField { detected.schema.idField = idField }
        if let provinceField = options.provinceField { detected.schema.provinceField = provinceField }
        return detected
    }

    /// The admin levels a schema's numbered fields cover ("ADM2_EN", "GID_3" → 2, 3).
    static func levels(in fields: [String], pattern: String) -> [Int] {
        let regex = try! NSRegularExpression(pattern: pattern)
        var found = Set<Int>()
        for field in fields {
            let range = NSRange(field.startIndex..., in: field)
            guard let match = regex.firstMatch(in: field, range: range) else { continue }
            for group in 1..<match.numberOfRanges {
                if let r = Range(match.range(at: group), in: field), let level = Int(field[r]) { found.insert(level) }
            }
        }
        return found.sorted()
    }

    private static func hierarchical(name family: String, levels: [Int], fields: Set<String>, fieldList: String,
                                     make: (Int) -> DistrictImport.Schema, features: [Feature],
                                     options: DistrictImport.Options, matcher: DistrictMatcher, file: String) throws -> Detected {
        let finest = levels.max()!
        let candidates = levels.filter { $0 >= 2 && fields.contains(make($0).nameField) }
        func schema(_ level: Int) -> DistrictImport.Schema {
            var schema = make(level)
            if let id = schema.idField, !fields.contains(id) { schema.idField = nil }
            if level < finest { schema.featureLevel = finest }
            return schema
        }
        if let level = options.level {
            guard candidates.contains(level) else {
                throw GeoDataError(file: file, "has no \(family) name field for admin level \(level) (\(make(level).nameField)); "
                                   + "levels found: \(levels.map(String.init).joined(separator: ", ")) (fields: \(fieldList))")
            }
            return Detected(schema: schema(level), note: level < finest
                ? "admin level \(level) as asked (the level option); the features are level \(finest), dissolved by \(schema(level).idField ?? schema(level).nameField)" : nil)
        }
        guard !candidates.isEmpty else {
            throw GeoDataError(file: file, "has \(family) fields only for admin level\(levels.count == 1 ? "" : "s") \(levels.map(String.init).joined(separator: ", ")): "
                               + "countries or provinces, not districts; import the level-2 (district) file, or name the fields with the name-field option and the id-field option (fields: \(fieldList))")
        }
        if candidates.count == 1 { return Detected(schema: schema(candidates[0])) }

        let stats = candidates.map { statistics(schema($0), features: features, matcher: matcher) }
        let byPcode = stats.filter { $0.pcodeUnits > 0 && $0.pcodeUnits * 2 >= $0.inScopeUnits }
        let ranked = stats.sorted { $0.matched.count > $1.matched.count || ($0.matched.count == $1.matched.count && $0.level < $1.level) }
        let chosen: LevelStats?
        let why: String
        if byPcode.count == 1 {
            chosen = byPcode[0]
            why = "its codes (\(byPcode[0].idField ?? "")) are the gazetteer's P-codes"
        } else if let best = ranked.first, best.matched.count > 0, best.matched.count >= 2 * ranked[1].matched.count {
            chosen = best
            why = "it matches the most districts"
        } else {
            chosen = nil
            why = ""
        }
        let summary = stats.map { describe($0, matcher: matcher) }.joined(separator: "; ")
        guard let chosen else {
            let choices = candidates.map(String.init).joined(separator: " or ")
            throw GeoDataError(file: file, "has \(family) fields for admin levels \(candidates.map(String.init).joined(separator: " and ")) and the data does not say which holds the districts: "
                               + summary + ". Choose with the level option (\(choices)), or name the fields with the name-field option and the id-field option (fields: \(fieldList))")
        }
        let chosenSchema = schema(chosen.level)
        var note = "admin level \(chosen.level) (\(chosen.nameField)\(chosen.idField.map { ", \($0)" } ?? "")) chosen from the data because \(why): \(summary)"
        if chosen.level < finest { note += "; the features are level \(finest), dissolved by \(chosenSchema.idField ?? chosenSchema.nameField)" }
        note += "; to choose otherwise give the level option (" + candidates.filter { $0 != chosen.level }.map(String.init).joined(separator: " or ") + ")"
        return Detected(schema: chosenSchema, note: note)
    }

    /// Reads the layer at one level: its units (features sharing the level's id, or name and province), how many
    /// match a district strictly (P-code, name or alias; no fuzzy names), and how many fall in each focus province.
    static func statistics(_ schema: DistrictImport.Schema, features: [Feature], matcher: DistrictMatcher) -> LevelStats {
        var stats = LevelStats(level: schema.level ?? 0, nameField: schema.nameField, idField: schema.idField)
        var seen = Set<String>()
        for feature in features {
            let name = feature[schema.nameField]?.stringValue ?? ""
            let code = schema.idField.flatMap { feature[$0]?.stringValue }
            let province = schema.provinceField.flatMap { feature[$0]?.stringValue }
            guard seen.insert(code ?? (NameNormalizer.key(name) + "|" + (province ?? ""))).inserted else { continue }
            stats.units += 1
            let provinces = province.map(matcher.provinceIDs(for:)).flatMap { $0.isEmpty ? nil : $0 }
            switch matcher.match(name: name, code: code, fieldProvinces: provinces, located: nil, fuzzy: false) {
            case let .matched(district, method):
                stats.inScopeUnits += 1
                stats.matched.insert(district.id)
                if method == "pcode" { stats.pcodeUnits += 1 }
                stats.perProvince[district.provinceID, default: 0] += 1
            case .outOfScope: break
            case .ambiguous, .unmatched:
                stats.inScopeUnits += 1
                if let province = provinces?.first(where: Gazetteer.focusProvinceIDs.contains) { stats.perProvince[province, default: 0] += 1 }
            }
        }
        stats.featuresPerUnit = Double(features.count) / Double(max(stats.units, 1))
        return stats
    }

    private static func describe(_ stats: LevelStats, matcher: DistrictMatcher) -> String {
        let perUnit = stats.featuresPerUnit >= 1.05 ? String(format: " of %.1f features each", stats.featuresPerUnit) : ""
        let provinces = stats.perProvince.keys.sorted().map { id in
            let known = matcher.gazetteer.districts.filter { $0.provinceID == id }.count
            return "\(matcher.provinceName(id)) \(stats.perProvince[id]!) of \(known)"
        }
        return "level \(stats.level) (\(stats.nameField)\(stats.idField.map { "/\($0)" } ?? "")) gives \(stats.units) units\(perUnit), "
            + "\(stats.matched.count) matching a district" + (provinces.isEmpty ? "" : " [units per province against the gazetteer's districts: \(provinces.joined(separator: ", "))]")
    }

    private static func geoBoundaries(_ features: [Feature], options: DistrictImport.Options, fieldList: String, file: String) throws -> Detected {
        var schema = DistrictImport.Schema.geoBoundaries
        let types = Set(features.compactMap { $0["shapeType"]?.stringValue?.uppercased() })
        let levels = Set(types.compactMap { type -> Int? in type.hasPrefix("ADM") ? Int(type.dropFirst(3)) : nil })
        if let level = options.level {
            schema.level = level
            let note = levels.isEmpty || levels == [level] ? nil
                : "admin level \(level) as asked (the level option); the file's shapeType says \(types.sorted().joined(separator: ", "))"
            return Detected(schema: schema, note: note)
        }
        if levels.count > 1 {
            throw GeoDataError(file: file, "mixes geoBoundaries levels (shapeType \(types.sorted().joined(separator: ", "))); import one level, or choose with the level option 2 or name the fields with the name-field option and the id-field option (fields: \(fieldList))")
        }
        if let level = levels.first, level != 2 {
            throw GeoDataError(file: file, "holds geoBoundaries ADM\(level) units (shapeType), and districts are admin level 2 (ADM2) here; import the ADM2 file, or give the level option (\(level)) if this file's ADM\(level) units are districts (fields: \(fieldList))")
        }
        return Detected(schema: schema)
    }
}
