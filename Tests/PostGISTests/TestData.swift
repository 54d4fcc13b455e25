import Foundation
import GeoKit
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
@testable import Analysis
@testable import Jobs
@testable import PostGIS

/// The committed GeoData, the sample events and a generated dataset, geocoded once for all tests.
enum TestData {
    static let geodata = TestPostgres.repository.appendingPathComponent("GeoData").path
    static let samples = geodata + "/samples/events.csv"
    static let reference: ReferenceData = try! ReferenceData.load(geodata, useImported: false)

    static let sampleEvents: [GeocodedEvent] = try! GeocodedEvents.load(path: samples, reference: reference).events

    /// 1,500 events over the border region: coordinates or place names, origins as coordinates, names or none
    /// (with or without who asserts them), one in five of those with a further origin claim (a point, a place, a country),
    /// every attribution, casualty ranges and open figures, dates of day, month and year precision.
    static let generatedPath: String = {
        var random = SeededRandom(seed: 7)
        let places = ["Jalalabad", "Achin", "Peshawar", "Bajaur", "Quetta", "Asadabad", "Khar", "Torkham", "Chaman",
                      "Landi Kotal", "Miranshah", "Wana", "Parachinar", "Zhob", "Khost", "Spin Boldak"]
        let groups = ["ISKP", "TTP", "BLA", "Lashkar-e-Islam", "", "Taliban"]
        let attributions = ["claimed", "attributed", "alleged", "unclaimed", "disputed", ""]
        var text = "event_id,event_date,event_type,location,latitude,longitude,group,attribution,origin,origin_latitude,origin_longitude,origin_asserted_by,origin_claims,fatalities,sources,notes\n"
        let asserters = ["Pakistan Army (ISPR)", "Afghan Ministry of Interior", "Provincial police", ""]
        for i in 0..<1500 {
            let year = 2015 + random.next(10)
            let date = switch random.next(10) {
            case 0: "\(year)"
            case 1: "\(year)-\(String(format: "%02d", 1 + random.next(12)))"
            default: "\(year)-\(String(format: "%02d", 1 + random.next(12)))-\(String(format: "%02d", 1 + random.next(28)))"
            }
            let byName = random.next(4) == 0
            let lat = 29 + random.uniform() * 7.5, lon = 64 + random.uniform() * 9
            let location = byName ? places[random.next(places.count)] : ""
            let coordinates = byName ? ",," : String(format: ",%.5f,%.5f,", lat, lon)
            let origin: String = switch random.next(4) {
            case 0: String(format: ",%.5f,%.5f", 29 + random.uniform() * 7.5, 64 + random.uniform() * 9)
            case 1: places[random.next(places.count)] + ",,"
            default: ",,"
            }
            let asserter = origin == ",," ? "" : asserters[random.next(asserters.count)]
            // One event in five with an origin has a further origin claim (by another party): a point, a place name, a country.
            var claims = ""
            if origin != ",,", random.next(5) == 0 {
                let other = asserters[random.next(asserters.count - 1)]
                let claim = switch random.next(3) {
                case 0: "{\"\"place\"\": \"\"camp\"\", \"\"asserted_by\"\": \"\"\(other)\"\", "
                    + String(format: "\"\"latitude\"\": %.5f, \"\"longitude\"\": %.5f}", 29 + random.uniform() * 7.5, 64 + random.uniform() * 9)
                case 1: "{\"\"place\"\": \"\"\(places[random.next(places.count)])\"\", \"\"asserted_by\"\": \"\"\(other)\"\"}"
                default: "{\"\"place\"\": \"\"\(["Afghanistan", "Pakistan"][random.next(2)])\"\", \"\"asserted_by\"\": \"\"\(other)\"\"}"
                }
                claims = "\"[\(claim)]\""
            }
            let fatalities = ["", "3", "10-20", "5+", "about 12"][random.next(5)]
            text += "G\(i),\(date),\(["Battles", "Explosions/Remote violence"][random.next(2)]),\(location)\(coordinates)"
                + "\(groups[random.next(groups.count)]),\(attributions[random.next(attributions.count)]),\(origin),\(asserter),\(claims),\(fatalities),"
                + "\"Source \(i); wire\",row \(i)\n"
        }
        let path = NSTemporaryDirectory() + "eventmap-postgis-generated-\(getpid()).csv"
        try! text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }()

    static let generatedEvents: [GeocodedEvent] = try! GeocodedEvents.load(path: generatedPath, reference: reference).events

    /// The demo's layer set over `events` (corridor of 50 km) plus countries, as `ExportJob` builds it.
    static func layers(_ events: [GeocodedEvent]) throws -> LayerSet {
        let prepared = try PreparedReference(reference)
        let corridor = try prepared.corridor(km: DemoJob.corridorKm)
        var set = try EventLayers.build(events, reference: prepared,
                                        corridor: EventLayers.Corridor(polygon: corridor.polygon, km: DemoJob.corridorKm))
        set.set(try BoundaryFeatures.countriesLayer(reference.boundaries, in: prepared.context))
        return set
    }

    /// Exports `path` into a new schema of the test database; returns the schema name.
    @discardableResult
    static func export(_ path: String, schema: String = TestPostgres.uniqueName("t"), mode: PostGISContainer.Mode = .upsert) throws -> String {
        var options = ExportJob.Options(input: path)
        options.schema = schema
        options.mode = mode
        _ = try ExportJob.run(options, reference: reference)
        return schema
    }
}

/// A small deterministic generator (SplitMix64), so the generated dataset is the same in every run.
struct SeededRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func nextUInt64() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    mutating func next(_ bound: Int) -> Int { Int(nextUInt64() % UInt64(bound)) }
    mutating func uniform() -> Double { Double(nextUInt64() >> 11) / Double(1 << 53) }
}
