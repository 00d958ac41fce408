#!/usr/bin/env bash
# The HTML view in headless Chromium (tests/html/view_test.py): renders the seed dispatch
# (../shared/seed, when it is beside the repo) and examples/sochi_2020.fr.txt with
# `wirelink extract --format html`, checks the highlights, the relation rows and hovering in
# the DOM, that nothing is logged as an error, and takes a PNG screenshot of each page.
#
# Installs what it needs when it is missing: Debian's chromium (as root, through apt-get), and
# the pinned DevTools client of tests/html/requirements.txt in target/html-venv.
#
#   .ci/html.sh                 pages and screenshots in target/html/
#   .ci/html.sh --update-docs   also copies the seed's screenshot to docs/html-view-seed.png
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

update_docs=false
case "${1:-}" in
    --update-docs) update_docs=true ;;
    "") ;;
    *) echo "usage: .ci/html.sh [--update-docs]" >&2; exit 2 ;;
esac

chromium=${CHROMIUM:-/usr/bin/chromium}
start=$SECONDS
if [ ! -x "$chromium" ]; then
    echo "html: installing chromium (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # fonts-dejavu-core: the page's serif and sans-serif faces, whatever the image ships.
    apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
    echo "html: chromium installed in $((SECONDS - start)) s"
fi
"$chromium" --version 2>/dev/null

venv=target/html-venv
if ! "$venv/bin/python" -c 'import websockets' 2>/dev/null; then
    step=$SECONDS
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r tests/html/requirements.txt
    echo "html: $venv ready in $((SECONDS - step)) s"
fi

cargo build --quiet --bin wirelink

inputs=()
seed=../shared/seed/000_522fc3ec6819734c.txt
if [ -f "$seed" ]; then
    inputs+=("$seed")
fi
inputs+=(examples/sochi_2020.fr.txt)

"$venv/bin/python" tests/html/view_test.py --wirelink target/debug/wirelink --chromium "$chromium" \
    --out target/html "${inputs[@]}"

if $update_docs; then
    if [ ! -f "$seed" ]; then
        echo "html: --update-docs needs the seed dispatch ($seed)" >&2
        exit 1
    fi
    cp target/html/000_522fc3ec6819734c.png docs/html-view-seed.png
    echo "html: docs/html-view-seed.png updated"
fi
echo "html: done in $((SECONDS - start)) s"
