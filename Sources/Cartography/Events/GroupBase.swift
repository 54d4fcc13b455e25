import GeoKit
import GeoReference

/// A group's reported base from the gazetteer (GeoData/group_origins.csv), drawn only on request (`--group-bases`):
/// a sourced claim with a point whose period overlaps the map's dates. It is never an event's origin, never linked
/// to an event and never counted as a crossing. Rows that deny a presence are not bases: they are named in the
/// tooltips of that group's bases.
struct GroupBase {
    let lonLat: Coordinate
    let groupID: String
    let tooltip: String

    /// The bases with a point whose period overlaps `years`.
    static func selected(from gazetteer: Gazetteer, overlapping years: ClosedRange<Int>) -> [GroupBase] {
        let overlapping = gazetteer.origins.filter { origin in period(origin.period).map { $0.overlaps(years) } ?? false }
        return overlapping.compactMap { origin in
            guard let point = origin.point, origin.role != "presence_denied" else { return nil }
            let group = gazetteer.groups.first { $0.id == origin.groupID }?.name ?? origin.groupID
            var text = "Reported base of \(group): \(origin.place) (\(origin.role.replacingOccurrences(of: "_", with: " ")), \(origin.period)), "
                + "asserted by \(origin.assertedBy). Source: \(origin.source)"
            let denials = overlapping.filter { $0.groupID == origin.groupID && $0.role == "presence_denied" }.map(\.assertedBy)
            if !denials.isEmpty { text += ". Presence denied (\(Set(denials).sorted().joined(separator: "; ")))" }
            return GroupBase(lonLat: point, groupID: origin.groupID, tooltip: text)
        }
    }

    /// The years of a period as written: "2015–2019", "2023", "1970–1989"; nil when none is given.
    static func period(_ text: String) -> ClosedRange<Int>? {
        var years: [Int] = []
        var digits = ""
        for c in text + " " {
            if c.isASCII && c.isNumber { digits.append(c) } else {
                if digits.count == 4, let y = Int(digits) { years.append(y) }
                digits = ""
            }
        }
        guard let first = years.first, let last = years.last else { return nil }
        return min(first, last)...max(first, last)
    }
}
