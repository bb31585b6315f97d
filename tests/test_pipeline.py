"""The pipeline's cost contract (issue 3, item 9): one parse per document and the model loaded
at most once per process, with one worker and with a pool of two.

Parses and loads are counted by wrapping spaCy's own entry points in this process before the
pool forks, each process appending to one log, so nothing in ingest is changed for the count.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from ingest.pipeline import ingest
from kb.store import open_store

REPO = Path(__file__).resolve().parents[1]
ARTICLES = sorted(p for p in (REPO / "examples").iterdir() if p.suffix in (".txt", ".html"))


@pytest.fixture
def counted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Log one line per parsed text and per model load, with the process id."""
    import spacy
    from spacy.language import Language

    from ingest.nlp import load_nlp

    log = tmp_path / "calls.log"

    def note(kind: str, n: int = 1) -> None:
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"{kind} {os.getpid()} {n}\n")

    pipe, call, load = Language.pipe, Language.__call__, spacy.load

    def counted_pipe(self, texts, *args, **kwargs):
        texts = list(texts)
        note("parse", len(texts))
        yield from pipe(self, texts, *args, **kwargs)

    def counted_call(self, text, *args, **kwargs):
        note("parse")
        return call(self, text, *args, **kwargs)

    def counted_load(*args, **kwargs):
        nlp = load(*args, **kwargs)  # a model name that is not installed is no load
        note("load")
        return nlp

    monkeypatch.setattr(Language, "pipe", counted_pipe)
    monkeypatch.setattr(Language, "__call__", counted_call)
    monkeypatch.setattr(spacy, "load", counted_load)
    load_nlp.cache_clear()  # this process loads again, through the counter
    yield log
    load_nlp.cache_clear()  # later tests get a model without the counters


def tally(log: Path) -> tuple[int, Counter[int]]:
    parses, loads = 0, Counter()
    for line in log.read_text(encoding="utf-8").splitlines():
        kind, pid, n = line.split()
        if kind == "parse":
            parses += int(n)
        else:
            loads[int(pid)] += 1
    return parses, loads


@pytest.mark.parametrize("jobs", [1, 2])
def test_one_parse_per_document_and_one_model_load_per_process(counted: Path, jobs: int):
    assert len(ARTICLES) >= 4
    report = ingest(open_store("memory:"), ARTICLES, jobs=jobs)
    assert not report.failures
    assert report.documents == len(ARTICLES)
    parses, loads = tally(counted)
    assert parses == len(ARTICLES)
    assert loads and all(n == 1 for n in loads.values())
    if jobs == 2:
        # the pool did the parsing, not this process (which never needs the model)
        assert os.getpid() not in loads and len(loads) <= 2
    else:
        assert set(loads) == {os.getpid()}
