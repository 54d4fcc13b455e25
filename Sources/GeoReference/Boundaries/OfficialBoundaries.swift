import Foundation
import GeoKit
import EventModel
import EventFormats

/// Builds GeoData/boundaries/ from the official district outlines (OCHA COD-AB) and the Natural Earth layers:
///
/// - **One border.** The Afghanistan–Pakistan line is the edge of the COD-AB Pakistani districts where they
///   meet Afghanistan (the more detailed, ITOS-corrected dataset, measured in GeoData/NOTES-border.md), and
///   Natural Earth's line where COD-AB has no districts (Gilgit-Baltistan). The two country outlines are cut
///   to that line, so every point lies in exactly one country; Afghan districts that overlap Pakistani ones
///   are clipped to the line.
/// - **Districts.** The COD-AB outline of every district the gazetteer has under that P-code. A district
///   created after the edition is approximated inside its official parent outline (Voronoi cells of the
///   parent's and its children's headquarters) and so is the reduced parent; each is flagged `approximate`.
/// - **Provinces.** The four focus provinces are the union of their districts; the others are Natural Earth's,
///   cut to their country.
///
/// Every step is deterministic, so a rebuild from the same inputs is byte-identical.
public enum OfficialBoundaries {
    public struct Report: Sendable {
        public var official = 0
        public var approximate = 0
        public var clippedAfghanDistricts: [String] = []
        public var borderKm = 0.0
        public var segments = 0
    }

    public static let source = "OCHA COD-AB (AGCHO 2018 for Afghanistan, WFP/ITOS 2022 for Pakistan), CC BY-IGO 3.0"
    /// How far from Natural Earth's line the official edge replaces it (degrees; ~20 km, wider than any
    /// measured separation of the candidate lines).
    static let borderZone = 0.2
    /// Coordinates are written with this many decimals (about 0.1 m).
    static let decimals = 6

    /// Reads `naturalEarth/{provinces,countries,border}.geojson` and the COD-AB districts file, writes
    /// `districts.geojson`, `provinces.geojson`, `countries.geojson` and `border.geojson` into `output`.
    public static func build(naturalEarth: String, codab: String, gazetteer: Gazetteer, into output: String) throws -> Report {
        let context = GEOSContext()
        let ne = try NaturalEarthLayers(directory: naturalEarth, context: context)
        let official = try officialDistricts(codab, context: context)
        var report = Report()

        let pakistaniOfficial = try Geometry.unionOf(official.values.filter { $0.country == "PAK" }.map(\.shape), in: context)
        let countries = try cutCountries(ne: ne, pakistaniOfficial: pakistaniOfficial)
        let (afghanistan, pakistan) = countries

        var districtShapes: [(district: District, shape: Geometry, approximate: Bool, source: String)] = []
        let byParent = Dictionary(grouping: gazetteer.districts.filter { $0.parentID != nil }, by: { $0.parentID! })
        for district in gazetteer.districts.sorted(by: { $0.id < $1.id }) {
            if district.parentID != nil { continue }  // made with its parent below
            guard let outline = official[district.id] else {
                throw GeoDataError(file: codab, "has no outline for \(district.id) \(district.name); give the district a parent_id in districts.csv")
            }
            var shape = outline.shape
            if district.countryISO3 == "AFG", try shape.intersects(pakistan) {
                let clipped = try valid(shape.difference(pakistan))
                if try abs(clipped.area() - shape.area()) > 1e-9 { report.clippedAfghanDistricts.append(district.id) }
                shape = clipped
            }
            if let children = byParent[district.id] {
                for (member, cell) in try split(shape, among: [district] + children) {
                    districtShapes.append((member, cell, true, outline.source))
                }
            } else {
                districtShapes.append((district, shape, false, outline.source))
            }
        }
        // Parents that are no longer districts themselves (South Waziristan) are shared among their children only.
        for (parentID, children) in byParent.sorted(by: { $0.key < $1.key }) where gazetteer.district(id: parentID) == nil {
            guard let outline = official[parentID] else {
                throw GeoDataError(file: codab, "has no outline for \(parentID), the parent_id of \(children.map(\.id).joined(separator: ", "))")
            }
            for (member, cell) in try split(outline.shape, among: children) {
                districtShapes.append((member, cell, true, outline.source))
            }
        }
        districtShapes.sort { $0.district.id < $1.district.id }
        report.official = districtShapes.filter { !$0.approximate }.count
        report.approximate = districtShapes.filter(\.approximate).count

        let focusProvinces = Set(gazetteer.districts.map(\.provinceID))
        var provinces: [(feature: Feature, shape: Geometry)] = []
        for province in ne.provinces {
            guard let id = province["id"]?.stringValue, let country = province["country_iso3"]?.stringValue,
                  let neShape = province.geometry else { continue }
            let shape: Geometry
            if focusProvinces.contains(id) {
                shape = try valid(Geometry.unionOf(districtShapes.filter { $0.district.provinceID == id }.map(\.shape), in: context))
            } else {
                shape = try valid(neShape.intersection(country == "AFG" ? afghanistan : pakistan))
            }
            var feature = province
            feature.geometry = nil
            provinces.append((feature, shape))
        }
        try fillGaps(&provinces, country: "AFG", outline: afghanistan)
        try fillGaps(&provinces, country: "PAK", outline: pakistan)

        let border = try BorderDerivation.sharedBoundary(afghanistan, pakistan)
        let segments = try BorderDerivation.segments(of: border,
            afghanProvinces: provinces.filter { $0.feature["country_iso3"]?.stringValue == "AFG" }.map { ($0.feature["name"]?.stringValue ?? "", $0.shape) },
            pakistaniProvinces: provinces.filter { $0.feature["country_iso3"]?.stringValue == "PAK" }.map { ($0.feature["name"]?.stringValue ?? "", $0.shape) })
        report.segments = segments.count
        report.borderKm = try Geodesic.wgs84.lengthMeters(of: border) / 1000

        try write(output + "/districts.geojson", layer: "districts", districtShapes.map { entry in
            Feature(properties: [
                ("id", .string(entry.district.id)),
                ("name", .string(entry.district.name)),
                ("province_id", .string(entry.district.provinceID)),
                ("country_iso3", .string(entry.district.countryISO3)),
                ("approximate", .bool(entry.approximate)),
                ("parent_id", entry.approximate ? .string(entry.district.parentID ?? entry.district.id) : .null),
                ("source", .string(entry.approximate
                    ? "approximated inside the official outline of \(entry.district.parentID ?? entry.district.id) (\(entry.source))"
                    : entry.source)),
            ], geometry: entry.shape)
        })
        try write(output + "/provinces.geojson", layer: "provinces", provinces.map { entry in
            var feature = entry.feature
            if focusProvinces.contains(entry.feature["id"]?.stringValue ?? "") {
                feature.properties = feature.properties.map { $0.name == "source" ? ($0.name, .string("union of its districts: " + source)) : $0 }
            }
            feature.geometry = entry.shape
            return feature
        })
        try write(output + "/countries.geojson", layer: "countries", ne.countries.map { country in
            var feature = country
            switch country["iso3"]?.stringValue {
            case "AFG": feature.geometry = afghanistan
            case "PAK": feature.geometry = pakistan
            default: break
            }
            if ["AFG", "PAK"].contains(country["iso3"]?.stringValue ?? "") {
                feature.properties = feature.properties.map {
                    $0.name == "source" ? ($0.name, .string(($0.value.stringValue ?? "") + "; cut to the border line of " + source)) : $0
                }
            }
            return feature
        })
        try write(output + "/border.geojson", layer: "border_segments", segments.map { segment in
            Feature(properties: [
                ("id", .string(segment.id)),
                ("name", .string(segment.name)),
                ("afg_province", .string(segment.afghanProvince)),
                ("pak_province", .string(segment.pakistaniProvince)),
                ("label", .string(BorderDerivation.label)),
                ("source", .string("edge of the Pakistani districts of \(source); Natural Earth where COD-AB has no districts; shared boundary derived with GEOS")),
            ], geometry: segment.line)
        })
        return report
    }

