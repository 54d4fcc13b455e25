import GeoKit
import EventModel

/// ACLED exports, current (31 columns, `event_id_cnty` … `timestamp`) and 2019-era (`data_id`, numeric `inter1`).
/// ACLED codebook: `geo_precision` 1 = the named town, 2 = near a town or part of a region, 3 = a larger region
/// (coded to its provincial capital); `time_precision` 1 = the day, 2 = some day within a week, 3 = the month
/// (the date is then its middle).
struct ACLEDProfile: SourceProfile {
    var kind: SourceProfileKind { .acled }
    var title: String { "an ACLED export" }
    var note: String {
        "read as an ACLED export (group = actor1 where ACLED codes who carried out the event, actors in their own columns, source → sources, geo_precision on ACLED's 1–3 scale, time_precision)"
    }

    func recognises(_ names: Set<String>) -> Bool {
        names.isSuperset(of: ["event_id_cnty", "event_date", "actor1"])
    }

    func column(_ name: String) -> ProfileColumn? {
        switch name {
        case "event_id_cnty": .field(.eventID)
        case "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "time_precision", "event_id_no_cnty", "data_id": .extra
        case "geo_precision": .field(.geoPrecision)
        default: nil
        }
    }

    /// Event types in which ACLED's actor1 is the side that carried the event out.
    static let perpetratorTypes: Set<String> = ["violence against civilians", "explosions/remote violence", "remote violence"]

    func prepare(_ row: inout RowInput) throws(RowProblem) {
        if let code = row.text(.geoPrecision) {
            let precision: String
            switch Int(code) {
            case 1: precision = "1"
            case 2: precision = "2"
            case 3: precision = "4"
            default:
                throw RowProblem(row.column(.geoPrecision), .precision, "'\(code)' is not an ACLED geo_precision; use 1 (the town), 2 (near a town or part of a region) or 3 (a larger region, coded to its capital), or leave it empty")
            }
            row.set(.geoPrecision, precision, from: row.column(.geoPrecision))
        }
        if let code = row.raw("time_precision") {
            switch Int(code) {
            case 1: row.set(.datePrecision, "day", from: "time_precision")
            case 3: row.set(.datePrecision, "month", from: "time_precision")
            case 2:
                // Some day within a week of the date: the month when the whole week lies in it, else the year.
                if let text = row.text(.date), let date = try? EventDate(parsing: text), let day = date.day, let month = date.month {
                    let inMonth = day - 3 >= 1 && day + 3 <= EventDate.daysIn(month: month, year: date.year)
                    row.set(.datePrecision, inMonth ? "month" : "year", from: "time_precision")
                }
            default:
                throw RowProblem("time_precision", .date, "'\(code)' is not an ACLED time_precision; use 1 (day), 2 (within a week) or 3 (month), or leave it empty")
            }
        }
        let type = (row.text(.eventType) ?? "").lowercased()
        if row.text(.group) == nil, Self.perpetratorTypes.contains(type), let actor = row.raw("actor1") {
            row.set(.group, actor, from: "actor1")
            if row.text(.attribution) == nil {
                row.set(.attribution, "attributed", from: "actor1")
                if row.text(.attributedBy) == nil { row.set(.attributedBy, "ACLED coding (actor1)", from: "actor1") }
            }
        }
    }
}
