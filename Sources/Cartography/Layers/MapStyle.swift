/// How every panel drawn from one template is drawn: the symbol and line scale (below 1 for small multiples),
/// symbol sizes, the palette, the symbol definitions, how districts are shown and how events are symbolised.
struct MapStyle {
    let k: Double
    let sizes: SymbolSizes
    let theme: MapTheme
    let symbols: SymbolDefinitions
    /// Official district outlines are drawn (shaded or as clips); approximate ones only as points at headquarters.
    let officialDistricts: Bool
    /// Points, graduated circles, hexagonal bins or a choropleth (never `auto` here).
    var mode: SymbolMode = .points
    var measure: MapMeasure = .events
    /// Under points: districts shaded by their number of events (light YlGn); nil draws them unshaded.
    var districtShading: ClassBreaks?
    /// The classes of a choropleth or of hexagonal bins.
    var aggregateClasses: ClassBreaks?
    /// Circle sizes of graduated symbols (and of district-level reports under hexagonal bins).
    var proportional: ProportionalScale?
    var hexBins: HexBins?

    init(k: Double, sizes: SymbolSizes, theme: MapTheme, symbols: SymbolDefinitions, officialDistricts: Bool,
         districtShading: ClassBreaks? = nil) {
        self.k = k
        self.sizes = sizes
        self.theme = theme
        self.symbols = symbols
        self.officialDistricts = officialDistricts
        self.districtShading = districtShading
    }

    var townRadius: Double { sizes.quantised(2.4 * k) }
}
