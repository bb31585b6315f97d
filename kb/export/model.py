"""The exported graph, shared by selection, aggregation and both writers: nodes and edges
with plain attribute values, the categories and colours of nodes, and the small text and date
helpers every step applies the same way.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from kb.ontology_index import with_subclasses
from kb.projection import Relation
from kb.vocab import ELI, KB, ORG, SCHEMA

FORMATS = ("gexf", "graphml")

#: Node categories, most specific first (a town is also a city; a court is also an
#: organisation): the first whose classes (with subclasses) meet the node's types wins.
CATEGORIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("person", (SCHEMA.Person,)),
    ("town", (KB.Town,)),
    ("city", (SCHEMA.City,)),
    ("county", (KB.County,)),
    ("state", (SCHEMA.State,)),
    ("country", (SCHEMA.Country,)),
    ("place", (SCHEMA.AdministrativeArea, SCHEMA.Place)),
    ("government", (SCHEMA.GovernmentOrganization, KB.Agency, KB.Department, KB.Court,
                    KB.Legislature)),
    ("organisation", (SCHEMA.Organization, ORG.Organization)),
    ("post", (ORG.Post,)),
    ("law", (SCHEMA.Legislation, ELI.LegalResource, ELI.LegalResourceSubdivision)),
    ("grant", (SCHEMA.MonetaryGrant,)),
)  # fmt: skip

#: Colour of each node category (Tableau 10 and its light tints: distinct, readable on white
#: and on Gephi's dark background). Fact nodes (`facts_as_nodes`) get the last four.
PALETTE: dict[str, str] = {
    "person": "#4E79A7", "town": "#8CD17D", "city": "#59A14F", "county": "#B6992D",
    "state": "#F28E2B", "country": "#E15759", "place": "#86BCB6", "government": "#499894",
    "organisation": "#9C755F", "post": "#BAB0AC", "law": "#B07AA1", "grant": "#EDC948",
    "other": "#79706E",
    "event": "#FF9DA7", "statement": "#D37295", "membership": "#A0CBE8", "relation": "#D7B5A6",
}  # fmt: skip

#: Typed attributes declared in the GEXF header: (id, title, GEXF type). Labels, weights and
#: dates are GEXF's own XML attributes (`label`, `weight`, `start`, `end`), which Gephi maps
#: to its built-in columns; repeating them as attributes would clash with those columns.
NODE_ATTRIBUTES = (
    ("type", "type", "string"),
    ("class", "class", "string"),
    ("iri", "iri", "string"),
    ("geonames", "geonames id", "long"),
    ("ocd", "ocd id", "string"),
    ("degree", "degree", "integer"),
)
EDGE_ATTRIBUTES = (
    ("fact", "fact", "string"),
    ("relation", "relation", "string"),
    ("facts", "facts", "integer"),
    ("sources", "sources", "string"),
    ("documents", "documents", "string"),
)

#: (fact, property, object) links of the given facts, read from the store.
FactLinks = Callable[[Iterable[str]], list[tuple[str, str, str]]]

#: Separator of the evidence sentences and documents joined into one attribute value.
JOIN = " | "

XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(slots=True)
class ExportNode:
    id: str
    label: str
    category: str
    classes: str = ""
    geonames: int | None = None
    ocd: str | None = None
    start: str | None = None
    end: str | None = None
    degree: int = 0


@dataclass(slots=True)
class ExportEdge:
    id: str
    source: str
    target: str
    label: str
    fact: str  # event | statement | membership | grant | relation (a plain triple)
    relation: str  # the properties / event types behind it, prefixed, space-separated
    facts: int
    weight: float
    start: str | None = None
    end: str | None = None
    sources: str = ""
    documents: str = ""


@dataclass
class ExportGraph:
    """What gets written: nodes and directed edges with plain attribute values."""

    nodes: list[ExportNode]
    edges: list[ExportEdge]
    description: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def dynamic(self) -> bool:
        return any(e.start or e.end for e in self.edges) or any(n.start for n in self.nodes)


@dataclass(frozen=True)
class ExportReport:
    """What `export` wrote: node and edge counts, and warnings for the user (an empty
    selection, facts left out for having no date)."""

    nodes: int
    edges: int
    warnings: tuple[str, ...] = ()
    format: str = "gexf"
    path: str | None = None


@dataclass(frozen=True)
class Support:
    """Everything the store says about one fact beyond the projection's single sentence."""

    dates: tuple[str, ...] = ()
    sentences: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()


@functools.lru_cache(maxsize=65536)
def date_span(text: str) -> tuple[str, str] | None:
    """The first and last day an xsd:date, dateTime, gYearMonth or gYear value covers."""
    m = _DATE.match(text)
    if not m:
        return None
    year, month, day = m.group(1), m.group(2), m.group(3)
    try:
        if day:
            d = dt.date(int(year), int(month), int(day)).isoformat()
            return d, d
        if month:
            first = dt.date(int(year), int(month), 1)
            nxt = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first.isoformat(), (nxt - dt.timedelta(days=1)).isoformat()
        return f"{year}-01-01", f"{year}-12-31"
    except ValueError:
        return None


def fact_days(rel: Relation, support: Mapping[str, Support]) -> tuple[str, str] | None:
    """First and last day of a fact: all its recorded dates, else the projection's one."""
    found = support.get(rel.fact or "")
    if not (found and found.dates):
        return date_span(rel.date) if rel.date else None
    spans = [s for s in map(date_span, found.dates) if s]
    if not spans:
        return None
    return min(s[0] for s in spans), max(s[1] for s in spans)


def clean_text(text: str) -> str:
    """One line of XML-safe text: control characters dropped, whitespace collapsed."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # the usual case, checked in C
    return " ".join(XML_BAD.sub("", text).split())


def category(types: Iterable[str]) -> str:
    """The palette category of an entity with these rdf:types (`person`, `city`, ...)."""
    return category_of(frozenset(types))


@functools.lru_cache(maxsize=4096)
def category_of(have: frozenset[str]) -> str:
    for name, classes in _category_classes():
        if not have.isdisjoint(classes):
            return name
    return "other"


_CATEGORY_CACHE: list[tuple[str, frozenset[str]]] = []


def _category_classes() -> list[tuple[str, frozenset[str]]]:
    if not _CATEGORY_CACHE:
        _CATEGORY_CACHE.extend((name, with_subclasses(cs)) for name, cs in CATEGORIES)
    return _CATEGORY_CACHE


def node_size(degree: int) -> str:
    """Node size by degree, on a square-root scale so hubs do not swallow the picture."""
    return number_text(round(6.0 + 4.0 * math.sqrt(degree), 2))


def number_text(x: float) -> str:
    return repr(float(x))
