"""Selection: which entities and relations of the entity graph go into an export.

Everything, a neighbourhood (`around` + `hops`), entities of some classes (`types`,
subclasses included), the triples of a CONSTRUCT query, and facts dated within
`since`/`until`; then aggregation (kb.export.aggregate) turns the selection into the exported
nodes and edges.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kb.edge_labels import property_label
from kb.errors import UsageError
from kb.export.aggregate import aggregate
from kb.export.model import ExportGraph, FactLinks, Support, date_span, fact_days
from kb.export.store_details import entity_details, fact_links, fact_support
from kb.labels import bulk_objects, resolve_entity
from kb.ontology_index import class_filter
from kb.projection import Projection, Relation, projection
from kb.sparqltext import query_form

if TYPE_CHECKING:
    from kb.reader import Reader


def export_graph(
    kb: Reader,
    *,
    around: Iterable[str] | None = None,
    hops: int | None = None,
    types: Iterable[str] | None = None,
    construct: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    facts_as_nodes: bool = False,
) -> ExportGraph:
    """The subgraph to export, from the cached entity graph of kb/paths.py.

    Selections combine: `construct` (a CONSTRUCT query whose triples name the entities, facts
    and entity-to-entity triples to keep) or else the whole graph is the starting point;
    `since`/`until` keep only facts dated within the window (plain entity-to-entity triples,
    such as a city's state, have no date and stay); `around` keeps the entities within `hops`
    edges (default 1) of the named ones, walking the edges left by the other filters; `types`
    then keeps entities of those classes (subclasses included; the `around` entities always
    stay). With only `since`/`until`, the entities are those of the facts in the window.
    """
    prefixes = kb.prefixes
    centres = [resolve_entity(kb, name) for name in around or ()]
    if hops is not None and hops < 0:
        raise UsageError(f"--hops must be 0 or more, got {hops}")
    if hops is not None and not centres:
        raise UsageError("--hops needs --around ENTITY")
    allowed = class_filter(types, prefixes, "--type")
    window = (_day(since, "since", first=True), _day(until, "until", first=False))
    if window[0] and window[1] and window[0] > window[1]:
        raise UsageError(f"--since {window[0]} is after --until {window[1]}")
    proj = projection(kb)
    chosen = _construct_selection(kb, proj, construct) if construct is not None else None
    support = fact_support(kb)
    details = entity_details(kb)
    return from_projection(
        proj, prefixes,
        centres=centres, hops=1 if hops is None else hops, allowed=allowed, window=window,
        chosen=chosen, support=support, details=details, facts_as_nodes=facts_as_nodes,
        fact_links=(lambda facts: fact_links(kb, facts)) if facts_as_nodes else None,
        description=_describe(centres, hops, types, construct, window, proj, prefixes),
    )  # fmt: skip


def from_projection(
    proj: Projection,
    prefixes: Mapping[str, str],
    *,
    centres: Sequence[str] = (),
    hops: int = 1,
    allowed: frozenset[str] | None = None,
    window: tuple[str | None, str | None] = (None, None),
    chosen: tuple[set[str], list[Relation]] | None = None,
    support: Mapping[str, Support] | None = None,
    details: Mapping[str, tuple[int | None, str | None]] | None = None,
    facts_as_nodes: bool = False,
    fact_links: FactLinks | None = None,
    description: str = "",
) -> ExportGraph:
    """The selection and aggregation steps on a projection (no store access unless
    `fact_links` is given): what `export_graph` runs after its queries, and what the
    benchmark times on a synthetic projection."""
    with bulk_objects():  # no cyclic GC walks over millions of new objects
        return _select_and_aggregate(
            proj, prefixes, centres, hops, allowed, window, chosen, support or {},
            details or {}, facts_as_nodes, fact_links, description,
        )  # fmt: skip


def _select_and_aggregate(
    proj: Projection,
    prefixes: Mapping[str, str],
    centres: Sequence[str],
    hops: int,
    allowed: frozenset[str] | None,
    window: tuple[str | None, str | None],
    chosen: tuple[set[str], list[Relation]] | None,
    support: Mapping[str, Support],
    details: Mapping[str, tuple[int | None, str | None]],
    facts_as_nodes: bool,
    fact_links: FactLinks | None,
    description: str,
) -> ExportGraph:
    warnings: list[str] = []
    if chosen is None:
        nodes = set(proj.graph.nodes)
        rels = [r for _, _, data in proj.graph.edges(data=True) for r in data["rels"]]
    else:
        nodes, rels = chosen
    dated = window != (None, None)
    if dated:
        rels, undated = _in_window(rels, window, support)
        if undated:
            warnings.append(f"{undated} fact(s) without a date were left out by --since/--until")
    if centres:
        nodes = _neighbourhood(centres, hops, nodes, rels)
    elif dated and chosen is None:
        nodes &= {end for r in rels if r.fact is not None for end in (r.source, r.target)}
    if allowed is not None:
        keep = set(centres)
        nodes = {
            n for n in nodes if n in keep or not proj.types.get(n, frozenset()).isdisjoint(allowed)
        }
    rels = [r for r in rels if r.source in nodes and r.target in nodes]
    graph = aggregate(proj, prefixes, nodes, rels, support, details, facts_as_nodes,
                       fact_links)  # fmt: skip
    graph.description = description
    graph.warnings = warnings
    if not graph.nodes:
        graph.warnings.append("the selection is empty: wrote a graph with no nodes")
    return graph


def _day(value: str | dt.date | None, name: str, *, first: bool) -> str | None:
    """`2017`, `2017-03` or `2017-03-27` (or a date) as the first or last day it covers."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    span = date_span(str(value).strip())
    if span is None:
        raise UsageError(f"--{name} takes a date like 2017-03-27, 2017-03 or 2017; got {value!r}")
    return span[0] if first else span[1]


def _in_window(
    rels: list[Relation], window: tuple[str | None, str | None], support: Mapping[str, Support]
) -> tuple[list[Relation], int]:
    since, until = window
    kept: list[Relation] = []
    undated: set[str] = set()
    for r in rels:
        if r.fact is None:
            kept.append(r)
            continue
        days = fact_days(r, support)
        if days is None:
            undated.add(r.fact)
        elif (since is None or days[1] >= since) and (until is None or days[0] <= until):
            kept.append(r)
    return kept, len(undated)


def _neighbourhood(
    centres: Sequence[str], hops: int, nodes: set[str], rels: list[Relation]
) -> set[str]:
    """Entities within `hops` edges of the centres, over the selected relations (both
    directions: who acted on X and whom X acted on)."""
    adjacent: dict[str, set[str]] = {}
    for r in rels:
        if r.source in nodes and r.target in nodes:
            adjacent.setdefault(r.source, set()).add(r.target)
            adjacent.setdefault(r.target, set()).add(r.source)
    reached = set(centres)
    frontier = set(centres)
    for _ in range(hops):
        frontier = {m for n in frontier for m in adjacent.get(n, ())} - reached
        if not frontier:
            break
        reached |= frontier
    return reached


def _construct_selection(
    kb: Reader, proj: Projection, sparql: str
) -> tuple[set[str], list[Relation]]:
    """Nodes and relations named by the triples of a CONSTRUCT query: entities in any
    position, every relation of a fact named in any position (with its two ends), and
    entity-to-entity triples (those the store has keep their relation; a triple the query
    invents becomes a relation labelled by its property)."""
    form = query_form(sparql)
    if form != "CONSTRUCT":
        found = f"{'an' if form == 'ASK' else 'a'} {form} query" if form else "not a SPARQL query"
        raise UsageError(f"--query needs a CONSTRUCT query; this is {found}")
    triples = kb.query(sparql).triples
    entities = proj.types
    by_fact: dict[str, list[Relation]] = {}
    for _, _, data in proj.graph.edges(data=True):
        for r in data["rels"]:
            if r.fact is not None:
                by_fact.setdefault(r.fact, []).append(r)
    nodes: set[str] = set()
    rels: dict[tuple[object, ...], Relation] = {}
    for t in triples:
        ends = [x.value for x in (t.subject, t.object) if isinstance(x, ox.NamedNode)]
        for iri in ends:
            if iri in entities:
                nodes.add(iri)
            for r in by_fact.get(iri, ()):
                rels[_rel_key(r)] = r
                nodes.update((r.source, r.target))
        s, p, o = t.subject, t.predicate.value, t.object
        if not (isinstance(s, ox.NamedNode) and isinstance(o, ox.NamedNode)):
            continue
        if s.value in entities and o.value in entities and s.value != o.value:
            existing = [
                r
                for r in _rels_between(proj, s.value, o.value)
                if r.fact is None and r.predicate == p and r.source == s.value
            ]
            for r in existing or [Relation(s.value, o.value, property_label(p), p)]:
                rels[_rel_key(r)] = r
    return nodes, list(rels.values())


def _rels_between(proj: Projection, a: str, b: str) -> list[Relation]:
    if proj.graph.has_edge(a, b):
        return list(proj.graph[a][b]["rels"])
    return []


def _rel_key(r: Relation) -> tuple[object, ...]:
    return (r.source, r.target, r.label, r.predicate, r.fact)


def _describe(
    centres: Sequence[str],
    hops: int | None,
    types: Iterable[str] | None,
    construct: str | None,
    window: tuple[str | None, str | None],
    proj: Projection,
    prefixes: Mapping[str, str],
) -> str:
    parts = []
    if construct is not None:
        parts.append("the triples of a CONSTRUCT query")
    if centres:
        names = ", ".join(proj.label(c, prefixes) for c in centres)
        n = 1 if hops is None else hops
        parts.append(f"within {n} hop{'' if n == 1 else 's'} of {names}")
    if types:
        parts.append("entities of type " + ", ".join(types))
    if window[0] or window[1]:
        parts.append(f"facts dated {window[0] or '...'} to {window[1] or '...'}")
    return "kb entity graph: " + ("; ".join(parts) if parts else "everything")
