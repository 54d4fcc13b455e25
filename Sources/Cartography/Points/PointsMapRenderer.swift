import Foundation
import GeoKit
import EventFormats

/// The plain map of the benchmark contract: given polygons and EVERY point of an `id,lon,lat` CSV. Polygons go
/// through the map geometry pipeline (project → clip → simplify as one coverage) into one path. Points go through
/// one bulk PROJ call, are quantised to 0.1 px, sorted and de-duplicated (two points on the same tenth of a pixel
/// draw the same dot) and written as ONE path of zero-length subpaths (`m dx dy h0`) drawn with round caps: about
/// 10 bytes a point, rendered as dots by librsvg and browsers alike. The map layers of `SVGMapRenderer` are not used:
/// they place events one `<use>` each, far too heavy for 100k points.
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
        let shapes = try readPolygons(polygonsPath, context: context)
        result.polygons = shapes.count
        var points = try PointsCSV.read(pointsPath, skipped: &result.skippedRows)
        result.points = points.count

        let page = options.page, m = options.margin
        let frame = Envelope(minX: 0, minY: 0, maxX: (page.width - 2 * m).rounded(.down), maxY: (page.height - 2 * m - 46).rounded(.down))
        guard let projection = try fittedProjection(shapes: shapes, points: points, crs: options.projection, frame: frame) else {
            throw MapError("\(polygonsPath) and \(pointsPath) hold nothing to draw")
        }
        let credit = "Polygons: \(URL(fileURLWithPath: polygonsPath).lastPathComponent); points: \(URL(fileURLWithPath: pointsPath).lastPathComponent). Boundaries shown are not an endorsement. Projection: \(MapTexts.projectionName(projection.crs))."

        let doc = SVGDocument(capacity: points.count * 11 + 400_000)
        doc.openRoot(page: page, title: options.title, description: "\(result.polygons) polygons and \(result.points) points. \(credit)",
                     css: MapTheme(options.theme).css(k: 1))
        doc.rect(x: 0, y: 0, width: page.width, height: page.height, cls: "pg")
        doc.text(options.title, x: m, y: m + 16, cls: "ti")
        doc.openTranslated(x: m, y: m + 30)
        let pipeline = MapGeometryPipeline(projection: projection, clip: frame.expanded(by: 2), context: context)
        try drawPolygons(shapes, through: pipeline, into: doc)
        projection.project(&points)
        result.pointsDrawn = drawDots(points, frame: frame, into: doc)
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

    /// The polygons and multipolygons of a GeoJSON FeatureCollection. Only the geometries are drawn, so GEOS reads
    /// the whole collection in one pass (a collection of the features' geometries): several times faster than
    /// parsing properties too.
    static func readPolygons(_ path: String, context: GEOSContext) throws -> [Geometry] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw MapError("\(path): cannot read the polygons file; check the path")
        }
        let collection: Geometry
        do { collection = try Geometry(geoJSON: text, in: context) } catch {
            throw MapError("\(path): not a GeoJSON FeatureCollection GEOS can read: \(String(String(describing: error).prefix(300)))")
        }
        return collection.parts.filter { !$0.isEmpty && ($0.type == .polygon || $0.type == .multiPolygon) }
    }

    /// The projection asked for (or Albers equal-area fitted to the lon/lat extent of polygons and points), fitted to
    /// the frame by the projected outline of that extent, densified so curved parallels are covered; nil when there
    /// is nothing to draw.
    static func fittedProjection(shapes: [Geometry], points: [Coordinate], crs: String?, frame: Envelope) throws -> MapProjection? {
        var lonLat = shapes.compactMap(\.envelope).reduce(nil as Envelope?) { $0?.union($1) ?? $1 }
        for p in points where p.x.isFinite {
            if let e = lonLat {
                if !e.contains(p) { lonLat = e.union(Envelope(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y)) }
            } else {
                lonLat = Envelope(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y)
            }
        }
        guard let extent = lonLat else { return nil }
        let projection = try crs.map { try MapProjection(crs: $0) } ?? MapProjection.albers(fitting: extent)
        var outline: [Coordinate] = []
        for i in 0...16 {
            let t = Double(i) / 16
            outline += [Coordinate(extent.minX + t * extent.width, extent.minY), Coordinate(extent.minX + t * extent.width, extent.maxY),
                        Coordinate(extent.minX, extent.minY + t * extent.height), Coordinate(extent.maxX, extent.minY + t * extent.height)]
        }
        guard let projected = try projection.projectedBounds(of: [], points: outline) else {
            throw MapError("the extent cannot be projected with '\(projection.crs)'")
        }
        projection.fit(projected, into: frame, padding: 8)
        return projection
    }

    /// All polygons as one path, simplified together so neighbours still meet.
    static func drawPolygons(_ shapes: [Geometry], through pipeline: MapGeometryPipeline, into doc: SVGDocument) throws {
        let framed = try shapes.compactMap(pipeline.framed)
        guard !framed.isEmpty else { return }
        doc.outline(try pipeline.simplified(coverage: framed), cls: "bp")
    }

    /// Points already in pixels, as one path of dots: quantised, those in the frame kept, sorted, de-duplicated.
    /// Returns how many points fell in the frame.
    static func drawDots(_ points: [Coordinate], frame: Envelope, into doc: SVGDocument) -> Int {
        var keys: [UInt64] = []
        keys.reserveCapacity(points.count)
        let maxX = Int(frame.maxX * 10), maxY = Int(frame.maxY * 10)
        for p in points where p.x.isFinite && p.y.isFinite {
            let x = PathWriter.tenths(p.x), y = PathWriter.tenths(p.y)
            guard x >= 0, y >= 0, x <= maxX, y <= maxY else { continue }
            keys.append(UInt64(y) << 32 | UInt64(x))
        }
        keys.sort()
        doc.raw("<path class=\"bpt\" d=\"")
        var writer = PathWriter()
        var last: UInt64 = .max
        for key in keys where key != last {
            last = key
            writer.appendDot(x: Int(key & 0xFFFF_FFFF), y: Int(key >> 32), to: &doc.bytes)
        }
        doc.raw("\"/>")
        return keys.count
    }
}
