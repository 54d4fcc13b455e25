import Foundation
import GeoKit
import EventModel
import GeoReference

/// Geocoded events concentrated as real conflict data is, for the map layout tests and the map benchmark
/// (`Benchmarks/Tools/MapThroughput`): most in a few districts (dense clusters around their headquarters), a
/// long tail over the other districts (Zipf-like weights), some reports located only to a district, a province or a
/// country, some with origin claims (a district, or only a country). Deterministic; not data about anything.
public enum ConflictLikeEvents {
    static let denseDistricts = ["PK528", "PK513", "AF0615", "PK502"]

    public static func make(count: Int, gazetteer: Gazetteer, seed: UInt64 = 7) -> [GeocodedEvent] {
        var state = seed
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        let districts = gazetteer.districts.sorted { $0.id < $1.id }
        let dense = denseDistricts.compactMap { id in districts.first { $0.id == id } }
        let tail = districts.filter { !denseDistricts.contains($0.id) }
        let weights = tail.indices.map { 1 / Double($0 + 1).squareRoot() }
        let totalWeight = weights.reduce(0, +)
        let types = ["Explosions/Remote violence", "Battles", "Violence against civilians", "Strategic developments"]
        let attributions: [Attribution] = [.claimed, .claimed, .attributed, .alleged, .unclaimed, .unspecified, .disputed]
        let foreignToAfghanistan = tail.filter { $0.countryISO3 != "AFG" }, foreignToPakistan = tail.filter { $0.countryISO3 != "PAK" }
        var events: [GeocodedEvent] = []
        events.reserveCapacity(count)
        for i in 0..<count {
            let roll = next()
            let district: District
            if roll < 0.62 {
                district = dense[Int(next() * Double(dense.count)) % dense.count]
            } else {
                var pick = next() * totalWeight, index = 0
                while index < tail.count - 1 && pick > weights[index] { pick -= weights[index]; index += 1 }
                district = tail[index]
            }
            let year = 2019 + Int(next() * 6)
            let date = try! EventDate(year: year, month: 1 + Int(next() * 12), day: 1 + Int(next() * 28))
            let fatalities = next() < 0.25 ? nil : Int(pow(next(), 3) * 40)
            let event = Event(eventID: "GEN-\(i)", eventIDGenerated: false, date: date, eventType: types[Int(next() * 4) % 4],
                              location: district.headquarters, coordinateFlags: [], group: next() < 0.5 ? "TTP" : "ISKP",
                              attribution: attributions[Int(next() * Double(attributions.count)) % attributions.count],
                              attributedBy: "Government of Pakistan (ISPR)",
                              fatalities: fatalities.map { Event.Count(text: "\($0)", low: $0, high: $0) },
                              sources: ["generated"], extra: [], sourceFile: "generated", line: i + 2)
            var location = GeoResult(adm2ID: district.id, adm2Name: district.name, adm1ID: district.provinceID, adm1Name: district.provinceName,
                                     adm0ISO3: district.countryISO3, geoPrecision: .place, method: "generated", confidence: 1)
            let kind = next()
            if kind < 0.03 {
                location = GeoResult(adm1ID: district.provinceID, adm1Name: district.provinceName, adm0ISO3: district.countryISO3,
                                     geoPrecision: .province, method: "generated", confidence: 1)
            } else if kind < 0.045 {
                location = GeoResult(adm0ISO3: district.countryISO3, geoPrecision: .country, method: "generated", confidence: 1)
            } else if kind < 0.10 {
                location.geoPrecision = .district
                location.point = district.point
            } else {
                let spread = roll < 0.62 ? 0.05 : 0.12
                location.point = Coordinate(district.point.x + (next() - 0.5) * spread, district.point.y + (next() - 0.5) * spread)
            }
            var origins: [GeocodedOrigin] = []
            let originRoll = next()
            let foreign = district.countryISO3 == "AFG" ? foreignToAfghanistan : foreignToPakistan
            if originRoll < 0.02, !foreign.isEmpty {
                let from = foreign[Int(next() * Double(min(foreign.count, 12))) % min(foreign.count, 12)]
                origins.append(GeocodedOrigin(claim: OriginClaim(place: from.name, assertedBy: "Government of Pakistan (Ministry of Foreign Affairs)"),
                                              location: GeoResult(adm2ID: from.id, adm2Name: from.name, adm1ID: from.provinceID, adm1Name: from.provinceName,
                                                                  adm0ISO3: from.countryISO3, geoPrecision: .district, method: "generated",
                                                                  confidence: 1, point: from.point)))
            } else if originRoll < 0.03 {
                let other = district.countryISO3 == "PAK" ? "AFG" : "PAK"
                origins.append(GeocodedOrigin(claim: OriginClaim(place: other == "AFG" ? "Afghanistan" : "Pakistan", assertedBy: "UN Monitoring Team"),
                                              location: GeoResult(adm0ISO3: other, geoPrecision: .country, method: "generated", confidence: 1)))
            }
            events.append(GeocodedEvent(event: event, location: location, origins: origins, groupName: event.group))
        }
        return events
    }
}
