import Foundation
import GeoKit
import Testing
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
@testable import Analysis
@testable import Cartography
@testable import Jobs

/// GDAL's `ogrinfo`, run as a GIS user would, and what it reports per layer.
package enum OGRInfo {
    package static let path = "/usr/bin/ogrinfo"

    package struct Failure: Error, CustomStringConvertible {
        package let description: String
    }

    package struct Result {
        package let status: Int32
        package let output: String
        /// stdout and stderr together, for the "no warning" checks.
        package var all: String
    }

    /// Runs ogrinfo with `arguments`; fails (never skips) when GDAL is not installed.
    package static func run(_ arguments: [String]) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw Failure(description: "\(path) is missing: these tests open every layer with GDAL. Install gdal-bin (Scripts/setup --test does it; CI installs it)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        // Safe: written once by the reader block, read only after group.wait() has joined it.
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        let stdout = String(decoding: outData, as: UTF8.self), stderr = String(decoding: errData, as: UTF8.self)
        return Result(status: process.terminationStatus, output: stdout, all: stdout + "\n" + stderr)
    }

    /// `ogrinfo -al -so FILE`, checked for exit 0 and no warning or error, split by layer.
    package static func summary(_ file: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: LayerSummary] {
        let result = try run(["-al", "-so", file])
        #expect(result.status == 0, "ogrinfo exited \(result.status):\n\(result.all)", sourceLocation: sourceLocation)
        expectClean(result, sourceLocation: sourceLocation)
        var layers: [String: LayerSummary] = [:]
        for block in result.output.components(separatedBy: "\nLayer name: ").dropFirst() {
            let summary = LayerSummary(block)
            layers[summary.name] = summary
        }
        return layers
    }

    package static func expectClean(_ result: Result, sourceLocation: SourceLocation = #_sourceLocation) {
        let noisy = result.all.split(separator: "\n").filter {
            $0.localizedCaseInsensitiveContains("warning") || $0.contains("ERROR")
        }
        #expect(noisy.isEmpty, "ogrinfo reported:\n\(noisy.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }
}

/// One layer of `ogrinfo -so` output.
package struct LayerSummary {
    package let name: String
    package let geometry: String
    package let featureCount: Int
    package let fields: [String: String]
    package let text: String

    package init(_ block: String) {
        text = block
        let lines = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        name = lines.first ?? ""
        geometry = lines.first { $0.hasPrefix("Geometry: ") }.map { String($0.dropFirst(10)) } ?? ""
        featureCount = lines.first { $0.hasPrefix("Feature Count: ") }.flatMap { Int($0.dropFirst(15)) } ?? -1
        var fields: [String: String] = [:]
        // Field lines look like "fatalities_low: Integer (0.0)"; they follow the SRS and column lines.
        let start = lines.firstIndex { $0.hasPrefix("Data axis to CRS axis mapping") || $0.hasPrefix("Geometry Column") } ?? 0
        for line in lines[start...] where line.hasSuffix(")") && !line.hasPrefix(" ") {
            guard let colon = line.range(of: ": ") else { continue }
            let type = line[colon.upperBound...].split(separator: " (").first.map(String.init) ?? ""
            fields[String(line[..<colon.lowerBound])] = type
        }
        self.fields = fields
    }
}

/// The sample events, geocoded once for every output test.
package enum DemoEvents {
    package static let geocoded: GeocodedEvents = try! GeocodedEvents.load(
        path: TestPaths.geodata + "/samples/events.csv", reference: SharedGeoData.reference, workers: 2)

    /// Every layer of the demo: events, origins, links, districts, provinces, border segments, and a corridor.
    package static func layers(context: GEOSContext = GEOSContext()) throws -> LayerSet {
        let corridorShape = try Geometry(wkt: "POLYGON((69 33, 72 33, 72 35.5, 69 35.5, 69 33))", in: context)
        return try EventLayers.build(geocoded.events, reference: try SharedGeoData.prepared(),
                                     corridor: EventLayers.Corridor(polygon: corridorShape, km: 50))
    }
}
