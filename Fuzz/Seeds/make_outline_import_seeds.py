# Builds the GeoPackage seeds of the outline-import fuzzer (Fuzz/Corpus/outline-import/seed-*.gpkg): small GADM-like
# layers in 512-byte SQLite pages, so each stays under the fuzzers' -max_len (16 KiB) and libFuzzer mutates whole files.
# Run from the repository root: python3 Fuzz/Seeds/make_outline_import_seeds.py
import os, sqlite3, struct

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Corpus", "outline-import")

SCHEMA = """
PRAGMA page_size = 512;
PRAGMA application_id = 1196444487;
PRAGMA user_version = 10300;
CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84', 4326, 'EPSG', 4326, 'GEOGCS["WGS 84"]', '');
CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '', last_change DATETIME, min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER);
INSERT INTO gpkg_contents VALUES ('{t}', 'features', '{t}', '', '2024-01-01T00:00:00Z', 70, 32, 72, 35, 4326);
CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, PRIMARY KEY (table_name, column_name));
INSERT INTO gpkg_geometry_columns VALUES ('{t}', 'geom', 'MULTIPOLYGON', 4326, 0, 0);
"""

def gp(wkb, envelope=False):
    flags = 0b00000001 | (0b10 if envelope else 0)
    header = b"GP" + bytes([0, flags]) + struct.pack("<i", 4326)
    if envelope: header += struct.pack("<dddd", 70, 72, 32, 35)
    return header + wkb

def ring(points, close=True):
    pts = list(points) + ([points[0]] if close else [])
    return struct.pack("<I", len(pts)) + b"".join(struct.pack("<dd", x, y) for x, y in pts)

def polygon(*rings):
    return struct.pack("<BI", 1, 3) + struct.pack("<I", len(rings)) + b"".join(rings)

def multipolygon(*polygons):
    return struct.pack("<BI", 1, 6) + struct.pack("<I", len(polygons)) + b"".join(polygons)

def square(x, y, d=0.04):
    return [(x, y), (x + d, y), (x + d, y + d), (x, y + d)]

def build(name, table, columns, rows):
    path = os.path.join(OUT, name)
    if os.path.exists(path): os.remove(path)
    c = sqlite3.connect(path)
    c.executescript(SCHEMA.format(t=table))
    c.execute(f"CREATE TABLE {table} (fid INTEGER PRIMARY KEY, geom BLOB, {', '.join(col + ' TEXT' for col in columns)})")
    for row in rows:
        c.execute(f"INSERT INTO {table} (geom, {', '.join(columns)}) VALUES ({', '.join('?' * (len(columns) + 1))})", row)
    c.commit()
    c.execute("VACUUM")
    c.close()
    print(name, os.path.getsize(path), "bytes")

# GADM level 2: three districts, one with a hole, one big-endian blob with an envelope.
build("seed-gadm-level2.gpkg", "ADM_ADM_2", ["GID_1", "NAME_1", "GID_2", "NAME_2"], [
    (gp(multipolygon(polygon(ring(square(71.52, 33.99)), ring(square(71.53, 34.0, 0.01))))), "PAK.5_1", "Khyber Pakhtunkhwa", "PAK.5.1_1", "Peshawar"),
    (gp(multipolygon(polygon(ring(square(71.70, 34.15)))), envelope=True), "PAK.5_1", "Khyber Pakhtunkhwa", "PAK.5.2_1", "Charsadda"),
    (gp(struct.pack(">BI", 0, 3) + struct.pack(">I", 1) + struct.pack(">I", 5) + b"".join(struct.pack(">dd", x, y) for x, y in square(70.6, 32.98) + [(70.6, 32.98)])),
     "PAK.5_1", "Khyber Pakhtunkhwa", "PAK.5.3_1", "Bannu"),
])
# GADM level 3 with degenerate rings: unclosed, three positions, truncated blob, Z coordinates (ISO WKB 1006).
build("seed-gadm-level3-degenerate.gpkg", "ADM_ADM_3", ["GID_2", "NAME_2", "GID_3", "NAME_3"], [
    (gp(multipolygon(polygon(ring(square(71.70, 34.15), close=False)))), "PAK.5.1_1", "Peshawar", "PAK.5.1.2_1", "Charsadda"),
    (gp(multipolygon(polygon(ring(square(71.05, 33.53))), polygon(ring([(71.2, 33.6), (71.21, 33.6)])))), "PAK.5.2_1", "Kohat", "PAK.5.2.2_1", "Hangu"),
    (gp(multipolygon(polygon(ring(square(71.09, 33.11))))[:40]), "PAK.5.2_1", "Kohat", "PAK.5.2.3_1", "Karak"),
    (gp(struct.pack("<BI", 1, 1006) + struct.pack("<I", 1) + struct.pack("<BI", 1, 1003) + struct.pack("<II", 1, 5)
        + b"".join(struct.pack("<ddd", x, y, 0) for x, y in square(70.91, 32.60) + [(70.91, 32.60)])), "PAK.5.3_1", "Bannu", "PAK.5.3.2_1", "Lakki Marwat"),
])
