import GeoKit
import EventModel

/// Streams the rows of an events file (CSV/TSV, GeoJSON, JSON Lines) as events or rejects, one result per row.
/// CSV and JSON Lines are read line by line; a GeoJSON document is read whole.
public final class EventReader: Sequence, IteratorProtocol {
    public let path: String
    public let format: EventFileFormat
    /// The header mapping of a CSV file (JSON rows are mapped one by one).
    public let mapping: ColumnMapping?
    /// Counts so far; complete once iteration has ended.
    public private(set) var summary = EventReadSummary()
    /// Says whether a point lies in the area covered; a row whose given point is outside while the
    /// swapped point is inside is kept as given and flagged `.possiblySwapped`.
    public var swappedCoordinateCheck: (@Sendable (Coordinate) -> Bool)? {
        didSet { builder.coordinates.coverageCheck = swappedCoordinateCheck }
    }

    private let source: RowSource
    private var builder: EventRowBuilder
    private var finished = false

    /// Opens `path` and reads its header; throws when the file is missing, empty or lacks the needed columns.
    public init(path: String, columnMap: ColumnMap = ColumnMap(), format: EventFileFormat? = nil) throws {
        self.path = path
        let format = format ?? (path == "-" ? .csv(delimiter: UInt8(ascii: ",")) : EventFileFormat.detect(path: path))
        self.format = format
        builder = EventRowBuilder(file: path)
        switch format {
        case let .csv(delimiter):
            let csv = try CSVRowSource(path: path, delimiter: delimiter, columnMap: columnMap)
            source = csv
            mapping = csv.mapping
            summary.notes += csv.mapping.notes.map { "\(path): \($0)" }
            if csv.mapping.dialect == .acled {
                summary.notes.append("\(path): read as an ACLED export (actor1 → group, source → sources, geo_precision on ACLED's 1–3 scale)")
                builder.precisionScale = .acled
            }
        case .jsonDocument:
            let document = try JSONDocumentRowSource(path: path, columnMap: columnMap)
            source = document
            mapping = nil
            summary.notes += document.notes
        case .jsonLines:
            source = try JSONLinesRowSource(path: path, columnMap: columnMap)
            mapping = nil
        }
    }

    public func next() -> EventReadResult? {
        while !finished {
            guard let outcome = source.nextRow() else {
                finished = true
                if summary.rowsRead == 0 { summary.notes.append("\(path): has no event rows (a header only); nothing to read") }
                return nil
            }
            let result: EventReadResult
            switch outcome {
            case .skippedBlankLine:
                summary.recordBlankLine()
                continue
            case let .reject(reject):
                result = .reject(reject)
            case let .row(row):
                result = builder.build(row)
            }
            summary.record(result)
            return result
        }
        return nil
    }
}
