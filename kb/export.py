"""Export a subgraph of the knowledge base to Gephi (GEXF 1.3) or GraphML.

What a journalist wants to see in Gephi is people, places, bodies and laws connected by what
they did, not the store's fact nodes, mentions and documents. The entity graph of kb/paths.py
(`Projection`: entities as nodes, each fact collapsed into labelled edges that keep the fact,
its date and its evidence) is exactly that picture, so the export is built on it:

1. select: everything, a neighbourhood (`around` + `hops`), entities of some classes
   (`types`, subclasses included), the triples of a CONSTRUCT query, and facts dated within
   `since`/`until`;
2. aggregate: relations between the same two entities with the same label become one edge
   whose weight is the number of documents supporting it, with the first and last date
   (GEXF `start`/`end`, so Gephi's timeline filter works) and the evidence sentences;
   with `facts_as_nodes` each fact is a node of its own instead;
3. write: GEXF 1.3 by our own streaming writer (networkx's GEXF writer produces files that
   do not validate against 1.3: misspelt xsi namespace, `name=""`, `timeformat="long"`), or GraphML
   through networkx with plain str/int/float attributes that networkx and igraph read back.

Every file validates against the official GEXF 1.3 schema (tests/test_export.py runs
../shared/conformance/validate_gexf.py on each). networkx is imported only when an export
runs.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import math
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

import pyoxigraph as ox

from kb.errors import UsageError
from kb.formats import shorten_iri
from kb.labels import resolve_entity
from kb.paths import (
    FACT_ENDS,
    FACT_KIND,
    Projection,
    Relation,
    class_filter,
    projection,
    with_subclasses,
)
from kb.sparqltext import query_form
from kb.vocab import (
    DCT,
    ELI,
    KB,
    OA,
    ORG,
    PROV,
    SCHEMA,
    SEM,
)

if TYPE_CHECKING:
    import networkx as nx

    from kb.reader import Reader

__all__ = [
    "FORMATS",
    "PALETTE",
    "ExportEdge",
    "ExportGraph",
    "ExportNode",
    "ExportReport",
    "category",
    "export",
    "export_graph",
    "from_projection",
    "to_networkx",
    "write_gexf",
    "write_graphml",
]

FORMATS = ("gexf", "graphml")

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"

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

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_GEONAMES = re.compile(r"geonames\.org/(\d+)")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

#: Fact category of a relation's `kind` when it is a fact class (events carry their type).
_FACT_OF_CLASS = dict(FACT_KIND)


# -- the exported graph ------------------------------------------------------------------------


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
class _Support:
    """Everything the store says about one fact beyond the projection's single sentence."""

    dates: tuple[str, ...] = ()
    sentences: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()


# -- the facade entry point --------------------------------------------------------------------


def export(
    kb: Reader,
    output: str | os.PathLike[str] | IO[bytes],
    *,
    format: str = "gexf",
    around: Iterable[str] | None = None,
    hops: int | None = None,
    types: Iterable[str] | None = None,
    construct: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    facts_as_nodes: bool = False,
) -> ExportReport:
    """Select a subgraph and write it to `output` (a path, written atomically, or a binary
    stream). See `export_graph` for the selection; an empty selection still writes a valid
    empty file and says so in the report's warnings."""
    fmt = format.lower()
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {format!r}: use gexf or graphml")
    with _opened(output) as stream:
        graph = export_graph(
            kb, around=around, hops=hops, types=types, construct=construct,
            since=since, until=until, facts_as_nodes=facts_as_nodes,
        )  # fmt: skip
        (write_gexf if fmt == "gexf" else write_graphml)(graph, stream)
    name = None if hasattr(output, "write") else os.fspath(output)  # type: ignore[arg-type]
    return ExportReport(len(graph.nodes), len(graph.edges), tuple(graph.warnings), fmt, name)


