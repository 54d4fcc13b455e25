import Foundation
import GeoKit
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis

/// The plain map of the benchmark contract: given polygons and EVERY point of an `id,lon,lat` CSV.
/// Points go through one bulk PROJ call, are quantised to 0.1 px, sorted and de-duplicated (two points on the same
/// tenth of a pixel draw the same dot) and written as ONE path of zero-length subpaths (`m dx dy h0`) drawn with
/// round caps: about 10 bytes a point, rendered as dots by librsvg and browsers alike.
public enum PointsMapRenderer {
    public struct Result: Sendable {
        public var polygons = 0
        public var points = 0
        public var pointsDrawn = 0
        public var skippedRows = 0
        public var bytes = 0
    }

    public static func write(polygons polygonsPath: String, points pointsPath: String, options: SVGMapOptions, to output: String) throws -> Result {
        let context = GEOSContext()
        var result = Result()
        // Only the geometries are drawn, so GEOS reads the whole FeatureCollection in one pass (a collection of the
        // features' geometries): several times faster than parsing properties too.
        guard let text = try? String(contentsOfFile: polygonsPath, encoding: .utf8) else {
            throw MapError("\(polygonsPath): cannot read the polygons file; check the path")
        }
        let collection: Geometry
        do { collection = try Geometry(geoJSON: text, in: context) } catch {
            throw MapError("\(polygonsPath): not a GeoJSON FeatureCollection GEOS can read: \(String(String(describing: error).prefix(300)))")
        }
        let shapes = collection.parts.filter { !$0.isEmpty && ($0.type == .polygon || $0.type == .multiPolygon) }
        result.polygons = shapes.count
        var points = try readPoints(pointsPath, skipped: &result.skippedRows)
        result.points = points.count

        var lonLat = shapes.compactMap(\.envelope).reduce(nil as Envelope?) { $0?.union($1) ?? $1 }
        for p in points where p.x.isFinite {
            if let e = lonLat {
                if !e.contains(p) { lonLat = e.union(Envelope(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y)) }
            } else {
                lonLat = Envelope(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y)
            }
        }
        guard let extent = lonLat else { throw MapError("\(polygonsPath) and \(pointsPath) hold nothing to draw") }
        let projection = try options.projection.map { try MapProjection(crs: $0) } ?? MapProjection.albers(fitting: extent)
        // Fit to the projected outline of the lon/lat extent, densified so curved parallels are covered.
        var outline: [Coordinate] = []
        for i in 0...16 {
            let t = Double(i) / 16
            outline += [Coordinate(extent.minX + t * extent.width, extent.minY), Coordinate(extent.minX + t * extent.width, extent.maxY),
                        Coordinate(extent.minX, extent.minY + t * extent.height), Coordinate(extent.maxX, extent.minY + t * extent.height)]
        }
        guard let projected = try projection.projectedBounds(of: [], points: outline) else {
            throw MapError("the extent cannot be projected with '\(projection.crs)'")
        }

        let page = options.page, m = options.margin
        let title = options.title
        let credit = "Polygons: \(URL(fileURLWithPath: polygonsPath).lastPathComponent); points: \(URL(fileURLWithPath: pointsPath).lastPathComponent). Boundaries shown are not an endorsement. Projection: \(projection.crs.hasPrefix("+proj=aea") ? "Albers equal-area conic fitted to the extent" : projection.crs)."
        let frame = Envelope(minX: 0, minY: 0, maxX: (page.width - 2 * m).rounded(.down), maxY: (page.height - 2 * m - 46).rounded(.down))
        projection.fit(projected, into: frame, padding: 8)
        let x0 = m, y0 = m + 30

        let doc = SVGDocument(capacity: points.count * 11 + 400_000)
        doc.openRoot(page: page, title: title, description: "\(result.polygons) polygons and \(result.points) points. \(credit)",
                     css: MapTheme(options.theme).css(k: 1))
        doc.rect(x: 0, y: 0, width: page.width, height: page.height, cls: "pg")
        doc.text(title, x: m, y: m + 16, cls: "ti")
        doc.openTranslated(x: x0, y: y0)

        // Polygons: project → clip → simplify as one coverage → one path.
        let pipeline = MapGeometryPipeline(projection: projection, clip: frame.expanded(by: 2), context: context)
        let kept = try shapes.compactMap(pipeline.framed)
        if !kept.isEmpty {
            let coverage = try pipeline.simplified(coverage: kept)
            doc.path(cls: "bp") { out in var w = PathWriter(); try? w.append(coverage, to: &out) }
        }

        // Points: one bulk transform, quantise, keep those in the frame, sort, de-duplicate, one path.
        projection.project(&points)
        var keys: [UInt64] = []
        keys.reserveCapacity(points.count)
        let maxX = Int(frame.maxX * 10), maxY = Int(frame.maxY * 10)
        for p in points where p.x.isFinite && p.y.isFinite {
            let x = PathWriter.tenths(p.x), y = PathWriter.tenths(p.y)
            guard x >= 0, y >= 0, x <= maxX, y <= maxY else { continue }
            keys.append(UInt64(y) << 32 | UInt64(x))
        }
        result.pointsDrawn = keys.count
        keys.sort()
        doc.raw("<path class=\"bpt\" d=\"")
        var writer = PathWriter()
        var last: UInt64 = .max
        for key in keys where key != last {
            last = key
            writer.appendDot(x: Int(key & 0xFFFF_FFFF), y: Int(key >> 32), to: &doc.bytes)
        }
        doc.raw("\"/>")
        doc.rect(x: 0, y: 0, width: frame.width, height: frame.height, cls: "fr")
        doc.close("g")
        doc.text("\(result.pointsDrawn) of \(result.points) points · \(result.polygons) polygons", x: m, y: page.height - m - 4, cls: "st")
        doc.text(credit, x: page.width - m, y: page.height - m - 4, cls: "cr", anchor: "end")
        doc.raw("\n</svg>\n")
        let file = try AtomicFile(path: output)
        file.write(bytes: doc.bytes)
        try file.commit()
        result.bytes = doc.bytes.count
        return result
    }

    /// Reads `id,lon,lat` (columns found by name: lon/longitude/x, lat/latitude/y) with a byte-level number parser.
    static func readPoints(_ path: String, skipped: inout Int) throws -> [Coordinate] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MapError("\(path): cannot read the points file; check the path")
        }
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
