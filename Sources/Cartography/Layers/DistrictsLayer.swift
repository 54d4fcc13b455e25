/// Official district outlines as a choropleth of event counts: each outline defined once, each panel placing it
/// with its own class. Approximate districts have no outlines (their totals are drawn at headquarters).
struct DistrictsLayer: MapLayer {
    let clippedToFrame = true

    func define(into defs: SVGDocument, template: PanelTemplate) throws {
        for (i, district) in template.boundaries.districts.enumerated() {
            defs.outline(district.outline, cls: "", id: "\(template.prefix)d\(i)")
        }
    }

    func draw(into svg: SVGDocument, context: inout MapDrawingContext) throws {
        guard context.style.officialDistricts else { return }
        let classes = context.style.classes
        svg.raw("<g class=\"districts\">")
        for (i, district) in context.template.boundaries.districts.enumerated() {
            svg.use(context.template.prefix + "d\(i)", cls: "dl ds\(classes.index(context.districtCounts[district.unit.id] ?? 0))")
        }
        svg.raw("</g>")
    }
}
