#!/usr/bin/env bash
# Fills fuzz/corpus/{extract,gazetteer,rules}/ with seeds from the project's own data: the
# dispatches, the head of every gazetteer file, every rule file. The corpus is not
# committed (the fuzzer grows it); running this again only adds the seeds back.
#
# A gazetteer seed is one byte choosing the file (its index in the load order; high bit:
# appended to the file instead of replacing it) followed by the text. A rules seed is one
# byte choosing the file (index among the rule files, fr/ then nl/ then en/, sorted by
# name) followed by the TOML.
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C
corpus=fuzz/corpus

mkdir -p "$corpus/extract" "$corpus/gazetteer" "$corpus/rules"

for f in tests/dispatches/*/*.txt tests/pending/*/*.txt examples/*.txt; do
    [ -f "$f" ] || continue
    cp "$f" "$corpus/extract/$(basename "$(dirname "$f")")_$(basename "$f")"
done

i=0
for name in countries cities persons organizations offices roles surfaces common_words; do
    f="gazetteers/$name.tsv"
    if [ -f "$f" ]; then
        { printf "\\$(printf '%03o' "$i")"; awk '/^#/ {next} {print; if (++n == 30) exit}' "$f"; } > "$corpus/gazetteer/replace_$name"
        { printf "\\$(printf '%03o' $((i + 128)))"; awk '/^#/ {next} ++n > 1 {print} n == 8 {exit}' "$f"; } > "$corpus/gazetteer/append_$name"
    fi
    i=$((i + 1))
done

i=0
for lang in fr nl en; do
    for f in src/relation/rules/$lang/*.toml; do
        { printf "\\$(printf '%03o' "$i")"; cat "$f"; } > "$corpus/rules/${lang}_$(basename "$f" .toml)"
        i=$((i + 1))
    done
done

echo "seeds: $(ls "$corpus/extract" | wc -l) extract, $(ls "$corpus/gazetteer" | wc -l) gazetteer, $(ls "$corpus/rules" | wc -l) rules"
