import EventFormats

/// How a layer is kept in PostGIS across exports: its primary key, whether it has a geography companion
/// column (where distances are computed), and whether its rows belong to events.
public struct LayerTableRule: Sendable {
    /// The primary key columns; re-exporting a row with the same key updates it (`INSERT … ON CONFLICT`).
    public var key: [String]
    public var geography: GeographyColumn?
    /// Rows keyed by `event_id` that describe an event (its origin, link, crossings): when the event is
    /// exported again, its rows that the new export no longer has are deleted.
    public var belongsToEvents: Bool

    public init(key: [String], geography: GeographyColumn? = nil, belongsToEvents: Bool = false) {
        self.key = key
        self.geography = geography
        self.belongsToEvents = belongsToEvents
    }

    /// The layers of `EventLayers.build` (and `countries`). A layer without a rule gets a `fid` identity
    /// key and is replaced as a whole by each export.
    public static let eventMapper: [String: LayerTableRule] = [
        "events": LayerTableRule(key: ["event_id"], geography: .cast),
        "origins": LayerTableRule(key: ["event_id", "claim_number"], geography: .cast, belongsToEvents: true),
        "links": LayerTableRule(key: ["event_id", "claim_number"], belongsToEvents: true),
        "crossings": LayerTableRule(key: ["event_id", "claim_number", "crossing"], belongsToEvents: true),
        "districts": LayerTableRule(key: ["id"]),
        "provinces": LayerTableRule(key: ["id"]),
        "countries": LayerTableRule(key: ["id"]),
        "border_segments": LayerTableRule(key: ["id"], geography: .densified(maximumDegrees: 0.01)),
        "corridor": LayerTableRule(key: ["name"]),
    ]
}

/// A generated `geog` column beside `geom`, for distances on the WGS84 spheroid (`ST_DWithin`, `ST_Distance`).
public enum GeographyColumn: Sendable, Equatable {
    /// `geom::geography`: points, whose geography is exact.
    case cast
    /// `ST_Segmentize(geom, d)::geography`: lines with a vertex at least every `d` degrees. PostGIS draws
    /// geography edges as geodesics while the layers' edges are straight in lon/lat (as GEOS and the in-process
    /// border measure take them); on 1 km edges the two are within millimetres, on 20 km edges metres apart.
    case densified(maximumDegrees: Double)

    /// The column's generating expression (the geometry column quoted by the caller).
    func expression(geometry: String) -> String {
        switch self {
        case .cast: "(\(geometry)::geography)"
        // The degrees are a constant of this program, written as a numeric literal (no text is interpolated).
        case let .densified(degrees): "(ST_Segmentize(\(geometry), \(degrees.description))::geography)"
        }
    }
}
