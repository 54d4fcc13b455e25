#!/usr/bin/env python3
"""Check GeoData/districts.csv against Natural Earth 1:10m province outlines.

Usage:
    python3 Scripts/check-gazetteer-points.py [districts.csv] [--gpkg PATH]

Checks (exit status 1 if any ERROR):
  * header is exactly the documented column list;
  * every row has numeric hq_lon/hq_lat and a known province_id;
  * every representative point lies inside its province outline taken from the
    GeoPackage layer `states_provinces` (Natural Earth 1:10m, generalised, as
    shipped with QGIS). Khyber Pakhtunkhwa = union of NE "K.P." and "F.A.T.A.";
  * ids are unique;
  * normalised district names are unique (ERROR) and no normalised alias of one
    district equals the name or an alias of another district (WARNING only:
    the geocoder must treat such strings as ambiguous).

Needs python3 with shapely (pip install shapely); sqlite3 and csv are stdlib.
The GeoPackage geometry blob is decoded by skipping the GeoPackage binary
header: magic "GP", version byte, flags byte (bits 1-3 = envelope code
0/1/2/3/4 -> 0/32/48/48/64 bytes), 4-byte SRS id, envelope, then WKB.
"""
import argparse
import csv
import os
import re
import sqlite3
import sys
import unicodedata

from shapely import wkb
from shapely.geometry import Point
from shapely.ops import unary_union

HEADER = ("id,name,aliases,name_native,province_id,province,country_iso3,hq_name,"
          "hq_lon,hq_lat,point_note,former_status,created,id_source,uncertain").split(",")

DEFAULT_GPKG = "/tmp/qgis/x/usr/share/qgis/resources/data/world_map.gpkg"

# project province id -> (adm0_a3, [Natural Earth names to union])
PROVINCES = {
    "AF06": ("AFG", ["Nangarhar"]),
    "AF15": ("AFG", ["Kunar"]),
    "PK6": ("PAK", ["K.P.", "F.A.T.A."]),
    "PK2": ("PAK", ["Baluchistan"]),
}

ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def gpkg_blob_to_geom(blob):
    blob = bytes(blob)
    if blob[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry blob")
    flags = blob[3]
    env_code = (flags >> 1) & 0x07
    if env_code not in ENVELOPE_BYTES:
        raise ValueError(f"bad envelope code {env_code}")
    offset = 8 + ENVELOPE_BYTES[env_code]  # magic(2)+version(1)+flags(1)+srs_id(4)
    return wkb.loads(blob[offset:])


def load_outlines(gpkg_path):
    con = sqlite3.connect(f"file:{gpkg_path}?mode=ro", uri=True)
    try:
        outlines = {}
        for pid, (adm0, names) in PROVINCES.items():
            geoms = []
            for name in names:
                rows = con.execute(
                    "SELECT geom FROM states_provinces WHERE name = ? AND adm0_a3 = ?",
                    (name, adm0)).fetchall()
                if not rows:
                    raise SystemExit(f"ERROR: {name!r} ({adm0}) not found in {gpkg_path}")
                geoms.extend(gpkg_blob_to_geom(r[0]) for r in rows)
            outlines[pid] = unary_union(geoms)
        return outlines
    finally:
        con.close()


def normalise(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]", "", s.lower())


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("csv", nargs="?", default=os.path.join(here, "..", "GeoData", "districts.csv"))
    ap.add_argument("--gpkg", default=os.environ.get("EM_WORLD_GPKG", DEFAULT_GPKG))
    args = ap.parse_args()

    errors, warnings = [], []
    with open(args.csv, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        if header != HEADER:
            errors.append(f"header mismatch: {header}")
        rows = [dict(zip(header, r)) for r in reader]

    outlines = load_outlines(args.gpkg)
    counts = {}
    ids = {}
    names = {}
    tokens = {}  # normalised name/alias -> set of ids
    for n, row in enumerate(rows, start=2):
        rid = row.get("id", "")
        counts[row.get("province", "?")] = counts.get(row.get("province", "?"), 0) + 1
        if rid in ids:
            errors.append(f"duplicate id {rid} (lines {ids[rid]} and {n})")
        ids[rid] = n
        nn = normalise(row["name"])
        if nn in names:
            errors.append(f"duplicate normalised name {row['name']!r}: {names[nn]} and {rid}")
        names[nn] = rid
        for t in [row["name"]] + [a for a in row["aliases"].split(";") if a.strip()]:
            tokens.setdefault(normalise(t), set()).add(rid)

        pid = row["province_id"]
        if pid not in outlines:
            errors.append(f"{rid}: unknown province_id {pid!r}")
            continue
        try:
            lon, lat = float(row["hq_lon"]), float(row["hq_lat"])
        except ValueError:
            errors.append(f"{rid}: non-numeric coordinates {row['hq_lon']!r},{row['hq_lat']!r}")
            continue
        pt = Point(lon, lat)
        geom = outlines[pid]
        if not geom.contains(pt):
            d = geom.boundary.distance(pt) * 111.32
            errors.append(f"{rid} {row['name']} ({row['province']}): point {lon},{lat} "
                          f"is OUTSIDE the Natural Earth outline (~{d:.1f} km)")

    for tok, owners in sorted(tokens.items()):
        if len(owners) > 1:
            warnings.append(f"normalised name/alias {tok!r} shared by: {', '.join(sorted(owners))}")

    for w in warnings:
        print("WARNING:", w)
    for e in errors:
        print("ERROR:", e)
    print("rows per province:", ", ".join(f"{k}={v}" for k, v in sorted(counts.items())),
          f"(total {len(rows)})")
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
