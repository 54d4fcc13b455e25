import GeoKit
import EventModel

/// What `eventmap geocode` writes (CSV, GeoJSON, GeoJSON text sequence, GeoPackage `events`): read back as
/// input with no noise. The canonical columns are the input again; the columns geocoding added are the
/// earlier run's results, so they are recognised and computed again (not passed through as `input_…`).
struct EventMapperOutputProfile: SourceProfile {
    var kind: SourceProfileKind { .eventmapper }
    var title: String { "EventMapper output" }
    var note: String { "read as EventMapper output: its geocoding columns are computed again" }

    func recognises(_ names: Set<String>) -> Bool {
        names.isSuperset(of: ["geo_method", "adm0_iso3", "event_id_generated"])
    }

    /// Output columns that are no canonical field: geocoding results, derived numbers, the GeoPackage key.
    static let computed: Set<String> = {
        let canonical = Set(EventField.allCases.map(\.rawValue))
        return ColumnMapping.reservedNames.subtracting(canonical).union(["fid", "wkt", "geom"])
    }()

    /// The canonical columns by their own names only: any other column was passed through by the earlier run
    /// (an ACLED `actor1`, a `time_precision`) and passes through again, whatever alias it resembles.
    func column(_ name: String) -> ProfileColumn? {
        if Self.computed.contains(name) { return .recomputed }
        return Self.canonical.contains(name) ? nil : .extra
    }

    static let canonical = Set(EventField.allCases.map(\.rawValue))

    func prepare(_ row: inout RowInput) throws(RowProblem) {
        if let flag = row.raw("event_id_generated")?.lowercased(), flag == "true" || flag == "1" { row.idWasGenerated = true }
        for (field, prefix) in [(EventField.fatalities, "fatalities"), (.injuries, "injuries")] {
            if let low = row.integer(prefix + "_low") { row.countBounds[field] = (low, row.integer(prefix + "_high")) }
        }
        if let notes = row.raw("read_notes") {
            row.readNotes += notes.components(separatedBy: "; ").filter { !$0.isEmpty }
        }
    }
}
