"""Virtuoso Open Source as a store, next to Oxigraph server: ingest, per-document replace,
forget, `kb query`, `kb ask`, `kb path`, `kb export`, `kb load` of a bulk directory, Virtuoso's
own bulk loader, and the W3C SPARQL 1.1 suites, all through one real `virtuoso-t` started
here on loopback ports with its own virtuoso.ini in a temporary directory.

Virtuoso keeps numbers as SQL values (an integral xsd:decimal reads back as xsd:integer), so
dumps are compared with integers and decimals by value; everything else is compared as is.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kb.api import KnowledgeBase
from tests.conftest import REPO, free_port, wait_for_http
from tests.dumps import store_lines

KB_EXE = str(Path(sys.executable).with_name("kb"))
EXAMPLES = REPO / "examples"
VIRTUOSO_FLOOR = 144  # Virtuoso 7.2.5 (Debian 12) through kb's remote store, measured
INI = """\
[Database]
DatabaseFile = {root}/virtuoso.db
ErrorLogFile = {root}/virtuoso.log
LockFile = {root}/virtuoso.lck
TransactionFile = {root}/virtuoso.trx
xa_persistent_file = {root}/virtuoso.pxa
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {root}/virtuoso-temp.db
TransactionFile = {root}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
MaxClientConnections = 8
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., {root}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 2
MaxQueryMem = 200M
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {root}
MaxClientConnections = 4
ServerThreads = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
MaxQueryCostEstimationTime = 400
"""


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise RuntimeError(f"{name} not found: install the Debian package virtuoso-opensource "
                           "(.ci/run does)")
    return found


class Virtuoso:
    """A running server: its SPARQL URL and an isql client for its SQL port."""

    def __init__(self, url: str, sql_port: int, root: Path) -> None:
        self.url, self.sql_port, self.root = url, sql_port, root

    def isql(self, statements: str) -> str:
        proc = subprocess.run([_tool("isql-vt"), f"127.0.0.1:{self.sql_port}", "dba", "dba",
                               f"exec={statements}"], capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0 and "*** Error" not in proc.stdout, proc.stdout + proc.stderr
        return proc.stdout

    def empty(self) -> None:
        """Drop every kb graph (not Virtuoso's own system graphs)."""
        with KnowledgeBase.open(self.url) as kb:
            store = kb.store
            store.replace_graphs({}, drop=[*store.graphs(), store.dialect.default_graph])
            assert store.count() == 0


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    """One server for the module (a few seconds to start); SPARQL updates granted to the
    anonymous endpoint user, as a private test server may."""
    root = tmp_path_factory.mktemp("virtuoso")
    sql, http = free_port(), free_port()
    ini = root / "virtuoso.ini"
    ini.write_text(INI.format(root=root, sql=sql, http=http))
    proc = subprocess.Popen([_tool("virtuoso-t"), "+foreground", "+configfile", str(ini)],
                            cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_http(f"http://127.0.0.1:{http}/sparql?query=ASK%7B%7D", timeout=60)
        server = Virtuoso(f"http://127.0.0.1:{http}/sparql", sql, root)
        server.isql('GRANT SPARQL_UPDATE TO "SPARQL";')
        yield server
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def kb(*args: str, ok: bool = True) -> subprocess.CompletedProcess:
    r = subprocess.run([KB_EXE, *args], capture_output=True, text=True, env=dict(os.environ),
                       timeout=300, cwd=REPO)
    if ok:
        assert r.returncode == 0, r.stderr
    return r


@pytest.fixture(scope="module")
def local(tmp_path_factory: pytest.TempPathFactory) -> str:
    """examples/ ingested into a local disk store: what Virtuoso must match."""
    store = str(tmp_path_factory.mktemp("local") / "store")
    kb("ingest", "examples", "--store", store)
    return store


@pytest.fixture(scope="module")
def ingested(virtuoso: Virtuoso) -> str:
    """examples/ ingested into Virtuoso by `kb ingest`."""
    virtuoso.empty()
    r = kb("ingest", "examples", "--store", virtuoso.url)
    assert "0 failure(s)" in r.stderr
    return virtuoso.url


def lines(spec: str) -> list[str]:
    with KnowledgeBase.open(spec) as store:
        return store_lines(store, numbers_by_value=True)


def test_ingest_into_virtuoso_stores_the_same_quads_as_a_local_ingest(ingested, local):
    assert lines(ingested) == lines(local)
    with KnowledgeBase.open(ingested) as remote, KnowledgeBase.open(local) as here:
        assert remote.store.graphs() == here.store.graphs()
        assert remote.store.count() == here.store.count()


def test_query_ask_path_and_export_answer_as_on_a_local_store(ingested, local):
    query = ("SELECT ?name (COUNT(?doc) AS ?docs) WHERE { ?p a schema:Person ; schema:name ?name "
             ". GRAPH ?doc { ?doc schema:mentions ?p } } GROUP BY ?name ORDER BY ?name")
    answers = [kb("query", query, "--format", "csv", "--store", s).stdout
               for s in (ingested, local)]
    assert answers[0] == answers[1] and "Jeff Sessions" in answers[0]

    def rows(spec: str) -> list[tuple]:
        out = json.loads(kb("ask", "threats", "--format", "json", "--store", spec).stdout)
        return sorted(tuple(sorted((k, v["value"]) for k, v in b.items()))
                      for b in out["results"]["bindings"])

    threats = rows(ingested)
    assert threats == rows(local)
    assert any(("agent_name", "Jeff Sessions") in row for row in threats)

    paths = [json.loads(kb("path", "Jeff Sessions", "Chicago", "-k", "3", "--format", "json",
                           "--store", s).stdout) for s in (ingested, local)]
    assert paths[0] == paths[1] and paths[0]

    exports = [graphml(kb("export", "-o", "-", "--format", "graphml", "--store", s).stdout)
               for s in (ingested, local)]
    assert exports[0] == exports[1]
    assert any(("label", ("Jeff Sessions",)) in data for data in exports[0].values())


def graphml(text: str) -> dict[tuple, tuple]:
    """Nodes and edges of a GraphML export with their data; multi-valued fields (joined with
    " | " in the order the store answered) as sorted tuples."""
    import xml.etree.ElementTree as ET

    root = ET.fromstring(text.encode())
    names = {k.get("id"): k.get("attr.name") for k in root.iter() if k.tag.endswith("}key")}
    items: dict[tuple, tuple] = {}
    for el in root.iter():
        kind = el.tag.rsplit("}", 1)[-1]
        if kind not in ("node", "edge"):
            continue
        key = (kind, el.get("id") or "", el.get("source") or "", el.get("target") or "")
        data = tuple(sorted((names.get(d.get("key")), tuple(sorted((d.text or "").split(" | "))))
                            for d in el if d.tag.endswith("}data")))
        items[key] = data
    return items


def test_reingest_replaces_the_document_graph_and_forget_removes_it(virtuoso, tmp_path):
    """The same steps on Virtuoso and on a local store leave the same quads after each."""
    doc = tmp_path / "letter.txt"
    original = (EXAMPLES / "sessions_grant_certification.txt").read_text()
    local = str(tmp_path / "local")
    virtuoso.empty()
    stores = (virtuoso.url, local)

    def both(*args: str) -> None:
        for store in stores:
            kb(*args, "--store", store)
        assert lines(virtuoso.url) == lines(local)

    both("ingest", str(EXAMPLES / "california_values_act.txt"))
    doc.write_text(original)
    both("ingest", str(doc))
    before = lines(local)
    paragraphs = original.split("\n\n")
    doc.write_text("\n\n".join(paragraphs[: max(2, len(paragraphs) // 2)]))
    both("ingest", str(doc))  # same source, new content: replaces the old graph
    assert lines(local) != before
    with KnowledgeBase.open(virtuoso.url) as remote:
        assert len(remote.store.graphs()) == 3  # ontology and two documents
    both("forget", str(doc))
    with KnowledgeBase.open(virtuoso.url) as remote:
        assert len(remote.store.graphs()) == 2


def test_kb_load_and_virtuosos_bulk_loader_read_an_nquads_directory(virtuoso, tmp_path):
    """(tests/test_bulk.py shows a loaded directory equals a direct ingest.)"""
    out = virtuoso.root / "bulk"  # inside DirsAllowed, for ld_dir
    kb("ingest", "examples", "--nquads-out", str(out))
    local = str(tmp_path / "local")
    kb("load", str(out), "--store", local)
    virtuoso.empty()
    kb("load", str(out), "--store", virtuoso.url)
    assert lines(virtuoso.url) == lines(local)

    virtuoso.empty()
    with KnowledgeBase.open(virtuoso.url) as remote:
        default_graph = remote.store.dialect.default_graph
    virtuoso.isql(f"ld_dir('{out}', '*.nq', '{default_graph}'); rdf_loader_run(); checkpoint;")
    assert lines(virtuoso.url) == lines(local)


def test_sparql11_query_evaluation_through_virtuoso(virtuoso):
    from tests.virtuoso_engine import run_suites

    passed, failed, failures = run_suites(virtuoso.url)
    assert passed + failed == 232
    assert passed >= VIRTUOSO_FLOOR, "\n".join(failures)
