#!/usr/bin/env python3
"""Measure how far the candidate Afghanistan–Pakistan border lines lie from each other.

Usage:
    python3 Scripts/measure-border-band.py ../shared/data/boundaries/cod-ab_districts_four_provinces.geojson \
        [--geodata GeoData] [--places GeoData/places.csv] [--csv GeoData/boundaries/border_band.csv] [--md FILE]

Candidate lines (all in EPSG:4326 in the inputs):
  ne      Natural Earth 1:10m, GeoData/boundaries/border.geojson (13 segments named by the provinces
          on either side; the segment name is the `name` property).
  codab_pk  the COD-AB Pakistani edge: the boundary of the union of the KP (PK5xx) and Balochistan
          (PK2xx) COD-AB districts, the part of it that faces Afghanistan.
  codab_af  the COD-AB Afghan edge: the boundary of the union of the Nangarhar (AF06xx) and Kunar
          (AF15xx) COD-AB districts, the part of it that faces Pakistan. It exists only along the
          Nangarhar and Kunar segments (the shared file has no other Afghan province).
  gb_af   (extra, Nangarhar and Kunar only) the same from the geoBoundaries AFG ADM2 file when
          geoboundaries_afg_adm2_nangarhar_kunar.geojson sits beside the COD-AB file.

"Faces" is decided per sample point with Natural Earth as the referee: a point of the COD-AB
Pakistani boundary faces Afghanistan when NE Afghanistan is nearer to it than every other NE
neighbour (the other Pakistani provinces, Iran, China, India, ...) and lies within 25 km; a point
of the COD-AB Afghan boundary faces Pakistan when NE Pakistan is nearer to it than the NE Afghan
provinces other than Nangarhar and Kunar, and lies within 25 km.

Method: every line is densified to 100 m in an azimuthal equidistant projection (centre 67.5E
32.5N), cut to its facing runs, and every 5th vertex (500 m) is a sample. Each sample is given to
the nearest NE segment. Per segment and per pair of candidates (X, Y), the distance of each X
sample to the facing Y line and of each Y sample to the facing X line is computed in an azimuthal
equidistant projection centred on that segment (scale error < 0.05 % within 300 km of the centre):
mean and maximum in each direction, the larger maximum is the Hausdorff-like separation. A
candidate counts on a segment only if it has at least half as many samples there as NE.
Overlap (COD-AB Afghan ∩ Pakistani districts) and gap (holes in their union) areas are measured
in a Lambert azimuthal equal-area projection centred on Nangarhar/Kunar.

Band half-width per segment = the largest Hausdorff-like separation among the candidates that
exist there, rounded up to 0.5 km. Needs shapely and pyproj (pip install shapely pyproj).
"""
import argparse
import csv
import json
import math
import os
import sys

from pyproj import Geod, Transformer
import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon, shape
from shapely.ops import unary_union
from shapely.strtree import STRtree

GEOD = Geod(ellps="WGS84")
STEP_M = 100.0          # densification step
SAMPLE_EVERY = 5        # 5 x 100 m = one sample every 500 m
FACING_MAX_M = 25_000.0


def aeqd(lon, lat):
    return f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m +no_defs"


def projector(crs):
    fwd = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    inv = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    return fwd, inv


def transform(tr, geom):
    """Re-projects a shapely geometry with a pyproj Transformer (vectorised)."""
    return shapely.transform(geom, lambda xy: np.column_stack(tr.transform(xy[:, 0], xy[:, 1])))


