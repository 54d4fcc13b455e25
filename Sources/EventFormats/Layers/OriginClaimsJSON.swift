import GeoKit
import EventModel

/// The `origin_claims` column: further origin claims of an event as a JSON array that the event readers
/// read back ([{"place", "asserted_by", "source", "date", "latitude", "longitude"}]).
public enum OriginClaimsJSON {
    public static func encode(_ claims: some Sequence<OriginClaim>, decimals: Int = 6) -> String {
        let items = claims.map { claim -> String in
            var members: [String] = []
            func add(_ key: String, _ value: String?) {
                if let value { members.append(JSONText.quoted(key) + ":" + JSONText.quoted(value)) }
            }
            add("place", claim.place)
            add("asserted_by", claim.assertedBy)
            add("source", claim.source)
            add("date", claim.date)
            if let c = claim.coordinate {
                members.append("\"latitude\":" + NumberFormatting.string(c.y, decimals: decimals))
                members.append("\"longitude\":" + NumberFormatting.string(c.x, decimals: decimals))
            }
            return "{" + members.joined(separator: ",") + "}"
        }
        return "[" + items.joined(separator: ",") + "]"
    }
}
