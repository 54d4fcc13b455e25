/// The inset's title strip: what area it shows and, where it fits, a compact scale bar.
struct InsetHeaderLayer: MapLayer {
    func draw(into svg: SVGDocument, context: inout MapDrawingContext) throws {
        let frame = context.frame
        svg.rect(x: 0, y: 0, width: frame.width, height: InsetPlan.headerHeight, cls: "box")
        var title = context.template.title ?? "Detail"
        let titleStyle = LabelStyle(cls: "int", size: 9.5, bold: true)
        if let km = context.projection.kilometresPerPixel(at: frame.center) {
            let bar = ScaleBar.niceLength(maxKm: 50 * km)
            let scaleWidth = bar / km + 8 + TextMetrics.width(ScaleBar.format(bar) + " km", size: 8.5) + 6
            if titleStyle.width(title) + scaleWidth + 10 > frame.width { title = "Detail" }
            ScaleBar.write(to: svg, x: frame.width - 8 - bar / km, y: 6, kmPerPixel: km, maxWidth: 50, compact: true)
        }
        svg.text(title, x: 5, y: 12, cls: "int")
    }
}
