"""The embedded Oxigraph store: on disk (the default) or in memory.

On disk, RocksDB allows one read-write process, and pyoxigraph warns that a read-only open
while another process writes is undefined behaviour. So that a shell left open never blocks
`kb ingest`, and never reads a half-written state, every operation takes a file lock for its
own duration only: readers share it and open read-only, writers take it exclusively, open
read-write, and close again before releasing it. Writers bump a generation counter, which is
how readers (and cached projections) notice new data without a restart.
"""

from __future__ import annotations

import contextlib
import gc
import os
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kb.errors import StoreError, StoreLocked, StoreNotFound
from kb.sparqltext import bind_values
from kb.store.base import (
    QueryResult,
    Store,
    Term,
    graph_node,
    materialise,
    parse_sources,
    quads_in,
    query_syntax_error,
    replacement_update,
)
from kb.store.bulkload import bulk_load_all
from kb.store.disklock import DirectoryLock

#: Loads bigger than this go through RocksDB's bulk loader (about 2x faster on disk) behind a
#: checkpoint that is restored on failure; smaller ones use the transactional loader.
BULK_THRESHOLD = 4 * 1024 * 1024


class _Oxigraph(Store):
    """Query and update logic shared by the memory and disk variants."""

    def _run_query(
        self,
        store: ox.Store,
        sparql: str,
        bindings: Mapping[str, Term] | None,
        union: bool,
        base_iri: str | None,
        prefixes: Mapping[str, str] | None = None,
    ) -> QueryResult:
        started = time.perf_counter()
        try:
            answer = store.query(
                bind_values(sparql, bindings),
                base_iri=base_iri,
                use_default_graph_as_union=union,
                prefixes=prefixes
                if isinstance(prefixes, dict) or prefixes is None
                else dict(prefixes),
            )
            return materialise(answer, started)
        except SyntaxError as err:
            raise query_syntax_error(err) from None
        except OSError as err:
            raise StoreError(f"{self.spec}: query failed: {err}") from None

    def _run_update(
        self,
        store: ox.Store,
        sparql: str,
        base_iri: str | None,
        prefixes: Mapping[str, str] | None = None,
    ) -> None:
        try:
            store.update(sparql, base_iri=base_iri, prefixes=dict(prefixes or {}))
        except SyntaxError as err:
            raise query_syntax_error(err, "update") from None
        except OSError as err:
            raise StoreError(f"{self.spec}: update failed: {err}") from None

    @staticmethod
    def _graphs(store: ox.Store) -> list[str]:
        return sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))

    def _dump(
        self, store: ox.Store, output: BinaryIO, format: ox.RdfFormat, graph: str | None
    ) -> None:
        if graph is not None:
            store.dump(output, format, from_graph=ox.NamedNode(graph))
        elif format.supports_datasets:
            store.dump(output, format)
        else:  # a triple format holds the union: the merge people expect from "dump"
            answer = store.query(
                "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True
            )
            ox.serialize(set(answer), output, format)


class MemoryStore(_Oxigraph):
    """A throwaway in-process store (`memory:`), for one-off runs and tests."""

    def __init__(self) -> None:
        self.spec = "memory:"
        self._store = ox.Store()
        self._generation = 0

    def query(
        self, sparql, *, bindings=None, union=True, base_iri=None, prefixes=None
    ) -> QueryResult:  # type: ignore[override]
        return self._run_query(self._store, sparql, bindings, union, base_iri, prefixes)

    def update(self, sparql: str, *, base_iri: str | None = None, prefixes=None) -> None:  # type: ignore[override]
        self._run_update(self._store, sparql, base_iri, prefixes)
        self._generation += 1

    def load(self, sources, *, format=None, graph=None, base_iri=None) -> None:  # type: ignore[override]
        quads = parse_sources(sources, format, graph_node(graph), base_iri)
        self._store.extend(quads)  # atomic: all quads or none
        self._generation += 1

    def replace_graphs(self, graphs, *, add=(), remove=(), drop=()) -> None:  # type: ignore[override]
        update = replacement_update(graphs, add, remove, drop)
        if update:
            self.update(update)

    def graphs(self) -> list[str]:
        return self._graphs(self._store)

    def count(self) -> int:
        return len(self._store)

    def dump(self, output: BinaryIO, format: ox.RdfFormat, graph: str | None = None) -> None:
        self._dump(self._store, output, format, graph)

    def generation(self) -> str:
        return str(self._generation)

    @property
    def raw(self) -> ox.Store:
        """The pyoxigraph store itself, for Python users who want its full API."""
        return self._store


