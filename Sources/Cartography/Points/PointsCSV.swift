import Foundation
import GeoKit
import EventModel
import EventFormats

/// The points file of the points map: `id,lon,lat` rows (columns found by name), parsed on bytes.
enum PointsCSV {
    /// Reads `id,lon,lat` (columns found by name: lon/longitude/x, lat/latitude/y) with a byte-level number parser.
    static func read(_ path: String, skipped: inout Int) throws -> [Coordinate] {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw MapError("\(path): cannot read the points file; check the path")
        }
        let data = try WholeFile.read(path: path, hint: "thin the points or split the file")
        var points: [Coordinate] = []
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lineStart = 0
            var lonColumn = -1, latColumn = -1
            var header = true
            points.reserveCapacity(bytes.count / 24)
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != 10 { lineEnd += 1 }
                var end = lineEnd
                if end > lineStart && bytes[end - 1] == 13 { end -= 1 }
                defer { lineStart = lineEnd + 1 }
                if end == lineStart { continue }
                // Split on commas.
                var fields: [(Int, Int)] = []
                var fieldStart = lineStart
                for i in lineStart...end where i == end || bytes[i] == 44 {
                    fields.append((fieldStart, i))
                    fieldStart = i + 1
                }
                if header {
                    header = false
                    let names = fields.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0.0..<$0.1]), as: UTF8.self)
                        .trimmingCharacters(in: .whitespaces).lowercased() }
                    lonColumn = names.firstIndex { ["lon", "longitude", "lng", "x"].contains($0) } ?? -1
                    latColumn = names.firstIndex { ["lat", "latitude", "y"].contains($0) } ?? -1
                    guard lonColumn >= 0, latColumn >= 0 else {
                        throw MapError("\(path):1: the header needs lon and lat columns (id,lon,lat); found \(names.joined(separator: ","))")
                    }
                    continue
                }
                guard fields.count > max(lonColumn, latColumn),
                      let lon = parseNumber(bytes, fields[lonColumn]), let lat = parseNumber(bytes, fields[latColumn]),
                      (-180...180).contains(lon), (-90...90).contains(lat) else {
                    skipped += 1
                    continue
                }
                points.append(Coordinate(lon, lat))
            }
        }
        return points
    }

    static let powersOfTen: [Double] = (0...18).map { pow(10, Double($0)) }

    /// A plain decimal number ("-71.5623", "34"); anything else (exponents, spaces inside) goes to Double(String).
    @inline(__always) static func parseNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ range: (Int, Int)) -> Double? {
        var i = range.0, end = range.1
        while i < end && bytes[i] == 32 { i += 1 }
        while end > i && bytes[end - 1] == 32 { end -= 1 }
        guard i < end else { return nil }
        var negative = false
        if bytes[i] == 45 { negative = true; i += 1 } else if bytes[i] == 43 { i += 1 }
        var mantissa: UInt64 = 0, scale = 0, digits = 0, seenDot = false
        let start = i
        while i < end {
            let b = bytes[i]
            if b >= 48 && b <= 57 {
                if digits < 18 { mantissa = mantissa * 10 + UInt64(b - 48); digits += 1; if seenDot { scale += 1 } } else if !seenDot { scale -= 1 }
            } else if b == 46 && !seenDot {
                seenDot = true
            } else {
                return Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[range.0..<range.1]), as: UTF8.self).trimmingCharacters(in: .whitespaces))
            }
            i += 1
        }
        guard i > start, digits > 0 else { return nil }
        var value = Double(mantissa)
        if scale > 0 { value /= powersOfTen[min(scale, 18)] } else if scale < 0 { value *= powersOfTen[min(-scale, 18)] }
        return negative ? -value : value
    }
}
