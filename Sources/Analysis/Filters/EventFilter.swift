import GeoKit
import EventModel
import EventFormats
import GeoReference
import Geocoding

/// The filters every command accepts: dates, group, event type, attribution, a unit the event lies in,
/// a distance from a named place, a bounding box. An empty filter keeps everything.
public struct EventFilter: Sendable, CustomStringConvertible {
    public var from: EventDate?
    public var to: EventDate?
    public var groups: [String] = []
    public var eventTypes: [String] = []
    public var attributions: Set<Attribution> = []
    /// District, province or country names or ids the event must lie in.
    public var within: [String] = []
    public var near: (place: String, km: Double)?
    public var boundingBox: Envelope?

    public init() {}

    public var isEmpty: Bool { description.isEmpty }

    /// Words for a map subtitle or a table caption.
    public var description: String {
        var parts: [String] = []
        switch (from, to) {
        case let (f?, t?): parts.append("dates \(f.iso) to \(t.iso)")
        case let (f?, nil): parts.append("dates from \(f.iso)")
        case let (nil, t?): parts.append("dates up to \(t.iso)")
        default: break
        }
        if !groups.isEmpty { parts.append("group: " + groups.joined(separator: ", ")) }
        if !eventTypes.isEmpty { parts.append("type: " + eventTypes.joined(separator: ", ")) }
        if !attributions.isEmpty { parts.append("attribution: " + attributions.map(\.rawValue).sorted().joined(separator: ", ")) }
        if !within.isEmpty { parts.append("within " + within.joined(separator: ", ")) }
        if let near { parts.append("within \(NumberFormatting.string(near.km, decimals: 1)) km of \(near.place)") }
        if let b = boundingBox { parts.append("bbox \(b.minX),\(b.minY),\(b.maxX),\(b.maxY)") }
        return parts.joined(separator: "; ")
    }

    /// Resolves the names the filter uses once, so `matches` is a cheap test.
    public func compiled(names: NameGeocoder, gazetteer: Gazetteer) throws -> CompiledEventFilter {
        var unitIDs: Set<String> = []
        for text in within {
            let match = names.resolve(text)
            guard let best = match.best, !match.isAmbiguous, [.district, .province, .country].contains(best.kind) else {
                throw FilterError.areaNotFound(text, candidates: match.candidates.prefix(5).map(\.name))
            }
            unitIDs.insert(best.kind == .country ? best.countryISO3 : best.id)
        }
        var nearPoint: (Coordinate, Double)?
        if let near {
            let match = names.resolve(near.place)
            guard let point = match.best?.point, !match.isAmbiguous else {
                throw FilterError.placeNotFound(near.place)
            }
            nearPoint = (point, near.km)
        }
        let groupIDs = try Set(groups.map { text in
            guard let group = names.group(text) else { throw FilterError.groupNotFound(text) }
            return group.id
        })
        return CompiledEventFilter(filter: self, unitIDs: unitIDs, near: nearPoint, groupIDs: groupIDs)
    }
}

/// Dates compare as periods: an event dated only to a month or a year is kept when its period overlaps the range.
public struct CompiledEventFilter: Sendable {
    public let filter: EventFilter
    /// District, province ids and country ISO3 codes of `--within`.
    public let unitIDs: Set<String>
    /// The point and distance of `--near`.
    public let near: (Coordinate, Double)?
    /// The group ids of `--group`.
    public let groupIDs: Set<String>

    static func start(_ d: EventDate) -> (Int, Int, Int) { (d.year, d.month ?? 1, d.day ?? 1) }
    static func end(_ d: EventDate) -> (Int, Int, Int) { (d.year, d.month ?? 12, d.day ?? 31) }

    public func matches(_ item: GeocodedEvent) -> Bool {
        let e = item.event
        if let from = filter.from, Self.end(e.date) < Self.start(from) { return false }
        if let to = filter.to, Self.start(e.date) > Self.end(to) { return false }
        if !groupIDs.isEmpty {
            let named = (item.groupID ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            if !named.contains(where: groupIDs.contains) { return false }
        }
        if !filter.eventTypes.isEmpty {
            let type = (e.eventType ?? "").lowercased()
            if !filter.eventTypes.contains(where: { type == $0.lowercased() || (e.subEventType ?? "").lowercased() == $0.lowercased() }) { return false }
        }
        if !filter.attributions.isEmpty, !filter.attributions.contains(e.attribution) { return false }
        if !unitIDs.isEmpty {
            let l = item.location
            if ![l.adm2ID, l.adm1ID, l.adm0ISO3].contains(where: { $0.map(unitIDs.contains) ?? false }) { return false }
        }
        if let (point, km) = near {
            guard let p = item.location.point,
                  Geodesic.wgs84.distanceKm(lon1: point.x, lat1: point.y, lon2: p.x, lat2: p.y) <= km else { return false }
        }
        if let box = filter.boundingBox {
            guard let p = item.location.point, box.contains(p) else { return false }
        }
        return true
    }
}

/// A filter names something the gazetteer cannot resolve to one unit, place or group.
public enum FilterError: Error, Equatable, CustomStringConvertible {
    /// The area is not one district, province or country; `candidates` are the closest names.
    case areaNotFound(String, candidates: [String])
    /// The place is not a single place or district with a point.
    case placeNotFound(String)
    /// The group is not a group or alias of GeoData/groups.csv.
    case groupNotFound(String)

    public var description: String {
        switch self {
        case let .areaNotFound(text, candidates):
            "the area '\(text)' is not one district, province or country"
                + (candidates.isEmpty ? "" : "; candidates: " + candidates.joined(separator: ", "))
        case let .placeNotFound(text): "'\(text)' is not a single place or district with a point in the gazetteer"
        case let .groupNotFound(text): "'\(text)' is not a group or alias in GeoData/groups.csv"
        }
    }
}
