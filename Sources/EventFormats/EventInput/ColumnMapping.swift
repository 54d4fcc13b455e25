import GeoKit
import EventModel
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
    /// The output name of each pass-through column: its own, or "input_" + it when an output column
    /// (canonical or added by geocoding) or an earlier column already has that name.
    public let extraNames: [String?]
    /// Columns set aside or renamed, said so here.
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
        var used = ColumnMapping.reservedNames
        var extraNames = [String?](repeating: nil, count: columns.count)
        for (i, column) in columns.enumerated() where fields[i] == nil {
            var name = column
            while used.contains(EventField.normalized(name)) { name = "input_" + name }
            if name != column {
                notes.append("column '\(column)' is passed through as '\(name)': the outputs already have a column named '\(column)'")
            }
            used.insert(EventField.normalized(name))
            extraNames[i] = name
        }
        self.fields = fields
        self.extraNames = extraNames
        self.indexByField = indexByField
        self.notes = notes
        let names = Set(columns.map(EventField.normalized))
        dialect = names.isSuperset(of: ["event_id_cnty", "event_date", "actor1"]) ? .acled : .generic
    }

    /// Column names the outputs write themselves: the canonical fields and what geocoding adds (EVENT-SCHEMA.md).
    public static let reservedNames: Set<String> = {
        let geocoded = ["adm2_id", "adm2_name", "adm1_id", "adm1_name", "adm0_iso3", "geo_precision", "geo_method",
                        "geo_confidence", "geo_candidates", "geo_approximate", "border_km", "border_side", "border_segment", "border_side_uncertain"]
        let derived = ["event_id_generated", "fatalities_low", "fatalities_high", "injuries_low", "injuries_high", "cross_border",
                       "group_id", "group_name", "origin_source", "origin_text", "group_reported_origins"]
        return Set(EventField.allCases.map(\.rawValue) + geocoded + geocoded.map { "origin_" + $0 } + derived)
    }()

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
