import GeoKit
import EventModel
/// A table for stdout: aligned text, CSV or Markdown.
public struct Table: Sendable {
    public enum Format: String, CaseIterable, Sendable { case text, csv, markdown }

    public var title: String?
    public var header: [String]
    public var rows: [[String]]

    public init(title: String? = nil, header: [String], rows: [[String]]) {
        self.title = title
        self.header = header
        self.rows = rows
    }

    /// `neutralizeFormulas` applies to CSV: spreadsheet-safe cells (`CSVCell`).
    public func render(_ format: Format, neutralizeFormulas: Bool = true) -> String {
        switch format {
        case .csv:
            let cell = { (text: String) in CSVWriter.escape(neutralizeFormulas ? CSVCell.neutralized(text) : text) }
            return ([header] + rows).map { $0.map(cell).joined(separator: ",") }.joined(separator: "\n") + "\n"
        case .markdown:
            func line(_ cells: [String]) -> String {
                "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }.joined(separator: " | ") + " |"
            }
            let numeric = columnsAreNumeric()
            let rule = "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined()
            return (title.map { "**\($0)**\n\n" } ?? "") + ([line(header), rule] + rows.map(line)).joined(separator: "\n") + "\n"
        case .text:
            let numeric = columnsAreNumeric()
            let widths = header.indices.map { i in ([header] + rows).map { $0.indices.contains(i) ? $0[i].count : 0 }.max() ?? 0 }
            func line(_ cells: [String]) -> String {
                cells.enumerated().map { i, cell in
                    let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
                    return numeric[i] ? pad + cell : cell + pad
                }.joined(separator: "  ").trimmingTrailingSpaces()
            }
            let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
            return (title.map { "\($0)\n" } ?? "") + ([line(header), rule] + rows.map(line)).joined(separator: "\n") + "\n"
        }
    }

    private func columnsAreNumeric() -> [Bool] {
        header.indices.map { i in
            let values = rows.compactMap { $0.indices.contains(i) ? $0[i] : nil }.filter { !$0.isEmpty }
            return !values.isEmpty && values.allSatisfy { Double($0.replacingOccurrences(of: "+", with: "")) != nil }
        }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
