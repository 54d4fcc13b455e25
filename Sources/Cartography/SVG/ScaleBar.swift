import Foundation
import GeoKit
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis

/// A scale bar in kilometres of a nice round length, measured on the ellipsoid at the map centre.
enum ScaleBar {
    /// The largest 1, 2 or 5 × 10ⁿ km not above `maxKm`.
    static func niceLength(maxKm: Double) -> Double {
        guard maxKm > 0 else { return 1 }
        let power = pow(10, floor(log10(maxKm)))
        for step in [5.0, 2, 1] where step * power <= maxKm { return step * power }
        return power
    }

    /// Draws the bar with its left end at (x, y) (top of the bar); returns its size.
    @discardableResult
    static func write(to doc: SVGDocument, x: Double, y: Double, kmPerPixel: Double, maxWidth: Double, compact: Bool = false) -> (width: Double, height: Double) {
        let km = niceLength(maxKm: maxWidth * kmPerPixel)
        let width = km / kmPerPixel
        let h = 4.0
        doc.raw("<g class=\"scale\">")
        doc.rect(x: x, y: y, width: width, height: h, cls: "sbw")
        doc.rect(x: x, y: y, width: width / 4, height: h, cls: "sbb")
        doc.rect(x: x + width / 2, y: y, width: width / 4, height: h, cls: "sbb")
        if compact {
            doc.text(format(km) + " km", x: x - 3, y: y + h + 0.5, cls: "sbt", anchor: "end")
        } else {
            let labels: [(Double, String)] = [(0, "0"), (width / 2, format(km / 2)), (width, format(km) + " km")]
            for (dx, text) in labels { doc.text(text, x: x + dx, y: y + h + 10, cls: "sbt", anchor: "middle") }
        }
        doc.raw("</g>")
        return (width, h + 12)
    }

    static func format(_ km: Double) -> String {
        km == km.rounded() ? String(Int(km)) : NumberFormatting.string(km, decimals: 1)
    }
}

/// A north arrow rotated to true north (`angle` degrees clockwise from up, computed from the projection).
enum NorthArrow {
    static func write(to doc: SVGDocument, cx: Double, cy: Double, angle: Double, size: Double = 22) {
        let h = size / 2, w = size * 0.28
        doc.raw("<g class=\"north\" transform=\"translate("); doc.num(cx); doc.byte(32); doc.num(cy)
        doc.raw(") rotate("); doc.num(angle); doc.raw(")\">")
        doc.raw("<title>North (true north at the map centre)</title>")
        doc.path(cls: "nao") { out in
            var p = PathWriter()
            p.appendRing([Coordinate(0, -h), Coordinate(-w, h * 0.7), Coordinate(0, h * 0.35), Coordinate(0, -h)], closed: true, to: &out)
        }
        doc.path(cls: "na") { out in
            var p = PathWriter()
            p.appendRing([Coordinate(0, -h), Coordinate(w, h * 0.7), Coordinate(0, h * 0.35), Coordinate(0, -h)], closed: true, to: &out)
        }
        doc.text("N", x: 0, y: -h - 3, cls: "nat", anchor: "middle")
        doc.raw("</g>")
    }
}
