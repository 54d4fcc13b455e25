import GeoKit
import EventModel
import EventFormats
import GeoReference

#if canImport(Glibc)
import Glibc
#endif

/// What a point join writes.
public enum PointJoinFormat: Sendable {
    /// `id,boundary_id` CSV.
    case csv
    /// An RFC 7946 FeatureCollection of Point features with `id` and `boundary_id` properties.
    case geoJSON
    /// RFC 8142 GeoJSON text sequence: one RS-prefixed feature per line.
    case geoJSONSeq
}

/// A row of a block that became a reject; `lineInBlock` is 1-based within the block.
struct BlockReject: Sendable {
    let lineInBlock: Int
    let field: String?
    let reason: String
    let category: RejectCategory
    let raw: String
}

/// Counts and bounds of one block (or of a whole run, once merged).
struct BlockTally: Sendable {
    var lines = 0
    var rows = 0
    var blank = 0
    var inside = 0
    var outside = 0
    var decidedByGrid = 0
    var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity

    mutating func add(_ other: BlockTally) {
        lines += other.lines; rows += other.rows; blank += other.blank
        inside += other.inside; outside += other.outside; decidedByGrid += other.decidedByGrid
        minX = Swift.min(minX, other.minX); minY = Swift.min(minY, other.minY)
        maxX = Swift.max(maxX, other.maxX); maxY = Swift.max(maxY, other.maxY)
    }
}

/// One worker of a point join: its own GEOS context and prepared polygons, its own output buffer.
/// It parses a block of lines byte by byte, decides each point with the grid or GEOS, and formats the
/// output rows; nothing is allocated per row except for rejects and GEOS's transient points in mixed cells.
/// (A class around a struct, so the hot loop works on `self` as one exclusive access, not one per field.)
final class PointJoinWorker {
    var job: PointRowJob

    init(polygons: PointJoinPolygons, boundaries: PointJoinBoundaries, columns: PointColumns, format: PointJoinFormat, precision: Int,
         neutralizeFormulas: Bool) {
        job = PointRowJob(polygons: polygons, boundaries: boundaries, columns: columns, format: format, precision: precision,
                          neutralizeFormulas: neutralizeFormulas)
    }

    deinit { job.output.free() }

    func process(_ block: UnsafeBufferPointer<UInt8>, grid: PointGrid) { job.process(block, grid: grid) }
    var output: UnsafeRawBufferPointer { job.output.bytes }
    var rejects: [BlockReject] { job.rejects }
    var tally: BlockTally { job.tally }
}

/// A growable byte buffer written through a raw pointer: one capacity check per row, not per byte.
struct ByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    func free() { base.deallocate() }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    @inline(__always)
    mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: max(capacity * 2, count + extra))
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = max(capacity * 2, count + extra)
    }

    /// The appends below need room reserved first.
    @inline(__always)
    package mutating func append(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    @inline(__always)
    package mutating func append(_ source: UnsafePointer<UInt8>, _ length: Int) {
        (base + count).update(from: source, count: length)
        count += length
    }

    @inline(__always)
    package mutating func append(_ text: StaticString) {
        append(text.utf8Start, text.utf8CodeUnitCount)
    }

    @inline(__always)
    package mutating func append(_ value: Double, decimals: Int) {
        count += NumberFormatting.write(value, decimals: decimals, to: base + count)
    }
}

/// The state and hot loop of one worker.
struct PointRowJob {
    let polygons: PointJoinPolygons
    let columns: PointColumns
    let format: PointJoinFormat
    let precision: Int
    /// Spreadsheet-safe CSV ids (`CSVCell`).
    let neutralizeFormulas: Bool
    /// Each polygon id, already escaped for the output format (CSV field or JSON string), end to end.
    let idBytes: [UInt8]
    let idOffsets: [Int]
    let longestID: Int
    var splitter: FieldSplitter
    var output = ByteBuffer(capacity: 1 << 20)
    var rejects: [BlockReject] = []
    var tally = BlockTally()

