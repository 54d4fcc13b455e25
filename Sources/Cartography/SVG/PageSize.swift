import Foundation
import GeoKit
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis

/// The size of the drawing: a named paper size or `WxH` in px, mm or inches. Drawing units are CSS pixels (96 per
/// inch); paper sizes (mm or inches) also carry their millimetres so the SVG prints at the right size.
public struct PageSize: Sendable, Equatable, CustomStringConvertible {
    public var width: Double
    public var height: Double
    /// Millimetres when the size was given on paper.
    public var millimetres: (width: Double, height: Double)?
    public var name: String

    static let pxPerMM = 96 / 25.4

    public static func == (a: PageSize, b: PageSize) -> Bool { a.width == b.width && a.height == b.height }

    public init(width: Double, height: Double, name: String = "") {
        self.width = width; self.height = height; self.name = name.isEmpty ? "\(Int(width))x\(Int(height))px" : name
    }

    init(mm w: Double, _ h: Double, name: String) {
        self.init(width: w * Self.pxPerMM, height: h * Self.pxPerMM, name: name)
        millimetres = (w, h)
    }

    public static let names = ["a4-landscape", "a4-portrait", "letter-landscape", "letter-portrait", "a3-landscape", "a3-portrait"]

    public var description: String { name }

    /// Reads "a4-landscape", "letter-portrait", "1600x1000", "1600x1000px", "297x210mm" or "11x8.5in".
    public init(parsing text: String) throws {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch t {
        case "a4", "a4-landscape": self.init(mm: 297, 210, name: "A4 landscape")
        case "a4-portrait": self.init(mm: 210, 297, name: "A4 portrait")
        case "a3", "a3-landscape": self.init(mm: 420, 297, name: "A3 landscape")
        case "a3-portrait": self.init(mm: 297, 420, name: "A3 portrait")
        case "letter", "letter-landscape": self.init(mm: 279.4, 215.9, name: "Letter landscape")
        case "letter-portrait": self.init(mm: 215.9, 279.4, name: "Letter portrait")
        default:
            var body = t, mm = false, inches = false
            if body.hasSuffix("mm") { mm = true; body.removeLast(2) } else if body.hasSuffix("in") { inches = true; body.removeLast(2) }
            else if body.hasSuffix("px") { body.removeLast(2) }
            let parts = body.split(separator: "x").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 2, var w = parts[0], var h = parts[1], w.isFinite, h.isFinite else {
                throw MapError("size '\(text)' is not understood; write WxH in px, mm or inches (1600x1000, 297x210mm, 11x8.5in) or a page name: \(Self.names.joined(separator: ", "))")
            }
            if inches { w *= 25.4; h *= 25.4; mm = true }
            let minimum = mm ? 80.0 : 300.0, maximum = mm ? 2000.0 : 8000.0
            guard (minimum...maximum).contains(w), (minimum...maximum).contains(h) else {
                throw MapError("size '\(text)' is out of range: each side must be \(Int(minimum))–\(Int(maximum)) \(mm ? "mm" : "px")")
            }
            if mm { self.init(mm: w, h, name: "\(text)") } else { self.init(width: w, height: h, name: "\(Int(w))x\(Int(h))px") }
        }
    }
}
