"""The Python package: the contract's dicts, offsets that index the str, batches in input
order on several threads with the GIL released, pickling, and clear errors."""

import pickle
import threading
import time

import pytest

import wirelink

# Written for these tests: the Biden-Putin summit in Geneva, 16 June 2021.
GENEVA = (
    "GENÈVE, 16 juin 2021 (AFP) - Joe Biden et Vladimir Poutine se sont rencontrés mercredi à Genève, "
    "lors de leur premier sommet depuis l'élection du président américain. Le président russe "
    "a jugé la rencontre « constructive »."
)


@pytest.fixture(scope="module")
def ex():
    return wirelink.Extractor()


def test_a_document_is_the_contract_dict(ex):
    doc = ex.extract(GENEVA)
    assert doc["lang"] == "fr"
    assert doc["date"] == "2021-06-16"
    assert set(doc) >= {"lang", "entities", "mentions", "relations"}
    ids = {e["id"] for e in doc["entities"]}
    assert {"joe-biden", "vladimir-putin", "2660646"} <= ids
    meetings = [r for r in doc["relations"] if r["type"] == "met_with"]
    assert [sorted(a["entity"] for a in r["args"] if a["role"] == "participant") for r in meetings][:1] == [
        ["joe-biden", "vladimir-putin"]
    ]
    assert meetings[0]["negated"] is False and meetings[0]["modality"] == "asserted"


def test_char_offsets_index_the_str_and_byte_offsets_the_utf8(ex):
    doc = ex.extract(GENEVA)
    data = GENEVA.encode("utf-8")
    assert doc["mentions"]
    for m in doc["mentions"]:
        assert GENEVA[m["char_start"] : m["char_end"]] == m["text"]
        assert data[m["start"] : m["end"]].decode("utf-8") == m["text"]


def test_role_resolves_by_the_date_given(ex):
    early = ex.extract("Le président français est arrivé à Berlin.", lang="fr", date="2016-05")
    late = ex.extract("Le président français est arrivé à Berlin.", lang="fr", date="2018-05")
    who = lambda d: [m["entity"] for m in d["mentions"] if m["form"] == "role"]
    assert who(early) == ["francois-hollande"]
    assert who(late) == ["emmanuel-macron"]


def test_json_is_what_the_command_line_prints(ex):
    import json

    assert json.loads(ex.extract_json(GENEVA)) == ex.extract(GENEVA)


def test_a_batch_is_the_documents_one_by_one_in_input_order(ex):
    names = ["Joe Biden", "Vladimir Poutine", "Emmanuel Macron", "Olaf Scholz", "Xi Jinping"]
    texts = [f"{names[i % 5]} est arrivé à Genève le {1 + i % 28} juin. Numéro {i}." for i in range(300)]
    one_by_one = [ex.extract(t, lang="fr", date="2021-06") for t in texts]
    assert ex.extract_batch(texts, lang="fr", date="2021-06", threads=3) == one_by_one
    assert ex.extract_batch(iter(texts), lang="fr", date="2021-06", threads=1) == one_by_one
    dates = ["2016-05" if i % 2 else "2018-05" for i in range(len(texts))]
    assert ex.extract_batch(texts, lang="fr", date=dates) == [ex.extract(t, lang="fr", date=d) for t, d in zip(texts, dates)]


def test_a_batch_runs_without_the_gil(ex):
    texts = [GENEVA] * 20000
    started, done = threading.Event(), threading.Event()
    elapsed = []

    def work():
        started.set()
        t0 = time.perf_counter()
        ex.extract_batch_json(texts, threads=1)
        elapsed.append(time.perf_counter() - t0)
        done.set()

    worker = threading.Thread(target=work)
    worker.start()
    started.wait()
    last, longest = time.perf_counter(), 0.0
    while not done.is_set():
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
    worker.join()
    # Holding the GIL, the native call would stop this loop for its whole length.
    assert elapsed[0] > 0.2, "the batch is long enough to tell"
    assert longest < elapsed[0] / 4, f"the main thread stalled {longest:.3f} s of {elapsed[0]:.3f} s"


def test_an_extractor_pickles_as_its_arguments(ex):
    copy = pickle.loads(pickle.dumps(ex))
    assert copy.extract(GENEVA) == ex.extract(GENEVA)
    assert repr(wirelink.Extractor(languages=["fr"])) == "wirelink.Extractor(languages=['fr'])"


def test_bad_input_is_a_python_error_not_a_crash(ex):
    with pytest.raises(TypeError):
        ex.extract(123)
    with pytest.raises(TypeError):
        ex.extract_batch("one text, not a list")
    with pytest.raises(ValueError):
        ex.extract("Poutine", lang="de")
    with pytest.raises(ValueError):
        ex.extract("Poutine", date="16 juin")
    assert ex.extract("")["mentions"] == []
    assert ex.extract("\x00\u202e\u0301" * 1000)["relations"] == []


def test_a_bad_gazetteer_line_is_a_data_error_with_file_and_line(tmp_path):
    import shutil
    from pathlib import Path

    gazetteers = Path(__file__).resolve().parents[2] / "gazetteers"
    for f in gazetteers.glob("*.tsv"):
        shutil.copy(f, tmp_path / f.name)
    with open(tmp_path / "organizations.tsv", "a", encoding="utf-8") as f:
        f.write("no-tabs-here\n")
    with pytest.raises(wirelink.DataError) as err:
        wirelink.Extractor(gazetteers=tmp_path)
    assert any("organizations.tsv:" in line for line in err.value.errors), err.value.errors
