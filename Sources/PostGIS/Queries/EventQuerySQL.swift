/// The cross-border queries in SQL, installed beside the exported layers so psql and QGIS can run them:
///
///     SELECT * FROM eventmapper.near_border(50);              -- events within 50 km of the border
///     SELECT * FROM eventmapper.links();                      -- origin → event links and their crossings
///     SELECT * FROM eventmapper.crossings();                  -- where links cross the border
///     SELECT * FROM eventmapper.aggregate('province');        -- events and casualties by unit (district …)
///     SELECT * FROM eventmapper.near_border(25, eventmapper.make_filter(date_from => '2023', group_ids => ARRAY['ttp']));
///
/// Each does what the in-process engine (`CrossBorderQueries`, `Aggregation`, `LinkAnalysis`) does, with
/// PostGIS: `ST_DWithin`/`ST_Distance` on geography (the WGS84 spheroid) for the border corridor,
/// `ST_Intersects`/`ST_Intersection` with the border line for crossings, `ST_Project`/`ST_Azimuth` for the
/// geodesic link lines, areas in the same Albers equal-area projection. The parity tests hold them equal.
///
/// The statements run with the search path set to the export's schema and PostGIS's (`PostGISContainer`);
/// the bodies are SQL-standard (`BEGIN ATOMIC`, PostgreSQL 14 or later), so their table and function names
/// are bound when they are created, whatever the caller's search path. The views `event_links` and
/// `event_crossings` (the functions' rows, for QGIS) cannot be called `links` and `crossings`: those are the
/// exported layer tables (a function and a table may share a name, a view and a table may not).
enum EventQuerySQL {
    /// Raised when a statement below changes, so older installations are replaced.
    static let version = "7"

    /// The objects that nothing else here depends on: dropping them with CASCADE removes every function,
    /// procedure, type and view below.
    static let roots = ["TYPE event_filter", "FUNCTION link_path(geometry, geometry)", "FUNCTION period_start(text)",
                        "FUNCTION period_end(text)", "FUNCTION nearest_segment(geometry)", "VIEW border_line",
                        "FUNCTION unit_area_km2(text)", "FUNCTION district_source_approximate()",
                        "FUNCTION edge_distance(geometry, geometry)",
                        "FUNCTION event_group_key(events, text)"]

    static let settingsTable = """
        CREATE TABLE IF NOT EXISTS reference_settings (key text PRIMARY KEY, value text NOT NULL)
        """

    /// The aggregate columns of one unit layer (districts or provinces) set from `aggregate(by)`.
    static func unitAggregateUpdate(table: String, by: String) -> String {
        """
          UPDATE \(table) d SET events = coalesce(a.events, 0), events_claimed = coalesce(a.claimed, 0),
                 events_attributed_or_alleged = coalesce(a.attributed_or_alleged, 0),
                 fatalities_low = coalesce(a.fatalities_low, 0), fatalities_high = coalesce(a.fatalities_high, 0),
                 fatalities_high_open = coalesce(a.fatalities_high_open, false),
                 events_per_1000_km2 = CASE WHEN unit_area_km2(d.id) > 0
                   THEN floor(coalesce(a.events, 0)::double precision / unit_area_km2(d.id) * 1000 * 1000 + 0.5) / 1000 ELSE 0 END
          FROM \(table) u LEFT JOIN aggregate('\(by)') a ON a.key = u.id
          WHERE u.id = d.id;
        """
    }

