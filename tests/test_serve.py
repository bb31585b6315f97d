"""`kb serve`: a real SPARQL 1.1 endpoint over the embedded store, queried with SPARQLWrapper."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from tests.conftest import free_port, wait_for_http

KB_EXE = str(Path(sys.executable).with_name("kb"))
DATA = """@prefix schema: <https://schema.org/> .
<http://example.org/doc1> {
  <http://example.org/sessions> a schema:Person ; schema:name "Jeff Sessions" .
}
"""


@pytest.fixture
def store_dir(tmp_path: Path) -> str:
    path = tmp_path / "store"
    data = tmp_path / "people.trig"
    data.write_text(DATA)
    subprocess.run([KB_EXE, "load", str(data), "--store", str(path)], check=True)
    return str(path)


def start(store: str, *args: str) -> tuple[subprocess.Popen[str], int]:
    port = free_port()
    proc = subprocess.Popen(
        [KB_EXE, "serve", "--store", store, "--port", str(port), *args],
        stderr=subprocess.PIPE,
        text=True,
    )
    wait_for_http(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D")
    return proc, port


def stop(proc: subprocess.Popen[str]) -> str:
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=20)
    return err


def stored_names(store: str) -> list[str]:
    """Names read straight from the store with `kb query`, bypassing the server."""
    q = "SELECT ?n { ?s <https://schema.org/name> ?n }"
    r = subprocess.run(
        [KB_EXE, "query", q, "--format", "csv", "--store", store], capture_output=True, text=True
    )
    return r.stdout.splitlines()[1:]


@pytest.fixture
def served(store_dir: str) -> Iterator[tuple[str, int]]:
    proc, port = start(store_dir)
    try:
        yield store_dir, port
    finally:
        stop(proc)


def names(port: int) -> list[str]:
    sparql = SPARQLWrapper(f"http://127.0.0.1:{port}/query")
    sparql.setQuery("SELECT ?n WHERE { ?p <https://schema.org/name> ?n }")
    sparql.setReturnFormat(JSON)
    result = sparql.queryAndConvert()
    return [b["n"]["value"] for b in result["results"]["bindings"]]


def test_query_and_update_through_sparqlwrapper(served: tuple[str, int]) -> None:
    store, port = served
    assert names(port) == ["Jeff Sessions"]  # named-graph data, union default graph
    update = SPARQLWrapper(f"http://127.0.0.1:{port}/update")
    update.setMethod(POST)
    update.setQuery(
        'INSERT DATA { <http://example.org/malloy> <https://schema.org/name> "Dannel Malloy" }'
    )
    update.query()
    assert sorted(names(port)) == ["Dannel Malloy", "Jeff Sessions"]
    # while the server owns the store, kb says where to go instead of failing obscurely
    env = dict(os.environ, KB_LOCK_TIMEOUT="0.2")
    r = subprocess.run(
        [KB_EXE, "query", "ASK {}", "--store", store], capture_output=True, text=True, env=env
    )
    assert r.returncode == 1
    assert f"http://127.0.0.1:{port}/query" in r.stderr


def test_writes_survive_the_server(store_dir: str) -> None:
    proc, port = start(store_dir)
    update = SPARQLWrapper(f"http://127.0.0.1:{port}/update")
    update.setMethod(POST)
    update.setQuery('INSERT DATA { <http://example.org/x> <https://schema.org/name> "X" }')
    update.query()
    stop(proc)
    assert "X" in stored_names(store_dir)


def test_read_only_refuses_updates_and_lets_readers_in(store_dir: str) -> None:
    proc, port = start(store_dir, "--read-only")
    try:
        assert names(port) == ["Jeff Sessions"]
        update = SPARQLWrapper(f"http://127.0.0.1:{port}/update")
        update.setMethod(POST)
        update.setQuery('INSERT DATA { <http://example.org/x> <http://example.org/p> "x" }')
        with pytest.raises((SPARQLWrapperException, OSError)):
            update.query()
        assert stored_names(store_dir) == ["Jeff Sessions"]  # readers share the store
        env = dict(os.environ, KB_LOCK_TIMEOUT="0.2")
        w = subprocess.run(
            [KB_EXE, "load", "--store", store_dir, "--format", "ntriples", "-"],
            input="<http://a> <http://b> <http://c> .\n",
            capture_output=True,
            text=True,
            env=env,
        )
        assert w.returncode == 1 and "read-only" in w.stderr
    finally:
        stop(proc)


def test_port_in_use_is_a_clear_error(store_dir: str) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        port = s.getsockname()[1]
        r = subprocess.run(
            [KB_EXE, "serve", "--store", store_dir, "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert r.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in r.stderr and "--port" in r.stderr


def test_memory_store_cannot_be_served() -> None:
    r = subprocess.run(
        [KB_EXE, "serve", "--store", "memory:"], capture_output=True, text=True, timeout=30
    )
    assert r.returncode == 2 and "on-disk store" in r.stderr
