import Foundation
import GeoKit
import EventModel
import EventFormats

/// Finds the gazetteer district an official layer's feature stands for: by P-code, then by name or alias, then by
/// a fuzzy name. A fuzzy match must score at least `minimumScore`, beat every other district by `margin`, stay in the
/// feature's province (from the file, else from where the outline lies) and agree on qualifiers — North/South,
/// Upper/Lower — so South Waziristan never becomes North Waziristan.
struct DistrictMatcher {
    static let minimumScore = 0.8
    static let margin = 0.1

    enum Result {
        case matched(District, method: String)
        /// Close to several districts, or a name several districts share: left for the user to settle.
        case ambiguous(String)
        /// Matches no district; the nearest name when there is one worth showing.
        case unmatched(String?)
        /// Lies in a province other than the four (by the file's province field or by its outline).
        case outOfScope(String)
    }

    let gazetteer: Gazetteer
    private let byID: [String: District]
    private let byName: NameLookup
    private let provinces: NameLookup
    private let focus: [District]
    private let candidateKeys: [String: [(key: [UInt8], qualifiers: Set<String>)]]

    init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        byID = Dictionary(gazetteer.districts.map { ($0.id.uppercased(), $0) }, uniquingKeysWith: { a, _ in a })
        byName = NameLookup(gazetteer.districts.map { ($0.id, [$0.name] + $0.aliases) })
        provinces = NameLookup(gazetteer.provinces.map { ($0.id, [$0.name] + $0.aliases) })
        focus = gazetteer.districts.filter { Gazetteer.focusProvinceIDs.contains($0.provinceID) }
        var keys: [String: [(key: [UInt8], qualifiers: Set<String>)]] = [:]
        for district in gazetteer.districts {
            keys[district.id] = ([district.name] + district.aliases).map {
                (Array(NameNormalizer.compactKey($0).utf8), Self.qualifiers($0))
            }
        }
        candidateKeys = keys
    }

    /// The province ids a province name stands for (empty when unknown).
    func provinceIDs(for text: String) -> Set<String> { Set(provinces.ids(for: text)) }

    func provinceName(_ id: String) -> String { gazetteer.province(id: id)?.name ?? id }

    /// - Parameters:
    ///   - fieldProvinces: the provinces the file's province field names (nil without one, or when it names none we know).
    ///   - located: the focus provinces the outline lies in or next to (nil when not located; empty when outside the four).
    ///   - fuzzy: false for the strict matching that chooses an admin level.
    func match(name: String, code: String?, fieldProvinces: Set<String>?, located: Set<String>?, fuzzy: Bool = true) -> Result {
        if let code, let district = byID[code.uppercased()] { return .matched(district, method: "pcode") }
        // The file's province field decides; where it is absent the outline's location only rules a feature out,
        // breaks a tie between homonyms and bounds fuzzy names (province outlines are generalised).
        var fieldScope: Set<String>?
        if let fieldProvinces {
            let inFocus = fieldProvinces.intersection(Gazetteer.focusProvinceIDs)
            guard !inFocus.isEmpty else {
                return .outOfScope("in \(fieldProvinces.sorted().map(provinceName).joined(separator: " or ")), not one of the four provinces")
            }
            fieldScope = inFocus
        } else if let located, located.isEmpty {
            return .outOfScope("its outline lies outside the four provinces")
        }
        let scope = fieldScope ?? located ?? Gazetteer.focusProvinceIDs
        guard !NameNormalizer.key(name).isEmpty else { return .unmatched(nil) }

        var exact = byName.ids(for: name).compactMap { gazetteer.district(id: $0) }
            .filter { (fieldScope ?? Gazetteer.focusProvinceIDs).contains($0.provinceID) }
        if exact.count > 1, let located {
            let here = exact.filter { located.contains($0.provinceID) }
            if !here.isEmpty { exact = here }
        }
        if exact.count == 1 {
            return .matched(exact[0], method: NameNormalizer.key(exact[0].name) == NameNormalizer.key(name) ? "name" : "alias")
        }
        if exact.count > 1 {
            return .ambiguous("names " + exact.map { "\($0.id) \($0.name) (\($0.provinceName))" }.joined(separator: " and ")
                              + "; give the province field with the province-field option")
        }
        guard fuzzy else { return .unmatched(nil) }

        let key = Array(NameNormalizer.compactKey(name).utf8)
        let qualifiers = Self.qualifiers(name)
        let limit = EditDistance.tolerance(forLength: key.count)
        let hintLimit = max(limit, key.count / 3)
        var scores: [(district: District, score: Double, edits: Int)] = []
        for district in focus where scope.contains(district.provinceID) {
            var best: (score: Double, edits: Int)?
            for candidate in candidateKeys[district.id] ?? [] where candidate.qualifiers == qualifiers {
                guard let edits = EditDistance.distance(key, candidate.key, limit: hintLimit) else { continue }
                let score = 1 - Double(edits) / Double(max(key.count, candidate.key.count, 1))
                if score > (best?.score ?? -1) { best = (score, edits) }
            }
            if let best { scores.append((district, best.score, best.edits)) }
        }
        scores.sort { $0.score > $1.score || ($0.score == $1.score && $0.district.id < $1.district.id) }
        guard let top = scores.first else { return .unmatched(nil) }
        func percent(_ score: Double) -> String { "\(Int((score * 100).rounded(.down)))%" }
        guard top.score >= Self.minimumScore, top.edits <= limit else {
            return .unmatched("nearest \(top.district.id) \(top.district.name) at \(percent(top.score)), too far for a fuzzy match; add the name as an alias in districts.csv if it is that district")
        }
        if scores.count > 1, top.score - scores[1].score < Self.margin {
            return .ambiguous("as close to " + scores.prefix(3).map { "\($0.district.id) \($0.district.name) (\(percent($0.score)))" }.joined(separator: " as to ")
                              + "; name the district in the file or add an alias to districts.csv")
        }
        if top.edits == 0 {
            // The same letters, spaced or punctuated differently ("Pachier Agam", "Pachieragam").
            return .matched(top.district, method: NameNormalizer.compactKey(top.district.name) == NameNormalizer.compactKey(name) ? "name" : "alias")
        }
        return .matched(top.district, method: "fuzzy \(percent(top.score))")
    }

    /// The qualifiers in a name that tell two districts apart however close their names: North/South,
    /// Upper/Lower and the like ("N." and "S." included).
    static func qualifiers(_ name: String) -> Set<String> {
        Set(NameNormalizer.key(name).split(separator: " ").compactMap { qualifierWords[String($0)] })
    }

    private static let qualifierWords: [String: String] = [
        "north": "north", "northern": "north", "n": "north",
        "south": "south", "southern": "south", "s": "south",
        "east": "east", "eastern": "east", "west": "west", "western": "west",  // not "e": Dara-e-Nur
        "upper": "upper", "lower": "lower", "central": "central",
    ]
}