def load_features(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["features"]


def lines_of(geom):
    if geom.is_empty:
        return []
    if geom.geom_type == "LineString":
        return [geom]
    if geom.geom_type in ("MultiLineString", "GeometryCollection"):
        out = []
        for g in geom.geoms:
            out.extend(lines_of(g))
        return out
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return lines_of(geom.boundary)
    return []


def densify(line, step):
    """Vertices every `step` metres along a projected line (keeps the original vertices' shape)."""
    n = max(1, int(math.ceil(line.length / step)))
    return [line.interpolate(i * line.length / n) for i in range(n + 1)]


def facing_runs(boundary_lines_p, is_facing):
    """Cuts projected boundary lines into runs of consecutive facing vertices.
    Returns (list of projected LineStrings, list of projected sample Points)."""
    runs, samples = [], []
    for line in boundary_lines_p:
        pts = densify(line, STEP_M)
        flags = is_facing(pts)
        cur = []
        for i, (p, ok) in enumerate(zip(pts, flags)):
            if ok:
                cur.append(p)
                if i % SAMPLE_EVERY == 0:
                    samples.append(p)
            else:
                if len(cur) >= 2:
                    runs.append(LineString(cur))
                cur = []
        if len(cur) >= 2:
            runs.append(LineString(cur))
    return runs, samples


def nearest_distances(points, tree, geoms):
    out = []
    for p in points:
        i = tree.nearest(p)
        out.append(geoms[i].distance(p))
    return out


def argmax(values):
    return max(range(len(values)), key=values.__getitem__)


def summarise(d):
    if not d:
        return None
    s = sorted(d)
    p95 = s[min(len(s) - 1, int(round(0.95 * (len(s) - 1))))]
    return {"n": len(s), "mean": sum(s) / len(s), "p95": p95, "max": s[-1]}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, ".."))
    ap = argparse.ArgumentParser()
    ap.add_argument("codab")
    ap.add_argument("--geodata", default=os.path.join(root, "GeoData"))
    ap.add_argument("--places", default=None)
    ap.add_argument("--csv", default=None, help="write the band table (segment,band_km,mean_sep_km,max_sep_km,method)")
    ap.add_argument("--md", default=None, help="write the Markdown tables to this file")
    args = ap.parse_args()
    geodata = args.geodata
    places_path = args.places or os.path.join(geodata, "places.csv")

    # ---- inputs
    segs = [(f["properties"]["name"], shape(f["geometry"])) for f in load_features(os.path.join(geodata, "boundaries", "border.geojson"))]
    countries = {f["properties"]["iso3"]: shape(f["geometry"]) for f in load_features(os.path.join(geodata, "boundaries", "countries.geojson"))}
    provinces = {f["properties"]["id"]: shape(f["geometry"]) for f in load_features(os.path.join(geodata, "boundaries", "provinces.geojson"))}
    cod = load_features(args.codab)
    af_polys = [shape(f["geometry"]) for f in cod if f["properties"]["ADM2_PCODE"].startswith("AF")]
    pk_polys = [shape(f["geometry"]) for f in cod if f["properties"]["ADM2_PCODE"].startswith("PK")]
    AF = unary_union(af_polys)
    PK = unary_union(pk_polys)
    gb_path = os.path.join(os.path.dirname(os.path.abspath(args.codab)), "geoboundaries_afg_adm2_nangarhar_kunar.geojson")
    GB = unary_union([shape(f["geometry"]) for f in load_features(gb_path)]) if os.path.exists(gb_path) else None

    # ---- global projection for sampling and classification
    G_CRS = aeqd(67.5, 32.5)
    gfwd, ginv = projector(G_CRS)
    P = lambda g: transform(gfwd, g)
    ne_afg_p = P(countries["AFG"])
    ne_pak_p = P(countries["PAK"])
    others_for_pk = [P(g) for k, g in countries.items() if k not in ("AFG", "PAK")]
    others_for_pk += [P(g) for k, g in provinces.items() if k.startswith("PK") and k not in ("PK2", "PK5")]
    others_for_af = [P(g) for k, g in provinces.items() if k.startswith("AF") and k not in ("AF06", "AF15")]
    others_for_pk_u = unary_union(others_for_pk)
    others_for_af_u = unary_union(others_for_af)

    def pk_faces_afg(pts):
        return [ne_afg_p.distance(p) < FACING_MAX_M and ne_afg_p.distance(p) < others_for_pk_u.distance(p) for p in pts]

    def af_faces_pak(pts):
        return [ne_pak_p.distance(p) < FACING_MAX_M and ne_pak_p.distance(p) < others_for_af_u.distance(p) for p in pts]

    cand = {}
    detail = {}

    def add_candidate(name, geom, is_facing):
        lines_p = [P(l) for l in lines_of(geom)]
        cand[name] = facing_runs(lines_p, is_facing)
        verts = [Point(xy) for l in lines_p for xy in l.coords]
        detail[name] = [v for v, ok in zip(verts, is_facing(verts)) if ok]

    add_candidate("codab_pk", PK, pk_faces_afg)
    add_candidate("codab_af", AF, af_faces_pak)
    if GB is not None:
        add_candidate("gb_af", GB, af_faces_pak)
    ne_lines_p = [P(g) for _, g in segs]
    ne_runs, ne_samples = [], []
    for lp in ne_lines_p:
        for line in lines_of(lp):
            pts = densify(line, STEP_M)
            ne_runs.append(LineString(pts))
            for i, p in enumerate(pts):
                if i % SAMPLE_EVERY == 0:
                    ne_samples.append(p)
    cand["ne"] = (ne_runs, ne_samples)
    detail["ne"] = [Point(xy) for lp in ne_lines_p for l in lines_of(lp) for xy in l.coords]

    # ---- give every sample to the nearest NE segment
    seg_tree = STRtree(ne_lines_p)

    def seg_index(p):
        return int(seg_tree.nearest(p))

    per_seg = {k: {} for k in range(len(segs))}
    for name, (runs, samples) in cand.items():
        for p in samples:
            per_seg[seg_index(p)].setdefault(name, []).append(p)
    vertices = {k: {} for k in range(len(segs))}
    for name, verts in detail.items():
        for v in verts:
            d = vertices[seg_index(v)]
            d[name] = d.get(name, 0) + 1

    # lines back in lon/lat, to re-project per segment
    cand_ll = {name: [transform(ginv, r) for r in runs] for name, (runs, _) in cand.items()}

    pairs = [("codab_pk", "ne"), ("codab_af", "ne"), ("codab_af", "codab_pk"), ("gb_af", "codab_af"), ("gb_af", "codab_pk")]
    results = []
    for k, (seg_name, seg_geom) in enumerate(segs):
        c = seg_geom.centroid
        sfwd, sinv = projector(aeqd(round(c.x, 4), round(c.y, 4)))
        lines_s = {name: [transform(sfwd, l) for l in ls] for name, ls in cand_ll.items()}
        trees = {name: STRtree(ls) for name, ls in lines_s.items() if ls}
        samples_s = {name: [transform(sfwd, transform(ginv, p)) for p in pts] for name, pts in per_seg[k].items()}
        row = {"segment": seg_name, "length_km": GEOD.geometry_length(seg_geom) / 1000.0, "pairs": {}}
        for x, y in pairs:
            if x not in samples_s or y not in samples_s or x not in trees or y not in trees:
                continue
            # a candidate "exists" on a segment only if it has at least half as many samples there as NE
            n_ne = len(samples_s.get("ne", []))
            if min(len(samples_s[x]), len(samples_s[y])) < 0.5 * n_ne:
                continue
            dxy = nearest_distances(samples_s[x], trees[y], lines_s[y])
            dyx = nearest_distances(samples_s[y], trees[x], lines_s[x])
            sx, sy = summarise(dxy), summarise(dyx)
            if sx["max"] >= sy["max"]:
                where = transform(sinv, samples_s[x][argmax(dxy)])
            else:
                where = transform(sinv, samples_s[y][argmax(dyx)])
            row["pairs"][(x, y)] = {
                "where": (where.x, where.y),
                "x_to_y": sx, "y_to_x": sy,
                "mean_km": (sum(dxy) + sum(dyx)) / (len(dxy) + len(dyx)) / 1000.0,
                "p95_km": max(sx["p95"], sy["p95"]) / 1000.0,
                "max_km": max(sx["max"], sy["max"]) / 1000.0,
            }
        main_pairs = [p for p in row["pairs"] if p[0] != "gb_af" and p[1] != "gb_af"]
        if main_pairs:
            worst = max(main_pairs, key=lambda p: row["pairs"][p]["max_km"])
            row["max_sep_km"] = row["pairs"][worst]["max_km"]
            row["mean_sep_km"] = max(row["pairs"][p]["mean_km"] for p in main_pairs)
            row["band_km"] = math.ceil(row["max_sep_km"] * 2.0) / 2.0
            row["method"] = ("largest Hausdorff-like separation of " + ", ".join(f"{a}~{b}" for a, b in main_pairs)
                             + f" (worst {worst[0]}~{worst[1]}), 500 m samples both ways, per-segment AEQD, rounded up to 0.5 km;"
                             + " mean_sep_km = largest pair mean")
        else:
            row["max_sep_km"] = row["mean_sep_km"] = row["band_km"] = None
            row["method"] = "no COD-AB edge on this segment: ne only"
        results.append(row)

    # NE-only segments: borrow the widest band of a segment that touches them
    for k, row in enumerate(results):
        if row["band_km"] is None:
            touching = [r for j, r in enumerate(results) if j != k and r["band_km"] is not None
                        and segs[j][1].distance(segs[k][1]) < 1e-6]
            if touching:
                src = max(touching, key=lambda r: r["band_km"])
                row["band_km"] = src["band_km"]
                row["method"] = (f"no COD-AB edge on this segment (the shared file has no Gilgit-Baltistan or other "
                                 f"province on the far side); band borrowed from the adjacent segment {src['segment']}")

    # ---- overlap and gap areas (Lambert azimuthal equal-area on Nangarhar/Kunar)
    efwd, _ = projector("+proj=laea +lat_0=34.5 +lon_0=70.9 +datum=WGS84 +units=m +no_defs")
    AFe, PKe = transform(efwd, AF), transform(efwd, PK)
    overlap = AFe.intersection(PKe)
    U = AFe.union(PKe)
    holes = []
    for poly in getattr(U, "geoms", [U]):
        for ring in poly.interiors:
            holes.append(ring)
    hole_polys = [Polygon(r) for r in holes]
    seg_tree_e = STRtree([transform(efwd, g) for _, g in segs])

    def seg_of_e(g):
        return segs[int(seg_tree_e.nearest(g.representative_point()))][0]

    area = {}
    for g in getattr(overlap, "geoms", [overlap]):
        if g.geom_type in ("Polygon", "MultiPolygon") and g.area > 0:
            area.setdefault(seg_of_e(g), [0.0, 0.0, 0, 0])
            area[seg_of_e(g)][0] += g.area / 1e6
            area[seg_of_e(g)][2] += 1
    for g in hole_polys:
        area.setdefault(seg_of_e(g), [0.0, 0.0, 0, 0])
        area[seg_of_e(g)][1] += g.area / 1e6
        area[seg_of_e(g)][3] += 1
    # overlap per pair of districts (largest first)
    af_named = [(f["properties"]["ADM2_EN"], transform(efwd, shape(f["geometry"]))) for f in cod if f["properties"]["ADM2_PCODE"].startswith("AF")]
    pk_named = [(f["properties"]["ADM2_EN"], transform(efwd, shape(f["geometry"]))) for f in cod if f["properties"]["ADM2_PCODE"].startswith("PK")]
    pair_area = []
    for an, ag in af_named:
        for pn, pg in pk_named:
            if ag.intersects(pg):
                a = ag.intersection(pg).area / 1e6
                if a > 0.01:
                    pair_area.append((a, an, pn))
    pair_area.sort(reverse=True)

    # ---- crossings
    cross_ids = ["pl-torkham", "pl-torkham-afg", "pl-chaman", "pl-friendship-gate", "pl-spin-boldak", "pl-angoor-adda",
                 "pl-arandu", "pl-barikot-kunar", "pl-ghulam-khan", "pl-kharlachi", "pl-teri-mangal"]
    places = {}
    with open(places_path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            places[r["id"]] = r
    crossings = []
    for pid in cross_ids:
        r = places.get(pid)
        if not r:
            continue
        lon, lat = float(r["lon"]), float(r["lat"])
        cfwd, _ = projector(aeqd(lon, lat))
        pt = Point(0.0, 0.0)
        out = {"id": pid, "name": r["name"], "row_side": r["country_iso3"], "lon": lon, "lat": lat}
        for name, ls in cand_ll.items():
            near = [transform(cfwd, l) for l in ls if l.distance(Point(lon, lat)) < 0.2]
            d = min(g.distance(pt) for g in near) / 1000.0 if near else None
            out["d_" + name] = d if d is not None and d <= 10.0 else None  # farther: no such edge near here
        p = Point(lon, lat)
        out["ne_side"] = "AFG" if countries["AFG"].covers(p) else ("PAK" if countries["PAK"].covers(p) else "-")
        in_af, in_pk = AF.covers(p), PK.covers(p)
        out["codab_side"] = "both" if (in_af and in_pk) else ("AF district" if in_af else ("PK district" if in_pk else "neither"))
        out["codab_district"] = ",".join(f["properties"]["ADM2_PCODE"] + " " + f["properties"]["ADM2_EN"] for f in cod if shape(f["geometry"]).covers(p)) or "-"
        crossings.append(out)

    # ---- report
    def f1(v):
        return "–" if v is None else f"{v:.2f}"

    def md(text):
        return text.replace("|", "\\|")

    lines = []
    names = ["codab_pk", "codab_af", "gb_af", "ne"]
    lines.append("### Candidate lines: length (km, from the 500 m samples) and vertices per km, per segment\n")
    lines.append("| segment | " + " | ".join(names) + " |")
    lines.append("| --- |" + " ---: |" * len(names))
    tot_len = {n: 0.0 for n in names}
    tot_v = {n: 0 for n in names}
    for k, (seg_name, _) in enumerate(segs):
        cells = []
        for n in names:
            cnt = len(per_seg[k].get(n, []))
            length = cnt * STEP_M * SAMPLE_EVERY / 1000.0
            nv = vertices[k].get(n, 0)
            tot_len[n] += length
            tot_v[n] += nv
            cells.append(f"{length:.0f} km, {nv / length:.1f}/km" if cnt else "–")
        lines.append(f"| {md(seg_name)} | " + " | ".join(cells) + " |")
    lines.append("| **all** | " + " | ".join(f"{tot_len[n]:.0f} km, {tot_v[n] / tot_len[n]:.1f}/km" if tot_len[n] else "–" for n in names) + " |")
    lines.append("")
    lines.append("### Separation of the candidate lines per segment (km)\n")
    lines.append("| segment | NE length km | pair | mean | p95 | max (Hausdorff-like) | band half-width |")
    lines.append("| --- | ---: | --- | ---: | ---: | ---: | ---: |")
    for row in results:
        first = True
        if not row["pairs"]:
            lines.append(f"| {md(row['segment'])} | {row['length_km']:.0f} | (NE only) | – | – | – | {row['band_km']:.1f} (borrowed) |")
            continue
        for (x, y), v in row["pairs"].items():
            band = f"**{row['band_km']:.1f}**" if first and row["band_km"] is not None else ""
            seg = md(row["segment"]) if first else ""
            length = f"{row['length_km']:.0f}" if first else ""
            lines.append(f"| {seg} | {length} | {x} ~ {y} | {v['mean_km']:.2f} | {v['p95_km']:.2f} | {v['max_km']:.2f} "
                         f"(at {v['where'][0]:.3f}, {v['where'][1]:.3f}) | {band} |")
            first = False
    lines.append("")
    lines.append("### Overlap and gap between the Afghan and Pakistani COD-AB districts (km²)\n")
    lines.append("| segment | overlap km² (pieces) | enclosed gap km² (pieces) |")
    lines.append("| --- | ---: | ---: |")
    for s, (ov, gp, nov, ngp) in sorted(area.items()):
        lines.append(f"| {md(s)} | {ov:.1f} ({nov}) | {gp:.2f} ({ngp}) |")
    tot_ov = sum(v[0] for v in area.values())
    tot_gp = sum(v[1] for v in area.values())
    lines.append(f"| **total** | **{tot_ov:.1f}** | **{tot_gp:.2f}** |")
    lines.append("")
    lines.append("Largest overlaps by district pair (km²): " + "; ".join(f"{an} / {pn} {a:.1f}" for a, an, pn in pair_area[:8]) + ".")
    lines.append("")
    lines.append("### Crossings: distance (km) to each candidate line and side\n")
    lines.append("| place | row says | lon, lat | ne | codab_pk | codab_af | NE side | COD-AB side (district) |")
    lines.append("| --- | --- | --- | ---: | ---: | ---: | --- | --- |")
    for c in crossings:
        lines.append(f"| {c['id']} | {c['row_side']} | {c['lon']:.4f}, {c['lat']:.4f} | {f1(c.get('d_ne'))} | {f1(c.get('d_codab_pk'))} | "
                     f"{f1(c.get('d_codab_af'))} | {c['ne_side']} | {c['codab_side']} ({c['codab_district']}) |")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.md:
        with open(args.md, "w", encoding="utf-8") as f:
            f.write(text)
    if args.csv:
        with open(args.csv, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["segment", "band_km", "mean_sep_km", "max_sep_km", "method"])
            for row in results:
                w.writerow([row["segment"],
                            "" if row["band_km"] is None else f"{row['band_km']:.1f}",
                            "" if row["mean_sep_km"] is None else f"{row['mean_sep_km']:.2f}",
                            "" if row["max_sep_km"] is None else f"{row['max_sep_km']:.2f}",
                            row["method"]])
    return 0


if __name__ == "__main__":
    sys.exit(main())
