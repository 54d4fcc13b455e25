import Testing
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
@testable import Analysis
@testable import Cartography
@testable import Jobs
import TestSupport

@Test func versionNamesTheLibraries() {
    #expect(EventMapperVersion.string.contains("GEOS 3."))
    #expect(EventMapperVersion.string.contains("PROJ 9."))
}
