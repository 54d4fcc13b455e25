/// How events are symbolised: one symbol each while they stay legible, or aggregated when they would pile up.
public enum SymbolMode: String, CaseIterable, Sendable {
    /// Chosen from the data: points while they stay legible at the map's scale, else an aggregate (`SymbolChoice`).
    case auto
    /// One symbol per event.
    case points
    /// A circle per district, area by value, placed at the district's label point and clipped to its outline.
    case graduated
    /// Hexagonal bins of equal area (binned in an equal-area projection), shaded by value.
    case hexbin
    /// Districts shaded by value (official outlines).
    case choropleth
}

/// What the aggregated symbols measure.
public enum MapMeasure: String, CaseIterable, Sendable {
    case events
    case fatalitiesLow = "fatalities-low"
    case fatalitiesHigh = "fatalities-high"
    /// Events claimed by the actor named.
    case claimed
    /// Events attributed, alleged or disputed (not claimed).
    case attributed
    /// Events per 1,000 km² of the district (official area).
    case rate

    /// The legend's words for a value of this measure.
    var title: String {
        switch self {
        case .events: "Reported events"
        case .fatalitiesLow: "Reported fatalities (lowest figure)"
        case .fatalitiesHigh: "Reported fatalities (highest figure)"
        case .claimed: "Events claimed by the actor named"
        case .attributed: "Events attributed, alleged or disputed"
        case .rate: "Reported events per 1,000 km²"
        }
    }

    /// Whether a value is a density (shown by shading only, never by symbol size).
    var isRate: Bool { self == .rate }
}

/// How values are cut into classes for shading.
public enum ClassMethod: String, CaseIterable, Sendable {
    case quantile, jenks, equal

    var label: String {
        switch self {
        case .quantile: "quantiles"
        case .jenks: "natural breaks (Jenks)"
        case .equal: "equal intervals"
        }
    }
}
