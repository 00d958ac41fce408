"""The spaCy component: doc.ents from the mentions, relations in doc._.relations."""

import pytest

spacy = pytest.importorskip("spacy")

import wirelink.spacy  # noqa: E402,F401  (registers the factory)

TEXT = "Vladimir Poutine a reçu Alexandre Loukachenko à Sotchi. Le Bélarus dépend de la Russie."


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("fr")
    nlp.add_pipe("wirelink", config={"date": "2021-02-22"})
    return nlp


def test_mentions_become_entities_with_their_ids(nlp):
    doc = nlp(TEXT)
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents] == [
        ("Vladimir Poutine", "PERSON", "vladimir-putin"),
        ("Alexandre Loukachenko", "PERSON", "alexander-lukashenko"),
        ("Sotchi", "CITY", "491422"),
        ("Bélarus", "COUNTRY", "BLR"),
        ("Russie", "COUNTRY", "RUS"),
    ]


def test_relations_are_on_the_doc(nlp):
    doc = nlp(TEXT)
    meeting = doc._.relations[0]
    assert meeting["type"] == "met_with"
    assert sorted(a["entity"] for a in meeting["args"]) == ["alexander-lukashenko", "vladimir-putin"]
    assert doc._.wirelink["lang"] == "fr"


def test_pipe_gives_what_one_call_gives(nlp):
    texts = [TEXT, "Mr. Biden met Xi Jinping in Bali.", "", "Poetin ontmoette Loekasjenko in Sotsji."] * 20
    piped = list(nlp.pipe(texts, batch_size=16))
    single = [nlp(t) for t in texts]
    assert [[(e.start_char, e.end_char, e.kb_id_) for e in d.ents] for d in piped] == [
        [(e.start_char, e.end_char, e.kb_id_) for e in d.ents] for d in single
    ]
    assert [d._.relations for d in piped] == [d._.relations for d in single]


def test_a_mention_inside_a_token_widens_and_never_overlaps():
    nlp = spacy.blank("en")
    nlp.add_pipe("wirelink")
    doc = nlp("The Kremlin-backed plan: Putin, Putin and Putin.")
    spans = [(e.start, e.end) for e in doc.ents]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_the_dispatch_date_can_ride_on_the_doc():
    nlp = spacy.blank("fr")
    nlp.add_pipe("wirelink")
    doc = nlp.make_doc("Le président français est arrivé à Berlin.")
    doc._.dispatch_date = "2016-05"
    doc = nlp.get_pipe("wirelink")(doc)
    assert [e.kb_id_ for e in doc.ents if e.label_ == "PERSON"] == ["francois-hollande"]
