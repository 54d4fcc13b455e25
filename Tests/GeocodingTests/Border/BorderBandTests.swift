import Foundation
import GeoKit
import Testing
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
@testable import Jobs
import TestSupport

/// Points within a border segment's uncertainty band (the candidate lines disagree there): their side is
/// flagged, and a place the row names on the other side decides the country.
@Suite struct BorderBandTests {
    let geocode = GeocodeRows()

    @Test func everySegmentHasItsMeasuredBand() {
        let segments = SharedGeoData.boundaries.borderSegments
        #expect(segments.count == 13)
        #expect(segments.allSatisfy { $0.uncertaintyKm > 0 }, "\(segments.filter { $0.uncertaintyKm == 0 }.map(\.name))")
        #expect(segments.first { $0.name == "Nangarhar | Khyber Pakhtunkhwa" }?.uncertaintyKm == 7)
    }

    /// Torkham: the Afghan and Pakistani sides of the crossing lie within metres of the line.
    @Test func crossingsLandOnTheSideTheirRowsName() throws {
        let (_, rows, _) = try geocode.run([
            // The Afghan side's own point, named as such.
            "t1,2024-02-01,Battles,Torkham (Afghan side),,,,34.1171,71.0804,,,,,,src",
            // The Pakistani gate's point, but the report puts Torkham in Afghanistan: the row decides.
            "t2,2024-02-01,Battles,Torkham,,,Afghanistan,34.1147,71.0847,,,,,,src",
            // The Pakistani gate, named as Torkham in Khyber.
            "t3,2024-02-01,Battles,Torkham,Khyber,Khyber Pakhtunkhwa,,34.1147,71.0847,,,,,,src",
            // Far from the line: no band.
            "t4,2024-02-01,Battles,Peshawar,,,,34.008,71.578,,,,,,src",
        ])
        #expect(rows[0]["adm0_iso3"] == "AFG" && rows[0]["adm2_name"] == "Muhmand Dara")
        #expect(rows[0]["border_side_uncertain"] == "true")
        #expect(rows[1]["adm0_iso3"] == "AFG" && rows[1]["adm1_name"] == "Nangarhar", "\(rows[1]["geo_notes"] ?? "")")
        #expect(rows[1]["border_side"] == "AFG" && rows[1]["border_side_uncertain"] == "true")
        #expect(rows[1]["geo_notes"]?.contains("which decided") == true)
        #expect(rows[2]["adm0_iso3"] == "PAK" && rows[2]["adm2_name"] == "Khyber" && rows[2]["border_side_uncertain"] == "true")
        #expect(rows[3]["border_side_uncertain"] == "false")
    }

    @Test func sampleCrossingsAreFlagged() throws {
        let loaded = try GeocodedEvents.load(path: TestPaths.geodata + "/samples/events.csv", reference: SharedGeoData.reference)
        for id in ["EM-S-0045", "EM-S-0072"] {
            let item = try #require(loaded.events.first { $0.event.eventID == id })
            #expect(item.border?.sideUncertain == true, "\(id)")
            #expect(item.location.adm0ISO3 == "PAK", "\(id) names a Pakistani crossing")
        }
    }
}
