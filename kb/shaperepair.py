"""Valid by construction: a document's graph is checked against the shapes before it is
written, and what violates them is dropped, with one warning each.

Why drop rather than refuse the document: one bad fact (a grant whose parties were not found,
a second law type) should not cost the document's other facts; and a graph the shapes reject
would make ``kb validate`` fail for everyone after. Repairs, by what the finding names:

* a value at fault (wrong datatype, kind, class, not in the allowed list): that triple goes;
* too many values (``sh:maxCount``): the stored ones and the document's first ones stay, the
  rest of the document's go (the store is never changed by a later document's disagreement);
* anything else (a required property missing, a SPARQL constraint): the node goes, with every
  triple of the document about it or pointing to it, and then the document's own nodes
  nothing points to any more (its evidence, its amount). That may leave another node short
  of something (an event whose only type was dropped), so the check runs again until clean.

The document node itself is never dropped: a document whose own description violates a shape
is refused (``ShapeError``) and nothing of it is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kb.errors import KBError
from kb.graph.values import value_order
from kb.shapecheck import Finding, Term, Triples, View, check
from kb.vocab import ORG, RDF, SCHEMA, SEM, prefixed

if TYPE_CHECKING:
    from kb.graph import DocumentGraph
    from kb.store import Store

MAX_ROUNDS = 8
"""Each round drops at least one triple; a cascade deeper than this is a bug, reported."""


class ShapeError(KBError):
    """The document's own description violates a shape: nothing of it is written."""


def conform(store: Store, graph: DocumentGraph, removed: Iterable[ox.Quad] = (),
            added: Iterable[ox.Quad] = ()) -> list[str]:
    """Check ``graph`` (one document's quads and shared triples, about to be written over
    ``store`` minus ``removed`` plus ``added``) and drop what violates the shapes, in place;
    returns one warning per repair."""
    stored = _stored(store, graph, removed)
    for q in added:
        stored.add(q.subject, q.predicate.value, q.object)
    referenced = local_objects(graph)
    warnings: list[str] = []
    for _ in range(MAX_ROUNDS):
        data = Triples((q.subject, q.predicate, q.object) for q in (*graph.quads, *graph.shared))
        found = check(View(data, stored), list(data.by_subject))
        drop: set[ox.Quad] = set()
        for finding in found:
            retracted = len(graph.retract)
            dropped = _repair(finding, graph, data, stored)
            if dropped - drop:
                warnings.append(_warning(graph, finding, dropped))
                drop |= dropped
            elif len(graph.retract) > retracted:
                warnings.append(_warning(graph, finding, set(graph.retract[retracted:]),
                                         "replaced the stored"))
        if not drop:
            return warnings
        remove_with_orphans(graph, drop, referenced)
    raise ShapeError(f"{graph.iri}: the shapes check did not settle after {MAX_ROUNDS} "
                     "rounds of repairs; please report this document")


def _stored(store: Store, graph: DocumentGraph, removed: Iterable[ox.Quad]) -> Triples:
    """The stored default-graph description of every entity the document touches (the
    subjects of its shared triples and the IRIs it points to), minus what the transaction
    removes."""
    local = graph.iri + "/"
    nodes = {q.subject for q in graph.shared} | {
        q.object for q in (*graph.quads, *graph.shared)
        if isinstance(q.object, ox.NamedNode) and not q.object.value.startswith(local)}
    nodes.discard(ox.NamedNode(graph.iri))
    if not nodes:
        return Triples()
    values = " ".join(str(n) for n in nodes if isinstance(n, ox.NamedNode))
    rows = store.query(f"SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {values} }} ?s ?p ?o }}",
                       union=False).rows
    gone = {(q.subject, q.predicate, q.object) for q in removed
            if isinstance(q.graph_name, ox.DefaultGraph)}
    return Triples((s, p, o) for s, p, o in rows if (s, p, o) not in gone)


