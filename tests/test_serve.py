"""`kb serve`: a real SPARQL 1.1 endpoint over the embedded store, queried with SPARQLWrapper."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
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


def children(pid: int) -> list[int]:
    """The direct child processes of ``pid`` (Linux /proc)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def gone(pid: int, timeout: float = 10.0) -> bool:
    """True once ``pid`` no longer exists (or is a zombie nobody has reaped yet)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError):
            return True
        if state == "Z":
            return True
        time.sleep(0.05)
    return False


def wait_until_serving(proc: subprocess.Popen[str]) -> None:
    """Read kb serve's stderr up to its last start-up line: from then on it is serving."""
    assert proc.stderr is not None
    for line in proc.stderr:
        if "Ctrl-C" in line:
            return
    raise AssertionError("kb serve ended before serving")


def port_free(port: int) -> bool:
    """Whether a server could listen on ``port`` now. SO_REUSEADDR as servers set it: the
    closed connections of the test's own requests linger in TIME_WAIT, which only matters
    to a bind without it."""
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
            s.listen(1)
        except OSError:
            return False
    return True


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP],
                         ids=lambda s: s.name)
def test_stop_signals_stop_the_server_and_free_port_and_store(store_dir: str,
                                                              sig: signal.Signals) -> None:
    """systemd, Docker and CI jobs stop services with SIGTERM, a closed terminal sends SIGHUP:
    each must leave no server process, a free port and a store other commands can open."""
    proc, port = start(store_dir)
    servers = children(proc.pid)
    assert len(servers) == 1
    wait_until_serving(proc)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "stopping" in err
    assert gone(servers[0]), "the Oxigraph server outlived kb serve"
    assert port_free(port)
    env = dict(os.environ, KB_LOCK_TIMEOUT="0.5")
    r = subprocess.run([KB_EXE, "query", "ASK {}", "--store", store_dir],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr


def test_server_dies_with_a_killed_kb_serve(store_dir: str) -> None:
    """Even kill -9, which no handler sees, takes the server down with kb serve (Linux)."""
    proc, port = start(store_dir)
    servers = children(proc.pid)
    proc.kill()
    proc.communicate(timeout=20)
    assert gone(servers[0])
    # an orphan's teardown finishes a moment after its main thread shows as a zombie
    deadline = time.monotonic() + 10
    while not port_free(port) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert port_free(port)
