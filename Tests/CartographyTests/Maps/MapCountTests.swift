import Testing
@testable import Cartography

/// Counts on a printed map are grouped by thousands, everywhere they are written.
@Suite struct MapCountTests {
    @Test(arguments: [(0, "0"), (7, "7"), (999, "999"), (1_000, "1,000"), (18_600, "18,600"), (955_133, "955,133"),
                      (1_000_000, "1,000,000"), (-12_345, "-12,345")])
    func grouped(_ n: Int, _ text: String) {
        #expect(MapCount.text(n) == text)
    }

    @Test func measuresAndClassesUseTheGrouping() {
        #expect(MapMeasure.events.describe(18_600) == "18,600 events")
        #expect(MapMeasure.fatalitiesLow.describe(1_170) == "1,170 reported deaths (lowest figure)")
        #expect(MapMeasure.rate.describe(2.54) == "2.5 events per 1,000 km²")
    }
}
