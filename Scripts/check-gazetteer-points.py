#!/usr/bin/env python3
"""Check the gazetteer points (GeoData/districts.csv, GeoData/places.csv) against the official
OCHA COD-AB district outlines and the project's Natural Earth province outlines.

Usage:
    python3 Scripts/check-gazetteer-points.py ../shared/data/boundaries/cod-ab_districts_four_provinces.geojson \
        [--districts GeoData/districts.csv] [--places GeoData/places.csv] \
        [--provinces GeoData/boundaries/provinces.geojson]

Needs only python3 and shapely (pip install shapely). Exit status 1 on any ERROR, 0 otherwise.

districts.csv
  * the header is exactly the documented column list (parent_id last);
  * ids unique; normalised names unique (ERROR); a normalised alias shared by two districts is a
    WARNING (the geocoder must treat it as ambiguous);
  * hq_lon/hq_lat numeric and inside the Natural Earth outline of the row's province_id
    (GeoData/boundaries/provinces.geojson; the same check as the Swift test
    GazetteerIntegrityTests.everyRepresentativePointLiesInItsOwnProvince);
  * a district that COD-AB has (its id is an ADM2_PCODE): parent_id empty and the HQ point inside
    that district's COD-AB outline;
  * a district that COD-AB lacks (created after the source edition, project id): parent_id is the
    COD-AB P-code of the district it was carved from, of the same province, and the HQ point lies
    inside that parent outline.
places.csv
  * a place with a district: the district name resolves to one districts.csv row of the place's
    province, and the point lies inside that district's COD-AB outline (or its parent's);
  * a place without a district whose province is Nangarhar, Kunar, Khyber Pakhtunkhwa or
    Balochistan lies inside the union of that province's COD-AB districts;
  * side: a place of AFG must not lie inside a Pakistani COD-AB district, a place of PAK not inside
    an Afghan one, a place of any other country inside none;
  * tolerance: a point up to 200 m outside its outline (or up to 200 m into the other side) is a
    WARNING instead of an ERROR only when its notes say "boundary feature";
  * same town: a place whose name or alias is a district's HQ name (or whose name is the district's
    name) and that is a town, city, village or border crossing of that district must lie within
    1.0 km of the district's HQ point.
Distances are metres on a local equirectangular projection around each point (error < 0.5 %
at these distances).
"""
import argparse
import csv
import json
import math
import os
import re
import sys
import unicodedata

from shapely.geometry import Point, shape
from shapely.ops import nearest_points, unary_union
from shapely.prepared import prep

HEADER = ("id,name,aliases,name_native,province_id,province,country_iso3,hq_name,"
          "hq_lon,hq_lat,point_note,former_status,created,id_source,uncertain,parent_id").split(",")
FOCUS_PROVINCES = {"Nangarhar": "AF06", "Kunar": "AF15", "Khyber Pakhtunkhwa": "PK5", "Balochistan": "PK2"}
TOLERANCE_M = 200.0
SAME_TOWN_KM = 1.0
TOWN_KINDS = {"town", "city", "village", "border_crossing"}


def normalise(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]", "", s.lower())


def strip_qualifier(s):
    return re.sub(r"\s*\(.*?\)\s*", " ", s).strip()


def metres_between(lon1, lat1, lon2, lat2):
    """Great-circle distance (spherical, R = 6371.0088 km)."""
    r = 6371008.8
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def metres_outside(geom, pt):
    """0 if pt is covered by geom, else the distance from pt to geom in metres."""
    if geom.covers(pt):
        return 0.0
    q = nearest_points(geom, pt)[0]
    return metres_between(pt.x, pt.y, q.x, q.y)


def metres_inside(geom, pt):
    """0 if pt is not covered by geom, else how deep inside (distance to its boundary) in metres."""
    if not geom.covers(pt):
        return 0.0
    q = nearest_points(geom.boundary, pt)[0]
    return metres_between(pt.x, pt.y, q.x, q.y)


