import GeoKit
import EventModel

/// Streams the rows of an events file (CSV/TSV, GeoJSON, GeoJSON text sequence, JSON Lines, GeoPackage) as
/// events or rejects, one result per row. CSV and JSON Lines are read line by line; a GeoJSON document and a
/// GeoPackage layer are read whole.
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
    public convenience init(path: String, columnMap: ColumnMap = ColumnMap(), format: EventFileFormat? = nil) throws {
        try self.init(path: path, options: ReadOptions(columnMap: columnMap), format: format)
    }

    /// Opens `path` with the given reading options (column map, source profile, date order, encoding).
    public init(path: String, options: ReadOptions, format: EventFileFormat? = nil) throws {
        self.path = path
        let format = format ?? (path == "-" ? .csv(delimiter: UInt8(ascii: ",")) : EventFileFormat.detect(path: path))
        self.format = format
        builder = EventRowBuilder(file: path)
        builder.dateOrder = options.dateOrder
        builder.dateOrderAdvice = options.dateOrderAdvice
        switch format {
        case let .csv(delimiter):
            let csv = try CSVRowSource(path: path, delimiter: delimiter, options: options)
            source = csv
            mapping = csv.mapping
            let note = csv.mapping.profile.note
            if !note.isEmpty { summary.notes.append("\(path): \(note)") }
            summary.notes += csv.mapping.notes.filter { !$0.contains("geocoding columns") || note.isEmpty }.map { "\(path): \($0)" }
        case .jsonDocument:
            let document = try JSONDocumentRowSource(path: path, options: options)
            source = document
            mapping = nil
            summary.notes += document.notes
        case .jsonLines:
            source = try JSONLinesRowSource(path: path, options: options)
            mapping = nil
        case .geoPackage:
            source = try GeoPackageRowSource(path: path, options: options)
            mapping = nil
        }
    }

    public func next() -> EventReadResult? {
        while !finished {
            guard let outcome = source.nextRow() else {
                finished = true
                summary.notes += rowNotes
                if summary.rowsRead == 0 { summary.notes.append("\(path): has no event rows (a header only); nothing to read") }
                return nil
            }
            let result: EventReadResult
            switch outcome {
            case .skippedBlankLine:
                summary.recordBlankLine()
                continue
            case .skippedHXL:
                summary.recordHXLRow()
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

    /// Notes of the JSON and GeoPackage sources (layouts met, columns set aside), said at the end.
    private var rowNotes: [String] {
        switch source {
        case let document as JSONDocumentRowSource: document.rows.notes
        case let lines as JSONLinesRowSource: lines.rows.notes
        case let package as GeoPackageRowSource: package.rows.notes
        default: []
        }
    }
}
