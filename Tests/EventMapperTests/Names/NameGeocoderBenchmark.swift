import Foundation
import Testing
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
@testable import Analysis
@testable import Cartography
@testable import Jobs

/// Run with EVENTMAP_BENCH=1: prints names/s; asserts nothing about time.
@Test(.enabled(if: ProcessInfo.processInfo.environment["EVENTMAP_BENCH"] != nil))
func nameGeocoderThroughput() async {
    let names = NameGeocoderThroughput.noisyNames(from: NameGeocoderFixture.gazetteer, count: 50_000)
    let geocoder = NameGeocoderFixture.geocoder
    _ = await NameGeocoderThroughput.measure(geocoder, names: names, workers: 2)
    let result = await NameGeocoderThroughput.measure(geocoder, names: names, repetitions: 4, workers: 2)
    print("names/s: \(Int(result.namesPerSecond)) over \(result.names) names, matched \(result.matched) of \(names.count)")
    #expect(result.names == names.count * 4)
    let hints = NameHints(admin2: "Khyber", admin1: "Khyber Pakhtunkhwa", country: "Pakistan")
    let hinted = await NameGeocoderThroughput.measure(geocoder, names: names, hints: hints, repetitions: 2, workers: 2)
    print("names/s with three hints: \(Int(hinted.namesPerSecond))")
}
