#!/usr/bin/env python3
"""Merge the curated people files into gazetteers/persons.tsv and gazetteers/offices.tsv.

    python3 gazetteers/build/people.py           # writes both files
    python3 gazetteers/build/people.py --check   # fails if they differ from what it would write

Reads build/curated/people/*.persons.tsv and *.offices.tsv (core first, then by file name;
the columns of persons.tsv and offices.tsv). A person may appear in several files: the
surface lists are merged, the name and country must agree. Offices are deduplicated and
sorted by holder country or organization, office and start. Terms of one office of one
country that overlap by more than a month are reported (a wrong date is a bug), except in
countries with collective or co-equal offices; so is a person given another name or country
in a second file. With --check, any such warning fails. Standard library only, so CI can run it.
"""
import argparse
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
PEOPLE = HERE / "curated" / "people"
GAZ = HERE.parent
LANG_TAGS = {"fr", "nl", "en", "de", "*"}
# Co-princes, captains regent, a collective presidency, a federal council: offices held by
# several people at once.
SHARED_OFFICES = {"AND", "SMR", "BIH", "CHE"}
# How many days two consecutive terms may overlap (dates known only to the month).
SLACK_DAYS = 31


def rows(path, header):
    """(line number, cells) of a TSV with a checked header; comments and blanks skipped."""
    out, seen_header = [], False
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not seen_header:
            if cells != header:
                sys.exit(f"{path}:{n}: header must be {chr(9).join(header)!r}")
            seen_header = True
            continue
        if len(cells) != len(header):
            sys.exit(f"{path}:{n}: expected {len(header)} columns, found {len(cells)}")
        out.append((n, [c.strip() for c in cells]))
    return out


def surfaces(cell):
    """A surface list as [(lang, surface)], tags resolved."""
    out, lang = [], "*"
    for value in cell.split("|"):
        tag, _, rest = value.partition(":")
        if rest and tag in LANG_TAGS:
            lang, value = tag, rest
        if value.strip():
            out.append((lang, value.strip()))
    return out


def merge_surfaces(a, b):
    """Surface list cell `a` with the values of `b` it lacks, tags kept."""
    pairs = surfaces(a)
    pairs += [p for p in surfaces(b) if p not in pairs]
    out, lang = [], "*"
    for tag, value in pairs:
        out.append(value if tag == lang else f"{tag}:{value}")
        lang = tag
    return "|".join(out)


def day(value, end):
    """A YYYY[-MM[-DD]] date as an ordinal-ish number of days, for overlap checks."""
    parts = [int(p) for p in value.split("-")]
    y, m, d = (parts + [12 if end else 1, 31 if end else 1])[:3] if len(parts) == 1 else \
        (parts + [31 if end else 1])[:3]
    return y * 372 + (m - 1) * 31 + d


def files(kind):
    found = sorted(PEOPLE.glob(f"*.{kind}.tsv"), key=lambda p: (p.name != f"core.{kind}.tsv", p.name))
    if not found:
        sys.exit(f"{PEOPLE}: no *.{kind}.tsv")
    return found


PERSONS_HEADER = ["id", "name", "country", "names", "short"]
OFFICES_HEADER = ["person", "role", "of", "start", "end"]


def merge_persons(warnings):
    persons, where = {}, {}
    for path in files("persons"):
        for n, c in rows(path, PERSONS_HEADER):
            pid = c[0]
            if pid not in persons:
                persons[pid], where[pid] = c, f"{path.relative_to(GAZ)}:{n}"
                continue
            old = persons[pid]
            if (old[1], old[2]) != (c[1], c[2]):
                warnings.append(f"{path.relative_to(GAZ)}:{n}: {pid} is {c[1]!r} of {c[2]} here "
                                f"but {old[1]!r} of {old[2]} at {where[pid]} (the first is kept)")
            old[3], old[4] = merge_surfaces(old[3], c[3]), merge_surfaces(old[4], c[4])
    return list(persons.values())


def merge_offices(known, warnings):
    out = set()
    for path in files("offices"):
        for n, c in rows(path, OFFICES_HEADER):
            if c[0] not in known:
                sys.exit(f"{path}:{n}: unknown person {c[0]!r}, not in any *.persons.tsv")
            out.add(tuple(c))
    terms = sorted(out, key=lambda o: (o[2], o[1], o[3], o[0]))
    by_office = defaultdict(list)
    for o in terms:
        by_office[(o[2], o[1])].append(o)
    for (of, role), ts in by_office.items():
        if of in SHARED_OFFICES:
            continue
        for a, b in zip(ts, ts[1:]):
            a_end = day(a[4], True) if a[4] else 10**9
            if a[0] != b[0] and a_end - day(b[3], False) > SLACK_DAYS:
                warnings.append(f"overlap: {role} of {of}: {a[0]} {a[3]}..{a[4] or 'now'} and {b[0]} from {b[3]}")
    return [list(t) for t in terms]


def render(comment, header, table):
    lines = [f"# {l}" for l in comment.splitlines()] + ["\t".join(header)] + ["\t".join(r) for r in table]
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=GAZ)
    ap.add_argument("--check", action="store_true", help="compare with the files in --out instead of writing")
    args = ap.parse_args()
    warnings = []
    persons = merge_persons(warnings)
    offices = merge_offices({p[0] for p in persons}, warnings)
    for w in warnings:
        print(f"people.py: {w}", file=sys.stderr)
    outputs = {
        "persons.tsv": render("Generated by build/people.py from build/curated/people/*.persons.tsv. Do not edit:\n"
                              "edit the curated files and rerun. Columns: see README.md.", PERSONS_HEADER, persons),
        "offices.tsv": render("Generated by build/people.py from build/curated/people/*.offices.tsv. Do not edit:\n"
                              "edit the curated files and rerun. Columns: see README.md. An empty end: in office.",
                              OFFICES_HEADER, offices),
    }
    stale = []
    for name, text in outputs.items():
        path = args.out / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        sys.exit(f"people.py: {', '.join(stale)} out of date: run python3 gazetteers/build/people.py")
    print(f"people.py: {len(persons)} persons, {len(offices)} terms of office, {len(warnings)} warnings",
          file=sys.stderr)
    sys.exit(1 if warnings and args.check else 0)


if __name__ == "__main__":
    main()
