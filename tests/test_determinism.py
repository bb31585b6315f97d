"""The store is a function of the set of documents ingested (issue 12, item 1): the order,
the batching, one command per document, two workers, a `kill -9` followed by a rerun, and
`kb forget` followed by a re-ingest all give byte-identical sorted N-Quads, and `kb forget`
gives the store the other documents give alone.

The documents are generated articles (``bench/gen_articles.py``: real corpus paragraphs with
names and places substituted) picked because they collide: two people named "de Blasio", one
office name in two states, one programme under two names. Before resolution stopped matching
names against the store, reversing these four gave 52 different quads.
"""

from __future__ import annotations

import importlib.util
import io
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from kb.api import KnowledgeBase
from tests.test_crash import KB_EXE, kill_at_random_point

ROOT = Path(__file__).resolve().parents[1]
COLLIDING = ("a00002", "a00003", "a00010", "a00012")
"""Generated articles (40 articles, seed 11) whose entities share names and surnames."""


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    script = ROOT / "bench" / "gen_articles.py"
    spec = importlib.util.spec_from_file_location("gen_articles", script)
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    made = gen.generate(40, seed=11, out=tmp_path_factory.mktemp("generated") / "articles")
    out = tmp_path_factory.mktemp("docs")
    for name in COLLIDING:
        shutil.copy(made / f"{name}.txt", out / f"{name}.txt")
    shutil.copy(ROOT / "examples" / "chicago_sues_justice_department.txt", out / "chicago.txt")
    return sorted(out.glob("*.txt"))


def dump(kb: KnowledgeBase) -> list[str]:
    out = io.BytesIO()
    kb.dump(out, format="nquads")
    return sorted(line for line in out.getvalue().decode().splitlines() if line.strip())


def ingested(*batches: list[Path]) -> list[str]:
    with KnowledgeBase.open("memory:") as kb:
        for batch in batches:
            report = kb.ingest(batch)
            assert not report.failures, report.failures
        return dump(kb)


@pytest.fixture(scope="module")
def forward(docs: list[Path]) -> list[str]:
    return ingested(docs)


def test_order_and_batching_do_not_change_the_store(docs: list[Path], forward: list[str]) -> None:
    assert not any("_:" in line for line in forward), "blank nodes get fresh labels per store"
    assert ingested(docs[::-1]) == forward
    shuffled = random.Random(5).sample(docs, len(docs))
    assert ingested(shuffled) == forward
    assert ingested(*([d] for d in docs[::-1])) == forward  # one call per document
    assert ingested(docs[:2], docs[2:][::-1]) == forward


def test_two_workers_and_a_killed_run_give_the_same_store(docs: list[Path], forward: list[str],
                                                          tmp_path: Path) -> None:
    folder = docs[0].parent
    store = tmp_path / "jobs"
    assert subprocess.run([KB_EXE, "ingest", str(folder), "--jobs", "2", "--store", str(store)],
                          capture_output=True, timeout=900).returncode == 0
    assert stored(store) == forward
    killed = tmp_path / "killed"
    rng = random.Random(3)
    kill_at_random_point(killed, folder, rng, 5.0, writing=True)
    assert subprocess.run([KB_EXE, "ingest", str(folder), "--store", str(killed)],
                          capture_output=True, timeout=900).returncode == 0
    assert stored(killed) == forward


def stored(path: Path) -> list[str]:
    r = subprocess.run([KB_EXE, "dump", "--format", "nquads", "--store", str(path)],
                       capture_output=True, text=True, check=True)
    return sorted(line for line in r.stdout.splitlines() if line.strip())


def test_forget_leaves_the_store_of_the_other_documents(docs: list[Path],
                                                         forward: list[str]) -> None:
    """`kb forget X` gives the store the other documents give alone (a name or a relation only
    X gave goes, a name X's took the place of comes back), and re-ingesting X returns to the
    store of them all."""
    with KnowledgeBase.open("memory:") as kb:
        kb.ingest(docs)
        for doc in docs:
            kb.forget(str(doc))
            assert dump(kb) == ingested([d for d in docs if d != doc]), f"forgetting {doc.name}"
            kb.ingest([doc])
            assert dump(kb) == forward, f"forgetting and re-ingesting {doc.name}"
