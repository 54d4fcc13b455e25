import Foundation
import GeoKit
import EventModel
import EventFormats
import GeoReference

/// How a unit carries a name: its own name (or native name), or an alias.
enum NameRank: UInt8, Comparable, Sendable {
    case name = 0
    case alias = 1

    static func < (lhs: NameRank, rhs: NameRank) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A unit reached through one of its names; `key` is that name's compact key (for re-ranking).
struct NameHit: Sendable, Hashable {
    let entity: Int32
    let rank: NameRank
    let key: String
}

extension [String: [NameHit]] {
    /// Adds `hit` under `key`, keeping one hit per entity: the best-ranked.
    mutating func insertBest(_ hit: NameHit, at key: String) {
        var hits = self[key] ?? []
        if let existing = hits.firstIndex(where: { $0.entity == hit.entity }) {
            if hit.rank < hits[existing].rank { hits[existing] = hit }
        } else {
            hits.append(hit)
        }
        self[key] = hits
    }
}

/// Lookup tables from name keys to units, built once from the gazetteer. A class, so that the hot
/// path shares one reference instead of copying a dozen tables into every closure.
final class NameIndex: Sendable {
    let entities: [NameEntity]
    let districtEntity: [String: Int]
    let provinceEntity: [String: Int]
    let countryEntity: [String: Int]
    /// Compact key of a name, alias, native name or qualified head ("Kot" of "Kot (Nangarhar)").
    let exact: [String: [NameHit]]
    /// Compact key of a name without its generic words ("Daur" of "Daur valley").
    let stripped: [String: [NameHit]]
    /// Phonetic skeleton of a name and of its stripped form.
    let variant: [String: [NameHit]]
    let fuzzyExact: DeletionIndex
    let fuzzyVariant: DeletionIndex

    init(_ gazetteer: Gazetteer) {
        let builder = NameIndexBuilder(gazetteer)
        entities = builder.entities
        districtEntity = builder.districtEntity
        provinceEntity = builder.provinceEntity
        countryEntity = builder.countryEntity
        exact = builder.exact
        stripped = builder.stripped
        variant = builder.variant
        fuzzyExact = DeletionIndex(terms: builder.exact.keys.sorted())
        fuzzyVariant = DeletionIndex(terms: builder.variant.keys.sorted())
    }

    /// "Kot (Nangarhar)" → "Kot": the name without its parenthesised qualifier.
    static func qualifiedHead(_ name: String) -> String? {
        guard let open = name.firstIndex(of: "("), open != name.startIndex else { return nil }
        let head = name[..<open].trimmingCharacters(in: .whitespaces)
        return head.isEmpty ? nil : head
    }
}

/// Fills the tables of a `NameIndex` from the gazetteer's names, aliases, native names and legacy names.
private struct NameIndexBuilder {
    var entities: [NameEntity] = []
    var districtEntity: [String: Int] = [:]
    var provinceEntity: [String: Int] = [:]
    var countryEntity: [String: Int] = [:]
    var exact: [String: [NameHit]] = [:]
    var stripped: [String: [NameHit]] = [:]
    var variant: [String: [NameHit]] = [:]

    init(_ gazetteer: Gazetteer) {
        for country in gazetteer.countries {
            let entity = add(NameEntity(country: country), registry: \.countryEntity)
            addNames([country.name], entity, .name)
            addNames([country.iso3] + country.aliases, entity, .alias)
        }
        for province in gazetteer.provinces {
            let entity = add(NameEntity(province: province), registry: \.provinceEntity)
            addNames([province.name] + province.nativeNames, entity, .name)
            addNames(province.aliases + (SupplementaryNames.provinceAliases[province.id] ?? []), entity, .alias)
        }
        for district in gazetteer.districts {
            let entity = add(NameEntity(district: district), registry: \.districtEntity)
            addNames([district.name] + district.nativeNames, entity, .name)
            addNames(district.aliases, entity, .alias)
        }
        for place in gazetteer.places {
            let entity = add(NameEntity(place: place), registry: nil)
            addNames([place.name] + place.nativeNames, entity, .name)
            addNames(place.aliases, entity, .alias)
        }
        for (name, districtIDs) in SupplementaryNames.legacyDistrictNames(gazetteer.districts) {
            for id in districtIDs { if let entity = districtEntity[id] { addNames([name], Int32(entity), .name) } }
        }
    }

    private mutating func add(_ entity: NameEntity, registry: WritableKeyPath<NameIndexBuilder, [String: Int]>?) -> Int32 {
        if let registry { self[keyPath: registry][entity.id] = entities.count }
        entities.append(entity)
        return Int32(entities.count - 1)
    }

    private mutating func addNames(_ names: [String], _ entity: Int32, _ rank: NameRank) {
        for name in names {
            addForms(of: name, entity, rank)
            if let head = NameIndex.qualifiedHead(name) { addForms(of: head, entity, rank) }
        }
    }

    private mutating func addForms(of name: String, _ entity: Int32, _ rank: NameRank) {
        let tokens = NameNormalizer.key(name).split(separator: " ")
        guard !tokens.isEmpty else { return }
        let compact = tokens.joined()
        exact.insertBest(NameHit(entity: entity, rank: rank, key: compact), at: compact)
        if let skeleton = PhoneticKey.make(tokens) {
            variant.insertBest(NameHit(entity: entity, rank: rank, key: compact), at: skeleton)
        }
        let generic = QueryWords.stripGeneric(tokens)
        guard generic.changed else { return }
        let strippedCompact = generic.tokens.joined()
        stripped.insertBest(NameHit(entity: entity, rank: rank, key: strippedCompact), at: strippedCompact)
        if let skeleton = PhoneticKey.make(generic.tokens) {
            variant.insertBest(NameHit(entity: entity, rank: rank, key: strippedCompact), at: skeleton)
        }
    }

}
