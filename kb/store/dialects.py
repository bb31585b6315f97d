"""How SPARQL servers differ from the standard, and how the remote store adapts to each.

The remote store (kb.store.remote) speaks SPARQL 1.1 Protocol to every server; a `Dialect`
rewrites what one server needs otherwise, so the library above never asks which server it
has. The dialect is found from the server's HTTP ``Server`` header on first use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from email.message import Message

import pyoxigraph as ox

from kb import iris
from kb.errors import EndpointError
from kb.sparqltext import query_form
from kb.store.base import delete_data, insert_data, quads_in

RESULTS_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"


class Dialect:
    """Standard SPARQL 1.1 (Oxigraph, Fuseki, GraphDB, QLever): nothing to rewrite."""

    graphs_query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { } } ORDER BY ?g"
    count_query = "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
    quads_query = "SELECT ?s ?p ?o ?g WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
    default_graph: str | None = None
    """The named graph standing for the default graph, where the server has none."""
    form = False
    """Send requests as HTML form fields (``query=``/``update=``) instead of a direct body."""

    def query(self, text: str, union: bool) -> str:
        return text

    def update(self, text: str) -> str:
        return text

    def check_complete(self, spec: str, headers: Message) -> None:
        """Raise when the server cut the answer short."""

    def replacement(self, graphs: Mapping[str, Iterable[ox.Triple]], add: Iterable[ox.Quad],
                    remove: Iterable[ox.Quad], drop: Iterable[str]) -> str | None:
        """The one update of ``Store.replace_graphs`` (and of ``load``: only ``add``); None:
        the standard rendering, ``base.replacement_update``."""
        return None

    def answer(self, body: bytes) -> bytes:
        """Adapt a query answer before pyoxigraph parses it."""
        return body

    def accept(self, text: str) -> str:
        """The Accept header for a query."""
        return RESULTS_ACCEPT


VIRTUOSO_SYSTEM_GRAPHS = (
    "http://www.openlinksw.com/schemas/virtrdf#",
    "http://localuriqaserver/sparql",
    "http://www.w3.org/ns/ldp#",
    "http://www.w3.org/2002/07/owl#",
)
"""Graphs Virtuoso keeps for itself (its quad-map schema, the service description, LDP and
OWL class axioms): in every query's default graph and GRAPH ?g unless excluded. Union
queries exclude only the first, which holds 2,479 of their 2,496 triples: a second
``input:default-graph-exclude`` makes 7.2 drop the answers of joins of transitive paths and
OPTIONAL (kb ask threats answered nothing); the service description (one sd:Service) and a
few rdfs:subClassOf axioms stay visible to union queries."""


_VIRTUOSO_BNODE = re.compile(rb'("type":\s*"bnode",\s*"value":\s*")nodeID://')


class Virtuoso(Dialect):
    """Virtuoso has no default graph of its own: a query without FROM sees the union of all
    graphs, its own system graphs included, and INSERT DATA without GRAPH is refused.

    So the default graph of the kb dataset is one named graph (``default_graph``), chosen by
    the pragma ``define input:default-graph-uri`` for updates and standard-dataset queries;
    union queries see every graph but Virtuoso's quad-map schema. ``GRAPH ?g`` also matches
    the stand-in (excluding it excludes it from the default graph too) and, in union
    queries, the system graphs (``input:named-graph-exclude`` there breaks joins between
    GRAPH and default-graph patterns in 7.2; standard queries exclude the quad-map schema,
    and more exclusions overflow 7.2's stack on ingest's queries); kb's own queries never ask
    them for document
    triples, and ``graphs()``, ``count()`` and ``dump()`` leave them out or map the stand-in
    back. ``GRAPH ?g { }`` answers one empty row, so graphs are listed from their quads. A
    result cut at the server's ``ResultSetMaxRows`` is an error, not a silent truncation.
    Requests go as form fields: Virtuoso 7.2 never answers a direct SPARQL body."""

    default_graph = iris.resource("graph", "default")
    form = True
    CHUNK = 250
    """Quads per INSERT DATA operation: 250 wrote 1,300 quads fastest (0.7 s; 1,000: 1.6 s)."""
    _system = " ".join(f"<{g}>" for g in VIRTUOSO_SYSTEM_GRAPHS)
    _own = f"FILTER (?g NOT IN ({', '.join(_system.split())}))"
    graphs_query = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_own} }} ORDER BY ?g"
    count_query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_own} }}"
    quads_query = f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_own} }}"

    def __init__(self) -> None:
        schema = VIRTUOSO_SYSTEM_GRAPHS[0]
        self._union = f"define input:default-graph-exclude <{schema}> "
        self._standard = (f"define input:default-graph-uri <{self.default_graph}> "
                          f"define input:named-graph-exclude <{schema}> ")

    def query(self, text: str, union: bool) -> str:
        # on the first line, so the server's line numbers still match the user's text
        return (self._union if union else self._standard) + text

    def update(self, text: str) -> str:
        return f"define input:default-graph-uri <{self.default_graph}> " + text

    def replacement(self, graphs: Mapping[str, Iterable[ox.Triple]], add: Iterable[ox.Quad],
                    remove: Iterable[ox.Quad], drop: Iterable[str]) -> str:
        """Virtuoso compiles a whole request into one SQL procedure and refuses one over
        10,000 lines (an INSERT DATA of ~1,300 quads in two graphs), and refuses blank nodes
        in INSERT DATA (the ontology's OWL lists have them). So the data goes in operations
        of at most ``CHUNK`` quads of one graph each, still in one request (one
        transaction), and quads with blank nodes in a last ``INSERT { } WHERE { }`` of their
        own (one operation, so their labels stay shared)."""
        new = [q for g, triples in graphs.items() for q in quads_in(ox.NamedNode(g), triples)]
        new.extend(add)
        blank = [q for q in new if _has_blank(q)]
        ops = [f"DROP SILENT GRAPH {ox.NamedNode(g)}" for g in [*drop, *graphs]]
        ops += [delete_data(chunk) for chunk in _by_graph(remove, self.CHUNK)]
        ops += [insert_data(chunk) for chunk in _by_graph(
            (q for q in new if not _has_blank(q)), self.CHUNK)]
        if blank:
            ops.append("INSERT {" + insert_data(blank)[len("INSERT DATA {"):] + " WHERE { }")
        return " ;\n".join(ops)

    def accept(self, text: str) -> str:
        """Virtuoso answers the first type listed, even SPARQL JSON rows for a CONSTRUCT."""
        if query_form(text) in ("CONSTRUCT", "DESCRIBE"):
            return "application/n-triples"
        return "application/sparql-results+json"

    def answer(self, body: bytes) -> bytes:
        """Virtuoso names blank nodes ``nodeID://b123`` in JSON results: no valid label."""
        return _VIRTUOSO_BNODE.sub(rb"\1", body)

    def check_complete(self, spec: str, headers: Message) -> None:
        limit = headers.get("X-SPARQL-MaxRows")
        if limit:
            raise EndpointError(
                f"{spec} cut the answer at {limit} rows: raise ResultSetMaxRows in the [SPARQL] "
                "section of virtuoso.ini"
            )


def _by_graph(quads: Iterable[ox.Quad], size: int) -> list[list[ox.Quad]]:
    """Quads in runs of at most ``size`` of one graph each."""
    runs: list[list[ox.Quad]] = []
    by_graph: dict[str, list[ox.Quad]] = {}
    for q in quads:
        by_graph.setdefault(str(q.graph_name), []).append(q)
    for group in by_graph.values():
        runs.extend(group[i:i + size] for i in range(0, len(group), size))
    return runs


def _has_blank(quad: ox.Quad) -> bool:
    return isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode)


def dialect_for(server: str) -> Dialect:
    """The dialect of a server, from its HTTP ``Server`` header."""
    return Virtuoso() if server.lower().startswith("virtuoso") else Dialect()
