import Foundation
import GeoKit
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis

/// Advance widths of DejaVu Sans (the font librsvg finds on Debian; Verdana, its fallback, is as wide),
/// in thousandths of an em, for ASCII 32…126; other characters count as 0.62 em.
enum TextMetrics {
    static let regular: [UInt16] = [318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838]
    static let bold: [UInt16] = [348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838]

    /// Width in pixels of `text` at `size` px, with `letterSpacing` px added between characters.
    static func width(_ text: String, size: Double, bold: Bool = false, letterSpacing: Double = 0) -> Double {
        let table = bold ? Self.bold : regular
        var units = 0.0, count = 0
        for scalar in text.unicodeScalars {
            count += 1
            if scalar.value >= 32 && scalar.value < 127 { units += Double(table[Int(scalar.value) - 32]) } else { units += 620 }
        }
        return units / 1000 * size + letterSpacing * Double(max(count - 1, 0))
    }
}

/// A text style's measures, matching the CSS classes of `MapTheme`.
struct LabelStyle {
    let cls: String
    let size: Double
    var bold = false
    var letterSpacing = 0.0
    var uppercase = false

    func width(_ text: String) -> Double {
        TextMetrics.width(uppercase ? text.uppercased() : text, size: size, bold: bold, letterSpacing: letterSpacing)
    }
}

/// A label placed on the map.
struct PlacedLabel {
    var text: String
    var x: Double
    var y: Double
    var style: LabelStyle
    var anchor: String
    var rotation: Double = 0
    var box: Envelope
    /// A thin line from the labelled symbol to a label set further off.
    var leader: (from: Coordinate, to: Coordinate)? = nil
}

/// Greedy label placement: labels arrive in priority order and each takes the first of its candidate positions
/// that overlaps no placed label, no obstacle (symbols, furniture), no line it must avoid (links; the border and
/// the Line of Control never) and stays inside the frame; a label with no free position is dropped.
struct LabelPlacer {
    let frame: Envelope
    /// Lines labels must not cross; nil places labels against boxes only.
    let barriers: LabelBarriers?
    /// Whether a label may be set further off with a leader line (not in small multiples, where it would mislead).
    var allowsLeaders = true
    private(set) var boxes: [Envelope] = []
    private(set) var obstacles: [Envelope] = []
    private(set) var placed: [PlacedLabel] = []
    var dropped: [String] = []
    /// Labels set along a line, tested exactly (not by their axis-aligned box).
    private(set) var rotated: [OrientedBox] = []

    init(frame: Envelope, barriers: LabelBarriers? = nil) {
        self.frame = frame
        self.barriers = barriers
    }

    mutating func addObstacle(_ e: Envelope) { obstacles.append(e) }

    func isFree(_ box: Envelope, ignoreObstacles: Bool = false) -> Bool {
        guard box.minX >= frame.minX + 2, box.maxX <= frame.maxX - 2, box.minY >= frame.minY + 2, box.maxY <= frame.maxY - 2 else { return false }
        if boxes.contains(where: { $0.intersects(box) }) { return false }
        if rotated.contains(where: { $0.intersects(box) }) { return false }
        if !ignoreObstacles, obstacles.contains(where: { $0.intersects(box) }) { return false }
        if let barriers {
            if barriers.blocksAlways(box) { return false }
            if !ignoreObstacles, barriers.blocksWhilePossible(box) { return false }
        }
        return true
    }

    /// The box of a horizontal text whose baseline point is (x, y).
    static func box(text: String, x: Double, y: Double, style: LabelStyle, anchor: String, pad: Double = 1.5) -> Envelope {
        let w = style.width(text)
        let left = anchor == "middle" ? x - w / 2 : anchor == "end" ? x - w : x
        return Envelope(minX: left - pad, minY: y - style.size * 0.78 - pad, maxX: left + w + pad, maxY: y + style.size * 0.24 + pad)
    }

