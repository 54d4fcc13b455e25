import Foundation
@testable import EventMapper

/// Paths of the repository and its fixtures, found from this file's location.
enum TestPaths {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let geodata = repository.appendingPathComponent("GeoData").path
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    static func fixture(_ name: String) -> String { fixtures + "/" + name }

    /// A fresh temporary folder, removed by the caller with `FileManager.removeItem`.
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "eventmap-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A copy of GeoData/ (without imported layers) that a test may change.
    static func geodataCopy() throws -> String {
        let copy = try temporaryDirectory() + "/GeoData"
        try FileManager.default.copyItem(atPath: geodata, toPath: copy)
        try? FileManager.default.removeItem(atPath: copy + "/imported")
        return copy
    }
}

/// The committed reference data, loaded once for all tests.
enum SharedGeoData {
    static let gazetteer: Gazetteer = try! Gazetteer.load(directory: TestPaths.geodata)
    static let boundaries: BoundaryData = try! BoundaryData.load(geodata: TestPaths.geodata, gazetteer: gazetteer, useImported: false)
}
