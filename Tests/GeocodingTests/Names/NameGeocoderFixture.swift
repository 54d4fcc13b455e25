import Foundation
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
@testable import Analysis
@testable import Cartography
@testable import Jobs
import TestSupport

/// One geocoder over the repository's real GeoData, shared by the name tests.
enum NameGeocoderFixture {
    static let geoDataDirectory: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("GeoData").path

    static let gazetteer: Gazetteer = {
        do { return try Gazetteer.load(directory: geoDataDirectory) } catch { fatalError("GeoData did not load: \(error)") }
    }()

    static let geocoder = NameGeocoder(gazetteer: gazetteer)
}
