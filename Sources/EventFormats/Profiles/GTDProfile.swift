import GeoKit
import EventModel

/// The Global Terrorism Database (START) in its release layout (135 columns, `eventid` … `related`).
/// Codebook: `imonth`/`iday` 0 = unknown; `specificity` 1 = the city's point, 2 = the city's point when the
/// event was nearby, 3 = the centroid of the smallest administrative unit, 4 = of the first-order unit,
/// 5 = no first-order unit known; `claimed` 1 = a group claimed it, 0 = no claim, -9 = unknown;
/// `gname` is the group GTD codes as the perpetrator ("Unknown" when none).
struct GTDProfile: SourceProfile {
    var kind: SourceProfileKind { .gtd }
    var title: String { "a Global Terrorism Database export" }
    var note: String {
        "read as a Global Terrorism Database export (iyear/imonth/iday → date with precision, city + location → location, provstate → admin1, specificity → precision, gname/claimed → group and claim, nkill/nwound → fatalities/injuries)"
    }
    var derivedFields: Set<EventField> { [.date, .location] }

    func recognises(_ names: Set<String>) -> Bool {
        names.isSuperset(of: ["iyear", "imonth", "iday"]) && (names.contains("provstate") || names.contains("gname"))
    }

    func column(_ name: String) -> ProfileColumn? {
        switch name {
        case "eventid": .field(.eventID)
        case "country_txt": .field(.country)
        case "provstate": .field(.admin1)
        case "specificity": .field(.geoPrecision)
        case "nkill": .field(.fatalities)
        case "nwound": .field(.injuries)
        case "summary": .field(.notes)
        // GTD's `country` is a numeric code and `location` free text about the place: neither is what the
        // canonical columns of those names mean.
        case "country": .renamed("country_code")
        case "location": .renamed("location_details")
        case "city", "iyear", "imonth", "iday", "gname", "claimed", "scite1", "scite2", "scite3", "region": .extra
        default: nil
        }
    }

    private static func known(_ text: String?) -> String? {
        guard let text, text.lowercased() != "unknown" else { return nil }
        return text
    }

    func prepare(_ row: inout RowInput) throws(RowProblem) {
        if let year = row.integer("iyear") {
            let month = row.integer("imonth") ?? 0, day = row.integer("iday") ?? 0
            let text = month == 0 ? String(format: "%04d", year)
                : day == 0 ? String(format: "%04d-%02d", year, month) : String(format: "%04d-%02d-%02d", year, month, day)
            row.set(.date, text, from: "iyear/imonth/iday")
        }
        let city = Self.known(row.raw("city"))
        let detail = Self.known(row.raw("location"))
        var location = city
        if let detail {
            if let city, !detail.lowercased().hasPrefix(city.lowercased()) {
                location = "\(city) (\(detail))"
            } else {
                location = detail
            }
        }
        row.set(.location, location, from: "city/location")
        row.set(.admin1, Self.known(row.text(.admin1)), from: row.column(.admin1))
        row.set(.country, Self.known(row.text(.country)), from: row.column(.country))

        if let code = row.text(.geoPrecision) {
            guard let value = Int(code), (1...5).contains(value) else {
                throw RowProblem(row.column(.geoPrecision), .precision, "'\(code)' is not a GTD specificity; use 1 to 5, or leave it empty")
            }
            row.set(.geoPrecision, code, from: row.column(.geoPrecision))
        }

        let group = Self.known(row.raw("gname"))
        if row.text(.group) == nil { row.set(.group, group, from: "gname") }
        if row.text(.attribution) == nil {
            switch row.integer("claimed") {
            case 1?:
                row.set(.attribution, "claimed", from: "claimed")
                if let group, row.text(.claimedBy) == nil { row.set(.claimedBy, group, from: "gname") }
            case 0?:
                row.set(.attribution, "unclaimed", from: "claimed")
            default:
                if group != nil {
                    row.set(.attribution, "attributed", from: "gname")
                    if row.text(.attributedBy) == nil { row.set(.attributedBy, "GTD coding (gname)", from: "gname") }
                }
            }
        }
        let citations = ["scite1", "scite2", "scite3"].compactMap { row.raw($0) }
        if row.text(.sources) == nil, !citations.isEmpty { row.set(.sources, citations.joined(separator: "; "), from: "scite1-3") }
    }
}
