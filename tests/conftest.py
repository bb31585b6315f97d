"""Shared fixtures: real stores (disk, memory, a real `oxigraph serve` process) and paths."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Never touch the developer's own store, history or config."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("KB_STORE", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.fixture(scope="session")
def nlp():
    """The ingest pipeline's spaCy model, loaded once for every extraction test."""
    from ingest.nlp import load_nlp

    return load_nlp()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def oxigraph_binary() -> str:
    exe = Path(sys.executable).with_name("oxigraph")
    if exe.exists():
        return str(exe)
    found = shutil.which("oxigraph")
    if not found:
        raise RuntimeError("the `oxigraph` server (PyPI package oxigraph) is not installed")
    return found


def wait_for_http(url: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Oxigraph SPARQL server on a free loopback port; yields its query URL."""
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph-server")
    proc = subprocess.Popen(
        [oxigraph_binary(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{base}/query?query=ASK%7B%7D")
        yield f"{base}/query"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(params=["disk", "memory", "remote"])
def store_spec(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A store spec of each kind, empty at the start of the test."""
    if request.param == "disk":
        return str(tmp_path / "store")
    if request.param == "memory":
        return "memory:"
    url: str = request.getfixturevalue("oxigraph_server")
    from kb.store import open_store

    open_store(url).update("DROP ALL")
    return url


@pytest.fixture
def kb_env(tmp_path: Path) -> dict[str, str]:
    """Environment for running the `kb` executable against a fresh on-disk store."""
    env = dict(os.environ)
    env["KB_STORE"] = str(tmp_path / "cli-store")
    return env
