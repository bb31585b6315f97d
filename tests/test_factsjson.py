"""`kb facts` reads the facts JSON back from the graph with SPARQL; it must say exactly what the
extractor's own rendering (`kb.facts.to_schema_json`) says for the same facts, on the corpora
(read from ../shared/corpus, never copied), the examples and our own sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.pipeline import analyse, write_facts
from ingest.read import TableDocument, read_path
from kb.facts import to_schema_json
from kb.factsjson import facts_json
from kb.store import open_store
from tests.own_docs import write_docs

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
DOCS = sorted([*CORPUS.glob("seed/*.txt"), *CORPUS.glob("dev/*.txt"),
               *(REPO / "examples").glob("*.txt"), *(REPO / "examples").glob("*.html")])


def round_trip(path: Path) -> tuple[dict, dict]:
    (document,) = list(read_path(path))
    assert not isinstance(document, (TableDocument, Exception)), document
    facts = analyse(document)
    assert not isinstance(facts, str), facts
    want = to_schema_json(facts)
    store = open_store("memory:")
    result = write_facts(store, facts)
    assert result.error is None, result.error
    return want, facts_json(store, result.iri)


@pytest.mark.parametrize("path", DOCS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_sparql_json_equals_the_extractors_json(path):
    want, got = round_trip(path)
    for key in want:
        assert got[key] == want[key], key
    assert got.keys() == want.keys()


def test_sparql_json_on_our_own_sentences(tmp_path):
    for path in write_docs(tmp_path):
        want, got = round_trip(path)
        assert got == want
    want, got = round_trip(tmp_path / "md.txt")
    assert {"name": "Maryland Trust Act", "aliases": got["laws"][0]["aliases"],
            "type": "statute", "jurisdiction": "Maryland", "year": None} in got["laws"]
    warn = [e for e in got["events"] if e["type"] == "warn"]
    assert warn and warn[0]["agent"] == "Jeff Sessions" and warn[0]["target"] == "Maryland"


def test_the_corpora_are_there():
    assert len([p for p in DOCS if "seed" in p.parts]) == 1
    dev = [p for p in DOCS if "dev" in p.parts]
    assert len(dev) >= 20  # the corpus only grows
    assert all(p.with_suffix(".gold.json").exists() for p in dev)