@contextlib.contextmanager
def _opened(output: str | os.PathLike[str] | IO[bytes]) -> Iterator[IO[bytes]]:
    """A binary stream for `output`. A path is written to a temporary file beside it and
    renamed into place at the end, so a failed export never leaves half a file; an output
    that cannot be written fails before the (possibly long) selection runs."""
    if hasattr(output, "write"):
        yield output  # type: ignore[misc]
        return
    path = Path(os.fspath(output))  # type: ignore[arg-type]
    if path.is_dir():
        raise UsageError(f"{path}: is a directory, not a file to write")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise UsageError(f"{path}: cannot write: {err.strerror or err}") from None
    try:
        with os.fdopen(fd, "wb") as stream:
            yield stream
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# -- selecting ---------------------------------------------------------------------------------


def export_graph(
    kb: Reader,
    *,
    around: Iterable[str] | None = None,
    hops: int | None = None,
    types: Iterable[str] | None = None,
    construct: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    facts_as_nodes: bool = False,
) -> ExportGraph:
    """The subgraph to export, from the cached entity graph of kb/paths.py.

    Selections combine: `construct` (a CONSTRUCT query whose triples name the entities, facts
    and entity-to-entity triples to keep) or else the whole graph is the starting point;
    `since`/`until` keep only facts dated within the window (plain entity-to-entity triples,
    such as a city's state, have no date and stay); `around` keeps the entities within `hops`
    edges (default 1) of the named ones, walking the edges left by the other filters; `types`
    then keeps entities of those classes (subclasses included; the `around` entities always
    stay). With only `since`/`until`, the entities are those of the facts in the window.
    """
    prefixes = kb.prefixes
    centres = [resolve_entity(kb, name) for name in around or ()]
    if hops is not None and hops < 0:
        raise UsageError(f"--hops must be 0 or more, got {hops}")
    if hops is not None and not centres:
        raise UsageError("--hops needs --around ENTITY")
    allowed = class_filter(types, prefixes, "--type")
    window = (_day(since, "since", first=True), _day(until, "until", first=False))
    if window[0] and window[1] and window[0] > window[1]:
        raise UsageError(f"--since {window[0]} is after --until {window[1]}")
    proj = projection(kb)
    chosen = _construct_selection(kb, proj, construct) if construct is not None else None
    support = _fact_support(kb)
    details = _entity_details(kb)
    return from_projection(
        proj, prefixes,
        centres=centres, hops=1 if hops is None else hops, allowed=allowed, window=window,
        chosen=chosen, support=support, details=details, facts_as_nodes=facts_as_nodes,
        fact_links=(lambda facts: _fact_links(kb, facts)) if facts_as_nodes else None,
        description=_describe(centres, hops, types, construct, window, proj, prefixes),
    )  # fmt: skip


