import Dispatch
import GeoKit
import EventModel
import EventFormats
import GeoReference

/// A grid prefilter over the polygons' extent. Every cell is decided once, by GEOS, as
/// - wholly inside polygon p: p's prepared `containsProperly` holds for the cell rectangle and no
///   lower-index polygon intersects it, so every point in the cell belongs to p;
/// - wholly outside: no polygon intersects the cell rectangle (or the point lies outside the extent);
/// - mixed: the cell keeps the ascending list of polygons that intersect it, and each of its points is
///   handed to GEOS (prepared `covers`, lowest index first).
/// Cell rectangles are widened by a tiny margin so rounding in the point → cell arithmetic can never
/// put a point in a cell whose decision does not hold for it. There is no point-in-polygon code here.
///
/// Cells are decided coarse to fine: a top grid whose cells get STR-tree candidates, each mixed
/// cell split in four until the finest level, so only cells along polygon edges cost GEOS work.
public struct PointGrid: Sendable {
    /// What the grid knows about one cell.
    public enum Cell: Equatable, Sendable {
        case inside(Int)
        case outside
        case mixed([Int])
    }

    public let minX, minY, maxX, maxY: Double
    public let columns, rows: Int
    public let cellWidth, cellHeight: Double
    /// How far each cell rectangle was widened on every side before GEOS decided it.
    public let margin: Double
    let inverseWidth, inverseHeight: Double
    /// ≥ 0: inside that polygon; -1: outside every polygon; ≤ -2: mixed, list number -(code + 2).
    let codes: [Int32]
    let listStarts: [Int32]
    let listItems: [Int32]

    public static let outsideCode: Int32 = -1

    /// A grid that decides nothing (every point in the extent is mixed over all polygons); for tests and tiny inputs.
    public init(undecidedOver boundaries: PointJoinBoundaries) {
        let e = boundaries.extent ?? Envelope(minX: 0, minY: 0, maxX: 0, maxY: 0)
        self.init(extent: e, columns: 1, rows: 1, codes: [boundaries.count == 0 ? -1 : -2],
                  listStarts: [0, Int32(boundaries.count)], listItems: (0..<boundaries.count).map(Int32.init))
    }

    init(extent e: Envelope, columns: Int, rows: Int, codes: [Int32], listStarts: [Int32], listItems: [Int32]) {
        minX = e.minX; minY = e.minY; maxX = e.maxX; maxY = e.maxY
        self.columns = columns
        self.rows = rows
        cellWidth = max(e.width, 1e-12) / Double(columns)
        cellHeight = max(e.height, 1e-12) / Double(rows)
        inverseWidth = 1 / cellWidth
        inverseHeight = 1 / cellHeight
        margin = 1e-9 * max(1, abs(e.minX), abs(e.maxX), abs(e.minY), abs(e.maxY))
        self.codes = codes
        self.listStarts = listStarts
        self.listItems = listItems
    }

    public var cellCount: Int { codes.count }
    public var mixedCellCount: Int { listStarts.count - 1 }

    /// The cell code of a point (finite lon/lat): see `codes`.
    @inline(__always)
    func code(x: Double, y: Double) -> Int32 {
        guard x >= minX, x <= maxX, y >= minY, y <= maxY else { return Self.outsideCode }
        let column = min(Int((x - minX) * inverseWidth), columns - 1)
        let row = min(Int((y - minY) * inverseHeight), rows - 1)
        return codes[row * columns + column]
    }

    /// The grid as the hot loop reads it: plain values and a pointer, nothing retained per point.
    struct Lookup {
        let minX, minY, maxX, maxY, inverseWidth, inverseHeight: Double
        let columns, rows: Int
        let codes: UnsafePointer<Int32>

        @inline(__always)
        func code(x: Double, y: Double) -> Int32 {
            guard x >= minX, x <= maxX, y >= minY, y <= maxY else { return PointGrid.outsideCode }
            let column = min(Int((x - minX) * inverseWidth), columns - 1)
            let row = min(Int((y - minY) * inverseHeight), rows - 1)
            return codes[row * columns + column]
        }
    }

    func withLookup<R>(_ body: (Lookup) throws -> R) rethrows -> R {
        try codes.withUnsafeBufferPointer { codes in
            try body(Lookup(minX: minX, minY: minY, maxX: maxX, maxY: maxY, inverseWidth: inverseWidth, inverseHeight: inverseHeight,
                            columns: columns, rows: rows, codes: codes.baseAddress!))
        }
    }

    public func cell(column: Int, row: Int) -> Cell {
        decode(codes[row * columns + column])
    }

    public func cell(x: Double, y: Double) -> Cell {
        decode(code(x: x, y: y))
    }

    package func decode(_ code: Int32) -> Cell {
        if code >= 0 { return .inside(Int(code)) }
        if code == Self.outsideCode { return .outside }
        let list = Int(-(code + 2))
        return .mixed(listItems[Int(listStarts[list])..<Int(listStarts[list + 1])].map(Int.init))
    }

    /// The rectangle GEOS decided for a cell: its edges widened by `margin`.
    public func decidedRectangle(column: Int, row: Int) -> Envelope {
        rectangle(column0: column, row0: row, column1: column + 1, row1: row + 1)
    }

