/// Province fills, the focus provinces emphasised (drawn last).
struct ProvincesLayer: SharedMapLayer {
    func draw(into defs: SVGDocument, template: PanelTemplate) throws {
        let provinces = template.boundaries.provinces
        for province in provinces where !FocusProvinces.contains(province.unit) { defs.outline(province.outline, cls: "pv") }
        for province in provinces where FocusProvinces.contains(province.unit) { defs.outline(province.outline, cls: "pf") }
    }
}
