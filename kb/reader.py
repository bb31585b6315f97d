"""`Reader`: read access to one store, with the project's prefixes predeclared.

The features (named questions, describe, paths, export, the label index) need three things
from a knowledge base: its store (for raw reads and the generation counter that keys their
caches), its prefixes, and SPARQL queries with bound parameters. They take a `Reader`, never
the `KnowledgeBase` facade, so they sit below the facade and do not import it: the facade is a
`Reader` that also writes, ingests and wires the features together.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

from kb.regexcheck import warn_invalid_regexes
from kb.store.base import QueryResult, Store
from kb.terms import to_term


class Reader:
    """Queries over one store; parameters are bound as terms, never pasted into the text.

    >>> from kb.store import open_store
    >>> Reader(open_store("memory:")).query("ASK { ?s ?p ?o }").boolean
    False
    """

    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def prefixes(self) -> dict[str, str]:
        """The project's prefixes (kb:, schema:, org:, ...), predeclared in every query."""
        return dict(project_prefixes())

    def query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, object] | None = None,
        union: bool = True,
        base_iri: str | None = None,
    ) -> QueryResult:
        """Run a SPARQL query. The default graph is the union of all graphs unless `union` is
        False (the SPARQL dataset semantics). `bindings` are bound as terms, never pasted:
        plain Python strings become literals; pass `pyoxigraph.NamedNode` for IRIs."""
        terms = {k: to_term(v) for k, v in (bindings or {}).items()}
        warn_invalid_regexes(sparql)  # an invalid constant regex silently matches nothing
        return self.store.query(
            sparql, bindings=terms, union=union, base_iri=base_iri, prefixes=project_prefixes()
        )


@functools.cache
def project_prefixes() -> dict[str, str]:
    """The prefixes every query predeclares, looked up once (never mutated)."""
    from kb.vocab import PREFIXES

    return dict(PREFIXES)
