import GeoKit
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis

/// Writes geometry already in page pixels as SVG path data: coordinates quantised to 0.1 px, the first point of a
/// path absolute and every other point relative (`l`/`m` deltas in tenths), repeated points dropped, rings closed
/// with `z`. Numbers are written straight into the byte buffer from integer tenths (no String per point) — the
/// same rounding as `NumberFormatting` with one decimal, without its Double round trip.
struct PathWriter {
    private(set) var currentX = 0
    private(set) var currentY = 0
    private var started = false
    /// Whether the last byte written ends a number (so the next non-negative number needs a space).
    private var afterNumber = false

    /// Tenths of a pixel, rounded half away from zero.
    @inline(__always) static func tenths(_ value: Double) -> Int { Int((value * 10).rounded()) }

    /// Appends a whole geometry: polygons, lines and their collections (points are ignored).
    package mutating func append(_ geometry: Geometry, to out: inout [UInt8]) throws {
        switch geometry.type {
        case .polygon:
            guard let shell = geometry.exteriorRing else { return }
            appendRing(try shell.coordinates(), closed: true, to: &out)
            for hole in geometry.interiorRings { appendRing(try hole.coordinates(), closed: true, to: &out) }
        case .lineString, .linearRing:
            appendRing(try geometry.coordinates(), closed: false, to: &out)
        case .point, .multiPoint:
            return
        default:
            for part in geometry.parts { try append(part, to: &out) }
        }
    }

    /// Appends one ring or line; a ring that collapses to fewer than three distinct points at 0.1 px is dropped.
    mutating func appendRing(_ coordinates: [Coordinate], closed: Bool, to out: inout [UInt8]) {
        var count = coordinates.count
        if closed, count > 1, coordinates[0] == coordinates[count - 1] { count -= 1 }
        guard count >= (closed ? 3 : 2) else { return }
        // Quantise first so a ring of sub-pixel size is recognised and dropped before anything is written.
        var xs = [Int](), ys = [Int]()
        xs.reserveCapacity(count); ys.reserveCapacity(count)
        for i in 0..<count {
            let c = coordinates[i]
            guard c.x.isFinite, c.y.isFinite else { continue }
            let x = Self.tenths(c.x), y = Self.tenths(c.y)
            if let lx = xs.last, let ly = ys.last, lx == x, ly == y { continue }
            xs.append(x); ys.append(y)
        }
        if closed, xs.count > 1, xs[0] == xs[xs.count - 1], ys[0] == ys[ys.count - 1] { xs.removeLast(); ys.removeLast() }
        guard xs.count >= (closed ? 3 : 2) else { return }
        move(to: xs[0], ys[0], out: &out)
        out.append(UInt8(ascii: "l")); afterNumber = false
        for i in 1..<xs.count {
            number(xs[i] - currentX, out: &out)
            number(ys[i] - currentY, out: &out)
            currentX = xs[i]; currentY = ys[i]
        }
        if closed {
            out.append(UInt8(ascii: "z")); afterNumber = false
            currentX = xs[0]; currentY = ys[0]
        }
    }

    /// A zero-length subpath at each point (`m dx dy h0`): with round caps, a dot per point in one element.
    mutating func appendDot(x: Int, y: Int, to out: inout [UInt8]) {
        move(to: x, y, out: &out)
        out.append(UInt8(ascii: "h")); out.append(UInt8(ascii: "0")); afterNumber = true
    }

    private mutating func move(to x: Int, _ y: Int, out: inout [UInt8]) {
        if started {
            out.append(UInt8(ascii: "m")); afterNumber = false
            number(x - currentX, out: &out); number(y - currentY, out: &out)
        } else {
            out.append(UInt8(ascii: "M")); afterNumber = false
            number(x, out: &out); number(y, out: &out)
            started = true
        }
        currentX = x; currentY = y
    }

    /// A value given in tenths, shortest form: "12", "1.5", ".5", "-.5".
    @inline(__always) private mutating func number(_ tenths: Int, out: inout [UInt8]) {
        if tenths < 0 { out.append(UInt8(ascii: "-")) } else if afterNumber { out.append(32) }
        Self.appendTenths(abs(tenths), to: &out)
        afterNumber = true
    }

    @inline(__always) static func appendTenths(_ magnitude: Int, to out: inout [UInt8]) {
        let whole = magnitude / 10, fraction = magnitude % 10
        if whole > 0 || fraction == 0 { appendInteger(whole, to: &out) }
        if fraction != 0 { out.append(UInt8(ascii: ".")); out.append(UInt8(48 + fraction)) }
    }

    @inline(__always) static func appendInteger(_ value: Int, to out: inout [UInt8]) {
        if value < 10 { out.append(UInt8(48 + value)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var v = value, n = 0
        withUnsafeMutableBytes(of: &digits) { d in
            while v > 0 { d[n] = UInt8(48 + v % 10); v /= 10; n += 1 }
            for i in stride(from: n - 1, through: 0, by: -1) { out.append(d[i]) }
        }
    }
}

extension SVGDocument {
    /// `<path>` of a geometry already in page or panel pixels (polygons and lines; points are left out).
    func outline(_ geometry: Geometry, cls: String, id: String? = nil, extra: String = "") {
        path(cls: cls, id: id, extra: extra) { out in var writer = PathWriter(); try? writer.append(geometry, to: &out) }
    }
}