    init(polygons: PointJoinPolygons, boundaries: PointJoinBoundaries, columns: PointColumns, format: PointJoinFormat, precision: Int,
         neutralizeFormulas: Bool) {
        self.polygons = polygons
        self.columns = columns
        self.format = format
        self.precision = precision
        self.neutralizeFormulas = neutralizeFormulas
        splitter = FieldSplitter(capacity: columns.fieldCount)
        var bytes: [UInt8] = []
        var offsets: [Int] = [0]
        for id in boundaries.ids {
            switch format {
            case .csv: bytes.append(contentsOf: RawText.csvField(neutralizeFormulas ? CSVCell.neutralized(id) : id).utf8)
            case .geoJSON, .geoJSONSeq: bytes.append(contentsOf: JSONText.quoted(id).utf8)
            }
            offsets.append(bytes.count)
        }
        idBytes = bytes
        idOffsets = offsets
        longestID = zip(offsets, offsets.dropFirst()).map { $1 - $0 }.max() ?? 0
    }

    /// Pointers to what the hot loop reads, taken once per block.
    struct Tables {
        let grid: PointGrid.Lookup
        let items: UnsafeBufferPointer<Int32>
        let starts: UnsafeBufferPointer<Int32>
        let ids: UnsafePointer<UInt8>
        let idOffsets: UnsafePointer<Int>
    }

    /// Processes one block of whole lines.
    mutating func process(_ block: UnsafeBufferPointer<UInt8>, grid: PointGrid) {
        output.count = 0
        rejects.removeAll(keepingCapacity: true)
        tally = BlockTally()
        guard let base = block.baseAddress, block.count > 0 else { return }
        output.reserve(format == .csv ? block.count : block.count * 5)
        let idBytes = self.idBytes, idOffsets = self.idOffsets
        grid.withLookup { lookup in
            grid.listItems.withUnsafeBufferPointer { items in
                grid.listStarts.withUnsafeBufferPointer { starts in
                    idBytes.withUnsafeBufferPointer { ids in
                        idOffsets.withUnsafeBufferPointer { offsets in
                            let tables = Tables(grid: lookup, items: items, starts: starts, ids: ids.baseAddress!, idOffsets: offsets.baseAddress!)
                            var p = 0
                            let n = block.count
                            var line = 0
                            while p < n {
                                let end: Int
                                if let found = memchr(base + p, 10, n - p) {
                                    end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                                } else {
                                    end = n
                                }
                                line += 1
                                var e = end
                                if e > p && base[e - 1] == 13 { e -= 1 }
                                if e == p {
                                    tally.blank += 1
                                } else {
                                    row(base, p, e, line: line, tables)
                                }
                                p = end + 1
                            }
                            tally.lines = line
                        }
                    }
                }
            }
        }
    }

