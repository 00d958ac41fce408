#!/usr/bin/env python3
"""Fill in and check the offsets of a gold annotation (tests/dispatches/**/*.gold.json).

An annotator writes mentions as {"text": "Poutine", "nth": 1, "entity": "vladimir-putin",
"form": "partial"}: the text and which occurrence of it (0-based, default 0). This script
adds start/end (UTF-8 bytes) and char_start/char_end, checks every existing offset against
the .txt beside it, sorts the mentions, checks that they do not overlap, fills the
"entities" list from the gazetteers for every id it knows, and rewrites the file in place.

    python3 tests/tools/fill_gold.py tests/dispatches/fr/*.gold.json

Exit 1 with FILE: what is wrong on any problem. Standard library only.
"""
import csv, json, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def read_tsv(name):
    rows = []
    with open(ROOT / "gazetteers" / name, encoding="utf-8") as f:
        lines = [l for l in f if l.strip() and not l.startswith("#")]
    header = lines[0].rstrip("\n").split("\t")
    for l in lines[1:]:
        rows.append(dict(zip(header, l.rstrip("\n").split("\t"))))
    return rows


def gazetteer_entities():
    ents = {}
    for r in read_tsv("countries.tsv"):
        ents[r["id"]] = {"id": r["id"], "kind": "country", "name": r["name"]}
    for r in read_tsv("cities.tsv"):
        ents[r["id"]] = {"id": r["id"], "kind": "city", "name": r["name"], "country": r["country"]}
    for r in read_tsv("persons.tsv"):
        ents[r["id"]] = {"id": r["id"], "kind": "person", "name": r["name"], "country": r["country"]}
    for r in read_tsv("organizations.tsv"):
        ents[r["id"]] = {"id": r["id"], "kind": "organization", "name": r["name"]}
    return ents


def fail(path, msg):
    print(f"{path}: {msg}", file=sys.stderr)
    sys.exit(1)


def fill(path, known):
    gold = json.loads(path.read_text(encoding="utf-8"))
    txt_path = path.with_name(path.name.replace(".gold.json", ".txt"))
    text = txt_path.read_text(encoding="utf-8")
    raw = text.encode("utf-8")
    out = []
    for m in gold.get("mentions", []):
        t = m["text"]
        if "char_start" in m:
            cs, ce = m["char_start"], m["char_end"]
            if text[cs:ce] != t:
                fail(path, f"mention {t!r} at chars {cs}..{ce} reads {text[cs:ce]!r}")
        else:
            nth = m.pop("nth", 0)
            pos = -1
            for _ in range(nth + 1):
                pos = text.find(t, pos + 1)
                if pos < 0:
                    fail(path, f"mention {t!r} occurrence {nth} not in {txt_path.name}")
            cs, ce = pos, pos + len(t)
        m["char_start"], m["char_end"] = cs, ce
        m["start"] = len(text[:cs].encode("utf-8"))
        m["end"] = m["start"] + len(t.encode("utf-8"))
        assert raw[m["start"]:m["end"]].decode("utf-8") == t
        keys = ["start", "end", "char_start", "char_end", "text", "entity", "form"]
        out.append({k: m[k] for k in keys} | {k: v for k, v in m.items() if k not in keys})
    out.sort(key=lambda m: (m["start"], m["end"]))
    for a, b in zip(out, out[1:]):
        if b["start"] < a["end"]:
            fail(path, f"mentions {a['text']!r} and {b['text']!r} overlap")
    gold["mentions"] = out
    ents = {e["id"]: e for e in gold.get("entities", [])}
    for m in out:
        eid = m["entity"]
        if eid not in ents:
            if eid not in known:
                fail(path, f"entity {eid!r} is not in the gazetteers: add it to \"entities\" by hand")
            ents[eid] = dict(known[eid])
    gold["entities"] = list(ents.values())
    ordered = {"file": txt_path.name}
    ordered |= {k: gold[k] for k in ("lang", "date", "entities", "mentions", "relations", "must_not", "note") if k in gold}
    path.write_text(json.dumps(ordered, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main():
    known = gazetteer_entities()
    for p in sys.argv[1:]:
        fill(Path(p), known)


if __name__ == "__main__":
    main()
