#!/usr/bin/env python3
"""Measures how the real-world inputs geocode (standard library only; run from the repository root).

  Scripts/measure-inputs.py [BINARY] [GEODATA]     (defaults: .build/release/eventmap, GeoData)

1. Precision: the share of rows at each output precision (1 exact … 5 country, not placed, rejected) over the
   realworld fixtures and GeoData/samples/events.csv.
2. Agreement: on files that carry both names and coordinates (Fixtures/realworld/names_and_coords.csv, and a file
   generated from the gazetteer: one row per name and two aliases of every place in the four provinces and one per
   district headquarters, each with its point and its official district and province names), the district found
   from the names alone (with the admin hints, then the location text alone) against the district the coordinates
   alone give. Disagreements are listed.
"""
import collections, csv, os, subprocess, sys, tempfile

BINARY = sys.argv[1] if len(sys.argv) > 1 else ".build/release/eventmap"
GEODATA = sys.argv[2] if len(sys.argv) > 2 else "GeoData"
FIXTURES = "Tests/Fixtures/realworld"
TMP = tempfile.mkdtemp(prefix="measure-inputs-")


def geocode(path, out):
    result = subprocess.run([BINARY, "geocode", path, "-o", out, "--geodata", GEODATA, "--quiet"])
    return result.returncode


def precision():
    files = [f"{FIXTURES}/{name}" for name in ["ucdp_ged_hdx_conflict_data.csv", "ucdp_ged_api_gedevents.json", "acled_export.csv",
                                               "acled_export_legacy_2019.csv", "gtd_globalterrorismdb.csv",
                                               "analyst_incident_log.csv", "names_and_coords.csv"]] + [f"{GEODATA}/samples/events.csv"]
    keys = ["1", "2", "3", "4", "5", "none", "rejected"]
    names = {"1": "exact", "2": "place", "3": "district", "4": "province", "5": "country", "none": "not placed", "rejected": "rejected"}
    total = collections.Counter()
    print("1. Output precision per file")
    for path in files:
        out = f"{TMP}/{os.path.basename(path)}.csv"
        status = geocode(path, out)
        counts = collections.Counter(row["geo_precision"] or "none" for row in csv.DictReader(open(out, encoding="utf-8")))
        counts["rejected"] += sum(1 for _ in csv.DictReader(open(out[:-4] + ".rejects.csv", encoding="utf-8")))
        total += counts
        print(f"   {os.path.basename(path):34s} rows {sum(counts.values()):4d}  " + "  ".join(f"{names[k]} {counts[k]}" for k in keys) + f"  (exit {status})")
    n = sum(total.values())
    print(f"   all {n} rows: " + ", ".join(f"{names[k]} {total[k]} ({total[k] / n:.1%})" for k in keys))


def gazetteer_events(path):
    districts = {row["id"]: row for row in csv.DictReader(open(f"{GEODATA}/districts.csv", encoding="utf-8"))}
    provinces = {"AF06": "Nangarhar", "AF15": "Kunar", "PK5": "Khyber Pakhtunkhwa", "PK2": "Balochistan"}
    country = {"AFG": "Afghanistan", "PAK": "Pakistan"}
    rows = []
    for place in csv.DictReader(open(f"{GEODATA}/places.csv", encoding="utf-8")):
        if not place["district"] or place["country_iso3"] not in country:
            continue
        for name in [place["name"]] + [a.strip() for a in place["aliases"].split(";") if a.strip()][:2]:
            rows.append((name, place["district"], place["province"], country[place["country_iso3"]], place["lat"], place["lon"]))
    for d in districts.values():
        if d["hq_name"]:
            rows.append((d["hq_name"], d["name"], provinces.get(d["province_id"], d["province_id"]), country[d["country_iso3"]], d["hq_lat"], d["hq_lon"]))
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["event_id", "event_date", "location", "admin2", "admin1", "country", "latitude", "longitude"])
        for i, row in enumerate(rows):
            w.writerow([f"GZ{i:05d}", "2023-01-01", *row])


def agreement(path):
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    columns = list(rows[0].keys())

    def variant(label, keep):
        source = f"{TMP}/{label}.csv"
        with open(source, "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, columns)
            w.writeheader()
            for row in rows:
                w.writerow({k: (v if k in keep else "") for k, v in row.items()})
        geocode(source, f"{TMP}/{label}.out.csv")
        return {r["event_id"]: r for r in csv.DictReader(open(f"{TMP}/{label}.out.csv", encoding="utf-8"))}

    base = {"event_id", "event_date"}
    coords = variant("coords", base | {"latitude", "longitude"})
    n = len(rows)
    print(f"   {os.path.basename(path)}: {n} rows; the coordinates alone put {sum(1 for r in coords.values() if r['adm2_name'])} in a district")
    for label, keep in [("names with admin hints", {"location", "admin2", "admin1", "country"}), ("location text alone", {"location"})]:
        names = variant(label.replace(" ", "_"), base | keep)
        placed = [k for k in names if names[k]["adm2_name"]]
        differ = [k for k in placed if names[k]["adm2_name"] != coords[k]["adm2_name"]]
        print(f"     {label}: {len(placed)}/{n} get a district; {len(placed) - len(differ)} agree with the coordinates "
              f"({(len(placed) - len(differ)) / max(len(placed), 1):.1%}), {len(differ)} differ")
        for k in differ:
            print(f"       {k} '{names[k]['location']}': names {names[k]['adm2_name']}, coordinates {coords[k]['adm2_name']}")


if __name__ == "__main__":
    precision()
    print("2. District from names alone vs from coordinates alone")
    agreement(f"{FIXTURES}/names_and_coords.csv")
    generated = f"{TMP}/gazetteer_events.csv"
    gazetteer_events(generated)
    agreement(generated)