def from_projection(
    proj: Projection,
    prefixes: Mapping[str, str],
    *,
    centres: Sequence[str] = (),
    hops: int = 1,
    allowed: frozenset[str] | None = None,
    window: tuple[str | None, str | None] = (None, None),
    chosen: tuple[set[str], list[Relation]] | None = None,
    support: Mapping[str, _Support] | None = None,
    details: Mapping[str, tuple[int | None, str | None]] | None = None,
    facts_as_nodes: bool = False,
    fact_links: FactLinks | None = None,
    description: str = "",
) -> ExportGraph:
    """The selection and aggregation steps on a projection (no store access unless
    `fact_links` is given): what `export_graph` runs after its queries, and what the
    benchmark times on a synthetic projection."""
    with _no_gc():
        return _select_and_aggregate(
            proj, prefixes, centres, hops, allowed, window, chosen, support or {},
            details or {}, facts_as_nodes, fact_links, description,
        )  # fmt: skip


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Cyclic garbage collection off while building the export. It creates millions of small
    objects that hold no cycles, and with a large projection alive every collection walks
    that whole heap: at 100k nodes and 300k edges the collector took most of the time."""
    import gc

    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _select_and_aggregate(
    proj: Projection,
    prefixes: Mapping[str, str],
    centres: Sequence[str],
    hops: int,
    allowed: frozenset[str] | None,
    window: tuple[str | None, str | None],
    chosen: tuple[set[str], list[Relation]] | None,
    support: Mapping[str, _Support],
    details: Mapping[str, tuple[int | None, str | None]],
    facts_as_nodes: bool,
    fact_links: FactLinks | None,
    description: str,
) -> ExportGraph:
    warnings: list[str] = []
    if chosen is None:
        nodes = set(proj.graph.nodes)
        rels = [r for _, _, data in proj.graph.edges(data=True) for r in data["rels"]]
    else:
        nodes, rels = chosen
    dated = window != (None, None)
    if dated:
        rels, undated = _in_window(rels, window, support)
        if undated:
            warnings.append(f"{undated} fact(s) without a date were left out by --since/--until")
    if centres:
        nodes = _neighbourhood(centres, hops, nodes, rels)
    elif dated and chosen is None:
        nodes &= {end for r in rels if r.fact is not None for end in (r.source, r.target)}
    if allowed is not None:
        keep = set(centres)
        nodes = {
            n for n in nodes if n in keep or not proj.types.get(n, frozenset()).isdisjoint(allowed)
        }
    rels = [r for r in rels if r.source in nodes and r.target in nodes]
    graph = _aggregate(proj, prefixes, nodes, rels, support, details, facts_as_nodes,
                       fact_links)  # fmt: skip
    graph.description = description
    graph.warnings = warnings
    if not graph.nodes:
        graph.warnings.append("the selection is empty: wrote a graph with no nodes")
    return graph


def _day(value: str | dt.date | None, name: str, *, first: bool) -> str | None:
    """`2017`, `2017-03` or `2017-03-27` (or a date) as the first or last day it covers."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    span = _span(str(value).strip())
    if span is None:
        raise UsageError(f"--{name} takes a date like 2017-03-27, 2017-03 or 2017; got {value!r}")
    return span[0] if first else span[1]


@functools.lru_cache(maxsize=65536)
def _span(text: str) -> tuple[str, str] | None:
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


def _fact_days(rel: Relation, support: Mapping[str, _Support]) -> tuple[str, str] | None:
    """First and last day of a fact: all its recorded dates, else the projection's one."""
    found = support.get(rel.fact or "")
    if not (found and found.dates):
        return _span(rel.date) if rel.date else None
    spans = [s for s in map(_span, found.dates) if s]
    if not spans:
        return None
    return min(s[0] for s in spans), max(s[1] for s in spans)


def _in_window(
    rels: list[Relation], window: tuple[str | None, str | None], support: Mapping[str, _Support]
) -> tuple[list[Relation], int]:
    since, until = window
    kept: list[Relation] = []
    undated: set[str] = set()
    for r in rels:
        if r.fact is None:
            kept.append(r)
            continue
        days = _fact_days(r, support)
        if days is None:
            undated.add(r.fact)
        elif (since is None or days[1] >= since) and (until is None or days[0] <= until):
            kept.append(r)
    return kept, len(undated)


def _neighbourhood(
    centres: Sequence[str], hops: int, nodes: set[str], rels: list[Relation]
) -> set[str]:
    """Entities within `hops` edges of the centres, over the selected relations (both
    directions: who acted on X and whom X acted on)."""
    adjacent: dict[str, set[str]] = {}
    for r in rels:
        if r.source in nodes and r.target in nodes:
            adjacent.setdefault(r.source, set()).add(r.target)
            adjacent.setdefault(r.target, set()).add(r.source)
    reached = set(centres)
    frontier = set(centres)
    for _ in range(hops):
        frontier = {m for n in frontier for m in adjacent.get(n, ())} - reached
        if not frontier:
            break
        reached |= frontier
    return reached


