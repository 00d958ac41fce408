"""wirelink over an archive on Apache Spark, two ways. One dispatch per line in, one JSON
document (CONTRACT.md) per line out, in input order.

1. With the Python package, in ``mapPartitions``: each executor's Python worker builds one
   ``wirelink.Extractor`` (about 0.3 s) the first time it needs one and keeps it for every
   partition it processes; a partition goes through ``extract_batch_json`` in blocks, on
   every core the worker may use, with the GIL released::

       from wirelink_spark import extract_partitions
       sc.addPyFile("python/spark/wirelink_spark.py")      # where the executors can read it
       docs = sc.textFile("hdfs:///archive/*.txt").mapPartitions(extract_partitions)
       docs.saveAsTextFile("hdfs:///archive-wirelink/")

   Executors need the package installed (``pip install ./python`` or the wheel).

2. With the command line, in ``RDD.pipe``: each partition's lines go through one
   ``wirelink extract --lines --jsonl -`` process. Executors need only the binary::

       from wirelink_spark import pipe_command
       docs = sc.textFile("hdfs:///archive/*.txt").pipe(pipe_command("/opt/wirelink/bin/wirelink"))

   The CLI sets ``"file": "<stdin>"`` and ``"line"`` (the line within the partition) on each
   document; ``strip_position`` drops both, to compare the two ways or join on the input.

Options of both: ``lang`` ("fr", "nl", "en"; default: detected per document) and ``date``
(for documents without a dateline).
"""

from __future__ import annotations

import json
import shlex
from typing import Iterable, Iterator, List, Optional

_EXTRACTOR = None

# Documents per extract_batch_json call: enough for every core, little to hold.
BLOCK = 1024


def _extractor():
    """The worker process's extractor, built once."""
    global _EXTRACTOR
    if _EXTRACTOR is None:
        import wirelink

        _EXTRACTOR = wirelink.Extractor()
    return _EXTRACTOR


def extract_partitions(lines: Iterable[str], lang: Optional[str] = None, date: Optional[str] = None) -> Iterator[str]:
    """``mapPartitions`` function: every line of a partition as one compact JSON document."""
    ex = _extractor()
    block: List[str] = []
    for line in lines:
        block.append(line)
        if len(block) >= BLOCK:
            yield from ex.extract_batch_json(block, lang=lang, date=date)
            block = []
    if block:
        yield from ex.extract_batch_json(block, lang=lang, date=date)


def pipe_command(binary: str = "wirelink", lang: Optional[str] = None, date: Optional[str] = None, threads: int = 1) -> str:
    """The command ``RDD.pipe`` runs for each partition, as the one string PySpark takes
    (it splits it with ``shlex``)."""
    cmd = [binary, "extract", "--lines", "--jsonl", "--threads", str(threads)]
    if lang:
        cmd += ["--lang", lang]
    if date:
        cmd += ["--date", date]
    return shlex.join(cmd + ["-"])


def strip_position(line: str) -> dict:
    """A JSON document without the CLI's ``file`` and ``line`` keys."""
    doc = json.loads(line)
    doc.pop("file", None)
    doc.pop("line", None)
    return doc
