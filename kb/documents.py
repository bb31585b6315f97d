"""Documents in the store: finding them by IRI, path or URL, naming them for people, and
forgetting them.

``kb forget DOC`` and re-ingest share this: the quads to remove when a document goes are every
shared triple about (or pointing to) an entity no other document mentions, and the aliases of
the remaining entities that no other document's surface forms support (the graph layout that
makes this computable is described in ``kb.graph``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kb import iris
from kb.errors import UnknownEntity
from kb.vocab import DCT, KB, OA, SCHEMA, SKOS

if TYPE_CHECKING:
    from kb.store import Store


# --- forget -------------------------------------------------------------------------------------


def _values(iris_: Iterable[str]) -> str:
    return " ".join(str(ox.NamedNode(i)) for i in iris_)


def forget_quads(store: Store, documents: list[str]) -> list[ox.Quad]:
    """Default-graph quads to delete when ``documents`` go: every triple about (or pointing
    to) an entity no other document mentions, and aliases of the remaining entities that no
    other document's surface forms support."""
    if not documents:
        return []
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
    for e, alias in store.query(f"""
        SELECT DISTINCT ?e ?a WHERE {{
          VALUES ?d {{ {docs} }}
          GRAPH ?d {{ ?d <{SCHEMA.mentions}> ?e }}
          ?e <{SKOS.altLabel}> ?a .
          FILTER NOT EXISTS {{
            GRAPH ?g {{ ?e <{KB.evidence}> ?m . ?m <{OA.exact}> ?x }}
            FILTER(?g NOT IN ({listed}) && STR(?x) = STR(?a))
          }}
        }}""", union=False).rows:
        quads.append(ox.Quad(e, ox.NamedNode(SKOS.altLabel), alias, default))
    return list(dict.fromkeys(quads))


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
    store.replace_graphs({}, remove=forget_quads(store, docs), drop=docs)
    return docs
