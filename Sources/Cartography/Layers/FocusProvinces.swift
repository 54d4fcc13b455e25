import GeoReference

/// The four provinces the maps are about (Nangarhar, Kunar, Khyber Pakhtunkhwa, Balochistan): emphasised, labelled
/// first, and the default extent.
enum FocusProvinces {
    static let ids = ["AF06", "AF15", "PK5", "PK2"]

    static func contains(_ unit: AdminUnit) -> Bool { ids.contains(unit.id) }
}
