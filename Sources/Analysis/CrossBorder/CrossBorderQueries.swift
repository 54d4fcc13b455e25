import GeoKit
import EventModel
import EventFormats
import GeoReference
import Geocoding

/// Events within a distance of the border, with counts per border segment.
public struct NearBorderResult {
    public let km: Double
    public let events: [GeocodedEvent]
    public let bySegment: [AggregateRow]
    public let corridor: Geometry
}

/// Links from reported origins to events, their crossings, and flows between units.
public struct LinksResult {
    public let links: [(link: Link, item: GeocodedEvent)]
    public let flows: [AggregateRow]
}

public enum CrossBorderQueries {
    public static func nearBorder(_ events: [GeocodedEvent], reference: PreparedReference, km: Double) throws -> NearBorderResult {
        let corridor = try reference.corridor(km: km)
        let inside = try events.filter { item in
            guard let point = item.location.point else { return false }
            return try corridor.contains(point)
        }
        let bySegment = try Aggregation(reference).rows(inside, by: .segment)
        return NearBorderResult(km: km, events: inside, bySegment: bySegment, corridor: corridor.polygon)
    }

    public static func links(_ events: [GeocodedEvent], reference: PreparedReference, crossBorderOnly: Bool = false) throws -> LinksResult {
        let links = try LinkAnalysis(reference).links(for: events).filter { !crossBorderOnly || $0.link.crossBorder }
        let flows = try Aggregation(reference).rows(links.map(\.item), by: .flow)
        return LinksResult(links: links, flows: flows)
    }

    // MARK: Tables

    public static func table(_ rows: [AggregateRow], by key: AggregateKey, title: String? = nil) -> Table {
        var header = [key.rawValue, "events", "fatalities_low", "fatalities_high", "claimed", "attributed_or_alleged"]
        let withArea = [.district, .province, .country].contains(key)
        if withArea { header += ["area_km2", "events_per_1000_km2"] }
        if key == .district { header.append("approximate") }
        if key == .flow { header.append("cross_border") }
        let body = rows.map { row -> [String] in
            var cells = [row.name, String(row.events), String(row.fatalitiesLow),
                         String(row.fatalitiesHigh) + (row.fatalitiesHighOpen ? "+" : ""), String(row.claimed), String(row.attributedOrAlleged)]
            if withArea {
                cells.append(row.areaKm2.map { NumberFormatting.string($0, decimals: 0) } ?? "")
                cells.append(row.ratePer1000Km2.map { NumberFormatting.string($0, decimals: 3) } ?? "")
            }
            if key == .district { cells.append(row.approximate ? "approximate" : "") }
            if key == .flow { cells.append(row.crossBorder.map { $0 ? "yes" : "no" } ?? "") }
            return cells
        }
        return Table(title: title, header: header, rows: body)
    }

    public static func eventsTable(_ events: [GeocodedEvent], title: String? = nil) -> Table {
        Table(title: title, header: ["event_id", "date", "location", "district", "province", "side", "border_km", "segment", "group", "attribution"],
              rows: events.sorted { ($0.border?.km ?? 0) < ($1.border?.km ?? 0) }.map { item in
                  [item.event.eventID, item.event.date.iso, item.event.location ?? "", item.location.adm2Name ?? "",
                   item.location.adm1Name ?? "", item.border?.side ?? "", item.border.map { NumberFormatting.string($0.km, decimals: 1) } ?? "",
                   item.border?.segment ?? "", item.groupName ?? item.event.group ?? "", item.event.attribution.rawValue]
              })
    }

    public static func linksTable(_ links: [Link], title: String? = nil) -> Table {
        Table(title: title, header: ["event_id", "group", "attribution", "origin_asserted_by", "from", "to", "cross_border", "crossings", "segments_crossed", "along_border_km", "length_km"],
              rows: links.map { link in
                  [link.eventID, link.group ?? "", link.attribution.rawValue, link.assertedBy ?? "", link.originUnit, link.eventUnit,
                   link.crossBorder ? "yes" : "no", String(link.crossings.count), Array(Set(link.crossedSegments)).sorted().joined(separator: "; "),
                   NumberFormatting.string(link.alongBorderKm, decimals: 1), NumberFormatting.string(link.lengthKm, decimals: 1)]
              })
    }
}
