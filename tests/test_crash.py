"""Crash safety (issue 12, item 4): `kill -9` of a real `kb ingest` at random points, again and
again on one real on-disk store, always leaves a store that opens, holds only whole documents
and passes `kb validate`; a rerun then completes it.

"Whole documents" is held against a clean ingest of the same files: every document graph the
crashed store has carries the same number of nodes of each class (facts, mentions, posts) as
the clean one has for that document, so no transaction was half written.
"""

from __future__ import annotations

import contextlib
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from kb.api import KnowledgeBase
from kb.store import open_store
from tests.test_serve import children, gone

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
KB_EXE = str(Path(sys.executable).with_name("kb"))
KILLS = 10


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seed, examples and the first eight dev articles."""
    out = tmp_path_factory.mktemp("docs")
    for src in [*sorted((CORPUS / "dev").glob("*.txt"))[:8], CORPUS / "seed"]:
        for f in [src, src.with_suffix(".json")] if src.is_file() else sorted(src.iterdir()):
            if f.is_file() and not f.name.endswith(".gold.json"):
                shutil.copy(f, out / f.name)
    shutil.copytree(ROOT / "examples", out / "examples")
    return out


def ingest(store: Path, docs: Path, *options: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([KB_EXE, "ingest", str(docs), "--store", str(store), *options],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def clean(docs: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float]:
    """A store ingested without interruption, and how long that took."""
    store = tmp_path_factory.mktemp("clean") / "store"
    started = time.monotonic()
    assert ingest(store, docs).wait(timeout=900) == 0
    return store, time.monotonic() - started


def shapes_of_documents(path: Path) -> dict[str, Counter[str]]:
    """Document graph -> how many nodes of each class it holds."""
    store = open_store(str(path))
    try:
        rows = store.query("SELECT ?g ?c (COUNT(?n) AS ?k) WHERE { GRAPH ?g { ?n a ?c } "
                           "FILTER (STRSTARTS(STR(?g), 'https://w3id.org/civic-kb/id/document/')) }"
                           " GROUP BY ?g ?c").rows
    finally:
        store.close()
    out: dict[str, Counter[str]] = {}
    for g, c, k in rows:
        out.setdefault(g.value, Counter())[c.value] = int(k.value)
    return out


def nquads(path: Path) -> list[str]:
    """The store's sorted N-Quads (no blank nodes: the ontology's are skolemised)."""
    r = subprocess.run([KB_EXE, "dump", "--format", "nquads", "--store", str(path)],
                       capture_output=True, text=True, check=True)
    return sorted(r.stdout.splitlines())


def wal_bytes(store: Path) -> int:
    """The size of RocksDB's write-ahead logs: it grows with every committed transaction."""
    total = 0
    for f in (store / "oxigraph").glob("*.log"):
        with contextlib.suppress(FileNotFoundError):  # rotated away meanwhile
            total += f.stat().st_size
    return total


def kill_at_random_point(store: Path, docs: Path, rng: random.Random,
                         duration: float, writing: bool) -> bool:
    """Start `kb ingest` and kill -9 it: at any moment of the run, or (``writing``) a random
    moment into its writes, found by the write-ahead log growing (documents are parsed first
    and written in one store session: a kill at a uniformly random moment rarely lands
    there). False if the run ended first. Two jobs, so that there are parse workers: they
    must die with it."""
    proc = ingest(store, docs, "--jobs", "2")
    if writing:
        low = wal_bytes(store)
        while proc.poll() is None and (size := wal_bytes(store)) <= low:
            low = min(low, size)
            time.sleep(0.005)
        time.sleep(rng.uniform(0.0, 0.4))
    else:
        time.sleep(rng.uniform(1.0, duration))
    workers = children(proc.pid) if proc.poll() is None else []
    if proc.poll() is not None:
        return False
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert all(gone(w) for w in workers), "a parse worker outlived kb ingest"
    return True


def test_kill_9_at_random_points_leaves_whole_documents(docs: Path, clean: tuple[Path, float],
                                                        tmp_path: Path) -> None:
    reference = shapes_of_documents(clean[0])
    store = tmp_path / "store"
    rng = random.Random(12)
    kills, whole = 0, []
    for attempt in range(3 * KILLS):
        if kills == KILLS:
            break
        kills += kill_at_random_point(store, docs, rng, clean[1], writing=attempt % 3 != 0)
        if not (store / "oxigraph").exists():
            continue
        found = shapes_of_documents(store)  # the store opens
        whole.append(len(found))
        for graph, counts in found.items():
            assert counts == reference[graph], f"{graph} is not whole after kill -9"
        report = KnowledgeBase.open(str(store)).validate()
        assert report.conforms, report.text
    print(f"documents in the store after each of {kills} kills: {whole} of {len(reference)}")
    assert kills == KILLS
    assert max(whole) > 0, f"no kill landed after a document was written: {whole}"
    assert ingest(store, docs).wait(timeout=900) == 0  # a rerun completes it
    assert shapes_of_documents(store) == reference


def test_rerun_after_kills_reaches_the_clean_store(docs: Path, clean: tuple[Path, float],
                                                   tmp_path: Path) -> None:
    """Killed three times during its writes, then run to the end: the same quads as a clean
    run, quad for quad."""
    store = tmp_path / "store"
    rng = random.Random(7)
    written = []
    for _ in range(3):
        if kill_at_random_point(store, docs, rng, clean[1], writing=True):
            written.append(len(shapes_of_documents(store)))
    print(f"documents in the store after each kill: {written}")
    assert written, "every run ended before its kill"
    assert ingest(store, docs).wait(timeout=900) == 0
    assert nquads(store) == nquads(clean[0])
