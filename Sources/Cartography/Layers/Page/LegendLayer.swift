import GeoKit

/// The legend of every symbol, colour and line drawn; for small multiples, the scale bar and north arrow they
/// share at its foot.
struct LegendLayer: PageLayer {
    func draw(into doc: SVGDocument, page: MapPage) throws {
        let plan = page.plan, box = plan.layout.legendBox
        doc.raw("<g id=\"legend\">")
        let bottom = plan.legend.write(to: doc, in: Envelope(minX: box.minX, minY: box.minY, maxX: box.maxX,
                                                             maxY: box.maxY - plan.layout.furnitureHeight)).bottom
        if plan.options.facetByYear {
            let y = min(bottom + 4, box.maxY - 46), centre = plan.template.frame.center
            doc.text("Scale (every panel)", x: box.minX, y: y + 10, cls: "lh")
            let km = plan.projection.kilometresPerPixel(at: centre) ?? 1
            ScaleBar.write(to: doc, x: box.minX + 6, y: y + 20, kmPerPixel: km, maxWidth: min(150, plan.legend.columnWidth - 60))
            NorthArrow.write(to: doc, cx: box.minX + plan.legend.columnWidth - 20, cy: y + 26, angle: plan.projection.northAngle(at: centre), size: 22)
        }
        doc.raw("</g>\n")
    }
}