def _repair(finding: Finding, graph: DocumentGraph, data: Triples,
            stored: Triples) -> set[ox.Quad]:
    """The document's quads to drop for one finding (empty: nothing of this document's)."""
    quads = (*graph.quads, *graph.shared)
    f, path = finding.focus, finding.path
    if finding.value is not None and path is not None:
        return {q for q in quads if q.subject == f and q.predicate.value == path
                and q.object == finding.value}
    if finding.component == "maxCount" and path is not None:
        return _over_count(f, path, finding.limit or 1, graph, data, stored)
    if f == ox.NamedNode(graph.iri):
        raise ShapeError(f"{graph.iri}: {finding.message}")
    return {q for q in quads if f in (q.subject, q.object)}


def _over_count(f: Term, path: str, limit: int, graph: DocumentGraph, data: Triples,
                stored: Triples) -> set[ox.Quad]:
    """Too many values of a single-valued property. A document's own node keeps its first
    values in document order. A shared entity keeps the smallest values (N-Triples order) of
    the stored ones and ours together, the stored losers retracted: which document came first
    must not decide the description (two documents typing one law as a statute and as a
    bill give the same law whichever is ingested first)."""
    quads = (*graph.quads, *graph.shared)
    held = list(stored.objects(f, path))
    ours = [o for o in data.objects(f, path) if o not in held]
    if isinstance(f, ox.NamedNode) and (f.value + "/").startswith(graph.iri + "/"):
        extra = set(ours[max(0, limit - len(held)):])
    else:
        keep = set(sorted({*held, *ours}, key=value_order)[:limit])
        extra = {o for o in ours if o not in keep}
        for o in held:
            if o not in keep:
                graph.retract.append(ox.Quad(f, ox.NamedNode(path), o, ox.DefaultGraph()))
                stored.by_subject[f][path].remove(o)
    return {q for q in quads if q.subject == f and q.predicate.value == path
            and q.object in extra}


def local_objects(graph: DocumentGraph) -> set[Term]:
    local = graph.iri + "/"
    return {q.object for q in (*graph.quads, *graph.shared)
            if isinstance(q.object, ox.NamedNode) and q.object.value.startswith(local)}


FACT_CLASSES = frozenset({ORG.Membership, SCHEMA.Quotation, SEM.Event, SCHEMA.MonetaryGrant})


def remove_with_orphans(graph: DocumentGraph, drop: set[ox.Quad],
                        referenced: set[Term]) -> None:
    """Drop ``drop``, then the document's own nodes nothing points to any more (they were
    pointed to before: a fact's evidence, a grant's amount), until none is left; the fact
    count and the entities the document mentions follow."""
    facts_before = _facts(graph)
    while drop:
        graph.quads = [q for q in graph.quads if q not in drop]
        graph.shared = [q for q in graph.shared if q not in drop]
        orphans = referenced - {q.object for q in (*graph.quads, *graph.shared)}
        referenced -= orphans
        drop = {q for q in graph.quads if q.subject in orphans}
    graph.facts -= facts_before - _facts(graph)
    graph.mentions &= {q.object.value for q in graph.quads
                       if q.predicate.value == SCHEMA.mentions}


def _facts(graph: DocumentGraph) -> int:
    return sum(1 for q in graph.quads
               if q.predicate.value == RDF.type and q.object.value in FACT_CLASSES)


def _warning(graph: DocumentGraph, finding: Finding, dropped: set[ox.Quad],
             verb: str = "dropped") -> str:
    local = graph.iri + "/"
    f = finding.focus.value
    node = f[len(local):] if f.startswith(local) else (prefixed(f) or f)
    if finding.value is not None or finding.component == "maxCount":
        what = ", ".join(sorted(_short(q.object) for q in dropped))
        path = prefixed(finding.path or "") or finding.path
        return f"{node}: {finding.message}: {verb} {path} {what}"
    kinds = {q.object.value for q in dropped if q.subject == finding.focus
             and q.predicate.value == RDF.type}
    kind = prefixed(min(kinds)) if kinds else "node"
    return f"{node}: {finding.message}: dropped the {kind}"


def _short(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return prefixed(term.value) or str(term)
    return str(term)
