import GeoKit
import EventModel
/// The SQL of an OGC GeoPackage 1.3 (OGC 12-128r18): core tables, the required spatial reference
/// systems, and the R-tree spatial index extension (Annex F.3) with its triggers.
enum GeoPackageSQL {
    /// 'GPKG' in ASCII, the SQLite application_id of every GeoPackage.
    static let applicationID: Int32 = 0x4750_4B47
    /// GeoPackage 1.3.x.
    static let userVersion = 10300
    static let rtreeExtension = "gpkg_rtree_index"
    static let rtreeDefinition = "http://www.geopackage.org/spec120/#extension_rtree"

    /// EPSG:4326 in the WKT 1 form GDAL writes (lat/lon axis order as EPSG defines it; GeoPackage stores x = lon).
    static let wgs84WKT = #"GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]"#

    static let coreTables = """
        CREATE TABLE gpkg_spatial_ref_sys (
          srs_name TEXT NOT NULL,
          srs_id INTEGER NOT NULL PRIMARY KEY,
          organization TEXT NOT NULL,
          organization_coordsys_id INTEGER NOT NULL,
          definition TEXT NOT NULL,
          description TEXT
        );
        CREATE TABLE gpkg_contents (
          table_name TEXT NOT NULL PRIMARY KEY,
          data_type TEXT NOT NULL,
          identifier TEXT UNIQUE,
          description TEXT DEFAULT '',
          last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
          min_x DOUBLE,
          min_y DOUBLE,
          max_x DOUBLE,
          max_y DOUBLE,
          srs_id INTEGER,
          CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id)
        );
        CREATE TABLE gpkg_geometry_columns (
          table_name TEXT NOT NULL,
          column_name TEXT NOT NULL,
          geometry_type_name TEXT NOT NULL,
          srs_id INTEGER NOT NULL,
          z TINYINT NOT NULL,
          m TINYINT NOT NULL,
          CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
          CONSTRAINT uk_gc_table_name UNIQUE (table_name),
          CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
          CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id)
        );
        CREATE TABLE gpkg_extensions (
          table_name TEXT,
          column_name TEXT,
          extension_name TEXT NOT NULL,
          definition TEXT NOT NULL,
          scope TEXT NOT NULL,
          CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name)
        );
        """

    /// The three rows every GeoPackage must hold (Requirements 11): EPSG:4326, and -1 / 0 undefined.
    static let spatialReferenceSystems: [(name: String, id: Int, organization: String, code: Int, definition: String, description: String)] = [
        ("WGS 84 geodetic", 4326, "EPSG", 4326, wgs84WKT,
         "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"),
        ("Undefined Cartesian SRS", -1, "NONE", -1, "undefined", "undefined Cartesian coordinate reference system"),
        ("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic coordinate reference system"),
    ]

    /// A quoted SQLite identifier.
    static func quote(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func rtreeName(table: String, column: String) -> String { "rtree_\(table)_\(column)" }

    /// The R-tree triggers of GeoPackage 1.3 Annex F.3 (the ones GDAL writes). They call ST_IsEmpty and
    /// ST_MinX…ST_MaxY, which GDAL, QGIS and `GeoPackageFunctions` register on their connections.
    static func rtreeTriggers(table: String, column c: String, id i: String = "fid") -> [String] {
        let rtree = quote(rtreeName(table: table, column: c))
        let t = quote(table), col = quote(c), fid = quote(i)
        let prefix = rtreeName(table: table, column: c)
        let values = "NEW.\(fid),ST_MinX(NEW.\(col)), ST_MaxX(NEW.\(col)),ST_MinY(NEW.\(col)), ST_MaxY(NEW.\(col))"
        return [
            """
            CREATE TRIGGER \(quote(prefix + "_insert")) AFTER INSERT ON \(t) WHEN (new.\(col) NOT NULL AND NOT ST_IsEmpty(NEW.\(col))) \
            BEGIN INSERT OR REPLACE INTO \(rtree) VALUES (\(values)); END
            """,
            """
            CREATE TRIGGER \(quote(prefix + "_update1")) AFTER UPDATE OF \(col) ON \(t) WHEN OLD.\(fid) = NEW.\(fid) AND \
            (NEW.\(col) NOTNULL AND NOT ST_IsEmpty(NEW.\(col))) BEGIN INSERT OR REPLACE INTO \(rtree) VALUES (\(values)); END
            """,
            """
            CREATE TRIGGER \(quote(prefix + "_update2")) AFTER UPDATE OF \(col) ON \(t) WHEN OLD.\(fid) = NEW.\(fid) AND \
            (NEW.\(col) ISNULL OR ST_IsEmpty(NEW.\(col))) BEGIN DELETE FROM \(rtree) WHERE id = OLD.\(fid); END
            """,
            """
            CREATE TRIGGER \(quote(prefix + "_update3")) AFTER UPDATE ON \(t) WHEN OLD.\(fid) != NEW.\(fid) AND \
            (NEW.\(col) NOTNULL AND NOT ST_IsEmpty(NEW.\(col))) BEGIN DELETE FROM \(rtree) WHERE id = OLD.\(fid); \
            INSERT OR REPLACE INTO \(rtree) VALUES (\(values)); END
            """,
            """
            CREATE TRIGGER \(quote(prefix + "_update4")) AFTER UPDATE ON \(t) WHEN OLD.\(fid) != NEW.\(fid) AND \
            (NEW.\(col) ISNULL OR ST_IsEmpty(NEW.\(col))) BEGIN DELETE FROM \(rtree) WHERE id IN (OLD.\(fid), NEW.\(fid)); END
            """,
            """
            CREATE TRIGGER \(quote(prefix + "_delete")) AFTER DELETE ON \(t) WHEN old.\(col) NOT NULL \
            BEGIN DELETE FROM \(rtree) WHERE id = OLD.\(fid); END
            """,
        ]
    }
}
