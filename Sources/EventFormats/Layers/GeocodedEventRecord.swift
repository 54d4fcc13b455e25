import GeoKit
import EventModel

/// The flat record of a geocoded event that every output writes: the input's fields untouched
/// (attribution and sources included), then the columns geocoding adds (EVENT-SCHEMA.md).
public enum GeocodedEventRecord {
    /// `coordinateDecimals` rounds every longitude and latitude column (0–7 decimals).
    public static func properties(_ item: GeocodedEvent, coordinateDecimals: Int = 6) -> [(name: String, value: PropertyValue)] {
        let decimals = min(max(coordinateDecimals, 0), 7)
        let e = item.event
        var p: [(name: String, value: PropertyValue)] = []
        func text(_ name: String, _ value: String?) { p.append((name, value.map { .string($0) } ?? .null)) }
        func number(_ name: String, _ value: Double?, decimals: Int) {
            p.append((name, value.map { .double(($0 * pow10(decimals)).rounded() / pow10(decimals)) } ?? .null))
        }
        text("event_id", e.eventID)
        p.append(("event_id_generated", .bool(e.eventIDGenerated)))
        text("event_date", e.date.iso)
        text("date_precision", e.date.precision.rawValue)
        text("event_type", e.eventType)
        text("sub_event_type", e.subEventType)
        text("location", e.location)
        text("admin2", e.admin2)
        text("admin1", e.admin1)
        text("country", e.country)
        number("latitude", e.coordinate?.y, decimals: decimals)
        number("longitude", e.coordinate?.x, decimals: decimals)
        text("group", e.group)
        text("attribution", e.attribution.rawValue)
        text("claimed_by", e.claimedBy)
        text("attributed_by", e.attributedBy)
        text("denied_by", e.deniedBy)
        let first = e.originClaims.first
        text("origin", first?.place)
        number("origin_latitude", first?.coordinate?.y, decimals: decimals)
        number("origin_longitude", first?.coordinate?.x, decimals: decimals)
        text("origin_asserted_by", first?.assertedBy)
        text("origin_source", first?.source)
        text("origin_date", first?.date)
        text("origin_claims", e.originClaims.count > 1 ? OriginClaimsJSON.encode(e.originClaims.dropFirst(), decimals: decimals) : nil)
        text("fatalities", e.fatalities?.text)
        p.append(("fatalities_low", e.fatalities.map { .int(Int64($0.low)) } ?? .null))
        p.append(("fatalities_high", e.fatalities?.high.map { .int(Int64($0)) } ?? .null))
        text("injuries", e.injuries?.text)
        p.append(("injuries_low", e.injuries.map { .int(Int64($0.low)) } ?? .null))
        p.append(("injuries_high", e.injuries?.high.map { .int(Int64($0)) } ?? .null))
        text("sources", e.sources.joined(separator: "; "))
        text("notes", e.notes)
        for (name, value) in e.extra { text(name, value) }

        append(item.location, prefix: "", coordinateDecimals: decimals, to: &p)
        text("read_notes", e.readNotes.isEmpty ? nil : e.readNotes.joined(separator: "; "))
        text("group_id", item.groupID)
        text("group_name", item.groupName)
        text("group_label", item.groupLabel)
        let origin = item.origins.first
        append(origin?.location ?? GeoResult(method: "", confidence: 0), prefix: "origin_", coordinateDecimals: decimals, to: &p,
               empty: origin == nil)
        number("border_km", item.border?.km, decimals: 3)
        text("border_side", item.border?.side)
        text("border_segment", item.border?.segment)
        p.append(("border_side_uncertain", item.border.map { .bool($0.sideUncertain) } ?? .null))
        number("origin_border_km", origin?.border?.km, decimals: 3)
        text("origin_border_side", origin?.border?.side)
        text("origin_border_segment", origin?.border?.segment)
        p.append(("cross_border", item.crossBorder.map { .bool($0) } ?? .null))
        return p
    }

    package static func append(_ g: GeoResult, prefix: String, coordinateDecimals: Int = 6,
                               to p: inout [(name: String, value: PropertyValue)], empty: Bool = false) {
        let scale = pow10(min(max(coordinateDecimals, 0), 7))
        func text(_ name: String, _ value: String?) { p.append((prefix + name, empty ? .null : value.map { .string($0) } ?? .null)) }
        text("adm2_id", g.adm2ID)
        text("adm2_name", g.adm2Name)
        text("adm1_id", g.adm1ID)
        text("adm1_name", g.adm1Name)
        text("adm0_iso3", g.adm0ISO3)
        p.append((prefix + "geo_precision", empty ? .null : g.geoPrecision.map { .int(Int64($0.rawValue)) } ?? .null))
        text("geo_method", g.method)
        p.append((prefix + "geo_confidence", empty ? .null : .double((g.confidence * 100).rounded() / 100)))
        text("geo_candidates", g.candidates.isEmpty ? nil : g.candidates.joined(separator: "; "))
        p.append((prefix + "geo_approximate", empty ? .null : .bool(g.approximate)))
        p.append((prefix + "geo_lon", empty ? .null : g.point.map { .double(($0.x * scale).rounded() / scale) } ?? .null))
        p.append((prefix + "geo_lat", empty ? .null : g.point.map { .double(($0.y * scale).rounded() / scale) } ?? .null))
        text("geo_notes", g.notes.isEmpty ? nil : g.notes.joined(separator: "; "))
    }

    static func pow10(_ n: Int) -> Double { [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7][n] }
}
