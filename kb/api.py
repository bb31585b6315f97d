"""`KnowledgeBase`: the one facade every front end calls.

The CLI, the shell and Python users all go through these methods, so a behaviour that works
in one works in all of them. Heavy pieces (rdflib, pyshacl, networkx, spaCy) are imported
inside the methods that need them: opening a knowledge base and running a query must stay
fast enough for a shell prompt.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import pyoxigraph as ox

from kb.errors import UsageError
from kb.reader import Reader, project_prefixes
from kb.store import QueryResult, open_store, rdf_format

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

    from ingest.pipeline import DocumentResult, IngestReport
    from kb.corrections import Correction
    from kb.corrections_commands import Row as CorrectionRow
    from kb.describe import Description
    from kb.export import ExportReport
    from kb.paths import PathResult
    from kb.questions import Question
    from kb.validate import ValidationReport


@dataclass(frozen=True)
class ClassCount:
    iri: str
    entities: int


@dataclass(frozen=True)
class Stats:
    """What `kb stats` prints: sizes first, then entities per class."""

    triples: int
    graphs: int
    classes: tuple[ClassCount, ...]


class KnowledgeBase(Reader):
    """A knowledge base over one store (embedded on disk, in memory, or a remote endpoint).

    It is the one place that wires the features (kb.questions, kb.describe, kb.paths,
    kb.export, kb.serve) and the ingest pipeline together; each of those takes a `Reader` (or
    a `Store`) and never this facade, so imports go one way (see README, "Layers").

    >>> kb = KnowledgeBase.open("memory:")
    >>> kb.load_data(b'<http://example.org/a> <http://schema.org/name> "A" .', format="ntriples")
    >>> kb.query("SELECT ?n WHERE { ?s schema:name ?n }").rows[0][0].value
    'A'
    """

    @classmethod
    def open(
        cls,
        spec: str | os.PathLike[str] | None = None,
        *,
        create: bool = False,
        update_url: str | None = None,
        timeout: float | None = None,
        in_memory: bool = False,
    ) -> KnowledgeBase:
        """Open the store named by `spec` (a directory, `memory:`, or an endpoint URL);
        None means `KB_STORE`, else the user data directory. `in_memory` answers queries on
        an on-disk store from a private in-memory copy (faster joins; RAM ~350 MB per
        million triples), refreshed when the store changes."""
        store = open_store(
            spec, create=create, update_url=update_url, timeout=timeout, in_memory=in_memory
        )
        return cls(store)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- querying (`query` and `prefixes` come from `Reader`) -----------------------------------

    def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        """Run a SPARQL update (one transaction)."""
        self.store.update(sparql, base_iri=base_iri, prefixes=project_prefixes())

    # -- loading and writing ---------------------------------------------------------------------

    def load(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        format: str | None = None,
        graph: str | None = None,
    ) -> int:
        """Load RDF files, all or nothing; returns how many quads the store grew by.

        `-` reads standard input (then `format` is required); a directory loads its N-Quads
        files (`kb ingest --nquads-out DIR` writes such a directory)."""
        sources: list[tuple[str, bytes | Path]] = []
        for p in paths:
            if str(p) == "-":
                import sys

                if not format:
                    raise UsageError("reading RDF from stdin needs --format")
                sources.append(("<stdin>", sys.stdin.buffer.read()))
                continue
            path = Path(p)
            if path.is_dir():  # an N-Quads directory, e.g. from `kb ingest --nquads-out`
                from kb.store.nquads_dir import nquads_files

                sources.extend((str(f), f) for f in nquads_files(path))
                continue
            if not path.is_file():
                raise UsageError(f"{path}: no such file")
            sources.append((str(path), path))
        fmt = rdf_format(format) if format else None
        if fmt is None:
            for name, _ in sources:
                rdf_format(path=name)  # fail on an unknown extension before writing anything
        before = self.store.count()
        self.store.load(sources, format=fmt, graph=graph)
        return self.store.count() - before

    def load_data(self, data: bytes | str, *, format: str, graph: str | None = None) -> None:
        """Load RDF given as text or bytes."""
        raw = data.encode() if isinstance(data, str) else data
        self.store.load([("<data>", raw)], format=rdf_format(format), graph=graph)

    def dump(self, output: BinaryIO, *, format: str = "nquads", graph: str | None = None) -> None:
        """Write the whole dataset (or one graph) in an RDF format."""
        self.store.dump(output, rdf_format(format), graph=graph)

    def serve(self, *, host: str = "127.0.0.1", port: int = 7878, read_only: bool = False):  # noqa: ANN201
        """Serve the store as a SPARQL 1.1 endpoint while the `with` block runs (see kb.serve):
        `with kb.serve(port=7878) as endpoint: ... endpoint.query ...`."""
        from kb.serve import serve

        return serve(self.store, host=host, port=port, read_only=read_only)

    # -- overview --------------------------------------------------------------------------------

    def stats(self) -> Stats:
        """Triples, named graphs and entities per class."""
        rows = self.query(
            "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class } "
            "GROUP BY ?class ORDER BY DESC(?n) ?class"
        ).rows
        classes = tuple(
            ClassCount(c.value, int(n.value))  # type: ignore[union-attr]
            for c, n in rows
            if isinstance(c, ox.NamedNode)
        )
        return Stats(self.store.count(), len(self.store.graphs()), classes)

    def validate(self) -> ValidationReport:
        """Check the whole knowledge base against the SHACL shapes of `ontology/shapes.ttl`."""
        import rdflib

        from kb.validate import validate_graph

        data = rdflib.Graph()
        for t in self.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }").triples:
            data.add(tuple(_rdflib_term(x) for x in (t.subject, t.predicate, t.object)))  # type: ignore[arg-type]
        return validate_graph(data)

    # -- ingest, forget, named questions, describe ----------------------------------------------

    def ingest(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        jobs: int = 1,
        progress: Callable[[int, int, DocumentResult], None] | None = None,
        cluster: str | None = None,
    ) -> IngestReport:
        """Read, parse, extract, resolve and store documents (files, directories, `-`), each
        in its own transaction; failures are reported in the returned `IngestReport`, never
        raised, so the batch goes on. `jobs` parses in that many processes; `cluster` (a Dask
        scheduler address) parses on its workers instead (`ingest.cluster`). See
        `ingest.pipeline`."""
        from ingest.pipeline import ingest

        analyse = None
        if cluster:
            from ingest.cluster import on_cluster

            analyse = on_cluster(cluster)
        return ingest(self.store, [str(p) for p in paths], jobs=jobs, progress=progress,
                      analyse=analyse)

    def forget(self, document: str) -> list[str]:
        """Remove a document (by IRI, source path or URL) and the entities only it
        introduced, in one transaction; returns the IRIs of the graphs removed."""
        from kb.documents import forget

        return forget(self.store, str(document))

    def facts(self, document: str) -> dict:
        """The facts JSON (shared/eval/SCHEMA.md) of one stored document, read by SPARQL."""
        from kb.documents import find_documents
        from kb.errors import UnknownEntity
        from kb.factsjson import facts_json

        docs = find_documents(self.store, str(document))
        if len(docs) != 1:
            raise UnknownEntity(
                f"no document {document!r} in the store"
                if not docs
                else f"{document!r} names {len(docs)} documents; give one IRI"
            )
        return facts_json(self.store, docs[0])

    def questions(self) -> list[Question]:
        """The named questions (`kb/queries/*.rq`) with their titles, descriptions and
        parameters."""
        from kb.questions import questions

        return list(questions().values())

    def ask(self, name: str, **params: object) -> QueryResult:
        """Run a named question; parameters are names, aliases or IRIs for entities,
        paths or IRIs for documents, text otherwise, all bound as terms."""
        from kb.questions import ask

        return ask(self, name, **params)

    def describe(self, entity: str) -> Description:
        """Everything about one entity (by name, alias or IRI), each fact with its sources."""
        from kb.describe import describe

        return describe(self, entity)

    # -- corrections (kb.corrections*) ----------------------------------------------------------

    def merge(self, kept: str, merged: str, *, note: str | None = None) -> CorrectionRow:
        """`merged` is the same entity as `kept` (names, aliases, IRIs or prefixed names):
        every fact about it is about `kept` from now on, its names `kept`'s aliases."""
        from kb.corrections_commands import merge

        return self._shown(merge(self, kept, merged, note=note))

    def split(self, entity: str, name: str, *, document: str | None = None,
              note: str | None = None) -> CorrectionRow:
        """The mentions of `entity` written `name` (in `document`, else in every document)
        are another entity."""
        from kb.corrections_commands import split

        return self._shown(split(self, entity, name, document=document, note=note))

    def reject(self, fact: str, *, note: str | None = None) -> CorrectionRow:
        """A fact (event, statement, membership, grant, by IRI) is wrong: it leaves queries,
        questions, paths and exports, also after a re-ingest."""
        from kb.corrections_commands import reject

        return self._shown(reject(self, fact, note=note))

    def corrections(self) -> list[CorrectionRow]:
        """Every correction (id, kind, what, who, when, note, status), undone ones included."""
        from kb.corrections_commands import corrections, rows

        return rows(self, corrections(self))

    def undo_correction(self, ident: str | int) -> CorrectionRow:
        """Take a correction back by its id; its record stays, marked undone."""
        from kb.corrections_commands import undo

        return self._shown(undo(self, ident))

    def _shown(self, correction: Correction) -> CorrectionRow:
        from kb.corrections_commands import rows

        return rows(self, [correction])[0]

    # -- paths ---------------------------------------------------------------------------------

    def path(
        self,
        a: str,
        b: str,
        *,
        k: int = 1,
        max_hops: int = 6,
        via: Iterable[str] | None = None,
        node_types: Iterable[str] | None = None,
        timeout: float = 10.0,
    ) -> PathResult:
        """How `a` is connected to `b`: the `k` shortest paths over the entity graph, each hop
        with its relation, date and evidence sentence. `a`/`b` are names, aliases, prefixed
        names or IRIs; `via` limits the relations (`kb:target`, `threatened`), `node_types`
        the entities passed through. See `kb.paths.shortest_paths`."""
        from kb.paths import shortest_paths

        return shortest_paths(
            self, a, b, k=k, max_hops=max_hops, via=via, node_types=node_types, timeout=timeout
        )

    # -- export --------------------------------------------------------------------------------

    def export(
        self,
        output: str | os.PathLike[str] | BinaryIO,
        *,
        format: str = "gexf",
        around: Iterable[str] | None = None,
        hops: int | None = None,
        types: Iterable[str] | None = None,
        construct: str | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        facts_as_nodes: bool = False,
    ) -> ExportReport:
        """Write a subgraph of the entity graph for Gephi (`format="gexf"`, GEXF 1.3) or any
        GraphML reader (`"graphml"`) to a path (replaced atomically) or a binary stream.

        Selections combine: everything by default; `around` names entities (names, aliases,
        prefixed names or IRIs) and `hops` how far to walk from them (default 1); `types`
        keeps entities of those classes, subclasses included (`schema:Person`); `construct` is
        a CONSTRUCT query whose triples name the entities and facts to keep; `since`/`until`
        (`2017`, `2017-03`, `2017-03-27`) keep facts dated in that window. Facts are edges
        (`Jeff Sessions -[threatened]-> Hartford`, weight = supporting documents) unless
        `facts_as_nodes`. An empty selection writes a valid empty file and a warning in the
        returned `ExportReport(nodes, edges, warnings)`. See `kb.export`."""
        from kb.export import export

        return export(
            self, output, format=format, around=around, hops=hops, types=types,
            construct=construct, since=since, until=until, facts_as_nodes=facts_as_nodes,
        )  # fmt: skip

    def rdflib_dataset(self):  # noqa: ANN201 - rdflib is imported lazily
        """The store as an rdflib `Dataset` through oxrdflib, for code that wants rdflib's API
        (queries through it still run on Oxigraph's engine).

        Memory stores are shared live. A disk store is opened read-only: a snapshot to use and
        drop, since RocksDB does not promise a read-only view while another process writes.
        """
        import rdflib
        from oxrdflib import OxigraphStore

        from kb.store.embedded import DiskStore, MemoryStore

        if isinstance(self.store, MemoryStore):
            inner = self.store.raw
        elif isinstance(self.store, DiskStore):
            inner = ox.Store.read_only(str(self.store.db_path))
        else:
            raise UsageError("an rdflib view is only available for embedded stores")
        return rdflib.Dataset(store=OxigraphStore(store=inner), default_union=True)


def _rdflib_term(term: object):  # noqa: ANN202
    import rdflib

    from kb.vocab import XSD

    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    assert isinstance(term, ox.Literal)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    if term.datatype.value == XSD.string:
        # RDF 1.1: "x" and "x"^^xsd:string are one literal; rdflib keeps them apart, so a
        # typed copy would count as a second value next to the ontology's plain one
        return rdflib.Literal(term.value)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