    /// Afghanistan and Pakistan cut to one line: within `borderZone` of Natural Earth's border, the Pakistani
    /// side is what the official Pakistani districts cover (plus Natural Earth's other Pakistani provinces);
    /// everything else of the two countries' union is Afghanistan.
    static func cutCountries(ne: NaturalEarthLayers, pakistaniOfficial: Geometry) throws -> (Geometry, Geometry) {
        let context = pakistaniOfficial.context
        let zone = try ne.border.buffer(borderZone, quadrantSegments: 4)
        let both = try valid(ne.afghanistan.union(ne.pakistan))
        let covered = try ne.pakistaniProvinces(coveredBy: ["PK5", "PK2"], excluded: true)
        var pakistan = try ne.pakistan.difference(zone)
        pakistan = try pakistan.union(pakistaniOfficial.intersection(zone))
        pakistan = try pakistan.union(covered.intersection(zone))
        pakistan = try valid(pakistan.intersection(both.union(pakistaniOfficial)))
        let afghanistan = try dropSlivers(valid(both.difference(pakistan)), keepingMostOf: ne.afghanistan)
        pakistan = try valid(both.union(pakistaniOfficial).difference(afghanistan))
        _ = context
        return (afghanistan, pakistan)
    }

    /// Gives the parts of a country that no province covers (slivers between the Natural Earth provinces and
    /// the official line) to the nearest province of that country, so the provinces fill the country and meet
    /// the border along its whole length.
    static func fillGaps(_ provinces: inout [(feature: Feature, shape: Geometry)], country: String, outline: Geometry) throws {
        let members = provinces.indices.filter { provinces[$0].feature["country_iso3"]?.stringValue == country }
        let covered = try Geometry.unionOf(members.map { provinces[$0].shape }, in: outline.context)
        let gaps = try valid(outline.difference(covered))
        guard !gaps.isEmpty else { return }
        for gap in gaps.type == .multiPolygon ? gaps.parts : [gaps] where try gap.area() > 0 {
            let probe = try gap.pointOnSurface()
            let nearest = try members.min { try provinces[$0].shape.distance(to: probe) < provinces[$1].shape.distance(to: probe) }!
            provinces[nearest].shape = try valid(provinces[nearest].shape.union(gap))
        }
    }

