"""Writing one document: resolve its facts, build its graph, apply the user's corrections,
check it against the shapes, and commit it in one transaction together with the removal of the
version it replaces (``Replaced``).

Why the removal is computed first: the builder decides which name an entity keeps by comparing
with the names stored, and a re-ingested document must be compared with the store as it is
without its old version, or the result would depend on what that version said. The shared
descriptions are the merge of what every document gives (``kb.graph``), recorded per document
(``kb:describes``) so that forgetting one recomputes exactly what the others give.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kb.documents import documents_from, forget_changes, has_graph
from kb.shaperepair import ShapeError, conform
from kb.vocab import KB, SCHEMA

if TYPE_CHECKING:
    from ingest.read import TableDocument
    from kb.facts import Document, DocumentFacts
    from kb.graph import DocumentGraph
    from kb.store import Store

ONTOLOGY_GRAPH = KB.base.rstrip("#")
"""The named graph holding kb.ttl and events.ttl, so that queries can walk the event and role
schemes (``sem:eventType/skos:broader* kbe:threaten``) without the caller loading anything."""

GENID = KB.base.split("/ns#")[0] + "/.well-known/genid/"
"""Skolem IRIs for the ontology's blank nodes (see ``ensure_ontology``)."""


@dataclass
class DocumentResult:
    """What happened to one input: its name, its graph IRI (None when it failed), and counts."""

    name: str
    iri: str | None = None
    error: str | None = None
    triples: int = 0
    facts: int = 0
    entities: frozenset[str] = frozenset()
    warnings: tuple[str, ...] = ()
    """Facts dropped before writing because they violated ontology/shapes.ttl."""


def name_of(document: Document) -> str:
    return document.source or document.id


def _normalise_source(document: Document) -> None:
    """Keep sources as absolute paths, so ``kb forget FILE`` and re-ingest match from any
    directory."""
    if document.source and document.source not in ("-", "<stdin>") and \
            not document.source.startswith(("http://", "https://")):
        document.source = Path(document.source).resolve().as_posix()


def write_text(store: Store, document: Document, facts: DocumentFacts | str,
                book) -> DocumentResult:  # noqa: ANN001 - NameBook, imported lazily
    name = name_of(document)
    if isinstance(facts, str):
        return DocumentResult(name, error=f"{name}: {facts}")
    return write_facts(store, facts, book)


def write_facts(store: Store, facts: DocumentFacts, book=None) -> DocumentResult:  # noqa: ANN001
    """Resolve, build and write one document's facts in one transaction (``book``: the
    batch's NameBook, read from the store when not given)."""
    from ingest.resolve import NameBook, resolve
    from kb import iris
    from kb.corrections_apply import correct
    from kb.graph import build

    document = facts.document
    name = name_of(document)
    if book is None:
        ensure_ontology(store)
        book = NameBook.from_store(store)
    try:
        _normalise_source(document)
        replaced = _replaced(store, document, iris.document(document.id))
        res = resolve(facts, book)
        res.stored_names = replaced.names(book.names)
        graph = build(facts, res)
        graph = correct(store, graph)  # the user's corrections (kb.corrections)
    except Exception as exc:  # noqa: BLE001 - a bug in one document must not stop the batch
        return DocumentResult(name, error=f"{name}: building the graph failed: "
                                          f"{type(exc).__name__}: {exc}")
    return _written(store, graph, replaced, book, name)


def write_table(store: Store, table: TableDocument, book) -> DocumentResult:  # noqa: ANN001
    from kb.corrections_apply import correct
    from kb.graph import table_graph

    document = table.document
    _normalise_source(document)
    graph = table_graph(document, table.triples, [(r.line, r.cells) for r in table.rows])
    graph = correct(store, graph)  # the user's corrections (kb.corrections)
    return _written(store, graph, _replaced(store, document, graph.iri), book, name_of(document))


@dataclass
class Replaced:
    """The stored versions a document replaces (the same id, source path or URL) and what
    forgetting them changes in the shared descriptions (``kb.documents.forget_changes``)."""

    documents: list[str]
    remove: list[ox.Quad]
    add: list[ox.Quad]

    def names(self, names: dict[str, str]) -> dict[str, str]:
        """``names`` (entity -> schema:name) as they are once the old versions are gone."""
        out = dict(names)
        for q in self.remove:
            if q.predicate.value == SCHEMA.name and out.get(q.subject.value) == q.object.value:
                del out[q.subject.value]
        for q in self.add:
            if q.predicate.value == SCHEMA.name:
                out[q.subject.value] = q.object.value
        return out


def _replaced(store: Store, document: Document, iri: str) -> Replaced:
    old = {d for key in (document.source, document.url) if key
           for d in documents_from(store, key)}
    if has_graph(store, iri):
        old.add(iri)
    return Replaced(sorted(old), *forget_changes(store, sorted(old)))


def _written(store: Store, graph: DocumentGraph, replaced: Replaced, book,  # noqa: ANN001
             name: str) -> DocumentResult:
    try:
        warnings = _commit(store, graph, replaced)
    except ShapeError as exc:  # the document's own description violates a shape
        return DocumentResult(name, error=f"{name}: {exc}")
    book.names = replaced.names(book.names)
    learn(book, graph)
    return DocumentResult(name, graph.iri, triples=len(graph.quads) + len(graph.shared),
                          facts=graph.facts, entities=frozenset(graph.mentions),
                          warnings=tuple(warnings))


def learn(book, graph: DocumentGraph) -> None:  # noqa: ANN001 - NameBook, imported lazily
    """Teach the name book the names a written document gave (the builder writes a name only
    where it wins, so each replaces the book's)."""
    for t in graph.shared:
        if t.predicate.value == SCHEMA.name:
            book.add(t.subject.value, t.object.value)


def _commit(store: Store, graph: DocumentGraph, replaced: Replaced) -> list[str]:
    """One transaction: drop the old version(s) and what only they gave, add this, less what
    violates the shapes (kb.shaperepair; its warnings are returned)."""
    warnings = conform(store, graph, [*replaced.remove, *graph.retract], added=replaced.add)
    retracted = set(graph.retract)
    add = [*(q for q in replaced.add if q not in retracted), *graph.shared]
    remove = list(dict.fromkeys([*replaced.remove, *graph.retract]))
    store.replace_graphs({graph.iri: graph.quads}, add=add, remove=remove,
                         drop=[d for d in replaced.documents if d != graph.iri])
    return warnings


# --- ontology ---------------------------------------------------------------------------------


def ensure_ontology(store: Store) -> None:
    """Load kb.ttl and events.ttl into their own graph once (a no-op when present)."""
    if ONTOLOGY_GRAPH in set(store.graphs()):
        return
    import ontology

    triples: list[ox.Triple] = []
    labels: dict[ox.BlankNode, ox.NamedNode] = {}

    def fixed(term):  # noqa: ANN001, ANN202 - any term
        """Blank nodes (the OWL lists) as skolem IRIs numbered in reading order: a blank node
        written to a store gets a fresh label each time, so two stores of the same documents
        would dump differently (RDF 1.1 § 3.5 skolemisation)."""
        if isinstance(term, ox.BlankNode):
            return labels.setdefault(term, ox.NamedNode(f"{GENID}ontology-{len(labels)}"))
        return term

    for name in ("kb.ttl", "events.ttl"):
        for q in ox.parse(ontology.read_text(name).encode(), format=ox.RdfFormat.TURTLE):
            triples.append(ox.Triple(fixed(q.subject), q.predicate, fixed(q.object)))
    store.replace_graphs({ONTOLOGY_GRAPH: triples})
