"""Capacity model for scaling out (issue 13 item 4): measures the costs the model rests on,
here, and prints what a million and a hundred million articles cost.

Measured on the corpus given (default: ../shared/corpus/dev and examples/):

1. per document, in this process: spaCy parse, extraction, and the client's write step
   (resolve + build + shape check + write) into an in-memory store (the client's own CPU)
   and into an Oxigraph server (adds HTTP and the server's transaction);
2. the output: quads per document, and disk bytes per quad of the embedded store;
3. load throughput of a bulk directory (``kb ingest --nquads-out``) replicated to
   ``--load-quads`` quads: ``oxigraph load`` (the server's bulk loader), ``kb load`` into an
   embedded store, and ``kb load`` into an Oxigraph server (SPARQL update);
4. ``kb ingest --cluster`` with 1 and 2 Dask workers on this machine (loopback scheduler,
   one thread per worker), against a local ``kb ingest --jobs 1``.

The model: parsing and extraction scale with workers (worker-hours = documents x (parse +
extract)); the client resolves and writes every document itself, in order, so a run can go
no faster than 1 / (client cost) documents per second however many workers there are, and
no faster than the store takes writes. The bulk path replaces per-document writes by files
and the server's bulk loader.

    .venv/bin/python bench/capacity_bench.py            # ~5 min on 2 cores
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, timeout: float = 60) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def oxigraph_server(location: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([str(BIN / "oxigraph"), "serve", "--location", str(location),
                             "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    wait_http(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D")
    return proc, f"http://127.0.0.1:{port}/query"


def stop(*procs: subprocess.Popen) -> None:
    for p in procs:
        p.terminate()
    for p in procs:
        try:
            p.wait(timeout=30)
        except subprocess.TimeoutExpired:
            p.kill()


# --- 1. per-document costs -----------------------------------------------------------------


def per_document(inputs: list[str], server: str) -> dict[str, float]:
    from ingest.extract import extract, preload
    from ingest.nlp import load_nlp
    from ingest.pipeline import ensure_ontology, write_facts
    from ingest.read import ReadError, TableDocument, read_paths
    from ingest.resolve import NameBook
    from kb.store import open_store

    docs = [d for d in read_paths(inputs) if not isinstance(d, (ReadError, TableDocument))]
    nlp = load_nlp()
    preload()
    started = time.perf_counter()
    parsed = list(nlp.pipe([d.text for d in docs], batch_size=16))
    parse = time.perf_counter() - started
    started = time.perf_counter()
    facts = [extract(d, p) for d, p in zip(docs, parsed, strict=True)]
    extract_s = time.perf_counter() - started
    out = {"documents": len(docs), "parse": parse / len(docs), "extract": extract_s / len(docs)}
    for name, spec in (("write_memory", "memory:"), ("write_server", server)):
        store = open_store(spec)
        ensure_ontology(store)
        book = NameBook.from_store(store)
        started = time.perf_counter()
        quads = sum(write_facts(store, f, book).triples for f in facts)
        out[name] = (time.perf_counter() - started) / len(docs)
        out["quads"] = quads / len(docs)
    return out


# --- 2. and 3. store size, load throughput -------------------------------------------------


def replicate(src: Path, dst: Path, quads: int, parts: int = 8) -> int:
    """Copies of the document graph files under new graph names, up to ``quads`` quads, in
    ``parts`` files (a bulk loader's cost per file is not what is measured)."""
    dst.mkdir(parents=True)
    files = [f.read_text() for f in sorted(src.glob("g-*.nq"))]
    outs = [(dst / f"part-{i}.nq").open("w") for i in range(parts)]
    written, n = 0, 0
    try:
        while written < quads:
            for text in files:
                graph = text.splitlines()[0].rsplit(" ", 2)[-2]
                outs[n % parts].write(text.replace(graph, graph[:-1] + f"/copy{n}>"))
                written += text.count("\n")
                n += 1
    finally:
        for out in outs:
            out.close()
    return written


def load_rates(inputs: list[str], work: Path, quads: int) -> dict[str, float]:
    bulk = work / "bulk"
    subprocess.run([str(BIN / "kb"), "ingest", *inputs, "--nquads-out", str(bulk)],
                   check=False, capture_output=True)
    big = work / "big"
    n = replicate(bulk, big, quads)
    files = [str(f) for f in sorted(big.glob("*.nq"))]
    out: dict[str, float] = {"load_quads": n}
    started = time.perf_counter()
    subprocess.run([str(BIN / "oxigraph"), "load", "--location", str(work / "ox"), "--file",
                    *files], check=True, capture_output=True)
    out["oxigraph_load"] = n / (time.perf_counter() - started)
    started = time.perf_counter()
    subprocess.run([str(BIN / "kb"), "load", str(big), "--store", str(work / "emb")],
                   check=True, capture_output=True)
    out["kb_load_embedded"] = n / (time.perf_counter() - started)
    out["bytes_per_quad"] = sum(f.stat().st_size for f in (work / "emb").rglob("*")
                                if f.is_file()) / n
    proc, url = oxigraph_server(work / "srv")
    try:
        started = time.perf_counter()
        subprocess.run([str(BIN / "kb"), "load", str(big), "--store", url], check=True,
                       capture_output=True, env={**os.environ, "KB_TIMEOUT": "600"})
        out["kb_load_server"] = n / (time.perf_counter() - started)
    finally:
        stop(proc)
    return out


# --- 4. Dask ------------------------------------------------------------------------------


def dask_runs(inputs: list[str]) -> dict[str, float]:
    from kb.api import KnowledgeBase

    out: dict[str, float] = {}
    with KnowledgeBase.open("memory:") as kb:
        report = kb.ingest(inputs, jobs=1)
        out["local_jobs1"] = report.documents / report.seconds
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "cwd": REPO}
    scheduler = subprocess.Popen([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1",
                                  "--port", str(port), "--no-dashboard"], **quiet)
    workers: list[subprocess.Popen] = []
    try:
        for n in (1, 2):
            workers.append(subprocess.Popen(
                [str(BIN / "dask"), "worker", address, "--nworkers", "1", "--nthreads", "1",
                 "--no-nanny", "--memory-limit", "1.5GB", "--no-dashboard", "--host",
                 "127.0.0.1"], **quiet))
            from distributed import Client

            with Client(address, timeout=60) as client:
                client.wait_for_workers(n, timeout=120)
            with KnowledgeBase.open("memory:") as kb:
                report = kb.ingest(inputs, cluster=address)
                out[f"dask_{n}"] = report.documents / report.seconds
    finally:
        stop(*workers, scheduler)
    return out


