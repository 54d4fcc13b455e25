import Foundation
import GeoKit
import Testing
@testable import GeoReference
import TestSupport

/// The maps' lon/lat-simplified outlines (GeoData/boundaries/display/): every committed one matches the outline
/// it was made from, a stale one is never used, and they stay within their tolerance of the full outlines.
@Suite struct DisplayOutlinesTests {
    @Test func everyShippedOutlineHasAMatchingDisplayOutline() {
        let boundaries = SharedGeoData.boundaries
        let display = DisplayOutlines.load(geodata: TestPaths.geodata, matching: boundaries)
        let units = boundaries.districts.count + boundaries.provinces.count + boundaries.countries.count
        #expect(display.swapped == units && display.kept == 0,
                "rebuild them with `eventmap geodata build-districts` (Scripts/rebuild-boundaries): \(display.swapped) of \(units) match")
    }

    @Test func displayOutlinesStayWithinTheirToleranceAndHaveFewerVertices() throws {
        let context = GEOSContext()
        let display = DisplayOutlines.load(geodata: TestPaths.geodata, matching: SharedGeoData.boundaries)
        var full = 0, simplified = 0
        for (original, drawn) in zip(SharedGeoData.boundaries.districts, display.boundaries.districts) {
            let a = try Geometry(wkb: original.wkb, in: context), b = try Geometry(wkb: drawn.wkb, in: context)
            full += a.vertexCount
            simplified += b.vertexCount
            #expect(try a.hausdorffDistance(to: b) <= DisplayOutlines.toleranceDegrees * 1.01, "\(original.id)")
        }
        #expect(simplified * 3 < full, "\(simplified) of \(full) vertices")
    }

    @Test func aStaleOrMissingDisplayOutlineIsNeverUsed() throws {
        let geodata = try TestPaths.geodataCopy()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: geodata).deletingLastPathComponent().path) }
        // A district whose outline changed (as an import does): its display outline no longer matches.
        let boundaries = SharedGeoData.boundaries
        let context = GEOSContext()
        let moved = try Geometry(wkt: "POLYGON((70 34, 70.5 34, 70.5 34.5, 70 34))", in: context)
        let first = boundaries.districts[0]
        let changed = BoundaryData(
            districts: [AdminUnit(id: first.id, name: first.name, level: .district, provinceID: first.provinceID,
                                  countryISO3: first.countryISO3, wkb: try moved.wkb(), approximate: false)] + boundaries.districts.dropFirst(),
            provinces: boundaries.provinces, countries: boundaries.countries, borderSegments: boundaries.borderSegments,
            districtSource: boundaries.districtSource, sources: boundaries.sources)
        let display = DisplayOutlines.load(geodata: geodata, matching: changed)
        let movedWKB = try moved.wkb()
        #expect(display.kept == 1 && display.boundaries.districts[0].wkb == movedWKB)
        // No display files at all: the full outlines.
        try FileManager.default.removeItem(atPath: geodata + "/boundaries/display")
        let none = DisplayOutlines.load(geodata: geodata, matching: boundaries)
        #expect(none.swapped == 0 && none.boundaries.districts.map(\.wkb) == boundaries.districts.map(\.wkb))
    }
}
