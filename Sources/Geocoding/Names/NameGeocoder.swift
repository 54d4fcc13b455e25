import GeoKit
import EventModel
import EventFormats
import GeoReference
/// Resolves the place texts of reports ("Khar, Bajaur", "near Torkham", "Ningrahar", "پشاور") to
/// places, districts, provinces or countries of the gazetteer, and perpetrator texts to its groups.
/// Built once from a `Gazetteer`, immutable afterwards, safe to share between workers.
public final class NameGeocoder: Sendable {
    let index: NameIndex
    let groupIndex: GroupIndex

    /// Builds the name and group indexes (a few milliseconds for the project's GeoData).
    public init(gazetteer: Gazetteer) {
        index = NameIndex(gazetteer)
        groupIndex = GroupIndex(gazetteer.groups)
    }

    /// Resolves a location text; the hints decide between homonyms and stand in when the text names nothing known.
    ///
    /// Evidence order (docs/INPUTS.md): a name that agrees with the hints > the hints alone > a fuzzy name.
    /// A reading that an exactly named hint or qualifier contradicts (another district, province or country
    /// than the row names) is dropped, whatever its tier, and the hints stand in; a fuzzy reading needs a
    /// similarity of at least 0.8 and one edit less than any reading elsewhere. A text that places the event
    /// relative to a reference ("100 km north of Peshawar", "X near Y") never resolves to the reference itself.
    public func resolve(_ text: String, hints: NameHints = .none) -> NameMatch {
        var notes: [String] = []
        var result = resolve(text, scope: scope(for: hints), notes: &notes)
        var seen = Set<String>()
        result.notes = notes.filter { seen.insert($0).inserted }
        return result
    }

    private func resolve(_ text: String, scope: HintScope, notes: inout [String]) -> NameMatch {
        let parts = LocationText.parts(text)
        guard let first = parts.first else { return fallback(scope) }
        let qualifiers = parts.dropFirst().compactMap { part -> HintScope.Level? in
            qualifier(LocationText.tokens(part)).map { HintScope.Level(units: $0.units, strong: $0.strong, source: "'\(part)'") }
        }
        let qualified = scope.adding(qualifiers)
        let tokens = LocationText.tokens(first)
        if let relative = RelativePhrase.parse(tokens) {
            return resolveRelative(first, tokens, relative, within: qualified, notes: &notes)
        }
        if let match = match(first, tokens, within: qualified, fuzzy: false, notes: &notes) { return match }
        if parts.count > 1, let match = match(text, LocationText.tokens(text), within: scope, fuzzy: false, notes: &notes) { return match }
        var nameLength = tokens.count
        var nameScope = qualified
        if let (name, outer) = QueryWords.splitRelation(tokens), let units = area(of: outer) {
            nameLength = name.count
            nameScope = qualified.adding([HintScope.Level(units: units.units, strong: units.strong, source: "'\(outer.joined(separator: " "))'")])
            if let match = match(first, tokens, within: nameScope, prefix: nameLength, fuzzy: false, notes: &notes) { return match }
        }
        return match(first, tokens, within: nameScope, prefix: nameLength, fuzzy: true, notes: &notes) ?? fallback(nameScope)
    }

    /// "Dargai Military Base - 100km north of Peshawar": the head when it names a place, else the reference
    /// with the relation (the event is near it or some way off, never in it).
    private func resolveRelative(_ text: String, _ tokens: [Substring], _ relative: RelativePhrase, within scope: HintScope,
                                 notes: inout [String]) -> NameMatch {
        if !relative.head.isEmpty,
           let head = match(text, Array(tokens[relative.head]), within: scope, fuzzy: false, notes: &notes) {
            return head
        }
        let referenceTokens = Array(tokens[relative.reference])
        let referenceText = referenceTokens.joined(separator: " ")
        guard var reference = match(referenceText, referenceTokens, within: scope, fuzzy: false, notes: &notes), reference.best != nil else {
            return fallback(scope)
        }
        reference.relative = RelativePosition(km: relative.km, bearing: relative.bearing,
                                              phrase: relative.description.isEmpty ? "near" : relative.description)
        return NameMatch(best: reference.best, candidates: reference.candidates, confidence: min(reference.confidence, 0.7),
                         method: NameMethod.relative, isAmbiguous: false, matchedText: reference.matchedText, sharedArea: nil,
                         relative: reference.relative, notes: reference.notes)
    }
    /// The armed group a perpetrator text names ("ISIS-K", "Pakistani Taliban", "TTP"); nil when unknown or ambiguous.
    public func group(_ text: String) -> ArmedGroup? {
        groupIndex.match(text)?.group
    }

    /// The group reading of a perpetrator text with its confidence and method; nil when no group fits.
    public func matchGroup(_ text: String) -> GroupMatch? {
        groupIndex.match(text)
    }

    /// Reads the first `prefix` words of `tokens` (all by default) at the exact-to-phonetic tiers or the fuzzy one.
    private func match(_ text: String, _ tokens: [Substring], within scope: HintScope, prefix: Int? = nil, fuzzy: Bool,
                       notes: inout [String]) -> NameMatch? {
        let name = prefix.map { Array(tokens[..<$0]) } ?? tokens
        guard let located = index.locate(name, kinds: nil, fuzzy: fuzzy) else { return nil }
        let matched = LocationText.matchedText(text, tokens: tokens, range: located.matchedTokens)
        switch index.select(located, scope: scope, matchedText: matched) {
        case let .chosen(selection):
            return refined(selection, scope)
        case let .contradicted(readings, level):
            let names = readings.prefix(3).map { describe($0) }.joined(separator: "; ")
            notes.append("'\(matched)' reads as \(names), which \(level.source) contradicts; not used")
            return nil
        }
    }

