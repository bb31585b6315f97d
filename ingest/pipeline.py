"""The ingest pipeline: read -> nlp -> extract -> resolve -> graph -> store, each document in
its own atomic transaction.

Why this shape:

* **One parse per document, the model loaded once per worker.** Documents are parsed in
  batches (``nlp.pipe``, faster than one call per document). With ``jobs > 1`` the parse and
  the extraction (the expensive, independent part) run in a process pool whose initializer
  loads spaCy, one batch per task; the main process resolves, builds and writes in input
  order, so IRIs and triples do not depend on which worker finished first. It writes a batch
  in one store session (one open of the database instead of one per document), and
  releases the store while it waits for the next batch.
* **Atomic per document.** Everything a document changes (its named graph, the shared
  descriptions it adds, the stale aliases and entities of the version it replaces) goes into
  ONE ``Store.replace_graphs`` call. A document that fails to read, parse, extract or build
  writes nothing; the batch goes on and the failure is reported in one line naming the file.
* **Replace on re-ingest.** Re-ingesting a document (same id, or the same source path or URL
  with new content) first undoes what the old version contributed, in the same transaction,
  so the same input always leaves the same triples.
* **Forget** (``kb.documents``) removes a document's graph, the shared entities no other
  document mentions, and of the others every description only it gave (a name it alone gave
  is replaced by the best the remaining documents give). Re-ingest uses the same computation
  (``ingest.write``).
"""

from __future__ import annotations

import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.write import (  # noqa: F401 - the pipeline's public names
    GENID,
    ONTOLOGY_GRAPH,
    DocumentResult,
    ensure_ontology,
    write_facts,
    write_table,
    write_text,
)
from kb.errors import UsageError

if TYPE_CHECKING:
    from kb.facts import Document, DocumentFacts
    from kb.store import Store

Extractor = Callable[["Document", object], "DocumentFacts"]


