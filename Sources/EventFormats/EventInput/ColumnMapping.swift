import GeoKit
import EventModel
/// The kind of export a header comes from (kept for callers that only ask "ACLED or not"; see `SourceProfileKind`).
public enum EventFileDialect: String, Sendable {
    case generic
    /// An ACLED export: `event_id_cnty`, `event_date`, `actor1`, `admin1`…`admin3`, `geo_precision`, `source`, …
    case acled
}

/// Which input column carries which canonical field, decided from the header and its source profile.
/// Precedence for each column: `--column-map`, then the profile's own table, then the canonical names and aliases.
public struct ColumnMapping: Sendable {
    /// Column names as in the input.
    public let columns: [String]
    /// The canonical field of each column; nil for a pass-through (`extra`) or recomputed column.
    public let fields: [EventField?]
    /// The source layout: detected from the header, or the one the user named.
    let profile: any SourceProfile
    public var profileKind: SourceProfileKind { profile.kind }
    public var dialect: EventFileDialect { profile.kind == .acled ? .acled : .generic }
    /// The output name of each pass-through column: its own, or "input_" + it when an output column
    /// (canonical or added by geocoding) or an earlier column already has that name; nil for mapped and
    /// recomputed columns.
    public let extraNames: [String?]
    /// Columns of an earlier EventMapper run that are computed again instead of passed through.
    public let recomputed: [String]
    /// Columns set aside or renamed, said so here.
    public let notes: [String]
    private let indexByField: [EventField: Int]
    /// Column positions by normalised name (the first of equal names).
    let positions: [String: Int]

    public init(columns: [String], columnMap: ColumnMap = ColumnMap(), profile kind: SourceProfileKind? = nil) {
        self.init(columns: columns, columnMap: columnMap, profile: kind.map(SourceProfiles.profile) ?? SourceProfiles.detect(columns))
    }

    init(columns: [String], columnMap: ColumnMap, profile: any SourceProfile) {
        self.columns = columns
        self.profile = profile
        var fields = [EventField?](repeating: nil, count: columns.count)
        var dropped = [Bool](repeating: false, count: columns.count)
        var indexByField: [EventField: Int] = [:]
        var notes: [String] = []
        var candidates: [(rank: Int, column: Int, field: EventField)] = []
        var positions: [String: Int] = [:]
        var renames: [Int: String] = [:]
        for (i, column) in columns.enumerated() {
            let name = EventField.normalized(column)
            if positions[name] == nil { positions[name] = i }
            switch columnMap.target(for: column) {
            case let .field(field)?:
                if let taken = indexByField[field] {
                    notes.append("column '\(column)' is kept as an extra column: the column-map option already maps '\(columns[taken])' to \(field.rawValue)")
                } else {
                    fields[i] = field
                    indexByField[field] = i
                }
                continue
            case .extra?:
                continue
            case nil:
                break
            }
            switch profile.column(name) {
            case let .field(field)?:
                candidates.append((-1, i, field))
            case .extra?:
                continue
            case let .renamed(name)?:
                renames[i] = name
            case .recomputed?:
                dropped[i] = true
            case nil:
                guard let field = EventField(columnName: column) else { continue }
                let rank = field.names.firstIndex(of: name) ?? 0
                candidates.append((rank, i, field))
            }
        }
        for candidate in candidates.sorted(by: { ($0.rank, $0.column) < ($1.rank, $1.column) }) {
            if let taken = indexByField[candidate.field] {
                notes.append("column '\(columns[candidate.column])' is kept as an extra column: '\(columns[taken])' already gives \(candidate.field.rawValue); use the column-map option to choose otherwise")
            } else {
                fields[candidate.column] = candidate.field
                indexByField[candidate.field] = candidate.column
            }
        }
        var used = ColumnMapping.reservedNames
        var extraNames = [String?](repeating: nil, count: columns.count)
        for (i, column) in columns.enumerated() where fields[i] == nil && !dropped[i] {
            var name = renames[i] ?? column
            while used.contains(EventField.normalized(name)) { name = "input_" + name }
            if name != (renames[i] ?? column) {
                notes.append("column '\(column)' is passed through as '\(name)': the outputs already have a column named '\(column)'")
            }
            used.insert(EventField.normalized(name))
            extraNames[i] = name
        }
        recomputed = columns.indices.filter { dropped[$0] }.map { columns[$0] }
        if !recomputed.isEmpty {
            notes.append("read as EventMapper output: its \(recomputed.count) geocoding columns are computed again")
        }
        self.fields = fields
        self.extraNames = extraNames
        self.indexByField = indexByField
        self.positions = positions
        self.notes = notes
    }

