"""Documents in the store: finding them by IRI, path or URL, naming them for people, and
forgetting them.

``kb forget DOC`` and re-ingest share this (``forget_changes``): when a document goes, every
shared triple about (or pointing to) an entity no other document mentions goes, and of the
other entities whatever no remaining document gives, by the documents' ``kb:describes``
records (``kb.graph``); a single value that goes is replaced by the best one left.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kb import iris
from kb.errors import UnknownEntity
from kb.graph.values import parse_record
from kb.vocab import DCT, KB, OA, SCHEMA, SKOS

if TYPE_CHECKING:
    from kb.store import Store


# --- forget -------------------------------------------------------------------------------------


def _values(iris_: Iterable[str]) -> str:
    return " ".join(str(ox.NamedNode(i)) for i in iris_)


def forget_changes(store: Store, documents: list[str]) -> tuple[list[ox.Quad], list[ox.Quad]]:
    """Default-graph quads to delete and to add when ``documents`` go, so that the shared
    descriptions are what the remaining documents give (``kb:describes``, see kb.graph):

    * every triple about (or pointing to) an entity no other document mentions;
    * of the other entities, every triple the documents gave that no other document gives
      (a name the documents gave stays an alias if another document writes it so);
    * a single value (a name, a law type) that goes is replaced by the best one the remaining
      documents give, as if they had been ingested alone.

    Stores written before documents recorded what they give (no ``kb:describes``) fall back
    to the surface forms of their mentions for aliases."""
    if not documents:
        return [], []
    docs = _values(documents)
    listed = ", ".join(str(ox.NamedNode(d)) for d in documents)
    exclusive = [row[0].value for row in store.query(f"""
        SELECT DISTINCT ?e WHERE {{
          VALUES ?d {{ {docs} }}
          GRAPH ?d {{ ?d <{SCHEMA.mentions}> ?e }}
          FILTER NOT EXISTS {{
            GRAPH ?g {{ ?g <{SCHEMA.mentions}> ?e }} FILTER(?g NOT IN ({listed}))
          }}
        }}""", union=False).rows]
    quads: list[ox.Quad] = []
    default = ox.DefaultGraph()
    for chunk in _chunks(exclusive, 500):
        values = _values(chunk)
        for s, p, o in store.query(
                f"SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {values} }} ?s ?p ?o }}",
                union=False).rows:
            quads.append(ox.Quad(s, p, o, default))
        for s, p, o in store.query(
                f"SELECT ?s ?p ?o WHERE {{ VALUES ?o {{ {values} }} ?s ?p ?o }}",
                union=False).rows:
            quads.append(ox.Quad(s, p, o, default))
    given = _described(store, docs)
    if not given:
        quads += _unsupported_aliases(store, docs, listed)
        return list(dict.fromkeys(quads)), []
    gone_entities = {ox.NamedNode(e) for e in exclusive}
    remove, add = _undescribed(store, [t for t in given if t.subject not in gone_entities],
                               documents)
    return list(dict.fromkeys([*quads, *remove])), add


def _described(store: Store, docs: str) -> list[ox.Triple]:
    """The shared triples the documents (a VALUES list) give, from their records."""
    rows = store.query(f"""
        SELECT DISTINCT ?t WHERE {{
          VALUES ?d {{ {docs} }}
          GRAPH ?d {{ ?d <{KB.describes}> ?t }}
        }}""", union=False).rows
    return [parse_record(row[0].value) for row in rows]


def _given_elsewhere(store: Store, triples: Iterable[ox.Triple],
                     documents: list[str]) -> set[ox.Triple]:
    """Those of ``triples`` that a document outside ``documents`` gives."""
    out: set[ox.Triple] = set()
    skip = set(documents)
    for chunk in _chunks(sorted({str(t) for t in triples}), 200):
        values = " ".join(str(ox.Literal(line)) for line in chunk)
        for t, g in store.query(f"""
            SELECT ?t ?g WHERE {{
              VALUES ?t {{ {values} }}
              GRAPH ?g {{ ?g <{KB.describes}> ?t }}
            }}""", union=False).rows:
            if g.value not in skip:
                out.add(parse_record(t.value))
    return out


def _undescribed(store: Store, given: list[ox.Triple],
                 documents: list[str]) -> tuple[list[ox.Quad], list[ox.Quad]]:
    """What goes (and what takes its place) among the triples the documents gave about
    entities that others still mention."""
    from kb.graph.values import SINGLE_VALUED

    name, alt = ox.NamedNode(SCHEMA.name), ox.NamedNode(SKOS.altLabel)
    twins = [ox.Triple(t.subject, alt if t.predicate == name else name, t.object)
             for t in given if t.predicate in (name, alt)]
    kept = _given_elsewhere(store, [*given, *twins], documents)
    default = ox.DefaultGraph()
    remove: list[ox.Quad] = []
    vacated: set[tuple[ox.NamedNode, ox.NamedNode]] = set()
    for t in given:
        if t in kept:
            continue
        if t.predicate in (name, alt):
            other = ox.Triple(t.subject, alt if t.predicate == name else name, t.object)
            if t.predicate == name:
                remove.append(ox.Quad(t.subject, name, t.object, default))
            if other not in kept:  # nobody else writes this form at all
                remove.append(ox.Quad(t.subject, alt, t.object, default))
        else:
            remove.append(ox.Quad(t.subject, t.predicate, t.object, default))
        if t.predicate.value in SINGLE_VALUED:
            vacated.add((t.subject, t.predicate))
    add: list[ox.Quad] = []
    for s, p in sorted(vacated, key=str):
        if _stored_value(store, s, p) not in {q.object for q in remove
                                              if q.subject == s and q.predicate == p}:
            continue  # the document's value had lost: the stored one stays
        best = _best_given(store, s, p, documents)
        if best is not None:
            add.append(ox.Quad(s, p, best, default))
            if p == name:
                remove.append(ox.Quad(s, alt, best, default))
    return remove, add


def _stored_value(store: Store, s: ox.NamedNode, p: ox.NamedNode) -> object:
    rows = store.query(f"SELECT ?o WHERE {{ {s} {p} ?o }}", union=False).rows
    return rows[0][0] if rows else None


def _best_given(store: Store, s: ox.NamedNode, p: ox.NamedNode,
                documents: list[str]) -> ox.NamedNode | ox.Literal | None:
    """The value of single-valued ``p`` that wins among what the remaining documents that
    mention ``s`` give (``kb.graph.values``: ``name_order``, ``value_order``)."""
    from kb.graph.values import name_order, value_order

    head = f"{s} {p} "
    rows = store.query(f"""
        SELECT DISTINCT ?t ?g WHERE {{
          GRAPH ?g {{ ?g <{SCHEMA.mentions}> {s} . ?g <{KB.describes}> ?t }}
          FILTER(STRSTARTS(?t, {ox.Literal(head)}))
        }}""", union=False).rows
    values = [parse_record(t.value).object for t, g in rows if g.value not in set(documents)]
    if not values:
        return None
    if p.value == SCHEMA.name:
        return min(values, key=lambda v: name_order(v.value))
    return min(values, key=value_order)


def _unsupported_aliases(store: Store, docs: str, listed: str) -> list[ox.Quad]:
    """Aliases of the remaining entities that no other document's surface forms support
    (documents ingested before they recorded what they give)."""
    default = ox.DefaultGraph()
    return [ox.Quad(e, ox.NamedNode(SKOS.altLabel), alias, default) for e, alias in store.query(f"""
        SELECT DISTINCT ?e ?a WHERE {{
          VALUES ?d {{ {docs} }}
          GRAPH ?d {{ ?d <{SCHEMA.mentions}> ?e }}
          ?e <{SKOS.altLabel}> ?a .
          FILTER NOT EXISTS {{
            GRAPH ?g {{ ?e <{KB.evidence}> ?m . ?m <{OA.exact}> ?x }}
            FILTER(?g NOT IN ({listed}) && STR(?x) = STR(?a))
          }}
        }}""", union=False).rows]


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


STDIN_SOURCES = ("-", "<stdin>", "stdin")
"""Sources that name no particular document: two stdin documents never replace each other."""


def documents_from(store: Store, source: str) -> list[str]:
    """Graphs of documents read from ``source`` (an absolute path or a URL); index lookups
    on the bound value, not a scan of every document."""
    if not source or source in STDIN_SOURCES:
        return []
    branches = [f"{{ GRAPH ?d {{ ?d <{DCT.source}> ?path }} }}"]
    bindings: dict[str, ox.NamedNode | ox.Literal] = {"path": ox.Literal(source)}
    if source.startswith(("http://", "https://")):
        try:
            bindings["url"] = ox.NamedNode(source)
            branches.append(f"{{ GRAPH ?d {{ ?d <{SCHEMA.url}> ?url }} }}")
        except ValueError:
            pass
    rows = store.query(f"SELECT DISTINCT ?d WHERE {{ {' UNION '.join(branches)} }}",
                       bindings=bindings, union=False).rows
    return [r[0].value for r in rows]


def has_graph(store: Store, iri: str) -> bool:
    return bool(store.query("ASK { GRAPH ?g { ?s ?p ?o } }",
                            bindings={"g": ox.NamedNode(iri)}, union=False).boolean)


def find_documents(store: Store, spec: str) -> list[str]:
    """The document graphs ``spec`` names: a document IRI (or ``kbr:document/...``), a source
    path (as typed or absolute) or URL, or a document id / IRI hash prefix."""
    from kb.vocab import PREFIXES

    graphs = set(store.graphs())
    text = spec.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    if text.startswith("kbr:"):
        text = PREFIXES["kbr"] + text[4:]
    if text in graphs:
        return [text]
    candidates = [text]
    if not text.startswith(("http://", "https://")):
        candidates.append(Path(text).resolve().as_posix())
    for c in candidates:
        found = documents_from(store, c)
        if found:
            return found
    if len(text) >= 8 and all(ch in "0123456789abcdef" for ch in text.lower()):
        head = iris.document(text.lower())
        hits = [g for g in graphs if g.startswith(head)]
        if hits:
            return hits
    return []


# --- titles -------------------------------------------------------------------------------------


def document_label(title: str, date: str | None = None) -> str:
    """How a document is shown to people: `Sessions warns cities (2017-03-27)`."""
    title = " ".join(title.split())
    return f"{title} ({date})" if date else title


def document_titles(store: Store, iris_: Iterable[str]) -> dict[str, str]:
    """IRI -> `document_label` of those of ``iris_`` that are documents: they have a headline,
    or else (an ingested file with no title) a content hash and a source path, whose file name
    stands in. A few index lookups per IRI, in chunks."""
    out: dict[str, str] = {}
    for chunk in _chunks(list(dict.fromkeys(iris_)), 500):
        rows = store.query(f"""
            SELECT ?d ?title ?source ?date WHERE {{
              VALUES ?d {{ {_values(chunk)} }}
              {{ ?d <{SCHEMA.headline}> ?title }}
              UNION {{ ?d <{SCHEMA.sha256}> ?hash ; <{DCT.source}> ?source }}
              OPTIONAL {{ ?d <{SCHEMA.datePublished}> ?date }}
            }}""").rows
        found: dict[str, tuple[str, str | None]] = {}
        for d, title, source, date in rows:
            name = title.value if title is not None else Path(source.value).name
            if d.value not in found or title is not None:
                found[d.value] = (name, date.value if date is not None else None)
        out.update({d: document_label(*v) for d, v in found.items()})
    return out


def forget(store: Store, spec: str) -> list[str]:
    """Remove the document(s) ``spec`` names, in one transaction; returns their IRIs."""
    docs = find_documents(store, spec)
    if not docs:
        raise UnknownEntity(f"no document {spec!r} in the store; give its IRI, source path "
                            "or URL (list them with `kb ask document`)")
    remove, add = forget_changes(store, docs)
    store.replace_graphs({}, add=add, remove=remove, drop=docs)
    return docs