@dataclass
class IngestReport:
    """The summary ``kb ingest`` prints."""

    results: list[DocumentResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def documents(self) -> int:
        return sum(1 for r in self.results if r.error is None)

    @property
    def failures(self) -> list[str]:
        return [r.error for r in self.results if r.error is not None]

    @property
    def entities(self) -> int:
        seen: set[str] = set()
        for r in self.results:
            seen |= r.entities
        return len(seen)

    @property
    def facts(self) -> int:
        return sum(r.facts for r in self.results)

    @property
    def triples(self) -> int:
        return sum(r.triples for r in self.results)

    @property
    def warnings(self) -> list[str]:
        return [f"{r.name}: {w}" for r in self.results for w in r.warnings]

    def summary(self) -> str:
        return (f"{self.documents} document(s), {self.entities} entities, {self.facts} facts, "
                f"{self.triples} triples, {len(self.failures)} failure(s), "
                f"{len(self.warnings)} warning(s) in {self.seconds:.1f} s")


Progress = Callable[[int, int, DocumentResult], None]


# --- NLP in this process or in workers ---------------------------------------------------------

BATCH = 16
"""Documents per parse batch. spaCy's networks run faster over a batch (``nlp.pipe``) than one
document at a time; a worker gets one batch per task, so one pickle round trip per batch.
Small enough that the last batches keep every worker busy to the end."""

WRITE_BATCH = 64
"""Documents written per store session. Opening RocksDB, flushing it and closing it cost about
0.15 s per session, ~10 ms per article at 16 a session, ~3 ms at 64. Readers of the store wait
at most for one session's writes (about 2 s at 64); they never wait for parsing."""


def _init_worker() -> None:
    """Load the model and every lexicon up front, then freeze them out of the garbage
    collector's sight: they live as long as the process, and a full collection walking
    spaCy's and the gazetteer's millions of objects after every few thousand allocations
    cost ingest about a tenth of its time."""
    import gc

    from ingest.extract import preload
    from ingest.nlp import load_nlp
    from kb.lifetime import end_with_parent

    end_with_parent()  # a kill -9 of kb ingest must not leave its workers waiting forever
    load_nlp()
    preload()
    gc.collect()
    gc.freeze()


def analyse(document: Document, extract: Extractor | None = None) -> DocumentFacts | str:
    """Parse once and extract; an exception becomes its one-line description (workers must
    not raise across the process boundary: a pickled traceback is no message for a user)."""
    from ingest.nlp import load_nlp

    try:
        doc = load_nlp()(document.text)
    except Exception as exc:  # noqa: BLE001 - reported per document, the batch goes on
        return _failure(exc)
    return _extract(document, doc, extract)


def analyse_batch(documents: list[Document],
                  extract: Extractor | None = None) -> list[DocumentFacts | str]:
    """``analyse`` for a batch, parsed together by ``nlp.pipe`` (still one parse each).

    A text over the model's length limit goes alone, so it fails with spaCy's own message;
    if the parser fails on the batch for another reason, its documents are parsed again one
    by one, so only the bad document fails (the one case of a second parse)."""
    from ingest.nlp import load_nlp

    nlp = load_nlp()
    fits = [i for i, d in enumerate(documents) if len(d.text) <= nlp.max_length]
    try:
        texts = [documents[i].text for i in fits]
        parsed = dict(zip(fits, nlp.pipe(texts, batch_size=max(1, len(texts))), strict=True))
    except Exception:  # noqa: BLE001 - retried one by one, failures reported per document
        return [analyse(d, extract) for d in documents]
    return [_extract(d, parsed[i], extract) if i in parsed else analyse(d, extract)
            for i, d in enumerate(documents)]


def _extract(document: Document, doc: object, extract: Extractor | None) -> DocumentFacts | str:
    try:
        if extract is None:
            from ingest.extract import extract as extract_facts

            extract = extract_facts
        return extract(document, doc)
    except Exception as exc:  # noqa: BLE001 - reported per document, the batch goes on
        return _failure(exc)


def _failure(exc: Exception) -> str:
    where = traceback.extract_tb(exc.__traceback__)[-1]
    return (f"extraction failed: {type(exc).__name__}: {exc} "
            f"({Path(where.filename).name}:{where.lineno})")


def _analysed(documents: list[Document], jobs: int,
              extract: Extractor | None) -> Iterator[list[DocumentFacts | str]]:
    """Batches of results in input order, parsed and extracted in a pool of ``jobs`` worker
    processes (smaller batches when there are too few documents to keep every worker busy).

    Also with one job: the store (RocksDB's caches and threads) and spaCy in one process slow
    each other down, by about a fifth of the whole ingest's CPU time; in a worker, spaCy runs
    as fast as alone, and the main process writes one batch while the worker parses the next.
    A single batch, or a custom extractor with one job (it need not pickle), stays in this
    process: a worker would only add its start-up."""
    size = max(1, min(BATCH, -(-len(documents) // max(1, jobs))))
    batches = [documents[i:i + size] for i in range(0, len(documents), size)]
    if len(batches) <= 1 or (jobs <= 1 and extract is not None):
        # no gc.freeze() here: this may be a Python user's long-lived process
        for batch in batches:
            yield analyse_batch(batch, extract)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    ctx = multiprocessing.get_context("fork" if hasattr(__import__("os"), "fork") else "spawn")
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker)
    try:
        yield from pool.map(partial(analyse_batch, extract=extract), batches, chunksize=1)
    finally:
        # Ctrl-C or a store error: drop the documents not parsed yet instead of waiting
        pool.shutdown(wait=True, cancel_futures=True)


# --- the pipeline ---------------------------------------------------------------------------------


Analyser = Callable[[list["Document"], int, "Extractor | None"],
                    Iterator[list["DocumentFacts | str"]]]
"""Where parsing and extraction run: batches of results in input order (``_analysed``: this
machine's processes; ``ingest.cluster``: a Dask cluster)."""


def ingest(store: Store, paths: Iterable[str | Path], *, jobs: int = 1,
           progress: Progress | None = None, extract: Extractor | None = None,
           analyse: Analyser | None = None) -> IngestReport:
    """Ingest files, directories and ``-`` (stdin) into ``store``; see the module docstring.

    Documents are written in input order, up to ``WRITE_BATCH`` parsed ones per store
    session: the session is released before waiting for the next batches, so other readers
    are not held up by parsing."""
    from contextlib import ExitStack

    from ingest.read import ReadError, TableDocument, read_paths

    started = time.perf_counter()
    if jobs < 1:
        raise UsageError("--jobs must be at least 1")
    items = list(read_paths(paths))
    report = IngestReport()
    total = len(items)
    ensure_ontology(store)
    from ingest.resolve import NameBook

    book = NameBook.from_store(store)
    texts = [it for it in items if not isinstance(it, (ReadError, TableDocument))]
    analysed = (analyse or _analysed)(texts, jobs, extract)
    texts_left = len(texts)  # parsed or not, not written yet
    ready: deque[DocumentFacts | str] = deque()
    try:
        with ExitStack() as session:
            for done, item in enumerate(items, 1):
                if isinstance(item, ReadError):
                    result = DocumentResult(str(item).split(":", 1)[0], error=str(item))
                elif isinstance(item, TableDocument):
                    result = write_table(store, item, book)
                else:
                    if not ready:
                        session.close()  # release the store while the next batches parse
                        while len(ready) < min(WRITE_BATCH, texts_left):
                            ready.extend(next(analysed))
                        session.enter_context(store.session())
                    texts_left -= 1
                    result = write_text(store, item, ready.popleft(), book)
                report.results.append(result)
                if progress is not None:
                    progress(done, total, result)
    finally:
        analysed.close()  # shuts the worker pool down, also on an error or Ctrl-C
    report.seconds = time.perf_counter() - started
    return report

