"""What the export needs from the store beyond the cached entity graph: every date, sentence
and document of each fact (the projection keeps one of each), GeoNames and OCD ids of places,
and the links of fact nodes when facts are drawn as nodes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kb.export.model import Support
from kb.vocab import KB, OA, SCHEMA, SEM

if TYPE_CHECKING:
    from kb.reader import Reader

_GEONAMES = re.compile(r"geonames\.org/(\d+)")


def fact_support(kb: Reader) -> dict[str, Support]:
    """Every date, evidence sentence and source document of every fact. The projection keeps
    one sentence and the earliest date per fact (enough for a path); an export weighs edges
    by documents and spans first to last date, so it needs them all. A fact without a date of
    its own is dated by the publication dates of its documents (when it was reported), as the
    named questions do, so Gephi's timeline still places it."""
    store = kb.store
    dates: dict[str, set[str]] = {}
    rows = store.query(
        f"SELECT ?f ?v WHERE {{ VALUES ?p {{ <{SEM.hasTimeStamp}> <{SCHEMA.dateCreated}> "
        f"<{SCHEMA.validFrom}> <{SCHEMA.validUntil}> }} ?f ?p ?v FILTER(isIRI(?f)) }}"
    ).rows
    for f, v in rows:
        dates.setdefault(f.value, set()).add(v.value)  # type: ignore[union-attr]
    sentences: dict[str, set[str]] = {}
    documents: dict[str, set[str]] = {}
    rows = store.query(
        f"SELECT ?f ?text ?doc WHERE {{ ?f <{KB.evidence}> ?m FILTER(isIRI(?f)) "
        f"OPTIONAL {{ ?m <{OA.exact}> ?text }} OPTIONAL {{ ?m <{OA.hasSource}> ?doc }} }}"
    ).rows
    for f, text, doc in rows:
        if text is not None:
            sentences.setdefault(f.value, set()).add(text.value)  # type: ignore[union-attr]
        if isinstance(doc, ox.NamedNode):
            documents.setdefault(f.value, set()).add(doc.value)  # type: ignore[union-attr]
    # Facts whose evidence names no document: the named graphs holding their evidence links
    # are their documents (ingest writes one graph per document).
    rows = store.query(
        f"SELECT DISTINCT ?f ?g WHERE {{ GRAPH ?g {{ ?f <{KB.evidence}> ?m }} }}", union=False
    ).rows
    graphs: dict[str, set[str]] = {}
    for f, g in rows:
        if isinstance(f, ox.NamedNode) and f.value not in documents:
            graphs.setdefault(f.value, set()).add(g.value)  # type: ignore[union-attr]
    documents.update(graphs)
    published: dict[str, set[str]] = {}
    for d, v in store.query(f"SELECT ?d ?v WHERE {{ ?d <{SCHEMA.datePublished}> ?v }}").rows:
        published.setdefault(d.value, set()).add(v.value)  # type: ignore[union-attr]
    for fact, docs in documents.items():
        if fact not in dates:
            reported = {v for d in docs for v in published.get(d, ())}
            if reported:
                dates[fact] = reported
    facts = set(dates) | set(sentences) | set(documents)
    return {
        f: Support(
            tuple(sorted(dates.get(f, ()))),
            tuple(sorted(sentences.get(f, ()), key=lambda s: (len(s), s))),
            tuple(sorted(documents.get(f, ()))),
        )
        for f in facts
    }


def entity_details(kb: Reader) -> dict[str, tuple[int | None, str | None]]:
    """GeoNames id (from `schema:sameAs`) and Open Civic Data id (`schema:identifier`) of
    the jurisdictions that have them."""
    out: dict[str, tuple[int | None, str | None]] = {}
    rows = kb.store.query(
        f"SELECT ?s ?o WHERE {{ ?s <{SCHEMA.sameAs}> ?o "
        f'FILTER(isIRI(?s) && isIRI(?o) && CONTAINS(STR(?o), "geonames.org/")) }}'
    ).rows
    for s, o in rows:
        m = _GEONAMES.search(o.value)  # type: ignore[union-attr]
        if m:
            out[s.value] = (int(m.group(1)), None)  # type: ignore[union-attr]
    rows = kb.store.query(
        f"SELECT ?s ?id WHERE {{ ?s <{SCHEMA.identifier}> ?id "
        f'FILTER(isIRI(?s) && STRSTARTS(STR(?id), "ocd-division/")) }}'
    ).rows
    for s, ident in rows:
        geonames = out.get(s.value, (None, None))[0]  # type: ignore[union-attr]
        out[s.value] = (geonames, ident.value)  # type: ignore[union-attr]
    return out


def fact_links(kb: Reader, facts: Iterable[str]) -> list[tuple[str, str, str]]:
    """(fact, property, object IRI) of the given facts, for drawing facts as nodes."""
    out: list[tuple[str, str, str]] = []
    todo = sorted(facts)
    for at in range(0, len(todo), 500):
        values = " ".join(str(ox.NamedNode(f)) for f in todo[at : at + 500])
        rows = kb.store.query(
            f"SELECT DISTINCT ?f ?p ?o WHERE {{ VALUES ?f {{ {values} }} ?f ?p ?o "
            f"FILTER(isIRI(?o)) }}"
        ).rows
        out += [(f.value, p.value, o.value) for f, p, o in rows]  # type: ignore[union-attr]
    return out
