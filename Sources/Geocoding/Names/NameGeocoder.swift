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
    public func resolve(_ text: String, hints: NameHints = .none) -> NameMatch {
        let scope = scope(for: hints)
        let parts = LocationText.parts(text)
        guard let first = parts.first else { return fallback(scope) }
        let qualified = scope.adding(parts.dropFirst().compactMap { area(of: LocationText.tokens($0)) })
        let tokens = LocationText.tokens(first)
        if let match = match(first, tokens, within: qualified, fuzzy: false) { return match }
        if parts.count > 1, let match = match(text, LocationText.tokens(text), within: scope, fuzzy: false) { return match }
        var nameLength = tokens.count
        var nameScope = qualified
        if let (name, outer) = QueryWords.splitRelation(tokens), let units = area(of: outer) {
            nameLength = name.count
            nameScope = qualified.adding([units])
            if let match = match(first, tokens, within: nameScope, prefix: nameLength, fuzzy: false) { return match }
        }
        return match(first, tokens, within: nameScope, prefix: nameLength, fuzzy: true) ?? fallback(nameScope)
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
    private func match(_ text: String, _ tokens: [Substring], within scope: HintScope, prefix: Int? = nil, fuzzy: Bool) -> NameMatch? {
        let name = prefix.map { Array(tokens[..<$0]) } ?? tokens
        guard let located = index.locate(name, kinds: nil, fuzzy: fuzzy) else { return nil }
        let matched = LocationText.matchedText(text, tokens: tokens, range: located.matchedTokens)
        return refined(index.select(located, scope: scope, matchedText: matched), scope)
    }

    /// The units a text names, as containers (a place stands for its district): for hints and qualifiers.
    func area(of tokens: [Substring], kinds: Set<NameCandidate.Kind>? = nil) -> [Int]? {
        if let hits = index.exact[tokens.joined()] {
            let units = hits.filter { kinds?.contains(index.entities[Int($0.entity)].kind) ?? true }
            if units.count == 1 { return [container(Int(units[0].entity))] }
        }
        guard let located = index.locate(tokens, kinds: kinds, fuzzy: false) ?? index.locate(tokens, kinds: kinds, fuzzy: true) else {
            return nil
        }
        return index.select(located, scope: HintScope(), matchedText: nil).entities.map(container)
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
        var levels: [[Int]] = []
        if let text = hints.admin2, case let tokens = LocationText.tokens(text), !tokens.isEmpty,
           let units = area(of: tokens, kinds: [.district]) ?? area(of: tokens) {
            levels.append(units)
        }
        if let text = hints.admin1, case let tokens = LocationText.tokens(text), !tokens.isEmpty,
           let units = area(of: tokens, kinds: [.province]) {
            levels.append(units)
        }
        if let text = hints.country, case let tokens = LocationText.tokens(text), !tokens.isEmpty,
           let units = area(of: tokens, kinds: [.country]) {
            levels.append(units)
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
        if let units = scope.levels.first { return index.hintMatch(units).match }
        return .unresolved
    }

    private func mostSpecificSingle(_ scope: HintScope, within outer: Int?) -> Int? {
        scope.levels.compactMap { $0.count == 1 ? $0[0] : nil }
            .filter { unit in
                guard let outer else { return true }
                let (inner, container) = (index.entities[unit], index.entities[outer])
                return inner.precision < container.precision && container.contains(inner)
            }
            .min { index.entities[$0].precision < index.entities[$1].precision }
    }
}
