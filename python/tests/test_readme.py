"""The Python examples of README.md and python/README.md run as written: every line of a
```python block is executed, and a line ``expression   # value`` must give that value."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BLOCK = re.compile(r"```python\n(.*?)```", re.S)


def examples(readme):
    """The ```python blocks of a README but the Spark one, which needs a Spark context and
    an archive (tests/test_spark.py runs that recipe)."""
    text = (ROOT / readme).read_text(encoding="utf-8")
    return [b for b in BLOCK.findall(text) if "spark" not in b.lower()]


def run(block):
    scope = {}
    checked = 0
    for line in block.splitlines():
        code, sep, comment = line.partition("   # ")
        if sep and code.strip() and not code.lstrip().startswith("#"):
            try:
                expected = ast.literal_eval(comment.strip())
            except (ValueError, SyntaxError):
                expected = None
            if expected is not None:
                assert eval(code, scope) == expected, line
                checked += 1
                continue
        exec(code if sep else line, scope)
    return checked


@pytest.mark.parametrize("readme", ["README.md", "python/README.md"])
def test_readme_examples_run_and_give_what_they_say(readme):
    blocks = examples(readme)
    assert blocks, f"{readme} has a Python example"
    assert sum(run(b) for b in blocks) >= 1, "at least one line states its result"
