import Foundation
import GeoKit
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis
import Cartography

/// `eventmap geocode`: streams events from a file, geocodes them on every core (one GEOS context per
/// worker) and writes each row to exactly one place: the output (CSV or GeoJSON) or the rejects file.
public enum GeocodeJob {
    public struct Options: Sendable {
        public var input: String
        public var output: String
        public var rejects: String?
        /// How the input is read: column map, source profile, date order, encoding.
        public var reading = ReadOptions()
        public var columnMap: ColumnMap {
            get { reading.columnMap }
            set { reading.columnMap = newValue }
        }
        /// How values are written: coordinate decimals and spreadsheet-safe CSV.
        public var writing = OutputOptions()
        public var conflictKm = 25.0
        public var workers = ProcessInfo.processInfo.activeProcessorCount
        public var batchSize = 4096

        public init(input: String, output: String) {
            self.input = input
            self.output = output
        }

        /// Where rejects go when not named: beside the output, `NAME.rejects.csv`.
        public var rejectsPath: String {
            if let rejects { return rejects }
            let url = URL(fileURLWithPath: output)
            return url.deletingPathExtension().path + ".rejects.csv"
        }
    }

    public struct Summary: Sendable, CustomStringConvertible {
        public var read = EventReadSummary()
        public var byMethod: [String: Int] = [:]
        public var byPrecision: [Int: Int] = [:]
        public var ambiguous = 0
        public var unresolved = 0
        public var conflicts = 0
        public var outsideCoverage = 0
        public var originsGeocoded = 0
        public var output = ""
        public var rejectsPath = ""

        public var geocoded: Int { read.events - unresolved }

        /// Why nothing was geocoded, in words, when nothing was: every row rejected (the top reasons), or every
        /// event unresolved. Nil when at least one row was geocoded. The command line exits non-zero then.
        public var nothingGeocoded: String? {
            guard geocoded == 0 else { return nil }
            if read.rowsRead == 0 { return "no row was geocoded: the input has no event rows" }
            var why = "no row was geocoded: \(read.rejects) of \(read.rowsRead) rows rejected"
            if read.events > 0 { why += ", \(unresolved) events could not be placed" }
            let reasons = read.topRejectReasons()
            if !reasons.isEmpty { why += "; top reasons: " + reasons.joined(separator: "; ") }
            return why
        }

        public var description: String {
            var lines = ["read \(read.rowsRead) rows: \(read.events) events, \(read.rejects) rejected" + (read.rejects > 0 ? " (see \(rejectsPath))" : "")]
            if !read.rejectsByCategory.isEmpty {
                lines.append("  rejected: " + read.rejectsByCategory.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", "))
            }
            lines.append("geocoded \(geocoded) of \(read.events): " + byMethod.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            lines.append("  precision: " + byPrecision.keys.sorted().map { "\($0): \(byPrecision[$0]!)" }.joined(separator: ", "))
            lines.append("  ambiguous \(ambiguous), unresolved \(unresolved), coordinate/name conflicts \(conflicts), outside coverage \(outsideCoverage), origins geocoded \(originsGeocoded)")
            lines.append("wrote \(output)")
            return lines.joined(separator: "\n")
        }
    }

