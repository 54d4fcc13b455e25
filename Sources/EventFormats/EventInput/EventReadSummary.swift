import GeoKit
import EventModel
/// What reading one or more event files gave: rows, events, rejects by reason, and notes worth telling.
public struct EventReadSummary: Sendable, CustomStringConvertible {
    /// Rows met (header and blank lines excluded); always `events + rejects`.
    public private(set) var rowsRead = 0
    public private(set) var events = 0
    public private(set) var rejects = 0
    public private(set) var rejectsByCategory: [RejectCategory: Int] = [:]
    /// The first reject of each category, as an example of its reason.
    public private(set) var exampleRejects: [RejectCategory: Reject] = [:]
    public private(set) var generatedIDs = 0
    public private(set) var possiblySwapped = 0
    public private(set) var blankLinesSkipped = 0
    /// HXL hashtag rows (#date, #adm1+name …) under a header, skipped.
    public private(set) var hxlRowsSkipped = 0
    /// Events whose text was partly read as Windows-1252 because it was not UTF-8.
    public private(set) var recodedRows = 0
    /// Events whose date was an Excel serial day number.
    public private(set) var excelSerialDates = 0
    /// Things the user should know that are not rejects (header only, columns set aside, ACLED recognised).
    public var notes: [String] = []

    public init() {}

    public mutating func record(_ result: EventReadResult) {
        rowsRead += 1
        switch result {
        case let .event(event):
            events += 1
            if event.eventIDGenerated { generatedIDs += 1 }
            if event.readNotes.contains(where: { $0.contains("Windows-1252") }) { recodedRows += 1 }
            if event.readNotes.contains(where: { $0.contains("Excel serial") }) { excelSerialDates += 1 }
            if event.coordinateFlags.contains(.possiblySwapped) || event.originClaims.contains(where: { $0.coordinateFlags.contains(.possiblySwapped) }) {
                possiblySwapped += 1
            }
        case let .reject(reject):
            rejects += 1
            rejectsByCategory[reject.category, default: 0] += 1
            if exampleRejects[reject.category] == nil { exampleRejects[reject.category] = reject }
        }
    }

    mutating func recordBlankLine() { blankLinesSkipped += 1 }
    mutating func recordHXLRow() { hxlRowsSkipped += 1 }

    /// Adds another file's counts to these.
    public mutating func merge(_ other: EventReadSummary) {
        rowsRead += other.rowsRead
        events += other.events
        rejects += other.rejects
        rejectsByCategory.merge(other.rejectsByCategory, uniquingKeysWith: +)
        exampleRejects.merge(other.exampleRejects, uniquingKeysWith: { first, _ in first })
        generatedIDs += other.generatedIDs
        possiblySwapped += other.possiblySwapped
        blankLinesSkipped += other.blankLinesSkipped
        hxlRowsSkipped += other.hxlRowsSkipped
        recodedRows += other.recodedRows
        excelSerialDates += other.excelSerialDates
        notes += other.notes
    }

    /// The most frequent reject reasons, most frequent first, with counts ("12 no date").
    public func topRejectReasons(_ count: Int = 3) -> [String] {
        rejectsByCategory.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(count).map { category, n in
            "\(n) \(category.rawValue)" + (exampleRejects[category].map { " (e.g. \($0))" } ?? "")
        }
    }

    public var description: String {
        var lines = ["\(rowsRead) rows read: \(events) events, \(rejects) rejected"]
        for category in rejectsByCategory.keys.sorted() {
            lines.append("  \(rejectsByCategory[category]!) \(category.rawValue)")
        }
        if generatedIDs > 0 { lines.append("\(generatedIDs) events had no event_id; ids were generated from a hash of the row (gen-…)") }
        if possiblySwapped > 0 { lines.append("\(possiblySwapped) events have coordinates that look swapped (flagged, kept as given)") }
        if blankLinesSkipped > 0 { lines.append("\(blankLinesSkipped) blank lines skipped") }
        if hxlRowsSkipped > 0 { lines.append("\(hxlRowsSkipped) HXL hashtag row\(hxlRowsSkipped == 1 ? "" : "s") skipped") }
        if recodedRows > 0 { lines.append("\(recodedRows) events had text that is not UTF-8, read as Windows-1252 (see read_notes)") }
        if excelSerialDates > 0 { lines.append("\(excelSerialDates) events had an Excel serial date, converted (see read_notes)") }
        lines += notes
        return lines.joined(separator: "\n")
    }
}
