import GeoKit
import EventModel
/// What reading one or more event files gave: rows, events, rejects by reason, and notes worth telling.
public struct EventReadSummary: Sendable, CustomStringConvertible {
    /// Rows met (header and blank lines excluded); always `events + rejects`.
    public private(set) var rowsRead = 0
    public private(set) var events = 0
    public private(set) var rejects = 0
    public private(set) var rejectsByCategory: [RejectCategory: Int] = [:]
    public private(set) var generatedIDs = 0
    public private(set) var possiblySwapped = 0
    public private(set) var blankLinesSkipped = 0
    /// Things the user should know that are not rejects (header only, columns set aside, ACLED recognised).
    public var notes: [String] = []

    public init() {}

    public mutating func record(_ result: EventReadResult) {
        rowsRead += 1
        switch result {
        case let .event(event):
            events += 1
            if event.eventIDGenerated { generatedIDs += 1 }
            if event.coordinateFlags.contains(.possiblySwapped) || event.originClaims.contains(where: { $0.coordinateFlags.contains(.possiblySwapped) }) {
                possiblySwapped += 1
            }
        case let .reject(reject):
            rejects += 1
            rejectsByCategory[reject.category, default: 0] += 1
        }
    }

    mutating func recordBlankLine() { blankLinesSkipped += 1 }

    /// Adds another file's counts to these.
    public mutating func merge(_ other: EventReadSummary) {
        rowsRead += other.rowsRead
        events += other.events
        rejects += other.rejects
        rejectsByCategory.merge(other.rejectsByCategory, uniquingKeysWith: +)
        generatedIDs += other.generatedIDs
        possiblySwapped += other.possiblySwapped
        blankLinesSkipped += other.blankLinesSkipped
        notes += other.notes
    }

    public var description: String {
        var lines = ["\(rowsRead) rows read: \(events) events, \(rejects) rejected"]
        for category in rejectsByCategory.keys.sorted() {
            lines.append("  \(rejectsByCategory[category]!) \(category.rawValue)")
        }
        if generatedIDs > 0 { lines.append("\(generatedIDs) events had no event_id; ids were generated from a hash of the row (gen-…)") }
        if possiblySwapped > 0 { lines.append("\(possiblySwapped) events have coordinates that look swapped (flagged, kept as given)") }
        if blankLinesSkipped > 0 { lines.append("\(blankLinesSkipped) blank lines skipped") }
        lines += notes
        return lines.joined(separator: "\n")
    }
}