def _plain_quads(graphs: Mapping[str, list[ox.Triple]], add: list[ox.Quad]) -> list[ox.Quad]:
    """The quads of a pure insert, or [] when a blank node is among them: `INSERT DATA`
    gives blank nodes fresh labels, which inserting the terms as they are would not."""
    quads = [q for g, triples in graphs.items() for q in quads_in(ox.NamedNode(g), triples)]
    quads += add
    if any(isinstance(t, ox.BlankNode) for q in quads for t in (q.subject, q.object)):
        return []
    return quads


class DiskStore(_Oxigraph):
    """An Oxigraph database in a directory, safe to share between processes.

    Layout: `DIR/oxigraph/` (RocksDB), `DIR/kb.lock` (flock), `DIR/generation`.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        create: bool = False,
        lock_timeout: float | None = None,
        in_memory: bool = False,
    ) -> None:
        self.path = Path(path).expanduser()
        #: Query a private in-memory copy, reloaded when the store changes (see `_reading`).
        self.in_memory = in_memory
        self.spec = str(self.path)
        self.db_path = self.path / "oxigraph"
        self.lock_timeout = (
            float(os.environ.get("KB_LOCK_TIMEOUT", "10")) if lock_timeout is None else lock_timeout
        )
        self._lock = DirectoryLock(self.path, self.lock_timeout)
        if not self.db_path.is_dir():
            if not create:
                raise StoreNotFound(
                    f"no knowledge base at {self.path}; create one with `kb load FILE` or "
                    "`kb ingest PATH`, or point --store / KB_STORE at an existing one"
                )
            self.path.mkdir(parents=True, exist_ok=True)
            with self._lock.held(exclusive=True):
                if not self.db_path.is_dir():
                    self._open_writer()  # creates the database; dropped at once
                    gc.collect()
                    self._lock.bump()
        self._reader: ox.Store | None = None
        self._reader_generation: str | None = None
        #: The read-write store held by `session()`; every operation uses it while it is set.
        self._held: ox.Store | None = None

    # -- locking -----------------------------------------------------------------------------

    @contextlib.contextmanager
    def hold(self, *, exclusive: bool, note: str) -> Iterator[None]:
        """Hold the store for a long-lived user such as `kb serve`; `note` tells others who
        has it and what to do instead. Writers bump the generation when it ends."""
        with self._lock.held(exclusive=exclusive, note=note):
            self._reader = None
            try:
                yield
            finally:
                if exclusive:
                    self._lock.bump()

    def generation(self) -> str:
        return self._lock.generation()

    # -- read and write sessions ------------------------------------------------------------

    @contextlib.contextmanager
    def _reading(self) -> Iterator[ox.Store]:
        if self._held is not None:
            yield self._held  # sees every update the session has committed
            return
        if self.in_memory:
            yield self._memory_copy()
            return
        with self._lock.held(exclusive=False):
            gen = self.generation()
            if self._reader is None or gen != self._reader_generation:
                self._reader = None
                gc.collect()
                self._reader = self._open_reader()
                self._reader_generation = gen
            yield self._reader

    def _open_reader(self) -> ox.Store:
        try:
            return ox.Store.read_only(str(self.db_path))
        except OSError as err:
            raise StoreError(f"cannot open {self.path}: {err}") from None

    def _memory_copy(self) -> ox.Store:
        """The store copied into memory, refreshed when its generation changes.

        RocksDB makes every join probe a disk seek: the same engine answers joins,
        aggregations and regex scans 3-6x faster from memory. Long-lived readers with RAM
        to spare (the shell, notebooks, analytics) can opt in. The copy is private, so
        queries on it take no lock: a writer never waits for them, and while a writer holds
        the store they answer from the last complete state. Writes still go to disk.
        """
        if self._reader is not None and self.generation() == self._reader_generation:
            return self._reader  # unchanged: no lock, so a writer never waits for us
        with self._lock.held(exclusive=False):
            gen = self.generation()
            if self._reader is None or gen != self._reader_generation:
                self._reader = None
                gc.collect()
                dump = self._open_reader().dump(format=ox.RdfFormat.N_QUADS)
                copy = ox.Store()
                copy.bulk_load(dump, format=ox.RdfFormat.N_QUADS)
                self._reader, self._reader_generation = copy, gen
            return self._reader

    def _open_writer(self) -> ox.Store:
        try:
            return ox.Store(str(self.db_path))
        except OSError as err:
            raise StoreLocked(
                f"cannot write to {self.path}: {err}; is another program using it?"
            ) from None

    @contextlib.contextmanager
    def _writing(self) -> Iterator[ox.Store]:
        if self._held is not None:
            yield self._held
            return
        with self._lock.held(exclusive=True):
            self._reader = None  # its view is about to go stale
            writer = self._open_writer()
            try:
                yield writer
            finally:
                writer.flush()
                del writer
                gc.collect()
                self._lock.bump()

    @contextlib.contextmanager
    def session(self) -> Iterator[None]:
        """Hold the lock and ONE read-write open of the database for a run of operations.

        Opening RocksDB, flushing it and collecting the closed handle cost ~0.1-0.5 s, more
        than writing one article's graph, so a batch of writes pays them once here instead
        of once per operation. Each update still commits in its own transaction (an ingested
        document stays atomic) and queries inside read the held store, which sees them.
        Other processes wait for the lock meanwhile: hold a session for a batch of writes,
        not while computing (ingest holds one per batch of parsed documents). Re-entrant.
        """
        if self._held is not None:
            yield
            return
        with self._writing() as writer:
            self._held = writer
            try:
                yield
            finally:
                self._held = None
                del writer  # the `_writing` frame holds the last reference and closes it

    # -- Store API ---------------------------------------------------------------------------

    def query(
        self, sparql, *, bindings=None, union=True, base_iri=None, prefixes=None
    ) -> QueryResult:  # type: ignore[override]
        with self._reading() as store:
            return self._run_query(store, sparql, bindings, union, base_iri, prefixes)

    def update(self, sparql: str, *, base_iri: str | None = None, prefixes=None) -> None:  # type: ignore[override]
        with self._writing() as store:
            self._run_update(store, sparql, base_iri, prefixes)

    def load(self, sources, *, format=None, graph=None, base_iri=None) -> None:  # type: ignore[override]
        sources = list(sources)
        target = graph_node(graph)
        size = sum(d.stat().st_size if isinstance(d, Path) else len(d) for _, d in sources)
        if size < BULK_THRESHOLD or self._held is not None:  # a session holds the lock
            quads = parse_sources(sources, format, target, base_iri)  # parse before locking
            with self._writing() as store:
                store.extend(quads)  # atomic: all quads or none
            return
        with self._lock.held(exclusive=True):
            self._reader = None
            bulk_load_all(
                self.path, self.db_path, self._open_writer, sources, format, target, base_iri
            )
            self._lock.bump()

    def replace_graphs(self, graphs, *, add=(), remove=(), drop=()) -> None:  # type: ignore[override]
        graphs = {g: list(triples) for g, triples in graphs.items()}
        add, remove, drop = list(add), list(remove), list(drop)
        if not remove and not drop and (new := _plain_quads(graphs, add)):
            with self._writing() as store:
                if not any(store.contains_named_graph(ox.NamedNode(g)) for g in graphs):
                    # Nothing to replace (a newly ingested document): one atomic `extend`
                    # writes the same quads as the update would, in half the time (no SPARQL
                    # text to render and parse, ~15 ms instead of ~35 ms per article).
                    try:
                        store.extend(new)
                    except OSError as err:
                        raise StoreError(f"{self.spec}: update failed: {err}") from None
                    return
                self._run_update(store, replacement_update(graphs, add, remove, drop), None)
            return
        update = replacement_update(graphs, add, remove, drop)
        if update:
            self.update(update)

    def graphs(self) -> list[str]:
        with self._reading() as store:
            return self._graphs(store)

    def count(self) -> int:
        with self._reading() as store:
            return len(store)

    def dump(self, output: BinaryIO, format: ox.RdfFormat, graph: str | None = None) -> None:
        with self._reading() as store:
            self._dump(store, output, format, graph)

    def close(self) -> None:
        self._reader = None
        gc.collect()
