import Foundation
import GeoKit
import EventModel

#if canImport(Glibc)
import Glibc
#endif

/// Reads a file one physical line at a time (without "\n" or a trailing "\r"); memory stays flat: a line keeps
/// at most `maxLineBytes` (the line limit, docs/LIMITS.md), the rest of a longer line is skipped unread and
/// `lastLineLength` says how long it was.
final class LineReader {
    private let file: UnsafeMutablePointer<FILE>
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0
    private var end = 0
    private var atEnd = false
    let maxLineBytes: Int
    /// The number of the line `next()` returned last (1-based).
    private(set) var line = 0
    /// The full length in bytes of the line `next()` returned last (before "\n"); over `maxLineBytes` when cut.
    private(set) var lastLineLength = 0
    /// Whether the line `next()` returned last was longer than `maxLineBytes` and comes back cut to that length.
    var lastLineWasCut: Bool { lastLineLength > maxLineBytes }

    init(path: String, maxLineBytes: Int = InputLimits.current.lineBytes) throws {
        guard let file = fopen(path, "rb") else {
            throw GeoDataError(file: path, "cannot open: \(String(cString: strerror(errno))); check the path and its permissions")
        }
        self.file = file
        self.maxLineBytes = max(maxLineBytes, 1)
    }

    deinit {
        fclose(file)
    }

    func next() -> [UInt8]? {
        var bytes: [UInt8] = []
        var length = 0
        var sawBytes = false
        while true {
            if start >= end {
                if atEnd { break }
                end = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
                start = 0
                if end == 0 { atEnd = true; break }
            }
            sawBytes = true
            let newline: Int? = chunk.withUnsafeBytes { raw in
                memchr(raw.baseAddress! + start, 10, end - start).map { raw.baseAddress!.distance(to: UnsafeRawPointer($0)) }
            }
            let stop = newline ?? end
            let room = maxLineBytes - bytes.count
            if room > 0 { bytes.append(contentsOf: chunk[start..<min(stop, start + room)]) }
            length += stop - start
            start = stop
            if newline != nil { start += 1; break }
        }
        guard sawBytes else { return nil }
        line += 1
        lastLineLength = length
        if length <= maxLineBytes, bytes.last == UInt8(ascii: "\r") { bytes.removeLast(); lastLineLength -= 1 }
        if line == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return bytes
    }
}

/// Fetches the text of given lines of a file, for rejects of rows that could not be split into fields.
/// Requests usually come in increasing line order, so the file is read once in all. A line over the line limit
/// comes back as its first bytes and a note of its length.
final class RawLineFetcher {
    private let path: String
    private let maxLineBytes: Int
    private var reader: LineReader?

    init(path: String, maxLineBytes: Int = InputLimits.current.lineBytes) {
        self.path = path
        self.maxLineBytes = maxLineBytes
    }

    func text(ofLine wanted: Int) -> String {
        if reader == nil || reader!.line >= wanted { reader = try? LineReader(path: path, maxLineBytes: maxLineBytes) }
        guard let reader else { return "" }
        while let bytes = reader.next() {
            if reader.line == wanted {
                guard reader.lastLineWasCut else { return RawText.escaped(bytes) }
                return RawText.cut(bytes, length: reader.lastLineLength)
            }
        }
        return ""
    }
}

/// Row text for reject files.
package enum RawText {
    /// UTF-8 text as is; bytes that are not valid UTF-8, and NUL, as \xNN.
    package static func escaped(_ bytes: [UInt8]) -> String {
        if !bytes.contains(0), let text = String(validating: bytes, as: UTF8.self) { return text }
        var out = ""
        var i = 0
        while i < bytes.count {
            let length = sequenceLength(bytes, at: i)
            if length > 0, bytes[i] != 0, let text = String(validating: bytes[i..<i + length], as: UTF8.self) {
                out += text
                i += length
            } else {
                out += String(format: "\\x%02X", bytes[i])
                i += 1
            }
        }
        return out
    }

    /// The first 1 KiB of a line over the line limit, then "… [N bytes in all]".
    package static func cut(_ bytes: [UInt8], length: Int) -> String {
        var prefix = Array(bytes.prefix(1024))
        // Do not end inside a UTF-8 sequence.
        while let last = prefix.last, last & 0xC0 == 0x80 || last >= 0xC0 { prefix.removeLast(); if last >= 0xC0 { break } }
        return escaped(prefix) + "… [\(length) bytes in all; the rest is not kept]"
    }

    private static func sequenceLength(_ bytes: [UInt8], at i: Int) -> Int {
        let lead = bytes[i]
        let length = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
        return i + length <= bytes.count ? length : 0
    }

    /// Fields joined as one CSV line, quoted where needed.
    static func csvLine(_ fields: [String], delimiter: UInt8 = UInt8(ascii: ",")) -> String {
        fields.map { csvField($0, delimiter: delimiter) }.joined(separator: String(UnicodeScalar(delimiter)))
    }

    package static func csvField(_ field: String, delimiter: UInt8 = UInt8(ascii: ",")) -> String {
        guard field.utf8.contains(where: { $0 == delimiter || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