def _construct_selection(
    kb: Reader, proj: Projection, sparql: str
) -> tuple[set[str], list[Relation]]:
    """Nodes and relations named by the triples of a CONSTRUCT query: entities in any
    position, every relation of a fact named in any position (with its two ends), and
    entity-to-entity triples (those the store has keep their relation; a triple the query
    invents becomes a relation labelled by its property)."""
    form = query_form(sparql)
    if form != "CONSTRUCT":
        found = f"{'an' if form == 'ASK' else 'a'} {form} query" if form else "not a SPARQL query"
        raise UsageError(f"--query needs a CONSTRUCT query; this is {found}")
    triples = kb.query(sparql).triples
    entities = proj.types
    by_fact: dict[str, list[Relation]] = {}
    for _, _, data in proj.graph.edges(data=True):
        for r in data["rels"]:
            if r.fact is not None:
                by_fact.setdefault(r.fact, []).append(r)
    nodes: set[str] = set()
    rels: dict[tuple[object, ...], Relation] = {}
    for t in triples:
        ends = [x.value for x in (t.subject, t.object) if isinstance(x, ox.NamedNode)]
        for iri in ends:
            if iri in entities:
                nodes.add(iri)
            for r in by_fact.get(iri, ()):
                rels[_rel_key(r)] = r
                nodes.update((r.source, r.target))
        s, p, o = t.subject, t.predicate.value, t.object
        if not (isinstance(s, ox.NamedNode) and isinstance(o, ox.NamedNode)):
            continue
        if s.value in entities and o.value in entities and s.value != o.value:
            existing = [
                r
                for r in _rels_between(proj, s.value, o.value)
                if r.fact is None and r.predicate == p and r.source == s.value
            ]
            for r in existing or [Relation(s.value, o.value, _property_label(p), p)]:
                rels[_rel_key(r)] = r
    return nodes, list(rels.values())


def _rels_between(proj: Projection, a: str, b: str) -> list[Relation]:
    if proj.graph.has_edge(a, b):
        return list(proj.graph[a][b]["rels"])
    return []


def _rel_key(r: Relation) -> tuple[object, ...]:
    return (r.source, r.target, r.label, r.predicate, r.fact)


def _property_label(iri: str) -> str:
    from kb.paths import _property_labels, _words

    return _property_labels().get(iri) or _words(iri)


# -- what the projection does not keep ----------------------------------------------------------


def _fact_support(kb: Reader) -> dict[str, _Support]:
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
        f: _Support(
            tuple(sorted(dates.get(f, ()))),
            tuple(sorted(sentences.get(f, ()), key=lambda s: (len(s), s))),
            tuple(sorted(documents.get(f, ()))),
        )
        for f in facts
    }


def _entity_details(kb: Reader) -> dict[str, tuple[int | None, str | None]]:
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


#: Properties of a fact node that are bookkeeping, not links worth drawing.
_FACT_BOOKKEEPING = frozenset({KB.evidence, PROV.wasQuotedFrom, PROV.wasGeneratedBy,
                               SEM.eventType, KB.factuality, DCT.source})  # fmt: skip


def _fact_links(kb: Reader, facts: Iterable[str]) -> list[tuple[str, str, str]]:
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


# -- aggregating --------------------------------------------------------------------------------


def category(types: Iterable[str]) -> str:
    """The palette category of an entity with these rdf:types (`person`, `city`, ...)."""
    return _category(frozenset(types))


@functools.lru_cache(maxsize=4096)
def _category(have: frozenset[str]) -> str:
    for name, classes in _category_classes():
        if not have.isdisjoint(classes):
            return name
    return "other"


_CATEGORY_CACHE: list[tuple[str, frozenset[str]]] = []


def _category_classes() -> list[tuple[str, frozenset[str]]]:
    if not _CATEGORY_CACHE:
        _CATEGORY_CACHE.extend((name, with_subclasses(cs)) for name, cs in CATEGORIES)
    return _CATEGORY_CACHE


