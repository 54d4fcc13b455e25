import GeoKit

/// Graduated circles: one per district, area by the measure (capped, `ProportionalScale`), centred on the
/// district's label point (GEOS maximum inscribed circle) and clipped to its outline so no circle crosses a
/// boundary; largest first. Values over the cap get a second ring. Over approximate districts: at headquarters, unclipped.
struct GraduatedSymbolsLayer: MapLayer {
    let clippedToFrame = true

    func draw(into svg: SVGDocument, context: inout MapDrawingContext) throws {
        guard context.style.mode == .graduated, let scale = context.style.proportional else { return }
        let template = context.template, measure = context.style.measure
        let circles = context.aggregate.districtValues.compactMap { id, value -> (String, Double, Double, PanelTemplate.DistrictPlace)? in
            guard value > 0, let place = template.districtPlaces[id], template.frame.contains(place.point) else { return nil }
            return (id, value, scale.radius(value), place)
        }.sorted { $0.2 != $1.2 ? $0.2 > $1.2 : $0.0 < $1.0 }
        guard !circles.isEmpty else { return }
        svg.raw("<g class=\"graduated\">")
        for (id, value, r, place) in circles {
            let clip = place.outlineIndex.map { " clip-path=\"url(#\(template.prefix)cd\($0))\"" } ?? ""
            svg.raw("<g\(clip)>")
            svg.circle(cx: place.point.x, cy: place.point.y, r: r, cls: scale.isCapped(value) ? "gs gc" : "gs", title: tooltip(id, value, measure, template))
            svg.raw("</g>")
            context.labels.addObstacle(Envelope(minX: place.point.x - r, minY: place.point.y - r, maxX: place.point.x + r, maxY: place.point.y + r))
            context.stats.drawn += context.aggregate.districtEvents[id] ?? 0
        }
        svg.raw("</g>")
    }

    private func tooltip(_ id: String, _ value: Double, _ measure: MapMeasure, _ template: PanelTemplate) -> String {
        let name = template.gazetteer.district(id: id)?.name ?? id
        return "\(name): \(measure.describe(value))"
    }
}
