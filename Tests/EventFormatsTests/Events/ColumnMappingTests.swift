import Testing
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
@testable import Analysis
@testable import Cartography
@testable import Jobs
import TestSupport

@Suite struct ColumnMappingTests {
    @Test func recognisesAliasesWithoutRegardToCase() {
        let mapping = ColumnMapping(columns: ["ID", "Event Date", "Town", "LAT", "Lng", "Perpetrator", "Killed", "Wounded", "Citation", "District", "Province", "remarks"])
        #expect(mapping.column(for: .eventID) == "ID")
        #expect(mapping.column(for: .date) == "Event Date")
        #expect(mapping.column(for: .location) == "Town")
        #expect(mapping.column(for: .latitude) == "LAT")
        #expect(mapping.column(for: .longitude) == "Lng")
        #expect(mapping.column(for: .group) == "Perpetrator")
        #expect(mapping.column(for: .fatalities) == "Killed")
        #expect(mapping.column(for: .injuries) == "Wounded")
        #expect(mapping.column(for: .sources) == "Citation")
        #expect(mapping.column(for: .admin2) == "District")
        #expect(mapping.column(for: .admin1) == "Province")
        #expect(mapping.fields.last! == nil)
        #expect(mapping.dialect == .generic)
    }

    @Test func prefersTheCanonicalNameAndSaysWhichColumnWasSetAside() {
        let mapping = ColumnMapping(columns: ["y", "x", "latitude", "longitude"])
        #expect(mapping.column(for: .latitude) == "latitude")
        #expect(mapping.column(for: .longitude) == "longitude")
        #expect(mapping.notes.count == 2)
        #expect(mapping.notes.contains { $0.contains("'y'") && $0.contains("'latitude'") })
    }

    @Test func recognisesAnACLEDHeader() {
        let mapping = ColumnMapping(columns: ["event_id_cnty", "event_date", "actor1", "assoc_actor_1", "admin3", "source", "geo_precision", "location"])
        #expect(mapping.dialect == .acled)
        #expect(mapping.column(for: .eventID) == "event_id_cnty")
        #expect(mapping.profileKind == .acled)
        #expect(mapping.column(for: .group) == nil, "actor1 stays an actor column; the profile names the group per event type")
        #expect(mapping.extraNames[2] == "actor1")
        #expect(mapping.column(for: .sources) == "source")
        #expect(mapping.index(of: .attribution) == nil)
    }

    @Test func passThroughColumnsNeverReuseAnOutputName() {
        let mapping = ColumnMapping(columns: ["location", "geo_method", "border_km", "reporter", "Reporter"])
        #expect(mapping.extraNames == [nil, "input_geo_method", "input_border_km", "reporter", "input_Reporter"])
        #expect(mapping.notes.count == 3)
    }

    @Test func columnMapOverridesGuesses() throws {
        let map = try ColumnMap(spec: "Place=location, Killed = fatalities,x=extra")
        let mapping = ColumnMapping(columns: ["Place", "Killed", "x", "location"], columnMap: map)
        #expect(mapping.column(for: .location) == "Place")
        #expect(mapping.column(for: .fatalities) == "Killed")
        #expect(mapping.column(for: .longitude) == nil)
        #expect(mapping.fields[3] == nil)
    }

    @Test func columnMapRefusesUnknownTargetsAndMalformedPairs() {
        #expect(throws: GeoDataError.self) { try ColumnMap(spec: "Place=town_name_of_event") }
        #expect(throws: GeoDataError.self) { try ColumnMap(spec: "Place") }
    }

    @Test func columnMapFileReadsFromToLines() throws {
        let map = try ColumnMap.load(EventFixtures.path("column-map.txt"))
        #expect(map.entries.count == 4)
        #expect(map.target(for: "when") == .field(.date))
        #expect(map.target(for: "Hurt") == .field(.injuries))
    }
}
