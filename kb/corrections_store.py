"""Making the stored documents agree with a changed set of corrections, in one transaction.

A correction made or undone changes documents already in the store. Each affected document is
re-derived from what extraction wrote for it: its uncorrected quads kept beside it
(``kb:uncorrectedQuads``) when corrections changed it before, else the store's current quads
(its graph, and the default-graph descriptions of the entities it mentions). Every active
correction is applied to them, in the order they were made (``kb.corrections_apply.apply``).

The default graph changes by the difference only: descriptions the corrections add are
added, and those they take away are removed unless a document left untouched still supports
them (it mentions the entity; for an alias, it has a mention written that way). Descriptions
the corrections do not touch are left as the store has them. So ingest, merge, undo gives back
the store as it was, quad for quad, outside the corrections graph.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kb.corrections import Correction, decode, snapshot_quad, snapshots
from kb.corrections_apply import apply, uncorrected
from kb.graph import DocumentGraph
from kb.graph.values import record_offers
from kb.shaperepair import conform
from kb.vocab import KB, OA, SCHEMA, SKOS

if TYPE_CHECKING:
    from kb.store import Store

N = ox.NamedNode
DEFAULT = ox.DefaultGraph()


def rederive(store: Store, before: list[Correction], after: list[Correction],
             documents: Iterable[str] = (), records: Iterable[ox.Quad] = ()) -> int:
    """Write ``records`` (into the corrections graph) and re-derive every corrected document
    plus ``documents`` (those the new correction touches) under ``after`` instead of
    ``before``, all in ONE ``replace_graphs``; returns how many document graphs changed."""
    kept = snapshots(store)
    merged = {c.other for c in after if c.active and c.kind == "merge" and c.other}
    graphs: dict[str, list[ox.Quad]] = {}
    old_shared: dict[ox.Quad, None] = {}
    new_shared: dict[ox.Quad, None] = {}
    retract: list[ox.Quad] = []
    for doc in sorted(set(kept) | set(documents)):
        base = _from_snapshot(doc, kept[doc]) if doc in kept else \
            stored_document(store, doc, merged)
        old = apply(before, base) if doc in kept else base
        new = apply(after, base)
        changed = new.quads != base.quads or new.shared != base.shared
        if not changed and doc not in kept:
            continue  # untouched by every correction, stored as extraction wrote it
        retract.extend(_conform(store, new))
        old_shared.update(dict.fromkeys(old.shared))
        new_shared.update(dict.fromkeys(new.shared))
        graphs[doc] = [*new.quads, snapshot_quad(doc, uncorrected(base))] if changed \
            else new.quads
    gone = [q for q in old_shared if q not in new_shared]
    remove = [q for q in gone if q not in supported_elsewhere(store, gone, set(graphs))]
    remove = list(dict.fromkeys([*remove, *retract]))
    add = [q for q in new_shared if q not in old_shared]
    store.replace_graphs(graphs, add=[*add, *records], remove=remove)
    return len(graphs)


def _conform(store: Store, graph: DocumentGraph) -> list[ox.Quad]:
    """Drop what a corrected graph would write against the shapes, as ingest does
    (``kb.shaperepair``); returns the stored quads the repair retracts."""
    conform(store, graph)
    return list(graph.retract)


def _from_snapshot(doc: str, text: str) -> DocumentGraph:
    named, shared = decode(text)
    return _graph(doc, named, shared)


def _graph(doc: str, named: list[ox.Quad], shared: list[ox.Quad]) -> DocumentGraph:
    mentions = {q.object.value for q in named
                if q.subject == N(doc) and q.predicate.value == SCHEMA.mentions}
    return DocumentGraph(doc, named, shared, mentions, offers=record_offers(named))


def stored_document(store: Store, doc: str, whole: Iterable[str] = ()) -> DocumentGraph:
    """A stored document as a graph builder would have handed it over: its named graph, and
    the default-graph description of every entity it mentions, with the aliases its own
    mentions write (an alias another document or a correction gave is not this document's
    to restore), and all of the description of the entities in ``whole`` (merged ones)."""
    g = N(doc)
    rows = store.query("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }",
                       bindings={"g": g}, union=False).rows
    named = [ox.Quad(s, p, o, g) for s, p, o in rows  # type: ignore[arg-type]
             if p.value != KB.uncorrectedQuads]  # type: ignore[union-attr]
    shared = [ox.Quad(s, p, o, DEFAULT) for s, p, o in store.query(f"""
        SELECT ?s ?p ?o WHERE {{
          GRAPH ?g {{ ?g <{SCHEMA.mentions}> ?s }}
          ?s ?p ?o
          FILTER (?p != <{SKOS.altLabel}> || EXISTS {{
            GRAPH ?g {{ ?s <{KB.evidence}> ?m . ?m <{OA.exact}> ?x }} FILTER (STR(?x) = STR(?o))
          }})
        }}""", bindings={"g": g}, union=False).rows]  # type: ignore[arg-type]
    result = _graph(doc, named, shared)
    taken = sorted(result.mentions & set(whole))
    if taken:  # merged entities go whole: nothing of theirs may stay behind
        values = " ".join(str(N(s)) for s in taken)
        shared += [ox.Quad(s, p, o, DEFAULT) for s, p, o in store.query(  # type: ignore[arg-type]
            f"SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {values} }} ?s ?p ?o }}", union=False).rows]
        result.shared = list(dict.fromkeys(shared))
    return result


def supported_elsewhere(store: Store, quads: list[ox.Quad], documents: set[str]) -> set[ox.Quad]:
    """Those of ``quads`` that a document outside ``documents`` supports: it mentions the
    subject, and for an alias it has a mention of the subject written that way."""
    subjects = {q.subject for q in quads if isinstance(q.subject, ox.NamedNode)}
    if not subjects:
        return set()
    values = " ".join(str(s) for s in subjects)
    mentioned: set[ox.NamedNode] = set()
    written: set[tuple[ox.NamedNode, str]] = set()
    for s, d, x in store.query(f"""
        SELECT ?s ?d ?x WHERE {{
          VALUES ?s {{ {values} }}
          GRAPH ?d {{ ?d <{SCHEMA.mentions}> ?s
                     OPTIONAL {{ ?s <{KB.evidence}> ?m . ?m <{OA.exact}> ?x }} }}
        }}""", union=False).rows:
        if d.value in documents:  # type: ignore[union-attr]
            continue
        mentioned.add(s)  # type: ignore[arg-type]
        if x is not None:
            written.add((s, x.value))  # type: ignore[arg-type, union-attr]
    return {q for q in quads if q.subject in mentioned and (
        q.predicate.value != SKOS.altLabel or (q.subject, q.object.value) in written)}
