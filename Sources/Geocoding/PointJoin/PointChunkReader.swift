import GeoKit
import EventModel
import EventFormats
import GeoReference
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file in blocks that end on a line break (the last block may not), for workers to parse in
/// parallel. Block storage is reused; a line longer than a block grows it, up to the line limit
/// (`maxLineBytes`, docs/LIMITS.md): a longer line is read past without being kept and comes to the workers as
/// one `OverLongLine` marker line, which they reject naming the limit.
final class PointChunkReader {
    let path: String
    let maxLineBytes: Int
    private let file: UnsafeMutablePointer<FILE>
    private let ownsFile: Bool
    /// Bytes read past the last line break of the previous block.
    private var carry: [UInt8] = []
    private var atEnd = false
    public private(set) var bytesRead: Int64 = 0

    init(path: String, maxLineBytes: Int = InputLimits.current.lineBytes) throws {
        self.path = path
        self.maxLineBytes = max(maxLineBytes, 64)
        if path == "-" {
            guard let input = fdopen(0, "rb") else { throw PointJoinError(file: path, "standard input is closed") }
            file = input
            ownsFile = false
        } else {
            var info = stat()
            if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                throw PointJoinError(file: path, "is a folder, not a file")
            }
            guard let opened = fopen(path, "rb") else {
                throw PointJoinError(file: path, "cannot open: \(String(cString: strerror(errno))); check the path and its permissions")
            }
            file = opened
            ownsFile = true
        }
    }

    deinit {
        if ownsFile { fclose(file) }
    }

    /// The file's size in bytes, when it is a regular file.
    var fileSize: Int64? {
        var info = stat()
        guard fstat(fileno(file), &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int64(info.st_size)
    }

    private func read(into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
        guard !atEnd, count > 0 else { return 0 }
        let n = fread(buffer, 1, count, file)
        if n < count { atEnd = true }
        bytesRead += Int64(n)
        return n
    }

    /// The first line (without its line break and a UTF-8 byte-order mark), or nil for an empty file.
    func headerLine() throws -> [UInt8]? {
        var scratch = [UInt8](repeating: 0, count: 1 << 16)
        var have = 0
        while true {
            let n = scratch.withUnsafeMutableBytes { read(into: $0.baseAddress! + have, count: $0.count - have) }
            have += n
            if let newline = scratch[0..<have].firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(scratch[0..<newline])
                carry = Array(scratch[(newline + 1)..<have])
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return Self.droppingBOM(line)
            }
            if n == 0 || atEnd {
                guard have > 0 else { return nil }
                var line = Array(scratch[0..<have])
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return Self.droppingBOM(line)
            }
            if have == scratch.count {
                guard scratch.count < maxLineBytes else {
                    throw PointJoinError(file: path, line: 1, "the first line is longer than \(InputLimits.size(maxLineBytes)) (the line limit); is this a CSV file with a header? If it is, \(InputLimits.advice(InputLimits.lineVariable, maxLineBytes).dropFirst(3))")
                }
                scratch += [UInt8](repeating: 0, count: min(scratch.count, maxLineBytes - scratch.count))
            }
        }
    }

    private static func droppingBOM(_ line: [UInt8]) -> [UInt8] {
        line.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(line.dropFirst(3)) : line
    }

    /// Fills `block` with the next run of whole lines, about `target` bytes; false at the end of input.
    /// The last block may lack a final line break; a line longer than `target` grows the block.
    func next(into block: PointBlock, target: Int) -> Bool {
        block.length = 0
        // The carried tail holds no line break (it was cut after the last one).
        var searchFrom = carry.count
        var want = max(target, carry.count * 2)
        block.reserve(want)
        if !carry.isEmpty {
            carry.withUnsafeBufferPointer { block.bytes.baseAddress!.update(from: $0.baseAddress!, count: $0.count) }
            block.length = carry.count
            carry.removeAll(keepingCapacity: true)
        }
        while true {
            if block.length < want {
                block.length += read(into: block.bytes.baseAddress! + block.length, count: want - block.length)
            }
            if atEnd { return block.length > 0 }
            var cut = block.length
            while cut > searchFrom && block.bytes[cut - 1] != UInt8(ascii: "\n") { cut -= 1 }
            if cut > searchFrom {
                carry.append(contentsOf: UnsafeBufferPointer(rebasing: block.bytes[cut..<block.length]))
                block.length = cut
                return true
            }
            if block.length >= maxLineBytes, let lineStart = overLongLineStart(block, searchFrom: searchFrom) {
                // The line in progress is over the limit: keep the lines before it and its start, skip the rest.
                searchFrom = skipOverLongLine(block, from: lineStart)
                if atEnd { return true }
                want = max(target, block.length * 2)
                block.reserve(want)
                continue
            }
            searchFrom = block.length
            want *= 2
            block.reserve(want)
        }
    }

    /// Where the line in progress (no line break after `searchFrom`) starts, when it is longer than the limit.
    /// Only the first block can hold whole lines before it: the tail read with the header line.
    private func overLongLineStart(_ block: PointBlock, searchFrom: Int) -> Int? {
        var start = min(searchFrom, block.length)
        while start > 0 && block.bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        return block.length - start >= maxLineBytes ? start : nil
    }

    /// Replaces the line in progress from `lineStart` (over the limit) with the marker line for it, reading on to
    /// the line's end without keeping it; the lines before it stay, and what follows its line break. Returns the
    /// index of the marker's line break, where the search for a line break goes on.
    private func skipOverLongLine(_ block: PointBlock, from lineStart: Int) -> Int {
        let prefix = Array(UnsafeBufferPointer(rebasing: block.bytes[lineStart..<min(block.length, lineStart + OverLongLine.keptBytes)]))
        var length = block.length - lineStart
        var rest: [UInt8] = []
        var scratch = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = scratch.withUnsafeMutableBytes { read(into: $0.baseAddress!, count: $0.count) }
            if let newline = scratch[0..<n].firstIndex(of: UInt8(ascii: "\n")) {
                length += newline
                rest = Array(scratch[(newline + 1)..<n])
                break
            }
            length += n
            if n == 0 || atEnd { break }
        }
        let marker = OverLongLine.marker(length: length, limit: maxLineBytes, prefix: prefix)
        block.length = lineStart
        block.reserve(lineStart + marker.count + 1 + rest.count)
        for part in [marker, [UInt8(ascii: "\n")], rest] {
            part.withUnsafeBufferPointer { block.bytes.baseAddress!.advanced(by: block.length).update(from: $0.baseAddress!, count: $0.count) }
            block.length += part.count
        }
        return lineStart + marker.count
    }
}

