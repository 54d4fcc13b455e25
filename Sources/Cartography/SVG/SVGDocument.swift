import GeoKit
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis
/// An SVG document built as UTF-8 bytes: element helpers, XML escaping of every data text,
/// and numbers rounded to 0.1 px. One buffer, no per-element strings for the large layers.
final class SVGDocument {
    var bytes: [UInt8] = []

    init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    // MARK: Raw output

    /// Markup written by this renderer (never data text).
    func raw(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    func byte(_ b: UInt8) { bytes.append(b) }

    /// A number rounded to one decimal (trailing zero trimmed).
    func num(_ value: Double) {
        NumberFormatting.append(value.isFinite ? value : 0, decimals: 1, to: &bytes)
    }

    /// `name="value"` with a number, preceded by a space.
    func attr(_ name: String, _ value: Double) {
        byte(32); raw(name); raw("=\""); num(value); byte(34)
    }

    /// `name="text"` with data text escaped, preceded by a space.
    func attr(_ name: String, text: String) {
        byte(32); raw(name); raw("=\""); escaped(text); byte(34)
    }

    // MARK: Escaping

    /// Appends `text` escaped for XML content and attribute values: & < > " ' become entities and
    /// characters XML 1.0 forbids (C0 controls other than tab, line feed, carriage return; U+FFFE, U+FFFF) are dropped.
    package func escaped(_ text: String) {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x26: raw("&amp;")
            case 0x3C: raw("&lt;")
            case 0x3E: raw("&gt;")
            case 0x22: raw("&quot;")
            case 0x27: raw("&#39;")
            case 0x09, 0x0A, 0x0D: bytes.append(UInt8(scalar.value))
            case 0..<0x20, 0xFFFE, 0xFFFF: continue
            default:
                if scalar.value < 0x80 { bytes.append(UInt8(scalar.value)) } else {
                    bytes.append(contentsOf: String(Character(scalar)).utf8)
                }
            }
        }
    }

    static func escape(_ text: String) -> String {
        let doc = SVGDocument(capacity: text.utf8.count + 16)
        doc.escaped(text)
        return String(decoding: doc.bytes, as: UTF8.self)
    }

    // MARK: Elements

    /// `<text>` with escaped content. `anchor`: start, middle or end.
    func text(_ content: String, x: Double, y: Double, cls: String, anchor: String? = nil, rotate: Double? = nil) {
        raw("<text class=\"\(cls)\"")
        if let rotate, abs(rotate) > 0.05 {
            raw(" transform=\"rotate("); num(rotate); byte(32); num(x); byte(32); num(y); raw(")\"")
        }
        attr("x", x); attr("y", y)
        if let anchor, anchor != "start" { raw(" text-anchor=\"\(anchor)\"") }
        byte(62); escaped(content); raw("</text>")
    }

    func rect(x: Double, y: Double, width: Double, height: Double, cls: String) {
        raw("<rect class=\"\(cls)\""); attr("x", x); attr("y", y); attr("width", width); attr("height", height); raw("/>")
    }

    func circle(cx: Double, cy: Double, r: Double, cls: String) {
        raw("<circle class=\"\(cls)\""); attr("cx", cx); attr("cy", cy); attr("r", r); raw("/>")
    }

    /// A circle with a tooltip (data text, escaped).
    func circle(cx: Double, cy: Double, r: Double, cls: String, title: String) {
        raw("<circle class=\"\(cls)\""); attr("cx", cx); attr("cy", cy); attr("r", r)
        raw("><title>"); escaped(title); raw("</title></circle>")
    }

    /// `<use>` of a definition at (x, y).
    func use(_ id: String, x: Double = 0, y: Double = 0, cls: String? = nil) {
        raw("<use href=\"#\(id)\"")
        if let cls { raw(" class=\"\(cls)\"") }
        if x != 0 { attr("x", x) }
        if y != 0 { attr("y", y) }
        raw("/>")
    }

    /// `<path class d>` whose `d` is written by `body`.
    func path(cls: String, id: String? = nil, extra: String = "", _ body: (inout [UInt8]) -> Void) {
        raw("<path")
        if let id { raw(" id=\"\(id)\"") }
        if !cls.isEmpty { raw(" class=\"\(cls)\"") }
        raw(extra)
        raw(" d=\"")
        body(&bytes)
        raw("\"/>")
    }

    /// `<path class d>` with a tooltip (data text, escaped).
    func path(cls: String, title: String, _ body: (inout [UInt8]) -> Void) {
        raw("<path class=\"\(cls)\" d=\"")
        body(&bytes)
        raw("\"><title>"); escaped(title); raw("</title></path>")
    }

    /// The XML declaration and the `<svg>` root sized to the page (mm when the page was given in mm),
    /// with its `<title>`, `<desc>` and the stylesheet.
    func openRoot(page: PageSize, title: String, description: String, css: String) {
        raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"")
        if let mm = page.millimetres {
            raw(" width=\""); num(mm.width); raw("mm\" height=\""); num(mm.height); raw("mm\"")
        } else {
            attr("width", page.width); attr("height", page.height)
        }
        raw(" viewBox=\"0 0 "); num(page.width); byte(32); num(page.height); raw("\">\n")
        raw("<title>"); escaped(title); raw("</title>\n")
        raw("<desc>"); escaped(description); raw("</desc>\n")
        raw("<style>"); raw(css); raw("</style>\n")
    }

    func open(_ tag: String, _ attributes: String = "") { raw("<\(tag)\(attributes.isEmpty ? "" : " " + attributes)>") }
    func close(_ tag: String) { raw("</\(tag)>") }

    /// `<g transform="translate(x y)">`.
    func openTranslated(x: Double, y: Double, extra: String = "") {
        raw("<g transform=\"translate("); num(x); byte(32); num(y); raw(")\""); raw(extra); raw(">")
    }
}
