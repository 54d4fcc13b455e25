import GeoKit
import EventModel
import EventFormats

/// Builds the committed boundary layers of GeoData/boundaries from Natural Earth 1:10m
/// (the `world_map.gpkg` that Debian's qgis-common ships): provinces of Afghanistan and Pakistan
/// under their current official names, the two countries and their neighbours, and the
/// Afghanistan–Pakistan border split into segments by the provinces on each side.
public enum NaturalEarthImport {
    public static let neighbourISO3 = ["IRN", "TKM", "UZB", "TJK", "CHN", "IND"]
    /// Neighbours are clipped to this frame: enough context for maps of the region.
    public static let contextFrame = Envelope(minX: 55, minY: 20, maxX: 82, maxY: 40)
    public static let source = "Natural Earth 1:10m (public domain), via QGIS world_map.gpkg"

    public struct Report: CustomStringConvertible {
        public var provinces: Int
        public var countries: Int
        public var borderSegments: Int
        public var borderLengthDegrees: Double
        public var mergedRows: [String]
        public var description: String {
            "provinces: \(provinces), countries: \(countries), border segments: \(borderSegments); merged: \(mergedRows.joined(separator: "; "))"
        }
    }

    public static func run(naturalEarth path: String, into directory: String) throws -> Report {
        let context = GEOSContext()
        let reader = try GeoPackageReader(path: path)
        let rows = try reader.features(layer: "states_provinces", in: context, where: "adm0_a3 IN ('AFG','PAK')")

        var groups: [String: (name: ProvinceName, parts: [Geometry], neNames: [String])] = [:]
        var merged: [String] = []
        for (index, row) in rows.enumerated() {
            let neName = row["name"]?.stringValue ?? ""
            let gnName = row["gn_name"]?.stringValue ?? ""
            let iso3 = row["adm0_a3"]?.stringValue ?? ""
            let key = ProvinceNames.mergedInto[neName] ?? neName
            guard let province = ProvinceNames.lookup(naturalEarthName: key, gnName: gnName, countryISO3: iso3) else {
                throw GeoDataError(file: "\(path):states_provinces:feature \(index + 1)",
                                   "province '\(neName)' (\(iso3)) has no official name in ProvinceNames; add it there")
            }
            guard let geometry = row.geometry else { continue }
            if key != neName { merged.append("\(neName) → \(province.name)") }
            var group = groups[province.id] ?? (province, [], [])
            group.parts.append(geometry)
            for alias in [neName, row["woe_name"]?.stringValue, gnName] {
                if let alias, !alias.isEmpty, !group.neNames.contains(alias) { group.neNames.append(alias) }
            }
            groups[province.id] = group
        }
        for (_, group) in groups where group.parts.count > 1 && !merged.contains(where: { $0.hasSuffix(group.name.name) }) {
            merged.append("\(group.parts.count) rows → \(group.name.name)")
        }

        var provinces: [(ProvinceName, Geometry, [String])] = []
        for id in groups.keys.sorted() {
            let group = groups[id]!
            var shape = try Geometry.unionOf(group.parts, in: context)
            if !shape.isValid { shape = try shape.makeValid() }
            provinces.append((group.name, shape, group.neNames))
        }

        let countryRows = try reader.features(layer: "countries", in: context,
            where: "ISO_A3 IN ('AFG','PAK','" + neighbourISO3.joined(separator: "','") + "')")
        let frame = try Geometry.rectangle(contextFrame, in: context)
        var countries: [(iso3: String, name: String, shape: Geometry, role: String)] = []
        for row in countryRows {
            guard let iso3 = row["ISO_A3"]?.stringValue, let name = row["NAME"]?.stringValue, var shape = row.geometry else { continue }
            if !shape.isValid { shape = try shape.makeValid() }
            let focus = iso3 == "AFG" || iso3 == "PAK"
            if !focus { shape = try shape.intersection(frame) }
            if shape.isEmpty { continue }
            countries.append((iso3, name, shape, focus ? "focus" : "neighbour"))
        }
        countries.sort { $0.iso3 < $1.iso3 }

        guard let afghanistan = countries.first(where: { $0.iso3 == "AFG" })?.shape,
              let pakistan = countries.first(where: { $0.iso3 == "PAK" })?.shape else {
            throw GeoDataError(file: path, "layer countries lacks Afghanistan or Pakistan")
        }
        let border = try BorderDerivation.sharedBoundary(afghanistan, pakistan)
        let segments = try BorderDerivation.segments(of: border,
            afghanProvinces: provinces.filter { $0.0.countryISO3 == "AFG" }.map { ($0.0.name, $0.1) },
            pakistaniProvinces: provinces.filter { $0.0.countryISO3 == "PAK" }.map { ($0.0.name, $0.1) })

        let provincesWriter = try GeoJSONWriter(path: directory + "/provinces.geojson", layerName: "provinces")
        for (province, shape, neNames) in provinces {
            let aliases = (province.aliases + neNames.filter { $0 != province.name && !province.aliases.contains($0) })
            try provincesWriter.write(Feature(properties: [
                ("id", .string(province.id)),
                ("name", .string(province.name)),
                ("aliases", .string(aliases.joined(separator: ";"))),
                ("name_native", .string(province.nativeNames.joined(separator: ";"))),
                ("country_iso3", .string(province.countryISO3)),
                ("natural_earth_name", .string(neNames.joined(separator: ";"))),
                ("source", .string(source)),
            ], geometry: shape))
        }
        try provincesWriter.finish()

        let countriesWriter = try GeoJSONWriter(path: directory + "/countries.geojson", layerName: "countries")
        for country in countries {
            try countriesWriter.write(Feature(properties: [
                ("iso3", .string(country.iso3)),
                ("name", .string(country.name)),
                ("role", .string(country.role)),
                ("clipped", .bool(country.role == "neighbour")),
                ("source", .string(source)),
            ], geometry: country.shape))
        }
        try countriesWriter.finish()

        let borderWriter = try GeoJSONWriter(path: directory + "/border.geojson", layerName: "border_segments")
        for segment in segments {
            try borderWriter.write(Feature(properties: [
                ("id", .string(segment.id)),
                ("name", .string(segment.name)),
                ("afg_province", .string(segment.afghanProvince)),
                ("pak_province", .string(segment.pakistaniProvince)),
                ("label", .string(BorderDerivation.label)),
                ("source", .string(source + "; shared boundary derived with GEOS")),
            ], geometry: segment.line))
        }
        try borderWriter.finish()

        return Report(provinces: provinces.count, countries: countries.count, borderSegments: segments.count,
                      borderLengthDegrees: try border.length(), mergedRows: merged.sorted())
    }
}
