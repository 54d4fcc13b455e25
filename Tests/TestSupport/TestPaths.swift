import Foundation
import GeoKit
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
@testable import Analysis
@testable import Cartography
@testable import Jobs

/// Paths of the repository and its fixtures, found from this file's location.
package enum TestPaths {
    package static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    package static let geodata = repository.appendingPathComponent("GeoData").path
    package static let fixtures = repository.appendingPathComponent("Tests/Fixtures").path

    package static func fixture(_ name: String) -> String { fixtures + "/" + name }

    /// A fresh temporary folder, removed by the caller with `FileManager.removeItem`.
    package static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "eventmap-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A copy of GeoData/ (without imported layers) that a test may change.
    package static func geodataCopy() throws -> String {
        let copy = try temporaryDirectory() + "/GeoData"
        try FileManager.default.copyItem(atPath: geodata, toPath: copy)
        try? FileManager.default.removeItem(atPath: copy + "/imported")
        return copy
    }
}

/// The committed reference data, loaded once for all tests.
package enum SharedGeoData {
    package static let reference: ReferenceData = try! ReferenceData.load(TestPaths.geodata, useImported: false)
    package static var gazetteer: Gazetteer { reference.gazetteer }
    package static var boundaries: BoundaryData { reference.boundaries }

    /// A new prepared set (its own GEOS context) over the shared data, or over `boundaries` made by a test.
    package static func prepared(_ boundaries: BoundaryData? = nil) throws -> PreparedReference {
        try PreparedReference(boundaries.map { ReferenceData(directory: reference.directory, gazetteer: gazetteer, boundaries: $0) } ?? reference)
    }
}

/// Polygons for the point-join and points-map tests: the shared benchmark fixture (../shared/bench beside the
/// clone, as in CI) when it is there, otherwise the project's own district areas written as GeoJSON with an
/// `id` property, so these tests run on any clone.
package enum BenchPolygons {
    package static let sharedFixture = TestPaths.repository.deletingLastPathComponent()
        .appendingPathComponent("shared/bench/districts-bench.geojson").path

    package static let path: String = {
        if FileManager.default.fileExists(atPath: sharedFixture) { return sharedFixture }
        let path = NSTemporaryDirectory() + "eventmap-test-districts-\(getpid()).geojson"
        let context = GEOSContext()
        let writer = try! GeoJSONWriter(path: path, layerName: "districts")
        for unit in SharedGeoData.boundaries.districts {
            try! writer.write(Feature(properties: [("id", .string(unit.id)), ("name", .string(unit.name))],
                                      geometry: try! Geometry(wkb: unit.wkb, in: context)))
        }
        try! writer.finish()
        return path
    }()

    /// How many polygon features the file holds (112 in the shared fixture).
    package static let polygonCount: Int = try! GeoJSONFeatureReader.read(path: path, in: GEOSContext())
        .filter { [.polygon, .multiPolygon].contains($0.geometry?.type) }.count
}
