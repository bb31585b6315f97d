"""A remote SPARQL 1.1 endpoint as the store (Oxigraph server, Fuseki, GraphDB, Virtuoso, QLever).

Only the standard protocols are used: SPARQL 1.1 Protocol for query and update. Writes that
must be atomic (replacing a document's graph) go as ONE update request, which every one of
these servers applies in one transaction. Results come back as SPARQL JSON or N-Triples and
are parsed by pyoxigraph, so callers get the same terms as from the embedded store.
Every request has a timeout: a dead or slow endpoint is an error, never a hang. Where a
server's SPARQL differs (Virtuoso), a dialect from kb.store.dialects adapts the requests.
"""

from __future__ import annotations

import hashlib
import os
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import Message
from typing import BinaryIO

import pyoxigraph as ox

from kb.errors import EndpointError, QuerySyntaxError
from kb.sparqltext import bind_values
from kb.store.base import (
    QueryResult,
    Store,
    graph_node,
    materialise,
    parse_sources,
    replacement_update,
)
from kb.store.dialects import RESULTS_ACCEPT, Dialect, dialect_for


@dataclass(frozen=True)
class Endpoints:
    """The URLs of one SPARQL service. `union_param` is set for servers known to accept a
    per-request union-default-graph switch (Oxigraph)."""

    query: str
    update: str
    union_param: str | None = None

    @classmethod
    def derive(cls, query_url: str, update_url: str | None = None) -> Endpoints:
        """Derive the update URL for known servers from the query URL.

        Oxigraph: `/query` -> `/update`; Fuseki: `/DS/query` or `/DS/sparql` -> `/DS/update`;
        GraphDB: `/repositories/R` -> `/repositories/R/statements`; Virtuoso and QLever take
        updates at the query URL. `update_url` (or `KB_UPDATE_URL`) overrides the guess.
        """
        parts = urllib.parse.urlsplit(query_url)
        path = parts.path.rstrip("/")
        union = None
        if path.endswith("/query"):
            guess = path[: -len("/query")] + "/update"
            if path == "/query":
                union = "union-default-graph"  # Oxigraph's server layout
        elif path.endswith("/sparql") and path != "/sparql":
            guess = path[: -len("/sparql")] + "/update"
        elif "/repositories/" in path:
            guess = path + "/statements"
        else:
            guess = path
        derived = urllib.parse.urlunsplit(parts._replace(path=guess))
        explicit = update_url or os.environ.get("KB_UPDATE_URL")
        return cls(query_url, explicit or derived, union)


def prologue(base_iri: str | None, prefixes: Mapping[str, str] | None) -> str:
    """BASE and PREFIX declarations for a server, all on the query's first line so that line
    numbers in the server's error messages still match the user's text."""
    parts = [f"BASE <{base_iri}>"] if base_iri else []
    parts += [f"PREFIX {p}: <{ns}>" for p, ns in (prefixes or {}).items()]
    return " ".join(parts) + " " if parts else ""


