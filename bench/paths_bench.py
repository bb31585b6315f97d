"""Path queries on a 1M-triple store: building the entity graph, then k=5 shortest paths.

Budgets (DESIGN.md): the projection of a 1M-triple store in under 5 s (cached until the store
changes), then the k=5 shortest paths between two entities in under 50 ms (median over 10
pairs). The data is bench/gen_kb.py's synthetic knowledge graph (the store benchmark's), loaded
into a fresh store; pairs are drawn with a fixed seed from the entities of the largest connected
component, so every pair has paths. A path request is timed as users make it, through
`KnowledgeBase.path` (resolving both ends, checking the store generation, searching, building
the hops with their evidence); the networkx search alone is shown beside it.

    .venv/bin/python bench/paths_bench.py                        # 1M triples, disk store
    .venv/bin/python bench/paths_bench.py --store memory --triples 100000

Prints its figures and PASS/MISS per budget; exits 0 (a benchmark, not a test).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import gen_kb  # noqa: E402 - bench/ is sys.path[0] when run as a script

from kb.api import KnowledgeBase  # noqa: E402
from kb.paths import build_projection, projection  # noqa: E402

BUILD_BUDGET = 5.0
PATHS_BUDGET = 0.050


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def pick_pairs(graph, n: int, seed: int) -> list[tuple[str, str]]:  # noqa: ANN001 - nx.Graph
    """`n` pairs of distinct entities from the largest connected component."""
    import networkx as nx

    component = sorted(max(nx.connected_components(graph), key=len))
    rng = random.Random(seed)
    pairs = []
    while len(pairs) < n:
        a, b = rng.sample(component, 2)
        pairs.append((a, b))
    return pairs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument(
        "--store",
        choices=("disk", "memory", "in-memory"),
        default="disk",
        help="in-memory: a disk store read through its private in-memory copy (--in-memory)",
    )
    ap.add_argument("--pairs", type=int, default=10)
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)

    nt, _ = gen_kb.ensure(args.triples)
    print(
        f"python {platform.python_version()}, {nt.name}, {args.store} store, "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cpus",
        flush=True,
    )
    with tempfile.TemporaryDirectory(prefix="kb-paths-bench-") as tmp:
        spec = "memory:" if args.store == "memory" else str(Path(tmp) / "store")
        kb = KnowledgeBase.open(spec, create=True)
        started = time.perf_counter()
        kb.load([nt])
        print(f"load:                 {time.perf_counter() - started:6.2f} s (not budgeted)")
        if args.store == "in-memory":
            kb = KnowledgeBase.open(spec, in_memory=True)
            started = time.perf_counter()
            kb.query("ASK {}")
            print(f"in-memory copy:       {time.perf_counter() - started:6.2f} s (once per change)")

        import networkx  # noqa: F401 - imported before timing: the build, not the import

        started, cpu = time.perf_counter(), time.process_time()
        proj = projection(kb)
        build, build_cpu = time.perf_counter() - started, time.process_time() - cpu
        graph = proj.graph
        print(
            f"projection build:     {build:6.2f} s   budget {BUILD_BUDGET:.0f} s  "
            f"{verdict(build < BUILD_BUDGET)}  (cpu {build_cpu:.2f} s; "
            f"{graph.number_of_nodes():,} entities, "
            f"{graph.number_of_edges():,} edges, "
            f"{sum(len(d['rels']) for _, _, d in graph.edges(data=True)):,} relations)"
        )
        started = time.perf_counter()
        again = projection(kb)
        cached = time.perf_counter() - started
        assert again is proj
        print(f"projection (cached):  {cached * 1000:6.2f} ms  (generation check only)")
        started, cpu = time.perf_counter(), time.process_time()
        build_projection(kb, "rebuild")
        print(
            f"projection rebuild:   {time.perf_counter() - started:6.2f} s   "
            f"(cpu {time.process_time() - cpu:.2f} s; warm store)"
        )

        pairs = pick_pairs(graph, args.pairs, args.seed)
        timings, searches, lengths = [], [], []
        import networkx as nx

        for a, b in pairs:
            started = time.perf_counter()
            result = kb.path(a, b, k=args.k, max_hops=12)
            timings.append(time.perf_counter() - started)
            lengths.append([len(p.hops) for p in result.paths])
            started = time.perf_counter()
            gen = nx.shortest_simple_paths(graph, a, b)
            for _ in range(args.k):
                next(gen, None)
            searches.append(time.perf_counter() - started)
        median = statistics.median(timings)
        print(
            f"k={args.k} paths, median: {median * 1000:6.1f} ms  "
            f"budget {PATHS_BUDGET * 1000:.0f} ms "
            f"{verdict(median < PATHS_BUDGET)}  (min {min(timings) * 1000:.1f}, "
            f"max {max(timings) * 1000:.1f} ms over {len(pairs)} pairs)"
        )
        print(
            f"  networkx search only: median {statistics.median(searches) * 1000:.1f} ms, "
            f"max {max(searches) * 1000:.1f} ms"
        )
        print(f"  hops per path: {lengths}")
        print(f"load average at the end: {os.getloadavg()[0]:.1f}")
        (a, b) = pairs[0]
        print("  example:\n    " + kb.path(a, b, k=1).text().replace("\n", "\n    "))
        kb.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
