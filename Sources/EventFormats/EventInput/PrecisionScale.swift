import EventModel

/// How a file codes the precision of its locations, and what each code means on the project's scale.
public enum PrecisionScale: Sendable {
    /// The project's own scale (EVENT-SCHEMA.md): 1 exact, 2 place or approximate point, 3 district,
    /// 4 province, 5 country. ACLED's 1 and 2 mean the same, so generic files may use either.
    case project
    /// ACLED `geo_precision`: 1 exact town, 2 near a town or part of a region (approximate), 3 a
    /// provincial capital or larger region standing for the province.
    case acled

    public func precision(_ code: Int) -> GeoPrecision? {
        switch self {
        case .project: GeoPrecision(rawValue: code)
        case .acled: [1: .exact, 2: .place, 3: .province][code]
        }
    }

    public var codes: String {
        switch self {
        case .project: "1 (exact), 2 (place or approximate point), 3 (district), 4 (province) or 5 (country)"
        case .acled: "ACLED's 1 (exact), 2 (approximate) or 3 (region or provincial capital)"
        }
    }
}
