"""One suite, three stores: embedded on disk, in memory, and a real Oxigraph server."""

from __future__ import annotations

import io
import multiprocessing
import socket
import threading
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kb.errors import EndpointError, QuerySyntaxError, RDFSyntaxError, StoreLocked, StoreNotFound
from kb.store import open_store

EX = "http://example.org/"
TTL = b"""@prefix ex: <http://example.org/> .
ex:hartford ex:name "Hartford" ; ex:in ex:connecticut .
ex:connecticut ex:name "Connecticut" .
"""


def nn(local: str) -> ox.NamedNode:
    return ox.NamedNode(EX + local)


def triple(s: str, p: str, o: str) -> ox.Triple:
    return ox.Triple(nn(s), nn(p), ox.Literal(o))


def names(store, graph: str | None = None) -> set[str]:
    if graph:
        q = "SELECT ?n WHERE { GRAPH ?g { ?s <http://example.org/name> ?n } }"
        rows = store.query(q, bindings={"g": ox.NamedNode(graph)}, union=False).rows
    else:
        rows = store.query("SELECT ?n WHERE { ?s <http://example.org/name> ?n }").rows
    return {r[0].value for r in rows}


def test_load_and_query(store_spec: str) -> None:
    store = open_store(store_spec, create=True)
    store.load([("cities.ttl", TTL)])
    assert store.count() == 3
    assert names(store) == {"Hartford", "Connecticut"}
    ask = store.query("ASK { ?s <http://example.org/in> ?o }")
    assert ask.kind == "ask" and ask.boolean is True
    graph = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert graph.kind == "graph" and len(graph.triples) == 3


def test_named_graph_and_union_semantics(store_spec: str) -> None:
    store = open_store(store_spec, create=True)
    store.load([("cities.ttl", TTL)], graph=EX + "g1")
    assert store.graphs() == [EX + "g1"]
    assert names(store) == {"Hartford", "Connecticut"}  # union by default
    standard = store.query("SELECT ?n WHERE { ?s <http://example.org/name> ?n }", union=False)
    assert standard.rows == []  # the real default graph is empty
    assert names(store, EX + "g1") == {"Hartford", "Connecticut"}


def test_replace_graph_replaces_only_that_graph(store_spec: str) -> None:
    store = open_store(store_spec, create=True)
    store.replace_graphs({EX + "doc1": [triple("a", "name", "Old A")]})
    store.replace_graphs({EX + "doc2": [triple("b", "name", "B")]})
    store.replace_graphs({EX + "doc1": [triple("a", "name", "New A")]})
    assert names(store, EX + "doc1") == {"New A"}
    assert names(store, EX + "doc2") == {"B"}
    store.drop_graph(EX + "doc1")
    assert store.graphs() == [EX + "doc2"]
    store.drop_graph(EX + "never-existed")  # dropping nothing is not an error


def test_replace_is_atomic_when_producing_triples_fails(store_spec: str) -> None:
    store = open_store(store_spec, create=True)
    store.replace_graphs({EX + "doc": [triple("a", "name", "Kept")]})

    def broken():
        yield triple("a", "name", "Half")
        raise RuntimeError("extractor crashed half way")

    with pytest.raises(RuntimeError):
        store.replace_graphs({EX + "doc": broken()})
    assert names(store, EX + "doc") == {"Kept"}


