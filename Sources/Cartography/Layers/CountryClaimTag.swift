import Foundation
import GeoKit
import EventModel

/// An origin claim that names only a country, marked on the event: a short pointer from the symbol's edge toward
/// that country's label point, with the claim and its asserter in a tooltip. Never a line to a place: the claim
/// gives no place.
struct CountryClaimTag {
    let from: Coordinate
    let tip: Coordinate
    let angle: Double
    let text: String

    static func tags(for event: PanelEvent, countries: [DrawnUnit], k: Double) -> [CountryClaimTag] {
        var tags: [CountryClaimTag] = []
        var seen = Set<String>()
        for claim in event.event.countryClaims {
            guard let iso3 = claim.location.adm0ISO3, !seen.contains(iso3),
                  let target = countries.first(where: { $0.unit.id == iso3 })?.labelPoint else { continue }
            seen.insert(iso3)
            let angle = atan2(target.y - event.point.y, target.x - event.point.x)
            let edge = event.halfExtent + 0.8 * k
            let from = Coordinate(event.point.x + cos(angle) * edge, event.point.y + sin(angle) * edge)
            let tip = Coordinate(from.x + cos(angle) * 6 * k, from.y + sin(angle) * 6 * k)
            let name = countries.first(where: { $0.unit.id == iso3 })?.unit.name ?? iso3
            tags.append(CountryClaimTag(from: from, tip: tip, angle: angle,
                                        text: "Origin asserted only as a country: \(name) (asserted by \(claim.claim.assertedBy ?? "an unnamed party"))"))
        }
        return tags
    }

    func write(to svg: SVGDocument) {
        svg.raw("<path class=\"cc\" marker-end=\"url(#ac)\" d=\"M")
        svg.num(from.x); svg.byte(32); svg.num(from.y); svg.byte(76); svg.num(tip.x); svg.byte(32); svg.num(tip.y)
        svg.raw("\"><title>"); svg.escaped(text); svg.raw("</title></path>")
    }
}
