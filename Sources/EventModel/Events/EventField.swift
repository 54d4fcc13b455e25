/// A canonical event column of EVENT-SCHEMA.md; the raw value is its canonical name.
public enum EventField: String, Sendable, CaseIterable, Hashable {
    case eventID = "event_id"
    case date = "event_date"
    case datePrecision = "date_precision"
    case eventType = "event_type"
    case subEventType = "sub_event_type"
    case location, admin2, admin1, country
    case latitude, longitude
    case geoPrecision = "geo_precision"
    case group, attribution
    case claimedBy = "claimed_by"
    case attributedBy = "attributed_by"
    case deniedBy = "denied_by"
    case origin
    case originLatitude = "origin_latitude"
    case originLongitude = "origin_longitude"
    case originAssertedBy = "origin_asserted_by"
    case originSource = "origin_source"
    case originDate = "origin_date"
    case originClaims = "origin_claims"
    case fatalities, injuries, sources, notes

    /// Accepted header names, normalised (lower case, "_" for spaces and hyphens), best first.
    public var names: [String] {
        switch self {
        case .eventID: ["event_id", "id", "eventid", "event_id_cnty"]
        case .date: ["event_date", "date"]
        case .datePrecision: ["date_precision", "time_precision"]
        case .eventType: ["event_type", "type"]
        case .subEventType: ["sub_event_type", "subtype", "sub_type"]
        case .location: ["location", "place", "town", "place_name"]
        case .admin2: ["admin2", "district"]
        case .admin1: ["admin1", "province"]
        case .country: ["country"]
        case .latitude: ["latitude", "lat", "y"]
        case .longitude: ["longitude", "lon", "lng", "long", "x"]
        case .group: ["group", "perpetrator", "actor", "actor1"]
        case .attribution: ["attribution", "claim_status"]
        case .geoPrecision: ["geo_precision", "location_precision"]
        case .claimedBy: ["claimed_by", "claimant"]
        case .attributedBy: ["attributed_by"]
        case .deniedBy: ["denied_by", "disputed_by"]
        case .originAssertedBy: ["origin_asserted_by", "origin_claimed_by"]
        case .originSource: ["origin_source"]
        case .originDate: ["origin_date"]
        case .originClaims: ["origin_claims"]
        case .origin: ["origin", "origin_place"]
        case .originLatitude: ["origin_latitude", "origin_lat", "origin_y"]
        case .originLongitude: ["origin_longitude", "origin_lon", "origin_lng", "origin_long", "origin_x"]
        case .fatalities: ["fatalities", "killed", "deaths", "dead"]
        case .injuries: ["injuries", "wounded", "injured"]
        case .sources: ["sources", "source", "citation", "citations"]
        case .notes: ["notes", "note"]
        }
    }

    /// The field a header name stands for, by canonical name or alias, ignoring case.
    public init?(columnName: String) {
        let name = EventField.normalized(columnName)
        guard let field = EventField.byName[name] else { return nil }
        self = field
    }

    package static func normalized(_ name: String) -> String {
        String(name.trimmingCharacters(in: .whitespaces).lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
    }

    private static let byName: [String: EventField] = {
        var map: [String: EventField] = [:]
        for field in allCases { for name in field.names { map[name] = field } }
        return map
    }()
}
