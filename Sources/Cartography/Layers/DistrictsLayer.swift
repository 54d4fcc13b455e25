/// Official district outlines, each defined once and placed by every panel: under points, shaded by the number of
/// events (light); as a choropleth, shaded by the measure's class with the value in a tooltip; under graduated
/// circles or bins, plain outlines (and each outline defined as a clip so a district's circle stays inside it).
/// Approximate districts have no outlines.
struct DistrictsLayer: MapLayer {
    let clippedToFrame = true

    func define(into defs: SVGDocument, template: PanelTemplate) throws {
        for (i, district) in template.boundaries.districts.enumerated() {
            defs.outline(district.outline, cls: "", id: "\(template.prefix)d\(i)")
        }
        guard template.style.mode == .graduated else { return }
        for i in template.boundaries.districts.indices {
            defs.raw("<clipPath id=\"\(template.prefix)cd\(i)\"><use href=\"#\(template.prefix)d\(i)\"/></clipPath>")
        }
    }

    func draw(into svg: SVGDocument, context: inout MapDrawingContext) throws {
        guard context.style.officialDistricts else { return }
        let style = context.style, prefix = context.template.prefix
        svg.raw("<g class=\"districts\">")
        for (i, district) in context.template.boundaries.districts.enumerated() {
            let id = district.unit.id
            switch style.mode {
            case .choropleth:
                let value = context.aggregate.districtValues[id] ?? 0
                let cls = style.aggregateClasses?.index(value) ?? 0
                svg.raw("<use href=\"#\(prefix)d\(i)\" class=\"dl cs\(cls)\"><title>")
                svg.escaped("\(district.unit.name): \(style.measure.describe(value))" + (district.unit.approximate ? " (outline approximate)" : ""))
                svg.raw("</title></use>")
            case .points:
                let cls = style.districtShading?.index(Double(context.districtCounts[id] ?? 0)) ?? 0
                svg.use(prefix + "d\(i)", cls: "dl ds\(cls)")
            default:
                svg.use(prefix + "d\(i)", cls: "dl ds0")
            }
        }
        svg.raw("</g>")
    }
}
