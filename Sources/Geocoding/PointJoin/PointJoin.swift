import Dispatch
import Foundation
import GeoKit
import EventModel
import EventFormats
import GeoReference

/// `eventmap geocode --boundaries POLYS.geojson POINTS.csv -o OUT`: the fast path that assigns plain
/// `id,lon,lat` points to the polygons of a GeoJSON file, apart from the event pipeline.
///
/// - Input is read in blocks of whole lines; each round hands one block to each worker. Workers parse
///   bytes in place (no allocation per row), decide points with `PointGrid` (cells wholly inside one
///   polygon or outside all of them) or, for the rest, with GEOS prepared `covers` in their own context,
///   and format their output rows; the blocks' outputs are written in input order.
/// - A point on a shared edge, or in overlapping polygons, goes to the lowest polygon index (file order).
/// - Every data line ends in the output or in the rejects file (with its line number); blank lines are counted.
/// - Output and rejects are written to temporary files and renamed into place.
public enum PointJoin {
    public struct Options: Sendable {
        public var boundaries: String
        public var idField = "id"
        public var input: String
        public var output: String
        public var rejects: String?
        public var precision = 6
        /// Spreadsheet-safe CSV ids and rejects (`CSVCell`); false copies them as read.
        public var neutralizeFormulas = true
        public var workers = ProcessInfo.processInfo.activeProcessorCount
        /// Bytes of input per block (one block per worker per round).
        public var blockBytes = 1 << 20
        /// Grid refinement levels; nil picks them from the input size.
        public var gridLevels: Int?
        /// Called after each phase with its name and the milliseconds since the phase's run began (for tuning).
        public var onPhase: (@Sendable (String, Double) -> Void)?

        public init(boundaries: String, input: String, output: String) {
            self.boundaries = boundaries
            self.input = input
            self.output = output
        }

        public var rejectsPath: String {
            if let rejects { return rejects }
            return URL(fileURLWithPath: output).deletingPathExtension().path + ".rejects.csv"
        }
    }

    public struct Summary: Sendable, CustomStringConvertible {
        public var polygons = 0
        public var invalidPolygons = 0
        public var rows = 0
        public var inside = 0
        public var outside = 0
        public var rejects = 0
        public var blankLines = 0
        public var decidedByGrid = 0
        public var gridCells = 0
        public var mixedCells = 0
        public var output = ""
        public var rejectsPath = ""

        public var description: String {
            var lines = ["read \(rows) rows: \(inside) inside a polygon, \(outside) outside every polygon, \(rejects) rejected"
                + (rejects > 0 ? " (see \(rejectsPath))" : "") + (blankLines > 0 ? "; \(blankLines) blank lines skipped" : "")]
            let share = rows > 0 ? Double(decidedByGrid) / Double(rows) * 100 : 0
            lines.append("  \(polygons) polygons; grid of \(gridCells) cells (\(mixedCells) along edges) decided \(String(format: "%.1f", share))% of the points, GEOS the rest")
            if invalidPolygons > 0 {
                lines.append("  note: \(invalidPolygons) polygons are not valid geometries; points near their defects may be assigned differently by other tools")
            }
            lines.append("wrote \(output)")
            return lines.joined(separator: "\n")
        }
    }

    /// The join's own byte-level writers for the formats of the output table it supports.
    public static func format(of path: String) throws -> PointJoinFormat {
        switch try OutputFormat(path: path) {
        case .csv: return .csv
        case .geoJSON: return .geoJSON
        case .geoJSONSeq: return .geoJSONSeq
        case let other:
            throw OutputError(path: path, "the point join writes CSV or GeoJSON (.csv, .geojson, .geojsons), not \(other.name)")
        }
    }

    public static func run(_ options: Options) throws -> Summary {
        let format = try format(of: options.output)
        guard (0...15).contains(options.precision) else {
            throw OutputError(path: options.output, "coordinate precision \(options.precision) is out of range; use 0 to 15 decimals")
        }
        let t0 = DispatchTime.now().uptimeNanoseconds
        let boundaries = try PointJoinBoundaries.load(path: options.boundaries, idField: options.idField)
        options.phase("load boundaries", since: t0)
        return try run(options, boundaries: boundaries, format: format)
    }

