/// How every panel of a map is drawn: the symbol and line scale (below 1 for small multiples), symbol sizes, the
/// palette, the symbol definitions, and how districts are shown.
struct MapStyle {
    let k: Double
    let sizes: SymbolSizes
    let theme: MapTheme
    let symbols: SymbolDefinitions
    /// Official district outlines are drawn as a choropleth; approximate ones only as totals at their headquarters.
    let officialDistricts: Bool
    let classes: ChoroplethClasses

    var townRadius: Double { sizes.quantised(2.4 * k) }
}