def test_replace_is_atomic_when_the_engine_fails_mid_transaction(
    store_spec: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The DROP and INSERT run, then a later operation fails inside the same transaction."""
    import kb.store.base as base
    import kb.store.embedded as embedded
    import kb.store.remote as remote

    store = open_store(store_spec, create=True)
    store.replace_graphs({EX + "doc": [triple("a", "name", "Kept")]})
    real = base.replacement_update

    def failing(*args, **kwargs):
        return real(*args, **kwargs) + " ;\nDROP GRAPH <http://example.org/missing-graph>"

    monkeypatch.setattr(embedded, "replacement_update", failing)
    monkeypatch.setattr(remote, "replacement_update", failing)
    with pytest.raises(Exception):  # noqa: B017 - each engine words it its own way
        store.replace_graphs({EX + "doc": [triple("a", "name", "Replaced")]})
    assert names(store, EX + "doc") == {"Kept"}


def test_failed_load_leaves_store_unchanged(store_spec: str, tmp_path: Path) -> None:
    store = open_store(store_spec, create=True)
    store.load([("cities.ttl", TTL)])
    good = tmp_path / "good.ttl"
    good.write_bytes(b"<http://example.org/x> <http://example.org/name> \"X\" .\n")
    bad = tmp_path / "bad.ttl"
    bad.write_bytes(b"<http://example.org/y> <http://example.org/name> \"Y\" .\n<oops> .\n")
    with pytest.raises(RDFSyntaxError) as err:
        store.load([(str(good), good), (str(bad), bad)])
    assert "bad.ttl:2:" in str(err.value)
    assert store.count() == 3
    assert names(store) == {"Hartford", "Connecticut"}


def test_bulk_load_failure_restores_checkpoint(tmp_path: Path, monkeypatch) -> None:
    """Big loads use RocksDB's non-transactional bulk loader behind a checkpoint."""
    import kb.store.embedded as embedded

    monkeypatch.setattr(embedded, "BULK_THRESHOLD", 0)
    store = open_store(tmp_path / "s", create=True)
    store.load([("cities.ttl", TTL)])
    bad = b"".join(
        f'<http://example.org/p{i}> <http://example.org/name> "P{i}" .\n'.encode()
        for i in range(5000)
    )
    with pytest.raises(RDFSyntaxError):
        store.load([("many.nt", bad + b"<broken")])
    assert store.count() == 3
    store.load([("many.nt", bad)])
    assert store.count() == 5003


def test_parameters_are_bound_not_pasted(store_spec: str) -> None:
    store = open_store(store_spec, create=True)
    store.load([("cities.ttl", TTL)])
    evil = 'Hartford" } ; DROP ALL ; { "'
    rows = store.query(
        "SELECT ?s WHERE { ?s <http://example.org/name> ?n }",
        bindings={"n": ox.Literal(evil)},
    ).rows
    assert rows == []
    assert store.count() == 3
    rows = store.query(
        "SELECT ?s WHERE { ?s <http://example.org/name> ?n }",
        bindings={"n": ox.Literal("Hartford")},
    ).rows
    assert rows == [(nn("hartford"),)]


def test_syntax_error_has_line_and_column(store_spec: str) -> None:
    store = open_store(store_spec, create=True)
    with pytest.raises(QuerySyntaxError) as err:
        store.query("SELECT ?s\nWHERE { ?s ?p }")
    if not store_spec.startswith("http"):
        assert err.value.line == 2 and err.value.column in (15, 16)  # at or just after "}"
        assert "line 2, column" in str(err.value)


def test_dump_round_trip(store_spec: str) -> None:
    store = open_store(store_spec, create=True)
    store.load([("cities.ttl", TTL)], graph=EX + "g")
    store.load([("more.ttl", b'<http://example.org/z> <http://example.org/name> "Z" .')])
    out = io.BytesIO()
    store.dump(out, ox.RdfFormat.N_QUADS)
    quads = set(ox.parse(out.getvalue(), format=ox.RdfFormat.N_QUADS))
    assert len(quads) == 4
    assert sum(1 for q in quads if q.graph_name == nn("g")) == 3
    turtle = io.BytesIO()
    store.dump(turtle, ox.RdfFormat.TURTLE)  # a triple format gets the union
    assert len(list(ox.parse(turtle.getvalue(), format=ox.RdfFormat.TURTLE))) == 4


def test_generation_changes_on_write(store_spec: str) -> None:
    store = open_store(store_spec, create=True)
    before = store.generation()
    store.load([("cities.ttl", TTL)])
    assert store.generation() != before


# -- embedded on disk: processes sharing one store ---------------------------------------------


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreNotFound) as err:
        open_store(tmp_path / "nowhere")
    assert "no knowledge base at" in str(err.value)


