# Builds gadm_level3_degenerate.gpkg beside this script: a GADM level-3 layer (Pakistan) whose geometry blobs
# GEOS refuses (an unclosed ring, a ring of 3 positions) or cannot read (truncated). Run: python3 make_gadm_level3_degenerate.py gadm_level3_degenerate.gpkg
import sqlite3, struct, sys, os
path = sys.argv[1]
if os.path.exists(path): os.remove(path)
c = sqlite3.connect(path)
c.executescript("""
PRAGMA application_id = 1196444487;
PRAGMA user_version = 10300;
CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326, 'GEOGCS["WGS 84"]', 'longitude/latitude');
CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '', last_change DATETIME, min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER);
INSERT INTO gpkg_contents VALUES ('ADM_ADM_3', 'features', 'ADM_ADM_3', '', '2024-01-01T00:00:00Z', 70, 32, 72, 35, 4326);
CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, PRIMARY KEY (table_name, column_name));
INSERT INTO gpkg_geometry_columns VALUES ('ADM_ADM_3', 'geom', 'MULTIPOLYGON', 4326, 0, 0);
CREATE TABLE ADM_ADM_3 (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom BLOB, GID_0 TEXT, NAME_0 TEXT, GID_1 TEXT, NAME_1 TEXT,
  GID_2 TEXT, NAME_2 TEXT, GID_3 TEXT, NAME_3 TEXT, TYPE_3 TEXT);
""")

def gp(wkb):
    return b"GP" + bytes([0, 0b00000001]) + struct.pack("<i", 4326) + wkb

def ring(points, close=True):
    pts = list(points) + ([points[0]] if close else [])
    return struct.pack("<I", len(pts)) + b"".join(struct.pack("<dd", x, y) for x, y in pts)

def polygon(*rings):
    return struct.pack("<BI", 1, 3) + struct.pack("<I", len(rings)) + b"".join(rings)

def multipolygon(*polygons):
    return struct.pack("<BI", 1, 6) + struct.pack("<I", len(polygons)) + b"".join(polygons)

def square(x, y, d=0.04):
    return [(x, y), (x + d, y), (x + d, y + d), (x, y + d)]

rows = [
    # Peshawar division: three districts; Charsadda's ring is written unclosed.
    ("PAK.5.1_1", "Peshawar", "PAK.5.1.1_1", "Peshawar", gp(multipolygon(polygon(ring(square(71.52, 33.99)))))),
    ("PAK.5.1_1", "Peshawar", "PAK.5.1.2_1", "Charsadda", gp(multipolygon(polygon(ring(square(71.70, 34.15), close=False))))),
    ("PAK.5.1_1", "Peshawar", "PAK.5.1.3_1", "Nowshera", gp(multipolygon(polygon(ring(square(71.95, 33.99)))))),
    # Kohat division: Hangu has a sliver polygon of 3 positions beside its outline; Karak's blob is truncated.
    ("PAK.5.2_1", "Kohat", "PAK.5.2.1_1", "Kohat", gp(multipolygon(polygon(ring(square(71.44, 33.58)))))),
    ("PAK.5.2_1", "Kohat", "PAK.5.2.2_1", "Hangu", gp(multipolygon(polygon(ring(square(71.05, 33.53))),
                                                               polygon(ring([(71.2, 33.6), (71.21, 33.6)]))))),
    ("PAK.5.2_1", "Kohat", "PAK.5.2.3_1", "Karak", gp(multipolygon(polygon(ring(square(71.09, 33.11))))[:40])),
    # Bannu division.
    ("PAK.5.3_1", "Bannu", "PAK.5.3.1_1", "Bannu", gp(multipolygon(polygon(ring(square(70.60, 32.98)))))),
    ("PAK.5.3_1", "Bannu", "PAK.5.3.2_1", "Lakki Marwat", gp(multipolygon(polygon(ring(square(70.91, 32.60)))))),
]
for gid2, name2, gid3, name3, blob in rows:
    c.execute("INSERT INTO ADM_ADM_3 (geom, GID_0, NAME_0, GID_1, NAME_1, GID_2, NAME_2, GID_3, NAME_3, TYPE_3) VALUES (?,?,?,?,?,?,?,?,?,?)",
              (blob, "PAK", "Pakistan", "PAK.5_1", "Khyber-Pakhtunkhwa", gid2, name2, gid3, name3, "District"))
c.commit()
