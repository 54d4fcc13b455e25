import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GeoKit
@testable import Cartography
import TestSupport

/// Boxes of what an SVG map draws, read back from the SVG text as a reader's tool would: translations followed,
/// text measured with the font metrics the renderer uses and the font sizes of its stylesheet, symbols sized from
/// their ids, paths from their data, everything inside a clip group cut to the clip rectangle. `<defs>` is not
/// drawn. Each box knows the groups it lies in (legend, panel n, inset, labels, scale, north, credits …).
final class SVGLayout: NSObject, XMLParserDelegate {
    struct Item {
        let tag: String
        let cls: String
        let box: Envelope
        /// Ids and classes of the enclosing groups, outermost first.
        let groups: [String]
        let text: String
        /// Index of the panel (`class="panel"` group) it lies in, if any.
        let panel: Int?
    }

    private(set) var items: [Item] = []
    private(set) var pageWidth = 0.0, pageHeight = 0.0
    /// Frames of the panels and the inset in page pixels.
    private(set) var panelFrames: [Envelope] = []
    private(set) var insetFrames: [Envelope] = []
    /// Path data of `<defs>` paths by class (the border `bd`, the Line of Control `loc`) with the id of their group.
    private(set) var definedPaths: [(group: String, cls: String, d: String)] = []
    private(set) var uses: [(href: String, origin: Coordinate)] = []
    private var fontSizes: [String: (size: Double, bold: Bool, spacing: Double)] = [:]
    private var clipRects: [String: Envelope] = [:]

    private struct Frame {
        var dx = 0.0, dy = 0.0
        var clip: Envelope?
        var name = ""
        var panel: Int?
    }

    private var stack: [Frame] = [Frame()]
    private var inDefs = 0, defsGroup = "", currentClip: String?
    private var style = "", inStyle = false
    private var text: (cls: String, x: Double, y: Double, anchor: String, rotate: Double, content: String)?
    private var panelCount = 0

    init(svg: String) throws {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        guard parser.parse() else { throw SVGTools.Failure(description: "SVG does not parse: \(parser.parserError.map { "\($0)" } ?? "?")") }
    }

    // MARK: Queries

    func items(in group: String) -> [Item] { items.filter { $0.groups.contains(group) } }

    static func union(_ boxes: [Envelope]) -> Envelope? {
        boxes.dropFirst().reduce(boxes.first) { $0?.union($1) }
    }

    var legendBox: Envelope? { Self.union(items(in: "legend").map(\.box)) }
    var creditsBox: Envelope? { Self.union(items.filter { $0.cls == "cr" }.map(\.box)) }
    var titleBox: Envelope? { Self.union(items.filter { $0.cls == "ti" || $0.cls == "st" }.map(\.box)) }
    /// The scale bar and north arrow of each single map (in its panel), as one box each.
    var furnitureBoxes: [Envelope] {
        var boxes: [Envelope] = []
        for panel in Set(items.compactMap(\.panel)).sorted() {
            let parts = items.filter { $0.panel == panel && !$0.groups.contains("inset") && ($0.groups.contains("scale") || $0.groups.contains("north") || $0.cls == "box") }
            if let box = Self.union(parts.map(\.box)) { boxes.append(box) }
        }
        return boxes
    }

    /// Lines of a `<defs>` path of class `cls` (in the group `group`), in the panel's pixels.
    func definedLines(cls: String, group: String) -> [[Coordinate]] {
        definedPaths.filter { $0.cls == cls && $0.group == group }.flatMap { SVGPathData.lines($0.d) }
    }

