import EventFormats

/// The focus provinces' outlines again, above the districts.
struct FocusProvinceOutlinesLayer: SharedMapLayer {
    func draw(into defs: SVGDocument, template: PanelTemplate) throws {
        let width = NumberFormatting.string(1.1 * template.style.k * template.style.theme.lineScale, decimals: 2)
        for province in template.boundaries.provinces where FocusProvinces.contains(province.unit) {
            defs.outline(province.outline, cls: "cb", extra: " style=\"stroke-width:\(width)\"")
        }
    }
}