    /// Joins with polygons already loaded.
    public static func run(_ options: Options, boundaries: PointJoinBoundaries, format: PointJoinFormat) throws -> Summary {
        let t0 = DispatchTime.now().uptimeNanoseconds
        let reader = try PointChunkReader(path: options.input)
        guard let header = try reader.headerLine() else {
            throw PointJoinError(file: options.input, "is empty; expected a header line such as id,lon,lat")
        }
        let columns = try PointColumns.parse(header: header, file: options.input)
        let workerCount = max(1, options.workers)

        // One GEOS context per worker, polygons rebuilt and prepared in each, in parallel.
        let made = ResultSlots<PointJoinPolygons>(count: workerCount)
        DispatchQueue.concurrentPerform(iterations: workerCount) { w in
            made.set(w, Result { try PointJoinPolygons(boundaries) })
        }
        let polygonSets = try made.values()
        options.phase("worker polygons", since: t0)
        let expected = reader.fileSize.map { Int($0 / 24) } ?? 1_000_000
        let grid = try PointGrid.build(boundaries, workers: polygonSets,
                                       levels: options.gridLevels ?? PointGrid.levels(forExpectedPoints: expected))
        options.phase("grid", since: t0)
        let workers = PointJoinWorkers(polygonSets.map {
            PointJoinWorker(polygons: $0, boundaries: boundaries, columns: columns, format: format, precision: options.precision,
                            neutralizeFormulas: options.neutralizeFormulas)
        })

        let rejectsPath = options.rejectsPath
        let out = try AtomicFile(path: options.output)
        let rejects: RejectWriter
        do { rejects = try RejectWriter(path: rejectsPath, neutralizeFormulas: options.neutralizeFormulas) } catch { out.discard(); throw error }
        var summary = Summary()
        summary.polygons = boundaries.count
        summary.invalidPolygons = boundaries.invalidCount
        summary.gridCells = grid.cellCount
        summary.mixedCells = grid.mixedCellCount
        summary.output = options.output
        summary.rejectsPath = rejectsPath
        do {
            switch format {
            case .csv: out.write("id,boundary_id\n")
            case .geoJSON: out.write("{\"type\":\"FeatureCollection\",\"features\":[")
            case .geoJSONSeq: break
            }
            let blocks = (0..<workerCount).map { _ in PointBlock(capacity: options.blockBytes) }
            var total = BlockTally()
            var nextLine = 2 // line 1 is the header
            var firstFeature = true
            while true {
                var filled = 0
                while filled < workerCount, reader.next(into: blocks[filled], target: options.blockBytes) { filled += 1 }
                if filled == 0 { break }
                DispatchQueue.concurrentPerform(iterations: filled) { w in
                    workers.process(blocks[w], worker: w, grid: grid)
                }
                for w in 0..<filled {
                    let worker = workers.worker(w)
                    for reject in worker.rejects {
                        rejects.write(Reject(file: options.input, line: nextLine + reject.lineInBlock - 1, field: reject.field,
                                             reason: reject.reason, category: reject.category, raw: reject.raw))
                    }
                    nextLine += worker.tally.lines
                    total.add(worker.tally)
                    worker.output.withUnsafeBytes { bytes in
                        var bytes = bytes
                        if format == .geoJSON, firstFeature, !bytes.isEmpty {
                            bytes = UnsafeRawBufferPointer(rebasing: bytes.dropFirst()) // the leading comma
                            firstFeature = false
                        }
                        out.write(contentsOf: bytes)
                    }
                }
            }
            if format == .geoJSON {
                out.write("\n]")
                if total.minX <= total.maxX {
                    out.write(",\"bbox\":[")
                    out.withBuffer { buffer in
                        for (i, v) in [total.minX, total.minY, total.maxX, total.maxY].enumerated() {
                            if i > 0 { buffer.append(UInt8(ascii: ",")) }
                            NumberFormatting.append(v, decimals: options.precision, to: &buffer)
                        }
                    }
                    out.write("]")
                }
                out.write("}\n")
            }
            options.phase("rows", since: t0)
            summary.rows = total.rows
            summary.inside = total.inside
            summary.outside = total.outside
            summary.rejects = rejects.count
            summary.blankLines = total.blank
            summary.decidedByGrid = total.decidedByGrid
            try out.commit()
            try rejects.commit()
            options.phase("commit", since: t0)
        } catch {
            out.discard()
            rejects.discard()
            throw error
        }
        return summary
    }
}

/// The workers of one join, each used by one thread at a time.
final class PointJoinWorkers: @unchecked Sendable {
    // Safe: in a round, `process(_, worker: w, …)` runs worker w only, and concurrentPerform gives each index to one
    // thread; the main thread reads a worker's results only after concurrentPerform has returned.
    private let workers: [PointJoinWorker]

    init(_ workers: [PointJoinWorker]) { self.workers = workers }

    func process(_ block: PointBlock, worker w: Int, grid: PointGrid) {
        workers[w].process(UnsafeBufferPointer(start: block.bytes.baseAddress, count: block.length), grid: grid)
    }

    func worker(_ w: Int) -> PointJoinWorker { workers[w] }
}

extension PointJoin.Options {
    func phase(_ name: String, since t0: UInt64) {
        onPhase?(name, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
    }
}
