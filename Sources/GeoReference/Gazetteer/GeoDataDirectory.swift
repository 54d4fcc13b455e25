import Foundation
import GeoKit
import EventModel
import EventFormats

/// No GeoData folder was found where the tool looks for one.
public struct GeoDataNotFound: Error, Equatable, CustomStringConvertible {
    public let searched: [String]
    public var description: String {
        "GeoData: not found (looked in \(searched.joined(separator: " and "))); run from the repository root or name the GeoData folder"
    }
}

/// Finds the GeoData folder: an explicit path, `$EVENTMAP_GEODATA`, `./GeoData`, or the one
/// beside the checkout the executable was built in.
public enum GeoDataDirectory {
    public static let environmentVariable = "EVENTMAP_GEODATA"

    public static func resolve(_ explicit: String? = nil) throws -> String {
        if let explicit {
            guard isGeoData(explicit) else {
                throw GeoDataError(file: explicit, "is not a GeoData folder (no districts.csv in it); pass the repository's GeoData/ folder")
            }
            return explicit
        }
        if let fromEnvironment = ProcessInfo.processInfo.environment[environmentVariable], !fromEnvironment.isEmpty {
            guard isGeoData(fromEnvironment) else {
                throw GeoDataError(file: fromEnvironment, "named by $\(environmentVariable) is not a GeoData folder (no districts.csv in it)")
            }
            return fromEnvironment
        }
        let here = FileManager.default.currentDirectoryPath + "/GeoData"
        if isGeoData(here) { return here }
        var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent("GeoData").path
            if isGeoData(candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        throw GeoDataNotFound(searched: [here, "GeoData beside the executable's checkout"])
    }

    static func isGeoData(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path + "/districts.csv")
    }
}