def load_geojson(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["features"]


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        return header, [dict(zip(header, r)) for r in reader]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    geodata = os.path.normpath(os.path.join(here, "..", "GeoData"))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("codab", help="cod-ab_districts_four_provinces.geojson (the shared OCHA COD-AB district outlines)")
    ap.add_argument("--districts", default=os.path.join(geodata, "districts.csv"))
    ap.add_argument("--places", default=os.path.join(geodata, "places.csv"))
    ap.add_argument("--provinces", default=os.path.join(geodata, "boundaries", "provinces.geojson"))
    args = ap.parse_args()

    errors, warnings = [], []

    cod = {f["properties"]["ADM2_PCODE"]: f for f in load_geojson(args.codab)}
    outline = {k: shape(f["geometry"]) for k, f in cod.items()}
    province_of_pcode = {k: f["properties"]["ADM1_PCODE"] for k, f in cod.items()}
    af_union = unary_union([g for k, g in outline.items() if k.startswith("AF")])
    pk_union = unary_union([g for k, g in outline.items() if k.startswith("PK")])
    side = {"AFG": af_union, "PAK": pk_union}
    province_union = {}
    for k, g in outline.items():
        province_union.setdefault(province_of_pcode[k], []).append(g)
    province_union = {k: unary_union(v) for k, v in province_union.items()}
    ne_province = {f["properties"]["id"]: shape(f["geometry"]) for f in load_geojson(args.provinces)}
    prepared = {k: prep(g) for k, g in outline.items()}

    # ---------------- districts.csv
    header, districts = read_csv(args.districts)
    if header != HEADER:
        errors.append(f"districts.csv: header mismatch: {','.join(header)}")
    ids, names, tokens = {}, {}, {}
    by_id = {}
    for n, row in enumerate(districts, start=2):
        rid = row.get("id", "")
        if rid in ids:
            errors.append(f"districts.csv: duplicate id {rid} (lines {ids[rid]} and {n})")
        ids[rid] = n
        by_id[rid] = row
        nn = normalise(row["name"])
        if nn in names:
            errors.append(f"districts.csv: duplicate normalised name {row['name']!r}: {names[nn]} and {rid}")
        names[nn] = rid
        for t in [row["name"]] + [a for a in row["aliases"].split(";") if a.strip()]:
            tokens.setdefault(normalise(t), set()).add(rid)
        try:
            lon, lat = float(row["hq_lon"]), float(row["hq_lat"])
        except ValueError:
            errors.append(f"{rid}: non-numeric coordinates {row['hq_lon']!r},{row['hq_lat']!r}")
            continue
        pt = Point(lon, lat)
        pid = row["province_id"]
        if pid not in ne_province:
            errors.append(f"{rid}: province_id {pid!r} is not in {os.path.basename(args.provinces)}")
        elif not ne_province[pid].covers(pt):
            d = metres_outside(ne_province[pid], pt)
            errors.append(f"{rid} {row['name']}: HQ {lon},{lat} is {d:.0f} m outside the Natural Earth outline of {pid}")
        parent = row.get("parent_id", "")
        if rid in outline:
            if parent:
                errors.append(f"{rid} {row['name']}: COD-AB has this district, so parent_id must be empty (is {parent})")
            target, what = rid, "its own"
        else:
            if not parent:
                errors.append(f"{rid} {row['name']}: not in COD-AB, so parent_id must name the COD-AB district it was carved from")
                continue
            if parent not in outline:
                errors.append(f"{rid} {row['name']}: parent_id {parent} is not a COD-AB P-code")
                continue
            if province_of_pcode[parent] != pid:
                errors.append(f"{rid} {row['name']}: parent_id {parent} lies in {province_of_pcode[parent]}, not {pid}")
            target, what = parent, f"its parent {parent}"
        if not prepared[target].covers(pt):
            d = metres_outside(outline[target], pt)
            inside = [k for k, g in prepared.items() if g.covers(pt)]
            errors.append(f"{rid} {row['name']}: HQ {lon},{lat} is {d:.0f} m outside {what} COD-AB outline "
                          f"({cod[target]['properties']['ADM2_EN']}); it lies in {', '.join(inside) or 'no COD-AB district'}")

    for tok, owners in sorted(tokens.items()):
        if len(owners) > 1:
            warnings.append(f"districts.csv: normalised name/alias {tok!r} shared by: {', '.join(sorted(owners))}")

    # district lookup for places: (normalised name or alias, province) -> ids
    lookup = {}
    for row in districts:
        for t in [row["name"]] + [a for a in row["aliases"].split(";") if a.strip()]:
            for form in {normalise(t), normalise(strip_qualifier(t))}:
                lookup.setdefault((form, row["province"]), set()).add(row["id"])

    # ---------------- places.csv
    pheader, places = read_csv(args.places)
    for col in ("id", "name", "aliases", "kind", "district", "province", "country_iso3", "lon", "lat", "notes"):
        if col not in pheader:
            errors.append(f"places.csv: missing column {col}")
    for row in places:
        pid = row["id"]
        try:
            lon, lat = float(row["lon"]), float(row["lat"])
        except ValueError:
            errors.append(f"{pid}: non-numeric coordinates {row['lon']!r},{row['lat']!r}")
            continue
        pt = Point(lon, lat)
        boundary_feature = "boundary feature" in row.get("notes", "").lower()

        def judge(metres, message):
            if metres <= 0:
                return
            if metres <= TOLERANCE_M and boundary_feature:
                warnings.append(f"{pid}: {message} ({metres:.0f} m; tolerated: notes say boundary feature)")
            elif metres <= TOLERANCE_M:
                errors.append(f"{pid}: {message} ({metres:.0f} m; within {TOLERANCE_M:.0f} m, but the notes do not say 'boundary feature')")
            else:
                errors.append(f"{pid}: {message} ({metres:.0f} m)")

        district_text = row["district"].strip()
        if district_text:
            found = (lookup.get((normalise(district_text), row["province"]))
                     or lookup.get((normalise(strip_qualifier(district_text)), row["province"])) or set())
            if len(found) != 1:
                errors.append(f"{pid}: district {district_text!r} resolves to {sorted(found) or 'nothing'} in {row['province']}")
                continue
            did = next(iter(found))
            drow = by_id[did]
            target = did if did in outline else drow.get("parent_id", "")
            if target not in outline:
                errors.append(f"{pid}: district {did} has neither a COD-AB outline nor a parent_id")
                continue
            where = [k for k, g in prepared.items() if g.covers(pt)]
            judge(metres_outside(outline[target], pt),
                  f"{lon},{lat} lies outside the COD-AB outline of {target} {cod[target]['properties']['ADM2_EN']}"
                  f"{'' if target == did else ' (parent of ' + did + ')'}; it is in {', '.join(where) or 'no COD-AB district'}")
            # same town as the district HQ?
            pnames = [row["name"], strip_qualifier(row["name"])] + [a for a in row["aliases"].split(";") if a.strip()]
            pforms = {normalise(x) for x in pnames}
            hq_form = normalise(strip_qualifier(drow["hq_name"]))
            same_town = row["kind"] in TOWN_KINDS and (
                hq_form in pforms or normalise(strip_qualifier(row["name"])) == normalise(drow["name"]))
            if same_town:
                d_km = metres_between(lon, lat, float(drow["hq_lon"]), float(drow["hq_lat"])) / 1000.0
                if d_km > SAME_TOWN_KM:
                    errors.append(f"{pid}: same town as the HQ of {did} ({drow['hq_name']}) but {d_km:.2f} km from the "
                                  f"districts.csv point (limit {SAME_TOWN_KM:.1f} km)")
        elif row["province"] in FOCUS_PROVINCES:
            pcode = FOCUS_PROVINCES[row["province"]]
            judge(metres_outside(province_union[pcode], pt),
                  f"{lon},{lat} lies outside the COD-AB districts of {row['province']}")

        country = row["country_iso3"]
        if country in side:
            other = "PAK" if country == "AFG" else "AFG"
            judge(metres_inside(side[other], pt), f"{lon},{lat} of a {country} place lies inside the {other} COD-AB districts")
        else:
            for k, g in side.items():
                judge(metres_inside(g, pt), f"{lon},{lat} of a {country} place lies inside the {k} COD-AB districts")

    for w in warnings:
        print("WARNING:", w)
    for e in errors:
        print("ERROR:", e)
    print(f"checked {len(districts)} districts and {len(places)} places against {len(outline)} COD-AB outlines")
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
