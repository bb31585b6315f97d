"""Applying corrections to one document's graph: the function ingest calls before it writes a
document, and the one that re-derives stored documents when a correction is made or undone.

``apply(corrections, graph)`` is pure: a ``DocumentGraph`` in (``.quads`` the document graph,
``.shared`` its default-graph descriptions, ``.mentions``), a corrected copy out, so the same
document and the same corrections always give the same quads:

* **merge** (kept A, merged B): B's IRI becomes A's in every quad; B's ``schema:name`` and
  aliases become A's ``skos:altLabel``, B's types A's; the rest of B's own description goes
  (A's stands). Merges are followed transitively (B into A, then A into C: B's quads go to C).
* **split** (entity A, surface form NAME, new IRI N, document or all): A's mentions written
  NAME become N's. When every mention of A in the document is NAME, A is N throughout the
  document; otherwise a fact moves to N when its evidence sentence writes NAME and no
  other form of A. N is described with A's types and NAME.
* **reject** (fact F): every quad about or pointing to F goes, then the document's own nodes
  (its evidence, its amount, a nested event) that nothing points to any more.

``correct(store, graph)`` is what ingest calls: the active corrections applied, plus the
document's uncorrected quads kept beside them when a correction changed anything
(``kb.corrections``), so a later undo can give the document back as extraction wrote it.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kb import iris
from kb.corrections import Correction, active, encode, snapshot_quad
from kb.graph.values import with_records
from kb.shaperepair import local_objects, remove_with_orphans
from kb.vocab import KB, OA, ORG, RDF, SCHEMA, SKOS

if TYPE_CHECKING:
    from kb.graph import DocumentGraph
    from kb.store import Store

N = ox.NamedNode
Term = ox.NamedNode | ox.BlankNode | ox.Literal
DEFAULT = ox.DefaultGraph()
_NAME, _ALT, _TYPE = N(SCHEMA.name), N(SKOS.altLabel), N(RDF.type)
_EVIDENCE, _MENTIONS = N(KB.evidence), N(SCHEMA.mentions)
_KIND_CLASS = {"person": SCHEMA.Person, "place": SCHEMA.Place, "org": ORG.Organization,
               "law": SCHEMA.Legislation, "post": ORG.Post}
"""The class of a split's new entity when the document does not type the entity it leaves."""


def correct(store: Store, graph: DocumentGraph) -> DocumentGraph:
    """``graph`` with the store's active corrections applied, carrying its uncorrected quads
    when they changed it; ``graph`` itself when none applies (one small query per document)."""
    corrections = active(store)
    if not corrections:
        return graph
    fixed = apply(corrections, graph)
    if fixed.quads == graph.quads and fixed.shared == graph.shared:
        return graph
    fixed.quads.append(snapshot_quad(graph.iri, uncorrected(graph)))
    return fixed


def uncorrected(graph: DocumentGraph) -> ox.Literal:
    """What extraction wrote for the document, as ``kb.corrections.encode`` keeps it."""
    g = N(graph.iri)
    return encode([ox.Quad(q.subject, q.predicate, q.object, g) for q in graph.quads],
                  [ox.Quad(q.subject, q.predicate, q.object, DEFAULT) for q in graph.shared])


def apply(corrections: list[Correction], graph: DocumentGraph) -> DocumentGraph:
    """A corrected copy of ``graph`` (see the module docstring); ``graph`` is not changed.

    Most corrections are about entities a given document never names: one set of the IRIs
    it uses lets each of those cost a lookup instead of a pass over its quads."""
    out = _copy(graph)
    merged_into = _merge_targets(corrections)
    present = _iris(out)
    for c in corrections:
        if not c.active or _target(c) not in present:
            continue
        if c.kind == "merge" and c.other:
            _merge(out, c.other, merged_into[c.other])
        elif c.kind == "split" and c.entity and c.other and c.name is not None:
            _split(out, c)
        elif c.kind == "reject" and c.fact:
            _reject(out, N(c.fact))
        present = _iris(out)
    if graph.offers:  # what the document gives the shared descriptions, corrected alike
        shadow = dataclasses.replace(_copy(graph), shared=list(graph.offers), offers=[])
        out.offers = apply(corrections, shadow).shared
        with_records(out)
    return out


def _target(c: Correction) -> str | None:
    """The IRI a document must use for the correction to change it."""
    return {"merge": c.other, "split": c.entity, "reject": c.fact}.get(c.kind)


def _iris(graph: DocumentGraph) -> set[str]:
    return {t.value for q in (*graph.quads, *graph.shared) for t in (q.subject, q.object)
            if isinstance(t, ox.NamedNode)}


def _copy(graph: DocumentGraph) -> DocumentGraph:
    """A copy whose lists and sets can change without touching ``graph`` (fields the graph
    builder may add later are copied along)."""
    changes = {}
    for f in dataclasses.fields(graph):
        value = getattr(graph, f.name)
        if isinstance(value, (list, set)):
            changes[f.name] = type(value)(value)
    return dataclasses.replace(graph, **changes)


def _merge_targets(corrections: list[Correction]) -> dict[str, str]:
    """Merged IRI -> the IRI it ends up as, following chains of merges."""
    step = {c.other: c.entity for c in corrections
            if c.active and c.kind == "merge" and c.other and c.entity}
    final: dict[str, str] = {}
    for start in step:
        seen, at = {start}, step[start]
        while at in step and at not in seen:  # a cycle cannot be made by hand; stop if loaded
            seen.add(at)
            at = step[at]
        final[start] = at
    return final


def _swap(term: Term, old: ox.NamedNode, new: ox.NamedNode) -> Term:
    return new if term == old else term


