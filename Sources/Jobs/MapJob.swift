import Foundation
import GeoKit
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis
import Cartography

/// `eventmap map`: reads and geocodes an events file in memory (the same reader, worker pool and geocoder as
/// `GeocodeJob`), filters by date and draws the SVG map; optionally a PNG through `rsvg-convert`.
public enum MapJob {
    public struct Options: Sendable {
        public var input: String
        public var output: String
        public var map = SVGMapOptions()
        /// How the input is read: column map, source profile, date order, encoding.
        public var reading = ReadOptions()
        public var columnMap: ColumnMap {
            get { reading.columnMap }
            set { reading.columnMap = newValue }
        }
        public var workers = ProcessInfo.processInfo.activeProcessorCount
        public var png = false
        /// Where rejected rows go; nil to only count them.
        public var rejects: String?

        public init(input: String, output: String) {
            self.input = input
            self.output = output
        }

        /// The PNG beside the SVG: `map.svg` → `map.png`.
        public var pngPath: String { URL(fileURLWithPath: output).deletingPathExtension().path + ".png" }
    }

    public struct Summary: Sendable, CustomStringConvertible {
        public var read = EventReadSummary()
        public var filteredOut = 0
        public var map = SVGMapResult()
        public var outputs: [String] = []
        public var bytes = 0
        public var seconds = 0.0

        public var description: String {
            var lines = ["read \(read.rowsRead) rows: \(read.events) events, \(read.rejects) rejected"]
            if filteredOut > 0 { lines.append("  \(filteredOut) events outside the date filter") }
            lines.append("mapped \(map.eventsDrawn) events in \(map.panels) panel\(map.panels == 1 ? "" : "s"), \(map.linksDrawn) origin links"
                + (map.eventsWithoutPoint > 0 ? "; \(map.eventsWithoutPoint) without a point to district precision (not drawn)" : "")
                + (map.eventsOutsideFrame > 0 ? "; \(map.eventsOutsideFrame) outside the map frame" : ""))
            if !map.labelsDropped.isEmpty {
                let names = Array(NSOrderedSet(array: map.labelsDropped)).compactMap { $0 as? String }
                lines.append("  labels left out for lack of room (\(map.labelsDropped.count)): " + names.prefix(12).joined(separator: ", ") + (names.count > 12 ? " …" : ""))
            }
            for path in outputs { lines.append("wrote \(path)") }
            return lines.joined(separator: "\n")
        }
    }

    /// Reads and geocodes every row of `input` in memory: events in input order, and the rejected rows.
    /// Shares `GeocodedEvents.load` (reader, worker pool, geocoder) with the other in-memory commands.
    public static func geocode(input: String, columnMap: ColumnMap = ColumnMap(), workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                               reference: ReferenceData)
        throws -> (events: [GeocodedEvent], rejects: [Reject], read: EventReadSummary) {
        try geocode(input: input, reading: ReadOptions(columnMap: columnMap), workers: workers, reference: reference)
    }

    public static func geocode(input: String, reading: ReadOptions, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                               reference: ReferenceData)
        throws -> (events: [GeocodedEvent], rejects: [Reject], read: EventReadSummary) {
        let loaded = try GeocodedEvents.load(path: input, reference: reference, reading: reading, workers: workers)
        return (loaded.events, loaded.rejects, loaded.summary)
    }

    public static func run(_ options: Options, reference: ReferenceData) throws -> Summary {
        let started = Date()
        var summary = Summary()
        let (gazetteer, boundaries) = (reference.gazetteer, reference.boundaries)
        let (events, rejects, read) = try geocode(input: options.input, reading: options.reading, workers: options.workers,
                                                  reference: reference)
        summary.read = read
        if let path = options.rejects {
            try RejectWriter.write(rejects, to: path)
            summary.outputs.append(path)
        }
        if let why = GeocodedEvents(events: events, rejects: rejects, summary: read).nothingGeocoded {
            throw NothingGeocoded(reason: why)
        }
        let compiled = try options.map.filter.compiled(names: NameGeocoder(gazetteer: gazetteer), gazetteer: gazetteer)
        let kept = events.filter(compiled.matches)
        summary.filteredOut = events.count - kept.count
        var map = options.map
        if map.eventSource.isEmpty { map.eventSource = URL(fileURLWithPath: options.input).lastPathComponent }
        summary.map = try SVGMapRenderer.write(kept, gazetteer: gazetteer, boundaries: boundaries, options: map, to: options.output)
        summary.outputs.append(options.output)
        summary.bytes = fileSize(options.output)
        if options.png {
            try writePNG(svg: options.output, png: options.pngPath)
            summary.outputs.append(options.pngPath)
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// The demo's maps of the sample events: `map.svg` (four provinces, events, origins, cross-border links) and
    /// `map-by-year.svg` (one panel per year), each with a PNG when rsvg-convert is present. Returns the paths written.
    public static func writeDemoMaps(_ events: [GeocodedEvent], to directory: String, gazetteer: Gazetteer, boundaries: BoundaryData) throws -> [String] {
        var written: [String] = []
        for (file, facet) in [("map.svg", false), ("map-by-year.svg", true)] {
            var options = SVGMapOptions()
            options.eventSource = "GeoData/samples/events.csv (illustrative sample of public reporting, not a dataset)"
            options.facetByYear = facet
            if facet { options.title = "Reported conflict events by year, Afghanistan–Pakistan border region" }
            let path = directory + "/" + file
            try SVGMapRenderer.write(events, gazetteer: gazetteer, boundaries: boundaries, options: options, to: path)
            written.append(path)
            if rsvgConvert() != nil {
                let png = URL(fileURLWithPath: path).deletingPathExtension().path + ".png"
                try writePNG(svg: path, png: png)
                written.append(png)
            }
        }
        return written
    }

    // MARK: PNG

    /// The `rsvg-convert` on PATH (or in /usr/bin, /usr/local/bin), if any.
    public static func rsvgConvert() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"] {
            let candidate = directory + "/rsvg-convert"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Renders an SVG to PNG with librsvg's `rsvg-convert` (written beside, then renamed into place).
    public static func writePNG(svg: String, png: String, zoom: Double = 1) throws {
        guard let tool = rsvgConvert() else {
            throw MapError("--png needs rsvg-convert, which is not installed; install librsvg2-bin (apt-get install librsvg2-bin, or Scripts/setup --test) or leave out --png. The SVG was written: \(svg)")
        }
        let url = URL(fileURLWithPath: png)
        let temporary = url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".tmp-\(getpid())"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["--format", "png", "--zoom", NumberFormatting.string(zoom, decimals: 3), "--background-color", "white", "--output", temporary, svg]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw MapError("rsvg-convert could not render \(svg) (exit \(process.terminationStatus)): \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        if rename(temporary, png) != 0 {
            try? FileManager.default.removeItem(atPath: temporary)
            throw OutputError(path: png, "cannot move the finished PNG into place: \(String(cString: strerror(errno)))")
        }
    }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.intValue ?? 0
    }
}
