import GeoKit
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis
/// Colours, line weights and type of a map, written once as CSS classes in the document's `<style>`.
/// Palettes are colour-blind safe: ColorBrewer RdBu ends for claimed/attributed, PuOr for links, sequential
/// ColorBrewer palettes for shading (`SequentialPalette`); attribution is also told apart by fill pattern, link kind
/// by dash, event type by shape. No text is set below 8 px (6 pt at the drawing's size).
public enum MapThemeKind: String, CaseIterable, Sendable {
    /// Screen: a pale sea, muted neighbours.
    case light
    /// Print: white background, heavier lines, greys that survive photocopying.
    case print
}

struct MapTheme {
    let kind: MapThemeKind
    var page = "#ffffff"
    var sea = "#dce8ef"
    var neighbour = "#ebe8e2"
    var home = "#fbfaf6"
    var focus = "#fdf1d6"
    var provinceLine = "#bcb7ad"
    var focusLine = "#6b655b"
    var countryLine = "#7d786f"
    var borderLine = "#222222"
    var claimed = "#b2182b"
    var attributed = "#2166ac"
    var unclaimedFill = "#c4c4c4"
    var unclaimedLine = "#5f5f5f"
    var linkDomestic = "#5e3c99"
    var linkCross = "#e66101"
    var districtSymbol = "#1b7f79"
    var text = "#1f1f1f"
    var muted = "#6b665e"
    var countryText = "#8c877d"
    var lineScale = 1.0
    var graduated = "#2c7fb8"

    init(_ kind: MapThemeKind) {
        self.kind = kind
        if kind == .print {
            sea = "#ffffff"
            neighbour = "#f0f0f0"
            home = "#ffffff"
            focus = "#f7f1e1"
            provinceLine = "#a3a3a3"
            focusLine = "#4d4d4d"
            countryLine = "#595959"
            countryText = "#7a7a7a"
            lineScale = 1.25
        }
    }

    static let fontFamily = "'DejaVu Sans',Verdana,Geneva,sans-serif"

    /// The smallest font size written, in px: 6 pt at the drawing's size.
    static let minimumFontSize = 8.0

