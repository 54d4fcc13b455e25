import Benchmark
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis
import Cartography
import Jobs
import Foundation

// CSV reading: the streaming RFC 4180 `CSVReader` over an id,lon,lat file and over a quoted, wider one.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(10),
        maxIterations: 20
    )

    Benchmark("CSVReader 1M id,lon,lat rows", configuration: .init(scalingFactor: .mega)) { benchmark in
        let path = try CSVFiles.make(rows: 1_000_000, wide: false)
        benchmark.startMeasurement()
        var fields = 0
        for result in try CSVReader(path: path) {
            if case let .success(record) = result { fields += record.fields.count }
        }
        blackHole(fields)
    }

    Benchmark("CSVReader 100k quoted event rows", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let path = try CSVFiles.make(rows: 100_000, wide: true)
        benchmark.startMeasurement()
        var fields = 0
        for result in try CSVReader(path: path) {
            if case let .success(record) = result { fields += record.fields.count }
        }
        blackHole(fields)
    }
}

enum CSVFiles {
    static func make(rows: Int, wide: Bool) throws -> String {
        let path = NSTemporaryDirectory() + "eventmap-bench-csv-\(rows)-\(wide).csv"
        if FileManager.default.fileExists(atPath: path) { return path }
        var text = wide ? "event_id,event_date,location,latitude,longitude,notes\n" : "id,lon,lat\n"
        for i in 0..<rows {
            let lon = 60.8 + Double(i % 11_800) / 1000, lat = 24.8 + Double(i % 11_200) / 1000
            text += wide
                ? "EV\(i),2023-05-\(i % 28 + 1),\"Khar, Bajaur\",\(lat),\(lon),\"said \"\"unconfirmed\"\" by officials\"\n"
                : "\(i),\(lon),\(lat)\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
