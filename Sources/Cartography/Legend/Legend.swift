import GeoKit
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis

/// One legend row: a swatch drawn by `swatch` in a box at (x, y) of `swatchWidth` × `height`, and its label.
struct LegendItem {
    var label: String
    var height: Double = 12
    /// The swatch's width when wider than the legend's swatch column (a large circle): the label moves right.
    var width: Double = 0
    var swatch: (SVGDocument, _ x: Double, _ y: Double, _ width: Double, _ height: Double) -> Void
}

struct LegendSection {
    var title: String
    var items: [LegendItem]
    var note: String? = nil
    /// 0: always shown; higher numbers are left out first when the legend does not fit its box.
    var dropOrder = 0
    /// The note stays whatever the room (the Line of Control note).
    var noteRequired = false
}

/// The legend: sections of swatches and labels flowed into columns within a box; labels wrap to the column.
struct Legend {
    var sections: [LegendSection] = []
    var swatchWidth = 30.0
    var columnWidth = 230.0
    static let textStyle = LabelStyle(cls: "lg", size: 9)
    static let noteStyle = LabelStyle(cls: "lgs", size: 8)
    static let lineHeight = 11.0
    static let headingStyle = LabelStyle(cls: "lh", size: 10, bold: true)

    private func wrap(_ text: String, width: Double, style: LabelStyle) -> [String] {
        style.wrap(text, width: width)
    }

    private func labelWidth(_ item: LegendItem) -> Double { columnWidth - max(swatchWidth, item.width) - 6 }

    private func rowHeight(_ item: LegendItem) -> Double {
        max(item.height, Double(wrap(item.label, width: labelWidth(item), style: Self.textStyle).count) * Self.lineHeight) + 3
    }

    private func sectionHeights(_ section: LegendSection) -> (head: Double, rows: [Double], tail: Double) {
        let tail = section.note.map { Double(wrap($0, width: columnWidth, style: Self.noteStyle).count) * 10 + 2 } ?? 0
        return (Double(wrap(section.title, width: columnWidth, style: Self.headingStyle).count) * 12 + 3, section.items.map(rowHeight), tail)
    }

    /// Height needed in one column of `columnWidth`.
    func singleColumnHeight() -> Double {
        sections.reduce(0) { total, s in
            let h = sectionHeights(s)
            return total + h.head + h.rows.reduce(0, +) + h.tail + 8
        }
    }

    /// The legend with what does not fit in `box` left out: sections by their drop order, then the rows of the
    /// longest sections (a last row says how many were left out), then notes. A legend that fits is returned as it is.
    func fitted(to box: Envelope) -> Legend {
        var legend = self
        while !legend.fits(box), let worst = legend.sections.indices.filter({ legend.sections[$0].dropOrder > 0 })
                .max(by: { legend.sections[$0].dropOrder < legend.sections[$1].dropOrder }) {
            legend.sections.remove(at: worst)
        }
        while !legend.fits(box), let longest = legend.sections.indices.filter({ legend.sections[$0].items.count > 3 })
                .max(by: { legend.sections[$0].items.count < legend.sections[$1].items.count }) {
            var items = legend.sections[longest].items
            let hidden = (items.last?.label.hasPrefix("… and ") ?? false) ? items.removeLast() : nil
            let before = hidden.flatMap { Int($0.label.dropFirst(6).prefix { $0.isNumber }) } ?? 0
            items.removeLast()
            items.append(LegendItem(label: "… and \(before + 1) more (not shown for lack of room)", height: 10, swatch: { _, _, _, _, _ in }))
            legend.sections[longest].items = items
        }
        for i in legend.sections.indices where !legend.fits(box) && !legend.sections[i].noteRequired { legend.sections[i].note = nil }
        return legend
    }

    /// Whether everything is drawn inside `box`.
    func fits(_ box: Envelope) -> Bool {
        write(to: SVGDocument(capacity: 1024), in: box).fits
    }

    /// Draws into `box`, starting a new column when a section does not fit; returns the bottom of the tallest column
    /// and whether everything stayed inside the box.
    @discardableResult
    func write(to doc: SVGDocument, in box: Envelope, gap: Double = 16) -> (bottom: Double, fits: Bool) {
        var x = box.minX, y = box.minY, bottom = box.minY, fits = true
        for section in sections {
            let h = sectionHeights(section)
            // Keep a section in one column when it fits in a fresh one.
            let whole = h.head + h.rows.reduce(0, +) + h.tail
            let needed = whole <= box.height ? whole : h.head + (h.rows.first ?? 0)
            if y + needed > box.maxY, y > box.minY, x + 2 * columnWidth + gap <= box.maxX + 1 {
                x += columnWidth + gap
                y = box.minY
            }
            for (i, line) in wrap(section.title, width: columnWidth, style: Self.headingStyle).enumerated() {
                doc.text(line, x: x, y: y + 10 + Double(i) * 12, cls: "lh")
            }
            y += h.head
            for (item, height) in zip(section.items, h.rows) {
                if y + height > box.maxY, x + 2 * columnWidth + gap <= box.maxX + 1 {
                    x += columnWidth + gap
                    y = box.minY
                }
                if y + height > box.maxY + 0.5 { fits = false }
                let swatchHeight = max(item.height, 10)
                let swatchWidth = max(self.swatchWidth, item.width)
                item.swatch(doc, x, y + (height - 3 - swatchHeight) / 2, swatchWidth, swatchHeight)
                let lines = wrap(item.label, width: labelWidth(item), style: Self.textStyle)
                var ty = y + (height - 3) / 2 - Double(lines.count - 1) * Self.lineHeight / 2 + 3.2
                for line in lines {
                    doc.text(line, x: x + swatchWidth + 6, y: ty, cls: "lg")
                    ty += Self.lineHeight
                }
                y += height
            }
            if let note = section.note {
                var ty = y + 8
                for line in wrap(note, width: columnWidth, style: Self.noteStyle) {
                    doc.text(line, x: x, y: ty, cls: "lgs")
                    ty += 10
                }
                y += h.tail
            }
            if y > box.maxY + 0.5 { fits = false }
            y += 8
            bottom = max(bottom, y)
        }
        return (bottom, fits)
    }
}
