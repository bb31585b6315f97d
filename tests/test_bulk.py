"""The bulk path: `kb ingest --nquads-out DIR` writes N-Quads files instead of a store, and
`kb load DIR` (or a server's own loader) turns them into the same store a direct ingest makes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kb.api import KnowledgeBase
from kb.store.nquads_dir import DEFAULT_FILE, nquads_files
from tests.conftest import REPO, oxigraph_binary
from tests.dumps import canonical_nquads, store_lines

KB_EXE = str(Path(sys.executable).with_name("kb"))
EXAMPLES = REPO / "examples"


def kb(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    return subprocess.run([KB_EXE, *args], capture_output=True, text=True, env=env, timeout=300,
                          cwd=REPO)


@pytest.fixture(scope="module")
def direct(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The canonical dump of a direct `kb ingest examples` into a disk store."""
    store = tmp_path_factory.mktemp("direct") / "store"
    r = kb("ingest", "examples", "--store", str(store))
    assert r.returncode == 0, r.stderr
    with KnowledgeBase.open(str(store)) as direct_kb:
        return store_lines(direct_kb)


@pytest.fixture(scope="module")
def bulk_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bulk") / "nq"
    r = kb("ingest", "examples", "--nquads-out", str(out))
    assert r.returncode == 0, r.stderr
    documents = re.search(r"ingested (\d+) document\(s\)", r.stderr)
    assert documents and int(documents.group(1)) >= 6, r.stderr
    (out / "documents.count").write_text(documents.group(1))
    return out


def test_ingest_nquads_out_writes_one_file_per_graph_and_the_shared_descriptions(bulk_dir):
    files = nquads_files(bulk_dir)
    assert files[-1].name == DEFAULT_FILE
    # each document and the ontology graph in its own file, plus the default graph
    assert len(files) == int((bulk_dir / "documents.count").read_text()) + 2
    for f in files[:-1]:
        graphs = {line.rsplit(" ", 2)[-2] for line in f.read_text().splitlines()}
        assert len(graphs) == 1, f
    assert all(line.count("> ") + line.count('" ') + line.count("_:") >= 3
               for line in (bulk_dir / DEFAULT_FILE).read_text().splitlines())
    assert not list(bulk_dir.glob("*.part"))


def test_kb_load_of_the_directory_equals_a_direct_ingest(bulk_dir, direct, tmp_path):
    store = tmp_path / "loaded"
    r = kb("load", str(bulk_dir), "--store", str(store))
    assert r.returncode == 0, r.stderr
    with KnowledgeBase.open(str(store)) as loaded:
        assert store_lines(loaded) == direct


def test_kb_load_of_the_directory_into_a_server_equals_a_direct_ingest(bulk_dir, direct,
                                                                         oxigraph_server):
    with KnowledgeBase.open(oxigraph_server) as server:
        server.update("DROP ALL")  # the server is shared by the session's tests
    r = kb("load", str(bulk_dir), "--store", oxigraph_server)
    assert r.returncode == 0, r.stderr
    with KnowledgeBase.open(oxigraph_server) as server:
        assert store_lines(server) == direct


def test_oxigraph_bulk_loader_reads_the_directory(bulk_dir, direct, tmp_path):
    location = tmp_path / "oxigraph"
    files = [str(f) for f in nquads_files(bulk_dir)]
    proc = subprocess.run([oxigraph_binary(), "load", "--location", str(location), "--file",
                           *files], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    dump = subprocess.run([oxigraph_binary(), "dump", "--location", str(location),
                           "--format", "nq"], capture_output=True, timeout=120)
    assert dump.returncode == 0, dump.stderr
    assert canonical_nquads(dump.stdout) == direct


def test_a_second_run_into_the_directory_acts_as_a_second_ingest_into_a_store(bulk_dir,
                                                                              tmp_path):
    """Re-ingesting a document into the same directory changes the files exactly as
    re-ingesting it into a store changes the store (runs last: it changes the directory)."""
    again = str(EXAMPLES / "california_values_act.txt")
    store = tmp_path / "store"
    assert kb("load", str(bulk_dir), "--store", str(store)).returncode == 0
    r = kb("ingest", again, "--store", str(store))
    assert r.returncode == 0, r.stderr
    r = kb("ingest", again, "--nquads-out", str(bulk_dir))
    assert r.returncode == 0, r.stderr
    reloaded = tmp_path / "reloaded"
    assert kb("load", str(bulk_dir), "--store", str(reloaded)).returncode == 0
    with KnowledgeBase.open(str(store)) as a, KnowledgeBase.open(str(reloaded)) as b:
        assert store_lines(a) == store_lines(b)