    /// Places `text` centred near `centre` (a polygon's label point), trying shifts within `room` px; with `within`,
    /// only where the label's middle stays inside that outline (its own side of every border).
    @discardableResult
    mutating func placeCentred(_ text: String, at centre: Coordinate, style: LabelStyle, room: Double = 0, within: Geometry? = nil,
                               ignoreObstacles: Bool = false, recordDrop: Bool = true) -> Bool {
        let baseline = centre.y + style.size * 0.3
        var offsets: [(Double, Double)] = [(0, 0)]
        if room > 4 {
            let s = min(room, 30)
            offsets += [(0, -s / 2), (0, s / 2), (-s / 2, 0), (s / 2, 0), (0, -s), (0, s), (-s, 0), (s, 0)]
            offsets += [(-s, -s / 2), (s, -s / 2), (-s, s / 2), (s, s / 2), (0, -1.5 * s), (0, 1.5 * s)]
        }
        for (dx, dy) in offsets {
            let box = Self.box(text: text, x: centre.x + dx, y: baseline + dy, style: style, anchor: "middle")
            if let within, let barriers, !barriers.inside(box.center, within) { continue }
            if isFree(box, ignoreObstacles: ignoreObstacles) {
                accept(PlacedLabel(text: text, x: centre.x + dx, y: baseline + dy, style: style, anchor: "middle", box: box))
                return true
            }
        }
        if recordDrop { dropped.append(text) }
        return false
    }

    /// Places `text` beside a point symbol of radius `r`: right, left, above, below, then the diagonals.
    @discardableResult
    mutating func placeBeside(_ text: String, point p: Coordinate, r: Double, style: LabelStyle,
                              ignoreObstacles: Bool = false, recordDrop: Bool = true) -> Bool {
        let gap = r + 2.5
        let ascent = style.size * 0.72
        let candidates: [(Double, Double, String)] = [
            (p.x + gap, p.y + ascent / 2 - 0.5, "start"), (p.x - gap, p.y + ascent / 2 - 0.5, "end"),
            (p.x, p.y - gap - 1, "middle"), (p.x, p.y + gap + ascent, "middle"),
            (p.x + gap * 0.75, p.y - gap * 0.75, "start"), (p.x + gap * 0.75, p.y + gap * 0.75 + ascent, "start"),
            (p.x - gap * 0.75, p.y - gap * 0.75, "end"), (p.x - gap * 0.75, p.y + gap * 0.75 + ascent, "end"),
        ]
        for (x, y, anchor) in candidates {
            let box = Self.box(text: text, x: x, y: y, style: style, anchor: anchor)
            if isFree(box, ignoreObstacles: ignoreObstacles), barriers?.sameSide(p, box.center) ?? true {
                accept(PlacedLabel(text: text, x: x, y: y, style: style, anchor: anchor, box: box))
                return true
            }
        }
        if !ignoreObstacles, allowsLeaders, placeWithLeader(text, point: p, r: r, style: style) { return true }
        if recordDrop { dropped.append(text) }
        return false
    }

    /// Further off (three distances, eight directions), joined to the symbol by a leader line that crosses no
    /// other label.
    private mutating func placeWithLeader(_ text: String, point p: Coordinate, r: Double, style: LabelStyle) -> Bool {
        let ascent = style.size * 0.72
        for distance in [r + 14, r + 22, r + 32] {
            for step in 0..<8 {
                let angle = Double(step) * Double.pi / 4
                let ex = p.x + cos(angle) * distance, ey = p.y + sin(angle) * distance
                let anchor = abs(cos(angle)) < 0.3 ? "middle" : (cos(angle) > 0 ? "start" : "end")
                let y = ey + (sin(angle) > 0.3 ? ascent : sin(angle) < -0.3 ? 0 : ascent / 2)
                let x = ex + (anchor == "start" ? 2 : anchor == "end" ? -2 : 0)
                let box = Self.box(text: text, x: x, y: y, style: style, anchor: anchor)
                let start = Coordinate(p.x + cos(angle) * (r + 1), p.y + sin(angle) * (r + 1))
                let path = Envelope(minX: min(start.x, ex), minY: min(start.y, ey), maxX: max(start.x, ex), maxY: max(start.y, ey))
                guard isFree(box), !boxes.contains(where: { $0.intersects(path) }), barriers?.sameSide(p, box.center) ?? true,
                      !(barriers?.blocksAlways(path) ?? false) else { continue }
                accept(PlacedLabel(text: text, x: x, y: y, style: style, anchor: anchor, box: box, leader: (start, Coordinate(ex, ey))))
                return true
            }
        }
        return false
    }