def _fact_category(rel: Relation) -> str:
    if rel.fact is None:
        return "relation"
    return _FACT_OF_CLASS.get(rel.kind or "", "event")


def _aggregate(
    proj: Projection,
    prefixes: Mapping[str, str],
    nodes: set[str],
    rels: list[Relation],
    support: Mapping[str, _Support],
    details: Mapping[str, tuple[int | None, str | None]],
    facts_as_nodes: bool,
    fact_links: FactLinks | None,
) -> ExportGraph:
    short = _Shortener(prefixes)
    out_nodes: dict[str, ExportNode] = {}
    for n in sorted(nodes):
        types = proj.types.get(n, frozenset())
        geonames, ocd = details.get(n, (None, None))
        out_nodes[n] = ExportNode(
            n, _clean(proj.label(n, prefixes)), _category(types),
            short.classes(types), geonames, ocd,
        )  # fmt: skip
    if facts_as_nodes:
        edges = _facts_as_nodes(proj, prefixes, out_nodes, rels, support, fact_links, short)
    else:
        edges = _facts_as_edges(rels, support, short)
    for e in edges:
        out_nodes[e.source].degree += 1
        out_nodes[e.target].degree += 1
    return ExportGraph(list(out_nodes.values()), edges)


def _facts_as_edges(
    rels: list[Relation], support: Mapping[str, _Support], short: _Shortener
) -> list[ExportEdge]:
    """One edge per (source, target, label): the facts behind it summed up."""
    groups: dict[tuple[str, str, str], list[Relation]] = {}
    for r in rels:
        groups.setdefault((r.source, r.target, r.label), []).append(r)
    edges = []
    for i, key in enumerate(sorted(groups)):
        group = groups[key]
        edges.append(_edge(f"e{i}", key[0], key[1], key[2], group, support, short))
    return edges


def _edge(
    eid: str,
    source: str,
    target: str,
    label: str,
    group: Sequence[Relation],
    support: Mapping[str, _Support],
    short: _Shortener,
    *,
    by_property: bool = False,
) -> ExportEdge:
    """One exported edge standing for `group`: weight = distinct supporting documents (at
    least 1, so an edge without recorded documents is still drawn), first and last date,
    the evidence sentences and documents joined."""
    if len(group) == 1:  # most edges stand for one fact or triple: the short way
        return _single_edge(eid, source, target, label, group[0], support, short, by_property)
    facts = {r.fact for r in group if r.fact is not None}
    sentences: dict[str, None] = {}
    documents: dict[str, None] = {}
    days: list[tuple[str, str]] = []
    for r in group:
        found = support.get(r.fact or "")
        for s in found.sentences if found and found.sentences else (r.evidence,):
            if s:
                sentences[_clean(s)] = None
        for d in found.documents if found and found.documents else (r.document,):
            if d:
                documents[d] = None
        span = _fact_days(r, support) if r.fact else None
        if span:
            days.append(span)
    kinds = sorted({_fact_category(r) for r in group})
    named = (r.predicate if by_property or not r.kind else r.kind for r in group)
    relation = " ".join(sorted({short(i) for i in named if i and i != "source"}))
    return ExportEdge(
        eid, source, target, _clean(label), ",".join(kinds), relation, len(facts),
        float(max(1, len(documents))),
        min(d[0] for d in days) if days else None, max(d[1] for d in days) if days else None,
        JOIN.join(sentences), JOIN.join(documents),
    )  # fmt: skip


def _single_edge(
    eid: str,
    source: str,
    target: str,
    label: str,
    r: Relation,
    support: Mapping[str, _Support],
    short: _Shortener,
    by_property: bool,
) -> ExportEdge:
    """`_edge` for a group of one relation (same result, a fifth of the work)."""
    found = support.get(r.fact) if r.fact else None
    if found and found.sentences:
        sentences = JOIN.join(dict.fromkeys(map(_clean, found.sentences)))
    else:
        sentences = _clean(r.evidence) if r.evidence else ""
    documents = found.documents if found and found.documents else (r.document,)
    documents = tuple(d for d in documents if d)
    span = _fact_days(r, support) if r.fact else None
    named = r.predicate if by_property or not r.kind else r.kind
    return ExportEdge(
        eid, source, target, _clean(label), _fact_category(r),
        short(named) if named and named != "source" else "", 1 if r.fact else 0,
        float(max(1, len(documents))), span[0] if span else None, span[1] if span else None,
        sentences, JOIN.join(documents),
    )  # fmt: skip


