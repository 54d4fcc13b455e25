import Foundation
@testable import EventFormats
@testable import Jobs

/// Runs the geocode job on CSV rows under a fixed header (the columns most tests need).
package struct GeocodeRows {
    package init() {}

    package static let header = "event_id,event_date,event_type,location,admin2,admin1,country,latitude,longitude,group,attribution,attributed_by,origin,fatalities,sources"

    /// Runs the job on CSV text; returns the summary and the output and rejects as rows keyed by column.
    package func run(_ rows: [String], output name: String = "out.csv") throws -> (GeocodeJob.Summary, [[String: String]], [[String: String]]) {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = directory + "/events.csv"
        try ([Self.header] + rows).joined(separator: "\n").appending("\n").write(toFile: input, atomically: true, encoding: .utf8)
        var options = GeocodeJob.Options(input: input, output: directory + "/" + name)
        options.workers = 2
        let summary = try GeocodeJob.run(options, reference: SharedGeoData.reference)
        return (summary, try table(options.output), try table(options.rejectsPath))
    }

    package func table(_ path: String) throws -> [[String: String]] {
        guard path.hasSuffix(".csv") else { return [] }
        let csv = try CSVTable(path: path)
        return csv.rows.map { row in Dictionary(uniqueKeysWithValues: csv.header.map { ($0, csv.value(row, $0)) }) }
    }
}
