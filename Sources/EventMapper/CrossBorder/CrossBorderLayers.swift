import GeoKit

/// GeoJSON layers of the cross-border queries: the corridor, border segments with counts, links with
/// their crossings, and unit aggregates.
public enum CrossBorderLayers {
    static func write(_ name: String, into directory: String, _ features: [Feature]) throws -> String {
        let path = "\(directory)/\(name).geojson"
        let writer = try GeoJSONWriter(path: path, layerName: name)
        writer.promoteToMulti = true
        do {
            for feature in features { try writer.write(feature) }
            try writer.finish()
        } catch {
            writer.discard()
            throw error
        }
        return path
    }

    public static func nearBorder(_ result: NearBorderResult, boundaries: BoundaryData, into directory: String) throws -> [String] {
        let context = result.corridor.context
        let counts = Dictionary(uniqueKeysWithValues: result.bySegment.map { ($0.key, $0) })
        let corridor = try write("corridor", into: directory, [Feature(properties: [
            ("km", .double(result.km)), ("events", .int(Int64(result.events.count))),
            ("label", .string("Within \(NumberFormatting.string(result.km, decimals: 1)) km of the \(BorderDerivation.label)")),
        ], geometry: result.corridor)])
        let segments = try write("border_segments_counts", into: directory, boundaries.borderSegments.map { segment in
            let row = counts[segment.name]
            return Feature(properties: [
                ("id", .string(segment.id)), ("name", .string(segment.name)),
                ("afg_province", .string(segment.afghanProvince)), ("pak_province", .string(segment.pakistaniProvince)),
                ("corridor_km", .double(result.km)), ("events", .int(Int64(row?.events ?? 0))),
                ("fatalities_low", .int(Int64(row?.fatalitiesLow ?? 0))), ("fatalities_high", .int(Int64(row?.fatalitiesHigh ?? 0))),
                ("fatalities_high_open", .bool(row?.fatalitiesHighOpen ?? false)),
                ("label", .string(BorderDerivation.label)),
            ], geometry: try Geometry(wkb: segment.wkb, in: context))
        })
        return [corridor, segments]
    }

    public static func links(_ result: LinksResult, into directory: String) throws -> [String] {
        let context = GEOSContext()
        let links = try write("links", into: directory, result.links.map { link in
            Feature(properties: [
                ("event_id", .string(link.eventID)), ("group", link.group.map { .string($0) } ?? .null),
                ("attribution", .string(link.attribution.rawValue)), ("origin_source", .string(link.originSource)),
                ("from", .string(link.originUnit)), ("to", .string(link.eventUnit)),
                ("origin_iso3", link.originCountry.map { .string($0) } ?? .null), ("event_iso3", link.eventCountry.map { .string($0) } ?? .null),
                ("cross_border", .bool(link.crossBorder)), ("crossings", .int(Int64(link.crossings.count))),
                ("segments_crossed", .string(Array(Set(link.crossedSegments)).sorted().joined(separator: "; "))),
                ("along_border_km", .double((link.alongBorderKm * 10).rounded() / 10)),
                ("length_km", .double((link.lengthKm * 10).rounded() / 10)),
                ("fatalities", link.fatalities.map { .string($0.text) } ?? .null),
                ("note", .string(link.originSource == "group_reported"
                    ? "origin is the group's reported origin (a claim), not the event's" : "origin as given for the event")),
            ], geometry: try Geometry.lineString(link.path, in: context))
        })
        var crossingFeatures: [Feature] = []
        for link in result.links {
            for (index, point) in link.crossings.enumerated() {
                crossingFeatures.append(Feature(properties: [
                    ("event_id", .string(link.eventID)), ("crossing", .int(Int64(index + 1))),
                    ("segment", .string(link.crossedSegments[index])), ("group", link.group.map { .string($0) } ?? .null),
                    ("cross_border", .bool(link.crossBorder)),
                ], geometry: try Geometry.point(point, in: context)))
            }
        }
        let crossings = try write("crossings", into: directory, crossingFeatures)
        return [links, crossings]
    }

    public static func aggregates(_ rows: [AggregateRow], by key: AggregateKey, boundaries: BoundaryData, into directory: String) throws -> [String] {
        let units: [AdminUnit]
        switch key {
        case .district: units = boundaries.districts
        case .province: units = boundaries.provinces
        case .country: units = boundaries.countries
        default: return []
        }
        let context = GEOSContext()
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0.key, $0) })
        let aggregation = try Aggregation(boundaries: boundaries)
        let features = try units.map { unit in
            let row = byID[unit.id]
            let area = aggregation.areaKm2(of: unit.id) ?? 0
            return Feature(properties: [
                ("id", .string(unit.id)), ("name", .string(unit.name)), ("country_iso3", .string(unit.countryISO3)),
                ("events", .int(Int64(row?.events ?? 0))),
                ("fatalities_low", .int(Int64(row?.fatalitiesLow ?? 0))), ("fatalities_high", .int(Int64(row?.fatalitiesHigh ?? 0))),
                ("fatalities_high_open", .bool(row?.fatalitiesHighOpen ?? false)),
                ("claimed", .int(Int64(row?.claimed ?? 0))), ("attributed_or_alleged", .int(Int64(row?.attributedOrAlleged ?? 0))),
                ("area_km2", .double(area.rounded())),
                ("events_per_1000_km2", .double(area > 0 ? (Double(row?.events ?? 0) / area * 1000 * 1000).rounded() / 1000 : 0)),
                ("approximate", .bool(unit.approximate)),
            ], geometry: try Geometry(wkb: unit.wkb, in: context))
        }
        return [try write("\(key.rawValue)_aggregates", into: directory, features)]
    }
}
