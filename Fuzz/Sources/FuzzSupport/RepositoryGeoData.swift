import Foundation

/// The committed GeoData/ of the repository this package sits in (or EVENTMAP_GEODATA), for fuzzers that
/// need the gazetteer or the boundaries. Loaded once per process.
public enum RepositoryGeoData {
    public static let path: String = {
        if let given = ProcessInfo.processInfo.environment["EVENTMAP_GEODATA"] { return given }
        // Fuzz/Sources/FuzzSupport/RepositoryGeoData.swift → the repository root.
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("GeoData").path
    }()

    /// A private copy of GeoData/ (in the scratch folder), for code that may write beside the data.
    public static func copy() -> String {
        let target = ScratchFile.directoryPath + "/GeoData"
        if !FileManager.default.fileExists(atPath: target) {
            do { try FileManager.default.copyItem(atPath: path, toPath: target) } catch {
                fatalError("cannot copy \(path) to \(target): \(error)")
            }
        }
        return target
    }
}