# --- the model ------------------------------------------------------------------------------


def model(m: dict[str, float]) -> list[str]:
    worker_cost = m["parse"] + m["extract"]
    client_rate = 1 / m["write_memory"]
    server_rate = 1 / m["write_server"]
    lines = [
        f"per document: parse {m['parse'] * 1000:.0f} ms, extract {m['extract'] * 1000:.0f} ms"
        f" (workers); write {m['write_memory'] * 1000:.0f} ms in memory (client CPU), "
        f"{m['write_server'] * 1000:.0f} ms into an Oxigraph server; {m['quads']:.0f} quads",
        f"store: {m['bytes_per_quad']:.0f} bytes/quad on disk (embedded RocksDB)",
        f"load ({m['load_quads']:.0f} quads): oxigraph load {m['oxigraph_load']:,.0f} quads/s, "
        f"kb load embedded {m['kb_load_embedded']:,.0f}/s, kb load server (SPARQL) "
        f"{m['kb_load_server']:,.0f}/s",
        f"ingest here: local --jobs 1 {m['local_jobs1']:.2f} docs/s, Dask 1 worker "
        f"{m['dask_1']:.2f}/s, 2 workers {m['dask_2']:.2f}/s",
        f"client bound: at most {client_rate:.0f} docs/s into memory, {server_rate:.0f} docs/s "
        f"into an Oxigraph server, reached at {worker_cost * server_rate:.0f} workers",
    ]
    for n in (1e6, 1e8):
        quads = n * m["quads"]
        hours = n * worker_cost / 3600
        lines.append(
            f"{n:,.0f} articles: {hours:,.0f} worker-hours of parsing; {quads / 1e9:,.1f} G quads, "
            f"{quads * m['bytes_per_quad'] / 1e9:,.0f} GB embedded; per-document writes "
            f">= {n / server_rate / 3600:,.1f} h (client), bulk load "
            f"{quads / m['oxigraph_load'] / 3600:,.1f} h (oxigraph load)")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="*", default=[str(REPO.parent / "shared" / "corpus" / "dev"),
                                                  str(REPO / "examples")])
    ap.add_argument("--load-quads", type=int, default=200_000)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kb-capacity-"))
    try:
        proc, url = oxigraph_server(work / "per-doc")
        try:
            m = per_document(args.inputs, url)
        finally:
            stop(proc)
        m.update(load_rates(args.inputs, work, args.load_quads))
        m.update(dask_runs(args.inputs))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("\n".join(model(m)))


if __name__ == "__main__":
    main()
