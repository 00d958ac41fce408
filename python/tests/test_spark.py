"""The Spark recipe (python/spark/wirelink_spark.py) on a local Spark, local[2]: both ways
give, document for document, what ``wirelink extract --lines --jsonl`` gives on one machine.

Needs pyspark, Java and the command-line binary; skipped without them, unless
WIRELINK_NO_SKIP=1 (as in CI, .ci/python.sh), where a missing one fails the test. WIRELINK_BIN
names the binary (default: target/release/wirelink, then target/debug/wirelink, of the
repository).
"""

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def unavailable(reason):
    """Skip for want of a tool, or fail where CI said every tool is there."""
    if os.environ.get("WIRELINK_NO_SKIP") == "1":
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason, allow_module_level=True)


try:
    import pyspark  # noqa: F401
except ImportError:
    unavailable("no pyspark")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    unavailable("no Java for Spark")

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "python" / "spark"))
import wirelink_spark  # noqa: E402

# Real people and places; the sentences are templates written for this test.
LEADERS = {
    "fr": ["Emmanuel Macron", "Vladimir Poutine", "Olaf Scholz", "Joe Biden", "Alexandre Loukachenko", "Xi Jinping"],
    "en": ["Emmanuel Macron", "Vladimir Putin", "Olaf Scholz", "Joe Biden", "Alexander Lukashenko", "Xi Jinping"],
    "nl": ["Emmanuel Macron", "Vladimir Poetin", "Olaf Scholz", "Joe Biden", "Aleksandr Loekasjenko", "Xi Jinping"],
}
PLACES = {
    "fr": ["Paris", "Moscou", "Berlin", "Pékin", "Minsk", "Bruxelles"],
    "en": ["Paris", "Moscow", "Berlin", "Beijing", "Minsk", "Brussels"],
    "nl": ["Parijs", "Moskou", "Berlijn", "Peking", "Minsk", "Brussel"],
}
TEMPLATES = {
    "fr": ["{a} a rencontré {b} à {p} le {d} mars.", "{a} s'est rendu à {p}, où il a été reçu par {b}.",
           "Selon {a}, la Russie lui fournit du pétrole. {b} ne reconnaît pas le résultat."],
    "en": ["{a} met {b} in {p} on March {d}.", "{a} travelled to {p} to hold talks with {b}.",
           "{a} accused {b} of lying. The two leaders did not meet in {p}."],
    "nl": ["{a} ontmoette {b} in {p} op {d} maart.", "{a} sprak in {p} met {b}.",
           "Volgens {a} heeft {b} de verkiezingen niet erkend."],
}


def dispatches(n):
    rng = random.Random(20261206)
    out = []
    for i in range(n):
        lang = ("fr", "en", "nl")[i % 3]
        a, b = rng.sample(LEADERS[lang], 2)
        out.append(" ".join(rng.choice(TEMPLATES[lang]).format(a=a, b=b, p=rng.choice(PLACES[lang]), d=1 + i % 28)
                            for _ in range(1 + i % 4)))
    return out


def binary():
    named = os.environ.get("WIRELINK_BIN")
    for p in [named] if named else [ROOT / "target/release/wirelink", ROOT / "target/debug/wirelink"]:
        if p and Path(p).is_file():
            return str(p)
    unavailable("no wirelink binary: cargo build --release first, or set WIRELINK_BIN")


@pytest.fixture(scope="module")
def sc():
    from pyspark import SparkConf, SparkContext

    # The workers run this interpreter, the one that has the package installed; Spark's
    # default is "python3" on the PATH.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    conf = SparkConf().setMaster("local[2]").setAppName("wirelink-test").set("spark.ui.enabled", "false")
    context = SparkContext.getOrCreate(conf)
    context.setLogLevel("ERROR")
    context.addPyFile(str(ROOT / "python" / "spark" / "wirelink_spark.py"))
    yield context
    context.stop()


def test_both_spark_recipes_give_the_single_machine_output(sc, tmp_path):
    texts = dispatches(3000)
    path = tmp_path / "archive.txt"
    path.write_text("\n".join(texts) + "\n", encoding="utf-8")
    cli = subprocess.run([binary(), "extract", "--lines", "--jsonl", str(path)], capture_output=True, check=True)
    expected = [wirelink_spark.strip_position(l) for l in cli.stdout.decode("utf-8").splitlines()]
    assert len(expected) == len(texts)
    assert sum(len(d["relations"]) for d in expected) > len(texts), "the dispatches hold relations"

    rdd = sc.textFile(str(path), minPartitions=4)
    assert rdd.getNumPartitions() >= 2
    by_package = rdd.mapPartitions(wirelink_spark.extract_partitions).collect()
    assert [json.loads(l) for l in by_package] == expected

    by_pipe = rdd.pipe(wirelink_spark.pipe_command(binary())).collect()
    assert [wirelink_spark.strip_position(l) for l in by_pipe] == expected
