"""wirelink as a spaCy pipeline component.

>>> import spacy
>>> nlp = spacy.blank("fr")
>>> _ = nlp.add_pipe("wirelink", config={"date": "2021-02-22"})
>>> doc = nlp("Vladimir Poutine a reçu Alexandre Loukachenko à Sotchi.")
>>> [(e.text, e.label_, e.kb_id_) for e in doc.ents]
[('Vladimir Poutine', 'PERSON', 'vladimir-putin'), ('Alexandre Loukachenko', 'PERSON', 'alexander-lukashenko'), ('Sotchi', 'CITY', '491422')]
>>> doc._.relations[0]["type"]
'met_with'

The component reads ``doc.text`` with wirelink and sets:

* ``doc.ents``: one span per mention, labelled by the entity's kind (``PERSON``, ``COUNTRY``,
  ``CITY``, ``ORG``), with ``kb_id_`` the contract's entity id (``BLR``, ``491422``,
  ``vladimir-putin``). A mention that does not fall on token boundaries is widened to the
  tokens it touches; one that would then overlap an earlier one is left out (spaCy's
  entities never overlap). Entities set by an earlier component are replaced.
* ``doc._.relations``: the contract's relations (dicts, offsets into ``doc.text``).
* ``doc._.wirelink``: the whole document dict (entities with names and countries, mentions
  with their ``form``, relations).

The language is the pipeline's when it is fr, nl or en, detected otherwise; ``date`` in the
config, or ``doc._.dispatch_date`` set before the component runs, is the dispatch date.
``nlp.pipe`` extracts each batch on every core with the GIL released.
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, Iterator, List, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import Extractor

LABELS = {"person": "PERSON", "country": "COUNTRY", "city": "CITY", "organization": "ORG"}

for _name in ("relations", "wirelink", "dispatch_date"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class WirelinkComponent:
    """The pipeline component; ``nlp.add_pipe("wirelink")`` makes one."""

    def __init__(self, nlp: Language, name: str, date: Optional[str], threads: Optional[int]) -> None:
        self.name = name
        self.lang = nlp.lang if nlp.lang in ("fr", "nl", "en") else None
        self.date = date
        self.threads = threads
        self.extractor = Extractor()

    def __call__(self, doc: Doc) -> Doc:
        result = self.extractor.extract(doc.text, lang=self.lang, date=doc._.dispatch_date or self.date)
        return _annotate(doc, result)

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        batch: List[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(self, docs: List[Doc]) -> Iterator[Doc]:
        dates = [d._.dispatch_date or self.date for d in docs]
        results = self.extractor.extract_batch([d.text for d in docs], lang=self.lang, date=dates, threads=self.threads)
        for doc, result in zip(docs, results):
            yield _annotate(doc, result)


def _annotate(doc: Doc, result: Dict[str, Any]) -> Doc:
    kinds = {e["id"]: e["kind"] for e in result["entities"]}
    spans: List[Span] = []
    last_end = 0
    for m in result["mentions"]:
        span = doc.char_span(m["char_start"], m["char_end"], label=LABELS[kinds[m["entity"]]], kb_id=m["entity"], alignment_mode="expand")
        if span is None or span.start < last_end:
            continue
        spans.append(span)
        last_end = span.end
    doc.ents = spans
    doc._.relations = result["relations"]
    doc._.wirelink = result
    return doc


@Language.factory(
    "wirelink",
    default_config={"date": None, "threads": None},
    assigns=["doc.ents", "doc._.relations", "doc._.wirelink"],
)
def make_wirelink(nlp: Language, name: str, date: Optional[str], threads: Optional[int]) -> WirelinkComponent:
    """Makes the component: ``date`` is the dispatch date of documents without a dateline
    (YYYY, YYYY-MM or YYYY-MM-DD); ``threads`` the worker threads of ``nlp.pipe`` (default:
    every core)."""
    return WirelinkComponent(nlp, name, date, threads)