    mutating func accept(_ label: PlacedLabel) {
        placed.append(label)
        boxes.append(label.box)
    }

    func write(to doc: SVGDocument) {
        for label in placed {
            if let leader = label.leader {
                doc.raw("<path class=\"ll\" d=\"M"); doc.num(leader.from.x); doc.byte(32); doc.num(leader.from.y)
                doc.byte(76); doc.num(leader.to.x); doc.byte(32); doc.num(leader.to.y); doc.raw("\"/>")
            }
            doc.text(label.style.uppercase ? label.text.uppercased() : label.text, x: label.x, y: label.y,
                     cls: label.style.cls, anchor: label.anchor, rotate: label.rotation)
        }
    }
}

/// A rectangle rotated about its centre, for labels set along a line.
struct OrientedBox {
    var centre: Coordinate
    var halfWidth: Double
    var halfHeight: Double
    /// Radians, clockwise on the page (y down).
    var angle: Double

    var corners: [Coordinate] {
        let c = cos(angle), s = sin(angle)
        return [(-1.0, -1.0), (1, -1), (1, 1), (-1, 1)].map { (sx, sy) in
            let x = sx * halfWidth, y = sy * halfHeight
            return Coordinate(centre.x + x * c - y * s, centre.y + x * s + y * c)
        }
    }

    var envelope: Envelope {
        let cs = corners
        return Envelope(minX: cs.map(\.x).min()!, minY: cs.map(\.y).min()!, maxX: cs.map(\.x).max()!, maxY: cs.map(\.y).max()!)
    }

    /// Separating-axis test against an axis-aligned box.
    func intersects(_ e: Envelope) -> Bool {
        guard envelope.intersects(e) else { return false }
        let c = cos(angle), s = sin(angle)
        let boxCorners = [Coordinate(e.minX, e.minY), Coordinate(e.maxX, e.minY), Coordinate(e.maxX, e.maxY), Coordinate(e.minX, e.maxY)]
        for (ax, ay) in [(c, s), (-s, c)] {
            let mine = corners.map { $0.x * ax + $0.y * ay }, theirs = boxCorners.map { $0.x * ax + $0.y * ay }
            if mine.max()! < theirs.min()! || theirs.max()! < mine.min()! { return false }
        }
        return true
    }
}

extension LabelPlacer {
    /// Sets `text` along the straightest free stretch of `lines` (a label along the border), rotated to the line and
    /// kept upright, just beside it so the line stays visible; prefers stretches near `prefer`. When no stretch is
    /// long enough the text is set in two lines (broken at `breakAt`), and at last over obstacles rather than not at all.
    @discardableResult
    mutating func placeAlong(_ text: String, breakAt: String? = nil, lines: [[Coordinate]], style: LabelStyle, prefer: Coordinate, gap: Double) -> Bool {
        var split = [text]
        if let breakAt, let range = text.range(of: breakAt) {
            split = [String(text[..<range.lowerBound]).trimmingCharacters(in: .whitespaces), String(text[range.lowerBound...])]
        }
        let attempts: [([String], Double, Double, Bool)] = [
            ([text], 3, 0.95, false), ([text], 5, 0.92, false), (split, 3, 0.95, false), (split, 5, 0.92, false),
            ([text], 8, 0.88, false), (split, 8, 0.88, false), (split, 12, 0.8, false), (split, 12, 0.8, true),
        ]
        for (textLines, maxDeviation, straightness, acceptBlocked) in attempts {
            if placeAlong(textLines, lines: lines, style: style, prefer: prefer, gap: gap, maxDeviation: maxDeviation,
                          straightness: straightness, acceptBlocked: acceptBlocked) {
                return true
            }
        }
        dropped.append(text)
        return false
    }

