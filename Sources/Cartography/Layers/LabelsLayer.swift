import GeoKit
import GeoReference

/// The labels, placed greedily in priority order so none overlaps another label, a symbol or the furniture (lower
/// priorities are dropped): the border along its line, countries, focus provinces, key towns, other provinces,
/// district headquarters.
struct LabelsLayer: MapLayer {
    func draw(into svg: SVGDocument, context: inout MapDrawingContext) throws {
        var placer = context.labels
        let template = context.template, k = context.style.k
        if template.labelsBorder { placeBorder(&placer, template: template, k: k) }
        placeCountries(&placer, template: template, k: k)
        placeFocusProvinces(&placer, template: template, k: k)
        // Small multiples name only countries and provinces: at 6 pt, town names would bury their small panels.
        var labelled = k >= 0.8 ? placeTowns(&placer, template: template, k: k) : []
        placeOtherProvinces(&placer, template: template, k: k)
        let districtStyle = LabelStyle(cls: "ld", size: max(8.5 * k, 8))
        for hq in context.headquarters where k >= 0.8 && !labelled.contains(hq.name) && context.frame.contains(hq.point) {
            if placer.placeBeside(hq.name, point: hq.point, r: max(hq.r, 3 * k), style: districtStyle) { labelled.insert(hq.name) }
        }
        svg.raw("<g class=\"labels\">")
        placer.write(to: svg)
        svg.raw("</g>")
        context.labels = placer
        context.stats.dropped += placer.dropped
    }

    /// Along the border, nearest the middle of the focus provinces; never across it.
    private func placeBorder(_ placer: inout LabelPlacer, template: PanelTemplate, k: Double) {
        let centres = template.boundaries.provinces.filter { FocusProvinces.contains($0.unit) }.compactMap(\.labelPoint)
        let prefer = centres.isEmpty ? template.frame.center
            : Coordinate(centres.map(\.x).reduce(0, +) / Double(centres.count), centres.map(\.y).reduce(0, +) / Double(centres.count))
        placer.placeAlong(BorderDerivation.label, breakAt: "(", lines: template.boundaries.borderLines,
                          style: LabelStyle(cls: "lb", size: max(9.5 * k, 8)), prefer: prefer, gap: 4 * k)
    }

    /// Afghanistan and Pakistan first, then the neighbours with the most room; only where the name fits.
    private func placeCountries(_ placer: inout LabelPlacer, template: PanelTemplate, k: Double) {
        let style = LabelStyle(cls: "lc", size: max(12 * k, 8), letterSpacing: 2.5 * k, uppercase: true)
        func rank(_ c: DrawnUnit) -> (Int, Double) { (c.unit.id == "AFG" || c.unit.id == "PAK" ? 0 : 1, -c.labelRoom) }
        for country in template.boundaries.countries.sorted(by: { rank($0) < rank($1) }) {
            guard country.labelPoint != nil, country.labelRoom > 9 * k, style.width(country.unit.name) < country.labelRoom * 3.4 else { continue }
            placer.placeInArea(country.unit.name, unit: country, style: style)
        }
    }

    /// Always labelled: over obstacles when there is no free place.
    private func placeFocusProvinces(_ placer: inout LabelPlacer, template: PanelTemplate, k: Double) {
        let style = LabelStyle(cls: "lf", size: max(11 * k, 8), bold: true, letterSpacing: 0.6 * k)
        for province in template.boundaries.provinces where FocusProvinces.contains(province.unit) {
            if !placer.placeInArea(province.unit.name, unit: province, style: style, recordDrop: false) {
                placer.placeInArea(province.unit.name, unit: province, style: style, ignoreObstacles: true)
            }
        }
    }

    /// Beside their dots, over obstacles when need be; returns the names labelled.
    private func placeTowns(_ placer: inout LabelPlacer, template: PanelTemplate, k: Double) -> Set<String> {
        let style = LabelStyle(cls: "lt", size: max(9.5 * k, 8)), r = template.style.townRadius
        var labelled = Set<String>()
        for town in template.towns {
            if placer.placeBeside(town.name, point: town.point, r: r, style: style, recordDrop: false)
                || placer.placeBeside(town.name, point: town.point, r: r, style: style, ignoreObstacles: true) {
                labelled.insert(town.name)
            }
        }
        return labelled
    }

    /// Where they fit; Azad Jammu and Kashmir and Gilgit-Baltistan carry the mark of the Line of Control note.
    private func placeOtherProvinces(_ placer: inout LabelPlacer, template: PanelTemplate, k: Double) {
        let style = LabelStyle(cls: "lp", size: max(9 * k, 8))
        for province in template.boundaries.provinces where !FocusProvinces.contains(province.unit) {
            let name = province.unit.name + (LineOfControl.provinceIDs.contains(province.unit.id) ? LineOfControl.mark : "")
            guard let p = province.labelPoint, style.width(name) < province.labelRoom * 2.2 else { continue }
            placer.placeCentred(name, at: p, style: style, room: province.labelRoom * 0.5, within: province.outline)
        }
    }
}