    public static func run(_ options: Options, reference: ReferenceData, progress: ((Int) -> Void)? = nil) throws -> Summary {
        let pipeline = try GeocodingPipeline(reference: reference, workers: options.workers, conflictKm: options.conflictKm)
        let workers = pipeline.workers
        // Tearing down every worker's GEOS geometries takes longer than geocoding a small file: the last reference
        // goes to another thread (a process that exits first frees everything at once).
        defer { DispatchQueue.global(qos: .utility).async { [workers] in withExtendedLifetime(workers) {} } }
        let reader = try pipeline.reader(path: options.input, options: options.reading)
        let sink = try GeocodedEventSink(path: options.output, options: options.writing)
        let rejects = try RejectWriter(path: options.rejectsPath, neutralizeFormulas: options.writing.neutralizeFormulas)
        var summary = Summary()
        summary.output = options.output
        summary.rejectsPath = options.rejectsPath
        do {
            // Batch k is geocoded (and, for CSV, encoded) by the workers while this thread reads batch k + 1 and
            // writes batch k − 1: reading, geocoding and writing overlap.
            var rows = 0
            var batch: [Event] = []
            batch.reserveCapacity(options.batchSize)
            var running: (batch: PendingBatch, rows: Int)?
            func collect() throws {
                guard let (pending, rowsSoFar) = running else { return }
                running = nil
                let done = try pending.wait()
                if let first = done.items.first { try sink.begin(with: first) }
                if !batch.isEmpty { running = (workers.start(batch, encoder: sink.encoder), rows) }
                batch.removeAll(keepingCapacity: true)
                for slice in done.slices {
                    if let encoded = slice.encoded { try sink.write(encoded: encoded) }
                    for item in slice.items {
                        if slice.encoded == nil { try sink.write(item) }
                        count(item, into: &summary)
                    }
                }
                progress?(rowsSoFar)
            }
            func flush() throws {
                if running == nil {
                    running = (workers.start(batch, encoder: sink.encoder), rows)
                    batch.removeAll(keepingCapacity: true)
                } else {
                    try collect()
                }
            }
            for result in reader {
                rows += 1
                switch result {
                case let .event(event):
                    batch.append(event)
                    if batch.count >= options.batchSize { try flush() }
                case let .reject(reject):
                    rejects.write(reject)
                }
            }
            if !batch.isEmpty { try flush() }
            while running != nil { try collect() }
            summary.read = reader.summary
            try sink.finish()
            try rejects.commit()
        } catch {
            sink.discard()
            rejects.discard()
            throw error
        }
        return summary
    }

    /// Writes events already geocoded in memory (and their rejects) the way `run` writes a stream.
    public static func write(_ geocoded: GeocodedEvents, options: Options) throws -> Summary {
        let sink = try GeocodedEventSink(path: options.output, options: options.writing)
        var summary = Summary()
        summary.output = options.output
        summary.rejectsPath = options.rejectsPath
        summary.read = geocoded.summary
        do {
            for item in geocoded.events {
                try sink.write(item)
                count(item, into: &summary)
            }
            try sink.finish()
            try RejectWriter.write(geocoded.rejects, to: options.rejectsPath, neutralizeFormulas: options.writing.neutralizeFormulas)
        } catch {
            sink.discard()
            throw error
        }
        return summary
    }

    static func count(_ item: GeocodedEvent, into summary: inout Summary) {
        let location = item.location
        summary.byMethod[location.method, default: 0] += 1
        if let precision = location.geoPrecision { summary.byPrecision[precision.rawValue, default: 0] += 1 }
        if location.status == .ambiguous { summary.ambiguous += 1 }
        if location.status == .unresolved { summary.unresolved += 1 }
        if location.notes.contains(where: { $0.hasPrefix("conflict") }) { summary.conflicts += 1 }
        if location.outsideCoverage { summary.outsideCoverage += 1 }
        summary.originsGeocoded += item.origins.filter { $0.location.status != .unresolved }.count
    }

    /// A cheap test for "this point lies in the covered countries' extent", for the swapped-coordinates check.
    static func coverageBox(_ boundaries: BoundaryData) -> @Sendable (Coordinate) -> Bool {
        let context = GEOSContext()
        let box = boundaries.countries.filter { $0.id == "AFG" || $0.id == "PAK" }
            .compactMap { try? Geometry(wkb: $0.wkb, in: context).envelope }
            .reduce(nil as Envelope?) { $0?.union($1) ?? $1 }
        return { coordinate in box?.contains(coordinate) ?? false }
    }
}