    /// The stylesheet; `k` scales symbols, lines and type of the map panels (small multiples use less than 1);
    /// `shading` colours the districts under points (classes ds1…), `aggregate` a choropleth or bins (cs1…).
    func css(k: Double, shading: [String] = [], aggregate: [String] = []) -> String {
        func n(_ v: Double) -> String { NumberFormatting.string(v, decimals: 2) }
        func font(_ v: Double) -> String { n(max(v, Self.minimumFontSize)) }
        let lw = lineScale * max(k, 0.6)
        let halo = "paint-order:stroke;stroke:#fff;stroke-linejoin:round;stroke-opacity:.9"
        return """
        text{font-family:\(Self.fontFamily);fill:\(text)}\
        .pg{fill:\(page)}.sea{fill:\(sea)}.nd{fill:\(neighbour)}.fr{fill:none;stroke:#8a8a8a;stroke-width:.8}\
        .nb{fill:\(neighbour)}\
        .hm{fill:\(home)}\
        .pv{fill:\(home);stroke:\(provinceLine);stroke-width:\(n(0.6 * lw))}\
        .pf{fill:\(focus);stroke:\(focusLine);stroke-width:\(n(1.1 * lw))}\
        .cb{fill:none;stroke:\(countryLine);stroke-width:\(n(1 * lw));stroke-linejoin:round}\
        .bdc{fill:none;stroke:#fff;stroke-opacity:.85;stroke-width:\(n(5 * lw));stroke-linejoin:round;stroke-linecap:round}\
        .bd{fill:none;stroke:\(borderLine);stroke-width:\(n(1.7 * lw));stroke-dasharray:\(n(8 * lw)) \(n(2.5 * lw)) \(n(1.6 * lw)) \(n(2.5 * lw));stroke-linejoin:round}\
        .dl{fill:none;stroke:#8f8a80;stroke-width:\(n(0.35 * lw))}\
        \(shading.enumerated().map { ".ds\($0.offset + 1){fill:\($0.element)}" }.joined())\
        .ds0{fill:none}\
        \(aggregate.enumerated().map { ".cs\($0.offset + 1){fill:\($0.element)}" }.joined())\
        .cs0{fill:none}\
        .hx{fill-opacity:.85;stroke:#fff;stroke-width:\(n(0.4 * lw))}\
        .gs{fill:\(graduated);fill-opacity:.55;stroke:#0b3c63;stroke-width:\(n(0.8 * lw))}\
        .gc{stroke-width:\(n(2.2 * lw));stroke-dasharray:\(n(3 * lw)) \(n(1.2 * lw))}\
        .dh{fill:none;stroke:#333;stroke-width:\(n(1.1 * lw));stroke-dasharray:\(n(2 * lw)) \(n(1.3 * lw))}\
        .locc{fill:none;stroke:#fff;stroke-width:\(n(3.2 * lw))}\
        .loc{fill:none;stroke:#333;stroke-width:\(n(1.5 * lw));stroke-dasharray:0 \(n(3 * lw));stroke-linecap:round}\
        .dc{fill:\(districtSymbol);fill-opacity:.2;stroke:\(districtSymbol);stroke-width:\(n(0.8 * lw))}\
        .ln,.lx{fill:none;stroke-linecap:round}\
        .ln{stroke:\(linkDomestic);stroke-opacity:.75}.gb{stroke-opacity:.42}\
        \((1...4).map { ".w\($0){stroke-width:\(n(MapLink.width($0, k: k)))}" }.joined())\
        .lx{stroke:\(linkCross);stroke-dasharray:\(n(5 * lw)) \(n(2.5 * lw))}\
        .og{fill:#fff;stroke:#333;stroke-width:\(n(1 * lw))}\
        .ec{fill:\(claimed);fill-opacity:.88;stroke:#fff;stroke-width:\(n(0.7 * lw))}\
        .ea{fill:url(#hatch);stroke:\(attributed);stroke-width:\(n(1.3 * lw))}\
        .eu{fill:\(unclaimedFill);fill-opacity:.9;stroke:\(unclaimedLine);stroke-width:\(n(0.8 * lw))}\
        .fu{stroke:#1a1a1a;stroke-width:\(n(0.9 * lw));stroke-dasharray:\(n(1.4 * lw)) \(n(1 * lw))}\
        .hc,.ha,.hu{fill:#fff;fill-opacity:.6;stroke-width:\(n(1.4 * lw));stroke-dasharray:\(n(2.2 * lw)) \(n(1.2 * lw))}\
        .hc{stroke:\(claimed)}.ha{stroke:\(attributed)}.hu{stroke:\(unclaimedLine)}\
        .cc{fill:none;stroke:#111;stroke-width:\(n(1 * lw))}\
        .gbm{fill:#fff;fill-opacity:.7;stroke:#7b3294;stroke-width:\(n(1.2 * lw))}\
        .ll{fill:none;stroke:#555;stroke-width:.6}\
        .ls{fill:#fff;stroke:#333;stroke-width:1}\
        .tw{fill:#fff;stroke:#222;stroke-width:\(n(1 * lw))}\
        .cap{fill:#222}\
        .lc{font-size:\(font(12 * k))px;letter-spacing:\(n(2.5 * k))px;fill:\(countryText);\(halo);stroke-width:\(n(2.5 * k))px}\
        .lp{font-size:\(font(9 * k))px;font-style:italic;fill:\(muted);\(halo);stroke-width:\(n(2.2 * k))px}\
        .lf{font-size:\(font(11 * k))px;font-weight:bold;fill:#3a352d;letter-spacing:\(n(0.6 * k))px;\(halo);stroke-width:\(n(3 * k))px}\
        .lt{font-size:\(font(9.5 * k))px;\(halo);stroke-width:\(n(2.6 * k))px}\
        .ld{font-size:\(font(8.5 * k))px;fill:#333;\(halo);stroke-width:\(n(2.4 * k))px}\
        .lb{font-size:\(font(9.5 * k))px;font-style:italic;fill:#111;\(halo);stroke-width:\(n(3 * k))px}\
        .ti{font-size:20px;font-weight:bold}.st{font-size:11px;fill:\(muted)}\
        .pt{font-size:12px;font-weight:bold}\
        .lh{font-size:10px;font-weight:bold}.lg{font-size:9px}.lgs{font-size:8px;fill:\(muted)}\
        .cr{font-size:8px;fill:\(muted)}\
        .sbw{fill:#fff;stroke:#222;stroke-width:.8}.sbb{fill:#222}.sbt{font-size:8.5px}\
        .na{fill:#222}.nao{fill:#fff;stroke:#222;stroke-width:.8}.nat{font-size:10px;font-weight:bold}\
        .box{fill:#fff;fill-opacity:.85;stroke:#b3b3b3;stroke-width:.5}\
        .ins{fill:none;stroke:#222;stroke-width:1.6}.inr{fill:none;stroke:#222;stroke-width:1;stroke-dasharray:3 2}\
        .int{font-size:9.5px;font-weight:bold;\(halo);stroke-width:2.5px}\
        .bp{fill:#f4f1ea;stroke:#777;stroke-width:.3}.bpt{fill:none;stroke:#c0392b;stroke-width:1.6;stroke-linecap:round}
        """
    }
}
