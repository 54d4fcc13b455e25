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
        public var pdf = false
        /// Resolution of the PNG.
        public var dpi = 96.0
        /// Where rejected rows go; nil to only count them.
        public var rejects: String?
        /// Spreadsheet-safe rejects CSV (`CSVCell`); false writes cells as read.
        public var neutralizeFormulas = true

        public init(input: String, output: String) {
            self.input = input
            self.output = output
        }

        /// The PNG beside the SVG: `map.svg` → `map.png`.
        public var pngPath: String { URL(fileURLWithPath: output).deletingPathExtension().path + ".png" }
        /// The PDF beside the SVG: `map.svg` → `map.pdf`.
        public var pdfPath: String { URL(fileURLWithPath: output).deletingPathExtension().path + ".pdf" }
    }

    public struct Summary: Sendable, CustomStringConvertible {
        public var read = EventReadSummary()
        public var filteredOut = 0
        public var map = SVGMapResult()
        public var outputs: [String] = []
        public var bytes = 0
        public var seconds = 0.0
        /// Reading and geocoding, and drawing the SVG, apart.
        public var geocodeSeconds = 0.0
        public var renderSeconds = 0.0

        public var description: String {
            var lines = ["read \(read.rowsRead) rows: \(read.events) events, \(read.rejects) rejected"]
            if filteredOut > 0 { lines.append("  \(filteredOut) events outside the date filter") }
            lines.append("mapped \(map.eventsDrawn) events in \(map.panels) panel\(map.panels == 1 ? "" : "s") as \(map.symbols.rawValue)"
                + (map.insetSymbols.map { " (inset: \($0.rawValue))" } ?? "") + ", \(map.linksDrawn) origin links"
                + (map.eventsWithoutPoint > 0 ? "; \(map.eventsWithoutPoint) without a point to district precision (not drawn)" : "")
                + (map.eventsOutsideFrame > 0 ? "; \(map.eventsOutsideFrame) outside the map frame" : ""))
            if map.eventsCoarse > 0 { lines.append("  \(map.eventsCoarse) located only to a province or country: counted in the margin, not drawn") }
            if map.groupBasesDrawn > 0 { lines.append("  \(map.groupBasesDrawn) reported group bases drawn (the group-bases option)") }
            lines.append(String(format: "  geocoded in %.2f s, drew in %.2f s", geocodeSeconds, renderSeconds))
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
            try RejectWriter.write(rejects, to: path, neutralizeFormulas: options.neutralizeFormulas)
            summary.outputs.append(path)
        }
        if let why = GeocodedEvents(events: events, rejects: rejects, summary: read).nothingGeocoded {
            throw NothingGeocoded(reason: why)
        }
        let compiled = try options.map.filter.compiled(names: NameGeocoder(gazetteer: gazetteer), gazetteer: gazetteer)
        let kept = events.filter(compiled.matches)
        summary.filteredOut = events.count - kept.count
        var map = options.map
        if map.displayOutlines == nil { map.displayOutlines = DisplayOutlines.load(geodata: reference.directory, matching: boundaries) }
        if map.eventSource.isEmpty { map.eventSource = URL(fileURLWithPath: options.input).lastPathComponent }
        summary.geocodeSeconds = Date().timeIntervalSince(started)
        let drawing = Date()
        summary.map = try SVGMapRenderer.write(kept, gazetteer: gazetteer, boundaries: boundaries, options: map, to: options.output)
        summary.renderSeconds = Date().timeIntervalSince(drawing)
        summary.outputs.append(options.output)
        summary.bytes = fileSize(options.output)
        if options.png {
            try writePNG(svg: options.output, png: options.pngPath, dpi: options.dpi)
            summary.outputs.append(options.pngPath)
        }
        if options.pdf {
            try writePDF(svg: options.output, pdf: options.pdfPath)
            summary.outputs.append(options.pdfPath)
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// Resolution of the demo's PNGs (print quality).
    public static let demoDPI = 300.0

    /// The demo's maps of the sample events: `map.svg` (four provinces, events, origins, cross-border links) and
    /// `map-by-year.svg` (one panel per year), each with a vector PDF and a 300-dpi PNG when rsvg-convert is present.
    /// Returns the paths written.
    public static func writeDemoMaps(_ events: [GeocodedEvent], to directory: String, reference: ReferenceData) throws -> [String] {
        let (gazetteer, boundaries) = (reference.gazetteer, reference.boundaries)
        let display = DisplayOutlines.load(geodata: reference.directory, matching: boundaries)
        var written: [String] = []
        for (file, facet) in [("map.svg", false), ("map-by-year.svg", true)] {
            var options = SVGMapOptions()
            options.eventSource = "GeoData/samples/events.csv (illustrative sample of public reporting, not a dataset)"
            options.facetByYear = facet
            options.displayOutlines = display
            if facet { options.title = "Reported conflict events by year, Afghanistan–Pakistan border region" }
            let path = directory + "/" + file
            try SVGMapRenderer.write(events, gazetteer: gazetteer, boundaries: boundaries, options: options, to: path)
            written.append(path)
            if rsvgConvert() != nil {
                let base = URL(fileURLWithPath: path).deletingPathExtension().path
                try writePDF(svg: path, pdf: base + ".pdf")
                try writePNG(svg: path, png: base + ".png", dpi: demoDPI)
                written += [base + ".pdf", base + ".png"]
            }
        }
        return written
    }

    // MARK: Print outputs

    /// The `rsvg-convert` on PATH, if any (`PrintRenderer.rsvgConvert`).
    public static func rsvgConvert() -> String? { PrintRenderer.rsvgConvert() }

    /// Renders an SVG to PNG at `dpi` with librsvg's `rsvg-convert` (written beside, then renamed into place).
    public static func writePNG(svg: String, png: String, dpi: Double = 96) throws {
        try PrintRenderer.write(svg: svg, to: png, format: .png, dpi: dpi)
    }

    /// Renders an SVG to a vector PDF at the drawing's size.
    public static func writePDF(svg: String, pdf: String) throws {
        try PrintRenderer.write(svg: svg, to: pdf, format: .pdf)
    }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.intValue ?? 0
    }
}
