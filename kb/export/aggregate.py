"""Aggregation: the selected entities and relations become the exported nodes and edges.

Relations between the same two entities with the same label become one edge whose weight is
the number of documents supporting it, with the first and last date (GEXF `start`/`end`, so
Gephi's timeline filter works) and the evidence sentences; with `facts_as_nodes` each fact is
a node of its own, linked to its entities by the properties that name them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kb.edge_labels import property_label
from kb.export.model import (
    JOIN,
    ExportEdge,
    ExportGraph,
    ExportNode,
    FactLinks,
    Support,
    category_of,
    clean_text,
    fact_days,
)
from kb.formats import shorten_iri
from kb.projection import FACT_ENDS, FACT_KIND, Projection, Relation
from kb.vocab import DCT, KB, PROV, SEM

#: Fact category of a relation's `kind` when it is a fact class (events carry their type).
_FACT_OF_CLASS = dict(FACT_KIND)

#: Properties of a fact node that are bookkeeping, not links worth drawing.
_FACT_BOOKKEEPING = frozenset({KB.evidence, PROV.wasQuotedFrom, PROV.wasGeneratedBy,
                               SEM.eventType, KB.factuality, DCT.source})  # fmt: skip


def _fact_category(rel: Relation) -> str:
    if rel.fact is None:
        return "relation"
    return _FACT_OF_CLASS.get(rel.kind or "", "event")


def aggregate(
    proj: Projection,
    prefixes: Mapping[str, str],
    nodes: set[str],
    rels: list[Relation],
    support: Mapping[str, Support],
    details: Mapping[str, tuple[int | None, str | None]],
    facts_as_nodes: bool,
    fact_links: FactLinks | None,
) -> ExportGraph:
    short = _Shortener(prefixes)
    out_nodes: dict[str, ExportNode] = {}
    for n in sorted(nodes):
        types = proj.types.get(n, frozenset())
        geonames, ocd = details.get(n, (None, None))
        out_nodes[n] = ExportNode(
            n, clean_text(proj.label(n, prefixes)), category_of(types),
            short.classes(types), geonames, ocd,
        )  # fmt: skip
    if facts_as_nodes:
        edges = _facts_as_nodes(proj, prefixes, out_nodes, rels, support, fact_links, short)
    else:
        edges = _facts_as_edges(rels, support, short)
    for e in edges:
        out_nodes[e.source].degree += 1
        out_nodes[e.target].degree += 1
    return ExportGraph(list(out_nodes.values()), edges)


def _facts_as_edges(
    rels: list[Relation], support: Mapping[str, Support], short: _Shortener
) -> list[ExportEdge]:
    """One edge per (source, target, label): the facts behind it summed up."""
    groups: dict[tuple[str, str, str], list[Relation]] = {}
    for r in rels:
        groups.setdefault((r.source, r.target, r.label), []).append(r)
    edges = []
    for i, key in enumerate(sorted(groups)):
        group = groups[key]
        edges.append(_edge(f"e{i}", key[0], key[1], key[2], group, support, short))
    return edges


def _edge(
    eid: str,
    source: str,
    target: str,
    label: str,
    group: Sequence[Relation],
    support: Mapping[str, Support],
    short: _Shortener,
    *,
    by_property: bool = False,
) -> ExportEdge:
    """One exported edge standing for `group`: weight = distinct supporting documents (at
    least 1, so an edge without recorded documents is still drawn), first and last date,
    the evidence sentences and documents joined."""
    if len(group) == 1:  # most edges stand for one fact or triple: the short way
        return _single_edge(eid, source, target, label, group[0], support, short, by_property)
    facts = {r.fact for r in group if r.fact is not None}
    sentences: dict[str, None] = {}
    documents: dict[str, None] = {}
    days: list[tuple[str, str]] = []
    for r in group:
        found = support.get(r.fact or "")
        for s in found.sentences if found and found.sentences else (r.evidence,):
            if s:
                sentences[clean_text(s)] = None
        for d in found.documents if found and found.documents else (r.document,):
            if d:
                documents[d] = None
        span = fact_days(r, support) if r.fact else None
        if span:
            days.append(span)
    kinds = sorted({_fact_category(r) for r in group})
    named = (r.predicate if by_property or not r.kind else r.kind for r in group)
    relation = " ".join(sorted({short(i) for i in named if i and i != "source"}))
    return ExportEdge(
        eid, source, target, clean_text(label), ",".join(kinds), relation, len(facts),
        float(max(1, len(documents))),
        min(d[0] for d in days) if days else None, max(d[1] for d in days) if days else None,
        JOIN.join(sentences), JOIN.join(documents),
    )  # fmt: skip


def _single_edge(
    eid: str,
    source: str,
    target: str,
    label: str,
    r: Relation,
    support: Mapping[str, Support],
    short: _Shortener,
    by_property: bool,
) -> ExportEdge:
    """`_edge` for a group of one relation (same result, a fifth of the work)."""
    found = support.get(r.fact) if r.fact else None
    if found and found.sentences:
        sentences = JOIN.join(dict.fromkeys(map(clean_text, found.sentences)))
    else:
        sentences = clean_text(r.evidence) if r.evidence else ""
    documents = found.documents if found and found.documents else (r.document,)
    documents = tuple(d for d in documents if d)
    span = fact_days(r, support) if r.fact else None
    named = r.predicate if by_property or not r.kind else r.kind
    return ExportEdge(
        eid, source, target, clean_text(label), _fact_category(r),
        short(named) if named and named != "source" else "", 1 if r.fact else 0,
        float(max(1, len(documents))), span[0] if span else None, span[1] if span else None,
        sentences, JOIN.join(documents),
    )  # fmt: skip


def _facts_as_nodes(
    proj: Projection,
    prefixes: Mapping[str, str],
    out_nodes: dict[str, ExportNode],
    rels: list[Relation],
    support: Mapping[str, Support],
    fact_links: FactLinks | None,
    short: _Shortener,
) -> list[ExportEdge]:
    """Each fact a node (labelled by what happened, dated), linked to its entities by the
    properties that name them (`agent`, `target`, `about law`); plain entity-to-entity
    triples stay edges."""
    plain = [r for r in rels if r.fact is None]
    by_fact: dict[str, list[Relation]] = {}
    for r in rels:
        if r.fact is not None:
            by_fact.setdefault(r.fact, []).append(r)
    for fact, group in sorted(by_fact.items()):
        if fact in out_nodes:  # a grant is an entity too
            continue
        spans = [s for s in (fact_days(r, support) for r in group) if s]
        first = group[0]
        out_nodes[fact] = ExportNode(
            fact, clean_text(first.label), _fact_category(first), short(first.kind or ""),
            start=min(s[0] for s in spans) if spans else None,
            end=max(s[1] for s in spans) if spans else None,
        )  # fmt: skip
    links: list[tuple[str, str, str]]
    if fact_links is not None:
        links = list(fact_links(by_fact))
    else:  # no store at hand: the ends the projection recorded
        links = sorted({
            (f, p, end) for f, group in by_fact.items() for r in group
            for p, end in (("source", r.source), (r.predicate, r.target))
        })  # fmt: skip
    seen = {(r.source, r.target, r.predicate) for r in plain}
    source_props = {p for ends in FACT_ENDS.values() for p in ends[0]}
    edges: list[tuple[str, str, str, list[Relation]]] = []
    for f, p, o in links:
        if p in _FACT_BOOKKEEPING or o not in out_nodes or f == o or (f, o, p) in seen:
            continue
        group = by_fact.get(f, [])
        if p == "source" or p in source_props:  # the doer points at what was done
            edges.append((o, f, p, group))
        else:
            edges.append((f, o, p, group))
    groups: dict[tuple[str, str, str], list[Relation]] = {}
    for r in plain:
        groups.setdefault((r.source, r.target, r.label), []).append(r)
    for s, o, p, group in edges:
        label = "acted" if p == "source" else property_label(p)
        stub = [Relation(s, o, label, p, r.fact, r.kind, r.date, r.evidence, r.document)
                for r in group[:1]] or [Relation(s, o, label, p)]  # fmt: skip
        groups.setdefault((s, o, label), []).extend(stub)
    return [
        _edge(f"e{i}", key[0], key[1], key[2], groups[key], support, short, by_property=True)
        for i, key in enumerate(sorted(groups))
    ]


class _Shortener:
    """Prefixed names, memoised: the same few dozen classes and properties over and over."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self.prefixes = prefixes
        self.memo: dict[object, str] = {}

    def classes(self, types: frozenset[str]) -> str:
        """The prefixed names of a set of classes, sorted, space-separated."""
        found = self.memo.get(types)  # type: ignore[call-overload]
        if found is None:
            found = self.memo[types] = " ".join(sorted(self(t) for t in types))  # type: ignore[index]
        return found

    def __call__(self, iri: str) -> str:
        if not iri:
            return ""
        found = self.memo.get(iri)
        if found is None:
            found = self.memo[iri] = shorten_iri(iri, self.prefixes)
        return found
