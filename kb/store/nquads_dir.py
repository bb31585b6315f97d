"""A directory of N-Quads files as the target of an ingest: the bulk path for archives.

A server's own bulk loader (``oxigraph load``, Virtuoso's ``ld_dir`` + ``rdf_loader_run``)
loads files many times faster than SPARQL updates can write them, so ``kb ingest
--nquads-out DIR`` writes files instead of a store, and ``kb load DIR`` (or the server's
loader) loads them later.

Layout: one file per named graph (``g-<hash of the graph IRI>.nq``: a document's graph, or the
ontology graph), rewritten whenever ingest replaces that graph and deleted when it is
dropped; and ``default.nq``, the shared entity descriptions of the default graph, rewritten
at the end of every store session and on close (written to a temporary name and renamed, so
a reader never sees half a file).

Ingest still needs to query what it has written (the name book for resolution, the
documents a re-ingest replaces, what forgetting removes), so everything is also kept in an
in-memory Oxigraph store, which starts from the files already in the directory: a second
run adds to the first exactly as a second ``kb ingest`` into a store would. Memory grows
with the archive (about 350 MB per million quads); split very large archives into several
directories.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kb.errors import UsageError
from kb.store.base import QueryResult, Store
from kb.store.embedded import MemoryStore

DEFAULT_FILE = "default.nq"
"""The file holding the default graph: shared entity names, types, aliases and links."""


def graph_file(graph: str) -> str:
    """The file name of a named graph: a hash, because graph IRIs are no file names."""
    return "g-" + hashlib.sha1(graph.encode()).hexdigest()[:20] + ".nq"


def nquads_files(directory: str | os.PathLike[str]) -> list[Path]:
    """The N-Quads files of a directory in load order (the default graph last)."""
    root = Path(directory)
    if not root.is_dir():
        raise UsageError(f"{root}: no such directory")
    files = sorted(p for p in root.iterdir() if p.suffix in (".nq", ".nquads") and p.is_file())
    return sorted(files, key=lambda p: p.name == DEFAULT_FILE)


class NQuadsDirectory(Store):
    """Writes what ingest stores as N-Quads files in a directory; see the module docstring."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.root = Path(directory)
        self.spec = f"nquads:{self.root}"
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise UsageError(f"{self.root}: cannot create: {err.strerror or err}") from None
        self._index = MemoryStore()
        existing = nquads_files(self.root)
        if existing:
            self._index.load([(str(p), p) for p in existing])
        self._default_dirty = False
        self._depth = 0

    # -- reads go to the index -------------------------------------------------------------------

    def query(self, sparql, *, bindings=None, union=True, base_iri=None,
              prefixes=None) -> QueryResult:  # type: ignore[override]
        return self._index.query(sparql, bindings=bindings, union=union, base_iri=base_iri,
                                 prefixes=prefixes)

    def graphs(self) -> list[str]:
        return self._index.graphs()

    def count(self) -> int:
        return self._index.count()

    def dump(self, output: BinaryIO, format: ox.RdfFormat, graph: str | None = None) -> None:
        self._index.dump(output, format, graph=graph)

    def generation(self) -> str:
        return self._index.generation()

    # -- writes go to the index, then to the files -----------------------------------------------

    def replace_graphs(self, graphs, *, add=(), remove=(), drop=()) -> None:  # type: ignore[override]
        add, remove, drop = list(add), list(remove), list(drop)
        self._index.replace_graphs(graphs, add=add, remove=remove, drop=drop)
        for g in drop:
            with contextlib.suppress(FileNotFoundError):
                (self.root / graph_file(g)).unlink()
        for g in graphs:
            self._write_graph(g)
        if add or remove:
            self._default_dirty = True
            if self._depth == 0:
                self.flush()

    def update(self, sparql: str, *, base_iri: str | None = None, prefixes=None) -> None:  # type: ignore[override]
        """Any update may touch any graph: every file is rewritten."""
        self._index.update(sparql, base_iri=base_iri, prefixes=prefixes)
        self._rewrite_all()

    def load(self, sources, *, format=None, graph=None, base_iri=None) -> None:  # type: ignore[override]
        self._index.load(sources, format=format, graph=graph, base_iri=base_iri)
        self._rewrite_all()

    @contextlib.contextmanager
    def session(self) -> Iterator[None]:
        """Ingest writes a batch of documents per session: the default graph's file is
        rewritten once per batch instead of once per document."""
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0:
                self.flush()

    def flush(self) -> None:
        """Write the default graph's file if it changed."""
        if self._default_dirty:
            self._write(DEFAULT_FILE, self._quads(ox.DefaultGraph()))
            self._default_dirty = False

    def close(self) -> None:
        self.flush()

    # -- files -----------------------------------------------------------------------------------

    def _quads(self, graph: ox.NamedNode | ox.DefaultGraph) -> list[ox.Quad]:
        if isinstance(graph, ox.DefaultGraph):
            rows = self._index.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }", union=False).rows
        else:
            rows = self._index.query("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }",
                                     bindings={"g": graph}, union=False).rows
        return [ox.Quad(s, p, o, graph) for s, p, o in rows]  # type: ignore[arg-type]

    def _write_graph(self, graph: str) -> None:
        quads = self._quads(ox.NamedNode(graph))
        if quads:
            self._write(graph_file(graph), quads)
        else:
            with contextlib.suppress(FileNotFoundError):
                (self.root / graph_file(graph)).unlink()

    def _write(self, name: str, quads: list[ox.Quad]) -> None:
        target = self.root / name
        partial = target.with_suffix(".part")
        with partial.open("wb") as out:
            ox.serialize(quads, out, ox.RdfFormat.N_QUADS)
        partial.replace(target)

    def _rewrite_all(self) -> None:
        for old in self.root.glob("g-*.nq"):
            old.unlink()
        for g in self._index.graphs():
            self._write_graph(g)
        self._default_dirty = True
        self.flush()
