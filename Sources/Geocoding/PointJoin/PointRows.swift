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
