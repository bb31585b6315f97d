"""Export speed: a 100k-node, 300k-edge entity graph written as GEXF 1.3 (budget: 30 s).

Why synthetic and Projection-shaped: the export reads the store once into the cached entity
graph of kb/paths.py and then works on that graph alone, so what has to be fast at this size
is selection, aggregation and writing. The graph is built directly in the shape
`build_projection` produces (entities with rdf:types; edges carrying `Relation`s: facts with
type, date, evidence sentence and document, and plain entity-to-entity triples), with
Zipf-like popularity so there are hubs, and handed to the same `from_projection` and
`write_gexf` that `KnowledgeBase.export` runs. Deterministic: one `random.Random(seed)`.

    .venv/bin/python bench/export_bench.py [--nodes 100000] [--edges 300000] [--validate]
    .venv/bin/python bench/export_bench.py --store-file bench/out/kb-1000000-s42-v1.nt

Prints one line per phase and the total; `--validate` also runs the conformance kit's
validator on the file (not counted in the budget). `--store-file` instead loads an RDF file
(e.g. the output of bench/gen_kb.py) into a memory store and times the whole
`KnowledgeBase.export`: projection, the store queries for dates, evidence and documents,
selection and writing.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from kb.export import from_projection, write_gexf  # noqa: E402 - after the sys.path fix
from kb.paths import Projection, Relation  # noqa: E402
from kb.vocab import EVENT, KB, ORG, PREFIXES, SCHEMA  # noqa: E402

BUDGET = 30.0
VALIDATOR = REPO.parent / "shared" / "conformance" / "validate_gexf.py"
R = PREFIXES["kbr"]

#: (share of nodes, class, IRI segment)
KINDS = (
    (0.40, SCHEMA.Person, "person"),
    (0.25, SCHEMA.City, "place/city"),
    (0.05, KB.County, "place/county"),
    (0.01, SCHEMA.State, "place/state"),
    (0.12, KB.Agency, "org"),
    (0.10, ORG.Post, "post"),
    (0.05, SCHEMA.Legislation, "law"),
    (0.02, SCHEMA.MonetaryGrant, "grant"),
)
#: (share of edges, label, predicate, fact kind or None for a plain triple)
EDGE_KINDS = (
    (0.35, "threatened", KB.target, EVENT.threaten_aid),
    (0.15, "sued", KB.target, EVENT.sue),
    (0.15, "spoke about", SCHEMA.about, SCHEMA.Quotation),
    (0.10, "held", KB.post, ORG.Membership),
    (0.10, "funded", KB.recipient, SCHEMA.MonetaryGrant),
    (0.15, "contained in place", SCHEMA.containedInPlace, None),
)


def synthetic_projection(nodes: int, edges: int, seed: int = 42) -> Projection:
    """A Projection with `nodes` entities and `edges` distinct entity pairs."""
    import networkx as nx

    rng = random.Random(seed)
    ids: list[str] = []
    types: dict[str, frozenset[str]] = {}
    labels: dict[str, str] = {}
    for share, cls, segment in KINDS:
        for i in range(int(nodes * share)):
            iri = f"{R}{segment}/n{len(ids)}"
            ids.append(iri)
            types[iri] = frozenset({cls})
            labels[iri] = f"{segment.rsplit('/', 1)[-1].title()} {i}"
    while len(ids) < nodes:
        iri = f"{R}person/extra-{len(ids)}"
        ids.append(iri)
        types[iri] = frozenset({SCHEMA.Person})
        labels[iri] = f"Person extra {len(ids)}"
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(ids))]  # Zipf-like: a few hubs
    rng.shuffle(weights)
    cumulative = []
    total = 0.0
    for w in weights:
        total += w
        cumulative.append(total)
    graph = nx.Graph()
    graph.add_nodes_from(ids)
    pair_kinds = [k for k in EDGE_KINDS]
    pair_weights = [k[0] for k in EDGE_KINDS]
    fact = pairs = 0
    while pairs < edges:  # (graph.number_of_edges() walks every node: far too slow here)
        u, v = rng.choices(ids, cum_weights=cumulative, k=2)
        if u == v or graph.has_edge(u, v):
            continue
        rels = []
        for _ in range(1 + (rng.random() < 0.2)):
            _, label, predicate, kind = rng.choices(pair_kinds, weights=pair_weights)[0]
            if kind is None:
                rels.append(Relation(u, v, label, predicate))
                continue
            fact += 1
            date = f"{rng.randint(2015, 2019)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            rels.append(Relation(
                u, v, label, predicate, f"{R}fact/f{fact}", kind, date,
                f"{labels[u]} {label} {labels[v]} on {date}, officials said.",
                f"{R}doc/d{fact % 5000}",
            ))  # fmt: skip
        graph.add_edge(u, v, rels=rels)
        pairs += 1
    return Projection("synthetic", graph, labels, types, 0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--edges", type=int, default=300_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--validate", action="store_true", help="validate the GEXF file")
    parser.add_argument("--keep", type=Path, help="write the GEXF here instead of a temp file")
    parser.add_argument("--store-file", type=Path, help="time KnowledgeBase.export on this RDF")
    args = parser.parse_args()
    if args.store_file:
        return whole_export(args.store_file, args.keep, args.validate)

    started = time.perf_counter()
    proj = synthetic_projection(args.nodes, args.edges, args.seed)
    built = time.perf_counter() - started
    print(f"synthetic projection: {args.nodes} nodes, {args.edges} entity pairs ({built:.1f} s)")

    # CPU time is printed beside wall time: on a shared machine the wall clock also counts
    # other people's processes.
    t0, c0 = time.perf_counter(), time.process_time()
    graph = from_projection(proj, PREFIXES, description="export benchmark")
    t1, c1 = time.perf_counter(), time.process_time()
    out = args.keep or Path(tempfile.mkdtemp()) / "bench.gexf"
    with out.open("wb") as stream:
        write_gexf(graph, stream)
    t2, c2 = time.perf_counter(), time.process_time()
    size = out.stat().st_size / 1e6
    total = t2 - t0
    print(f"select + aggregate: {t1 - t0:5.1f} s wall, {c1 - c0:5.1f} s CPU -> "
          f"{len(graph.nodes)} nodes, {len(graph.edges)} edges")  # fmt: skip
    print(f"write GEXF 1.3:     {t2 - t1:5.1f} s wall, {c2 - c1:5.1f} s CPU -> {size:.0f} MB")
    verdict = "within" if total < BUDGET else "OVER"
    print(f"export total:       {total:5.1f} s wall, {c2 - c0:5.1f} s CPU "
          f"({verdict} the {BUDGET:.0f} s budget)")  # fmt: skip
    if args.validate and not validate(out):
        return 1
    return 0 if total < BUDGET else 1


def whole_export(rdf: Path, keep: Path | None, check: bool) -> int:
    """`KnowledgeBase.export` of everything in a memory store loaded from `rdf`."""
    from kb import KnowledgeBase
    from kb.paths import projection

    kb = KnowledgeBase.open("memory:")
    t0 = time.perf_counter()
    kb.load([rdf])
    t1 = time.perf_counter()
    proj = projection(kb)
    t2 = time.perf_counter()
    out = keep or Path(tempfile.mkdtemp()) / "store.gexf"
    report = kb.export(out)
    t3 = time.perf_counter()
    print(f"load {rdf.name}: {kb.store.count()} triples ({t1 - t0:.1f} s)")
    print(f"projection:         {t2 - t1:5.1f} s -> {proj.graph.number_of_nodes()} entities, "
          f"{proj.graph.number_of_edges()} linked pairs")  # fmt: skip
    print(f"export (cached projection): {t3 - t2:5.1f} s -> {report.nodes} nodes, "
          f"{report.edges} edges, {out.stat().st_size / 1e6:.0f} MB")  # fmt: skip
    if check and not validate(out):
        return 1
    return 0


def validate(path: Path) -> bool:
    t = time.perf_counter()
    r = subprocess.run([sys.executable, str(VALIDATOR), str(path)], capture_output=True,
                       text=True)  # fmt: skip
    status = "valid" if r.returncode == 0 else "INVALID: " + (r.stderr or r.stdout)[:500]
    print(f"validate_gexf.py:   {status} ({time.perf_counter() - t:.1f} s)")
    return r.returncode == 0


if __name__ == "__main__":
    sys.exit(main())
