"""How is A connected to B: the k shortest paths over the entity graph, each hop with its
evidence.

The search runs on the projection of kb.projection (entities as nodes, facts as labelled
edges), cached until the store changes: Yen's k shortest simple paths from networkx, limited
by a hop count, a result cap and a clock, optionally through some relations (`via`) and
entity types only. Only the few facts a path shows have their evidence sentence fetched.

networkx is imported only when a path is searched: opening a knowledge base and running
SPARQL never pay for it.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kb.documents import document_titles
from kb.edge_labels import event_label
from kb.errors import UsageError
from kb.labels import as_iri, resolve_entity
from kb.ontology_index import class_filter, with_subclasses
from kb.projection import (
    FACT_ENDS,
    FACT_KIND,
    Projection,
    Relation,
    build_projection,
    projection,
)
from kb.store.base import QueryResult
from kb.vocab import KB, OA

if TYPE_CHECKING:
    import networkx as nx

    from kb.reader import Reader

__all__ = [
    "FACT_ENDS",
    "FACT_KIND",
    "MAX_PATHS",
    "Hop",
    "Path",
    "PathResult",
    "Projection",
    "Relation",
    "build_projection",
    "class_filter",
    "event_label",
    "evidence_for",
    "projection",
    "resolve_entity",
    "shortest_paths",
    "with_subclasses",
]


#: The most paths one request may ask for: "all shortest paths" can explode (1,417 for one
#: pair at 1M triples), so every request is capped.
MAX_PATHS = 100


@dataclass(frozen=True)
class Hop:
    """One step of a path, in the order the path walks it."""

    start: str
    end: str
    start_label: str
    end_label: str
    relation: Relation
    alternatives: int = 0  # further relations between the same two entities
    source_title: str | None = None  # the evidence's document as people know it (title, date)

    @property
    def forward(self) -> bool:
        return self.relation.source == self.start

    def text(self) -> str:
        """`Jeff Sessions -[threatened]-> Hartford (2017-03-27): "sentence"`."""
        r = self.relation
        arrow = f"-[{r.label}]->" if self.forward else f"<-[{r.label}]-"
        out = f"{self.start_label} {arrow} {self.end_label}"
        if r.date:
            out += f" ({r.date})"
        if r.evidence:
            out += f': "{r.evidence}"'
        return out

    def as_dict(self) -> dict[str, Any]:
        r = self.relation
        return {
            "from": self.start, "from_label": self.start_label,
            "to": self.end, "to_label": self.end_label,
            "relation": r.label, "forward": self.forward, "predicate": r.predicate,
            "fact": r.fact, "type": r.kind, "date": r.date,
            "evidence": r.evidence, "document": r.document,
            "document_title": self.source_title,
        }  # fmt: skip


@dataclass(frozen=True)
class Path:
    hops: tuple[Hop, ...]

    @property
    def nodes(self) -> tuple[str, ...]:
        return (self.hops[0].start, *(h.end for h in self.hops)) if self.hops else ()

    def text(self) -> str:
        return "\n".join(h.text() for h in self.hops)


@dataclass(frozen=True)
class PathResult:
    """The answer to one path request. `complete` is False when the time limit stopped the
    search before `k` paths within `max_hops` were found or ruled out."""

    source: str
    target: str
    source_label: str
    target_label: str
    paths: tuple[Path, ...]
    complete: bool
    max_hops: int
    elapsed: float

    def __len__(self) -> int:
        return len(self.paths)

    def text(self) -> str:
        """Paths numbered and indented, for people; one line when there is none."""
        if not self.paths:
            out = (
                f"no path between {self.source_label} and {self.target_label} "
                f"within {self.max_hops} hops"
            )
            return out + ("" if self.complete else " (search stopped at the time limit)")
        lines: list[str] = []
        for i, path in enumerate(self.paths, 1):
            n = len(path.hops)
            lines.append(f"path {i} ({n} hop{'' if n == 1 else 's'})")
            for hop in path.hops:
                lines.append(f"  {hop.text()}")
                if hop.source_title:
                    lines.append(f"    source: {hop.source_title}")
        if not self.complete:
            lines.append("(search stopped at the time limit; more paths may exist)")
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source, "target": self.target, "complete": self.complete,
            "paths": [[h.as_dict() for h in p.hops] for p in self.paths],
        }  # fmt: skip


# -- searching ------------------------------------------------------------------------------


class _OutOfTime(Exception):
    pass


def shortest_paths(
    kb: Reader,
    a: str,
    b: str,
    *,
    k: int = 1,
    max_hops: int = 6,
    via: Iterable[str] | None = None,
    node_types: Iterable[str] | None = None,
    timeout: float = 10.0,
) -> PathResult:
    """The `k` shortest simple paths between two entities, shortest first.

    `a` and `b` are names, aliases, prefixed names or IRIs (see `resolve_entity`). `via` limits
    the edges to some properties, fact/event types or labels (`kb:target`, `kbe:threaten`,
    `threatened`, `schema:containedInPlace`); `node_types` limits the entities a path may pass
    through (subclasses included; the two ends are exempt). Paths longer than `max_hops` are
    not returned, and the search stops after `timeout` seconds with what it has
    (`PathResult.complete` is then False).
    """
    if not 1 <= k <= MAX_PATHS:
        raise UsageError(f"k must be between 1 and {MAX_PATHS}, got {k}")
    if max_hops < 1:
        raise UsageError(f"max hops must be at least 1, got {max_hops}")
    started = time.perf_counter()
    source, target = resolve_entity(kb, a), resolve_entity(kb, b)
    prefixes = kb.prefixes
    proj = projection(kb)
    via_iris, via_labels = _via_filter(via, prefixes)
    allowed = class_filter(node_types, prefixes)
    deadline = time.monotonic() + timeout
    graph = _view(proj, source, target, via_iris, via_labels, allowed, deadline)
    found, complete = _search(graph, source, target, k, max_hops, deadline)
    paths = _with_evidence(
        kb, proj, [_path(proj, nodes, via_iris, via_labels, prefixes) for nodes in found]
    )
    return PathResult(
        source,
        target,
        proj.label(source, prefixes),
        proj.label(target, prefixes),
        paths,
        complete,
        max_hops,
        time.perf_counter() - started,
    )


def _via_filter(
    via: Iterable[str] | None, prefixes: Mapping[str, str]
) -> tuple[frozenset[str], frozenset[str]]:
    iris: set[str] = set()
    labels: set[str] = set()
    for item in via or ():
        iri = as_iri(item.strip(), prefixes)
        if iri is not None:
            iris.add(iri)
        else:
            labels.add(" ".join(item.split()).casefold())
    return frozenset(iris), frozenset(labels)


def _view(
    proj: Projection,
    source: str,
    target: str,
    via_iris: frozenset[str],
    via_labels: frozenset[str],
    allowed: frozenset[str] | None,
    deadline: float,
) -> nx.Graph:
    """The graph to search: the projection itself, or a filtered view of it. Filters run on
    every edge the search looks at, so they also enforce the time limit."""
    if not via_iris and not via_labels and allowed is None:
        return proj.graph
    import networkx as nx

    graph = proj.graph
    calls = [0]

    def tick() -> None:
        calls[0] += 1
        if calls[0] % 4096 == 0 and time.monotonic() > deadline:
            raise _OutOfTime

    def keep_node(n: str) -> bool:
        tick()
        return n in (source, target) or not allowed or not proj.types[n].isdisjoint(allowed)

    def keep_edge(u: str, v: str) -> bool:
        tick()
        if not via_iris and not via_labels:
            return True
        return any(r.matches(via_iris, via_labels) for r in graph[u][v]["rels"])

    return nx.subgraph_view(graph, filter_node=keep_node, filter_edge=keep_edge)


def _search(
    graph: nx.Graph, source: str, target: str, k: int, max_hops: int, deadline: float
) -> tuple[list[list[str]], bool]:
    """Yen's k shortest simple paths (networkx), stopped by the hop limit, the cap and the
    clock. Returns the node lists and whether the search ran to its end."""
    import networkx as nx

    found: list[list[str]] = []
    if source not in graph or target not in graph or source == target:
        return found, True
    try:
        for nodes in nx.shortest_simple_paths(graph, source, target):
            if len(nodes) - 1 > max_hops:
                break
            found.append(nodes)
            if len(found) >= k:
                break
            if time.monotonic() > deadline:
                return found, False
    except nx.NetworkXNoPath:
        pass
    except _OutOfTime:
        return found, False
    return found, True


def _path(
    proj: Projection,
    nodes: list[str],
    via_iris: frozenset[str],
    via_labels: frozenset[str],
    prefixes: Mapping[str, str],
) -> Path:
    hops = []
    for u, v in zip(nodes, nodes[1:], strict=False):
        rels: list[Relation] = proj.graph[u][v]["rels"]
        if via_iris or via_labels:
            rels = [r for r in rels if r.matches(via_iris, via_labels)] or rels
        best = min(rels, key=_preference)
        hops.append(
            Hop(u, v, proj.label(u, prefixes), proj.label(v, prefixes), best, len(rels) - 1)
        )
    return Path(tuple(hops))


def _preference(rel: Relation) -> tuple[bool, bool, str, str]:
    """Show facts before plain triples, dated ones first; stable order."""
    return (rel.fact is None, rel.date is None, rel.label, rel.fact or "")


def _with_evidence(kb: Reader, proj: Projection, paths: list[Path]) -> tuple[Path, ...]:
    """The paths with the evidence sentence and document of each hop's fact: one query for
    the few facts shown (a nested event without evidence of its own shows its outer event's),
    one for the titles of their documents."""
    facts = {h.relation.fact for p in paths for h in p.hops if h.relation.fact}
    asked = facts | {proj.parents[f] for f in facts if f in proj.parents}
    found = _evidence(kb, asked)
    titles = document_titles(kb.store, {doc for _, doc in found.values() if doc})
    out = []
    for p in paths:
        hops = []
        for h in p.hops:
            f = h.relation.fact
            ev = found.get(f) or found.get(proj.parents.get(f, "")) if f else None
            if ev:
                relation = h.relation._replace(evidence=ev[0], document=ev[1])
                h = replace(h, relation=relation, source_title=titles.get(ev[1] or ""))
            hops.append(h)
        out.append(Path(tuple(hops)))
    return tuple(out)


def _evidence(kb: Reader, facts: Iterable[str]) -> dict[str, tuple[str, str | None]]:
    """fact -> (sentence, document) of one of its evidence mentions (the shortest sentence:
    the one most likely to be about this fact alone)."""
    best: dict[str, tuple[int, str, str]] = {}
    for f, text, doc in evidence_for(kb, facts, limit=10_000).rows:
        key = f.value  # type: ignore[union-attr]
        candidate = (len(text.value), text.value, doc.value if doc is not None else "")  # type: ignore[union-attr]
        if key not in best or candidate < best[key]:
            best[key] = candidate
    return {k: (text, doc or None) for k, (_, text, doc) in best.items()}


# -- evidence of arbitrary nodes (the shell's \\why) -----------------------------------------


def evidence_for(kb: Reader, iris: Iterable[str], limit: int = 200) -> QueryResult:
    """The evidence sentences (and their documents) of the given fact or entity IRIs."""
    terms = " ".join(str(ox.NamedNode(i)) for i in dict.fromkeys(iris))
    if not terms:
        return QueryResult("select", ("node", "sentence", "document"))
    return kb.store.query(
        f"SELECT ?node ?sentence ?document WHERE {{ VALUES ?node {{ {terms} }} "
        f"?node <{KB.evidence}> ?m . ?m <{OA.exact}> ?sentence "
        f"OPTIONAL {{ ?m <{OA.hasSource}> ?document }} }} ORDER BY ?node ?sentence LIMIT {limit}"
    )
