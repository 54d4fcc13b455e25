/// Under hexagonal bins: reports located only to a district, as one hollow circle per district (area by count)
/// at the district's label point — never binned as if their point were known.
struct DistrictLevelReportsLayer: MapLayer {
    let clippedToFrame = true

    func draw(into svg: SVGDocument, context: inout MapDrawingContext) throws {
        guard context.style.mode == .hexbin, let scale = context.style.proportional else { return }
        let template = context.template
        let circles = context.aggregate.districtLevel.compactMap { id, count -> (String, Int, PanelTemplate.DistrictPlace)? in
            guard let place = template.districtPlaces[id], template.frame.contains(place.point) else { return nil }
            return (id, count, place)
        }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        guard !circles.isEmpty else { return }
        svg.raw("<g class=\"district-level\">")
        for (id, count, place) in circles {
            let r = scale.radius(Double(count))
            let name = template.gazetteer.district(id: id)?.name ?? id
            svg.circle(cx: place.point.x, cy: place.point.y, r: r, cls: "dh",
                       title: "\(name): \(count) report\(count == 1 ? "" : "s") located only to the district")
            context.stats.drawn += count
        }
        svg.raw("</g>")
    }
}
