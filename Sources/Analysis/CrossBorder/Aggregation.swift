import GeoKit
import EventModel
import EventFormats
import GeoReference
import Geocoding

/// What events are grouped by.
public enum AggregateKey: String, CaseIterable, Sendable {
    case district, province, country, segment, group, attribution, year, flow
}

/// One group of events: counts, casualties as reported (low/high, open when a figure was "60+"), area and rate.
public struct AggregateRow: Sendable {
    public var key: String
    public var name: String
    public var events = 0
    public var fatalitiesLow = 0
    public var fatalitiesHigh = 0
    /// True when some figure had no upper bound ("60+"): the high sum is then a lower bound too.
    public var fatalitiesHighOpen = false
    public var injuriesLow = 0
    public var claimed = 0
    public var attributedOrAlleged = 0
    public var areaKm2: Double?
    public var approximate = false
    public var crossBorder: Bool?

    public init(key: String, name: String) {
        self.key = key
        self.name = name
    }

    public var ratePer1000Km2: Double? { areaKm2.map { $0 > 0 ? Double(events) / $0 * 1000 : 0 } }

    mutating func add(_ event: Event) {
        events += 1
        if let f = event.fatalities {
            fatalitiesLow += f.low
            if let high = f.high { fatalitiesHigh += high } else { fatalitiesHigh += f.low; fatalitiesHighOpen = true }
        }
        injuriesLow += event.injuries?.low ?? 0
        switch event.attribution {
        case .claimed: claimed += 1
        case .attributed, .alleged, .disputed: attributedOrAlleged += 1
        default: break
        }
    }
}

/// Groups geocoded events by district, province, country, border segment, group, attribution, year or flow.
public struct Aggregation {
    public let boundaries: BoundaryData
    private let areas: [String: Double]

    /// Areas of districts, provinces and countries come from the prepared reference (equal-area projection).
    public init(_ reference: PreparedReference) throws {
        boundaries = reference.boundaries
        var areas: [String: Double] = [:]
        for unit in boundaries.districts + boundaries.provinces + boundaries.countries where areas[unit.id] == nil {
            areas[unit.id] = try reference.areaKm2(of: unit.id)
        }
        self.areas = areas
    }

    public func areaKm2(of unitID: String) -> Double? { areas[unitID] }

    public func rows(_ events: [GeocodedEvent], by key: AggregateKey) -> [AggregateRow] {
        var rows: [String: AggregateRow] = [:]
        for item in events {
            guard let (id, name) = Self.key(item, key) else { continue }
            var row = rows[id] ?? AggregateRow(key: id, name: name)
            row.add(item.event)
            switch key {
            case .district:
                row.areaKm2 = areas[id]
                // Any event found in an approximate district area makes the row approximate (not only the last one).
                row.approximate = row.approximate || item.location.approximate || boundaries.districtSource.isApproximate
            case .province, .country:
                row.areaKm2 = areas[id]
            case .flow:
                // Cross-border when any event of the flow is (not only the last one); nil while no event names countries.
                if let crossBorder = item.crossBorder { row.crossBorder = (row.crossBorder ?? false) || crossBorder }
            default: break
            }
            rows[id] = row
        }
        return rows.values.sorted { ($0.events, $1.name) > ($1.events, $0.name) }
    }

    static func key(_ item: GeocodedEvent, _ key: AggregateKey) -> (String, String)? {
        let l = item.location
        switch key {
        case .district: return l.adm2ID.map { ($0, l.adm2Name ?? $0) }
        case .province: return l.adm1ID.map { ($0, l.adm1Name ?? $0) }
        case .country: return l.adm0ISO3.map { ($0, $0) }
        case .segment: return item.border.map { ($0.segment, $0.segment) }
        case .group:
            let name = item.groupName ?? item.event.group ?? "(none reported)"
            return (item.groupID ?? name, name)
        case .attribution: return (item.event.attribution.rawValue, item.event.attribution.rawValue)
        case .year: return (String(item.event.date.year), String(item.event.date.year))
        case .flow:
            guard let origin = item.origins.first?.location, origin.geoPrecision != nil else { return nil }
            let from = origin.adm2Name ?? origin.adm1Name ?? origin.adm0ISO3 ?? "?"
            let to = l.adm2Name ?? l.adm1Name ?? l.adm0ISO3 ?? "?"
            let fromID = origin.adm2ID ?? origin.adm1ID ?? origin.adm0ISO3 ?? "?"
            let toID = l.adm2ID ?? l.adm1ID ?? l.adm0ISO3 ?? "?"
            return ("\(fromID)>\(toID)", "\(from) → \(to)")
        }
    }
}
