"""What ingest's per-document shapes check costs: ms per document, beside pyshacl on the same
small per-document graph (document quads, shared triples and the ontology).

    .venv/bin/python bench/gen_articles.py --docs 60
    .venv/bin/python bench/shapecheck_bench.py bench/out/articles-60-s7 [--pyshacl 10]

Ingests the directory into a throwaway on-disk store with one job, timing every call of
``kb.shaperepair.conform`` by the pipeline (after the old version's quads are computed, before
the write), then runs pyshacl on the first N documents' graphs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import ingest.pipeline as pipeline  # noqa: E402
from kb.store import open_store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--pyshacl", type=int, default=10, help="documents to run pyshacl on")
    args = parser.parse_args()

    timings: list[float] = []
    graphs = []
    real = pipeline.conform

    def timed(store, graph, removed=()):  # noqa: ANN001, ANN202 - a stand-in with conform's signature
        graphs.append((list(graph.quads), list(graph.shared)))
        started = time.perf_counter()
        try:
            return real(store, graph, removed)
        finally:
            timings.append(time.perf_counter() - started)

    pipeline.conform = timed
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "store"), create=True)
        started = time.perf_counter()
        report = pipeline.ingest(store, [args.corpus], jobs=1)
        total = time.perf_counter() - started
        store.close()
    ms = [t * 1000 for t in timings]
    print(f"{len(ms)} documents, ingest {total:.1f} s ({total / len(ms) * 1000:.0f} ms/doc), "
          f"{len(report.warnings)} warning(s)")
    print(f"shapes check: median {statistics.median(ms):.2f} ms, "
          f"mean {statistics.mean(ms):.2f} ms, max {max(ms):.2f} ms per document "
          f"({sum(ms) / 1000 / total:.1%} of ingest)")
    if args.pyshacl:
        print(f"pyshacl on the same per-document graphs: {_pyshacl(graphs[:args.pyshacl]):.0f} ms "
              "per document (median)")


def _pyshacl(graphs: list) -> float:
    import rdflib

    from kb.validate import validate_graph

    ms = []
    for quads, shared in graphs:
        g = rdflib.Graph()
        g.parse(data="\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in
                               (*quads, *shared)), format="nt")
        started = time.perf_counter()
        validate_graph(g)
        ms.append((time.perf_counter() - started) * 1000)
    return statistics.median(ms)


if __name__ == "__main__":
    main()