def _hold_write_lock(path: str, ready, release) -> None:
    from kb.store import open_store as reopen

    store = reopen(path)
    with store._writing():  # noqa: SLF001 - the test plays "another kb writing"
        ready.set()
        release.wait(20)


def test_second_writer_gets_a_clear_message(tmp_path: Path, monkeypatch) -> None:
    path = str(tmp_path / "s")
    open_store(path, create=True).load([("cities.ttl", TTL)])
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    proc = ctx.Process(target=_hold_write_lock, args=(path, ready, release))
    proc.start()
    try:
        assert ready.wait(30)
        monkeypatch.setenv("KB_LOCK_TIMEOUT", "0.3")
        store = open_store(path)
        started = time.monotonic()
        with pytest.raises(StoreLocked) as err:
            store.replace_graphs({EX + "g": [triple("a", "name", "A")]})
        assert time.monotonic() - started < 5
        assert f"pid {proc.pid}" in str(err.value)
    finally:
        release.set()
        proc.join(30)


def _write_from_other_process(path: str) -> None:
    from kb.store import open_store as reopen

    reopen(path).replace_graphs(
        {"http://example.org/new": [triple("n", "name", "Written elsewhere")]}
    )


def test_open_reader_sees_other_process_writes_without_reopening(tmp_path: Path) -> None:
    path = str(tmp_path / "s")
    reader = open_store(path, create=True)
    reader.load([("cities.ttl", TTL)])
    assert "Written elsewhere" not in names(reader)
    ctx = multiprocessing.get_context("spawn")
    proc = ctx.Process(target=_write_from_other_process, args=(path,))
    proc.start()
    proc.join(60)
    assert proc.exitcode == 0
    assert "Written elsewhere" in names(reader)


# -- remote: failures are errors, not hangs ----------------------------------------------------


def test_unreachable_endpoint_is_a_clear_error() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once the socket closes
    store = open_store(f"http://127.0.0.1:{port}/query", timeout=2)
    with pytest.raises(EndpointError) as err:
        store.query("ASK {}")
    assert "cannot reach" in str(err.value)


def test_silent_endpoint_times_out() -> None:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    port = server.getsockname()[1]
    accepted: list[socket.socket] = []
    thread = threading.Thread(target=lambda: accepted.append(server.accept()[0]), daemon=True)
    thread.start()
    try:
        store = open_store(f"http://127.0.0.1:{port}/query", timeout=1)
        started = time.monotonic()
        with pytest.raises(EndpointError) as err:
            store.query("ASK {}")
        assert time.monotonic() - started < 5
        assert "did not answer within 1 s" in str(err.value)
    finally:
        for conn in accepted:
            conn.close()
        server.close()


def test_in_memory_copy_follows_the_store(tmp_path: Path) -> None:
    """A reader answering from a private in-memory copy still sees other processes' writes,
    and holds no lock while it is not reloading."""
    path = str(tmp_path / "s")
    open_store(path, create=True).load([("cities.ttl", TTL)])
    reader = open_store(path, in_memory=True)
    assert names(reader) == {"Hartford", "Connecticut"}
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_write_lock, args=(path, ready, release))
    holder.start()
    try:
        assert ready.wait(30)
        started = time.monotonic()
        assert names(reader) == {"Hartford", "Connecticut"}  # answered while a writer holds it
        assert time.monotonic() - started < 2
    finally:
        release.set()
        holder.join(30)
    proc = ctx.Process(target=_write_from_other_process, args=(path,))
    proc.start()
    proc.join(60)
    assert proc.exitcode == 0
    assert "Written elsewhere" in names(reader)
    assert names(reader, EX + "new") == {"Written elsewhere"}  # named graphs are copied too


def test_in_memory_copy_from_the_environment(tmp_path: Path, monkeypatch) -> None:
    path = str(tmp_path / "s")
    open_store(path, create=True).load([("cities.ttl", TTL)])
    monkeypatch.setenv("KB_IN_MEMORY", "1")
    store = open_store(path)
    assert store.in_memory and names(store) == {"Hartford", "Connecticut"}
