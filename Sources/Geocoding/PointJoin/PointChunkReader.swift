import GeoKit
import EventModel
import EventFormats
import GeoReference
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file in blocks that end on a line break (the last block may not), for workers to parse in
/// parallel. Block storage is reused; a line longer than a block grows it.
final class PointChunkReader {
    let path: String
    private let file: UnsafeMutablePointer<FILE>
    private let ownsFile: Bool
    /// Bytes read past the last line break of the previous block.
    private var carry: [UInt8] = []
    private var atEnd = false
    public private(set) var bytesRead: Int64 = 0

    init(path: String) throws {
        self.path = path
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
                guard scratch.count < 1 << 24 else {
                    throw PointJoinError(file: path, line: 1, "the first line is longer than 16 MB; is this a CSV file with a header?")
                }
                scratch += [UInt8](repeating: 0, count: scratch.count)
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
            searchFrom = block.length
            want *= 2
            block.reserve(want)
        }
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
