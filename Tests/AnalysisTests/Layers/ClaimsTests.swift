import Foundation
import GeoKit
import Testing
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
@testable import Analysis
@testable import Jobs
import TestSupport

/// Reports and claims, never verdicts: nothing is drawn or stated that no source asserted for the event.
@Suite struct ClaimsTests {
    let geocode = GeocodeRows()

    @Test func everyAssertionInTheSamplesNamesItsAsserter() throws {
        for item in DemoEvents.geocoded.events {
            let e = item.event
            switch e.attribution {
            case .attributed, .alleged, .disputed:
                #expect(!(e.attributedBy ?? "").isEmpty, "\(e.eventID): \(e.attribution) without attributed_by")
            case .claimed:
                #expect(!(e.claimedBy ?? "").isEmpty, "\(e.eventID): claimed without claimed_by")
            default: break
            }
            for claim in e.originClaims {
                #expect(!(claim.assertedBy ?? "").isEmpty, "\(e.eventID): origin '\(claim.place ?? "?")' without its asserter")
            }
        }
        for base in SharedGeoData.gazetteer.origins {
            #expect(!base.assertedBy.isEmpty && !base.source.isEmpty, "group base \(base.place) of \(base.groupID)")
        }
    }

    /// An event without an origin claim has no origin, link, crossing or origin point in any output.
    @Test func noOriginClaimMeansNoOriginAnywhere() throws {
        let layers = try DemoEvents.layers()
        let without = DemoEvents.geocoded.events.filter { $0.event.originClaims.isEmpty }.map(\.event.eventID)
        #expect(!without.isEmpty)
        let withoutSet = Set(without)
        for name in ["origins", "links", "crossings"] {
            let ids = try #require(layers[name]).features.compactMap { $0["event_id"]?.stringValue }
            #expect(ids.allSatisfy { !withoutSet.contains($0) }, "\(name) has an event without an origin claim")
        }
        let events = try #require(layers["events"])
        for feature in events.features where withoutSet.contains(feature["event_id"]?.stringValue ?? "") {
            #expect(feature["origin_adm0_iso3"] == .null && feature["origin_geo_lon"] == .null && feature["cross_border"] == .null)
        }
        // Group bases are a layer of their own, never an event's origin.
        let bases = try #require(layers["group_bases"])
        #expect(bases.features.count == SharedGeoData.gazetteer.origins.count)
        #expect(bases.features.allSatisfy { $0["event_id"] == nil && $0["asserted_by"]?.stringValue != nil })
    }

    /// A claim that names only a country stays at country precision: no point, no line.
    @Test func aCountryLevelOriginClaimDrawsNoLine() throws {
        let (_, rows, _) = try geocode.run(["c1,2024-03-01,Explosions,Peshawar,,,,34.008,71.578,TTP,attributed,ISPR,Afghanistan,5,src"])
        #expect(rows[0]["origin"] == "Afghanistan" && rows[0]["origin_adm0_iso3"] == "AFG")
        #expect(rows[0]["origin_geo_precision"] == "5" && rows[0]["origin_geo_lon"] == "")
        #expect(rows[0]["cross_border"] == "true", "the claim places the origin in another country, as asserted")
        let loaded = try GeocodedEvents.load(path: try Self.write("c1,2024-03-01,Explosions,Peshawar,,,,34.008,71.578,TTP,attributed,ISPR,Afghanistan,5,src"),
                                             reference: SharedGeoData.reference)
        #expect(try LinkAnalysis(SharedGeoData.prepared()).links(for: loaded.events).isEmpty)
        let origin = try #require(try EventLayers.originFeatures(loaded.events[0], in: GEOSContext()).first)
        #expect(origin.geometry == nil)
    }

    @Test func countryNamesResolveToCountries() throws {
        let names = NameGeocoder(gazetteer: SharedGeoData.gazetteer)
        for (text, iso3) in [("Iran", "IRN"), ("Afghanistan", "AFG"), ("Pakistan", "PAK"), ("India", "IND")] {
            let match = names.resolve(text)
            #expect(match.best?.countryISO3 == iso3 && match.best?.kind == .country, "\(text) → \(String(describing: match.best?.name))")
        }
    }

    @Test func labelsGiveCandidatesNeverOneGroup() throws {
        let loaded = try GeocodedEvents.load(path: try Self.write(
            "l1,2025-06-01,Battles,Quetta,,,,30.18,67.0,Fitna al-Hindustan,attributed,ISPR,,3,src"), reference: SharedGeoData.reference)
        let item = try #require(loaded.events.first)
        #expect(item.groupID == nil)
        #expect(item.groupLabel?.contains("Government of Pakistan") == true)
        #expect(item.groupLabel?.contains("candidates") == true)
    }

    static func write(_ row: String) throws -> String {
        let path = try TestPaths.temporaryDirectory() + "/events.csv"
        try (GeocodeRows.header + "\n" + row + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
