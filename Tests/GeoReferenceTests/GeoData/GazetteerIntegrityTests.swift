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

@Suite struct GazetteerIntegrityTests {
    let gazetteer = SharedGeoData.gazetteer

    static let expectedDistricts: [String: [String]] = [
        "AF06": ["Jalalabad", "Behsud", "Surkh Rod", "Chaparhar", "Kama", "Kuz Kunar", "Rodat", "Khogyani", "Bati Kot",
                 "Deh Bala", "Pachir Wa Agam", "Dara-e-Nur", "Kot", "Goshta", "Achin", "Shinwar", "Muhmand Dara", "Lalpur",
                 "Sherzad", "Nazyan", "Hesarak", "Dur Baba", "Spin Ghar"],
        "AF15": ["Asadabad", "Marawara", "Watapur", "Narang", "Sar Kani", "Shigal", "Dara-e-Pech", "Bar Kunar", "Chawkay",
                 "Khas Kunar", "Ghazi Abad", "Dangam", "Chapa Dara", "Nurgal", "Nari"],
        "PK5": ["Abbottabad", "Bajaur", "Bannu", "Batagram", "Buner", "Charsadda", "Chitral Lower", "Chitral Upper",
                "D. I. Khan", "Hangu", "Haripur", "Karak", "Khyber", "Kohat", "Kohistan Lower", "Kohistan Upper",
                "Kolai Palas Kohistan", "Kurram", "Lakki Marwat", "Lower Dir", "Malakand", "Mansehra", "Mardan", "Mohmand",
                "North Waziristan", "Nowshera", "Orakzai", "Peshawar", "Shangla", "Swabi", "Swat", "Tank", "Tor Ghar",
                "Upper Dir", "Upper South Waziristan", "Lower South Waziristan", "Central Dir", "Paharpur", "Upper Swat"],
        "PK2": ["Awaran", "Barkhan", "Chagai", "Chaman", "Dera Bugti", "Duki", "Gwadar", "Harnai", "Jaffarabad", "Jhal Magsi",
                "Kachhi", "Kalat", "Kech", "Kharan", "Khuzdar", "Killa Abdullah", "Killa Saifullah", "Kohlu", "Lasbela",
                "Lehri", "Loralai", "Mastung", "Musakhel", "Nasirabad", "Nushki", "Panjgur", "Pishin", "Quetta",
                "Shaheed Sikandarabad", "Sherani", "Sibi", "Sohbatpur", "Washuk", "Zhob", "Ziarat", "Hub", "Usta Muhammad", "Karezat"],
    ]

    @Test func everyDistrictOfTheFourProvincesIsPresent() {
        for (provinceID, names) in Self.expectedDistricts {
            let present = Set(gazetteer.districts.filter { $0.provinceID == provinceID }.map(\.name))
            #expect(present == Set(names), "province \(provinceID): missing \(Set(names).subtracting(present)), unexpected \(present.subtracting(names))")
        }
        #expect(gazetteer.districts.count == Self.expectedDistricts.values.map(\.count).reduce(0, +))
    }

    @Test func formerTribalAgenciesAreDistrictsOfKhyberPakhtunkhwa() {
        for name in ["Bajaur", "Mohmand", "Khyber", "Kurram", "Orakzai", "North Waziristan", "Upper South Waziristan", "Lower South Waziristan"] {
            let district = gazetteer.districts.first { $0.name == name }
            #expect(district?.provinceID == "PK5", "\(name)")
            #expect(district?.formerStatus.isEmpty == false, "\(name) says what it was before 2018")
        }
    }

    @Test func idsAreUnique() {
        for (what, ids) in [("districts", gazetteer.districts.map(\.id)), ("places", gazetteer.places.map(\.id)),
                            ("groups", gazetteer.groups.map(\.id)), ("provinces", gazetteer.provinces.map(\.id))] {
            #expect(Set(ids).count == ids.count, "\(what) ids repeat: \(Dictionary(grouping: ids, by: { $0 }).filter { $1.count > 1 }.keys.sorted())")
        }
    }

    @Test func everyRepresentativePointLiesInItsOwnProvince() throws {
        let context = GEOSContext()
        let provinces = try Dictionary(uniqueKeysWithValues: SharedGeoData.boundaries.provinces.map {
            ($0.id, try PreparedGeometry(Geometry(wkb: $0.wkb, in: context)))
        })
        for district in gazetteer.districts {
            let inside = try provinces[district.provinceID]?.covers(Geometry.point(district.point, in: context)) ?? false
            #expect(inside, "\(district.id) \(district.name): \(district.point) lies outside \(district.provinceName)")
        }
    }

    @Test func everyDistrictHasAHeadquartersAndNativeName() {
        for district in gazetteer.districts {
            #expect(!district.headquarters.isEmpty, "\(district.id)")
            #expect(!district.nativeNames.isEmpty, "\(district.id) \(district.name) has no native-script name")
            #expect(["ocha", "project"].contains(district.idSource), "\(district.id) id_source '\(district.idSource)'")
        }
    }

    @Test func placesOfTheFocusProvincesNameTheirDistrict() {
        for place in gazetteer.places where Gazetteer.focusProvinceIDs.contains(place.provinceID ?? "") && place.kind != "region" && place.kind != "valley" {
            #expect(place.districtID != nil, "\(place.id) \(place.name) has no district")
        }
        let required = ["Jalalabad", "Asadabad", "Torkham", "Peshawar", "Quetta", "Chaman", "Khar", "Mastung", "Tirah", "Tora Bora",
                        "Achin", "Bara", "Landi Kotal", "Angoor Adda", "Ghulam Khan"]
        let names = Set(gazetteer.places.flatMap { [$0.name] + $0.aliases })
        for name in required { #expect(names.contains(name), "places.csv lacks \(name)") }
        #expect(gazetteer.places.contains { $0.name.contains("Charkhi") && $0.provinceID == "AF01" })
        #expect(gazetteer.places.contains { $0.name.contains("Bagram") && $0.provinceID == "AF03" })
    }

    @Test func groupOriginsAreSourcedClaims() {
        #expect(!gazetteer.groups.isEmpty)
        for origin in gazetteer.origins {
            #expect(!origin.assertedBy.isEmpty && !origin.source.isEmpty, "\(origin.groupID) \(origin.place)")
        }
        let iskp = gazetteer.groups.first { $0.aliases.contains("ISIS-K") }
        #expect(iskp != nil)
        #expect(gazetteer.origins.contains { $0.groupID == iskp?.id })
    }
}
