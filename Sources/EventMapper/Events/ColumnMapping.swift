/// The kind of export a header comes from.
public enum EventFileDialect: String, Sendable {
    case generic
    /// An ACLED export: `event_id_cnty`, `event_date`, `actor1`, `admin1`…`admin3`, `geo_precision`, `source`, …
    case acled
}

/// Which input column carries which canonical field, decided from the header.
public struct ColumnMapping: Sendable {
    /// Column names as in the input.
    public let columns: [String]
    /// The canonical field of each column; nil for a pass-through (`extra`) column.
    public let fields: [EventField?]
    public let dialect: EventFileDialect
    /// Columns that looked like a field already taken by a better-named column, said so here.
    public let notes: [String]
    private let indexByField: [EventField: Int]

    public init(columns: [String], columnMap: ColumnMap = ColumnMap()) {
        self.columns = columns
        var fields = [EventField?](repeating: nil, count: columns.count)
        var indexByField: [EventField: Int] = [:]
        var notes: [String] = []
        var candidates: [(rank: Int, column: Int, field: EventField)] = []
        for (i, column) in columns.enumerated() {
            switch columnMap.target(for: column) {
            case let .field(field)?:
                if let taken = indexByField[field] {
                    notes.append("column '\(column)' is kept as an extra column: --column-map already maps '\(columns[taken])' to \(field.rawValue)")
                } else {
                    fields[i] = field
                    indexByField[field] = i
                }
            case .extra?:
                continue
            case nil:
                guard let field = EventField(columnName: column) else { continue }
                let rank = field.names.firstIndex(of: EventField.normalized(column)) ?? 0
                candidates.append((rank, i, field))
            }
        }
        for candidate in candidates.sorted(by: { ($0.rank, $0.column) < ($1.rank, $1.column) }) {
            if let taken = indexByField[candidate.field] {
                notes.append("column '\(columns[candidate.column])' is kept as an extra column: '\(columns[taken])' already gives \(candidate.field.rawValue); use --column-map to choose otherwise")
            } else {
                fields[candidate.column] = candidate.field
                indexByField[candidate.field] = candidate.column
            }
        }
        self.fields = fields
        self.indexByField = indexByField
        self.notes = notes
        let names = Set(columns.map(EventField.normalized))
        dialect = names.isSuperset(of: ["event_id_cnty", "event_date", "actor1"]) ? .acled : .generic
    }

    /// The index of the column that gives `field`.
    public func index(of field: EventField) -> Int? { indexByField[field] }

    /// The input name of the column that gives `field`.
    public func column(for field: EventField) -> String? { indexByField[field].map { columns[$0] } }

    /// True when a location column or both coordinate columns exist.
    public var hasPlace: Bool {
        index(of: .location) != nil || (index(of: .latitude) != nil && index(of: .longitude) != nil)
    }

    /// Throws when the header cannot give events: no place (location or latitude+longitude) or no date.
    public func requirePlaceAndDate(file: String, line: Int = 1) throws(GeoDataError) {
        let found = "columns found: " + (columns.isEmpty ? "none" : columns.map { "'\($0)'" }.joined(separator: ", "))
        if !hasPlace {
            throw GeoDataError(file: "\(file):\(line)", "the header has no location column and no latitude and longitude columns (\(found)). Name a column location (or place, town), or give latitude and longitude (or lat, lon), or map yours, for example --column-map 'Town=location,Lat=latitude,Lon=longitude'")
        }
        if index(of: .date) == nil {
            throw GeoDataError(file: "\(file):\(line)", "the header has no event date column (\(found)). Name it event_date or date, or map yours, for example --column-map 'When=event_date'")
        }
    }

    /// Column-map sources that name no column of this header.
    public func unmatched(in columnMap: ColumnMap) -> [String] {
        let names = Set(columns.map(EventField.normalized))
        return columnMap.entries.map(\.from).filter { !names.contains(EventField.normalized($0)) }
    }
}
