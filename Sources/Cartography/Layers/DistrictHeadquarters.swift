import GeoKit

/// A district with events, at its headquarters in panel pixels: where its total is drawn and its name placed.
struct DistrictHeadquarters {
    let name: String
    let point: Coordinate
    /// The symbol radius: a small dot over official outlines, a circle of area ∝ count otherwise.
    let r: Double
    let count: Int

    /// The headquarters of the districts counted, most events first (then by name).
    static func located(counts: [String: Int], template: PanelTemplate) -> [DistrictHeadquarters] {
        let style = template.style
        var located: [DistrictHeadquarters] = []
        for (id, count) in counts {
            guard let district = template.gazetteer.district(id: id), let p = template.projection.project(district.point) else { continue }
            let name = district.headquarters.isEmpty ? district.name : district.headquarters
            located.append(DistrictHeadquarters(name: name, point: p, r: style.officialDistricts ? 2 * style.k : style.sizes.districtRadius(count: count),
                                                count: count))
        }
        located.sort { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
        return located
    }
}
