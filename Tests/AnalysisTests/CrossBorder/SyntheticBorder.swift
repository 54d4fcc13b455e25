import Foundation
import GeoKit
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
@testable import Analysis
@testable import Cartography
@testable import Jobs
import TestSupport

/// Hand-made boundaries for cross-border tests: a border along the 70°E meridian (geodesics along a meridian
/// are straight in lon/lat, so crossings can be computed by hand), with a bulge east between 32° and 34°N.
enum SyntheticBorder {
    static func data(_ wkt: String = "LINESTRING (70 30, 70 32, 72 33, 70 34, 70 36)") throws -> BoundaryData {
        let line = try Geometry(wkt: wkt, in: GEOSContext())
        let segment = BorderSegmentData(id: "west--east", name: "West | East", afghanProvince: "West", pakistaniProvince: "East", wkb: try line.wkb())
        return BoundaryData(districts: [], provinces: [], countries: [], borderSegments: [segment], districtSource: .approximate, sources: [])
    }

    static func event(_ id: String, at point: Coordinate?, country: String?, origin: Coordinate?, originCountry: String?,
                      fatalities: Event.Count? = nil, attribution: Attribution = .claimed) throws -> GeocodedEvent {
        let event = Event(eventID: id, eventIDGenerated: false, date: try EventDate(year: 2024, month: 5, day: 1),
                          eventType: "Battles", subEventType: nil, location: nil, admin2: nil, admin1: nil, country: nil,
                          coordinate: point, coordinateFlags: [], group: "Test group", attribution: attribution,
                          originClaims: origin.map { [OriginClaim(coordinate: $0, assertedBy: "test asserter")] } ?? [],
                          fatalities: fatalities, injuries: nil,
                          sources: ["test"], notes: nil, extra: [], sourceFile: "test", line: 1)
        var location = GeoResult(geoPrecision: .exact, method: "coordinates", confidence: 1, point: point)
        location.adm0ISO3 = country
        var item = GeocodedEvent(event: event, location: location)
        if let origin {
            var result = GeoResult(geoPrecision: .exact, method: "coordinates", confidence: 1, point: origin)
            result.adm0ISO3 = originCountry
            item.origins = [GeocodedOrigin(claim: event.originClaims[0], location: result)]
        }
        return item
    }
}
