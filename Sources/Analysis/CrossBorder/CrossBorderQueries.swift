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
        // Each linked event once: an event with several drawable origin claims is one event of its flow.
        var seen: Set<String> = []
        let linked = links.map(\.item).filter { seen.insert($0.event.eventID).inserted }
        let flows = try Aggregation(reference).rows(linked, by: .flow)
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
        eventsTable(rows: events.map(NearBorderRow.init), title: title)
    }

    /// Nearest the border first, by the tenth of a kilometre shown; events in the same tenth by event_id, so both
    /// engines (whose distances differ by centimetres) print one order.
    public static func eventsTable(rows: [NearBorderRow], title: String? = nil) -> Table {
        func tenths(_ row: NearBorderRow) -> Double { ((row.borderKm ?? 0) * 10).rounded() }
        return Table(title: title, header: ["event_id", "date", "location", "district", "province", "side", "border_km", "segment", "group", "attribution"],
              rows: rows.sorted { (tenths($0), $0.eventID) < (tenths($1), $1.eventID) }.map { row in
                  [row.eventID, row.date, row.location, row.district, row.province, row.side,
                   row.borderKm.map { NumberFormatting.string($0, decimals: 1) } ?? "", row.segment, row.group, row.attribution]
              })
    }

    public static func linksTable(_ links: [Link], title: String? = nil) -> Table {
        linksTable(rows: links.map(LinkRow.init), title: title)
    }

    /// Links by event_id, so both engines print one order.
    public static func linksTable(rows: [LinkRow], title: String? = nil) -> Table {
        Table(title: title, header: ["event_id", "group", "attribution", "origin_asserted_by", "from", "to", "cross_border", "crossings", "segments_crossed", "along_border_km", "length_km"],
              rows: rows.enumerated().sorted { ($0.element.eventID, $0.offset) < ($1.element.eventID, $1.offset) }.map(\.element).map { row in
                  [row.eventID, row.group, row.attribution, row.assertedBy, row.from, row.to,
                   row.crossBorder ? "yes" : "no", String(row.crossings), row.segmentsCrossed,
                   NumberFormatting.string(row.alongBorderKm, decimals: 1), NumberFormatting.string(row.lengthKm, decimals: 1)]
              })
    }
}
