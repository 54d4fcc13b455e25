import GeoKit
import EventModel
import EventFormats
import GeoReference
/// Names the gazetteer files leave out on purpose or by omission, kept here because the geocoder needs them.
enum SupplementaryNames {
    /// Aliases that reporting uses for a whole province.
    static let provinceAliases: [String: [String]] = [
        "PK5": ["ex-FATA", "former FATA", "Tribal Areas", "tribal districts", "merged districts", "merged tribal districts"],
    ]

    /// Legacy names of districts that were split: GeoData/NOTES-districts.md keeps them out of the
    /// aliases ("South Waziristan", "Chitral", "Kohistan", "Dir"), so they name every successor and
    /// read as ambiguous unless hints decide. Derived from successor names with Upper/Lower/Central,
    /// plus the splits that naming rule cannot see. A legacy name that is still a district's own name
    /// (Swat) stays that district's.
    static func legacyDistrictNames(_ districts: [District]) -> [(name: String, districtIDs: [String])] {
        let ownNames = Set(districts.map { NameNormalizer.compactKey($0.name) })
        var successors: [String: (name: String, ids: [String])] = [:]
        var order: [String] = []
        func record(_ name: String, _ id: String) {
            let key = NameNormalizer.compactKey(name)
            guard !ownNames.contains(key) else { return }
            if successors[key] == nil { successors[key] = (name, []); order.append(key) }
            if !(successors[key]?.ids.contains(id) ?? true) { successors[key]?.ids.append(id) }
        }
        for district in districts {
            if let stem = directionlessStem(district.name) { record(stem, district.id) }
        }
        for (legacy, successorNames) in extraSplits {
            for district in districts where successorNames.contains(district.name) { record(legacy, district.id) }
        }
        return order.compactMap { key in
            guard let entry = successors[key], entry.ids.count > 1 else { return nil }
            return (entry.name, entry.ids)
        }
    }

    private static let directions: Set<Substring> = ["upper", "lower", "central"]

    private static let extraSplits: [(String, [String])] = [
        ("Kohistan", ["Kohistan Lower", "Kohistan Upper", "Kolai Palas Kohistan"]),
        ("Waziristan", ["North Waziristan", "Upper South Waziristan", "Lower South Waziristan"]),
    ]

    private static func directionlessStem(_ name: String) -> String? {
        let words = name.split(separator: " ")
        guard words.count >= 2 else { return nil }
        if let first = words.first, directions.contains(Substring(first.lowercased())) {
            return words.dropFirst().joined(separator: " ")
        }
        if let last = words.last, directions.contains(Substring(last.lowercased())) {
            return words.dropLast().joined(separator: " ")
        }
        return nil
    }
}
