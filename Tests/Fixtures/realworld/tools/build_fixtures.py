#!/usr/bin/env python3
"""Writes the real-world-layout fixtures in ../ and their <file>.expected.csv files.

TEST FIXTURES, NOT DATA. Rows are modelled on publicly reported events, but coordinates, ids,
counts and source strings are simplified or illustrative; several rows are deliberately broken.

Run from anywhere: python3 tools/build_fixtures.py   (standard library only; deterministic output)
Check coordinates afterwards with tools/verify_fixtures.py (needs shapely and the COD-AB districts file).
"""
import csv
import io
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)

EXPECTED_COLUMNS = ["line", "source_id", "outcome", "expected_country_iso3", "expected_adm1", "expected_adm2",
                    "expected_precision", "expected_date", "expected_date_precision", "reason"]

KP, BAL, NAN, KUN = "Khyber Pakhtunkhwa", "Balochistan", "Nangarhar", "Kunar"


def exp(source_id, outcome, iso3="", adm1="", adm2="", precision="", date="", date_precision="", reason=""):
    return {"source_id": source_id, "outcome": outcome, "expected_country_iso3": iso3, "expected_adm1": adm1,
            "expected_adm2": adm2, "expected_precision": str(precision), "expected_date": date,
            "expected_date_precision": date_precision, "reason": reason}


class Sheet:
    """Writes CSV rows and remembers the physical line each row starts on."""

    def __init__(self, header, newline="\n"):
        self.buf = io.StringIO()
        self.newline = newline
        self.writer = csv.writer(self.buf, lineterminator=newline, quoting=csv.QUOTE_MINIMAL)
        self.header = header
        self.expected = []
        self.writer.writerow(header)

    def line(self):
        return self.buf.getvalue().count("\n") + 1

    def row(self, values, expected):
        if isinstance(values, dict):
            missing = set(values) - set(self.header)
            assert not missing, missing
            values = [values.get(c, "") for c in self.header]
        assert len(values) == len(self.header), (len(values), len(self.header))
        line = self.line()
        self.writer.writerow(values)
        if expected is not None:
            self.expected.append(dict(line=line, **expected))

    def raw(self, text, expected):
        line = self.line()
        self.buf.write(text)
        if expected is not None:
            self.expected.append(dict(line=line, **expected))

    def text(self):
        return self.buf.getvalue()