def _facts_as_nodes(
    proj: Projection,
    prefixes: Mapping[str, str],
    out_nodes: dict[str, ExportNode],
    rels: list[Relation],
    support: Mapping[str, _Support],
    fact_links: FactLinks | None,
    short: _Shortener,
) -> list[ExportEdge]:
    """Each fact a node (labelled by what happened, dated), linked to its entities by the
    properties that name them (`agent`, `target`, `about law`); plain entity-to-entity
    triples stay edges."""
    plain = [r for r in rels if r.fact is None]
    by_fact: dict[str, list[Relation]] = {}
    for r in rels:
        if r.fact is not None:
            by_fact.setdefault(r.fact, []).append(r)
    for fact, group in sorted(by_fact.items()):
        if fact in out_nodes:  # a grant is an entity too
            continue
        spans = [s for s in (_fact_days(r, support) for r in group) if s]
        first = group[0]
        out_nodes[fact] = ExportNode(
            fact, _clean(first.label), _fact_category(first), short(first.kind or ""),
            start=min(s[0] for s in spans) if spans else None,
            end=max(s[1] for s in spans) if spans else None,
        )  # fmt: skip
    links: list[tuple[str, str, str]]
    if fact_links is not None:
        links = list(fact_links(by_fact))
    else:  # no store at hand: the ends the projection recorded
        links = sorted({
            (f, p, end) for f, group in by_fact.items() for r in group
            for p, end in (("source", r.source), (r.predicate, r.target))
        })  # fmt: skip
    seen = {(r.source, r.target, r.predicate) for r in plain}
    source_props = {p for ends in FACT_ENDS.values() for p in ends[0]}
    edges: list[tuple[str, str, str, list[Relation]]] = []
    for f, p, o in links:
        if p in _FACT_BOOKKEEPING or o not in out_nodes or f == o or (f, o, p) in seen:
            continue
        group = by_fact.get(f, [])
        if p == "source" or p in source_props:  # the doer points at what was done
            edges.append((o, f, p, group))
        else:
            edges.append((f, o, p, group))
    groups: dict[tuple[str, str, str], list[Relation]] = {}
    for r in plain:
        groups.setdefault((r.source, r.target, r.label), []).append(r)
    for s, o, p, group in edges:
        label = "acted" if p == "source" else _property_label(p)
        stub = [Relation(s, o, label, p, r.fact, r.kind, r.date, r.evidence, r.document)
                for r in group[:1]] or [Relation(s, o, label, p)]  # fmt: skip
        groups.setdefault((s, o, label), []).extend(stub)
    return [
        _edge(f"e{i}", key[0], key[1], key[2], groups[key], support, short, by_property=True)
        for i, key in enumerate(sorted(groups))
    ]


class _Shortener:
    """Prefixed names, memoised: the same few dozen classes and properties over and over."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self.prefixes = prefixes
        self.memo: dict[object, str] = {}

    def classes(self, types: frozenset[str]) -> str:
        """The prefixed names of a set of classes, sorted, space-separated."""
        found = self.memo.get(types)  # type: ignore[call-overload]
        if found is None:
            found = self.memo[types] = " ".join(sorted(self(t) for t in types))  # type: ignore[index]
        return found

    def __call__(self, iri: str) -> str:
        if not iri:
            return ""
        found = self.memo.get(iri)
        if found is None:
            found = self.memo[iri] = shorten_iri(iri, self.prefixes)
        return found


def _clean(text: str) -> str:
    """One line of XML-safe text: control characters dropped, whitespace collapsed."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # the usual case, checked in C
    return " ".join(_XML_BAD.sub("", text).split())