/// What every geocoding run sets up once: the name geocoder, one `EventGeocoder` per worker, and readers
/// whose swapped-coordinates check knows the covered area. Shared by streaming and in-memory runs.
struct GeocodingPipeline {
    let workers: WorkerPool
    private let coverage: @Sendable (Coordinate) -> Bool

    init(reference: ReferenceData, workers count: Int, conflictKm: Double = 25) throws {
        // The name indexes and every worker's GEOS view are built at the same time, each on its own thread.
        let count = max(1, count)
        let names = ResultSlots<NameGeocoder>(count: 1)
        let prepared = ResultSlots<PreparedReference>(count: count)
        DispatchQueue.concurrentPerform(iterations: count + 1) { task in
            if task == count {
                names.set(0, .success(NameGeocoder(gazetteer: reference.gazetteer)))
            } else {
                prepared.set(task, Result { try PreparedReference(reference) })
            }
        }
        let shared = try names.values()[0]
        let views = try prepared.values()
        workers = WorkerPool(views.map { view in
            let geocoder = EventGeocoder(reference: view, names: shared)
            geocoder.conflictKm = conflictKm
            return geocoder
        })
        coverage = GeocodeJob.coverageBox(reference.boundaries)
    }

    func reader(path: String, options: ReadOptions) throws -> EventReader {
        let reader = try EventReader(path: path, options: options)
        reader.swappedCoordinateCheck = coverage
        return reader
    }
}

/// One `EventGeocoder` per worker, each with its own GEOS context, fed disjoint slices of a batch.
final class WorkerPool: @unchecked Sendable {
    // Safe: a batch runs worker i only on slice i, each geocoder (with its GEOS context) is used by that worker
    // alone, and a new batch starts only after the previous one was waited for (`PendingBatch.wait`).
    private let geocoders: [EventGeocoder]

    init(_ geocoders: [EventGeocoder]) {
        self.geocoders = geocoders
    }

    /// Geocodes a batch on every worker and waits for it.
    func geocode(_ events: [Event]) throws -> [GeocodedEvent] {
        try start(events, encoder: nil).wait().slices.flatMap(\.items)
    }

    /// Starts geocoding a batch, split into one slice per worker; when `encoder` is given, each worker also
    /// encodes its events as output records. Wait for the batch before starting another.
    func start(_ events: [Event], encoder: GeocodedEventEncoder?) -> PendingBatch {
        let workers = max(1, min(geocoders.count, events.count))
        let chunk = (events.count + workers - 1) / workers
        let slices = ResultSlots<GeocodedSlice>(count: workers)
        let group = DispatchGroup()
        for worker in 0..<workers {
            let range = min(events.count, worker * chunk)..<min(events.count, (worker + 1) * chunk)
            DispatchQueue.global().async(group: group) {
                slices.set(worker, Result {
                    var slice = GeocodedSlice(items: [], encoded: encoder.map { _ in [] })
                    slice.items.reserveCapacity(range.count)
                    for i in range {
                        let item = try self.geocoders[worker].geocode(events[i])
                        if let encoder { encoder.append(item, to: &slice.encoded!) }
                        slice.items.append(item)
                    }
                    return slice
                })
            }
        }
        return PendingBatch(group: group, slices: slices)
    }
}

/// The events of one worker's slice of a batch, and their encoded records when the workers encode.
struct GeocodedSlice: Sendable {
    var items: [GeocodedEvent]
    var encoded: [UInt8]?
}

/// A batch being geocoded.
final class PendingBatch {
    private let group: DispatchGroup
    private let slices: ResultSlots<GeocodedSlice>

    init(group: DispatchGroup, slices: ResultSlots<GeocodedSlice>) {
        self.group = group
        self.slices = slices
    }

    /// The slices in input order, once every worker has finished; throws the first error of any event.
    func wait() throws -> (items: [GeocodedEvent], slices: [GeocodedSlice]) {
        group.wait()
        let done = try slices.values()
        return (done.first?.items ?? [], done)
    }
}