def write_expected(name, rows):
    with open(os.path.join(OUT, name + ".expected.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=EXPECTED_COLUMNS, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow(r)


def write_text(name, text, encoding="utf-8"):
    with open(os.path.join(OUT, name), "w", newline="", encoding=encoding) as f:
        f.write(text)


# --------------------------------------------------------------------------------------------------
# PRIO-GRID cell id of a point (0.5 degree cells, row-major from (-90,-180)); matches GED's priogrid_gid.
def priogrid(lat, lon):
    row = int((lat + 90) // 0.5) + 1
    col = int((lon + 180) // 0.5) + 1
    return (row - 1) * 720 + col


def wkt(lat, lon):
    return "POINT (%.6f %.6f)" % (lon, lat)


# ==================================================================================================
# 1. UCDP GED as published on HDX ("<Country> - Data on Conflict Events", conflict_data_<ISO3>.csv):
#    header row + HXL hashtag row, 43 columns (no relid/code_status/*_dset_id/where_description/gwno order
#    as in the raw GED; iso3 inserted after country). Layout verified against OCHA-DAP/hdx-scraper-ucdp
#    tests/fixtures/conflict_data_BGD.csv and the hxltags table in its ucdp.py.
UCDP_HDX_COLUMNS = ("id,year,active_year,type_of_violence,conflict_new_id,conflict_name,dyad_new_id,dyad_name,"
                    "side_a_new_id,gwnoa,side_a,side_b_new_id,gwnob,side_b,number_of_sources,source_article,"
                    "source_office,source_date,source_headline,source_original,where_prec,where_coordinates,adm_1,"
                    "adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,iso3,country_id,region,event_clarity,"
                    "date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,low,best,"
                    "high").split(",")
UCDP_HXL = {"year": "#date+year", "side_a": "#group+name+first", "side_b": "#group+name+second",
            "source_article": "#meta+source", "source_headline": "#description", "where_coordinates": "#loc+name",
            "adm_1": "#adm1+name", "adm_2": "#adm2+name", "latitude": "#geo+lat", "longitude": "#geo+lon",
            "country": "#country+name", "iso3": "#country+code", "region": "#region+name",
            "date_start": "#date+start", "date_end": "#date+end", "best": "#affected+killed"}

COUNTRY = {"PAK": ("Pakistan", 770), "AFG": ("Afghanistan", 700), "IRN": ("Iran", 630), "IND": ("India", 750)}

# Conflict, dyad and side ids below are ILLUSTRATIVE except where README says otherwise (333, 130, 234, 1).
C_PAK = ("Pakistan: Government", 209)
C_BAL = ("Pakistan: Balochistan", 354)
C_AFG = ("Afghanistan: Government", 333)
C_IRN = ("Iran: Balochistan", 11343)
S = {"PAK": ("Government of Pakistan", 139, "770"), "AFG": ("Government of Afghanistan", 130, "700"),
     "IRN": ("Government of Iran", 114, "630"), "TTP": ("TTP", 1163, ""), "IS": ("IS", 234, ""),
     "BLA": ("BLA", 1137, ""), "BLF": ("BLF", 1136, ""), "CIV": ("Civilians", 1, ""),
     "JAA": ("Jaish al-Adl", 1168, ""), "TJP": ("TJP", 6981, ""), "TAL": ("Taleban", 303, ""),
     "JAM": ("Jam'iyyat-i Islami-yi Afghanistan", 292, ""), "SUN": ("Sunni tribesmen (Kurram)", 7102, ""), "SHI": ("Shia tribesmen (Kurram)", 7103, "")}


def ucdp(uid, date_start, date_end, date_prec, tov, conflict, dyad_id, a, b, where_prec, where, adm1, adm2,
         lat, lon, iso3, deaths, low, best, high, source, headline="", office="", sdate="", original="",
         nsources=1, clarity=1, active=1):
    name, cid = conflict
    sa, sb = S[a], S[b]
    dyad_name = "%s - %s" % (sa[0], sb[0])
    if tov in (2, 3):
        name, cid = dyad_name, conflict[1]
    country, country_id = COUNTRY[iso3]
    d = {"id": uid, "year": date_start[:4], "active_year": active, "type_of_violence": tov,
         "conflict_new_id": cid, "conflict_name": name, "dyad_new_id": dyad_id, "dyad_name": dyad_name,
         "side_a_new_id": sa[1], "gwnoa": sa[2], "side_a": sa[0], "side_b_new_id": sb[1], "gwnob": sb[2],
         "side_b": sb[0], "number_of_sources": nsources, "source_article": source, "source_office": office,
         "source_date": sdate, "source_headline": headline, "source_original": original, "where_prec": where_prec,
         "where_coordinates": where, "adm_1": adm1, "adm_2": adm2,
         "latitude": "" if lat is None else lat, "longitude": "" if lon is None else lon,
         "geom_wkt": "" if lat is None else wkt(lat, lon), "priogrid_gid": "" if lat is None else priogrid(lat, lon),
         "country": country, "iso3": iso3, "country_id": country_id, "region": "Asia" if iso3 != "IRN" else "Middle East",
         "event_clarity": clarity, "date_prec": date_prec, "date_start": date_start, "date_end": date_end,
         "deaths_a": deaths[0], "deaths_b": deaths[1], "deaths_civilians": deaths[2], "deaths_unknown": deaths[3],
         "low": low, "best": best, "high": high}
    return d


def build_ucdp_hdx():
    name = "ucdp_ged_hdx_conflict_data.csv"
    sh = Sheet(UCDP_HDX_COLUMNS)
    sh.row([UCDP_HXL.get(c, "") for c in UCDP_HDX_COLUMNS],
           exp("", "skipped-hxl", reason="HXL hashtag row (#date+year, #adm1+name, #geo+lat ...) directly under the header; not an event"))
    kpp, balp, nanp = "Khyber Pakhtunkhwa province", "Balochistan province", "Nangarhar province"
    rows = [
        (ucdp(283401, "2014-12-16", "2014-12-16", 1, 3, C_PAK, 11402, "TTP", "CIV", 1, "Peshawar town", kpp, "Peshawar district",
              34.0203, 71.5183, "PAK", (0, 0, 147, 0), 147, 147, 150,
              '"Dawn,2014-12-17,Taliban attack on Peshawar school kills 132 children"', "Taliban attack on Peshawar school kills 132 children",
              "Dawn", "2014-12-17", "ISPR; TTP spokesman", 2),
         exp("283401", "geocoded", "PAK", KP, "Peshawar", 1, "2014-12-16", "day", "where_prec 1; adm_1/adm_2 carry the ' province'/' district' suffixes UCDP uses")),
        (ucdp(517220, "2023-01-30", "2023-01-30", 1, 1, C_PAK, 11346, "PAK", "TTP", 1, "Peshawar town", kpp, "Peshawar district",
              34.004, 71.553, "PAK", (84, 1, 0, 0), 84, 85, 101,
              '"Reuters News,2023-01-30,Suicide bomber kills dozens in mosque at Pakistan police compound"', "Suicide bomber kills dozens in mosque at Pakistan police compound",
              "Reuters News", "2023-01-30", "police; hospital officials", 1),
         exp("517220", "geocoded", "PAK", KP, "Peshawar", 1, "2023-01-30", "day", "where_prec 1")),
        (ucdp(521733, "2023-07-30", "2023-07-30", 1, 3, C_PAK, 11405, "IS", "CIV", 1, "Khar town", kpp, "Bajaur district",
              34.7334, 71.524, "PAK", (0, 0, 63, 0), 54, 63, 63,
              '"Agence France Presse,2023-07-31,IS claims Pakistan rally bombing"', "IS claims Pakistan rally bombing",
              "Agence France Presse", "2023-07-31", "IS (Amaq); police", 1),
         exp("521733", "geocoded", "PAK", KP, "Bajaur", 1, "2023-07-30", "day", "one-sided: conflict_name is the dyad 'IS - Civilians'")),
        (ucdp(560118, "2024-11-09", "2024-11-09", 1, 1, C_BAL, 11377, "PAK", "BLA", 1, "Quetta town", balp, "Quetta district",
              30.197, 67.002, "PAK", (26, 1, 5, 0), 32, 32, 33,
              '"Dawn,2024-11-10,26 killed in suicide blast at Quetta railway station"', "26 killed in suicide blast at Quetta railway station",
              "Dawn", "2024-11-10", "BLA; provincial government", 1),
         exp("560118", "geocoded", "PAK", BAL, "Quetta", 1, "2024-11-09", "day", "where_prec 1")),
        (ucdp(571004, "2025-03-11", "2025-03-12", 2, 1, C_BAL, 11377, "PAK", "BLA", 2, "Mashkaf area", balp, "Kachhi district",
              29.65, 67.50, "PAK", (26, 33, 0, 5), 31, 64, 64,
              '"Reuters News,2025-03-12,Pakistan says train siege over, 21 hostages and 33 militants dead"', "Pakistan says train siege over",
              "Reuters News", "2025-03-12", "ISPR; BLA", 1),
         exp("571004", "geocoded", "PAK", BAL, "Kachhi", 2, "2025-03-01", "month",
             "where_prec 2 (within 25 km of Mashkaf); date_prec 2 interval 2025-03-11..2025-03-12 -> finest unit containing it is the month")),
        (ucdp(131002, "1989-01-07", "1989-01-13", 3, 1, C_AFG, 724, "AFG", "JAM", 4, "Nangarhar province", nanp, nanp,
              34.33333, 70.41667, "AFG", (6, 0, 0, 0), 6, 6, 6,
              'The Times 13 Jan 1989 "Missiles and tea breaks for rebels"', "", "", "", "Rebel source", -1),
         exp("131002", "geocoded", "AFG", NAN, "", 4, "1989-01-01", "month",
             "where_prec 4: province centroid, which lies in Chaparhar district - must NOT be reported as Chaparhar; adm_2 repeats the province name (real GED style); date_prec 3 week inside January")),
        (ucdp(902114, "2009-01-01", "2009-12-31", 5, 1, C_PAK, 11346, "PAK", "TTP", 6, "Pakistan", "", "",
              30.0, 70.0, "PAK", (0, 45, 0, 0), 45, 45, 45,
              "UCDP yearly aggregate of unlocated fatalities", "", "", "", "various", -1),
         exp("902114", "geocoded", "PAK", "", "", 5, "2009-01-01", "year",
             "where_prec 6: country centroid 30.0N 70.0E falls in Punjab (outside the four provinces) - must stay country-level, no province/district; date_prec 5")),
        (ucdp(559870, "2024-11-22", "2024-11-27", 2, 2, ("Sunni tribesmen (Kurram) - Shia tribesmen (Kurram)", 15512), 15512, "SUN", "SHI", 3,
              "Kurram district", kpp, "Kurram district", 33.75, 70.25, "PAK", (0, 0, 0, 130), 88, 130, 133,
              '"Dawn,2024-11-28,Death toll in Kurram clashes rises to 130"', "Death toll in Kurram clashes rises to 130", "Dawn", "2024-11-28", "officials", 1),
         exp("559870", "geocoded", "PAK", KP, "Kurram", 3, "2024-11-01", "month",
             "where_prec 3: district centroid -> district precision; date interval 2024-11-22..27 -> month")),
        (ucdp(563390, "2025-09-22", "2025-09-22", 1, 1, C_PAK, 11346, "PAK", "TTP", 5, "Tirah valley", kpp, "",
              33.75, 70.90, "PAK", (0, 14, 10, 0), 22, 24, 24,
              '"BBC News,2025-09-22,Deadly blast in Pakistan\'s Tirah valley"', "Deadly blast in Pakistan's Tirah valley", "BBC News", "2025-09-22",
              "residents; police (disputed cause)", 1),
         exp("563390", "geocoded", "PAK", KP, "", 4, "2025-09-22", "day",
             "where_prec 5: representative point of Tirah valley (spans Khyber and Orakzai); point lies in Orakzai polygon but must stay province-level")),
        (ucdp(552807, "2024-03-26", "2024-03-26", 1, 3, C_PAK, 11402, "TTP", "CIV", 2, "Besham town", kpp, "Shangla district",
              34.92, 72.88, "PAK", (0, 0, 6, 0), 6, 6, 6,
              '"Reuters News,2024-03-26,Five Chinese nationals killed in suicide attack in Pakistan"', "Five Chinese nationals killed in suicide attack in Pakistan",
              "Reuters News", "2024-03-26", "police", 1),
         exp("552807", "geocoded", "PAK", KP, "Shangla", 2,
             "2024-03-26", "day", "where_prec 2: point lies 0.2 km inside Kolai Palas Kohistan (COD-AB) while adm_2 names Shangla (Besham is in Shangla) - named district within 25 km wins or conflict is flagged; approx mode gives Kohistan Lower")),
        (ucdp(488112, "2021-09-14", "2021-09-14", 1, 1, C_PAK, 11346, "PAK", "TTP", 1, "Spinwam town", kpp, "Spinwam",
              33.18, 70.30, "PAK", (4, 0, 0, 0), 4, 4, 4,
              '"Express Tribune,2021-09-15,Four soldiers martyred in North Waziristan"', "Four soldiers martyred in North Waziristan", "Express Tribune", "2021-09-15", "ISPR", 1),
         exp("488112", "geocoded", "PAK", KP, "North Waziristan", 1, "2021-09-14", "day",
             "adm_2 'Spinwam' is a tehsil of the former North Waziristan Agency, not a district; point decides")),
        (ucdp(503355, "2022-06-22", "2022-06-22", 1, 1, C_PAK, 11346, "PAK", "TTP", 1, "Razmak town", kpp, "Razmak",
              32.6931, 69.8461, "PAK", (2, 0, 0, 0), 2, 2, 2,
              '"Dawn,2022-06-23,Two soldiers martyred in Razmak IED blast"', "Two soldiers martyred in Razmak IED blast", "Dawn", "2022-06-23", "ISPR", 1),
         exp("503355", "geocoded", "PAK", KP, "North Waziristan", 1, "2022-06-22", "day",
             "adm_2 'Razmak' is a tehsil of North Waziristan; approx (HQ-Voronoi) mode gives Upper South Waziristan; note GeoData/places.csv pl-razmak point (32.60,69.84) lies in the COD-AB South Waziristan polygon")),
        (ucdp(417345, "2017-04-13", "2017-04-13", 1, 1, C_AFG, 14310, "AFG", "IS", 1, "Asad Khel village", nanp, "Achin district",
              34.07, 70.64, "AFG", (0, 94, 0, 0), 36, 94, 96,
              '"Agence France Presse,2017-04-14,US \'mother of all bombs\' killed 36 IS militants in Afghanistan"', "US 'mother of all bombs' killed 36 IS militants",
              "Agence France Presse", "2017-04-14", "Afghan MoD; US military", 1),
         exp("417345", "geocoded", "AFG", NAN, "Achin", 1, "2017-04-13", "day",
             "Achin (Mamand valley, GBU-43 strike); approx mode gives Spin Ghar (project district carved from Achin, no polygon) - COD-AB and the 2017 date say Achin")),
        (ucdp(431970, "2018-09-11", "2018-09-11", 1, 3, C_AFG, 14311, "IS", "CIV", 1, "Mohmand Dara town", nanp, "Mohmand Dara district",
              34.24, 70.90, "AFG", (0, 0, 68, 0), 68, 68, 68,
              '"Reuters News,2018-09-11,Suicide bomber kills 68 at protest in eastern Afghanistan"', "Suicide bomber kills 68 at protest in eastern Afghanistan",
              "Reuters News", "2018-09-11", "provincial officials", 1),
         exp("431970", "geocoded", "AFG", NAN, "Muhmand Dara", 1, "2018-09-11", "day",
             "spelling variant 'Mohmand Dara' -> districts.csv 'Muhmand Dara' (AF0617); not Mohmand district of Pakistan")),
        # name-only rows: coordinates deliberately blank (geom_wkt, priogrid_gid blank too)
        (ucdp(533101, "2023-06-18", "2023-06-18", 1, 1, C_PAK, 11346, "PAK", "TTP", 2, "Jani Khel village", kpp, "Bannu district",
              None, None, "PAK", (2, 3, 0, 0), 5, 5, 5, '"Dawn,2023-06-19,Militants attack checkpost in Jani Khel"', "", "Dawn", "2023-06-19", "police", 1),
         exp("533101", "geocoded", "PAK", KP, "Bannu", 3, "2023-06-18", "day",
             "NAME-ONLY: Jani Khel is not in GeoData/places.csv; adm_2 hint 'Bannu district' (strip ' district') -> district precision")),
        (ucdp(402288, "2014-04-06", "2014-04-06", 1, 1, C_PAK, 11346, "PAK", "TTP", 2, "Khadizai village", kpp, "Orakzai district",
              None, None, "PAK", (0, 7, 0, 0), 7, 7, 7, "Dawn 2014-04-07", "", "Dawn", "2014-04-07", "security officials", 1),
         exp("402288", "geocoded", "PAK", KP, "Orakzai", 3, "2014-04-06", "day", "NAME-ONLY: Khadizai not in gazetteer; adm_2 Orakzai")),
        (ucdp(367750, "2009-05-21", "2009-05-21", 1, 1, C_PAK, 11346, "PAK", "TTP", 2, "Shamozai village", "North West Frontier province", "Swat district",
              None, None, "PAK", (0, 11, 0, 0), 11, 11, 14, "AFP 2009-05-22", "", "Agence France Presse", "2009-05-22", "military", 1),
         exp("367750", "geocoded", "PAK", KP, "Swat", 3, "2009-05-21", "day",
             "NAME-ONLY: Shamozai (Kabal tehsil) not in gazetteer; adm_1 uses the pre-2010 name 'North West Frontier province' (alias of Khyber Pakhtunkhwa); Swat = PK532 (pre-2026 Swat)")),
        (ucdp(389221, "2011-10-28", "2011-10-28", 1, 1, C_PAK, 11346, "PAK", "TTP", 2, "Ziarat town", kpp, "Mohmand district",
              None, None, "PAK", (0, 6, 0, 0), 6, 6, 6, "Dawn 2011-10-29", "", "Dawn", "2011-10-29", "officials", 1),
         exp("389221", "geocoded", "PAK", KP, "Mohmand", 3, "2011-10-28", "day",
             "NAME-ONLY TRAP: 'Ziarat town' is an alias of pl-ziarat in Ziarat district, Balochistan; adm_1/adm_2 say Mohmand, KP - must NOT go to Balochistan")),
        (ucdp(370014, "2009-06-02", "2009-06-02", 1, 1, C_PAK, 11346, "PAK", "TTP", 2, "Maidan village", kpp, "Lower Dir district",
              None, None, "PAK", (0, 9, 0, 0), 9, 9, 9, "Dawn 2009-06-03", "", "Dawn", "2009-06-03", "military", 1),
         exp("370014", "geocoded", "PAK", KP, "Lower Dir", 3, "2009-06-02", "day",
             "NAME-ONLY TRAP: 'Maidan' is an alias of pl-tirah (Khyber); adm_2 says Lower Dir - must NOT go to Khyber")),
        (ucdp(350930, "2008-04-11", "2008-04-11", 1, 1, C_BAL, 11377, "PAK", "BLA", 2, "Kahan town", balp, "Kohlu district",
              None, None, "PAK", (3, 0, 0, 0), 3, 3, 3, "Dawn 2008-04-12", "", "Dawn", "2008-04-12", "FC spokesman", 1),
         exp("350930", "geocoded", "PAK", BAL, "Kohlu", 3, "2008-04-11", "day", "NAME-ONLY: Kahan not in gazetteer; adm_2 Kohlu")),
        (ucdp(548813, "2024-01-18", "2024-01-18", 1, 1, ("Pakistan: Balochistan", 354), 11378, "PAK", "BLF", 6, "Iran", "", "",
              None, None, "IRN", (0, 9, 0, 0), 9, 9, 9, '"Reuters News,2024-01-18,Pakistan strikes militant targets in Iran"', "Pakistan strikes militant targets in Iran",
              "Reuters News", "2024-01-18", "ISPR; Iranian officials", 1),
         exp("548813", "geocoded", "IRN", "", "", 5, "2024-01-18", "day",
             "NAME-ONLY country 'Iran' (country column Iran, no coordinates): outside both countries, country precision")),
        (ucdp(905551, "2022-01-01", "2022-12-31", 5, 1, C_AFG, 14310, "AFG", "IS", 6, "Afghanistan", "", "",
              None, None, "AFG", (0, 12, 0, 0), 12, 12, 12, "UCDP yearly aggregate", "", "", "", "various", -1),
         exp("905551", "geocoded", "AFG", "", "", 5, "2022-01-01", "year", "NAME-ONLY: only 'Afghanistan'; date_prec 5")),
        (ucdp(327004, "2006-11-08", "2006-11-08", 1, 1, C_PAK, 11346, "PAK", "TTP", 2, "Dargai Military Base - 100km north of Peshawar",
              "North West Frontier province", "", None, None, "PAK", (42, 1, 0, 0), 42, 43, 45,
              '"BBC News,2006-11-08,Suicide attack kills 42 Pakistani soldiers"', "Suicide attack kills 42 Pakistani soldiers", "BBC News", "2006-11-08", "ISPR", 1),
         exp("327004", "geocoded", "PAK", KP, "Malakand", 3, "2006-11-08", "day",
             "NAME-ONLY TRAP: Dargai is in Malakand district; 'Peshawar' is only the reference point 100 km away and must NOT be matched; Dargai is not in places.csv so KP province (precision 4) is the acceptable fallback")),
        (ucdp(548990, "2024-01-18", "2024-01-18", 1, 1, ("Pakistan: Balochistan", 354), 11378, "PAK", "BLF", 2, "Saravan town",
              "Sistan and Baluchestan province", "Saravan county", 27.37, 62.33, "IRN", (0, 9, 0, 0), 9, 9, 9,
              '"Reuters News,2024-01-18,Pakistan strikes militant targets in Iran"', "", "Reuters News", "2024-01-18", "Iranian officials", 1),
         exp("548990", "geocoded", "IRN", "", "", 2, "2024-01-18", "day",
             "outside both countries (Iran, coordinates given); no AFG/PAK province or district")),
        (ucdp(508871, "2022-03-04", "2022-03-04", 1, 3, C_PAK, 11405, "IS", "CIV", 1, "Peshawar town", kpp, "Peshawar district",
              71.576, 34.0095, "PAK", (0, 0, 63, 0), 63, 63, 65,
              '"Reuters News,2022-03-04,Islamic State claims Pakistan mosque bombing"', "Islamic State claims Pakistan mosque bombing",
              "Reuters News", "2022-03-04", "police; hospital", 1),
         exp("508871", "geocoded", "", "", "", "", "2022-03-04", "day",
             "SWAPPED lat/lon: as given (71.576N, 34.0095E) lies in the Barents Sea, outside every country; swapped it is Kocha Risaldar, Peshawar. Keep as given, flag 'possibly swapped', never swap silently; no district")),
    ]
    for d, e in rows:
        sh.row(d, e)
    write_text(name, sh.text())
    write_expected(name, sh.expected)


# ==================================================================================================
# 2. UCDP GED API (https://ucdpapi.pcr.uu.se/api/gedevents/<version>): {"TotalCount","TotalPages",
#    "PreviousPageUrl","NextPageUrl","Result":[...]} with one object per event, keys in GED codebook order
#    (as returned: active_year boolean, *_dset_id strings, dates "YYYY-MM-DDT00:00:00").
API_KEYS = ("id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,conflict_name,"
            "dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,side_b_dset_id,side_b_new_id,"
            "side_b,number_of_sources,source_article,source_office,source_date,source_headline,source_original,"
            "where_prec,where_coordinates,where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,"
            "country,country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,"
            "deaths_civilians,deaths_unknown,best,high,low").split(",")


def api_record(hdx, relid, where_description, code_status="Clear"):
    r = {}
    for k in API_KEYS:
        if k == "relid":
            r[k] = relid
        elif k == "code_status":
            r[k] = code_status
        elif k == "where_description":
            r[k] = where_description
        elif k in ("conflict_dset_id", "dyad_dset_id"):
            r[k] = str(hdx["conflict_new_id"] if k == "conflict_dset_id" else hdx["dyad_new_id"])
        elif k == "side_a_dset_id":
            r[k] = str(hdx["side_a_new_id"])
        elif k == "side_b_dset_id":
            r[k] = "9999" if hdx["side_b"] == "Civilians" else str(hdx["side_b_new_id"])
        elif k == "active_year":
            r[k] = bool(hdx["active_year"])
        elif k in ("date_start", "date_end"):
            r[k] = hdx[k] + "T00:00:00"
        elif k in ("latitude", "longitude", "priogrid_gid"):
            r[k] = None if hdx[k] == "" else hdx[k]
        elif k == "geom_wkt":
            r[k] = hdx[k] or None
        else:
            v = hdx[k]
            r[k] = v
    for k in ("id", "year", "type_of_violence", "conflict_new_id", "dyad_new_id", "side_a_new_id", "side_b_new_id",
              "number_of_sources", "where_prec", "country_id", "event_clarity", "date_prec", "deaths_a", "deaths_b",
              "deaths_civilians", "deaths_unknown", "best", "high", "low"):
        r[k] = int(r[k])
    return r


def build_ucdp_api():
    name = "ucdp_ged_api_gedevents.json"
    kpp, kunp = "Khyber Pakhtunkhwa province", "Kunar province"
    recs = [
        (api_record(ucdp(517220, "2023-01-30", "2023-01-30", 1, 1, C_PAK, 11346, "PAK", "TTP", 1, "Peshawar town", kpp, "Peshawar district",
                         34.004, 71.553, "PAK", (84, 1, 0, 0), 84, 85, 101, '"Reuters News,2023-01-30,Suicide bomber kills dozens in mosque at Pakistan police compound"',
                         "Suicide bomber kills dozens in mosque at Pakistan police compound", "Reuters News", "2023-01-30", "police; hospital officials"),
                    "PAK-2023-1-11346-41", "mosque inside the Police Lines compound, Peshawar"),
         exp("517220", "geocoded", "PAK", KP, "Peshawar", 1, "2023-01-30", "day", "API record; date_start 'YYYY-MM-DDT00:00:00'")),
        (api_record(ucdp(140077, "1990-06-10", "1990-06-10", 1, 1, C_AFG, 724, "AFG", "JAM", 4, "Kunar province", kunp, "",
                         34.833333, 71.1, "AFG", (0, 0, 0, 5), 5, 5, 5, "R 1990-06-12", "", "", "", "Kabul radio"),
                    "AFG-1990-1-724-88", "Kunar province"),
         exp("140077", "geocoded", "AFG", KUN, "", 4, "1990-06-10", "day",
             "where_prec 4: province centroid lies in Asadabad (COD) / Sar Kani (approx) - must stay province-level; adm_2 is \"\"")),
        (api_record(ucdp(905552, "2016-01-01", "2016-12-31", 5, 1, C_AFG, 14310, "AFG", "IS", 6, "Afghanistan", "", "",
                         33.0, 65.0, "AFG", (0, 31, 0, 0), 31, 31, 31, "UCDP yearly aggregate", "", "", "", "various", -1),
                    "AFG-2016-1-14310-999", "Afghanistan"),
         exp("905552", "geocoded", "AFG", "", "", 5, "2016-01-01", "year",
             "where_prec 6: country centroid 33N 65E falls in Helmand - must stay country-level")),
        (api_record(ucdp(376402, "2009-09-01", "2009-09-01", 1, 1, C_PAK, 11346, "PAK", "TTP", 2, "Bara town", kpp, "Bara",
                         33.88, 71.40, "PAK", (0, 5, 0, 0), 5, 5, 5, "Dawn 2009-09-02", "", "Dawn", "2009-09-02", "political administration"),
                    "PAK-2009-1-11346-212", "Bara tehsil, Khyber Agency"),
         exp("376402", "geocoded", "PAK", KP, "Khyber", 2, "2009-09-01", "day",
             "adm_2 'Bara' is a tehsil of the former Khyber Agency; point in Khyber (COD); approx mode gives Peshawar; note places.csv pl-bara (33.916,71.459) lies in the COD Peshawar polygon")),
        (api_record(ucdp(350931, "2008-05-02", "2008-05-02", 1, 1, C_BAL, 11377, "PAK", "BLA", 2, "Kahan town", "Balochistan province", "Kohlu district",
                         None, None, "PAK", (2, 0, 0, 0), 2, 2, 2, "Dawn 2008-05-03", "", "Dawn", "2008-05-03", "FC spokesman"),
                    "PAK-2008-1-11377-17", "Kahan, Marri area"),
         exp("350931", "geocoded", "PAK", BAL, "Kohlu", 3, "2008-05-02", "day",
             "NAME-ONLY: latitude/longitude/geom_wkt/priogrid_gid are JSON null; Kahan not in gazetteer; adm_2 Kohlu")),
        (api_record(ucdp(537650, "2023-12-15", "2023-12-15", 1, 1, C_IRN, 11390, "IRN", "JAA", 1, "Rask town", "Sistan and Baluchestan province", "Sarbaz county",
                         26.23, 61.40, "IRN", (11, 2, 0, 0), 13, 13, 13, '"Reuters News,2023-12-15,Militants kill 11 Iranian police in southeast"', "Militants kill 11 Iranian police in southeast",
                         "Reuters News", "2023-12-15", "IRNA"),
                    "IRN-2023-1-11390-3", "police station in Rask"),
         exp("537650", "geocoded", "IRN", "", "", 1, "2023-12-15", "day", "outside both countries (Iran)")),
        (api_record(ucdp(387044, "2011-06-01", "2011-06-30", 4, 1, C_PAK, 11346, "PAK", "TTP", 3, "Upper Dir district", kpp, "Upper Dir district",
                         35.2, 71.9, "PAK", (28, 0, 0, 0), 28, 28, 30, "Dawn 2011-06-02", "", "Dawn", "2011-06-02", "officials"),
                    "PAK-2011-1-11346-150", "cross-border raid on checkposts in Upper Dir"),
         exp("387044", "geocoded", "PAK", KP, "Upper Dir", 3, "2011-06-01", "month",
             "where_prec 3 district centroid; date_prec 4 (month) -> 2011-06; Upper Dir = pre-2023 unit (Central Dir split later)")),
    ]
    lines = ["{", '  "TotalCount": %d,' % len(recs), '  "TotalPages": 1,', '  "PreviousPageUrl": "",', '  "NextPageUrl": "",', '  "Result": [']
    expected = []
    for i, (rec, e) in enumerate(recs):
        expected.append(dict(line=len(lines) + 1, **e))
        lines.append("    " + json.dumps(rec, ensure_ascii=False) + ("," if i < len(recs) - 1 else ""))
    lines += ["  ]", "}"]
    write_text(name, "\n".join(lines) + "\n")
    write_expected(name, expected)


# ==================================================================================================
# 3. ACLED export, current layout (31 columns, ISO event_date, text inter1/inter2/interaction).
ACLED_COLUMNS = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
                 "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
                 "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
                 "tags,timestamp").split(",")
ISO_NUM = {"Pakistan": 586, "Afghanistan": 4, "Iran": 364, "India": 356}


def acled(eid, date, tp, dis, et, set_, a1, i1, a2, i2, country, adm1, adm2, adm3, loc, lat, lon, gp, source, scale, notes,
          fat, ts, assoc1="", assoc2="", civ="", tags=""):
    order = ["State forces", "Rebel group", "Political militia", "Identity militia", "Rioters", "Protesters", "Civilians",
             "External/Other forces"]
    inter = "-".join(sorted((i1, i2), key=order.index)) if i2 else i1 + " only"
    return {"event_id_cnty": eid, "event_date": date, "year": date[:4], "time_precision": tp, "disorder_type": dis,
            "event_type": et, "sub_event_type": set_, "actor1": a1, "assoc_actor_1": assoc1, "inter1": i1, "actor2": a2,
            "assoc_actor_2": assoc2, "inter2": i2, "interaction": inter, "civilian_targeting": civ, "iso": ISO_NUM[country],
            "region": "South Asia" if country != "Iran" else "Middle East", "country": country, "admin1": adm1,
            "admin2": adm2, "admin3": adm3, "location": loc, "latitude": "" if lat is None else "%.4f" % lat,
            "longitude": "" if lon is None else "%.4f" % lon, "geo_precision": gp, "source": source, "source_scale": scale,
            "notes": notes, "fatalities": fat, "tags": tags, "timestamp": ts}


PV, SD = "Political violence", "Strategic developments"
TTP_A, ISKP_A, BLA_A = "TTP: Tehreek-i-Taliban Pakistan", "Islamic State (Khorasan Province)", "BLA: Baloch Liberation Army"
PAK_MIL, PAK_POL = "Military Forces of Pakistan (2018-)", "Police Forces of Pakistan (2018-)"
CIV_PAK, CIV_AFG = "Civilians (Pakistan)", "Civilians (Afghanistan)"
AFG_TAL = "Military Forces of Afghanistan (2021-) Taliban"


def build_acled():
    name = "acled_export.csv"
    sh = Sheet(ACLED_COLUMNS)
    R = [
        (acled("PAK97210", "2023-01-30", 1, PV, "Explosions/Remote violence", "Suicide bomb", TTP_A, "Rebel group", PAK_POL, "State forces",
               "Pakistan", KP, "Peshawar", "Peshawar", "Peshawar", 34.0040, 71.5530, 1, "Dawn; Express Tribune", "National",
               "On 30 January 2023, a suicide bomber blew himself up in a mosque inside the Police Lines compound in Peshawar city (Peshawar, Khyber Pakhtunkhwa). A TTP faction commander claimed the attack; the TTP central spokesman denied involvement. 84 people, mostly police, were killed.",
               84, 1675727301, assoc1="TTP: Tehreek-i-Taliban Pakistan (Jamaat-ul-Ahrar)"),
         exp("PAK97210", "geocoded", "PAK", KP, "Peshawar", 1, "2023-01-30", "day", "geo_precision 1")),
        (acled("AFG31877", "2017-04-13", 1, PV, "Explosions/Remote violence", "Air/drone strike", "Military Forces of the United States (2017-2021)",
               "External/Other forces", ISKP_A, "Rebel group", "Afghanistan", NAN, "Achin", "", "Asad Khel", 34.0700, 70.6400, 1,
               "Pajhwok Afghan News; New York Times", "National-International",
               "On 13 April 2017, US forces dropped a GBU-43 bomb on a tunnel complex in Asad Khel (Mamand valley, Achin, Nangarhar). The Afghan MoD said 36 IS fighters were killed; later reports said up to 94.",
               94, 1493050112),
         exp("AFG31877", "geocoded", "AFG", NAN, "Achin", 1, "2017-04-13", "day",
             "admin2 'Achin'; approx mode gives Spin Ghar (carved from Achin later, no polygon) - Achin is correct")),
        (acled("PAK88412", "2022-08-15", 1, PV, "Battles", "Armed clash", PAK_MIL, "State forces", TTP_A, "Rebel group",
               "Pakistan", KP, "Peshawar", "Peshawar", "Peshawar", 34.0080, 71.5690, 3, "ISPR", "National",
               "On or around 15 August 2022, security forces clashed with TTP militants in an unspecified location in Khyber Pakhtunkhwa. Coded to the provincial capital.",
               3, 1661172345),
         exp("PAK88412", "geocoded", "PAK", KP, "", 4, "2022-08-15", "day",
             "geo_precision 3: coded to the provincial capital (Peshawar) for 'unspecified location in KP' - must be province-level, NOT Peshawar district")),
        (acled("PAK90133", "2022-10-03", 1, PV, "Explosions/Remote violence", "Remote explosive/landmine/IED", "Unidentified Armed Group (Pakistan)", "Political militia",
               PAK_MIL, "State forces", "Pakistan", BAL, "Quetta", "Quetta", "Quetta", 30.1830, 67.0000, 3, "Balochistan Post", "Subnational",
               "On 3 October 2022, an IED hit an FC vehicle in an unspecified location in Balochistan. Coded to the provincial capital.",
               2, 1665409022),
         exp("PAK90133", "geocoded", "PAK", BAL, "", 4, "2022-10-03", "day", "geo_precision 3: coded to the provincial capital (Quetta) -> province-level, NOT Quetta district")),
        (acled("AFG64150", "2023-03-09", 1, PV, "Explosions/Remote violence", "Shelling/artillery/missile attack", PAK_MIL, "External/Other forces",
               CIV_AFG, "Civilians", "Afghanistan", KUN, "Marawara", "", "Marawara", 34.8300, 71.2000, 2, "Pajhwok Afghan News", "National",
               "On 9 March 2023, Pakistani forces shelled villages near Marawara district centre (Kunar). No fatalities reported.",
               0, 1678750921, civ="Civilian targeting"),
         exp("AFG64150", "geocoded", "AFG", KUN, "Marawara", 2, "2023-03-09", "day",
             "geo_precision 2: point (places.csv Marawara) lies 0.3 km inside Sar Kani (COD-AB); admin2 names Marawara - named district within 25 km wins or conflict flagged")),
        (acled("PAK113950", "2024-11-21", 1, PV, "Violence against civilians", "Attack", "Unidentified Armed Group (Pakistan)", "Political militia",
               CIV_PAK, "Civilians", "Pakistan", KP, "Kurram", "Lower Kurram", "Bagan", 33.6600, 70.4000, 2, "Dawn; Reuters", "National-International",
               "On 21 November 2024, gunmen fired on a convoy of passenger vehicles near Mandori and Ochat (Bagan area, Lower Kurram). At least 42 killed.",
               42, 1732573201, civ="Civilian targeting"),
         exp("PAK113950", "geocoded", "PAK", KP, "Kurram", 2, "2024-11-21", "day", "geo_precision 2 (near Bagan); admin3 'Lower Kurram' is not a district")),
        (acled("PAK71008", "2019-02-11", 1, PV, "Battles", "Armed clash", PAK_MIL, "State forces", "LeI: Lashkar-e-Islam", "Rebel group",
               "Pakistan", KP, "Bara", "", "Bara", 33.8800, 71.4000, 1, "Dawn", "National",
               "On 11 February 2019, security forces clashed with militants in Bara (Khyber). Two militants killed.", 2, 1550506155),
         exp("PAK71008", "geocoded", "PAK", KP, "Khyber", 1, "2019-02-11", "day",
             "admin2 'Bara' (tehsil of former Khyber Agency) is not a district; point in Khyber; approx mode gives Peshawar")),
        (acled("PAK54001", "2016-04-05", 1, PV, "Explosions/Remote violence", "Remote explosive/landmine/IED", "Unidentified Armed Group (Pakistan)", "Political militia",
               PAK_POL, "State forces", "Pakistan", KP, "Jamrud", "", "Jamrud", 33.9990, 71.3780, 1, "Express Tribune", "National",
               "On 5 April 2016, an IED targeted a Khasadar force vehicle in Jamrud (Khyber). One killed.", 1, 1460398712),
         exp("PAK54001", "geocoded", "PAK", KP, "Khyber", 1, "2016-04-05", "day",
             "admin2 'Jamrud' (tehsil) -> Khyber; approx (HQ-Voronoi) mode gives Peshawar")),
        (acled("PAK120412", "2025-09-22", 1, PV, "Explosions/Remote violence", "Remote explosive/landmine/IED", "Unidentified Armed Group (Pakistan)", "Political militia",
               CIV_PAK, "Civilians", "Pakistan", KP, "Tirah", "", "Tirah", 33.8000, 70.9500, 2, "BBC News; Dawn", "National-International",
               "On 22 September 2025, an explosion destroyed houses in Tirah valley (Khyber). Residents said it was an air strike; officials said militants' explosives detonated. 24 killed.",
               24, 1759140000, civ="Civilian targeting"),
         exp("PAK120412", "geocoded", "PAK", KP, "Khyber", 2, "2025-09-22", "day",
             "admin2 'Tirah' (valley, former tribal area) -> Khyber by point; approx mode gives Orakzai; cause disputed in notes")),
        (acled("PAK99730", "2023-06-18", 1, PV, "Battles", "Armed clash", PAK_POL, "State forces", TTP_A, "Rebel group",
               "Pakistan", KP, "Bannu", "Jani Khel", "Jani Khel", None, None, 1, "Dawn", "National",
               "On 18 June 2023, militants attacked a police checkpost in Jani Khel (Bannu). Coordinates removed for the fixture.", 5, 1687786000),
         exp("PAK99730", "geocoded", "PAK", KP, "Bannu", 3, "2023-06-18", "day", "NAME-ONLY: Jani Khel not in gazetteer; admin2 Bannu")),
        (acled("PAK35519", "2014-04-06", 1, PV, "Battles", "Armed clash", PAK_MIL, "State forces", TTP_A, "Rebel group",
               "Pakistan", KP, "Orakzai", "", "Khadizai", None, None, 1, "Dawn", "National",
               "On 6 April 2014, fighting in Khadizai (Orakzai). Coordinates removed.", 7, 1397469000),
         exp("PAK35519", "geocoded", "PAK", KP, "Orakzai", 3, "2014-04-06", "day", "NAME-ONLY: Khadizai; admin2 Orakzai")),
        (acled("PAK20087", "2012-07-19", 1, PV, "Violence against civilians", "Attack", TTP_A, "Rebel group", CIV_PAK, "Civilians",
               "Pakistan", KP, "Swat", "Kabal", "Shamozai", None, None, 1, "Dawn", "National",
               "On 19 July 2012, militants killed a peace committee member in Shamozai (Swat). Coordinates removed.", 1, 1343206000,
               civ="Civilian targeting"),
         exp("PAK20087", "geocoded", "PAK", KP, "Swat", 3, "2012-07-19", "day", "NAME-ONLY: Shamozai; admin2 Swat (PK532)")),
        (acled("PAK22410", "2012-09-25", 1, PV, "Battles", "Armed clash", PAK_MIL, "State forces", TTP_A, "Rebel group",
               "Pakistan", KP, "Mohmand", "", "Ziarat town", None, None, 1, "Express Tribune", "National",
               "On 25 September 2012, security forces and militants clashed near Ziarat town (Mohmand). Coordinates removed.", 4, 1349097000),
         exp("PAK22410", "geocoded", "PAK", KP, "Mohmand", 3, "2012-09-25", "day",
             "NAME-ONLY TRAP: 'Ziarat town' = alias of Ziarat, Balochistan in places.csv; admin1/admin2 say Mohmand, KP")),
        (acled("PAK10555", "2011-08-27", 1, PV, "Battles", "Armed clash", PAK_MIL, "State forces", TTP_A, "Rebel group",
               "Pakistan", KP, "Lower Dir", "Samar Bagh", "Maidan", None, None, 1, "Dawn", "National",
               "On 27 August 2011, militants attacked checkposts in Maidan (Lower Dir). Coordinates removed.", 6, 1315008000),
         exp("PAK10555", "geocoded", "PAK", KP, "Lower Dir", 3, "2011-08-27", "day",
             "NAME-ONLY TRAP: 'Maidan' = alias of Tirah valley (Khyber) in places.csv; admin2 Lower Dir")),
        (acled("PAK13780", "2011-12-02", 1, PV, "Battles", "Armed clash", PAK_MIL, "State forces", BLA_A, "Rebel group",
               "Pakistan", BAL, "Kohlu", "", "Kahan", None, None, 1, "Balochistan Express", "Subnational",
               "On 2 December 2011, BLA fighters attacked an FC post near Kahan (Kohlu). Coordinates removed.", 3, 1323320000),
         exp("PAK13780", "geocoded", "PAK", BAL, "Kohlu", 3, "2011-12-02", "day", "NAME-ONLY: Kahan; admin2 Kohlu")),
        (acled("IRN1207", "2024-01-16", 1, PV, "Explosions/Remote violence", "Air/drone strike", "Military Forces of Iran (1989-)", "State forces",
               "Jaish al-Adl", "Rebel group", "Iran", "", "", "", "Iran", None, None, 3, "IRNA", "National",
               "On 16 January 2024, Iranian forces said they struck Jaish al-Adl positions; the location is recorded only as 'Iran'. Coordinates removed.",
               0, 1705900000),
         exp("IRN1207", "geocoded", "IRN", "", "", 5, "2024-01-16", "day", "NAME-ONLY country 'Iran' (location and country)")),
        (acled("AFG90003", "2022-07-01", 3, PV, "Battles", "Armed clash", AFG_TAL, "State forces", "NRF: National Resistance Front", "Rebel group",
               "Afghanistan", "", "", "", "Afghanistan", None, None, 3, "Afghanistan International", "National",
               "In July 2022, clashes in an unspecified location in Afghanistan. Coordinates removed.", 0, 1658200000),
         exp("AFG90003", "geocoded", "AFG", "", "", 5, "2022-07-01", "month",
             "NAME-ONLY: only 'Afghanistan'; time_precision 3 (month) -> 2022-07")),
        (acled("PAK61502", "2016-09-02", 1, PV, "Explosions/Remote violence", "Suicide bomb", "Unidentified Armed Group (Pakistan)", "Political militia",
               PAK_MIL, "State forces", "Pakistan", KP, "", "", "Dargai Military Base - 100km north of Peshawar", None, None, 1, "Express Tribune", "National",
               "On 2 September 2016 (illustrative), an attack near the Dargai military base. Coordinates removed.", 1, 1473300000),
         exp("PAK61502", "geocoded", "PAK", KP, "Malakand", 3, "2016-09-02", "day",
             "NAME-ONLY TRAP: Dargai (Malakand); 'Peshawar' is a reference point 100 km away - must not resolve to Peshawar; acceptable fallback KP province (4)")),
        (acled("IND46301", "2019-02-14", 1, PV, "Explosions/Remote violence", "Suicide bomb", "JeM: Jaish-e-Mohammad", "Rebel group",
               "Military Forces of India (2014-) Central Reserve Police Force", "State forces", "India", "Jammu and Kashmir", "Pulwama", "Awantipora", "Lethpora",
               33.9600, 74.9800, 1, "Times of India", "National",
               "On 14 February 2019, a suicide car bomb hit a CRPF convoy at Lethpora (Pulwama). JeM claimed. 40 killed.", 40, 1550600000),
         exp("IND46301", "geocoded", "IND", "", "", 1, "2019-02-14", "day", "outside both countries (India)")),
        (acled("PAK51077", "2016-08-08", 1, PV, "Explosions/Remote violence", "Suicide bomb", "JuA: Jamaat-ul-Ahrar", "Rebel group", CIV_PAK, "Civilians",
               "Pakistan", BAL, "Quetta", "Quetta City", "Quetta", 67.0070, 30.1980, 1, "Dawn", "National",
               "On 8 August 2016, a suicide bomber attacked lawyers at the Civil Hospital in Quetta. JuA and IS both claimed. 70+ killed.", 70, 1471200000,
               civ="Civilian targeting"),
         exp("PAK51077", "geocoded", "", "", "", "", "2016-08-08", "day",
             "SWAPPED lat/lon: as given 67.007N 30.198E (Kola/Karelia, outside the map countries); swapped = Civil Hospital, Quetta. Flag 'possibly swapped', keep as given")),
        (acled("PAK74420", "2019-06-15", 3, PV, "Explosions/Remote violence", "Air/drone strike", PAK_MIL, "State forces", TTP_A, "Rebel group",
               "Pakistan", KP, "North Waziristan", "Datta Khel", "Datta Khel", 32.9500, 69.8300, 1, "Dawn", "National",
               "In June 2019, militant hideouts near Datta Khel were struck. Date coded to the month midpoint.", 0, 1562000000),
         exp("PAK74420", "geocoded", "PAK", KP, "North Waziristan", 1, "2019-06-01", "month",
             "time_precision 3: event_date 2019-06-15 is ACLED's month midpoint -> month precision")),
        (acled("PAK93388", "2022-11-16", 2, PV, "Battles", "Armed clash", PAK_POL, "State forces", TTP_A, "Rebel group",
               "Pakistan", KP, "Lakki Marwat", "Lakki Marwat", "Lakki Marwat", 32.6075, 70.9114, 1, "Dawn", "National",
               "During the week of 14-18 November 2022, police and TTP exchanged fire in Lakki Marwat.", 0, 1669000000),
         exp("PAK93388", "geocoded", "PAK", KP, "Lakki Marwat", 1, "2022-11-01", "month",
             "time_precision 2 (week inside November) -> the day is not known; month")),
        (acled("PAK114880", "2024-11-09", 1, PV, "Explosions/Remote violence", "Suicide bomb", BLA_A, "Rebel group", PAK_MIL, "State forces",
               "Pakistan", BAL, "Quetta", "Quetta City", "Quetta - Railway Station", 30.1970, 67.0020, 1, "Dawn; Balochistan Post", "National",
               "On 9 November 2024, a suicide bomber blew himself up on a platform of Quetta railway station.\nBLA (Majeed Brigade) claimed the attack. 26 killed (32 incl. attacker per some reports).",
               26, 1731600000),
         exp("PAK114880", "geocoded", "PAK", BAL, "Quetta", 1, "2024-11-09", "day",
             "notes contain a newline inside quotes: this record spans two physical lines; 'line' is where it starts")),
        (acled("PAK94005", "2022-12-11", 1, PV, "Explosions/Remote violence", "Shelling/artillery/missile attack", AFG_TAL, "External/Other forces",
               CIV_PAK, "Civilians", "Pakistan", BAL, "Killa Abdullah", "Chaman", "Chaman", 30.9210, 66.4597, 1, "ISPR; Dawn", "National",
               "On 11 December 2022, Afghan Taliban forces fired artillery and mortars into Chaman, according to ISPR. 6 civilians killed.",
               6, 1671300000, civ="Civilian targeting"),
         exp("PAK94005", "geocoded", "PAK", BAL, "Chaman", 1, "2022-12-11", "day",
             "admin2 'Killa Abdullah' predates the 2021 split; the point is in Chaman district (PK235) - point-in-polygon wins over the stale admin2 (conflict may be noted)")),
        (acled("PAK120877", "2024-03-20", 1, PV, "Battles", "Armed clash", PAK_MIL, "State forces", BLA_A, "Rebel group",
               "Pakistan", BAL, "Gwadar", "Gwadar", "Gwadar", 25.1264, 62.3225, 1, "Dawn", "National",
               "On 20 March 2024, BLA fighters stormed the Gwadar Port Authority complex; 2 soldiers and 8 attackers killed.", 10, 1711300000,
               assoc1="BLA: Baloch Liberation Army (Majeed Brigade)"),
         exp("PAK120877", "geocoded", "PAK", BAL, "Gwadar", 1, "2024-03-20", "day", "coastal point (the GPA complex point in places.csv falls outside the COD-AB coastline)")),
    ]
    for d, e in R:
        sh.row(d, e)
    write_text(name, sh.text())
    write_expected(name, sh.expected)


# 3b. ACLED export, 2019-era layout (data_id, iso, event_id_no_cnty, "8 August 2016" dates, numeric inter codes, iso3).
ACLED_LEGACY_COLUMNS = ("data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,actor1,"
                        "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,admin3,"
                        "location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3").split(",")


def build_acled_legacy():
    name = "acled_export_legacy_2019.csv"
    sh = Sheet(ACLED_LEGACY_COLUMNS)

    def L(data_id, cnty, no, date, tp, et, a1, i1, a2, i2, inter, country, adm1, adm2, adm3, loc, lat, lon, gp, src, notes, fat, ts, iso3):
        return {"data_id": data_id, "iso": ISO_NUM[country], "event_id_cnty": cnty, "event_id_no_cnty": no, "event_date": date,
                "year": date[-4:], "time_precision": tp, "event_type": et, "actor1": a1, "assoc_actor_1": "", "inter1": i1,
                "actor2": a2, "assoc_actor_2": "", "inter2": i2, "interaction": inter, "region": "Southern Asia",
                "country": country, "admin1": adm1, "admin2": adm2, "admin3": adm3, "location": loc, "latitude": lat,
                "longitude": lon, "geo_precision": gp, "source": src, "source_scale": "National", "notes": notes,
                "fatalities": fat, "timestamp": ts, "iso3": iso3}
    R = [
        (L(2601101, "PAK51077", 51077, "8 August 2016", 1, "Remote violence", "JuA: Jamaat-ul-Ahrar", 2, "Civilians (Pakistan)", 7, 27,
           "Pakistan", BAL, "Quetta", "Quetta City", "Quetta", "30.1980", "67.0070", 1, "Dawn",
           "A suicide bomber attacked lawyers at the Civil Hospital, Quetta. JuA and IS both claimed.", 70, 1471200000, "PAK"),
         exp("PAK51077", "geocoded", "PAK", BAL, "Quetta", 1, "2016-08-08", "day", "legacy export: 'D Month YYYY' date, numeric inter codes (2/7/27)")),
        (L(2701544, "PAK60215", 60215, "23 June 2017", 1, "Remote violence", "LeJ: Lashkar-e-Jhangvi", 2, "Civilians (Pakistan)", 7, 27,
           "Pakistan", "Federally Administered Tribal Areas", "Kurram Agency", "Parachinar", "Parachinar", "33.8992", "70.1008", 1, "Dawn",
           "Twin bombings at Turi market, Parachinar. 67 killed.", 67, 1498600000, "PAK"),
         exp("PAK60215", "geocoded", "PAK", KP, "Kurram", 1, "2017-06-23", "day",
             "admin1 'Federally Administered Tribal Areas' (pre-2018) -> Khyber Pakhtunkhwa; admin2 'Kurram Agency' (alias) -> Kurram")),
        (L(2705127, "PAK60390", 60390, "2 July 2017", 1, "Battle-No change of territory", "Military Forces of Pakistan (2013-2018)", 1, "LeI: Lashkar-e-Islam", 2, 12,
           "Pakistan", "Federally Administered Tribal Areas", "Khyber Agency", "Bara", "Bara", "33.8800", "71.4000", 1, "Express Tribune",
           "Security forces clashed with LeI militants in Bara tehsil.", 3, 1499400000, "PAK"),
         exp("PAK60390", "geocoded", "PAK", KP, "Khyber", 1, "2017-07-02", "day", "FATA/Khyber Agency -> KP/Khyber; admin3 Bara is a tehsil; approx (HQ-Voronoi) mode gives Peshawar; single-digit day in 'D Month YYYY'")),
        (L(2803391, "AFG20045", 20045, "11 September 2018", 1, "Remote violence", "Islamic State (Afghanistan)", 2, "Civilians (Afghanistan)", 7, 27,
           "Afghanistan", NAN, "Mohmand Dara", "", "Mohmand Dara", "34.2400", "70.9000", 1, "Pajhwok Afghan News",
           "Suicide bombing at a protest on the Jalalabad-Torkham road in Mohmand Dara. 68 killed.", 68, 1537000000, "AFG"),
         exp("AFG20045", "geocoded", "AFG", NAN, "Muhmand Dara", 1, "2018-09-11", "day", "variant spelling 'Mohmand Dara'; not Mohmand (Pakistan)")),
        (L(2706002, "PAK59871", 59871, "15 June 2017", 3, "Remote violence", "Military Forces of Pakistan (2013-2018)", 1, "TTP: Tehreek-i-Taliban Pakistan", 2, 12,
           "Pakistan", "Federally Administered Tribal Areas", "North Waziristan Agency", "Datta Khel", "Datta Khel", "32.9500", "69.8300", 1, "Dawn",
           "Air strikes on militant hideouts during June 2017.", 0, 1499000000, "PAK"),
         exp("PAK59871", "geocoded", "PAK", KP, "North Waziristan", 1, "2017-06-01", "month", "time_precision 3 -> month; 'North Waziristan Agency' alias")),
        (L(2801777, "AFG18110", 18110, "20 March 2018", 1, "Battle-No change of territory", "Military Forces of Afghanistan (2014-2021)", 1, "Taliban", 2, 12,
           "Afghanistan", KUN, "Asadabad", "", "Asadabad", "34.8731", "71.1469", 3, "Pajhwok Afghan News",
           "Clashes in an unspecified location in Kunar; coded to the provincial capital.", 4, 1522000000, "AFG"),
         exp("AFG18110", "geocoded", "AFG", KUN, "", 4, "2018-03-20", "day", "geo_precision 3 coded to Asadabad (capital) -> province-level, not Asadabad district")),
        (L(2807710, "PAK64390", 64390, "13 July 2018", 1, "Remote violence", "Islamic State (Pakistan)", 2, "Civilians (Pakistan)", 7, 27,
           "Pakistan", BAL, "Mastung", "Dringarh", "Dringarh", "29.7500", "66.7500", 1, "Dawn",
           "Suicide bombing at an election rally in Dringarh. 128-149 killed.", 149, 1531800000, "PAK"),
         exp("PAK64390", "geocoded", "PAK", BAL, "Mastung", 1, "2018-07-13", "day", "")),
        (L(2805533, "PAK63950", 63950, "29 May 2018", 1, "Violence against civilians", "TTP: Tehreek-i-Taliban Pakistan", 2, "Civilians (Pakistan)", 7, 27,
           "Pakistan", "Federally Administered Tribal Areas", "Orakzai Agency", "", "Khadizai", "", "", 1, "Dawn",
           "Militants killed two tribal elders in Khadizai (Orakzai). Coordinates removed for the fixture.", 2, 1528000000, "PAK"),
         exp("PAK63950", "geocoded", "PAK", KP, "Orakzai", 3, "2018-05-29", "day", "NAME-ONLY: Khadizai; 'Orakzai Agency' alias; FATA -> KP")),
    ]
    for d, e in R:
        sh.row(d, e)
    write_text(name, sh.text())
    write_expected(name, sh.expected)


# ==================================================================================================
# 4. Global Terrorism Database (START), full 135-column layout of the public release (CSV as redistributed).
GTD_COLUMNS = ("eventid,iyear,imonth,iday,approxdate,extended,resolution,country,country_txt,region,region_txt,provstate,"
               "city,latitude,longitude,specificity,vicinity,location,summary,crit1,crit2,crit3,doubtterr,alternative,"
               "alternative_txt,multiple,success,suicide,attacktype1,attacktype1_txt,attacktype2,attacktype2_txt,attacktype3,"
               "attacktype3_txt,targtype1,targtype1_txt,targsubtype1,targsubtype1_txt,corp1,target1,natlty1,natlty1_txt,"
               "targtype2,targtype2_txt,targsubtype2,targsubtype2_txt,corp2,target2,natlty2,natlty2_txt,targtype3,"
               "targtype3_txt,targsubtype3,targsubtype3_txt,corp3,target3,natlty3,natlty3_txt,gname,gsubname,gname2,"
               "gsubname2,gname3,gsubname3,motive,guncertain1,guncertain2,guncertain3,individual,nperps,nperpcap,claimed,"
               "claimmode,claimmode_txt,claim2,claimmode2,claimmode2_txt,claim3,claimmode3,claimmode3_txt,compclaim,"
               "weaptype1,weaptype1_txt,weapsubtype1,weapsubtype1_txt,weaptype2,weaptype2_txt,weapsubtype2,"
               "weapsubtype2_txt,weaptype3,weaptype3_txt,weapsubtype3,weapsubtype3_txt,weaptype4,weaptype4_txt,"
               "weapsubtype4,weapsubtype4_txt,weapdetail,nkill,nkillus,nkillter,nwound,nwoundus,nwoundte,property,"
               "propextent,propextent_txt,propvalue,propcomment,ishostkid,nhostkid,nhostkidus,nhours,ndays,divert,"
               "kidhijcountry,ransom,ransomamt,ransomamtus,ransompaid,ransompaidus,ransomnote,hostkidoutcome,"
               "hostkidoutcome_txt,nreleased,addnotes,scite1,scite2,scite3,dbsource,INT_LOG,INT_IDEO,INT_MISC,INT_ANY,"
               "related").split(",")
assert len(GTD_COLUMNS) == 135
GCOUNTRY = {"PAK": (153, "Pakistan", 6, "South Asia"), "AFG": (4, "Afghanistan", 6, "South Asia"),
            "IRN": (94, "Iran", 10, "Middle East & North Africa")}
ATTACK = {1: "Assassination", 2: "Armed Assault", 3: "Bombing/Explosion", 7: "Facility/Infrastructure Attack", 9: "Unknown"}
TARG = {2: "Government (General)", 3: "Police", 4: "Military", 8: "Educational Institution", 14: "Private Citizens & Property",
        15: "Religious Figures/Institutions", 19: "Transportation", 20: "Unknown"}
WEAP = {5: "Firearms", 6: "Explosives", 13: "Unknown"}
CLAIMMODE = {3: "Call (post-incident)", 7: "Posted to website, blog, etc.", 8: "Personal claim", 10: "Unknown"}


def gtd(eventid, y, m, d, iso, provstate, city, lat, lon, spec, summary, attack, targ, target, gname, nkill, nwound,
        claimed=0, claimmode=None, weap=6, suicide=0, location="", approxdate="", vicinity=0, nkillter="", natlty=None):
    cn, ctxt, rg, rtxt = GCOUNTRY[iso]
    nat = GCOUNTRY[natlty or iso]
    r = {c: "" for c in GTD_COLUMNS}
    r.update({"eventid": eventid, "iyear": y, "imonth": m, "iday": d, "approxdate": approxdate, "extended": 0,
              "country": cn, "country_txt": ctxt, "region": rg, "region_txt": rtxt, "provstate": provstate, "city": city,
              "latitude": "" if lat is None else "%.6f" % lat, "longitude": "" if lon is None else "%.6f" % lon,
              "specificity": spec, "vicinity": vicinity, "location": location, "summary": summary, "crit1": 1, "crit2": 1,
              "crit3": 1, "doubtterr": 0, "multiple": 0, "success": 1, "suicide": suicide, "attacktype1": attack,
              "attacktype1_txt": ATTACK[attack], "targtype1": targ, "targtype1_txt": TARG[targ], "target1": target,
              "natlty1": nat[0], "natlty1_txt": nat[1], "gname": gname, "guncertain1": 0, "individual": 0,
              "nperps": -99, "nperpcap": -99, "claimed": claimed, "weaptype1": weap, "weaptype1_txt": WEAP[weap],
              "nkill": nkill, "nkillus": 0, "nkillter": nkillter, "nwound": nwound, "nwoundus": 0, "nwoundte": "",
              "property": -9, "ishostkid": 0, "dbsource": "START Primary Collection", "INT_LOG": -9, "INT_IDEO": -9,
              "INT_MISC": 0, "INT_ANY": -9})
    if claimmode:
        r["claimmode"] = claimmode
        r["claimmode_txt"] = CLAIMMODE[claimmode]
    return r


def build_gtd():
    name = "gtd_globalterrorismdb.csv"
    sh = Sheet(GTD_COLUMNS)
    FATA, NWFP = "Federally Administered Tribal Areas", "North-West Frontier Province"
    R = [
        (gtd("200611080002", 2006, 11, 8, "PAK", NWFP, "Dargai", None, None, 1,
             "11/08/2006: A suicide bomber attacked army recruits at a training school in Dargai, North-West Frontier Province, Pakistan. At least 42 people were killed.",
             3, 4, "Army recruits at training school", "Unknown", 42, 20, location="Dargai Military Base - 100km north of Peshawar", suicide=1),
         exp("200611080002", "geocoded", "PAK", KP, "Malakand", 3, "2006-11-08", "day",
             "NAME-ONLY TRAP: city Dargai + location 'Dargai Military Base - 100km north of Peshawar'; lat/lon blank; provstate uses the pre-2010 name NWFP; must not resolve to Peshawar; fallback KP (4)")),
        (gtd("201412160001", 2014, 12, 16, "PAK", KP, "Peshawar", 34.0203, 71.5183, 1,
             "12/16/2014: Assailants attacked the Army Public School in Peshawar city, Khyber Pakhtunkhwa province, Pakistan. At least 150 people were killed, including 7 assailants.",
             2, 8, "Army Public School", "Tehrik-i-Taliban Pakistan (TTP)", 157, 131, claimed=1, claimmode=7, weap=5, nkillter=7),
         exp("201412160001", "geocoded", "PAK", KP, "Peshawar", 1, "2014-12-16", "day", "specificity 1")),
        (gtd("201309220004", 2013, 9, 22, "PAK", KP, "Peshawar", 34.0086, 71.5785, 1,
             "09/22/2013: Two suicide bombers attacked All Saints Church in Kohati Gate, Peshawar. At least 87 killed.",
             3, 15, "All Saints Church", "Jundallah (Pakistan)", 87, 131, claimed=1, claimmode=3, suicide=1, nkillter=2),
         exp("201309220004", "geocoded", "PAK", KP, "Peshawar", 1, "2013-09-22", "day", "")),
        (gtd("201007090001", 2010, 7, 9, "PAK", FATA, "Yakaghund", 34.43, 71.37, 1,
             "07/09/2010: A suicide bomber attacked the political administration office in Yakaghund, Mohmand Agency, FATA. At least 104 killed.",
             3, 2, "Assistant Political Agent office", "Tehrik-i-Taliban Pakistan (TTP)", 104, 115, claimed=1, claimmode=8, suicide=1),
         exp("201007090001", "geocoded", "PAK", KP, "Mohmand", 1, "2010-07-09", "day", "provstate FATA -> Khyber Pakhtunkhwa (2018 merger)")),
        (gtd("201108190005", 2011, 8, 19, "PAK", FATA, "Jamrud", 33.999, 71.378, 1,
             "08/19/2011: A suicide bomber attacked a mosque during Friday prayers in Ghundi, Jamrud, Khyber Agency. At least 48 killed.",
             3, 15, "Mosque", "Unknown", 48, 100, suicide=1),
         exp("201108190005", "geocoded", "PAK", KP, "Khyber", 1, "2011-08-19", "day", "city Jamrud (tehsil) -> Khyber; approx mode gives Peshawar")),
        (gtd("201306300012", 2013, 6, 30, "PAK", FATA, "Tirah", 33.80, 70.95, 3,
             "06/30/2013: Assailants attacked a village defence committee in Tirah valley, Khyber Agency.",
             2, 14, "Village defence committee", "Lashkar-e-Islam (Pakistan)", 6, 3, weap=5),
         exp("201306300012", "geocoded", "PAK", KP, "Khyber", 3, "2013-06-30", "day",
             "specificity 3 (not in a town; centroid of smallest admin unit) -> district precision; approx mode gives Orakzai")),
        (gtd("201603220009", 2016, 3, 22, "PAK", FATA, "Spinwam", 33.18, 70.30, 1,
             "03/22/2016: An explosive device detonated near a security checkpost in Spinwam, North Waziristan Agency.",
             3, 4, "Checkpost", "Tehrik-i-Taliban Pakistan (TTP)", 2, 4),
         exp("201603220009", "geocoded", "PAK", KP, "North Waziristan", 1, "2016-03-22", "day", "city Spinwam (tehsil) -> North Waziristan")),
        (gtd("201408250007", 2014, 8, 25, "PAK", FATA, "Razmak", 32.6931, 69.8461, 1,
             "08/25/2014: Assailants fired on a security convoy near Razmak, North Waziristan Agency.",
             2, 4, "Convoy", "Unknown", 3, 2, weap=5),
         exp("201408250007", "geocoded", "PAK", KP, "North Waziristan", 1, "2014-08-25", "day",
             "city Razmak -> North Waziristan; approx mode gives Upper South Waziristan")),
        (gtd("201607240003", 2016, 7, 24, "AFG", NAN, "Achin district", 34.0894, 70.683, 1,
             "07/24/2016: Khorasan Chapter of the Islamic State militants attacked Afghan forces in Achin district, Nangarhar.",
             2, 4, "Afghan National Army", "Khorasan Chapter of the Islamic State", 5, 7, claimed=1, claimmode=7, weap=5),
         exp("201607240003", "geocoded", "AFG", NAN, "Achin", 1, "2016-07-24", "day", "city 'Achin district' carries a 'district' suffix")),
        (gtd("201807130006", 2018, 7, 13, "PAK", BAL, "Mastung", 29.75, 66.75, 1,
             "07/13/2018: A suicide bomber attacked an election rally in Dringarh, Mastung district. At least 149 killed.",
             3, 14, "Election rally", "Islamic State of Iraq and the Levant (ISIL)", 149, 186, claimed=1, claimmode=7, suicide=1, vicinity=1),
         exp("201807130006", "geocoded", "PAK", BAL, "Mastung", 1, "2018-07-13", "day", "vicinity 1 (in the vicinity of Mastung)")),
        (gtd("201301100004", 2013, 1, 10, "PAK", BAL, "Quetta", 30.20, 67.03, 1,
             "01/10/2013: Two explosions at a snooker hall on Alamdar Road, Quetta. At least 81 killed.",
             3, 14, "Snooker hall", "Lashkar-e-Jhangvi", 81, 121, claimed=1, claimmode=3, suicide=1),
         exp("201301100004", "geocoded", "PAK", BAL, "Quetta", 1, "2013-01-10", "day", "")),
        (gtd("201711140021", 2017, 11, 14, "PAK", BAL, "Unknown", 28.5, 65.5, 4,
             "11/14/2017: Assailants attacked a Frontier Corps patrol in an unknown location in Balochistan.",
             2, 4, "Frontier Corps patrol", "Baloch Liberation Army (BLA)", 3, 1, claimed=1, claimmode=3, weap=5),
         exp("201711140021", "geocoded", "PAK", BAL, "", 4, "2017-11-14", "day",
             "specificity 4: province centroid, which lies in Kharan district - must stay province-level")),
        (gtd("201905020017", 2019, 5, 2, "PAK", "Unknown", "Unknown", None, None, 5,
             "05/02/2019: Assailants attacked a gas pipeline in an unknown location in Pakistan.",
             7, 20, "Gas pipeline", "Unknown", 0, 0, weap=6),
         exp("201905020017", "geocoded", "PAK", "", "", 5, "2019-05-02", "day", "specificity 5: no province known, coordinates blank -> country")),
        (gtd("201500000011", 2015, 0, 0, "PAK", KP, "Peshawar", 34.008, 71.569, 1,
             "2015: A grenade was thrown at a CD shop in Peshawar; the date is not known.",
             3, 14, "CD shop", "Unknown", 0, 2, approxdate="2015"),
         exp("201500000011", "geocoded", "PAK", KP, "Peshawar", 1, "2015-01-01", "year", "imonth 0 and iday 0 -> year only; eventid has 0000 for month/day")),
        (gtd("201603000004", 2016, 3, 0, "AFG", KUN, "Asadabad", 34.8731, 71.1469, 1,
             "03/2016: Assailants attacked a checkpoint in Asadabad; the exact day is not known.",
             2, 3, "Police checkpoint", "Taliban", 2, 1, approxdate="March 2016", weap=5),
         exp("201603000004", "geocoded", "AFG", KUN, "Asadabad", 1, "2016-03-01", "month", "iday 0 -> month precision")),
        (gtd("201902130001", 2019, 2, 13, "IRN", "Sistan and Baluchestan", "Zahedan", 29.35, 60.95, 1,
             "02/13/2019: A suicide bomber attacked a bus carrying Islamic Revolutionary Guard Corps members on the Khash-Zahedan road. At least 27 killed.",
             3, 4, "IRGC bus", "Jaish al-Adl", 27, 13, claimed=1, claimmode=7, suicide=1),
         exp("201902130001", "geocoded", "IRN", "", "", 1, "2019-02-13", "day", "outside both countries (Iran, near the Pakistan/Afghanistan tri-border)")),
        (gtd("201809120031", 2018, 9, 12, "IRN", "Unknown", "Unknown", None, None, 5,
             "09/12/2018: Location given only as Iran.", 9, 20, "Unknown", "Unknown", 0, 0, weap=13, location="Iran"),
         exp("201809120031", "geocoded", "IRN", "", "", 5, "2018-09-12", "day", "NAME-ONLY country Iran")),
        (gtd("202003050044", 2020, 3, 5, "AFG", "Unknown", "Unknown", None, None, 5,
             "03/05/2020: Location given only as Afghanistan.", 9, 20, "Unknown", "Taliban", 0, 0, weap=13, location="Afghanistan"),
         exp("202003050044", "geocoded", "AFG", "", "", 5, "2020-03-05", "day", "NAME-ONLY: only 'Afghanistan'")),
        (gtd("202011120009", 2020, 11, 12, "PAK", KP, "Jani Khel", None, None, 1,
             "11/12/2020: Assailants attacked a police post in Jani Khel, Bannu district.", 2, 3, "Police post", "Tehrik-i-Taliban Pakistan (TTP)", 2, 1,
             location="Jani Khel area of Bannu district", weap=5),
         exp("202011120009", "geocoded", "PAK", KP, "Bannu", 3, "2020-11-12", "day",
             "NAME-ONLY: GTD has no admin2 column - the district is only in the free-text `location`; fallback KP (4)")),
        (gtd("201406200015", 2014, 6, 20, "PAK", FATA, "Khadizai", None, None, 1,
             "06/20/2014: Assailants attacked a peace committee in Khadizai, Orakzai Agency.", 2, 14, "Peace committee", "Unknown", 3, 0,
             location="Khadizai, Orakzai Agency", weap=5),
         exp("201406200015", "geocoded", "PAK", KP, "Orakzai", 3, "2014-06-20", "day", "NAME-ONLY: district only in `location` ('Orakzai Agency'); fallback KP (4)")),
        (gtd("200905140008", 2009, 5, 14, "PAK", NWFP, "Shamozai", None, None, 1,
             "05/14/2009: Militants destroyed a girls' school in Shamozai, Swat district.", 7, 8, "Girls school", "Tehrik-i-Taliban Pakistan (TTP)", 0, 0,
             location="Shamozai, Swat district"),
         exp("200905140008", "geocoded", "PAK", KP, "Swat", 3, "2009-05-14", "day", "NAME-ONLY: NWFP + location 'Swat district'; fallback KP (4)")),
        (gtd("201010190003", 2010, 10, 19, "PAK", FATA, "Ziarat", None, None, 1,
             "10/19/2010: An explosive device targeted a checkpost in Ziarat area, Mohmand Agency.", 3, 4, "Checkpost", "Unknown", 1, 2,
             location="Ziarat town, Mohmand Agency"),
         exp("201010190003", "geocoded", "PAK", KP, "Mohmand", 3, "2010-10-19", "day",
             "NAME-ONLY TRAP: city 'Ziarat' + provstate FATA - must NOT resolve to Ziarat district, Balochistan; fallback KP (4)")),
        (gtd("200906020019", 2009, 6, 2, "PAK", NWFP, "Maidan", None, None, 1,
             "06/02/2009: Militants attacked a police station in Maidan, Lower Dir district.", 2, 3, "Police station", "Tehrik-i-Taliban Pakistan (TTP)", 4, 2,
             location="Maidan, Lower Dir district", weap=5),
         exp("200906020019", "geocoded", "PAK", KP, "Lower Dir", 3, "2009-06-02", "day",
             "NAME-ONLY TRAP: 'Maidan' is an alias of Tirah valley (Khyber) in places.csv; Lower Dir only in `location`; fallback KP (4), never Khyber")),
        (gtd("201201090011", 2012, 1, 9, "PAK", BAL, "Kahan", None, None, 1,
             "01/09/2012: Assailants fired rockets at a Frontier Corps camp near Kahan, Kohlu district.", 2, 4, "FC camp", "Baloch Liberation Army (BLA)", 0, 2,
             claimed=1, claimmode=3, location="Kahan, Kohlu district", weap=6),
         exp("201201090011", "geocoded", "PAK", BAL, "Kohlu", 3, "2012-01-09", "day", "NAME-ONLY: Kohlu only in `location`; fallback Balochistan (4)")),
        (gtd("201610240002", 2016, 10, 24, "PAK", BAL, "Quetta", 66.98, 30.14, 1,
             "10/24/2016: Assailants attacked the Police Training College in Quetta. At least 61 killed.",
             2, 3, "Police Training College", "Islamic State of Iraq and the Levant (ISIL)", 64, 165, claimed=1, claimmode=7, weap=5, nkillter=3),
         exp("201610240002", "geocoded", "", "", "", "", "2016-10-24", "day",
             "SWAPPED lat/lon: as given 66.98N 30.14E (Karelia/Kola), outside the map countries; swapped = PTC Quetta. Flag, keep as given")),
    ]
    for d, e in R:
        sh.row(d, e)
    write_text(name, sh.text())
    write_expected(name, sh.expected)


# ==================================================================================================
# 5. A hand-kept analyst spreadsheet saved by Excel on Windows as "CSV" (Windows-1252 bytes, CRLF, human dates).
def build_analyst():
    name = "analyst_incident_log.csv"
    header = ["Date", "Place", "District", "Province", "Group", "Killed", "Wounded", "Claimed?", "Source", "Comments"]
    sh = Sheet(header, newline="\r\n")
    R = [
        (["Friday, June 18, 2004", "Wana", "South Waziristan", "FATA", "US forces", "5", "", "No", "BBC", "Nek Muhammad killed; US did not acknowledge"],
         exp("", "geocoded", "PAK", KP, "Lower South Waziristan", 2, "2004-06-18", "day",
             "weekday-prefixed US date; Wana (places.csv) is in Lower South Waziristan; 'South Waziristan' alone is ambiguous (split 2022); FATA -> KP")),
        (["Sunday-November 19-1995", "Islamabad", "", "ICT", "Egyptian Islamic Jihad", "16", "60+", "Yes", "Dawn", "Egyptian embassy bombing"],
         exp("", "geocoded", "PAK", "Islamabad Capital Territory", "", 2, "1995-11-19", "day",
             "dashes between weekday, 'Month D' and year; outside the four provinces (no districts there)")),
        (["3/4/2021", "Jalalabad", "Jalalabad", "Nangarhar", "ISKP", "3", "", "Yes", "Tolo", "media workers shot"],
         exp("", "rejected", reason="ambiguous slash date: 3 April or 4 March 2021 - refused unless the file's day/month order is given (--date-order dmy|mdy); with dmy it geocodes to AFG/Nangarhar/Jalalabad, precision 2, 2021-04-03 (day)")),
        (["12.03.2019", "Kabal", "Swat", "KPK", "TTP", "2", "1", "No", "Express Tribune", "police patrol"],
         exp("", "geocoded", "PAK", KP, "Swat", 2, "2019-03-12", "day", "dotted numeric date: read day.month.year (12 March 2019), the convention wherever dots separate a date; Kabal (places.csv) is in Swat")),
        (["March 2015", "Tirah", "Khyber Agency", "FATA", "Pakistan Army", "about 12", "", "Yes", "ISPR", "Khyber-2 operation"],
         exp("", "geocoded", "PAK", KP, "Khyber", 2, "2015-03-01", "month", "month-only date; 'about 12' is an approximate count; Tirah valley in places.csv (Khyber)")),
        (["2016", "Achin", "Achin", "Ningarhar", "Daesh", "60+", "", "Yes", "Pajhwok", "year-only entry"],
         exp("", "geocoded", "AFG", NAN, "Achin", 2, "2016-01-01", "year", "year-only date; 'Ningarhar' alias; 'Daesh' alias of ISKP")),
        (["44562", "Quetta", "Quetta", "Balochistan", "BLA", "2", "3", "Yes", "Balochistan Post", "date pasted as a number"],
         exp("", "geocoded", "PAK", BAL, "Quetta", 2, "2022-01-01", "day",
             "Excel serial date 44562 (= 2022-01-01 in the 1900 system): converted, with a note in read_notes; never read as a year or day")),
        (["12 November 2022", "Jani Khel", "Bannu", "KP", "TTP", "about 12", "4", "No", "Dawn", ""],
         exp("", "geocoded", "PAK", KP, "Bannu", 3, "2022-11-12", "day", "NAME-ONLY: Jani Khel not in gazetteer; District Bannu")),
        (["20 June 2014", "Khadizai", "Orakzai", "KP", "", "3", "", "", "Dawn", ""],
         exp("", "geocoded", "PAK", KP, "Orakzai", 3, "2014-06-20", "day", "NAME-ONLY: Khadizai; District Orakzai")),
        (["May 2009", "Shamozai", "Swat", "NWFP", "TTP", "", "", "", "AFP", "school destroyed"],
         exp("", "geocoded", "PAK", KP, "Swat", 3, "2009-05-01", "month", "NAME-ONLY: Shamozai; NWFP alias")),
        (["19 October 2010", "Ziarat town", "Mohmand", "KP", "", "1", "2", "", "Dawn", ""],
         exp("", "geocoded", "PAK", KP, "Mohmand", 3, "2010-10-19", "day", "NAME-ONLY TRAP: 'Ziarat town' (places.csv: Ziarat, Balochistan) with District Mohmand, KP")),
        (["2 June 2009", "Maidan", "Lower Dir", "KP", "TTP", "4", "2", "", "Dawn", ""],
         exp("", "geocoded", "PAK", KP, "Lower Dir", 3, "2009-06-02", "day", "NAME-ONLY TRAP: 'Maidan' (places.csv alias of Tirah, Khyber) with District Lower Dir")),
        (["9 January 2012", "Kahan", "Kohlu", "Balochistan", "BLA", "0", "2", "Yes", "Dawn", ""],
         exp("", "geocoded", "PAK", BAL, "Kohlu", 3, "2012-01-09", "day", "NAME-ONLY: Kahan; District Kohlu")),
        (["16 January 2024", "Iran", "", "", "Jaish al-Adl", "", "", "", "IRNA", "origin of the strikes: Iran"],
         exp("", "geocoded", "IRN", "", "", 5, "2024-01-16", "day", "NAME-ONLY country 'Iran'")),
        (["5 March 2020", "Afghanistan", "", "", "Taliban", "", "", "", "Tolo", "no place given"],
         exp("", "geocoded", "AFG", "", "", 5, "2020-03-05", "day", "NAME-ONLY: only 'Afghanistan'")),
        (["8 November 2006", "Dargai Military Base - 100km north of Peshawar", "", "NWFP", "", "42", "20", "No", "BBC", "army recruits"],
         exp("", "geocoded", "PAK", KP, "Malakand", 3, "2006-11-08", "day",
             "NAME-ONLY TRAP: must not resolve to Peshawar (reference point); Dargai is in Malakand; fallback KP (4)")),
    ]
    for values, e in R:
        sh.row(values, e)
    # Windows-1252 bytes: written as latin-1 text here and encoded with cp1252 below (0xE9 = é, 0x92 = ’).
    sh.row(["28 October 2009", "Peshawar caf\u00e9", "Peshawar", "NWFP", "", "about 12", "", "", "Dawn", "blast near a caf\u00e9"],
           exp("", "geocoded", "PAK", KP, "Peshawar", 2, "2009-10-28", "day",
               "byte 0xE9 (Windows-1252 'é') in Place is not UTF-8: read as Windows-1252 ('Peshawar café'), the row kept with a note in read_notes (rejected only with --encoding utf8)"))
    sh.row(["23 June 2017", "Parachinar", "Kurram", "FATA", "LeJ", "67", "", "Yes", "Dawn", "FC\u2019s statement disputed the toll"],
           exp("", "geocoded", "PAK", KP, "Kurram", 2, "2017-06-23", "day",
               "byte 0x92 (Windows-1252 curly apostrophe) in a pass-through Comments cell is not UTF-8: read as Windows-1252, the row kept with a note in read_notes (never rejected for a byte in a comment)"))
    sh.row(["13 July 2018", "Mastung", "Mastung", "Balochistan", "ISKP", "128-149", "186", "Yes", "Dawn", '=HYPERLINK("http://x","y")'],
           exp("", "geocoded", "PAK", BAL, "Mastung", 2, "2018-07-13", "day",
               "formula-like Comments cell: passed through as text; any CSV/spreadsheet output must neutralise it (e.g. prefix with ')"))
    sh.row(["4 March 2022", "Kocha Risaldar", "Peshawar", "KPK", "ISKP", "60+", "190", "Yes", "Reuters", ""],
           exp("", "geocoded", "PAK", KP, "Peshawar", 2, "2022-03-04", "day", "'60+' open count; landmark in places.csv"))
    sh.row(["30 July 2023", "Khar", "Bajaur", "KP", "ISKP", "56-63", "120+", "Yes", "AFP", ""],
           exp("", "geocoded", "PAK", KP, "Bajaur", 2, "2023-07-30", "day", "'56-63' range count"))
    sh.row(["", "", "", "", "", "", "", "", "", ""],
           exp("", "skipped-blank", reason="Excel empty row: delimiters only (,,,,,,,,,)"))
    sh.raw("\r\n", exp("", "skipped-blank", reason="truly empty line"))
    sh.row(["Total", "", "", "", "", "123", "45", "", "", ""],
           exp("", "rejected", reason="footer/totals row: 'Total' is not a date and there is no place"))
    data = sh.text().encode("cp1252")
    assert b"\xe9" in data and b"\x92" in data
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
    write_expected(name, sh.expected)


# ==================================================================================================
# 6. Project canonical columns, every row with correct coordinates AND correct names (official district names).
NC_COLUMNS = "event_id,event_date,location,admin2,admin1,country,latitude,longitude,geo_precision,group,attribution,attributed_by,fatalities,sources".split(",")


def build_names_and_coords():
    name = "names_and_coords.csv"
    sh = Sheet(NC_COLUMNS)
    A, P = "Afghanistan", "Pakistan"
    ILL = "[illustrative fixture row]"
    R = [
        # Nangarhar
        ("2018-07-01", "Jalalabad", "Jalalabad", NAN, A, 34.4342, 70.4478, "ISKP", "claimed", "", "19", "BBC News, 2018-07-01 [suicide bombing of Sikh and Hindu delegation in Jalalabad]"),
        ("2020-08-02", "Nangarhar central prison (Jalalabad)", "Jalalabad", NAN, A, 34.4300, 70.4600, "ISKP", "claimed", "", "29+", "Reuters, 2020-08-03 [Islamic State attack on Jalalabad prison]"),
        ("2019-11-17", "Achin", "Achin", NAN, A, 34.0894, 70.6830, "Afghan security forces (Islamic Republic, to August 2021)", "claimed", "", "0", "Reuters, 2019-11-17 [hundreds of IS fighters surrender in Achin] (strategic development announced by the government)"),
        ("2019-10-18", "Haska Mena (Deh Bala)", "Deh Bala", NAN, A, 34.0700, 70.4600, "", "unclaimed", "", "62-73", "Reuters, 2019-10-18 [mosque bombing in Haska Mena district]"),
        ("2020-05-12", "Kuz Kunar (Khewa)", "Kuz Kunar", NAN, A, 34.5560, 70.5800, "ISKP", "claimed", "", "24-32", "AFP, 2020-05-12 [suicide bombing at funeral in Kuz Kunar]"),
        ("2018-09-11", "Momand Dara", "Muhmand Dara", NAN, A, 34.2400, 70.9000, "ISKP", "claimed", "", "68", "Reuters, 2018-09-11 [suicide bombing at protest in Mohmand Dara]"),
        ("2019-09-18", "Wazir Tangi, Khogyani", "Khogyani", NAN, A, 34.1700, 70.1900, "US forces", "claimed", "", "30+", "Reuters, 2019-09-19 [US drone strike kills pine nut workers in Nangarhar]"),
        ("2021-06-10", "Surkh Rod (Sultanpur)", "Surkh Rod", NAN, A, 34.4000, 70.3300, "", "unclaimed", "", "10", ILL),
        ("2022-08-20", "Lalpur", "Lalpur", NAN, A, 34.2700, 71.0500, "Pakistan security forces", "alleged", "Taliban district officials (Lalpur)", "", ILL),
        ("2018-03-10", "Hesarak", "Hesarak", NAN, A, 34.3950, 69.8900, "Taliban", "attributed", "Nangarhar governor's office", "4", ILL),
        # Kunar
        ("2022-04-16", "Shigal", "Shigal", KUN, A, 34.9700, 71.2600, "Pakistan security forces", "alleged", "Taliban government (Kunar officials); Pakistan did not confirm", "6", "Reuters, 2022-04-16 [Taliban says Pakistani strikes kill civilians in Khost and Kunar]"),
        ("2025-10-12", "Dangam", "Dangam", KUN, A, 34.9925, 71.4189, "Pakistan security forces;Taliban", "disputed", "ISPR (Pakistan); Taliban Ministry of Defence", "", "Reuters, 2025-10-12 [Afghan and Pakistani forces clash along border]; " + ILL),
        ("2020-03-21", "Asadabad", "Asadabad", KUN, A, 34.8731, 71.1469, "Taliban", "attributed", "Kunar police", "2", ILL),
        ("2019-08-05", "Pech valley", "Dara-e-Pech", KUN, A, 34.9400, 70.9500, "ISKP", "claimed", "", "3", ILL),
        ("2021-04-27", "Chawkay", "Chawkay", KUN, A, 34.7300, 70.9700, "", "unclaimed", "", "1", ILL),
        ("2021-06-12", "Nari", "Nari", KUN, A, 35.1800, 71.5000, "Taliban", "claimed", "", "", ILL),
        ("2021-02-14", "Sirkanay", "Sar Kani", KUN, A, 34.7800, 71.1200, "Pakistan security forces", "alleged", "Kunar provincial officials", "2", ILL),
        # Khyber Pakhtunkhwa
        ("2014-12-16", "Army Public School, Warsak Road", "Peshawar", KP, P, 34.0203, 71.5183, "TTP", "claimed", "", "141-149", "BBC News, 2014-12-16 [Taliban attack on Peshawar school]"),
        ("2023-01-30", "Police Lines (Peshawar)", "Peshawar", KP, P, 34.0040, 71.5530, "Jamaat-ul-Ahrar;TTP", "disputed", "JuA faction commander (claim); TTP spokesman (denial)", "84-101", "Dawn, 2023-01-31 [Peshawar Police Lines mosque blast]"),
        ("2017-02-21", "Charsadda district courts (Tangi)", "Charsadda", KP, P, 34.1480, 71.7400, "Jamaat-ul-Ahrar", "claimed", "", "7", "Dawn, 2017-02-21 [attack on Tangi courts, Charsadda]"),
        ("2012-10-09", "Mingora", "Swat", KP, P, 34.7750, 72.3600, "TTP", "claimed", "", "0", "BBC News, 2012-10-09 [Malala Yousafzai shot in Mingora]"),
        ("2023-07-30", "Khar (Bajaur)", "Bajaur", KP, P, 34.7334, 71.5240, "ISKP", "claimed", "", "54-63", "AFP, 2023-07-31 [IS claims Bajaur rally bombing]"),
        ("2010-07-09", "Yakaghund", "Mohmand", KP, P, 34.4300, 71.3700, "TTP", "claimed", "", "102-105", "Dawn, 2010-07-10 [Mohmand Agency suicide attack]"),
        ("2018-11-23", "Kalaya", "Orakzai", KP, P, 33.6800, 71.0700, "ISKP", "claimed", "", "33-35", "Dawn, 2018-11-24 [Kalaya market blast, Orakzai]"),
        ("2017-06-23", "Parachinar", "Kurram", KP, P, 33.8992, 70.1008, "LeJ-A", "claimed", "", "67-75", "Dawn, 2017-06-24 [twin blasts in Parachinar]"),
        ("2024-03-16", "Mir Ali", "North Waziristan", KP, P, 33.0100, 70.2700, "Jaish-e-Fursan", "claimed", "", "7", "Reuters, 2024-03-16 [militants attack army post in North Waziristan]"),
        ("2012-04-15", "Bannu central jail", "Bannu", KP, P, 32.9850, 70.6080, "TTP", "claimed", "", "", "BBC News, 2012-04-15 [Taliban free prisoners in Bannu jail raid]"),
        ("2010-01-01", "Shah Hassan Khel", "Lakki Marwat", KP, P, 32.6700, 70.9300, "TTP", "attributed", "Khyber Pakhtunkhwa police", "95-105", "BBC News, 2010-01-01 [suicide bomb at volleyball match, Lakki Marwat]"),
        ("2010-04-17", "Kacha Pakka IDP camp (Kohat)", "Kohat", KP, P, 33.5500, 71.4500, "LeJ", "claimed", "", "41", "Dawn, 2010-04-18 [twin suicide blasts at Kohat IDP camp]"),
        ("2008-08-19", "Dera Ismail Khan", "D. I. Khan", KP, P, 31.8314, 70.9019, "TTP", "claimed", "", "32", "Dawn, 2008-08-20 [suicide bombing at DI Khan hospital]"),
        ("2006-11-08", "Dargai army training school", "Malakand", KP, P, 34.5067, 71.8958, "", "unclaimed", "", "42", "BBC News, 2006-11-08 [suicide attack kills 42 Pakistani soldiers]"),
        ("2016-06-13", "Torkham", "Khyber", KP, P, 34.1017, 71.0900, "Pakistan security forces;Afghan security forces (Islamic Republic, to August 2021)", "disputed", "ISPR; Afghan Ministry of Defence", "3", "Dawn, 2016-06-14 [Torkham border clash]"),
        ("2014-06-15", "Miranshah", "North Waziristan", KP, P, 33.0004, 70.0710, "Pakistan security forces", "claimed", "", "", "ISPR, 2014-06-15 [Operation Zarb-e-Azb launched in North Waziristan]"),
        # Balochistan
        ("2024-11-09", "Quetta railway station", "Quetta", BAL, P, 30.1970, 67.0020, "BLA", "claimed", "", "26-32", "Dawn, 2024-11-10 [Quetta railway station blast]"),
        ("2018-07-13", "Dringarh (Mastung)", "Mastung", BAL, P, 29.7500, 66.7500, "ISKP", "claimed", "", "128-149", "Dawn, 2018-07-14 [Mastung rally bombing]"),
        ("2024-08-26", "Musakhel", "Musakhel", BAL, P, 30.8600, 69.8200, "BLA", "claimed", "", "23", "Reuters, 2024-08-26 [gunmen kill passengers on highway in Musakhel]"),
        ("2022-02-02", "Nushki", "Nushki", BAL, P, 29.5552, 66.0229, "BLA", "claimed", "", "4", "Dawn, 2022-02-03 [attack on FC camp in Nushki]"),
        ("2022-02-02", "Panjgur", "Panjgur", BAL, P, 26.9644, 64.0900, "BLA", "claimed", "", "", "Dawn, 2022-02-03 [attack on FC camp in Panjgur]"),
        ("2024-03-25", "PNS Siddiq (Turbat naval air station)", "Kech", BAL, P, 25.9860, 63.0300, "BLA", "claimed", "", "1", "Dawn, 2024-03-26 [attack on Turbat naval air station]"),
        ("2023-07-12", "Zhob", "Zhob", BAL, P, 31.3417, 69.4486, "TJP", "claimed", "", "9", "Dawn, 2023-07-13 [attack on Zhob cantonment]"),
        ("2013-06-15", "Ziarat", "Ziarat", BAL, P, 30.3814, 67.7258, "BLA", "claimed", "", "1", "Dawn, 2013-06-15 [Quaid-e-Azam Residency in Ziarat destroyed]"),
        ("2022-12-11", "Chaman", "Chaman", BAL, P, 30.9210, 66.4597, "Taliban", "alleged", "ISPR (Pakistan military)", "6-8", "Dawn, 2022-12-12 [Afghan forces shell Chaman]"),
        ("2025-05-21", "Khuzdar", "Khuzdar", BAL, P, 27.8119, 66.6107, "BLA", "alleged", "Government of Pakistan (blamed 'Fitna al-Hindustan')", "8-10", "Reuters, 2025-05-21 [school bus bombing in Khuzdar]"),
    ]
    for i, (date, loc, adm2, adm1, country, lat, lon, group, attr, by, fat, src) in enumerate(R, 1):
        eid = "RW-NC-%03d" % i
        sh.row({"event_id": eid, "event_date": date, "location": loc, "admin2": adm2, "admin1": adm1, "country": country,
                "latitude": "%.4f" % lat, "longitude": "%.4f" % lon, "geo_precision": 1, "group": group, "attribution": attr,
                "attributed_by": by, "fatalities": fat, "sources": src},
               exp(eid, "geocoded", "AFG" if country == A else "PAK", adm1, adm2, 1, date, "day",
                   "coordinates and names agree (COD-AB polygon = HQ-Voronoi = named district)"))
    write_text(name, sh.text())
    write_expected(name, sh.expected)


if __name__ == "__main__":
    build_ucdp_hdx()
    build_ucdp_api()
    build_acled()
    build_acled_legacy()
    build_gtd()
    build_analyst()
    build_names_and_coords()
    print("written to", OUT)