    func rectangle(column0: Int, row0: Int, column1: Int, row1: Int) -> Envelope {
        Envelope(minX: minX + Double(column0) * cellWidth - margin, minY: minY + Double(row0) * cellHeight - margin,
                 maxX: minX + Double(column1) * cellWidth + margin, maxY: minY + Double(row1) * cellHeight + margin)
    }

    // MARK: Building

    /// Decides a grid of `topCells` × `topCells` cells, each split `levels` times where polygon edges
    /// cross it (finest grid: topCells · 2^levels per side). Top cells are shared out among `workers`,
    /// each deciding with its own GEOS context, in parallel.
    public static func build(_ boundaries: PointJoinBoundaries, workers: [PointJoinPolygons],
                             topCells: Int = 16, levels: Int) throws -> PointGrid {
        guard let extent = boundaries.extent, !workers.isEmpty else {
            return PointGrid(undecidedOver: boundaries)
        }
        let side = topCells << levels
        let frame = PointGrid(extent: extent, columns: side, rows: side, codes: [], listStarts: [0], listItems: [])
        let blockSide = 1 << levels
        let topCount = topCells * topCells
        let workerCount = workers.count
        let slots = ResultSlots<[GridBlock]>(count: workerCount)
        let pool = GridBuilders(workers)
        DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
            do {
                var blocks: [GridBlock] = []
                for top in stride(from: worker, to: topCount, by: workerCount) {
                    blocks.append(try pool.decide(frame, topColumn: top % topCells, topRow: top / topCells,
                                                  blockSide: blockSide, worker: worker))
                }
                slots.set(worker, .success(blocks))
            } catch {
                slots.set(worker, .failure(error))
            }
        }
        var codes = [Int32](repeating: outsideCode, count: side * side)
        var listStarts: [Int32] = [0]
        var listItems: [Int32] = []
        for block in try slots.values().joined() {
            let listBase = Int32(listStarts.count - 1)
            for row in 0..<blockSide {
                for column in 0..<blockSide {
                    var code = block.codes[row * blockSide + column]
                    if code <= -2 { code = -((-(code + 2) + listBase) + 2) }
                    codes[(block.row0 + row) * side + block.column0 + column] = code
                }
            }
            for list in block.lists {
                listItems += list
                listStarts.append(Int32(listItems.count))
            }
        }
        return PointGrid(extent: extent, columns: side, rows: side, codes: codes, listStarts: listStarts, listItems: listItems)
    }

    /// The number of levels that keeps the grid's GEOS work small next to the points' own:
    /// finer grids for more points.
    public static func levels(forExpectedPoints points: Int) -> Int {
        switch points {
        case ..<5_000: 0
        case ..<50_000: 2
        case ..<300_000: 4
        default: 5
        }
    }
}

/// The decided cells of one top cell, in local coordinates, with local mixed lists.
struct GridBlock: Sendable {
    let column0, row0, side: Int
    var codes: [Int32]
    var lists: [[Int32]] = []
}

/// The per-worker GEOS objects used to decide grid cells.
final class GridBuilders: @unchecked Sendable {
    // Safe: `decide(…, worker: i)` runs on worker i's polygons only, and concurrentPerform gives each worker
    // index to one thread; the GEOS contexts are never used by two threads at once.
    private let workers: [PointJoinPolygons]

    init(_ workers: [PointJoinPolygons]) { self.workers = workers }

    func decide(_ frame: PointGrid, topColumn: Int, topRow: Int, blockSide: Int, worker: Int) throws -> GridBlock {
        let polygons = workers[worker]
        let column0 = topColumn * blockSide, row0 = topRow * blockSide
        var block = GridBlock(column0: column0, row0: row0, side: blockSide, codes: [Int32](repeating: PointGrid.outsideCode, count: blockSide * blockSide))
        let top = frame.rectangle(column0: column0, row0: row0, column1: column0 + blockSide, row1: row0 + blockSide)
        let candidates = polygons.tree.candidates(intersecting: try Geometry.rectangle(top, in: polygons.context)).map(Int32.init)
        try decide(frame, polygons, column: 0, row: 0, side: blockSide, candidates: candidates, into: &block)
        return block
    }

    private func decide(_ frame: PointGrid, _ polygons: PointJoinPolygons, column: Int, row: Int, side: Int,
                        candidates: [Int32], into block: inout GridBlock) throws {
        guard !candidates.isEmpty else { return } // already "outside"
        let envelope = frame.rectangle(column0: block.column0 + column, row0: block.row0 + row,
                                       column1: block.column0 + column + side, row1: block.row0 + row + side)
        let rectangle = try Geometry.rectangle(envelope, in: polygons.context)
        var touching: [Int32] = []
        for index in candidates where try polygons.prepared[Int(index)].intersects(rectangle) { touching.append(index) }
        guard let first = touching.first else { return }
        let code: Int32
        if try polygons.prepared[Int(first)].containsProperly(rectangle) {
            // No lower-index polygon touches the cell (they would be in `touching` before `first`).
            code = first
        } else if side > 1 {
            let half = side / 2
            for (dc, dr) in [(0, 0), (half, 0), (0, half), (half, half)] {
                try decide(frame, polygons, column: column + dc, row: row + dr, side: half, candidates: touching, into: &block)
            }
            return
        } else {
            block.lists.append(touching)
            code = -Int32(block.lists.count - 1) - 2
        }
        let width = block.side
        for r in row..<(row + side) {
            for c in column..<(column + side) { block.codes[r * width + c] = code }
        }
    }
}
