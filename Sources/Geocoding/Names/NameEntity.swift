import GeoKit
import EventModel
import EventFormats
import GeoReference

/// A gazetteer unit as the name index holds it: what a candidate reports and what contains it.
struct NameEntity: Sendable {
    let kind: NameCandidate.Kind
    let id: String
    let name: String
    let districtID: String?
    let provinceID: String?
    let countryISO3: String
    let point: Coordinate?

    var precision: Int {
        switch kind {
        case .place: 2
        case .district: 3
        case .province: 4
        case .country: 5
        }
    }

    func candidate(score: Double) -> NameCandidate {
        NameCandidate(kind: kind, id: id, name: name, districtID: districtID, provinceID: provinceID,
                      countryISO3: countryISO3, point: point, score: score, precision: precision)
    }

    /// True when `other` lies inside this unit (a place in its district, a district in its province …).
    func contains(_ other: NameEntity) -> Bool {
        switch kind {
        case .country: other.kind != .country && other.countryISO3 == id
        case .province: (other.kind == .district || other.kind == .place) && other.provinceID == id
        case .district: other.kind == .place && other.districtID == id
        case .place: false
        }
    }

    /// True when one of the two lies inside the other, so both can be right at once.
    func isNested(with other: NameEntity) -> Bool {
        (kind == other.kind && id == other.id) || contains(other) || other.contains(self)
    }
}

extension NameEntity {
    init(place: Place) {
        self.init(kind: .place, id: place.id, name: place.name, districtID: place.districtID, provinceID: place.provinceID,
                  countryISO3: place.countryISO3, point: place.point)
    }

    init(district: District) {
        self.init(kind: .district, id: district.id, name: district.name, districtID: district.id,
                  provinceID: district.provinceID, countryISO3: district.countryISO3, point: district.point)
    }

    init(province: Province) {
        self.init(kind: .province, id: province.id, name: province.name, districtID: nil, provinceID: province.id,
                  countryISO3: province.countryISO3, point: nil)
    }

    init(country: Country) {
        self.init(kind: .country, id: country.iso3, name: country.name, districtID: nil, provinceID: nil,
                  countryISO3: country.iso3, point: nil)
    }
}