    /// Parts of `shape` smaller than ~50 km² that lie mostly outside `reference` are dropped: slivers between
    /// datasets that no source assigns to the country.
    static func dropSlivers(_ shape: Geometry, keepingMostOf reference: Geometry) throws -> Geometry {
        let kept = try shape.parts.filter { part in
            let area = try part.area()
            guard area < 0.005 else { return true }
            return try part.intersection(reference).area() >= area / 2
        }
        return try Geometry.collection(.multiPolygon, kept.flatMap { $0.type == .multiPolygon ? $0.parts : [$0] }, in: shape.context)
    }

    /// Splits an outline among districts by the Voronoi cells of their headquarters (every cell approximate).
    static func split(_ outline: Geometry, among districts: [District]) throws -> [(District, Geometry)] {
        guard let extent = outline.envelope else { return [] }
        let cells = try ApproximateDistricts.cells(for: districts.map(\.point), within: outline, extent: extent, context: outline.context)
        return zip(districts, cells).map { ($0, $1) }
    }

    static func valid(_ g: Geometry) throws -> Geometry {
        let shape = g.isValid ? g : try g.makeValid()
        let polygons = shape.type == .geometryCollection
            ? shape.parts.filter { [.polygon, .multiPolygon].contains($0.type) } : [shape]
        let parts = polygons.flatMap { $0.type == .multiPolygon ? $0.parts : [$0] }.filter { !$0.isEmpty }
        if parts.count == 1 { return parts[0] }
        return try Geometry.collection(.multiPolygon, parts, in: g.context)
    }

    struct OfficialOutline {
        let shape: Geometry
        let country: String
        let source: String
    }

    static func officialDistricts(_ path: String, context: GEOSContext) throws -> [String: OfficialOutline] {
        var result: [String: OfficialOutline] = [:]
        for feature in try GeoJSONFeatureReader.read(path: path, in: context) {
            guard let id = feature["ADM2_PCODE"]?.stringValue, let shape = feature.geometry else { continue }
            let country = feature["ADM0_PCODE"]?.stringValue == "AF" ? "AFG" : "PAK"
            let dataset = feature["source"]?.stringValue ?? "OCHA COD-AB"
            let licence = feature["licence"]?.stringValue ?? "CC BY-IGO 3.0"
            result[id] = OfficialOutline(shape: try valid(shape), country: country, source: "\(dataset), \(licence)")
        }
        guard !result.isEmpty else {
            throw GeoDataError(file: path, "has no features with ADM2_PCODE; pass the COD-AB districts file of ../shared/data/boundaries")
        }
        return result
    }

    /// Writes features with coordinates snapped to the written precision by GEOS (which keeps polygons
    /// valid), so what is read back is exactly what was built.
    static func write(_ path: String, layer: String, _ features: [Feature]) throws {
        let writer = try GeoJSONWriter(path: path, precision: decimals, layerName: layer)
        let grid = 1 / pow(10, Double(decimals))
        do {
            for var feature in features {
                feature.geometry = try feature.geometry.map { try $0.withPrecision(grid) }
                try writer.write(feature)
            }
            try writer.finish()
        } catch {
            writer.discard()
            throw error
        }
    }
}

/// The Natural Earth layers the official build starts from (GeoData/boundaries/naturalearth/).
struct NaturalEarthLayers {
    let provinces: [Feature]
    let countries: [Feature]
    let afghanistan: Geometry
    let pakistan: Geometry
    let border: Geometry

    init(directory: String, context: GEOSContext) throws {
        provinces = try GeoJSONFeatureReader.read(path: directory + "/provinces.geojson", in: context)
        countries = try GeoJSONFeatureReader.read(path: directory + "/countries.geojson", in: context)
        let countryFeatures = countries
        func country(_ iso3: String) throws -> Geometry {
            guard let shape = countryFeatures.first(where: { $0["iso3"]?.stringValue == iso3 })?.geometry else {
                throw GeoDataError(file: directory + "/countries.geojson", "has no \(iso3) outline; run `eventmap geodata build-boundaries` first")
            }
            return try OfficialBoundaries.valid(shape)
        }
        afghanistan = try country("AFG")
        pakistan = try country("PAK")
        let lines = try GeoJSONFeatureReader.read(path: directory + "/border.geojson", in: context).compactMap(\.geometry)
        border = try Geometry.collection(.multiLineString, lines.flatMap { $0.type == .multiLineString ? $0.parts : [$0] }, in: context)
    }

    /// The union of the Pakistani provinces named (or, with `excluded`, of all the others).
    func pakistaniProvinces(coveredBy ids: Set<String>, excluded: Bool) throws -> Geometry {
        let shapes = provinces.filter { feature in
            guard feature["country_iso3"]?.stringValue == "PAK", let id = feature["id"]?.stringValue else { return false }
            return ids.contains(id) != excluded
        }.compactMap(\.geometry)
        return try OfficialBoundaries.valid(Geometry.unionOf(shapes, in: pakistan.context))
    }
}
