#!/usr/bin/env python3
"""Checks the realworld fixtures against their <file>.expected.csv files.

1. Every expected line starts a record (or is the HXL row / a blank line), and the record's id matches source_id.
2. Every expected_adm2 is a `name` in GeoData/districts.csv; every expected_adm1 a province name.
3. For every record with coordinates: which official district polygon (OCHA COD-AB, the file in
   /work/shared/data/boundaries) and which HQ-Voronoi cell (nearest district HQ of districts.csv inside the
   point's province, the project's approximate areas) contain it; prints every disagreement with the expected
   district so that each one can be checked against the row's `reason`.

Needs: pip install shapely. Usage: python3 tools/verify_fixtures.py [--cod PATH]
"""
import csv
import io
import json
import math
import os
import sys

from shapely.geometry import Point, shape
from shapely.prepared import prep

HERE = os.path.dirname(os.path.abspath(__file__))
FIX = os.path.dirname(HERE)
REPO = os.path.abspath(os.path.join(FIX, "..", "..", "..", ".."))
COD_PATH = "/work/shared/data/boundaries/cod-ab_districts_four_provinces.geojson"
if "--cod" in sys.argv:
    COD_PATH = sys.argv[sys.argv.index("--cod") + 1]

DIST = list(csv.DictReader(open(os.path.join(REPO, "GeoData", "districts.csv"), encoding="utf-8")))
NAMES = {d["name"] for d in DIST}
PCODE = {d["id"]: d["name"] for d in DIST}
PROV = [(f["properties"]["name"], prep(shape(f["geometry"])))
        for f in json.load(open(os.path.join(REPO, "GeoData", "boundaries", "provinces.geojson")))["features"]]
PROV_NAMES = {n for n, _ in PROV}
CTY = [(f["properties"]["iso3"], prep(shape(f["geometry"])))
       for f in json.load(open(os.path.join(REPO, "GeoData", "boundaries", "countries.geojson")))["features"]]
COD = [(f["properties"]["ADM2_PCODE"], f["properties"]["ADM2_EN"], prep(shape(f["geometry"])))
       for f in json.load(open(COD_PATH))["features"]]