    /// Column names the outputs write themselves: the canonical fields and what geocoding adds (EVENT-SCHEMA.md).
    public static let reservedNames: Set<String> = {
        let geocoded = ["adm2_id", "adm2_name", "adm1_id", "adm1_name", "adm0_iso3", "geo_precision", "geo_method",
                        "geo_confidence", "geo_candidates", "geo_approximate", "geo_lon", "geo_lat", "geo_notes",
                        "border_km", "border_side", "border_segment", "border_side_uncertain"]
        let derived = ["event_id_generated", "fatalities_low", "fatalities_high", "injuries_low", "injuries_high", "cross_border",
                       "group_id", "group_name", "group_label", "origin_source", "origin_text", "group_reported_origins", "read_notes"]
        return Set(EventField.allCases.map(\.rawValue) + geocoded + geocoded.map { "origin_" + $0 } + derived)
    }()

    /// The index of the column that gives `field`.
    public func index(of field: EventField) -> Int? { indexByField[field] }

    /// The input name of the column that gives `field`.
    public func column(for field: EventField) -> String? { indexByField[field].map { columns[$0] } }

    /// True when a location column or both coordinate columns exist.
    public var hasPlace: Bool {
        index(of: .location) != nil || (index(of: .latitude) != nil && index(of: .longitude) != nil)
            || profile.derivedFields.contains(.location) || [.admin2, .admin1, .country].contains { index(of: $0) != nil }
    }

    /// True when a date column exists or the profile builds the date from other columns (GTD's iyear/imonth/iday).
    public var hasDate: Bool { index(of: .date) != nil || profile.derivedFields.contains(.date) }

    /// Throws when the header cannot give events: no place (location, latitude+longitude or an admin hint) or no
    /// date. The same check, with the same words, runs over the properties of a GeoJSON or JSON document
    /// (`source` "features' properties", `hasGeometry` when some feature has a point), so that a file without
    /// dates is refused whole whatever its format.
    public func requirePlaceAndDate(file: String, line: Int = 1, source: String = "header", hasGeometry: Bool = false) throws(GeoDataError) {
        let found = "columns found: " + (columns.isEmpty ? "none" : columns.map { "'\($0)'" }.joined(separator: ", "))
        let verb = source == "header" ? "has" : "have"
        if !hasPlace && !hasGeometry {
            throw GeoDataError(file: "\(file):\(line)", "the \(source) \(verb) no location column and no latitude and longitude columns (\(found)). Name a column location (or place, town), or give latitude and longitude (or lat, lon), or map yours, for example the column-map option 'Town=location,Lat=latitude,Lon=longitude'")
        }
        if !hasDate {
            throw GeoDataError(file: "\(file):\(line)", "the \(source) \(verb) no event date column (\(found)). Name it event_date or date, or map yours, for example the column-map option 'When=event_date'")
        }
    }

    /// Column-map sources that name no column of this header.
    public func unmatched(in columnMap: ColumnMap) -> [String] {
        let names = Set(columns.map(EventField.normalized))
        return columnMap.entries.map(\.from).filter { !names.contains(EventField.normalized($0)) }
    }
}