/// The line a worker sees in place of a line over the line limit: NUL, a tag, the line's length and the limit,
/// NUL, then the line's first bytes (without line breaks). A real CSV line never starts so: the workers reject
/// NUL bytes in any case.
enum OverLongLine {
    static let keptBytes = 1024
    /// The line limit of the workers, read once.
    static let limit = InputLimits.current.lineBytes

    static func reason(limit: Int) -> String {
        "the row is longer than \(InputLimits.size(limit)) (the line limit) and was skipped; check for a missing line break, \(InputLimits.advice(InputLimits.lineVariable, limit))"
    }
    private static let tag = Array("\u{0}eventmap-line-limit ".utf8)

    static func marker(length: Int, limit: Int, prefix: [UInt8]) -> [UInt8] {
        tag + Array("\(length) \(limit)".utf8) + [0] + prefix.filter { $0 != 10 && $0 != 13 }
    }

    /// The reject of a marker line: its reason and raw text; nil when `line` is no marker.
    static func reject(_ line: UnsafeBufferPointer<UInt8>) -> (reason: String, raw: String)? {
        guard line.count > tag.count, line.first == 0, line.starts(with: tag),
              let end = line[tag.count...].firstIndex(of: 0) else { return nil }
        let numbers = String(decoding: line[tag.count..<end], as: UTF8.self).split(separator: " ").compactMap { Int($0) }
        guard numbers.count == 2 else { return nil }
        let (length, limit) = (numbers[0], numbers[1])
        return (reason(limit: limit), RawText.cut(Array(line[(end + 1)...]), length: length))
    }
}

/// A reusable byte block of input.
final class PointBlock: @unchecked Sendable {
    // Safe: a block is filled by the reading thread, then handed to exactly one worker, and refilled only after
    // that worker has finished (the join between rounds orders the accesses).
    var bytes: UnsafeMutableBufferPointer<UInt8>
    var length = 0

    init(capacity: Int) {
        bytes = .allocate(capacity: max(capacity, 1))
    }

    deinit { bytes.deallocate() }

    func reserve(_ capacity: Int) {
        guard capacity > bytes.count else { return }
        let grown = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
        if length > 0 { grown.baseAddress!.update(from: bytes.baseAddress!, count: length) }
        bytes.deallocate()
        bytes = grown
    }
}
