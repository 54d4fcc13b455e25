import Foundation
import GeoKit
import Testing
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
@testable import Analysis
@testable import Cartography
@testable import Jobs
import TestSupport

@Suite struct CrossBorderQueryTests {
    @Test func linkThatCrossesOnce() throws {
        let data = try SyntheticBorder.data()
        let item = try SyntheticBorder.event("once", at: Coordinate(71, 35), country: "PAK", origin: Coordinate(69, 35), originCountry: "AFG")
        let link = try #require(try LinkAnalysis(try SharedGeoData.prepared(data)).links(item).first)
        // By symmetry the geodesic from 69°E to 71°E at 35°N crosses 70°E at its midpoint.
        let inverse = Geodesic.wgs84.inverse(lon1: 69, lat1: 35, lon2: 71, lat2: 35)
        let midpoint = Geodesic.wgs84.direct(lon: 69, lat: 35, azimuth: inverse.azimuth1, distance: inverse.distance / 2)
        #expect(link.crossBorder)
        #expect(link.crossings.count == 1)
        #expect(abs(link.crossings[0].x - 70) < 1e-9)
        #expect(abs(link.crossings[0].y - midpoint.lat) < 1e-3, "\(link.crossings[0].y) vs \(midpoint.lat)")
        #expect(link.crossedSegments == ["West | East"])
        #expect(abs(link.lengthKm - inverse.distance / 1000) < 1e-9)
    }

    @Test func linkThatCrossesTwiceThroughTheBulge() throws {
        let data = try SyntheticBorder.data()
        // Along the 71°E meridian from 32.2° to 33.8°N: into the bulge at 32.5° and out at 33.5°.
        let item = try SyntheticBorder.event("twice", at: Coordinate(71, 33.8), country: "AFG", origin: Coordinate(71, 32.2), originCountry: "AFG")
        let link = try #require(try LinkAnalysis(try SharedGeoData.prepared(data)).links(item).first)
        #expect(!link.crossBorder)
        #expect(link.crossings.count == 2)
        #expect(abs(link.crossings[0].y - 32.5) < 1e-9 && abs(link.crossings[1].y - 33.5) < 1e-9)
        #expect(link.crossings.allSatisfy { abs($0.x - 71) < 1e-9 })
    }

    @Test func linkThatRunsAlongTheBorder() throws {
        let data = try SyntheticBorder.data()
        let item = try SyntheticBorder.event("along", at: Coordinate(70, 31.9), country: "PAK", origin: Coordinate(70, 30.1), originCountry: "PAK")
        let link = try #require(try LinkAnalysis(try SharedGeoData.prepared(data)).links(item).first)
        let expected = Geodesic.wgs84.distanceKm(lon1: 70, lat1: 30.1, lon2: 70, lat2: 31.9)
        #expect(link.crossings.isEmpty)
        #expect(abs(link.alongBorderKm - expected) < 0.01, "\(link.alongBorderKm) vs \(expected)")
    }

    @Test func pointExactlyNKilometresAway() throws {
        let data = try SyntheticBorder.data("LINESTRING (70 30, 70 36)")
        let measurer = try BorderMeasurer(data)
        for km in [1.0, 25, 50, 137.5] {
            // The geodesic leaving a meridian at right angles measures the distance to it.
            let p = Geodesic.wgs84.direct(lon: 70, lat: 33, azimuth: 90, distance: km * 1000)
            let point = Coordinate(p.lon, p.lat)
            #expect(abs(try measurer.nearest(to: point).km - km) < 0.001, "\(km) km")
            #expect(try SharedGeoData.prepared(data).corridor(km: km).contains(point))
            #expect(try SharedGeoData.prepared(data).corridor(km: km + 0.01).contains(point))
            #expect(try !SharedGeoData.prepared(data).corridor(km: km - 0.01).contains(point))
        }
    }

    @Test func aggregatesKeepReportedRangesOpen() throws {
        let data = try SyntheticBorder.data()
        let events = [
            try SyntheticBorder.event("a", at: Coordinate(71, 35), country: "PAK", origin: nil, originCountry: nil,
                                      fatalities: Event.Count(text: "56-63", low: 56, high: 63)),
            try SyntheticBorder.event("b", at: Coordinate(71, 35), country: "PAK", origin: nil, originCountry: nil,
                                      fatalities: Event.Count(text: "60+", low: 60, high: nil), attribution: .attributed),
        ]
        let rows = try Aggregation(try SharedGeoData.prepared(data)).rows(events, by: .country)
        #expect(rows.count == 1)
        #expect(rows[0].events == 2 && rows[0].fatalitiesLow == 116 && rows[0].fatalitiesHigh == 123 && rows[0].fatalitiesHighOpen)
        #expect(rows[0].claimed == 1 && rows[0].attributedOrAlleged == 1)
        let table = CrossBorderQueries.table(rows, by: .country).render(.csv)
        #expect(table.contains("PAK,2,116,123+,1,1"))
    }
}
