"""A SPARQL 1.1 Protocol endpoint over the embedded store, by running Oxigraph's own server.

Writing an HTTP server would only be a worse copy of `oxigraph serve`, which already speaks
the SPARQL 1.1 Protocol and Graph Store Protocol that YASGUI, SPARQLWrapper and Gephi's
SemanticWebImport use. What this module adds is the store discipline: while serving
read-write the server is the store's only writer (other kb processes are told to go through
the endpoint); serving read-only shares the store with readers and keeps writers out, since
RocksDB does not promise a read-only view while another process writes.
"""

from __future__ import annotations

import contextlib
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kb.errors import KBError, UsageError
from kb.lifetime import parent_death_signal
from kb.store import Store
from kb.store.embedded import DiskStore


@dataclass(frozen=True)
class Endpoint:
    """Where a running server answers."""

    query: str
    update: str | None
    process: subprocess.Popen[bytes]


def oxigraph_executable() -> str:
    """The `oxigraph` server installed beside this Python (the PyPI package), else on PATH."""
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.exists():
        return str(beside)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise KBError("the Oxigraph server is not installed; `pip install oxigraph` provides it")


def check_port_free(host: str, port: int) -> None:
    """Fail with a clear message before starting anything if the port is taken.

    SO_REUSEADDR as the server itself binds: the closed connections of a server that just
    stopped linger in TIME_WAIT, and without it a restart on the same port was refused."""
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError as err:
            raise UsageError(
                f"cannot listen on {host}:{port}: {err.strerror}; choose another with --port"
            ) from None


def _wait_ready(url: str, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            err = (process.stderr.read() if process.stderr else b"").decode(errors="replace")
            last = err.strip().splitlines()[-1] if err.strip() else f"exit {process.returncode}"
            raise KBError(f"the SPARQL server stopped at start: {last}")
        try:
            with urllib.request.urlopen(f"{url}?query=ASK%7B%7D", timeout=1):
                return
        except OSError:
            if time.monotonic() > deadline:
                process.terminate()
                raise KBError(f"the SPARQL server did not answer within {timeout:g} s") from None
            time.sleep(0.1)


@contextlib.contextmanager
def serve(
    store: Store,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    read_only: bool = False,
    startup_timeout: float = 30.0,
) -> Iterator[Endpoint]:
    """Run the SPARQL endpoint while the block runs; queries see the union of all graphs,
    as everywhere else in kb."""
    if not isinstance(store, DiskStore):
        raise UsageError(
            f"kb serve needs an on-disk store; {store.spec} is "
            + ("already a SPARQL endpoint" if store.spec.startswith("http") else "in memory")
        )
    check_port_free(host, port)
    shown = f"[{host}]" if ":" in host else host
    base = f"http://{shown}:{port}"
    mode = "serve-read-only" if read_only else "serve"
    note = (
        f"kb serve is serving it read-only at {base}/query; stop it to write"
        if read_only
        else f"kb serve is serving it at {base}/query; use --store {base}/query meanwhile"
    )
    with store.hold(exclusive=not read_only, note=note), _stop_signals() as stopping:
        process: subprocess.Popen[bytes] | None = None
        try:
            process = subprocess.Popen(
                [
                    oxigraph_executable(),
                    mode,
                    "--location",
                    str(store.db_path),
                    "--bind",
                    f"{host}:{port}",
                    "--union-default-graph",
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                preexec_fn=parent_death_signal(),  # noqa: PLW1509 - only prctl, looked up before fork
            )
            _wait_ready(f"{base}/query", process, startup_timeout)
            yield Endpoint(f"{base}/query", None if read_only else f"{base}/update", process)
        finally:
            stopping.set()  # a second signal must not cut the clean-up short
            if process is not None:
                _stop(process)


class Stopped(KeyboardInterrupt):
    """A stop signal (SIGTERM, SIGHUP, SIGINT) arrived while serving.

    A KeyboardInterrupt, so that code which already stops cleanly on Ctrl-C (the CLI, a
    user's script) stops the same way when systemd, Docker or a CI job sends SIGTERM, or the
    terminal closes (SIGHUP). Without it SIGTERM killed this process at once and left the
    Oxigraph child running, holding the port and the store's lock."""


STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name)
)


@contextlib.contextmanager
def _stop_signals() -> Iterator[threading.Event]:
    """While the block runs, turn the stop signals into ``Stopped`` (raised once: the event,
    set when the clean-up starts, makes later signals no-ops), then restore the previous
    handlers. Python lets only the main thread set handlers; elsewhere the caller owns
    signals and nothing changes."""
    stopping = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stopping
        return

    def handler(signum: int, _frame: object) -> None:
        if not stopping.is_set():
            stopping.set()
            raise Stopped(signal.Signals(signum).name)

    previous = {sig: signal.signal(sig, handler) for sig in STOP_SIGNALS}
    try:
        yield stopping
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old if old is not None else signal.SIG_DFL)


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Terminate the server and reap it; kill it if it has not stopped within 10 s."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
