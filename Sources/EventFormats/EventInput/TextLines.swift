import Foundation
import GeoKit
import EventModel

#if canImport(Glibc)
import Glibc
#endif

/// Reads a file one physical line at a time (without "\n" or a trailing "\r"); memory stays flat.
final class LineReader {
    private let file: UnsafeMutablePointer<FILE>
    private var buffer: UnsafeMutablePointer<CChar>?
    private var capacity = 0
    /// The number of the line `next()` returned last (1-based).
    private(set) var line = 0

    init(path: String) throws {
        guard let file = fopen(path, "rb") else {
            throw GeoDataError(file: path, "cannot open: \(String(cString: strerror(errno))); check the path and its permissions")
        }
        self.file = file
    }

    deinit {
        free(buffer)
        fclose(file)
    }

    func next() -> [UInt8]? {
        let length = getline(&buffer, &capacity, file)
        guard length >= 0, let buffer else { return nil }
        line += 1
        var bytes = [UInt8](UnsafeRawBufferPointer(start: buffer, count: length))
        if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        if line == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return bytes
    }
}

/// Fetches the text of given lines of a file, for rejects of rows that could not be split into fields.
/// Requests usually come in increasing line order, so the file is read once in all.
final class RawLineFetcher {
    private let path: String
    private var reader: LineReader?

    init(path: String) { self.path = path }

    func text(ofLine wanted: Int) -> String {
        if reader == nil || reader!.line >= wanted { reader = try? LineReader(path: path) }
        guard let reader else { return "" }
        while let bytes = reader.next() {
            if reader.line == wanted { return RawText.escaped(bytes) }
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
