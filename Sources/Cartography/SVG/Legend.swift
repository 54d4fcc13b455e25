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
    var swatch: (SVGDocument, _ x: Double, _ y: Double, _ width: Double, _ height: Double) -> Void
}

struct LegendSection {
    var title: String
    var items: [LegendItem]
    var note: String? = nil
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

    private var labelWidth: Double { columnWidth - swatchWidth - 6 }

    private func rowHeight(_ item: LegendItem) -> Double {
        max(item.height, Double(wrap(item.label, width: labelWidth, style: Self.textStyle).count) * Self.lineHeight) + 3
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

    /// Draws into `box`, starting a new column when a section does not fit; returns the bottom of the tallest column.
    @discardableResult
    func write(to doc: SVGDocument, in box: Envelope, gap: Double = 16) -> Double {
        var x = box.minX, y = box.minY, bottom = box.minY
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
                let swatchHeight = max(item.height, 10)
                item.swatch(doc, x, y + (height - 3 - swatchHeight) / 2, swatchWidth, swatchHeight)
                let lines = wrap(item.label, width: labelWidth, style: Self.textStyle)
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
            y += 8
            bottom = max(bottom, y)
        }
        return bottom
    }
}
