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

/// The precedence rules on a small invented gazetteer, independent of GeoData's contents.
@Suite("Name precedence") struct NamePrecedenceTests {
    static let geocoder: NameGeocoder = {
        let province = Province(id: "P1", name: "Alpha Province", aliases: ["Alphistan"], nativeNames: [], countryISO3: "PAK", source: "")
        let other = Province(id: "P2", name: "Beta Province", aliases: [], nativeNames: [], countryISO3: "AFG", source: "")
        let districts = [
            district("D1", "Gamma", aliases: ["Gamma Agency"], province: province),
            district("D2", "Delta", aliases: [], province: province),
            district("D3", "Upper Zeta", aliases: [], province: province),
            district("D4", "Lower Zeta", aliases: [], province: province),
        ]
        let places = [
            place("p-gamma", "Gamma", aliases: [], district: "D1", province: "P1", country: "PAK"),
            place("p-hq", "Epsilon (Delta)", aliases: ["Delta"], district: "D2", province: "P1", country: "PAK"),
            place("p-twin-1", "Twin (Gamma)", aliases: ["Twin"], district: "D1", province: "P1", country: "PAK"),
            place("p-twin-2", "Twin (Delta)", aliases: ["Twin"], district: "D2", province: "P1", country: "PAK"),
            place("p-across", "Across", aliases: [], district: nil, province: "P2", country: "AFG"),
        ]
        let groups = [
            ArmedGroup(id: "g-a", name: "Army of Alpha (AoA)", aliases: ["AoA", "The Front"], kind: "", notes: ""),
            ArmedGroup(id: "g-b", name: "Brigade of Beta", aliases: ["The Front"], kind: "", notes: ""),
        ]
        let gazetteer = Gazetteer(provinces: [province, other], districts: districts, places: places, groups: groups,
                                  origins: [], countries: Country.focus)
        return NameGeocoder(gazetteer: gazetteer)
    }()

    private static func district(_ id: String, _ name: String, aliases: [String], province: Province) -> District {
        District(id: id, name: name, aliases: aliases, nativeNames: [], provinceID: province.id, provinceName: province.name,
                 countryISO3: province.countryISO3, headquarters: name, point: Coordinate(70, 34), pointNote: "", formerStatus: "",
                 created: "", idSource: "", uncertain: "", parentID: nil)
    }

    private static func place(_ id: String, _ name: String, aliases: [String], district: String?, province: String,
                              country: String) -> Place {
        Place(id: id, name: name, aliases: aliases, nativeNames: [], kind: "town", districtID: district, provinceID: province,
              countryISO3: country, point: Coordinate(70.1, 34.1), notes: "", uncertain: "")
    }

    private func resolve(_ text: String, _ hints: NameHints = .none) -> NameMatch {
        Self.geocoder.resolve(text, hints: hints)
    }

    @Test func ownNamesTiedAcrossLevelsPickTheMostSpecific() {
        let match = resolve("Gamma")
        #expect(bestID(match) == "place:p-gamma")
        #expect(match.best?.point == Coordinate(70.1, 34.1))
        #expect(match.confidence == 1.0)
    }

    @Test func aliasTiedAcrossLevelsPicksTheContainer() {
        #expect(bestID(resolve("Gamma Agency")) == "district:D1")
        #expect(bestID(resolve("Delta")) == "district:D2")
        #expect(bestID(resolve("Epsilon")) == "place:p-hq")
    }

    @Test func unrelatedReadingsAreAmbiguousWithTheirSharedArea() {
        let match = resolve("Twin")
        #expect(match.isAmbiguous)
        #expect(match.best == nil)
        #expect(match.confidence == 0.5)
        #expect(match.sharedArea?.id == "P1")
        #expect(match.sharedArea?.precision == 4)
        #expect(bestID(resolve("Twin", NameHints(admin2: "Delta"))) == "place:p-twin-2")
        #expect(bestID(resolve("Twin, Gamma")) == "place:p-twin-1")
    }

    @Test func legacyNameOfASplitDistrictNamesBothSuccessors() {
        let match = resolve("Zeta")
        #expect(match.isAmbiguous)
        #expect(candidateIDs(match) == ["D3", "D4"])
    }

    @Test func candidatesCarryTheirUnits() {
        let district = resolve("Delta District").best
        #expect(district?.kind == .district)
        #expect(district?.districtID == "D2")
        #expect(district?.provinceID == "P1")
        #expect(district?.precision == 3)
        let province = resolve("Alphistan").best
        #expect(province?.kind == .province && province?.point == nil && province?.precision == 4)
        let across = resolve("Across").best
        #expect(across?.districtID == nil && across?.countryISO3 == "AFG")
    }

    @Test func groupsSharingAnAliasAreAmbiguous() {
        let shared = Self.geocoder.matchGroup("The Front")
        #expect(shared?.isAmbiguous == true)
        #expect(shared?.group == nil)
        #expect(Set(shared?.candidates.map(\.id) ?? []) == ["g-a", "g-b"])
        #expect(Self.geocoder.group("The Front") == nil)
        #expect(Self.geocoder.group("AoA")?.id == "g-a")
        #expect(Self.geocoder.group("Army of Alpha")?.id == "g-a")
    }
}