def _describe(
    centres: Sequence[str],
    hops: int | None,
    types: Iterable[str] | None,
    construct: str | None,
    window: tuple[str | None, str | None],
    proj: Projection,
    prefixes: Mapping[str, str],
) -> str:
    parts = []
    if construct is not None:
        parts.append("the triples of a CONSTRUCT query")
    if centres:
        names = ", ".join(proj.label(c, prefixes) for c in centres)
        n = 1 if hops is None else hops
        parts.append(f"within {n} hop{'' if n == 1 else 's'} of {names}")
    if types:
        parts.append("entities of type " + ", ".join(types))
    if window[0] or window[1]:
        parts.append(f"facts dated {window[0] or '...'} to {window[1] or '...'}")
    return "kb entity graph: " + ("; ".join(parts) if parts else "everything")


# -- writing -----------------------------------------------------------------------------------


def write_gexf(graph: ExportGraph, stream: IO[bytes]) -> None:
    """GEXF 1.3: typed attributes declared in the header, colour by category and size by
    degree in the viz namespace, edge dates as `start`/`end` with `timeformat="date"` so
    Gephi's timeline filter works, `<meta>` with only what the schema allows.

    Written by a small streaming serialiser rather than an element tree: a 100k-node,
    300k-edge export is three million elements, which as a tree costs gigabytes, and lxml's
    incremental writer repeats the namespace declarations on every element it writes. Every
    value goes through `_attr` (escaping, and `_clean` for text) and the output is checked
    against the official schema by the tests.
    """
    with _no_gc():
        _write_gexf(graph, stream)


def _write_gexf(graph: ExportGraph, stream: IO[bytes]) -> None:
    out: list[str] = []
    write = out.append
    rgb = {k: f'r="{int(v[1:3], 16)}" g="{int(v[3:5], 16)}" b="{int(v[5:7], 16)}"'
           for k, v in PALETTE.items()}  # fmt: skip
    write('<?xml version="1.0" encoding="UTF-8"?>\n')
    write(
        f'<gexf xmlns="{GEXF_NS}" xmlns:viz="{VIZ_NS}" xmlns:xsi="{XSI_NS}" '
        f'xsi:schemaLocation="{GEXF_NS} {GEXF_NS}/gexf.xsd" version="1.3">\n'
    )
    description = _attr(_clean(graph.description) or "kb export")
    write(
        f'  <meta lastmodifieddate="{dt.date.today().isoformat()}">\n'
        f"    <creator>kb {_attr(_version())}</creator>\n"
        f"    <description>{description}</description>\n  </meta>\n"
    )
    if graph.dynamic:
        write('  <graph defaultedgetype="directed" mode="dynamic" timeformat="date" '
              'timerepresentation="interval">\n')  # fmt: skip
    else:
        write('  <graph defaultedgetype="directed" mode="static">\n')
    for cls, attrs in (("node", NODE_ATTRIBUTES), ("edge", EDGE_ATTRIBUTES)):
        write(f'    <attributes class="{cls}" mode="static">\n')
        for aid, title, typ in attrs:
            write(f'      <attribute id="{aid}" title="{title}" type="{typ}"/>\n')
        write("    </attributes>\n")
    write(f'    <nodes count="{len(graph.nodes)}">\n')
    for n in graph.nodes:
        times = (f' start="{n.start}"' if n.start else "") + (f' end="{n.end}"' if n.end else "")
        write(f'      <node id="{_attr(n.id)}" label="{_attr(n.label or n.id)}"{times}>')
        write("<attvalues>")
        for aid, value in (
            ("type", n.category), ("class", n.classes), ("iri", n.id),
            ("geonames", n.geonames), ("ocd", n.ocd), ("degree", n.degree),
        ):  # fmt: skip
            if value is not None and value != "":
                write(f'<attvalue for="{aid}" value="{_attr(str(value))}"/>')
        write(f"</attvalues><viz:color {rgb.get(n.category, rgb['other'])}/>")
        write(f'<viz:size value="{_size(n.degree)}"/></node>\n')
        if len(out) > 4096:
            _flush(out, stream)
    write(f'    </nodes>\n    <edges count="{len(graph.edges)}">\n')
    for e in graph.edges:
        label = _attr(e.label)
        times = (f' start="{e.start}"' if e.start else "") + (f' end="{e.end}"' if e.end else "")
        write(
            f'      <edge id="{_attr(e.id)}" source="{_attr(e.source)}" '
            f'target="{_attr(e.target)}" label="{label}" kind="{label or "related"}" '
            f'weight="{_number(e.weight)}"{times}><attvalues>'
        )
        for aid, value in (
            ("fact", e.fact), ("relation", e.relation), ("facts", e.facts),
            ("sources", e.sources), ("documents", e.documents),
        ):  # fmt: skip
            if value != "":
                write(f'<attvalue for="{aid}" value="{_attr(str(value))}"/>')
        write("</attvalues></edge>\n")
        if len(out) > 4096:
            _flush(out, stream)
    write("    </edges>\n  </graph>\n</gexf>\n")
    _flush(out, stream)


