import GeoKit
import EventModel

/// UCDP Georeferenced Event Dataset: the HDX CSV (with an HXL hashtag row), UCDP's own GEDEvent CSV, and the
/// API's JSON records. Codebook: `where_prec` 1 exact, 2 within 25 km of a named place, 3 second-order
/// administrative unit, 4 first-order unit, 5 a larger region or a point between places, 6 the country,
/// 7 international waters or airspace; `date_start`..`date_end` is the interval the event lies in;
/// `side_a`/`side_b` are the dyad's sides, and only in one-sided violence (type 3) is side_a the perpetrator.
struct UCDPProfile: SourceProfile {
    var kind: SourceProfileKind { .ucdp }
    var title: String { "a UCDP GED export" }
    var note: String {
        "read as a UCDP GED export (date_start..date_end → date and precision, where_coordinates → location, adm_1/adm_2 → hints, where_prec → precision, best/low/high → fatalities, side_a/side_b kept as actors)"
    }

    func recognises(_ names: Set<String>) -> Bool {
        names.contains("where_prec") && (names.contains("date_start") || names.contains("where_coordinates"))
            && (names.contains("side_a") || names.contains("dyad_name"))
    }

    func column(_ name: String) -> ProfileColumn? {
        switch name {
        case "date_start": .field(.date)
        case "where_coordinates": .field(.location)
        case "adm_1": .field(.admin1)
        case "adm_2": .field(.admin2)
        case "where_prec": .field(.geoPrecision)
        case "best": .field(.fatalities)
        case "source_article": .field(.sources)
        case "date_end", "date_prec", "low", "high", "side_a", "side_b", "type_of_violence", "source_office", "source_date",
             "source_headline", "source_original", "where_description", "year": .extra
        default: nil
        }
    }

    func prepare(_ row: inout RowInput) throws(RowProblem) {
        let admin1 = row.text(.admin1).map(RowInput.withoutUnitWord)
        var admin2 = row.text(.admin2).map(RowInput.withoutUnitWord)
        if let a2 = admin2, let a1 = admin1, a2.lowercased() == a1.lowercased() { admin2 = nil }  // GED repeats the province
        row.set(.admin1, admin1, from: row.column(.admin1))
        row.set(.admin2, admin2, from: row.column(.admin2))

        if let start = row.text(.date), let first = try? EventDate(parsing: start) {
            var precision: EventDate.Precision = .day
            if let endText = row.raw("date_end"), let last = try? EventDate(parsing: endText) {
                if last.year != first.year {
                    precision = .year
                    row.readNotes.append("the UCDP date interval \(first.iso)..\(last.iso) spans years; dated to \(first.year)")
                } else if last.month != first.month {
                    precision = .year
                } else if last.day != first.day {
                    precision = .month
                }
            } else if let code = row.integer("date_prec") {
                precision = code >= 5 ? .year : code == 4 ? .month : .day
            }
            row.set(.datePrecision, precision.rawValue, from: "date_start..date_end")
        }

        if let code = row.text(.geoPrecision) {
            let column = row.column(.geoPrecision)
            switch Int(code) {
            case 1, 2, 3, 4: row.set(.geoPrecision, code, from: column)
            case 5: row.set(.geoPrecision, admin1 == nil ? "5" : "4", from: column)
            case 6: row.set(.geoPrecision, "5", from: column)
            case 7:
                row.set(.geoPrecision, nil, from: column)
                row.unplaceable = "UCDP where_prec 7: international waters or airspace, not placed"
            default:
                throw RowProblem(column, .precision, "'\(code)' is not a UCDP where_prec; use 1 to 7, or leave it empty")
            }
        }

        if let best = row.text(.fatalities), Int(best) != nil, let low = row.integer("low"), let high = row.integer("high"),
           let value = Int(best), low <= value, value <= high {
            row.countBounds[.fatalities] = (low, high)
        }

        if row.text(.group) == nil, row.integer("type_of_violence") == 3, let perpetrator = row.raw("side_a") {
            row.set(.group, perpetrator, from: "side_a")
            if row.text(.attribution) == nil {
                row.set(.attribution, "attributed", from: "type_of_violence")
                if row.text(.attributedBy) == nil { row.set(.attributedBy, "UCDP GED coding (one-sided violence: side_a)", from: "side_a") }
            }
        }
    }
}
