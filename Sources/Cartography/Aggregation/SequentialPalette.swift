/// ColorBrewer sequential palettes (Cynthia Brewer, colorbrewer2.org, Apache 2.0), all marked colour-blind safe:
/// YlGnBu for counts and rates of events, YlOrRd for fatalities, YlGn (light) for the district shading under points.
enum SequentialPalette {
    static let yellowGreenBlue: [Int: [String]] = [
        3: ["#edf8b1", "#7fcdbb", "#2c7fb8"],
        4: ["#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"],
        5: ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"],
        6: ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"],
        7: ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"],
    ]
    static let yellowOrangeRed: [Int: [String]] = [
        3: ["#ffeda0", "#feb24c", "#f03b20"],
        4: ["#ffffb2", "#fecc5c", "#fd8d3c", "#e31a1c"],
        5: ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"],
        6: ["#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026"],
        7: ["#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026"],
    ]
    static let yellowGreen: [Int: [String]] = [
        3: ["#f7fcb9", "#addd8e", "#31a354"],
        4: ["#ffffcc", "#c2e699", "#78c679", "#238443"],
        5: ["#ffffcc", "#c2e699", "#78c679", "#31a354", "#006837"],
        6: ["#ffffcc", "#d9f0a3", "#addd8e", "#78c679", "#31a354", "#006837"],
        7: ["#ffffcc", "#d9f0a3", "#addd8e", "#78c679", "#41ab5d", "#238443", "#005a32"],
    ]

    /// Class counts the palettes hold.
    static let classCounts = 3...7

    /// The colours of `classes` classes (fewer than 3 take the first of the 3-class palette's ends).
    static func colours(classes: Int, measure: MapMeasure, underPoints: Bool) -> [String] {
        let family = underPoints ? yellowGreen : (measure == .fatalitiesLow || measure == .fatalitiesHigh ? yellowOrangeRed : yellowGreenBlue)
        let n = min(max(classes, 3), 7)
        let colours = family[n]!
        switch classes {
        case ...0: return []
        case 1: return [colours[1]]
        case 2: return [colours[0], colours[2]]
        default: return colours
        }
    }
}
