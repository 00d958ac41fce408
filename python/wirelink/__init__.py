"""wirelink: leaders, countries, cities, organizations and their relations, from news dispatches.

>>> import wirelink
>>> ex = wirelink.Extractor()
>>> doc = ex.extract("Vladimir Poutine a reçu Alexandre Loukachenko à Sotchi.", date="2021-02-22")
>>> [m["entity"] for m in doc["mentions"]]
['vladimir-putin', 'alexander-lukashenko', '491422']
>>> doc["relations"][0]["type"]
'met_with'

Every result is a plain dict in the shape of the project's output contract (CONTRACT.md): the
same JSON ``wirelink extract`` prints. Offsets come twice: ``start``/``end`` are UTF-8 byte
offsets, ``char_start``/``char_end`` index the Python ``str``.

The extraction itself runs in Rust without holding the GIL. ``Extractor.extract_batch`` spreads
a list of texts over every core and returns the documents in input order. ``wirelink.spacy``
holds a spaCy pipeline component (``nlp.add_pipe("wirelink")``).
"""

from __future__ import annotations

import datetime as _dt
import json
import os
from typing import Any, Dict, Iterable, List, Optional, Sequence, Union

from ._wirelink import DataError
from ._wirelink import Extractor as _Native
from ._wirelink import __version__

__all__ = ["DataError", "Extractor", "__version__"]

Date = Union[str, _dt.date, None]
PathLike = Union[str, "os.PathLike[str]", None]


def _date(value: Date) -> Optional[str]:
    """A dispatch date as the extractor reads it: YYYY, YYYY-MM or YYYY-MM-DD."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, _dt.date):  # datetime.datetime too: its day is what counts
        return value.strftime("%Y-%m-%d")
    raise TypeError(f"date must be a str or a datetime.date, not {type(value).__name__}")


def _texts(texts: Iterable[str]) -> List[str]:
    if isinstance(texts, (str, bytes)):
        raise TypeError("extract_batch takes a list of texts; use extract for one text")
    return texts if isinstance(texts, list) else list(texts)


class Extractor:
    """Extracts entities, mentions and relations from dispatches in French, Dutch and English.

    ``languages``: the languages documents may be in (``["fr", "nl", "en"]``, the default);
    detection chooses among them. ``gazetteers``: a folder of gazetteer TSV files instead of
    the bundled ones; ``rules``: a folder of relation rules (``fr/``, ``nl/``, ``en/``).

    Building reads and checks all the data; a bad line raises :class:`DataError` whose message
    has one ``FILE:LINE: what is wrong`` line per problem. Build once and reuse: the extractor
    is immutable and safe to share between threads. It pickles as its arguments, so a copy
    sent to another process (a Spark executor, a multiprocessing worker) is built again there.
    """

    __slots__ = ("_native", "_args")

    def __init__(
        self,
        languages: Optional[Sequence[str]] = None,
        gazetteers: PathLike = None,
        rules: PathLike = None,
    ) -> None:
        if isinstance(languages, str):
            languages = [languages]
        self._args = (
            list(languages) if languages is not None else None,
            os.fspath(gazetteers) if gazetteers is not None else None,
            os.fspath(rules) if rules is not None else None,
        )
        self._native = _Native(*self._args)

    def extract(self, text: str, lang: Optional[str] = None, date: Date = None) -> Dict[str, Any]:
        """One document as a dict (CONTRACT.md).

        ``lang``: ``"fr"``, ``"nl"``, ``"en"``, or ``None``/``"auto"`` to detect it.
        ``date``: the dispatch date (``"2021-02"``, ``"2021-02-22"`` or a ``datetime.date``)
        when the text has no dateline; it decides who held an office ("le président russe").
        """
        return json.loads(self._native.extract_json(text, lang, _date(date)))

    def extract_json(self, text: str, lang: Optional[str] = None, date: Date = None) -> str:
        """Like :meth:`extract`, as the compact JSON text ``wirelink extract --jsonl`` prints."""
        return self._native.extract_json(text, lang, _date(date))

    def extract_batch(
        self,
        texts: Iterable[str],
        lang: Optional[str] = None,
        date: Union[Date, Sequence[Date]] = None,
        threads: Optional[int] = None,
    ) -> List[Dict[str, Any]]:
        """Many documents as dicts, in input order.

        The texts are extracted on ``threads`` threads (default: every core) with the GIL
        released. ``date`` is one date for every text, or a list with one date (or ``None``)
        per text.
        """
        return [json.loads(s) for s in self.extract_batch_json(texts, lang, date, threads)]

    def extract_batch_json(
        self,
        texts: Iterable[str],
        lang: Optional[str] = None,
        date: Union[Date, Sequence[Date]] = None,
        threads: Optional[int] = None,
    ) -> List[str]:
        """Like :meth:`extract_batch`, as compact JSON texts (one JSON Lines line each)."""
        texts = _texts(texts)
        if date is None or isinstance(date, (str, _dt.date)):
            return self._native.extract_batch_json(texts, lang, _date(date), None, threads)
        dates = [_date(d) for d in date]
        return self._native.extract_batch_json(texts, lang, None, dates, threads)

    def explain(self, text: str, lang: Optional[str] = None, date: Date = None) -> str:
        """For each relation found: the rule that fired (file and line), its trigger, the
        mentions its slots took, negation and modality. For writing and debugging rules."""
        return self._native.explain(text, lang, _date(date))

    @property
    def surface_count(self) -> int:
        """Number of distinct folded gazetteer surfaces in the automaton."""
        return self._native.surface_count

    def __reduce__(self):
        return (Extractor, self._args)

    def __repr__(self) -> str:
        languages, gazetteers, rules = self._args
        parts = [f"{k}={v!r}" for k, v in (("languages", languages), ("gazetteers", gazetteers), ("rules", rules)) if v is not None]
        return f"wirelink.Extractor({', '.join(parts)})"