def _flush(out: list[str], stream: IO[bytes]) -> None:
    stream.write("".join(out).encode("utf-8"))
    out.clear()


def _attr(text: str) -> str:
    """Text escaped for a double-quoted XML attribute or element content."""
    if not _NEEDS_ESCAPE.search(text):
        return text
    text = _XML_BAD.sub("", text)
    for raw, ref in _ESCAPES:
        text = text.replace(raw, ref)
    return text


_NEEDS_ESCAPE = re.compile('[&<>"\t\n\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]')
_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"),
            ("\t", "&#9;"), ("\n", "&#10;"), ("\r", "&#13;"))  # fmt: skip


def _size(degree: int) -> str:
    """Node size by degree, on a square-root scale so hubs do not swallow the picture."""
    return _number(round(6.0 + 4.0 * math.sqrt(degree), 2))


def _number(x: float) -> str:
    return repr(float(x))


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kb")
    except PackageNotFoundError:
        return "dev"


def to_networkx(graph: ExportGraph) -> nx.MultiDiGraph:
    """The export as a networkx MultiDiGraph with str/int/float attributes only (what GraphML
    can type, and what igraph reads back); absent values are left out, never None."""
    import networkx as nx

    g = nx.MultiDiGraph()
    for n in graph.nodes:
        data: dict[str, object] = {
            "label": n.label, "type": n.category, "class": n.classes, "iri": n.id,
            "degree": n.degree, "color": PALETTE.get(n.category, PALETTE["other"]),
            "size": float(_size(n.degree)),
        }  # fmt: skip
        if n.geonames is not None:
            data["geonames"] = n.geonames
        if n.ocd:
            data["ocd"] = n.ocd
        if n.start:
            data["start"] = n.start
        if n.end:
            data["end"] = n.end
        g.add_node(n.id, **data)
    for e in graph.edges:
        data = {
            "label": e.label, "kind": e.label, "fact": e.fact, "relation": e.relation,
            "facts": e.facts, "weight": e.weight, "sources": e.sources, "documents": e.documents,
        }  # fmt: skip
        if e.start:
            data["start"] = e.start
        if e.end:
            data["end"] = e.end
        g.add_edge(e.source, e.target, key=e.id, **data)
    return g


def write_graphml(graph: ExportGraph, stream: IO[bytes]) -> None:
    """GraphML through networkx (readable by networkx, igraph, yEd, Cytoscape, Gephi)."""
    import networkx as nx

    nx.write_graphml(to_networkx(graph), stream, encoding="utf-8")
