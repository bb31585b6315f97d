"""`kb ingest --cluster`: parsing on the workers of a real Dask cluster (a `dask scheduler`
and two `dask worker` processes started here on loopback), writing from the client into an
Oxigraph server, gives the quads of a local ingest; a worker killed mid-run costs time only."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kb.api import KnowledgeBase
from kb.errors import UsageError
from tests.conftest import REPO, SHARED, free_port
from tests.dumps import store_lines

KB_EXE = str(Path(sys.executable).with_name("kb"))
DASK_EXE = str(Path(sys.executable).with_name("dask"))
DEV = SHARED / "corpus" / "dev"
INPUTS = [str(DEV), str(REPO / "examples")]


class Cluster:
    def __init__(self, address: str, workers: list[subprocess.Popen]) -> None:
        self.address, self.workers = address, workers


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    """A scheduler and two one-thread workers (no nanny: a killed worker stays dead)."""
    from distributed import Client

    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "cwd": REPO}
    procs = [subprocess.Popen([DASK_EXE, "scheduler", "--host", "127.0.0.1", "--port",
                               str(port), "--no-dashboard"], **quiet)]
    try:
        for _ in range(2):
            procs.append(subprocess.Popen(
                [DASK_EXE, "worker", address, "--nworkers", "1", "--nthreads", "1",
                 "--no-nanny", "--memory-limit", "1.5GB", "--no-dashboard", "--host",
                 "127.0.0.1"], **quiet))
        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        yield Cluster(address, procs[1:])
    finally:
        for proc in reversed(procs):
            if proc.poll() is None:
                proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@pytest.fixture(scope="module")
def local_lines() -> list[str]:
    """The dev corpus and examples/ ingested here, in memory: what the cluster must match."""
    with KnowledgeBase.open("memory:") as kb:
        report = kb.ingest(INPUTS)
        assert report.documents >= 20, report.summary()
        return store_lines(kb)


def empty(url: str) -> None:
    with KnowledgeBase.open(url) as kb:
        kb.update("DROP ALL")


def test_ingest_on_the_cluster_into_a_server_equals_a_local_ingest(cluster, oxigraph_server,
                                                                    local_lines):
    empty(oxigraph_server)
    env = dict(os.environ, KB_CLUSTER=cluster.address)  # the variable, not the option
    r = subprocess.run([KB_EXE, "ingest", *INPUTS, "--store", oxigraph_server],
                       capture_output=True, text=True, env=env, timeout=600, cwd=REPO)
    assert r.returncode in (0, 1), r.stderr  # 1: a corpus file that is no document
    with KnowledgeBase.open(oxigraph_server) as kb:
        assert store_lines(kb) == local_lines


def test_a_worker_killed_mid_run_loses_and_repeats_nothing(cluster, oxigraph_server,
                                                           local_lines):
    """The first worker dies when the first document is written: the scheduler gives its
    unfinished tasks to the other one; every document is written once, as locally."""
    empty(oxigraph_server)
    victim = cluster.workers[0]
    written: list[str] = []

    def progress(done: int, total: int, result) -> None:  # noqa: ANN001 - DocumentResult
        written.append(result.name)
        if victim.poll() is None:
            os.kill(victim.pid, signal.SIGKILL)
            victim.wait()

    with KnowledgeBase.open(oxigraph_server) as kb:
        report = kb.ingest(INPUTS, progress=progress, cluster=cluster.address)
        assert victim.returncode == -signal.SIGKILL
        assert len(written) == len(set(written)) == len(report.results)
        assert store_lines(kb) == local_lines


def test_without_dask_cluster_says_how_to_install_it(monkeypatch):
    from ingest.cluster import connect

    monkeypatch.setitem(sys.modules, "distributed", None)  # as if the extra were missing
    with pytest.raises(UsageError, match=r"pip install 'kb\[cluster\]'"):
        connect("tcp://127.0.0.1:1")
