import GeoReference
import Geocoding

/// A place mention read through `NameGeocoder`, with its qualifiers and the other units of the sentence as hints.
struct ResolvedPlace: Sendable {
    let mention: PlaceMention
    /// The text given to the geocoder and written as `location`: "Khar, Bajaur", "Dangam district, Kunar province".
    let locationText: String
    let match: NameMatch

    /// 2 place, 3 district, 4 province, 5 country; 6 when nothing matched.
    var precision: Int { match.best?.precision ?? match.sharedArea?.precision ?? 6 }
    var isAmbiguous: Bool { match.isAmbiguous }
    var districtID: String? { match.best.flatMap { $0.kind == .district ? $0.id : $0.districtID } }
    var provinceID: String? {
        match.best.flatMap { $0.kind == .province ? $0.id : $0.provinceID } ?? match.sharedArea.flatMap { $0.kind == .province ? $0.id : $0.provinceID }
    }
    var countryISO3: String? { match.best?.countryISO3 ?? match.sharedArea?.countryISO3 }

    /// True when both name the same unit or one lies inside the other.
    func isCompatible(with other: ResolvedPlace) -> Bool {
        if let a = districtID, let b = other.districtID { return a == b }
        if let a = provinceID, let b = other.provinceID { return a == b }
        if let a = countryISO3, let b = other.countryISO3 { return a == b }
        return true
    }
}

/// Reads place mentions with `NameGeocoder.resolve`: the mention and its qualifier chain as one location
/// text, and the provinces and countries named elsewhere in the sentence as hints.
struct PlaceResolver: Sendable {
    let names: NameGeocoder

    func resolve(_ mentions: [PlaceMention]) -> [ResolvedPlace] {
        let alone = mentions.map { names.resolve($0.text) }
        var hints = NameHints()
        for (mention, match) in zip(mentions, alone) where mention.role == .location {
            switch match.best?.kind {
            case .province?: hints.admin1 = hints.admin1 ?? mention.text
            case .country?: hints.country = hints.country ?? mention.text
            default: break
            }
        }
        return mentions.indices.map { k in
            var parts: [String] = []
            var next: Int? = k
            var seen = Set<Int>()
            while let current = next, seen.insert(current).inserted {
                parts.append(mentions[current].text + (mentions[current].unitWord.map { " " + $0 } ?? ""))
                next = mentions[current].qualifier
            }
            let text = parts.joined(separator: ", ")
            let match = parts.count == 1 && mentions[k].unitWord == nil && alone[k].best != nil && hints == NameHints()
                ? alone[k] : names.resolve(text, hints: hints)
            return ResolvedPlace(mention: mentions[k], locationText: text, match: match)
        }
    }
}
