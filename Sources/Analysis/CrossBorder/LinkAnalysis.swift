import GeoKit
import EventModel
import EventFormats
import GeoReference
import Geocoding

/// An origin → event link: where one party asserts the perpetrators of this event came from, and where the
/// event happened. Links exist only for origin claims made for the event and located to a district or better.
public struct Link: Sendable {
    public let eventID: String
    public let group: String?
    public let attribution: Attribution
    /// Who asserts the origin, and where that was reported.
    public let assertedBy: String?
    public let claimSource: String?
    /// Which of the event's origin claims (1-based).
    public let claimNumber: Int
    public let origin: Coordinate
    public let event: Coordinate
    public let originUnit: String
    public let eventUnit: String
    public let originCountry: String?
    public let eventCountry: String?
    /// Origin and event lie in different countries.
    public let crossBorder: Bool
    /// Where the link crosses the border line, in order from the origin.
    public let crossings: [Coordinate]
    /// The border segment of each crossing.
    public let crossedSegments: [String]
    /// Length of the link that runs along the border line itself.
    public let alongBorderKm: Double
    public let lengthKm: Double
    public let fatalities: Event.Count?
    /// The link as a geodesic polyline in lon/lat.
    public let path: [Coordinate]
}

/// Builds links and their border crossings with GEOS (the link as a geodesic polyline intersected with the
/// border line), in one worker's context.
public final class LinkAnalysis {
    let context: GEOSContext
    private let border: Geometry
    private let preparedBorder: PreparedGeometry
    private let segments: [(name: String, line: PreparedGeometry)]

    public init(_ reference: PreparedReference) throws {
        context = reference.context
        let lines = try reference.borderSegmentLines().map { (name: $0.segment.name, line: $0.line) }
        border = try Geometry.collection(.multiLineString, lines.flatMap { $0.line.parts }, in: context)
        preparedBorder = try PreparedGeometry(border)
        segments = try lines.map { ($0.name, try PreparedGeometry($0.line)) }
    }

    /// The geodesic from a to b as a polyline with a vertex at least every `stepKm`.
    public static func geodesicPath(from a: Coordinate, to b: Coordinate, stepKm: Double = 5) -> [Coordinate] {
        if a.x == b.x { return [a, b] }  // a meridian is a geodesic and straight in lon/lat
        let inverse = Geodesic.wgs84.inverse(lon1: a.x, lat1: a.y, lon2: b.x, lat2: b.y)
        let steps = max(1, min(256, Int((inverse.distance / 1000 / stepKm).rounded(.up))))
        var path = [a]
        for i in 1..<steps {
            let p = Geodesic.wgs84.direct(lon: a.x, lat: a.y, azimuth: inverse.azimuth1, distance: inverse.distance * Double(i) / Double(steps))
            path.append(Coordinate(p.lon, p.lat))
        }
        path.append(b)
        return path
    }

    /// One link per drawable origin claim of every event that has a point.
    public func links(for events: [GeocodedEvent]) throws -> [(link: Link, item: GeocodedEvent)] {
        try events.flatMap { item in try links(item).map { ($0, item) } }
    }

    public func links(_ item: GeocodedEvent) throws -> [Link] {
        try item.origins.enumerated().compactMap { number, origin in try link(item, origin, number: number + 1) }
    }

    /// The link of one origin claim, or nil when the claim is not located to a district or better (a claim that
    /// names only a province or a country is never drawn as a line) or the event has no point.
    public func link(_ item: GeocodedEvent, _ claim: GeocodedOrigin, number: Int) throws -> Link? {
        let origin = claim.location
        guard claim.isDrawable, let from = origin.point, let to = item.location.point, from != to else { return nil }
        let path = Self.geodesicPath(from: from, to: to)
        let line = try Geometry.lineString(path, in: context)
        var crossings: [(along: Double, point: Coordinate)] = []
        var alongKm = 0.0
        if try preparedBorder.intersects(line) {
            let shared = try line.intersection(border)
            for part in shared.type == .point || shared.type == .lineString ? [shared] : shared.parts {
                switch part.type {
                case .point:
                    if let c = part.coordinate { crossings.append((try line.project(part), c)) }
                case .lineString, .multiLineString:
                    alongKm += try Geodesic.wgs84.lengthMeters(of: part) / 1000
                default: break
                }
            }
        }
        crossings.sort { $0.along < $1.along }
        let crossedSegments = try crossings.map { crossing in
            let point = try Geometry.point(crossing.point, in: context)
            var best = ("", Double.infinity)
            for segment in segments {
                let d = try segment.line.distance(to: point)
                if d < best.1 || (d == best.1 && segment.name < best.0) { best = (segment.name, d) }
            }
            return best.0
        }
        let e = item.event
        return Link(eventID: e.eventID, group: item.groupName ?? e.group, attribution: e.attribution,
                    assertedBy: claim.claim.assertedBy, claimSource: claim.claim.source, claimNumber: number,
                    origin: from, event: to,
                    originUnit: origin.adm2Name ?? origin.adm1Name ?? origin.adm0ISO3 ?? "?",
                    eventUnit: item.location.adm2Name ?? item.location.adm1Name ?? item.location.adm0ISO3 ?? "?",
                    originCountry: origin.adm0ISO3, eventCountry: item.location.adm0ISO3,
                    crossBorder: origin.adm0ISO3 != nil && item.location.adm0ISO3 != nil && origin.adm0ISO3 != item.location.adm0ISO3, crossings: crossings.map(\.point), crossedSegments: crossedSegments,
                    alongBorderKm: alongKm, lengthKm: Geodesic.wgs84.distanceKm(lon1: from.x, lat1: from.y, lon2: to.x, lat2: to.y),
                    fatalities: e.fatalities,
                    path: path)
    }
}