class RemoteStore(Store):
    """A store behind SPARQL 1.1 Protocol URLs; see `Endpoints.derive`."""

    def __init__(
        self, query_url: str, *, update_url: str | None = None, timeout: float | None = None
    ) -> None:
        self.endpoints = Endpoints.derive(query_url, update_url)
        self.spec = query_url
        self.timeout = float(os.environ.get("KB_TIMEOUT", "30")) if timeout is None else timeout
        self._dialect: Dialect | None = None

    @property
    def dialect(self) -> Dialect:
        """How this server's SPARQL differs from the standard, found on first use."""
        if self._dialect is None:
            self._dialect = Dialect()  # the probe itself is a standard query
            if self.endpoints.union_param is None:  # Oxigraph's layout needs no probe
                _, headers = self._post(self.endpoints.query, "query", "ASK {}",
                                        RESULTS_ACCEPT, form=True)
                self._dialect = dialect_for(headers.get("Server", ""))
        return self._dialect

    # -- HTTP ----------------------------------------------------------------------------------

    def _post(self, url: str, field: str, text: str, accept: str,
              form: bool = False) -> tuple[bytes, Message]:
        """POST a query or update (``field``): as the body, or as a form field when ``form``."""
        if form:
            body = urllib.parse.urlencode({field: text})
            content_type = "application/x-www-form-urlencoded"
        else:
            body = text
            content_type = f"application/sparql-{field}; charset=utf-8"
        request = urllib.request.Request(
            url,
            data=body.encode("utf-8"),
            method="POST",
            headers={"Content-Type": content_type, "Accept": accept},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read(), response.headers
        except urllib.error.HTTPError as err:
            detail = err.read().decode("utf-8", "replace").strip().splitlines()
            message = detail[0] if detail else err.reason
            if err.code == 400:
                raise QuerySyntaxError(f"{url} rejected the request: {message}") from None
            raise EndpointError(f"{url} answered HTTP {err.code}: {message}") from None
        except TimeoutError:
            raise EndpointError(
                f"{url} did not answer within {self.timeout:g} s (raise KB_TIMEOUT if it is "
                "just slow)"
            ) from None
        except urllib.error.URLError as err:
            reason = err.reason
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise EndpointError(
                    f"{url} did not answer within {self.timeout:g} s (raise KB_TIMEOUT if it "
                    "is just slow)"
                ) from None
            raise EndpointError(
                f"cannot reach SPARQL endpoint {url}: {getattr(reason, 'strerror', None) or reason}"
                "; is the server running?"
            ) from None
        except ConnectionError as err:
            raise EndpointError(f"connection to {url} failed: {err}") from None

    def _query_url(self, union: bool) -> str:
        if union and self.endpoints.union_param:
            return f"{self.endpoints.query}?{self.endpoints.union_param}"
        return self.endpoints.query

    # -- Store API -------------------------------------------------------------------------------

    def query(
        self, sparql, *, bindings=None, union=True, base_iri=None, prefixes=None
    ) -> QueryResult:  # type: ignore[override]
        started = time.perf_counter()
        text = prologue(base_iri, prefixes) + bind_values(sparql, bindings)
        dialect = self.dialect
        body, headers = self._post(
            self._query_url(union), "query", dialect.query(text, union), dialect.accept(text),
            dialect.form,
        )
        dialect.check_complete(self.spec, headers)
        body = dialect.answer(body)
        mime = headers.get("Content-Type", "").split(";")[0].strip()
        try:
            if mime in ("application/sparql-results+json", "application/json"):
                answer = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
            elif mime == "application/sparql-results+xml":
                answer = ox.parse_query_results(body, format=ox.QueryResultsFormat.XML)
            else:
                fmt = ox.RdfFormat.from_media_type(mime) or ox.RdfFormat.N_TRIPLES
                answer = [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(body, fmt)]
                return QueryResult("graph", triples=answer, elapsed=time.perf_counter() - started)
        except SyntaxError as err:
            raise EndpointError(f"{self.spec} sent an unreadable answer: {err}") from None
        return materialise(answer, started)

    def update(self, sparql: str, *, base_iri: str | None = None, prefixes=None) -> None:  # type: ignore[override]
        text = prologue(base_iri, prefixes) + sparql
        dialect = self.dialect
        self._post(self.endpoints.update, "update", dialect.update(text), "*/*", dialect.form)

    def load(self, sources, *, format=None, graph=None, base_iri=None) -> None:  # type: ignore[override]
        quads = parse_sources(sources, format, graph_node(graph), base_iri)
        self.replace_graphs({}, add=quads)  # one request: the server applies it atomically

    def replace_graphs(self, graphs, *, add=(), remove=(), drop=()) -> None:  # type: ignore[override]
        update = self.dialect.replacement(graphs, add, remove, drop)
        if update is None:
            update = replacement_update(graphs, add, remove, drop)
        if update:
            self.update(update)

    def graphs(self) -> list[str]:
        dialect = self.dialect
        result = self.query(dialect.graphs_query, union=False)
        return [row[0].value for row in result.rows
                if isinstance(row[0], ox.NamedNode) and row[0].value != dialect.default_graph]

    def count(self) -> int:
        result = self.query(self.dialect.count_query, union=False)
        return int(result.rows[0][0].value)  # type: ignore[union-attr]

    def dump(self, output: BinaryIO, format: ox.RdfFormat, graph: str | None = None) -> None:
        if graph is not None:
            result = self.query(
                "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }",
                bindings={"g": ox.NamedNode(graph)},
                union=False,
            )
            ox.serialize(result.triples, output, format)
            return
        if not format.supports_datasets:
            result = self.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", union=True)
            ox.serialize(set(result.triples), output, format)
            return
        dialect = self.dialect
        rows = self.query(dialect.quads_query, union=False).rows
        quads = [ox.Quad(s, p, o, ox.DefaultGraph()  # type: ignore[arg-type]
                         if g is None or g.value == dialect.default_graph else g)
                 for s, p, o, g in rows]
        ox.serialize(quads, output, format)

    def generation(self) -> str:
        """Cheap fingerprint: quad count plus graph list. A remote server gives no change
        counter, and a stale projection after an equal-sized edit is the accepted trade-off."""
        digest = hashlib.sha1("\n".join(self.graphs()).encode()).hexdigest()[:12]
        return f"{self.count()}-{digest}"