    static let statements: [String] = [
        """
        CREATE TYPE event_filter AS (
          date_from text, date_to text,            -- YYYY, YYYY-MM or YYYY-MM-DD; periods that overlap the range
          group_ids text[], event_types text[],    -- group ids (groups.csv); event types or sub-types in lower case
          attributions text[], unit_ids text[],    -- attribution codes; district, province ids or country ISO3
          near_lon double precision, near_lat double precision, near_km double precision,
          bbox double precision[],                 -- min lon, min lat, max lon, max lat
          near_border_km double precision,         -- only events within this distance of the border (aggregate)
          linked_only boolean,                     -- only events with a link (a drawable origin claim elsewhere)
          cross_border_only boolean                -- only events with a link from another country (and, in
                                                   -- link_pairs, only those links)
        )
        """,
        // A filter with named arguments, every one optional: make_filter(date_from => '2023', unit_ids => ARRAY['AF06']).
        """
        CREATE FUNCTION make_filter(date_from text DEFAULT NULL, date_to text DEFAULT NULL, group_ids text[] DEFAULT NULL,
                                    event_types text[] DEFAULT NULL, attributions text[] DEFAULT NULL, unit_ids text[] DEFAULT NULL,
                                    near_lon double precision DEFAULT NULL, near_lat double precision DEFAULT NULL,
                                    near_km double precision DEFAULT NULL, bbox double precision[] DEFAULT NULL,
                                    near_border_km double precision DEFAULT NULL, linked_only boolean DEFAULT NULL,
                                    cross_border_only boolean DEFAULT NULL)
        RETURNS event_filter LANGUAGE sql IMMUTABLE PARALLEL SAFE
        BEGIN ATOMIC
          SELECT ROW(date_from, date_to, group_ids, event_types, attributions, unit_ids, near_lon, near_lat, near_km, bbox,
                     near_border_km, linked_only, cross_border_only)::event_filter;
        END
        """,
        // The first and last day of an event's period ("2023-05" runs from (2023,5,1) to (2023,5,31)).
        """
        CREATE FUNCTION period_start(d text) RETURNS int[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
        BEGIN ATOMIC
          SELECT ARRAY[split_part(d, '-', 1)::int, coalesce(nullif(split_part(d, '-', 2), '')::int, 1),
                       coalesce(nullif(split_part(d, '-', 3), '')::int, 1)];
        END
        """,
        """
        CREATE FUNCTION period_end(d text) RETURNS int[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
        BEGIN ATOMIC
          SELECT ARRAY[split_part(d, '-', 1)::int, coalesce(nullif(split_part(d, '-', 2), '')::int, 12),
                       coalesce(nullif(split_part(d, '-', 3), '')::int, 31)];
        END
        """,
        // The border as one line, its parts in segment order, and as geography densified like border_segments.geog
        // (`LayerTableRule`: a vertex every 0.01°, so its geodesic edges follow the straight lon/lat edges).
        """
        CREATE VIEW border_line AS
          SELECT l.geom, ST_Segmentize(l.geom, 0.01)::geography AS geog
          FROM (SELECT ST_Collect(d.geom ORDER BY s.name, d.path) AS geom FROM border_segments s, ST_Dump(s.geom) d) l
        """,
        // The filters every command takes (`CompiledEventFilter.matches`); a NULL filter keeps every event.
        // Callers write `(f IS NULL OR matches(e, f))`: a filter with no field set is NULL, and passing the whole
        // row is what costs here (17 µs an event), so unfiltered queries skip it.
        """
        CREATE FUNCTION matches(e events, f event_filter) RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE
        BEGIN ATOMIC
          SELECT (f.date_from IS NULL OR period_end(e.event_date) >= period_start(f.date_from))
             AND (f.date_to IS NULL OR period_start(e.event_date) <= period_end(f.date_to))
             AND (f.group_ids IS NULL OR EXISTS (
                  SELECT 1 FROM unnest(string_to_array(coalesce(e.group_id, ''), ';')) g(id) WHERE btrim(g.id, E' \t') = ANY (f.group_ids)))
             AND (f.event_types IS NULL OR lower(coalesce(e.event_type, '')) = ANY (f.event_types)
                  OR lower(coalesce(e.sub_event_type, '')) = ANY (f.event_types))
             AND (f.attributions IS NULL OR e.attribution = ANY (f.attributions))
             AND (f.unit_ids IS NULL OR coalesce(e.adm2_id = ANY (f.unit_ids) OR e.adm1_id = ANY (f.unit_ids)
                  OR e.adm0_iso3 = ANY (f.unit_ids), false))
             AND (f.near_km IS NULL OR coalesce(ST_DWithin(e.geog, ST_SetSRID(ST_MakePoint(f.near_lon, f.near_lat), 4326)::geography,
                  f.near_km * 1000), false))
             AND (f.bbox IS NULL OR coalesce(ST_X(e.geom) BETWEEN f.bbox[1] AND f.bbox[3]
                  AND ST_Y(e.geom) BETWEEN f.bbox[2] AND f.bbox[4], false))
             AND (f.linked_only IS NOT TRUE AND f.cross_border_only IS NOT TRUE OR EXISTS (
                  SELECT 1 FROM origins o WHERE o.event_id = e.event_id AND o.geom IS NOT NULL AND e.geom IS NOT NULL
                    AND NOT (ST_X(o.geom) = ST_X(e.geom) AND ST_Y(o.geom) = ST_Y(e.geom))
                    AND (f.cross_border_only IS NOT TRUE OR coalesce(o.adm0_iso3 <> e.adm0_iso3, false))));
        END
        """,
        // The geodesic distance in metres from point p to the edge (a two-point line, straight in lon/lat), as
        // `BorderMeasurer.closestOnEdge` finds it. From the foot of the perpendicular in the tangent plane at p,
        // three steps towards the point where the geodesic from p meets the edge at a right angle: from the
        // edge's point at t, along the edge by d·cos(azimuth to p − the edge's azimuth), with d and the azimuth
        // exact on WGS84 (ST_Distance, ST_Azimuth on geography: GeographicLib) and the edge's direction and
        // metres per unit of t from the WGS84 radii of curvature there. Each step is exact in a plane; on the
        // border's edges the third moves the point by millimetres. PL/pgSQL, whose simple expressions are
        // evaluated without a plan per call (as SQL, nested or stepwise, it cost 0.3 ms a call); its names are
        // bound by the search path it was created with (the schema, then PostGIS's), whoever calls it.
        """
        CREATE FUNCTION edge_distance(p geometry, edge geometry) RETURNS double precision
        LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path FROM CURRENT AS $body$
        DECLARE
          e2 constant double precision := 0.00669437999014;
          g geography := p::geography;
          px double precision := ST_X(p);
          py double precision := ST_Y(p);
          x1 double precision := ST_X(ST_StartPoint(edge));
          y1 double precision := ST_Y(ST_StartPoint(edge));
          x2 double precision := ST_X(ST_EndPoint(edge));
          y2 double precision := ST_Y(ST_EndPoint(edge));
          phi double precision := radians(py);
          -- Metres per degree east and north at p's latitude.
          me double precision := 6378137 / sqrt(1 - e2 * sin(phi) ^ 2) * cos(phi) * pi() / 180;
          mn double precision := 6378137 * (1 - e2) / (1 - e2 * sin(phi) ^ 2) ^ 1.5 * pi() / 180;
          east double precision := (x2 - x1) * me;
          north double precision := (y2 - y1) * mn;
          t double precision := 0;
          q geography;
          d double precision;
          az double precision;
          len double precision;
        BEGIN
          -- The foot in the tangent plane at p: the edge runs (east, north) metres from p + ((x1 - px) me, (y1 - py) mn).
          IF east ^ 2 + north ^ 2 > 0 THEN
            t := greatest(0, least(1, -((x1 - px) * me * east + (y1 - py) * mn * north) / (east ^ 2 + north ^ 2)));
          END IF;
          FOR i IN 1..3 LOOP
            q := ST_SetSRID(ST_MakePoint(x1 + t * (x2 - x1), y1 + t * (y2 - y1)), 4326)::geography;
            d := ST_Distance(q, g);
            az := ST_Azimuth(q, g);
            phi := radians(y1 + t * (y2 - y1));
            east := (x2 - x1) * 6378137 / sqrt(1 - e2 * sin(phi) ^ 2) * cos(phi) * pi() / 180;
            north := (y2 - y1) * 6378137 * (1 - e2) / (1 - e2 * sin(phi) ^ 2) ^ 1.5 * pi() / 180;
            len := sqrt(east ^ 2 + north ^ 2);
            EXIT WHEN d = 0 OR az IS NULL OR len = 0;
            t := greatest(0, least(1, t + d * cos(az - atan2(east, north)) / len));
          END LOOP;
          RETURN ST_Distance(ST_SetSRID(ST_MakePoint(x1 + t * (x2 - x1), y1 + t * (y2 - y1)), 4326)::geography, g);
        END
        $body$
        """,
        // Events within km of the border, each with its distance and nearest segment, decided as `BorderCorridor`
        // does: the border buffered in its Lambert conformal conic (reference_settings.corridor_crs) to a band 1%
        // narrower and one 1% wider than km; events in the narrower are in, events outside the wider are out
        // (GiST index and prepared polygons), events between are decided by their distance on the spheroid.
        // Distances are measured edge by edge: PostGIS measures a point-to-line geography distance to the point
        // nearest on a sphere and only then on the spheroid, so against the whole border it can pick another part
        // of the line that is nearer on the sphere (up to ~0.3% of the distance off: 80 m at 50 km), and against one
        // densified edge it is still a metre off at 100 km. The distance to the whole border (an upper bound) picks
        // the candidate edges (first by their lon/lat boxes against the reach in degrees, conservatively: a degree
        // of latitude is over 110 km, one of longitude over 111 km × cos(latitude); comparing numbers is what a
        // join of every candidate with every edge can afford: 5× faster than geography boxes). On the edges whose
        // PostGIS distance is within 0.1% + 1 m of the least (PostGIS is never 0.01% over on one edge),
        // edge_distance finds the nearest point on the spheroid (the smaller of the two is kept: both are distances
        // to points of the edge). Segments within 1 m of the nearest are ties, resolved by name as `BorderMeasurer` does.
        """
        CREATE FUNCTION near_border(km double precision, f event_filter DEFAULT NULL)
        RETURNS TABLE (event_id text, border_km double precision, border_segment text)
        LANGUAGE sql STABLE PARALLEL SAFE
        BEGIN ATOMIC
          WITH band AS MATERIALIZED (
            SELECT b.geog,
                   ST_Transform(ST_Buffer(ST_Transform(b.geom, c.crs), km * 1000 * 0.99, 16), c.crs, 4326) AS inner_band,
                   ST_Transform(ST_Buffer(ST_Transform(b.geom, c.crs), km * 1000 * 1.01, 16), c.crs, 4326) AS outer_band
            FROM border_line b, (SELECT r.value AS crs FROM reference_settings r WHERE r.key = 'corridor_crs') c
          ), candidates AS MATERIALIZED (
            SELECT r.*, r.reach / 110000 + 1e-6 AS dlat,
                   r.reach / (111000 * cos(radians(least(89.9, abs(r.y) + r.reach / 110000)))) + 1e-6 AS dlon
            FROM (SELECT e.event_id, e.geom, e.geog, ST_X(e.geom) AS x, ST_Y(e.geom) AS y,
                         ST_Intersects(e.geom, band.inner_band) AS inside, ST_Distance(e.geog, band.geog) * 1.005 + 1 AS reach
                  FROM events e, band
                  WHERE ST_Intersects(e.geom, band.outer_band) AND (f IS NULL OR matches(e, f))) r
          ), edges AS MATERIALIZED (
            SELECT s.name, d.geom, ST_Segmentize(d.geom, 0.01)::geography AS geog, ST_XMin(d.geom) AS xmin,
                   ST_XMax(d.geom) AS xmax, ST_YMin(d.geom) AS ymin, ST_YMax(d.geom) AS ymax
            FROM border_segments s, ST_DumpSegments(s.geom) d
          ), rough AS (
            SELECT c.event_id, c.inside, c.geom, x.name, x.geom AS edge, ST_Distance(c.geog, x.geog) AS d
            FROM edges x JOIN candidates c
              ON x.xmax >= c.x - c.dlon AND x.xmin <= c.x + c.dlon AND x.ymax >= c.y - c.dlat AND x.ymin <= c.y + c.dlat
                 AND ST_DWithin(c.geog, x.geog, c.reach)
          ), distances AS (
            SELECT r.event_id, r.inside, r.name, least(r.d, edge_distance(r.geom, r.edge)) AS d
            FROM (SELECT r.*, min(r.d) OVER (PARTITION BY r.event_id) AS m FROM rough r) r
            WHERE r.d <= r.m * 1.001 + 1
          ), nearest AS (
            SELECT t.event_id, t.inside, t.name, t.d, min(t.d) OVER (PARTITION BY t.event_id) AS m FROM distances t
          )
          SELECT DISTINCT ON (n.event_id) n.event_id, n.m / 1000, n.name
          FROM nearest n
          WHERE (n.inside OR n.m <= km * 1000 + 0.001) AND n.d <= n.m + 1
          ORDER BY n.event_id, n.name COLLATE "C";
        END
        """,
        """
        CREATE FUNCTION nearest_segment(point geometry) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE
        BEGIN ATOMIC
          SELECT s.name FROM border_segments s ORDER BY ST_Distance(s.geom, point), s.name LIMIT 1;
        END
        """,
        // The geodesic from a to b with a vertex at least every 5 km (`LinkAnalysis.geodesicPath`).
        """
        CREATE FUNCTION link_path(a geometry, b geometry) RETURNS geometry LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        BEGIN ATOMIC
          SELECT CASE WHEN ST_X(a) = ST_X(b) THEN ST_MakeLine(a, b) ELSE (
            SELECT ST_MakeLine(ARRAY[a]
                     || ARRAY(SELECT ST_Project(a::geography, g.d * i / g.steps, g.az)::geometry
                              FROM generate_series(1, g.steps - 1) AS i ORDER BY i)
                     || ARRAY[b])
            FROM (SELECT m.d, m.az, greatest(1, least(256, ceil(m.d / 1000 / 5)::int)) AS steps
                  FROM (SELECT ST_Distance(a::geography, b::geography) AS d, ST_Azimuth(a::geography, b::geography) AS az) m) g)
          END;
        END
        """,
        // Each event with a placed origin and a point elsewhere, as a link.
        """
        CREATE FUNCTION link_pairs(f event_filter DEFAULT NULL)
        RETURNS TABLE (event_id text, claim_number bigint, "group" text, group_name text, attribution text, origin_asserted_by text, "from" text, "to" text,
                       origin_adm0_iso3 text, event_adm0_iso3 text, cross_border boolean, length_km double precision,
                       fatalities_low bigint, fatalities_high bigint, path geometry)
        LANGUAGE sql STABLE PARALLEL SAFE
        BEGIN ATOMIC
          SELECT e.event_id, o.claim_number, coalesce(e.group_name, e."group"), e.group_name, e.attribution, coalesce(o.origin_asserted_by, ''),
                 coalesce(o.adm2_name, o.adm1_name, o.adm0_iso3, '?'), coalesce(e.adm2_name, e.adm1_name, e.adm0_iso3, '?'),
                 o.adm0_iso3, e.adm0_iso3, coalesce(o.adm0_iso3 <> e.adm0_iso3, false), ST_Distance(o.geog, e.geog) / 1000,
                 e.fatalities_low, e.fatalities_high, link_path(o.geom, e.geom)
          FROM events e JOIN origins o ON o.event_id = e.event_id
          WHERE o.geom IS NOT NULL AND e.geom IS NOT NULL
            AND NOT (ST_X(o.geom) = ST_X(e.geom) AND ST_Y(o.geom) = ST_Y(e.geom))
            AND (f IS NULL OR matches(e, f) AND (f.cross_border_only IS NOT TRUE OR coalesce(o.adm0_iso3 <> e.adm0_iso3, false)));
        END
        """,
        // Where a link crosses the border line, in order from the origin, with the nearest segment.
        """
        CREATE FUNCTION link_crossings(link_line geometry) RETURNS TABLE (crossing integer, segment text, geom geometry)
        LANGUAGE sql STABLE PARALLEL SAFE
        BEGIN ATOMIC
          SELECT (row_number() OVER (ORDER BY ST_LineLocatePoint(link_line, d.geom)))::int, nearest_segment(d.geom), d.geom
          FROM border_line b, ST_Dump(ST_Intersection(link_line, b.geom)) d
          WHERE ST_Intersects(link_line, b.geom) AND ST_GeometryType(d.geom) = 'ST_Point'
          ORDER BY 1;
        END
        """,
        // A link's crossings, the segments they cross, and how far it runs along the border line itself.
        """
        CREATE FUNCTION link_border(link_line geometry)
        RETURNS TABLE (crossings integer, segments_crossed text, along_border_km double precision)
        LANGUAGE sql STABLE PARALLEL SAFE
        BEGIN ATOMIC
          WITH parts AS (
            SELECT d.geom FROM border_line b, ST_Dump(ST_Intersection(link_line, b.geom)) d WHERE ST_Intersects(link_line, b.geom)
          ), points AS (
            SELECT nearest_segment(p.geom) AS segment FROM parts p WHERE ST_GeometryType(p.geom) = 'ST_Point'
          )
          SELECT (SELECT count(*)::int FROM points),
                 (SELECT coalesce(string_agg(DISTINCT segment COLLATE "C", '; ' ORDER BY segment COLLATE "C"), '') FROM points),
                 (SELECT coalesce(sum(ST_Length(p.geom::geography)), 0) / 1000 FROM parts p
                  WHERE ST_GeometryType(p.geom) = 'ST_LineString');
        END
        """,
        """
        CREATE FUNCTION links(f event_filter DEFAULT NULL)
        RETURNS TABLE (event_id text, claim_number bigint, "group" text, attribution text, origin_asserted_by text, "from" text, "to" text,
                       origin_adm0_iso3 text, event_adm0_iso3 text, cross_border boolean, crossings integer,
                       segments_crossed text, along_border_km double precision, length_km double precision,
                       fatalities_low bigint, fatalities_high bigint, geom geometry)
        LANGUAGE sql STABLE PARALLEL SAFE
        BEGIN ATOMIC
          SELECT p.event_id, p.claim_number, p."group", p.attribution, p.origin_asserted_by, p."from", p."to", p.origin_adm0_iso3,
                 p.event_adm0_iso3, p.cross_border, b.crossings, b.segments_crossed, b.along_border_km, p.length_km,
                 p.fatalities_low, p.fatalities_high, p.path
          FROM link_pairs(f) p CROSS JOIN LATERAL link_border(p.path) b
          ORDER BY p.event_id, p.claim_number;
        END
        """,
        """
        CREATE FUNCTION crossings(f event_filter DEFAULT NULL)
        RETURNS TABLE (event_id text, claim_number bigint, crossing integer, segment text, group_name text, attribution text,
                       cross_border boolean, origin_asserted_by text, geom geometry)
        LANGUAGE sql STABLE PARALLEL SAFE
        BEGIN ATOMIC
          SELECT p.event_id, p.claim_number, c.crossing, c.segment, p.group_name, p.attribution, p.cross_border,
                 nullif(p.origin_asserted_by, ''), c.geom
          FROM link_pairs(f) p CROSS JOIN LATERAL link_crossings(p.path) c
          ORDER BY p.event_id, p.claim_number, c.crossing;
        END
        """,
        // The area of a district, province or country in km² in the equal-area projection the export names.
        """
        CREATE FUNCTION unit_area_km2(unit_id text) RETURNS double precision LANGUAGE sql STABLE PARALLEL SAFE
        BEGIN ATOMIC
          SELECT ST_Area(ST_Transform(u.geom, (SELECT value FROM reference_settings WHERE key = 'equal_area_crs'))) / 1e6
          FROM (SELECT geom, 1 AS level FROM districts WHERE id = unit_id
                UNION ALL SELECT geom, 2 FROM provinces WHERE id = unit_id
                UNION ALL SELECT geom, 3 FROM countries WHERE id = unit_id) u
          ORDER BY u.level LIMIT 1;
        END
        """,
        """
        CREATE FUNCTION district_source_approximate() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE
        BEGIN ATOMIC
          SELECT coalesce((SELECT value = 'true' FROM reference_settings WHERE key = 'district_source_approximate'), true);
        END
        """,
        // The group an event falls in for each key of `aggregate` (`Aggregation.key`); NULL key: not counted.
        """
        CREATE FUNCTION event_group_key(e events, by text, OUT key text, OUT name text) LANGUAGE sql IMMUTABLE PARALLEL SAFE
        BEGIN ATOMIC
          SELECT CASE by
                   WHEN 'district' THEN e.adm2_id
                   WHEN 'province' THEN e.adm1_id
                   WHEN 'country' THEN e.adm0_iso3
                   WHEN 'segment' THEN CASE WHEN e.border_km IS NOT NULL THEN e.border_segment END
                   WHEN 'group' THEN coalesce(e.group_id, e.group_name, e."group", '(none reported)')
                   WHEN 'attribution' THEN e.attribution
                   WHEN 'year' THEN split_part(e.event_date, '-', 1)::int::text
                   WHEN 'flow' THEN CASE WHEN e.origin_geo_precision IS NOT NULL THEN
                     coalesce(e.origin_adm2_id, e.origin_adm1_id, e.origin_adm0_iso3, '?') || '>'
                     || coalesce(e.adm2_id, e.adm1_id, e.adm0_iso3, '?') END
                 END,
                 CASE by
                   WHEN 'district' THEN coalesce(e.adm2_name, e.adm2_id)
                   WHEN 'province' THEN coalesce(e.adm1_name, e.adm1_id)
                   WHEN 'country' THEN e.adm0_iso3
                   WHEN 'segment' THEN e.border_segment
                   WHEN 'group' THEN coalesce(e.group_name, e."group", '(none reported)')
                   WHEN 'attribution' THEN e.attribution
                   WHEN 'year' THEN split_part(e.event_date, '-', 1)::int::text
                   WHEN 'flow' THEN coalesce(e.origin_adm2_name, e.origin_adm1_name, e.origin_adm0_iso3, '?') || ' → '
                     || coalesce(e.adm2_name, e.adm1_name, e.adm0_iso3, '?')
                 END;
        END
        """,
        // Events and casualties by district, province, country, segment, group, attribution, year or flow:
        // fatalities low/high as reported (open when a figure such as "60+" has no upper bound), the unit's area
        // and whether district areas are approximate. Most events first, then by name.
        """
        CREATE FUNCTION aggregate(by text, f event_filter DEFAULT NULL)
        RETURNS TABLE (key text, name text, events bigint, fatalities_low bigint, fatalities_high bigint,
                       fatalities_high_open boolean, injuries_low bigint, claimed bigint, attributed_or_alleged bigint,
                       area_km2 double precision, approximate boolean, cross_border boolean)
        LANGUAGE sql STABLE PARALLEL SAFE
        BEGIN ATOMIC
          WITH keyed AS (
            SELECT k.key, k.name, e.fatalities_low, e.fatalities_high, e.injuries_low, e.attribution,
                   e.geo_approximate, e.cross_border
            FROM events e CROSS JOIN LATERAL event_group_key(e, by) k
            WHERE k.key IS NOT NULL AND (f IS NULL OR matches(e, f))
              AND (f.near_border_km IS NULL OR e.event_id IN (SELECT n.event_id FROM near_border(f.near_border_km, f) n))
          ), grouped AS (
            SELECT k.key, min(k.name COLLATE "C") AS name, count(*) AS events,
                   coalesce(sum(k.fatalities_low), 0)::bigint AS fatalities_low,
                   coalesce(sum(coalesce(k.fatalities_high, k.fatalities_low)), 0)::bigint AS fatalities_high,
                   coalesce(bool_or(k.fatalities_low IS NOT NULL AND k.fatalities_high IS NULL), false) AS fatalities_high_open,
                   coalesce(sum(k.injuries_low), 0)::bigint AS injuries_low,
                   count(*) FILTER (WHERE k.attribution = 'claimed') AS claimed,
                   count(*) FILTER (WHERE k.attribution IN ('attributed', 'alleged', 'disputed')) AS attributed_or_alleged,
                   coalesce(bool_or(k.geo_approximate), false) AS approximate, bool_or(k.cross_border) AS cross_border
            FROM keyed k GROUP BY k.key
          )
          SELECT g.key, g.name, g.events, g.fatalities_low, g.fatalities_high, g.fatalities_high_open, g.injuries_low,
                 g.claimed, g.attributed_or_alleged,
                 CASE WHEN by IN ('district', 'province', 'country') THEN unit_area_km2(g.key) END,
                 CASE WHEN by = 'district' THEN g.approximate OR district_source_approximate() ELSE false END,
                 CASE WHEN by = 'flow' THEN g.cross_border END
          FROM grouped g
          ORDER BY g.events DESC, g.name COLLATE "C";
        END
        """,
        // The aggregate columns of the districts, provinces and border_segments layers over every event of
        // the schema (`EventLayers.addAggregates`, `addBorderCounts`); an incremental export calls it.
        """
        CREATE PROCEDURE refresh_layer_aggregates() LANGUAGE sql
        BEGIN ATOMIC
        \(unitAggregateUpdate(table: "districts", by: "district"))
        \(unitAggregateUpdate(table: "provinces", by: "province"))
          WITH counts AS (
            SELECT e.border_segment AS segment, count(*) AS n, bool_or(e.border_km IS NOT NULL) AS measured
            FROM events e GROUP BY e.border_segment
          )
          UPDATE border_segments s SET events = CASE WHEN (SELECT bool_or(c.measured) FROM counts c) THEN coalesce(
                   (SELECT c.n FROM counts c WHERE c.segment = s.name), (SELECT c.n FROM counts c WHERE c.segment = s.id), 0) END;
        END
        """,
        "CREATE VIEW event_links AS SELECT * FROM links()",
        "CREATE VIEW event_crossings AS SELECT * FROM crossings()",
    ]
}