def km(a, b, c, d):
    p = math.pi / 180
    h = math.sin((c - a) * p / 2) ** 2 + math.cos(a * p) * math.cos(c * p) * math.sin((d - b) * p / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def locate(lat, lon):
    pt = Point(lon, lat)
    cod = next((PCODE.get(pc, en + " (no districts.csv row for " + pc + ")") for pc, en, g in COD if g.contains(pt)), None)
    prov = next((n for n, g in PROV if g.contains(pt)), None)
    cty = next((c for c, g in CTY if g.contains(pt)), None)
    approx = None
    if prov:
        cands = [d for d in DIST if d["province"] == prov]
        if cands:
            approx = min(cands, key=lambda d: km(lat, lon, float(d["hq_lat"]), float(d["hq_lon"])))["name"]
    return cod, approx, prov, cty


def csv_records(path, encoding="utf-8", id_column=None):
    """(start line, record dict) for every CSV record after the header."""
    raw = open(path, "rb").read().decode(encoding)
    rdr = csv.reader(io.StringIO(raw, newline=""))
    header = next(rdr)
    out = []
    # csv.reader's line_num is the line of the END of the record; track starts ourselves
    last_end = rdr.line_num
    for rec in rdr:
        out.append((last_end + 1, dict(zip(header, rec)), rec))
        last_end = rdr.line_num
    return out


FILES = {
    "ucdp_ged_hdx_conflict_data.csv": ("id", "latitude", "longitude", "utf-8"),
    "acled_export.csv": ("event_id_cnty", "latitude", "longitude", "utf-8"),
    "acled_export_legacy_2019.csv": ("event_id_cnty", "latitude", "longitude", "utf-8"),
    "gtd_globalterrorismdb.csv": ("eventid", "latitude", "longitude", "utf-8"),
    "analyst_incident_log.csv": (None, None, None, "cp1252"),
    "names_and_coords.csv": ("event_id", "latitude", "longitude", "utf-8"),
}

problems = 0


def check(name, line, sid, lat, lon, e):
    global problems
    if e["expected_adm2"] and e["expected_adm2"] not in NAMES:
        print(f"  !! {name}:{line} expected_adm2 {e['expected_adm2']!r} is not a districts.csv name"); problems += 1
    if e["expected_adm1"] and e["expected_adm1"] not in PROV_NAMES:
        print(f"  !! {name}:{line} expected_adm1 {e['expected_adm1']!r} is not a province name"); problems += 1
    if lat is None:
        return
    cod, approx, prov, cty = locate(lat, lon)
    want2, want1, want0 = e["expected_adm2"], e["expected_adm1"], e["expected_country_iso3"]
    notes = []
    if want0 and cty != want0:
        notes.append(f"country {cty} != {want0}")
    if want1 and prov != want1:
        notes.append(f"province {prov} != {want1}")
    if want2 and cod != want2:
        notes.append(f"COD-AB polygon {cod} != {want2}")
    if want2 and approx != want2:
        notes.append(f"HQ-Voronoi {approx} != {want2}")
    if not want2 and e["expected_precision"] in ("4", "5") and cod:
        notes.append(f"(point lies in {cod}; expected is {['province', 'country'][e['expected_precision'] == '5']}-level)")
    if notes:
        flag = "ok?" if any(w in e["reason"] for w in ("approx", "lies", "SWAPPED", "centroid", "named", "polygon", "predates", "representative", "capital")) else "!!"
        if flag == "!!":
            problems += 1
        print(f"  {flag} {name}:{line} [{sid}] ({lat},{lon}): " + "; ".join(notes))


for name, (idcol, latc, lonc, enc) in FILES.items():
    path = os.path.join(FIX, name)
    exp = list(csv.DictReader(open(path + ".expected.csv", encoding="utf-8")))
    recs = {ln: (d, rec) for ln, d, rec in csv_records(path, enc)}
    lines = open(path, "rb").read().split(b"\n")
    print(f"{name}: {len(recs)} records, {len(exp)} expected rows")
    for e in exp:
        ln = int(e["line"])
        if e["outcome"] == "skipped-blank":
            text = lines[ln - 1].strip(b"\r")
            if text.strip(b", ") != b"":
                print(f"  !! {name}:{ln} expected blank, got {text[:40]!r}"); problems += 1
            continue
        if ln not in recs:
            print(f"  !! {name}:{ln} no record starts here"); problems += 1
            continue
        d, rec = recs[ln]
        if e["outcome"] == "skipped-hxl":
            if not any(v.startswith("#") for v in rec):
                print(f"  !! {name}:{ln} is not an HXL row"); problems += 1
            continue
        if idcol and d.get(idcol, "") != e["source_id"]:
            print(f"  !! {name}:{ln} id {d.get(idcol)!r} != source_id {e['source_id']!r}"); problems += 1
        lat = lon = None
        if latc and d.get(latc) and d.get(lonc):
            lat, lon = float(d[latc]), float(d[lonc])
        check(name, ln, e["source_id"], lat, lon, e)
    ids = {d.get(idcol) for _, (d, _) in recs.items()} if idcol else set()
    covered = {int(e["line"]) for e in exp}
    missing = [ln for ln in recs if ln not in covered]
    if missing:
        print(f"  !! {name}: records without an expected row at lines {missing}"); problems += 1

# JSON
name = "ucdp_ged_api_gedevents.json"
text = open(os.path.join(FIX, name), encoding="utf-8").read()
doc = json.loads(text)
exp = list(csv.DictReader(open(os.path.join(FIX, name + ".expected.csv"), encoding="utf-8")))
lines = text.split("\n")
print(f"{name}: TotalCount {doc['TotalCount']}, {len(doc['Result'])} results, {len(exp)} expected rows")
assert doc["TotalCount"] == len(doc["Result"]) == len(exp)
for rec, e in zip(doc["Result"], exp):
    ln = int(e["line"])
    if not lines[ln - 1].lstrip().startswith('{"id": %s,' % rec["id"]) or str(rec["id"]) != e["source_id"]:
        print(f"  !! {name}:{ln} record {rec['id']} does not start there"); problems += 1
    lat, lon = rec["latitude"], rec["longitude"]
    check(name, ln, e["source_id"], lat, lon, e)

print("problems:", problems)
sys.exit(1 if problems else 0)