    /// "Ziarat (Ziarat, Balochistan)" for notes.
    private func describe(_ unit: Int) -> String {
        let entity = index.entities[unit]
        var within: [String] = []
        if entity.kind == .place, let district = entity.districtID.flatMap({ index.districtEntity[$0] }) { within.append(index.entities[district].name) }
        if entity.kind != .province, let province = entity.provinceID.flatMap({ index.provinceEntity[$0] }) { within.append(index.entities[province].name) }
        if within.isEmpty, entity.kind != .country { within.append(entity.countryISO3) }
        return entity.name + (within.isEmpty ? "" : " (\(within.joined(separator: ", ")))")
    }

    /// The containing units a qualifying part names ("Bajaur", "Orakzai Agency", "Jani Khel area of Bannu
    /// district"); nil for a relative phrase ("100 km north of Peshawar" names no container).
    private func qualifier(_ tokens: [Substring]) -> (units: [Int], strong: Bool)? {
        guard !tokens.isEmpty, RelativePhrase.parse(tokens) == nil, QueryWords.stripApproximations(tokens).isApproximate == false else { return nil }
        if let whole = area(of: tokens) { return whole }
        if let (_, outer) = QueryWords.splitRelation(tokens), let units = area(of: outer, kinds: [.district, .province], fuzzy: false) { return units }
        for width in stride(from: min(3, tokens.count - 1), through: 1, by: -1) {
            if let units = area(of: Array(tokens.suffix(width)), kinds: [.district, .province], fuzzy: false) { return units }
        }
        return nil
    }

    /// The units a text names, as containers (a place stands for its district): for hints and qualifiers.
    /// Strong when named exactly (a name, alias or spelling variant), weak when only a fuzzy match found them.
    func area(of tokens: [Substring], kinds: Set<NameCandidate.Kind>? = nil, fuzzy: Bool = true) -> (units: [Int], strong: Bool)? {
        if let hits = index.exact[tokens.joined()] {
            let units = hits.filter { kinds?.contains(index.entities[Int($0.entity)].kind) ?? true }
            if units.count == 1 { return ([container(Int(units[0].entity))], true) }
        }
        if let located = index.locate(tokens, kinds: kinds, fuzzy: false),
           case let .chosen(selection) = index.select(located, scope: HintScope(), matchedText: nil) {
            return (selection.entities.map(container), true)
        }
        guard fuzzy, let located = index.locate(tokens, kinds: kinds, fuzzy: true),
              case let .chosen(selection) = index.select(located, scope: HintScope(), matchedText: nil) else { return nil }
        return (selection.entities.map(container), false)
    }

    private func container(_ unit: Int) -> Int {
        let entity = index.entities[unit]
        guard entity.kind == .place else { return unit }
        return entity.districtID.flatMap { index.districtEntity[$0] }
            ?? entity.provinceID.flatMap { index.provinceEntity[$0] }
            ?? index.countryEntity[entity.countryISO3]
            ?? unit
    }

    func scope(for hints: NameHints) -> HintScope {
        var levels: [HintScope.Level] = []
        if let text = hints.admin2, case let tokens = LocationText.tokens(text), !tokens.isEmpty,
           let units = area(of: tokens, kinds: [.district]) ?? area(of: tokens) {
            levels.append(HintScope.Level(units: units.units, strong: units.strong, source: "admin2 '\(text)'"))
        }
        if let text = hints.admin1, case let tokens = LocationText.tokens(text), !tokens.isEmpty,
           let units = area(of: tokens, kinds: [.province]) {
            levels.append(HintScope.Level(units: units.units, strong: units.strong, source: "admin1 '\(text)'"))
        }
        if let text = hints.country, case let tokens = LocationText.tokens(text), !tokens.isEmpty,
           let units = area(of: tokens, kinds: [.country]) {
            levels.append(HintScope.Level(units: units.units, strong: units.strong, source: "country '\(text)'"))
        }
        // A row that names a district or province names its country too: no reading may cross it.
        let countries = Set(levels.flatMap { $0.units.map { index.entities[$0].countryISO3 } })
        if countries.count == 1, let iso3 = countries.first, let country = index.countryEntity[iso3],
           !levels.contains(where: { $0.units == [country] }), let named = levels.last {
            levels.append(HintScope.Level(units: [country], strong: true, source: named.source, implied: true))
        }
        return HintScope(levels: levels)
    }

    /// When the text named only a province or country, a hint that names a unit inside it is more precise.
    private func refined(_ selection: NameSelection, _ scope: HintScope) -> NameMatch {
        guard let best = selection.entities.first, selection.entities.count == 1, index.entities[best].precision >= 4,
              let finer = mostSpecificSingle(scope, within: best) else {
            return selection.match
        }
        return index.hintMatch([finer]).match
    }

    private func fallback(_ scope: HintScope) -> NameMatch {
        if let unit = mostSpecificSingle(scope, within: nil) { return index.hintMatch([unit]).match }
        if let units = scope.unitLevels.first { return index.hintMatch(units).match }
        return .unresolved
    }

    private func mostSpecificSingle(_ scope: HintScope, within outer: Int?) -> Int? {
        scope.unitLevels.compactMap { $0.count == 1 ? $0[0] : nil }
            .filter { unit in
                guard let outer else { return true }
                let (inner, container) = (index.entities[unit], index.entities[outer])
                return inner.precision < container.precision && container.contains(inner)
            }
            .min { index.entities[$0].precision < index.entities[$1].precision }
    }
}
