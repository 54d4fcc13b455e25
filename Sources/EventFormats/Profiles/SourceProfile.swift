import GeoKit
import EventModel

/// The source layouts the reader knows by name: chosen from the header, or named by the user.
public enum SourceProfileKind: String, Sendable, CaseIterable, Hashable {
    case acled, ucdp, gtd, eventmapper, generic
}

/// What a profile says about one input column.
enum ProfileColumn: Sendable, Equatable {
    /// The column gives this canonical field.
    case field(EventField)
    /// The column passes through under its own name, whatever the generic aliases would make of it.
    case extra
    /// The column passes through under another name (its own would be mistaken for a canonical column).
    case renamed(String)
    /// A column an earlier EventMapper run computed: recognised, left out, and computed again.
    case recomputed
}

/// A public source layout (ACLED, UCDP GED, GTD, EventMapper's own output) or the generic one: which columns
/// give which canonical fields, and what each row's source-specific columns mean on the project's scales
/// (dates and their precision, location precision, admin hints, actors, fatalities, sources, claims).
/// One file per profile in this folder; `SourceProfiles` lists them.
protocol SourceProfile: Sendable {
    var kind: SourceProfileKind { get }
    /// "a UCDP GED export": what the reader's note calls the file.
    var title: String { get }
    /// True when a header (column names normalised by `EventField.normalized`) has this layout.
    func recognises(_ names: Set<String>) -> Bool
    /// The meaning of a column (normalised name) in this layout; nil leaves it to the generic aliases.
    func column(_ name: String) -> ProfileColumn?
    /// Turns the row's source-specific columns into canonical values; runs before the row is validated.
    func prepare(_ row: inout RowInput) throws(RowProblem)
    /// What the reader says once when it recognises the layout.
    var note: String { get }
    /// Canonical fields the profile builds from other columns (a header without them is still complete).
    var derivedFields: Set<EventField> { get }
}

extension SourceProfile {
    var derivedFields: Set<EventField> { [] }
    func column(_ name: String) -> ProfileColumn? { nil }
    func prepare(_ row: inout RowInput) throws(RowProblem) {}
}

/// The registry: detection order and documentation of every profile.
public enum SourceProfiles {
    /// In the order headers are tested: EventMapper's own output first (it also carries canonical names),
    /// then the public layouts; `generic` takes the rest.
    static let all: [any SourceProfile] = [EventMapperOutputProfile(), UCDPProfile(), GTDProfile(), ACLEDProfile()]

    static func profile(_ kind: SourceProfileKind) -> any SourceProfile {
        all.first { $0.kind == kind } ?? GenericProfile()
    }

    /// The profile a header shows, or the generic one.
    static func detect(_ columns: [String]) -> any SourceProfile {
        let names = Set(columns.map(EventField.normalized))
        return all.first { $0.recognises(names) } ?? GenericProfile()
    }

    /// How each profile maps its source, for `--help` and docs/INPUTS.md (kept in step with the code).
    public static let documentation: [(kind: SourceProfileKind, lines: [String])] = [
        (.acled, [
            "ACLED export (event_id_cnty, event_date, actor1, admin1–admin3, geo_precision, time_precision …; current and 2019 layouts):",
            "event_date any of ACLED's forms; time_precision 1 day, 2 (within a week) month when the week lies in one month, else year, 3 month;",
            "location + admin2/admin1/country as hints; geo_precision 1 exact, 2 approximate point (place), 3 province (coded to a capital);",
            "group = actor1 only for Violence against civilians and Explosions/Remote violence (who carried it out), else none;",
            "actor1, actor2, assoc_actor_* stay in their own columns; fatalities; source → sources; notes.",
        ]),
        (.ucdp, [
            "UCDP GED (CSV as on HDX, with its HXL row skipped and counted; GEDEvent CSV; API JSON {\"Result\": […]}):",
            "date_start..date_end → event_date with the finest precision holding the interval (day, month or year);",
            "where_coordinates → location; adm_1/adm_2 → admin1/admin2 without ' province'/' district'; country;",
            "where_prec 1 exact, 2 place (within 25 km), 3 district, 4 province, 5 province when adm_1 is given else country,",
            "6 country, 7 not placed (waters or airspace); side_a, side_b stay in their own columns (actors, never 'the group');",
            "group = side_a only for one-sided violence (type_of_violence 3), attributed by the UCDP coding;",
            "fatalities = best with low–high; source_article → sources (source_office, source_date, source_headline pass through).",
        ]),
        (.gtd, [
            "Global Terrorism Database (iyear, imonth, iday, provstate, city, latitude, longitude, specificity, gname, claimed, nkill …):",
            "iyear/imonth/iday → event_date, imonth or iday 0 = unknown → year or month precision;",
            "city (and the free-text location column, which may name the district) → location; provstate → admin1; country_txt → country;",
            "specificity 1 exact, 2 place, 3 district, 4 province, 5 country (no province known);",
            "gname → group (none when 'Unknown'); claimed 1 → attribution claimed, claimed_by = gname; 0 → unclaimed;",
            "otherwise attributed by the GTD coding; nkill → fatalities, nwound → injuries; scite1–3 → sources; summary → notes.",
        ]),
        (.eventmapper, [
            "EventMapper's own output (CSV, GeoJSON, GeoJSON text sequence, GeoPackage layer 'events'):",
            "the canonical columns are read back; the geocoding columns of the earlier run (adm*_*, geo_*, border_*, group_*,",
            "origin_adm*/origin_geo*, cross_border, fatalities_low/high …) are recognised and computed again; the geometry is",
            "the earlier result, so the latitude/longitude columns (the input's own coordinates) are read instead.",
        ]),
        (.generic, [
            "Generic: the canonical columns by name or alias (below); geo_precision on the project's scale 1–5.",
        ]),
    ]
}

/// Any other layout: canonical names and their aliases (EVENT-SCHEMA.md), precision on the project's scale.
struct GenericProfile: SourceProfile {
    var kind: SourceProfileKind { .generic }
    var title: String { "a file with canonical columns" }
    var note: String { "" }
    func recognises(_ names: Set<String>) -> Bool { true }
}

extension RowInput {
    /// Reads a whole number from a source column ("3", "3.0"); nil when empty or not a number.
    func integer(_ column: String) -> Int? {
        guard var text = raw(column) else { return nil }
        if text.hasSuffix(".0") { text.removeLast(2) }
        return Int(text)
    }

    /// Strips UCDP's and reporters' unit words: "Khyber Pakhtunkhwa province" → "Khyber Pakhtunkhwa",
    /// "Peshawar district" → "Peshawar", "Saravan county" → "Saravan".
    static func withoutUnitWord(_ text: String) -> String {
        for suffix in [" province", " district", " county", " division", " agency"] {
            if text.count > suffix.count, text.lowercased().hasSuffix(suffix) {
                return String(text.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
            }
        }
        return text
    }
}
