#!/usr/bin/env bash
# The Python package: a venv in target/py-venv with the pinned tools of
# python/requirements-dev.txt, `pip install ./python` (maturin builds the extension), then
# pytest over python/tests (the package, the spaCy component, the Spark recipe on local[2])
# and the docstring examples. Spark needs Java 17+: Debian's default-jre-headless is
# installed (as root, through apt-get) when there is no java. No test may skip here.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v java >/dev/null && [ -z "${JAVA_HOME:-}" ]; then
    echo "python: installing Java for Spark (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null
fi
# The command-line binary the Spark test compares with (built by `cargo test` already).
cargo build --quiet --bin wirelink
export WIRELINK_BIN=$PWD/target/debug/wirelink WIRELINK_NO_SKIP=1
venv=target/py-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r python/requirements-dev.txt
"$venv/bin/pip" install --quiet --disable-pip-version-check ./python
"$venv/bin/pytest" -q python/tests
(cd /tmp && "$OLDPWD/$venv/bin/pytest" -q --doctest-modules --pyargs wirelink)