def _rewrite(quads: list[ox.Quad], old: ox.NamedNode, new: ox.NamedNode) -> list[ox.Quad]:
    return _unique([ox.Quad(_swap(q.subject, old, new), q.predicate, _swap(q.object, old, new),
                            q.graph_name) for q in quads])


def _unique(quads: list[ox.Quad]) -> list[ox.Quad]:
    return list(dict.fromkeys(quads))


# --- merge -------------------------------------------------------------------------------------


def _merge(graph: DocumentGraph, merged: str, kept: str) -> None:
    b, a = N(merged), N(kept)
    shared: list[ox.Quad] = []
    for q in graph.shared:
        if q.subject == b:
            if q.predicate in (_NAME, _ALT):
                q = ox.Quad(a, _ALT, q.object, q.graph_name)
            elif q.predicate == _TYPE:
                q = ox.Quad(a, _TYPE, q.object, q.graph_name)
            else:
                continue  # the kept entity's own description stands
        shared.append(ox.Quad(q.subject, q.predicate, _swap(q.object, b, a), q.graph_name))
    names = {q.object for q in shared if q.subject == a and q.predicate == _NAME}
    graph.shared = _unique([q for q in shared
                            if not (q.subject == a and q.predicate == _ALT and q.object in names)])
    graph.quads = _rewrite(graph.quads, b, a)
    _forget_retractions(graph, b)  # stored values of B it would replace: B is gone
    if merged in graph.mentions:
        graph.mentions.discard(merged)
        graph.mentions.add(kept)


def _forget_retractions(graph: DocumentGraph, entity: ox.NamedNode) -> None:
    """Drop the stored values of ``entity`` the builder would replace by this document's
    (``DocumentGraph.retract``): its description here has been taken away."""
    graph.retract = [q for q in graph.retract if entity not in (q.subject, q.object)]


# --- split -------------------------------------------------------------------------------------


def _split(graph: DocumentGraph, c: Correction) -> None:
    if c.document and c.document != graph.iri:
        return
    a, new = N(c.entity), N(c.other)  # type: ignore[arg-type]
    evidence = {q.object for q in graph.quads if q.subject == a and q.predicate == _EVIDENCE}
    named = {q.subject for q in graph.quads if q.subject in evidence
             and q.predicate.value == OA.exact and q.object.value == c.name}
    if not named:
        return
    others = evidence - named
    types = [q.object for q in graph.shared if q.subject == a and q.predicate == _TYPE]
    if not types:
        kind = iris.kind_of(c.entity or "")
        types = [N(_KIND_CLASS[kind])] if kind in _KIND_CLASS else []
    if not others:  # every mention here is the other entity: all of A here is N
        graph.quads = _rewrite(graph.quads, a, new)
        graph.shared = [q for q in graph.shared if q.subject != a]
        graph.shared = _rewrite(graph.shared, a, new)
        graph.mentions.discard(c.entity)  # type: ignore[arg-type]
        _forget_retractions(graph, a)  # the document no longer speaks for A
    else:
        graph.quads = _split_facts(graph, a, new, c.name or "", named, others)
        graph.quads.append(ox.Quad(N(graph.iri), _MENTIONS, new, N(graph.iri)))
        graph.shared = [q for q in graph.shared if not (
            q.subject == a and q.predicate == _ALT and q.object.value == c.name)]
    graph.shared = _unique([*graph.shared,
                            *(ox.Quad(new, _TYPE, t, DEFAULT) for t in types),
                            ox.Quad(new, _NAME, ox.Literal(c.name or ""), DEFAULT)])
    graph.quads = _unique(graph.quads)
    graph.mentions.add(c.other)  # type: ignore[arg-type]


def _split_facts(graph: DocumentGraph, a: ox.NamedNode, new: ox.NamedNode, name: str,
                 named: set[Term], others: set[Term]) -> list[ox.Quad]:
    """The document's quads with A's NAME mentions, and the facts whose evidence sentence
    names A only as NAME, moved to ``new``.

    Sentences are read as text: the builder keeps one mention per surface form (at its first
    place, maybe inside a longer form: "Emanuel" within "Rahm Emanuel"), so offsets cannot
    say which form a later sentence used."""
    exact = {q.subject: q.object.value for q in graph.quads if q.predicate.value == OA.exact}
    other_forms = {exact[m] for m in others if m in exact}
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")

    def only_name(sentence: str) -> bool:
        if any(form in sentence for form in other_forms):
            return False  # A by another name in the same sentence: the fact stays A's
        return bool(pattern.search(sentence))

    evidence_of: dict[Term, list[str]] = {}
    for q in graph.quads:
        if q.predicate == _EVIDENCE and q.subject != a and q.object in exact:
            evidence_of.setdefault(q.subject, []).append(exact[q.object])
    doc = N(graph.iri)
    out = []
    for q in graph.quads:
        if q.subject == a and q.predicate == _EVIDENCE and q.object in named:
            q = ox.Quad(new, q.predicate, q.object, q.graph_name)
        elif q.object == a and q.subject != doc and any(
                only_name(s) for s in evidence_of.get(q.subject, ())):
            q = ox.Quad(q.subject, q.predicate, new, q.graph_name)
        out.append(q)
    return out


# --- reject ------------------------------------------------------------------------------------


def _reject(graph: DocumentGraph, fact: ox.NamedNode) -> None:
    """Drop the fact's quads, then the document's own nodes left pointed to by nothing: the
    same cascade as a shape repair's (kb.shaperepair), which also keeps the fact count."""
    drop = {q for q in (*graph.quads, *graph.shared) if fact in (q.subject, q.object)}
    if drop:
        remove_with_orphans(graph, drop, local_objects(graph))