    private mutating func placeAlong(_ textLines: [String], lines: [[Coordinate]], style: LabelStyle, prefer: Coordinate, gap: Double,
                                     maxDeviation: Double, straightness: Double, acceptBlocked: Bool) -> Bool {
        let w = textLines.map(style.width).max() ?? 0, length = w + 10
        let lineHeight = style.size * 1.15
        let blockHeight = style.size * 0.74 + Double(textLines.count - 1) * lineHeight
        var best: (score: Double, labels: [PlacedLabel], oriented: OrientedBox)?
        for line in lines where line.count >= 2 {
            var cumulative = [0.0]
            for i in 1..<line.count {
                cumulative.append(cumulative[i - 1] + hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y))
            }
            let total = cumulative.last!
            guard total >= length else { continue }
            func point(at d: Double) -> Coordinate {
                var i = 1
                while i < line.count - 1 && cumulative[i] < d { i += 1 }
                let span = cumulative[i] - cumulative[i - 1]
                let t = span > 0 ? (d - cumulative[i - 1]) / span : 0
                return Coordinate(line[i - 1].x + (line[i].x - line[i - 1].x) * t, line[i - 1].y + (line[i].y - line[i - 1].y) * t)
            }
            var s = 0.0
            while s + length <= total {
                defer { s += 5 }
                var a = point(at: s), b = point(at: s + length)
                let chord = hypot(b.x - a.x, b.y - a.y)
                guard chord >= straightness * length else { continue }
                var deviation = 0.0
                for i in line.indices where cumulative[i] > s && cumulative[i] < s + length {
                    let d = abs((b.x - a.x) * (a.y - line[i].y) - (a.x - line[i].x) * (b.y - a.y)) / chord
                    deviation = max(deviation, d)
                }
                guard deviation <= maxDeviation else { continue }
                if b.x < a.x { swap(&a, &b) }
                let angle = atan2(b.y - a.y, b.x - a.x)
                guard abs(angle) < 1.25 else { continue }
                let mid = Coordinate((a.x + b.x) / 2, (a.y + b.y) / 2)
                let down = Coordinate(-sin(angle), cos(angle))
                for side in [-1.0, 1.0] {
                    // The block's edge nearest the line sits `gap` + deviation off it.
                    let near = gap + deviation
                    let top = side < 0 ? -(near + blockHeight) : near   // offset of the block's top along `down`
                    let centreOffset = top + blockHeight / 2
                    let centre = Coordinate(mid.x + down.x * centreOffset, mid.y + down.y * centreOffset)
                    let oriented = OrientedBox(centre: centre, halfWidth: w / 2 + 2, halfHeight: blockHeight / 2 + 1.5, angle: angle)
                    let env = oriented.envelope
                    guard env.minX >= frame.minX + 4, env.maxX <= frame.maxX - 4, env.minY >= frame.minY + 4, env.maxY <= frame.maxY - 4 else { continue }
                    let blocked = obstacles.filter { oriented.intersects($0) }.count + boxes.filter { oriented.intersects($0) }.count
                    let score = Double(blocked) * 1000 + deviation * 6 + abs(angle) * 8 + hypot(mid.x - prefer.x, mid.y - prefer.y) * 0.02
                    if best == nil || score < best!.score {
                        var labels: [PlacedLabel] = []
                        for (i, textLine) in textLines.enumerated() {
                            let offset = top + style.size * 0.74 + Double(i) * lineHeight
                            labels.append(PlacedLabel(text: textLine, x: mid.x + down.x * offset, y: mid.y + down.y * offset, style: style,
                                                      anchor: "middle", rotation: angle * 180 / .pi, box: env))
                        }
                        best = (score, labels, oriented)
                    }
                }
            }
        }
        guard let best, acceptBlocked || best.score < 1000 else { return false }
        placed += best.labels
        rotated.append(best.oriented)
        return true
    }
}