    // MARK: Parsing

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes a: [String: String]) {
        func number(_ key: String) -> Double { Double(a[key] ?? "") ?? 0 }
        var frame = stack.last!
        frame.name = ""
        if name == "svg" {
            let viewBox = (a["viewBox"] ?? "").split(separator: " ").compactMap { Double($0) }
            if viewBox.count == 4 { pageWidth = viewBox[2]; pageHeight = viewBox[3] }
        }
        if name == "style" { inStyle = true }
        if name == "defs" { inDefs += 1 }
        if inDefs > 0 {
            if name == "g", let id = a["id"] { defsGroup = id }
            if name == "clipPath" { currentClip = a["id"] }
            if name == "rect", let clip = currentClip {
                clipRects[clip] = Envelope(minX: number("x"), minY: number("y"), maxX: number("x") + number("width"), maxY: number("y") + number("height"))
            }
            if name == "path", let d = a["d"], let cls = a["class"] { definedPaths.append((defsGroup, cls, d)) }
            stack.append(frame)
            return
        }
        if let transform = a["transform"], let range = transform.range(of: "translate(") {
            let values = transform[range.upperBound...].prefix { $0 != ")" }.split(separator: " ").compactMap { Double($0) }
            if values.count == 2 { frame.dx += values[0]; frame.dy += values[1] }
        }
        if let clip = a["clip-path"], let id = clip.split(separator: "#").last.map({ String($0.dropLast()) }), let rect = clipRects[id] {
            let shifted = Envelope(minX: rect.minX + frame.dx, minY: rect.minY + frame.dy, maxX: rect.maxX + frame.dx, maxY: rect.maxY + frame.dy)
            frame.clip = frame.clip.map { Self.intersection($0, shifted) } ?? shifted
        }
        if name == "g" {
            frame.name = [a["id"], a["class"]].compactMap { $0 }.joined(separator: " ")
            if (a["class"] ?? "").split(separator: " ").contains("panel") { frame.panel = panelCount; panelCount += 1 }
        }
        stack.append(frame)
        let cls = a["class"] ?? ""
        switch name {
        case "rect":
            let box = Envelope(minX: number("x"), minY: number("y"), maxX: number("x") + number("width"), maxY: number("y") + number("height"))
            add("rect", cls, box)
            if cls == "fr" { panelFrames.append(shifted(box)) }
            if cls == "ins" { insetFrames.append(shifted(box)) }
        case "circle":
            let r = number("r")
            add("circle", cls, Envelope(minX: number("cx") - r, minY: number("cy") - r, maxX: number("cx") + r, maxY: number("cy") + r))
        case "use":
            let href = String((a["href"] ?? "").dropFirst())
            uses.append((href, Coordinate(number("x") + frame.dx, number("y") + frame.dy)))
            if let shape = SymbolShape(rawValue: String(href.prefix(1))), let r = Double(href.dropFirst()).map({ $0 / 100 }) {
                let h = shape.halfExtent(r: r)
                add("use", cls, Envelope(minX: number("x") - h, minY: number("y") - h, maxX: number("x") + h, maxY: number("y") + h))
            }
        case "path":
            if let d = a["d"], let box = SVGPathData.bounds(d) { add("path", cls, box) }
        case "text":
            var rotate = 0.0
            if let t = a["transform"], t.hasPrefix("rotate(") { rotate = Double(t.dropFirst(7).split(separator: " ").first ?? "") ?? 0 }
            text = (cls, number("x"), number("y"), a["text-anchor"] ?? "start", rotate, "")
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inStyle { style += string }
        if text != nil { text!.content += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "style" { inStyle = false; readFontSizes() }
        if name == "text", let t = text {
            text = nil
            let font = fontSizes[t.cls] ?? (9, false, 0)
            let style = LabelStyle(cls: t.cls, size: font.size, bold: font.bold, letterSpacing: font.spacing)
            var box = LabelPlacer.box(text: t.content, x: t.x, y: t.y, style: style, anchor: t.anchor, pad: 0)
            if abs(t.rotate) > 0.05 {
                let angle = t.rotate * .pi / 180, c = cos(angle), s = sin(angle)
                let corners = [Coordinate(box.minX, box.minY), Coordinate(box.maxX, box.minY), Coordinate(box.minX, box.maxY), Coordinate(box.maxX, box.maxY)]
                    .map { Coordinate(t.x + ($0.x - t.x) * c - ($0.y - t.y) * s, t.y + ($0.x - t.x) * s + ($0.y - t.y) * c) }
                box = Envelope(minX: corners.map(\.x).min()!, minY: corners.map(\.y).min()!, maxX: corners.map(\.x).max()!, maxY: corners.map(\.y).max()!)
            }
            add("text", t.cls, box, text: t.content)
        }
        if name == "clipPath" { currentClip = nil }
        if name == "defs" { inDefs -= 1 }
        stack.removeLast()
    }

    private func readFontSizes() {
        for rule in style.split(separator: "}") {
            let parts = rule.split(separator: "{", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let body = String(parts[1])
            guard let size = Self.value(body, "font-size") else { continue }
            let spacing = Self.value(body, "letter-spacing") ?? 0
            for selector in parts[0].split(separator: ",") where selector.hasPrefix(".") || selector.contains(".") {
                let cls = String(selector.split(separator: ".").last ?? "")
                fontSizes[cls] = (size, body.contains("font-weight:bold"), spacing)
            }
        }
    }

    /// Every font size the stylesheet sets, in px.
    var stylesheetFontSizes: [String: Double] { fontSizes.mapValues(\.size) }

    private static func value(_ body: String, _ property: String) -> Double? {
        guard let range = body.range(of: property + ":") else { return nil }
        return Double(body[range.upperBound...].prefix { $0.isNumber || $0 == "." })
    }

    private func shifted(_ box: Envelope) -> Envelope {
        let f = stack.last!
        return Envelope(minX: box.minX + f.dx, minY: box.minY + f.dy, maxX: box.maxX + f.dx, maxY: box.maxY + f.dy)
    }

    private func add(_ tag: String, _ cls: String, _ local: Envelope, text: String = "") {
        var box = shifted(local)
        if let clip = stack.last!.clip {
            guard box.intersects(clip) else { return }
            box = Self.intersection(box, clip)
        }
        items.append(Item(tag: tag, cls: cls, box: box, groups: stack.map(\.name).filter { !$0.isEmpty }, text: text, panel: stack.last!.panel))
    }

    static func intersection(_ a: Envelope, _ b: Envelope) -> Envelope {
        Envelope(minX: max(a.minX, b.minX), minY: max(a.minY, b.minY), maxX: min(a.maxX, b.maxX), maxY: min(a.maxY, b.maxY))
    }
}

/// The path data the renderer writes (M m L l H h V v Q q Z z a, numbers in its short form) read into lines.
enum SVGPathData {
    static func tokens(_ d: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: "[MmLlHhVvQqZzAa]|-?[0-9]*\\.?[0-9]+")
        return regex.matches(in: d, range: NSRange(d.startIndex..., in: d)).map { String(d[Range($0.range, in: d)!]) }
    }

    /// Each subpath as a polyline (curves by their end and control points; arcs by their end points).
    static func lines(_ d: String) -> [[Coordinate]] {
        var lines: [[Coordinate]] = [], current: [Coordinate] = []
        var x = 0.0, y = 0.0, command = "M", start = Coordinate(0, 0)
        var numbers: [Double] = []
        func flush() { if current.count > 1 { lines.append(current) }; current = [] }
        func take(_ n: Int) -> [Double]? { numbers.count >= n ? Array(numbers.prefix(n)) : nil }
        for token in tokens(d) + ["M"] {
            if let value = Double(token) { numbers.append(value) } else {
                while !numbers.isEmpty {
                    switch command {
                    case "M", "m":
                        guard let v = take(2) else { numbers = []; break }
                        flush()
                        x = command == "M" ? v[0] : x + v[0]; y = command == "M" ? v[1] : y + v[1]
                        start = Coordinate(x, y); current = [start]; numbers.removeFirst(2)
                        command = command == "M" ? "L" : "l"
                    case "L", "l":
                        guard let v = take(2) else { numbers = []; break }
                        x = command == "L" ? v[0] : x + v[0]; y = command == "L" ? v[1] : y + v[1]
                        current.append(Coordinate(x, y)); numbers.removeFirst(2)
                    case "H", "h":
                        x = command == "H" ? numbers[0] : x + numbers[0]; current.append(Coordinate(x, y)); numbers.removeFirst()
                    case "V", "v":
                        y = command == "V" ? numbers[0] : y + numbers[0]; current.append(Coordinate(x, y)); numbers.removeFirst()
                    case "Q", "q":
                        guard let v = take(4) else { numbers = []; break }
                        let (cx, cy, ex, ey) = command == "Q" ? (v[0], v[1], v[2], v[3]) : (x + v[0], y + v[1], x + v[2], y + v[3])
                        current.append(Coordinate(cx, cy)); x = ex; y = ey; current.append(Coordinate(x, y)); numbers.removeFirst(4)
                    case "A", "a":
                        guard let v = take(7) else { numbers = []; break }
                        x = command == "A" ? v[5] : x + v[5]; y = command == "A" ? v[6] : y + v[6]
                        current.append(Coordinate(x, y)); numbers.removeFirst(7)
                    default:
                        numbers = []
                    }
                }
                if token == "z" || token == "Z" { current.append(start); x = start.x; y = start.y; flush(); current = [start] }
                command = token
            }
        }
        flush()
        return lines
    }

    static func bounds(_ d: String) -> Envelope? {
        let points = lines(d).flatMap { $0 }
        guard let first = points.first else { return nil }
        return points.dropFirst().reduce(Envelope(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)) {
            $0.union(Envelope(minX: $1.x, minY: $1.y, maxX: $1.x, maxY: $1.y))
        }
    }
}
