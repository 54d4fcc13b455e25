import GeoKit
import EventModel
import EventFormats

extension ReferenceData {
    /// What GeoData/ holds, for `eventmap geodata info` and the demo.
    public func report() throws -> String {
        let context = GEOSContext()
        var lines: [String] = ["GeoData: \(directory)", ""]
        func row(_ name: String, _ count: String, _ detail: String) {
            lines.append(name.padding(toLength: 18, withPad: " ", startingAt: 0) + count.padding(toLength: 8, withPad: " ", startingAt: 0) + detail)
        }
        let byCountry = Dictionary(grouping: boundaries.provinces, by: \.countryISO3).mapValues(\.count)
        row("provinces", "\(boundaries.provinces.count)", "AFG \(byCountry["AFG"] ?? 0), PAK \(byCountry["PAK"] ?? 0) · \(NaturalEarthImport.source)"
            + (boundaries.districtSource.isApproximate ? "" : "; the four focus provinces are the union of their official districts"))
        let neighbours = boundaries.countries.filter { $0.id != "AFG" && $0.id != "PAK" }.map(\.name)
        row("countries", "\(boundaries.countries.count)", "Afghanistan, Pakistan; neighbours for context (clipped): \(neighbours.joined(separator: ", "))")
        var borderKm = 0.0
        for segment in boundaries.borderSegments {
            borderKm += try Geodesic.wgs84.lengthMeters(of: Geometry(wkb: segment.wkb, in: context)) / 1000
        }
        row("border segments", "\(boundaries.borderSegments.count)", "\(BorderDerivation.label), \(Int(borderKm.rounded())) km, split by the provinces on each side")
        let perProvince = gazetteer.provinces.filter { Gazetteer.focusProvinceIDs.contains($0.id) }.map { province in
            "\(province.name) \(gazetteer.districts.filter { $0.provinceID == province.id }.count)"
        }
        row("districts", "\(gazetteer.districts.count)", perProvince.joined(separator: ", ") + " · districts.csv")
        switch boundaries.districtSource {
        case .approximate:
            row("  outlines", "\(boundaries.districts.count)", "APPROXIMATE: Voronoi cells of district headquarters clipped to provinces; not official boundaries. Import official ones with `eventmap geodata import`")
        case .shipped:
            let approximate = boundaries.districts.filter(\.approximate)
            row("  official", "\(boundaries.districts.count - approximate.count)", ShippedDistricts.attribution)
            row("  approximate", "\(approximate.count)", "created after the official edition (or reduced by such a split), approximated inside their official parent outline: "
                + approximate.map(\.name).joined(separator: ", "))
            row("  disclaimer", "", "The boundaries and names shown and the designations used do not imply official endorsement or acceptance by the United Nations. COD-AB Afghanistan is published strictly for humanitarian purposes.")
        case let .official(info):
            row("  outlines", "\(boundaries.districts.count)", "imported: \(info.attribution), from \(info.file) (\(info.schema)), imported \(info.importedAt), \(info.matchedCount) districts; the others keep their shipped outline")
        }
        let uncertain = gazetteer.districts.filter { !$0.uncertain.isEmpty }.count
        row("  uncertain", "\(uncertain)", "districts with a fact marked uncertain (column `uncertain`)")
        row("places", "\(gazetteer.places.count)", "towns, crossings, valleys, landmarks · places.csv")
        row("groups", "\(gazetteer.groups.count)", "armed groups and their aliases · groups.csv")
        row("reported origins", "\(gazetteer.origins.count)", "sourced claims of where groups come from or are based · group_origins.csv")
        lines.append("")
        lines.append("Sources: " + boundaries.sources.joined(separator: "; ") + "; gazetteer compiled for this project (see GeoData/README.md).")
        return lines.joined(separator: "\n")
    }
}
