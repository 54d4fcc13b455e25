/// How exactly a location is known, on the project's scale (EVENT-SCHEMA.md, in the spirit of UCDP's
/// `where_prec` and ACLED's `geo_precision`). Lower is more exact. Not to be confused with the number
/// of decimals coordinates are written with.
public enum GeoPrecision: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
    /// Coordinates given by the source as exact.
    case exact = 1
    /// A named place (town, village, crossing, landmark), or coordinates the source calls approximate.
    case place = 2
    /// A district (ADM2) only.
    case district = 3
    /// A province (ADM1) only.
    case province = 4
    /// A country only.
    case country = 5

    public static func < (a: GeoPrecision, b: GeoPrecision) -> Bool { a.rawValue < b.rawValue }

    public var description: String {
        switch self {
        case .exact: "exact"
        case .place: "place"
        case .district: "district"
        case .province: "province"
        case .country: "country"
        }
    }
}
