import Foundation
import GeoKit

extension LabelPlacer {
    /// Labels an area (a province, a country) inside its own outline: near its label point first, then anywhere on
    /// a grid over the outline (nearest the label point first), on one line and then on two (broken at the space
    /// nearest the middle). The label's middle stays inside the outline and no barrier is crossed.
    @discardableResult
    mutating func placeInArea(_ text: String, unit: DrawnUnit, style: LabelStyle, ignoreObstacles: Bool = false, recordDrop: Bool = true) -> Bool {
        guard let point = unit.labelPoint else {
            if recordDrop { dropped.append(text) }
            return false
        }
        if placeCentred(text, at: point, style: style, room: unit.labelRoom, within: unit.outline, ignoreObstacles: ignoreObstacles, recordDrop: false) {
            return true
        }
        guard let bounds = unit.outline.envelope else { return false }
        let step = max(6, min(bounds.width, bounds.height) / 24)
        var centres: [Coordinate] = []
        var y = bounds.minY + step / 2
        while y < bounds.maxY {
            var x = bounds.minX + step / 2
            while x < bounds.maxX { centres.append(Coordinate(x, y)); x += step }
            y += step
        }
        centres.sort { hypot($0.x - point.x, $0.y - point.y) < hypot($1.x - point.x, $1.y - point.y) }
        for lines in [[text], Self.twoLines(text)] where !lines.isEmpty {
            let lineHeight = style.size * 1.15
            for centre in centres.prefix(600) {
                let top = centre.y - Double(lines.count - 1) * lineHeight / 2 + style.size * 0.3
                let boxes = lines.enumerated().map { i, line in
                    Self.box(text: line, x: centre.x, y: top + Double(i) * lineHeight, style: style, anchor: "middle")
                }
                let union = boxes.dropFirst().reduce(boxes[0]) { $0.union($1) }
                guard frame.contains(Coordinate(union.minX, union.minY)), frame.contains(Coordinate(union.maxX, union.maxY)),
                      isFree(union, ignoreObstacles: ignoreObstacles), barriers.map({ $0.inside(centre, unit.outline) }) ?? true else { continue }
                for (i, line) in lines.enumerated() {
                    accept(PlacedLabel(text: line, x: centre.x, y: top + Double(i) * lineHeight, style: style, anchor: "middle",
                                       box: i == 0 ? union : boxes[i]))
                }
                return true
            }
        }
        if recordDrop { dropped.append(text) }
        return false
    }

    /// The text broken at the space nearest its middle; empty when it has no space.
    static func twoLines(_ text: String) -> [String] {
        let spaces = text.indices.filter { text[$0] == " " }
        guard let middle = spaces.min(by: { abs(text.distance(from: text.startIndex, to: $0) - text.count / 2)
                                              < abs(text.distance(from: text.startIndex, to: $1) - text.count / 2) }) else { return [] }
        return [String(text[..<middle]), String(text[text.index(after: middle)...])]
    }
}
