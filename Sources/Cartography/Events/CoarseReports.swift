import EventModel

/// Events the map cannot place honestly at a point or in a mapped district, counted for the margin table:
/// reports located only to a province or a country, reports not located at all, and (when districts are
/// aggregated) reports located outside the mapped districts.
struct CoarseReports {
    struct Row: Equatable {
        let label: String
        let count: Int
    }

    var provinceLevel: [String: Int] = [:]
    var countryLevel: [String: Int] = [:]
    var outsideDistricts: [String: Int] = [:]
    var unlocated = 0

    /// Tallies every event of `events` that `MapEvent` does not draw; `countOutsideDistricts` also tallies drawn
    /// events without a mapped district (for district aggregates).
    init(_ events: [GeocodedEvent], countryNames: [String: String], countOutsideDistricts: Bool) {
        events.withUnsafeBufferPointer { buffer in
            for item in buffer.indices { tally(buffer.baseAddress! + item, countryNames: countryNames, countOutsideDistricts: countOutsideDistricts) }
        }
    }

    /// Reads the event in place (a million pass through): only the rare coarse ones are looked at more closely.
    private mutating func tally(_ item: UnsafePointer<GeocodedEvent>, countryNames: [String: String], countOutsideDistricts: Bool) {
        let precision = item.pointee.location.geoPrecision
        if let precision, precision <= .district, item.pointee.location.point != nil,
           !countOutsideDistricts || item.pointee.location.adm2ID != nil { return }
        let location = item.pointee.location
        switch location.geoPrecision {
        case .some(.province):
            provinceLevel[location.adm1Name ?? location.adm1ID ?? "province not named", default: 0] += 1
        case .some(.country):
            let iso3 = location.adm0ISO3 ?? ""
            countryLevel[countryNames[iso3] ?? (iso3.isEmpty ? "country not named" : iso3), default: 0] += 1
        case nil:
            unlocated += 1
        default:
            if location.point == nil {
                unlocated += 1
            } else if countOutsideDistricts, location.adm2ID == nil {
                outsideDistricts[location.adm1Name ?? countryNames[location.adm0ISO3 ?? ""] ?? "elsewhere", default: 0] += 1
            }
        }
    }

    var total: Int {
        provinceLevel.values.reduce(0, +) + countryLevel.values.reduce(0, +) + outsideDistricts.values.reduce(0, +) + unlocated
    }

    var isEmpty: Bool { total == 0 }

    /// Most first, then by name.
    static func rows(_ counts: [String: Int]) -> [Row] {
        counts.map { Row(label: $0.key, count: $0.value) }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.label < $1.label }
    }
}
