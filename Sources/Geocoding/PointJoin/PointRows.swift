import GeoKit
import EventModel
import EventFormats
import GeoReference
#if canImport(Glibc)
import Glibc
#endif

/// The columns of a point file: which field is the id, the longitude and the latitude.
public struct PointColumns: Sendable, Equatable {
    public let names: [String]
    public let id: Int
    public let lon: Int
    public let lat: Int

    public var fieldCount: Int { names.count }

    static let idNames: Set<String> = ["id"]
    static let lonNames: Set<String> = ["lon", "longitude", "lng", "long", "x"]
    static let latNames: Set<String> = ["lat", "latitude", "y"]

    /// Reads a header line (without its line break). Column names match without regard to case or
    /// surrounding spaces; `lon` also answers to longitude/lng/x, `lat` to latitude/y.
    public static func parse(header bytes: [UInt8], file: String) throws -> PointColumns {
        var names: [String] = []
        var problem: String?
        bytes.withUnsafeBufferPointer { buffer in
            var fields = FieldSplitter(capacity: 4096)
            switch fields.split(buffer.baseAddress!, 0, buffer.count) {
            case .ok:
                for f in 0..<fields.count {
                    var text = String(decoding: UnsafeBufferPointer(rebasing: buffer[fields.starts[f]..<fields.ends[f]]), as: UTF8.self)
                    if fields.doubled[f] { text = text.replacingOccurrences(of: "\"\"", with: "\"") }
                    names.append(text)
                }
            case let .failure(_, reason):
                problem = reason
            }
        }
        if let problem { throw PointJoinError(file: file, line: 1, "cannot read the header: \(problem)") }
        let keys = names.map { $0.trimmingSpaces.lowercased() }
        func column(_ accepted: Set<String>, _ name: String) throws -> Int {
            let found = keys.indices.filter { accepted.contains(keys[$0]) }
            guard let first = found.first else {
                throw PointJoinError(file: file, line: 1, "has no \(name) column (header: \(names.joined(separator: ","))); the header must name id, lon and lat columns")
            }
            guard found.count == 1 else {
                throw PointJoinError(file: file, line: 1, "has \(found.count) columns that could be \(name) (\(found.map { names[$0] }.joined(separator: ", "))); keep one")
            }
            return first
        }
        return PointColumns(names: names, id: try column(idNames, "id"), lon: try column(lonNames, "lon"), lat: try column(latNames, "lat"))
    }
}

/// Splits one CSV line (RFC 4180 quoting, no line breaks inside fields) into field ranges, reusing its
/// storage: no allocation per row.
struct FieldSplitter {
    enum Outcome {
        case ok
        /// `field` is 1-based.
        case failure(field: Int, reason: String)
    }

    let capacity: Int
    var starts: [Int]
    var ends: [Int]
    /// Whether the field was quoted in the input, and whether it holds doubled quotes.
    var quoted: [Bool]
    var doubled: [Bool]
    var count = 0

    init(capacity: Int) {
        self.capacity = capacity
        starts = [Int](repeating: 0, count: capacity)
        ends = [Int](repeating: 0, count: capacity)
        quoted = [Bool](repeating: false, count: capacity)
        doubled = [Bool](repeating: false, count: capacity)
    }

    /// Splits bytes `start..<end` of `base`. On `.ok`, `count` is the number of fields (it may be more
    /// than `capacity` only in the sense that `.failure` reports it).
    @inline(__always)
    mutating func split(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Outcome {
        count = 0
        var i = start
        while true {
            if count == capacity {
                var extra = 1
                var j = i
                while j < end { if base[j] == UInt8(ascii: ",") { extra += 1 }; j += 1 }
                return .failure(field: 0, reason: "row has at least \(capacity + extra) fields; the header has \(capacity)")
            }
            if i < end && base[i] == UInt8(ascii: "\"") {
                let s = i + 1
                var j = s
                var hasDoubled = false
                while true {
                    guard j < end else {
                        return .failure(field: count + 1, reason: "unbalanced quote: the quoted field does not close on its line (fields with line breaks are not read here); close it with \" or double inner quotes as \"\"")
                    }
                    if base[j] == UInt8(ascii: "\"") {
                        if j + 1 < end && base[j + 1] == UInt8(ascii: "\"") { hasDoubled = true; j += 2; continue }
                        break
                    }
                    j += 1
                }
                starts[count] = s
                ends[count] = j
                quoted[count] = true
                doubled[count] = hasDoubled
                i = j + 1
                if i < end && base[i] != UInt8(ascii: ",") {
                    return .failure(field: count + 1, reason: "text after the closing quote; quote the whole field and double inner quotes as \"\"")
                }
            } else {
                let s = i
                while i < end && base[i] != UInt8(ascii: ",") { i += 1 }
                starts[count] = s
                ends[count] = i
                quoted[count] = false
                doubled[count] = false
            }
            count += 1
            if i >= end { return .ok }
            i += 1 // the delimiter; a trailing one makes one more, empty field
        }
    }
}

/// Decimal text → Double without allocating: an exact fast path (Clinger: ≤ 2^53 mantissa, ≤ 22
/// fraction digits, one correctly rounded division), `strtod` for everything else (exponents, long digits).
enum PointNumber {
    @inline(__always)
    static func parse(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        var i = start, e = end
        while i < e && (base[i] == 32 || base[i] == 9) { i += 1 }
        while e > i && (base[e - 1] == 32 || base[e - 1] == 9) { e -= 1 }
        guard i < e else { return nil }
        let textStart = i
        var negative = false
        if base[i] == UInt8(ascii: "-") { negative = true; i += 1 } else if base[i] == UInt8(ascii: "+") { i += 1 }
        var mantissa: UInt64 = 0
        var fractionDigits = 0
        var digits = 0
        var sawPoint = false
        while i < e {
            let c = base[i] &- 48
            if c < 10 {
                guard mantissa < 1 << 53 / 10 else { return slow(base, textStart, e) }
                mantissa = mantissa &* 10 &+ UInt64(c)
                digits += 1
                if sawPoint { fractionDigits += 1 }
            } else if base[i] == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                return slow(base, textStart, e)
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        guard fractionDigits <= 22 else { return slow(base, textStart, e) }
        // 10^k is exact for k ≤ 22, so the quotient is correctly rounded.
        var power = 1.0
        for _ in 0..<fractionDigits { power *= 10 }
        let value = Double(mantissa) / power
        return negative ? -value : value
    }

    private static func slow(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        let length = end - start
        guard length < 128 else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { text -> Double? in
            for k in 0..<length {
                let b = base[start + k]
                // Only what a decimal number may hold: no hex floats, no "inf"/"nan" words.
                guard (b >= 48 && b <= 57) || b == UInt8(ascii: ".") || b == UInt8(ascii: "-") || b == UInt8(ascii: "+")
                        || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") else { return nil }
                text[k] = CChar(bitPattern: b)
            }
            text[length] = 0
            var stop: UnsafeMutablePointer<CChar>?
            let value = strtod(text.baseAddress!, &stop)
            guard let stop, stop == text.baseAddress! + length else { return nil }
            return value
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return String(s)
    }
}

/// A point file that cannot be joined at all (unreadable, no header, missing columns).
public struct PointJoinError: Error, CustomStringConvertible, Equatable {
    public let file: String
    public let line: Int?
    public let message: String

    public init(file: String, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { file + (line.map { ":\($0)" } ?? "") + ": " + message }
}
