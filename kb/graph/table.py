"""The graph of a tabular report (CSV or JSON Lines read through a CSVW mapping): the mapped
triples split between the shared descriptions and the report's own graph, each fact node with
the row it came from as evidence."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kb import iris
from kb.graph.values import (
    DEFAULT,
    DocumentGraph,
    N,
    content_hash,
    date_literal,
    decimal,
    description_records,
    integer,
)
from kb.vocab import DCT, KB, OA, ORG, RDF, SCHEMA, SEM

if TYPE_CHECKING:
    from kb.facts import Document

FACT_CLASSES = (SCHEMA.MonetaryGrant, ORG.Membership, SCHEMA.Quotation, SEM.Event)


def table_graph(document: Document, triples: list[ox.Triple],
                rows: list[tuple[int, dict[str, str | None]]] = ()) -> DocumentGraph:
    """A tabular report: rows about shared entities (a place, a funder) go to the shared
    descriptions like an article's, so the union shows them once; the rest (grant rows,
    amounts) and the document node go to the report's own graph. Each fact node (a grant row)
    gets the row it came from as evidence: the row whose cells best match the node's values
    (its own literals and those one hop away, such as the amount), with ``kb:rule``
    ``table.row.<line>``; a table has no running text, so the offsets are 0."""
    out = DocumentGraph(iris.document(document.id))
    d = N(out.iri)
    local: list[ox.Triple] = []
    digest = hashlib.sha256()
    for line, cells in rows:
        digest.update(f"{line}\t{sorted((k, v or '') for k, v in cells.items())}\n".encode())
    local.append(ox.Triple(d, N(RDF.type), N(SCHEMA.Report)))
    local.append(ox.Triple(d, N(SCHEMA.sha256), ox.Literal(
        content_hash(document.text) if document.text else digest.hexdigest())))
    local.append(ox.Triple(d, N(SCHEMA.identifier), ox.Literal(document.id)))
    if document.title:
        local.append(ox.Triple(d, N(SCHEMA.headline), ox.Literal(document.title)))
    published = date_literal(document.date)
    if published is not None:
        local.append(ox.Triple(d, N(SCHEMA.datePublished), published))
    if document.source:
        local.append(ox.Triple(d, N(DCT.source), ox.Literal(document.source)))
    for t in triples:
        subject = t.subject.value if isinstance(t.subject, ox.NamedNode) else ""
        if iris.kind_of(subject):
            out.shared.append(ox.Quad(t.subject, t.predicate, t.object, DEFAULT))
            out.offers.append(out.shared[-1])
            if subject not in out.mentions:
                out.mentions.add(subject)
                local.append(ox.Triple(d, N(SCHEMA.mentions), t.subject))
        else:
            local.append(t)
    local += _row_evidence(out.iri, triples, rows)
    out.quads = [ox.Quad(t.subject, t.predicate, t.object, d) for t in local]
    out.quads += description_records(out)
    out.facts = sum(1 for t in triples if t.predicate.value == RDF.type
                    and t.object.value in FACT_CLASSES)
    return out


def _row_evidence(doc_iri: str, triples: list[ox.Triple],
                  rows: list[tuple[int, dict[str, str | None]]]) -> list[ox.Triple]:
    out: list[ox.Triple] = []
    if not rows:
        return out
    values: dict[str, set[str]] = {}
    for t in triples:
        if isinstance(t.object, ox.Literal):
            values.setdefault(t.subject.value, set()).add(t.object.value)
    links: dict[str, set[str]] = {}
    for t in triples:
        if isinstance(t.object, ox.NamedNode):
            links.setdefault(t.subject.value, set()).add(t.object.value)
    facts = [t.subject for t in triples
             if t.predicate.value == RDF.type and t.object.value in FACT_CLASSES]
    for n, node in enumerate(dict.fromkeys(facts), 1):
        near = set(values.get(node.value, ()))
        for other in links.get(node.value, ()):
            near |= values.get(other, set())
        best = max(rows, key=lambda r: sum(1 for v in r[1].values() if v and v in near))
        line, cells = best
        m = N(iris.fact(doc_iri, "mention", n))
        text = "; ".join(f"{k}={v}" for k, v in cells.items() if v)
        out += [
            ox.Triple(node, N(KB.evidence), m), ox.Triple(m, N(RDF.type), N(KB.Mention)),
            ox.Triple(m, N(OA.exact), ox.Literal(text)), ox.Triple(m, N(OA.start), integer(0)),
            ox.Triple(m, N(OA.end), integer(0)), ox.Triple(m, N(OA.hasSource), N(doc_iri)),
            ox.Triple(m, N(KB.rule), ox.Literal(f"table.row.{line}")),
            ox.Triple(m, N(KB.confidence), decimal(1.0)),
        ]
    return out
