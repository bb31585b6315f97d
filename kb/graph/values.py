"""The record a graph builder returns (`DocumentGraph`) and the typed RDF values both builders
write: dates at the precision given, decimals, integers, content hashes, event types."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache

import pyoxigraph as ox

from kb.vocab import EVENT, EVENT_CAMEO, EVENT_FOR_KEY, EVENT_KEY, KB, SCHEMA, XSD

N = ox.NamedNode
DEFAULT = ox.DefaultGraph()


@lru_cache(maxsize=4096)
def iri_node(value: str) -> ox.NamedNode:
    """Predicates, classes and entity IRIs recur in every document: build each node once
    (pyoxigraph parses and checks the IRI on every construction)."""
    return ox.NamedNode(value)


_DATE_TYPES = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), XSD.date),
    (re.compile(r"^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})?$"), XSD.dateTime),
    (re.compile(r"^\d{4}-\d{2}$"), XSD.gYearMonth),
    (re.compile(r"^\d{4}$"), XSD.gYear),
)
DOCUMENT_CLASS = {"news": SCHEMA.NewsArticle, "report": SCHEMA.Report}


@dataclass
class DocumentGraph:
    """What one document adds: its named graph and the shared triples for the default graph.
    ``mentions`` lists every shared entity IRI the document uses (new or reused)."""

    iri: str
    quads: list[ox.Quad] = field(default_factory=list)
    """In the document's named graph."""
    shared: list[ox.Quad] = field(default_factory=list)
    """In the default graph."""
    mentions: set[str] = field(default_factory=set)
    facts: int = 0
    offers: list[ox.Quad] = field(default_factory=list)
    """The shared description this document gives, whatever the store holds: every name it
    gives an entity (also one that loses to a stored name), its aliases and the rest of
    ``shared`` that does not depend on other documents. Recorded (``description_records``)
    so that forgetting another document can recompute what the remaining ones give."""
    retract: list[ox.Quad] = field(default_factory=list)
    """Stored default-graph quads this document's descriptions replace: a name, or a value of
    a single-valued property, that loses to this document's in the order every store agrees on
    (`preferred_name`, or the smaller term for other properties), so the description of an
    entity does not depend on which document came first."""


SINGLE_VALUED = frozenset({SCHEMA.name, SCHEMA.legislationType, KB.jurisdiction})
"""Properties a shared entity has one value of (ontology/shapes.ttl): documents that give
different values compete (``name_order``, else ``value_order``)."""


def value_order(term: ox.NamedNode | ox.Literal) -> str:
    """The order single values other than names compete in: their N-Triples form."""
    return str(term)


def description_records(graph: DocumentGraph) -> list[ox.Quad]:
    """``<doc> kb:describes "<s> <p> <o>"`` for every shared triple the document gives
    (``offers``): what ``kb.documents.forget_changes`` reads to keep the shared descriptions
    a function of the documents left."""
    doc = iri_node(graph.iri)
    graph_name = ox.NamedNode(graph.iri)
    describes = iri_node(KB.describes)
    lines = sorted({str(ox.Triple(q.subject, q.predicate, q.object)) for q in graph.offers})
    return [ox.Quad(doc, describes, ox.Literal(line), graph_name) for line in lines]


def parse_record(line: str) -> ox.Triple:
    """The triple of one ``kb:describes`` record (an N-Triples line without its dot)."""
    return next(iter(ox.parse(line.encode() + b" .", format=ox.RdfFormat.N_TRIPLES)))


def record_offers(quads: list[ox.Quad]) -> list[ox.Quad]:
    """The offers a stored document graph's records hold (``description_records`` back)."""
    out = []
    for q in quads:
        if q.predicate.value == KB.describes:
            t = parse_record(q.object.value)
            out.append(ox.Quad(t.subject, t.predicate, t.object, DEFAULT))
    return out


def with_records(graph: DocumentGraph) -> None:
    """Make ``graph.quads`` hold the records of its current ``offers`` (after corrections
    changed them), in place; quads untouched when the records are already those."""
    records = description_records(graph)
    held = [q for q in graph.quads if q.predicate.value == KB.describes]
    if set(held) != set(records):
        graph.quads = [*(q for q in graph.quads if q.predicate.value != KB.describes), *records]


def name_order(name: str) -> tuple[int, str]:
    """The order in which the names documents give one entity compete for its schema:name:
    the longest (the fullest form: "New York City" over "New York"), then the first in code
    point order. Any total order makes the name a function of the set of documents; this one
    also picks the most informative form."""
    return (-len(name), name)


def date_literal(text: str | None) -> ox.Literal | None:
    """An ISO date at the precision given, typed; None for anything else (never guessed)."""
    if not text:
        return None
    for pattern, dtype in _DATE_TYPES:
        if pattern.match(text.strip()):
            return ox.Literal(text.strip(), datatype=N(dtype))
    return None


def date_or_expression(text: str | None) -> ox.Literal | None:
    """The date of an event or statement: typed where it is ISO, else the time expression as
    the text wrote it ("Monday", with no document date to resolve it against), as a plain
    string on the same property, so the date is kept without being guessed."""
    typed = date_literal(text)
    if typed is not None or not text or not text.strip():
        return typed
    return ox.Literal(" ".join(text.split()))


def decimal(value: float) -> ox.Literal:
    text = f"{value:.6f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    return ox.Literal(text, datatype=N(XSD.decimal))


def integer(value: int) -> ox.Literal:
    return ox.Literal(str(int(value)), datatype=N(XSD.integer))


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def event_type(key: str, cameo: str | None) -> str:
    """The most specific concept of events.ttl with this facts-JSON key and CAMEO code."""
    if cameo:
        for concept, code in EVENT_CAMEO.items():
            if code == cameo and EVENT_KEY[concept] == key:
                return concept
    return EVENT_FOR_KEY.get(key, EVENT.make_statement)