    @inline(__always)
    private mutating func row(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, line: Int, _ tables: Tables) {
        tally.rows += 1
        if base[start] == 0, let over = OverLongLine.reject(UnsafeBufferPointer(start: base + start, count: end - start)) {
            rejects.append(BlockReject(lineInBlock: line, field: nil, reason: over.reason, category: .unreadable, raw: over.raw))
            return
        }
        if end - start > OverLongLine.limit {
            // Over the limit but within a block (the reader cuts only lines longer than a grown block).
            let kept = Array(UnsafeBufferPointer(start: base + start, count: OverLongLine.keptBytes))
            rejects.append(BlockReject(lineInBlock: line, field: nil, reason: OverLongLine.reason(limit: OverLongLine.limit),
                                       category: .unreadable, raw: RawText.cut(kept, length: end - start)))
            return
        }
        switch splitter.split(base, start, end) {
        case .ok: break
        case let .failure(field, reason):
            reject(base, start, end, line: line, field: field > 0 ? field : nil, reason, field > 0 ? .unreadable : .ragged)
            return
        }
        guard splitter.count == columns.fieldCount else {
            reject(base, start, end, line: line, field: nil,
                   "row has \(splitter.count) field\(splitter.count == 1 ? "" : "s"); the header has \(columns.fieldCount)", .ragged)
            return
        }
        let lonField = columns.lon, latField = columns.lat
        guard let x = PointNumber.parse(base, splitter.starts[lonField], splitter.ends[lonField]) else {
            reject(base, start, end, line: line, field: lonField + 1, numberProblem(base, lonField))
            return
        }
        guard let y = PointNumber.parse(base, splitter.starts[latField], splitter.ends[latField]) else {
            reject(base, start, end, line: line, field: latField + 1, numberProblem(base, latField))
            return
        }
        guard x >= -180, x <= 180 else {
            reject(base, start, end, line: line, field: lonField + 1,
                   "\(columns.names[lonField]) \(x) is out of range; longitude must be between -180 and 180 (are lon and lat swapped?)")
            return
        }
        guard y >= -90, y <= 90 else {
            reject(base, start, end, line: line, field: latField + 1,
                   "\(columns.names[latField]) \(y) is out of range; latitude must be between -90 and 90 (are lon and lat swapped?)")
            return
        }
        let idField = columns.id
        let idStart = splitter.starts[idField], idEnd = splitter.ends[idField]
        var ascii = true
        for k in idStart..<idEnd where base[k] >= 0x80 || base[k] == 0 {
            ascii = false
            break
        }
        if !ascii {
            let bytes = UnsafeBufferPointer(start: base + idStart, count: idEnd - idStart)
            if bytes.contains(0) || String(validating: bytes, as: UTF8.self) == nil {
                reject(base, start, end, line: line, field: idField + 1,
                       "\(columns.names[idField]) is not valid UTF-8 text (or holds a NUL byte); re-save the file as UTF-8", .unreadable)
                return
            }
        }

        // Locate: the grid decides whole cells; everything else goes to GEOS.
        var polygon = tables.grid.code(x: x, y: y)
        if polygon <= -2 {
            let list = Int(-(polygon + 2))
            let s = Int(tables.starts[list]), e = Int(tables.starts[list + 1])
            do {
                polygon = try polygons.firstCovering(x: x, y: y, among: UnsafeBufferPointer(rebasing: tables.items[s..<e]))
            } catch {
                reject(base, start, end, line: line, field: nil, "GEOS could not test the point: \(error)", .geometry)
                return
            }
        } else {
            tally.decidedByGrid += 1
        }
        if polygon >= 0 { tally.inside += 1 } else { tally.outside += 1 }

        // Room for the row: the id escaped (≤ 6 bytes per byte), the polygon id, two numbers and the JSON around them.
        output.reserve((idEnd - idStart) * 6 + longestID + 2 * NumberFormatting.maximumLength + 160)
        switch format {
        case .csv:
            writeCSVField(base, idStart, idEnd, quoted: splitter.quoted[idField])
            output.append(UInt8(ascii: ","))
            if polygon >= 0 { appendPolygonID(Int(polygon), tables) }
            output.append(UInt8(ascii: "\n"))
        case .geoJSON, .geoJSONSeq:
            if x < tally.minX { tally.minX = x }
            if x > tally.maxX { tally.maxX = x }
            if y < tally.minY { tally.minY = y }
            if y > tally.maxY { tally.maxY = y }
            if format == .geoJSON {
                output.append(",\n") // the first one of the file is dropped by the writer
            } else {
                output.append(0x1E)
            }
            output.append(#"{"type":"Feature","properties":{"id":"#)
            writeJSONString(base, idStart, idEnd, doubled: splitter.doubled[idField])
            output.append(#","boundary_id":"#)
            if polygon >= 0 { appendPolygonID(Int(polygon), tables) } else { output.append("null") }
            output.append(#"},"geometry":{"type":"Point","coordinates":["#)
            output.append(x, decimals: precision)
            output.append(UInt8(ascii: ","))
            output.append(y, decimals: precision)
            output.append("]}}")
            if format == .geoJSONSeq { output.append(UInt8(ascii: "\n")) }
        }
    }

    @inline(__always)
    private mutating func appendPolygonID(_ polygon: Int, _ tables: Tables) {
        let s = tables.idOffsets[polygon], e = tables.idOffsets[polygon + 1]
        output.append(tables.ids + s, e - s)
    }

    private func numberProblem(_ base: UnsafePointer<UInt8>, _ field: Int) -> String {
        let name = columns.names[field]
        let bytes = Array(UnsafeBufferPointer(start: base + splitter.starts[field], count: splitter.ends[field] - splitter.starts[field]))
        if bytes.allSatisfy({ $0 == 32 || $0 == 9 }) { return "\(name) is empty; every row needs a longitude and a latitude" }
        return "\(name) '\(RawText.escaped(bytes))' is not a number; write decimal degrees such as 69.1234"
    }

    private mutating func reject(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, line: Int, field: Int?, _ reason: String,
                        _ category: RejectCategory = .coordinates) {
        let raw = RawText.escaped(Array(UnsafeBufferPointer(start: base + start, count: end - start)))
        let name = field.map { $0 <= columns.names.count ? columns.names[$0 - 1] : "field \($0)" }
        rejects.append(BlockReject(lineInBlock: line, field: name, reason: reason, category: category, raw: raw))
    }

    /// The id as a CSV field: a field quoted in the input is copied with its quotes (the same value);
    /// an unquoted one is quoted only when it holds a quote or a carriage return.
    @inline(__always)
    private mutating func writeCSVField(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, quoted: Bool) {
        if neutralizeFormulas, start < end, CSVCell.mayNeedApostrophe(firstByte: base[start]) {
            writeNeutralizedCSVField(base, start, end, quoted: quoted)
            return
        }
        if quoted {
            output.append(base + start - 1, end - start + 2)
            return
        }
        var plain = true
        for k in start..<end where base[k] == UInt8(ascii: "\"") || base[k] == 13 { plain = false; break }
        if plain {
            output.append(base + start, end - start)
            return
        }
        output.append(UInt8(ascii: "\""))
        for k in start..<end {
            if base[k] == UInt8(ascii: "\"") { output.append(UInt8(ascii: "\"")) }
            output.append(base[k])
        }
        output.append(UInt8(ascii: "\""))
    }

    /// The rare id that starts like a formula: decoded, neutralised (unless it is a number) and escaped again.
    private mutating func writeNeutralizedCSVField(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, quoted: Bool) {
        var text = String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
        if quoted { text = text.replacingOccurrences(of: "\"\"", with: "\"") }
        let field = RawText.csvField(CSVCell.neutralized(text))
        output.reserve(field.utf8.count)
        for byte in field.utf8 { output.append(byte) }
    }

    /// The id as a JSON string (doubled CSV quotes read as one).
    @inline(__always)
    private mutating func writeJSONString(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, doubled: Bool) {
        output.append(UInt8(ascii: "\""))
        var k = start
        while k < end {
            let b = base[k]
            switch b {
            case UInt8(ascii: "\""):
                output.append(UInt8(ascii: "\\")); output.append(b)
                if doubled { k += 1 }
            case UInt8(ascii: "\\"):
                output.append(UInt8(ascii: "\\")); output.append(b)
            case 0..<0x20:
                output.append("\\u00")
                output.append(Self.hexDigit(b >> 4)); output.append(Self.hexDigit(b & 15))
            case 0xE2 where k + 2 < end && base[k + 1] == 0x80 && (base[k + 2] == 0xA8 || base[k + 2] == 0xA9):
                // U+2028 / U+2029, escaped as JSONText does.
                output.append(base[k + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                k += 2
            default:
                output.append(b)
            }
            k += 1
        }
        output.append(UInt8(ascii: "\""))
    }

    @inline(__always)
    static func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? nibble + 48 : nibble + 87 }
}
