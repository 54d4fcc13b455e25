import GeoKit
import EventModel
/// Column types of the event layers that may be null in every row of a file (border measures before
/// they are computed, origins nobody reported), so GeoPackage columns are typed even then. Columns not
/// named here are typed by their values, or TEXT. `EventLayerTests` checks these names against
/// `GeocodedEventRecord`.
public enum EventLayerSchema {
    /// Non-text columns of `GeocodedEventRecord`.
    public static let eventHints: [String: FieldType] = {
        var hints: [String: FieldType] = [:]
        for name in ["event_id_generated", "geo_approximate", "origin_geo_approximate", "cross_border", "border_side_uncertain"] { hints[name] = .boolean }
        for name in ["fatalities_low", "fatalities_high", "injuries_low", "injuries_high", "geo_precision", "origin_geo_precision"] {
            hints[name] = .integer
        }
        for name in ["latitude", "longitude", "origin_latitude", "origin_longitude", "geo_confidence", "geo_lon", "geo_lat",
                     "origin_geo_confidence", "origin_geo_lon", "origin_geo_lat", "border_km", "origin_border_km"] {
            hints[name] = .real
        }
        return hints
    }()

    /// The columns of `GeocodedEventRecord` in order (input columns without a canonical meaning follow
    /// `notes`), for an events layer that has no rows to learn its columns from.
    public static let eventColumns: [String] = [
        "event_id", "event_id_generated", "event_date", "date_precision", "event_type", "sub_event_type", "location",
        "admin2", "admin1", "country", "latitude", "longitude", "group", "attribution", "claimed_by", "attributed_by",
        "denied_by", "origin", "origin_latitude", "origin_longitude", "origin_asserted_by", "origin_source", "origin_date",
        "origin_claims", "fatalities", "fatalities_low", "fatalities_high", "injuries",
        "injuries_low", "injuries_high", "sources", "notes",
        "adm2_id", "adm2_name", "adm1_id", "adm1_name", "adm0_iso3", "geo_precision", "geo_method", "geo_confidence",
        "geo_candidates", "geo_approximate", "geo_lon", "geo_lat", "geo_notes", "read_notes",
        "group_id", "group_name", "group_label",
        "origin_adm2_id", "origin_adm2_name", "origin_adm1_id", "origin_adm1_name", "origin_adm0_iso3",
        "origin_geo_precision", "origin_geo_method", "origin_geo_confidence", "origin_geo_candidates",
        "origin_geo_approximate", "origin_geo_lon", "origin_geo_lat", "origin_geo_notes",
        "border_km", "border_side", "border_segment", "border_side_uncertain", "origin_border_km", "origin_border_side", "origin_border_segment",
        "cross_border",
    ]

    /// The events layer's columns when there is no row to learn them from.
    public static var eventSchema: LayerSchema {
        LayerSchema(eventColumns.map { FieldDefinition($0, eventHints[$0] ?? .text) })
    }

    public static let originHints: [String: FieldType] = [
        "claim_number": .integer, "geo_precision": .integer, "geo_confidence": .real, "geo_approximate": .boolean, "cross_border": .boolean,
    ]

    public static let linkHints: [String: FieldType] = [
        "cross_border": .boolean, "length_km": .real, "fatalities_low": .integer, "fatalities_high": .integer,
    ]

    /// The origins layer's columns (every origin feature has exactly these).
    public static var originSchema: LayerSchema {
        let names = ["event_id", "event_date", "group", "group_id", "group_name", "attribution", "claimed_by", "attributed_by",
                     "denied_by", "claim_number", "origin_claim", "origin_text", "origin_asserted_by", "origin_source",
                     "origin_date", "adm2_id", "adm2_name", "adm1_id", "adm1_name",
                     "adm0_iso3", "geo_precision", "geo_method", "geo_confidence", "geo_approximate", "geo_notes",
                     "event_adm0_iso3", "cross_border"]
        return LayerSchema(names.map { FieldDefinition($0, originHints[$0] ?? .text) })
    }

    /// The columns that say whose claim an origin or link is (`EventLayers.claimProperties`).
    static let claimColumns = ["event_id", "event_date", "group", "group_id", "group_name", "attribution", "claimed_by",
                               "attributed_by", "denied_by"]

    /// The links layer's columns (every link feature has exactly these).
    public static var linkSchema: LayerSchema {
        let types: [String: FieldType] = linkHints.merging(["claim_number": .integer, "crossings": .integer, "along_border_km": .real]) { a, _ in a }
        let names = claimColumns + ["claim_number", "origin_asserted_by", "origin_source", "from", "to", "origin_adm0_iso3",
                                    "event_adm0_iso3", "cross_border", "crossings", "segments_crossed", "along_border_km",
                                    "length_km", "fatalities_low", "fatalities_high"]
        return LayerSchema(names.map { FieldDefinition($0, types[$0] ?? .text) })
    }

    public static let crossingHints: [String: FieldType] = ["claim_number": .integer, "crossing": .integer, "cross_border": .boolean]

    /// The crossings layer's columns (every crossing feature has exactly these).
    public static var crossingSchema: LayerSchema {
        let names = ["event_id", "claim_number", "crossing", "segment", "group_name", "attribution", "cross_border", "origin_asserted_by"]
        return LayerSchema(names.map { FieldDefinition($0, crossingHints[$0] ?? .text) })
    }
}
