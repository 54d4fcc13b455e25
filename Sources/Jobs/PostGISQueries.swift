import GeoKit
import EventModel
import EventFormats
import Analysis
import PostGIS

/// The cross-border queries answered in PostGIS by the SQL functions an export installed (`EventQuerySQL`),
/// as the same rows the in-process engine gives (`CrossBorderQueries`, `Aggregation`), so one table prints both.
/// The filters go to SQL as bound parameters of `make_filter`.
public final class PostGISQueries {
    public let connection: PostgresConnection
    public let schema: SQLIdentifier

    public init(conninfo: String, schema: String) throws {
        connection = try PostgresConnection(conninfo)
        self.schema = try SQLIdentifier.schema(schema)
        let installed = try connection.value("""
            SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = $1 AND p.proname IN ('near_border', 'links', 'aggregate', 'make_filter', 'matches')
            """, [schema], during: "looking for the query functions in schema \(self.schema)")
        guard installed == "5" else { throw PostGISError.queriesMissing(target: connection.target, schema: self.schema.quoted) }
    }

    /// How many events the filter keeps (the "of N events" of the near-border caption).
    public func eventCount(_ filter: CompiledEventFilter) throws -> Int {
        let f = Self.filter(filter, first: 1, in: schema)
        return Int(try connection.value("SELECT count(*) FROM \(schema.quoted).events e WHERE \(f.sql) IS NULL OR \(schema.quoted).matches(e, \(f.sql))",
                                         f.values, during: "counting the events") ?? "") ?? 0
    }

    /// Events within `km` of the border, and counts per border segment.
    public func nearBorder(km: Double, filter: CompiledEventFilter) throws -> (rows: [NearBorderRow], bySegment: [AggregateRow]) {
        let f = Self.filter(filter, first: 2, in: schema)
        let s = schema.quoted
        let result = try connection.execute("""
            SELECT n.event_id, e.event_date, coalesce(e.location, ''), coalesce(e.adm2_name, ''), coalesce(e.adm1_name, ''),
                   coalesce(e.border_side, ''), n.border_km, coalesce(n.border_segment, ''),
                   coalesce(e.group_name, e."group", ''), e.attribution
            FROM \(s).near_border($1::double precision, \(f.sql)) n JOIN \(s).events e ON e.event_id = n.event_id
            """, [km.description] + f.values, during: "running near_border(\(km))")
        let rows = result.rows.map { r in
            NearBorderRow(eventID: r[0] ?? "", date: r[1] ?? "", location: r[2] ?? "", district: r[3] ?? "", province: r[4] ?? "",
                          side: r[5] ?? "", borderKm: r[6].flatMap(Double.init), segment: r[7] ?? "", group: r[8] ?? "",
                          attribution: r[9] ?? "")
        }
        return (rows, try aggregate(by: .segment, filter: filter, nearBorderKm: km))
    }

    /// Origin → event links with their crossings, and the flows between units.
    public func links(filter: CompiledEventFilter, crossBorderOnly: Bool = false) throws -> (links: [LinkRow], flows: [AggregateRow]) {
        let f = Self.filter(filter, crossBorderOnly: crossBorderOnly, first: 1, in: schema)
        let result = try connection.execute("""
            SELECT event_id, coalesce("group", ''), attribution, origin_asserted_by, "from", "to", cross_border, crossings,
                   segments_crossed, along_border_km, length_km
            FROM \(schema.quoted).links(\(f.sql))
            """, f.values, during: "running links()")
        let links = result.rows.map { r in
            LinkRow(eventID: r[0] ?? "", group: r[1] ?? "", attribution: r[2] ?? "", assertedBy: r[3] ?? "", from: r[4] ?? "",
                    to: r[5] ?? "", crossBorder: r[6] == "t", crossings: Int(r[7] ?? "") ?? 0, segmentsCrossed: r[8] ?? "",
                    alongBorderKm: Double(r[9] ?? "") ?? 0, lengthKm: Double(r[10] ?? "") ?? 0)
        }
        let flows = try aggregate(by: .flow, filter: filter, linkedOnly: true, crossBorderOnly: crossBorderOnly)
        return (links, flows)
    }

    /// Events and casualties grouped by `key`.
    public func aggregate(by key: AggregateKey, filter: CompiledEventFilter, nearBorderKm: Double? = nil,
                          linkedOnly: Bool = false, crossBorderOnly: Bool = false) throws -> [AggregateRow] {
        let f = Self.filter(filter, nearBorderKm: nearBorderKm, linkedOnly: linkedOnly, crossBorderOnly: crossBorderOnly,
                            first: 2, in: schema)
        let result = try connection.execute("""
            SELECT key, name, events, fatalities_low, fatalities_high, fatalities_high_open, injuries_low, claimed,
                   attributed_or_alleged, area_km2, approximate, cross_border
            FROM \(schema.quoted).aggregate($1, \(f.sql))
            """, [key.rawValue] + f.values, during: "running aggregate('\(key.rawValue)')")
        return result.rows.map { r in
            var row = AggregateRow(key: r[0] ?? "", name: r[1] ?? "")
            row.events = Int(r[2] ?? "") ?? 0
            row.fatalitiesLow = Int(r[3] ?? "") ?? 0
            row.fatalitiesHigh = Int(r[4] ?? "") ?? 0
            row.fatalitiesHighOpen = r[5] == "t"
            row.injuriesLow = Int(r[6] ?? "") ?? 0
            row.claimed = Int(r[7] ?? "") ?? 0
            row.attributedOrAlleged = Int(r[8] ?? "") ?? 0
            row.areaKm2 = r[9].flatMap(Double.init)
            row.approximate = r[10] == "t"
            row.crossBorder = r[11].map { $0 == "t" }
            return row
        }
    }

    /// `schema.make_filter($first::text, …)` and its 13 parameter values (nil for "no such filter").
    static func filter(_ compiled: CompiledEventFilter, nearBorderKm: Double? = nil, linkedOnly: Bool = false,
                       crossBorderOnly: Bool = false, first: Int, in schema: SQLIdentifier) -> (sql: String, values: [String?]) {
        let f = compiled.filter
        func list(_ items: [String]) -> String? { items.isEmpty ? nil : ArrayLiteral.text(items.sorted()) }
        let values: [String?] = [
            f.from?.iso, f.to?.iso, list(Array(compiled.groupIDs)), list(f.eventTypes.map { $0.lowercased() }),
            list(f.attributions.map(\.rawValue)), list(Array(compiled.unitIDs)),
            compiled.near.map { $0.0.x.description }, compiled.near.map { $0.0.y.description }, compiled.near.map { $0.1.description },
            f.boundingBox.map { ArrayLiteral.numbers([$0.minX, $0.minY, $0.maxX, $0.maxY]) },
            nearBorderKm?.description, linkedOnly ? "true" : nil, crossBorderOnly ? "true" : nil,
        ]
        let types = ["text", "text", "text[]", "text[]", "text[]", "text[]", "double precision", "double precision",
                     "double precision", "double precision[]", "double precision", "boolean", "boolean"]
        let arguments = types.enumerated().map { "$\(first + $0.offset)::\($0.element)" }.joined(separator: ", ")
        return ("\(schema.quoted).make_filter(\(arguments))", values)
    }
}
