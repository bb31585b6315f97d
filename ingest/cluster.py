"""Parse and extract on the workers of a Dask distributed cluster; write from the client.

``kb ingest PATH... --cluster tcp://HOST:PORT`` (or ``KB_CLUSTER``) runs the same pipeline as
a local ingest (``ingest.pipeline.ingest``) with one part moved: the expensive, independent
per-document work, parsing and extraction, goes to the cluster's workers, a batch of whole
documents per task. The client reads the inputs (it sends the workers the documents' text,
so workers need not see the client's files), and keeps the rest: resolution against the
store's names, building the graphs and writing them, one transaction per document, in input
order. So the guarantees and the triples are those of a local ingest: IRIs do not depend on
which worker finished first, a failed document is reported and the run goes on, and a
worker that dies mid-run only costs time: the scheduler gives its unfinished tasks to
another worker (tasks are pure functions of their documents; nothing is written until the
client has a batch's results, so nothing is written twice or lost).

Each worker loads the spaCy model and the lexicons once, when it joins (``Preload``, a
worker plugin), and then reuses them for every task (``ingest.nlp.load_nlp`` caches).

Dask is an optional extra: ``pip install 'kb[cluster]'``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kb.errors import UsageError

try:  # this module is imported only for --cluster: the heavy import costs nothing else
    from distributed import WorkerPlugin
except ImportError:  # without the extra, connect() says how to install it
    WorkerPlugin = object  # type: ignore[assignment,misc]

if TYPE_CHECKING:
    from ingest.pipeline import Analyser, Extractor
    from kb.facts import Document, DocumentFacts

TASK_BATCH = 8
"""Documents per task: half a local parse batch, so two workers share even a small run,
and a lost worker costs at most a few documents' parsing."""

AHEAD = 4
"""Tasks in flight per worker: enough to keep every worker busy while the client writes,
few enough that the client does not hold the whole archive's results."""

INSTALL_HINT = "--cluster needs Dask: pip install 'kb[cluster]'"


def _distributed():  # noqa: ANN202 - the module, imported lazily
    try:
        import distributed
    except ImportError:
        raise UsageError(INSTALL_HINT) from None
    return distributed


def connect(address: str, timeout: float = 30.0):  # noqa: ANN201 - a distributed.Client
    """A client of the scheduler at ``address``, with every worker (also later ones)
    preloading the model."""
    distributed = _distributed()
    try:
        client = distributed.Client(address, timeout=timeout, set_as_default=False)
    except OSError as err:
        raise UsageError(f"cannot reach the Dask scheduler at {address}: {err}") from None
    client.register_plugin(Preload(), name="kb-preload")
    return client


class Preload(WorkerPlugin):
    """Load spaCy and the lexicons when a worker joins, not in its first task."""

    idempotent = True

    def setup(self, worker: object) -> None:
        from ingest.extract import preload
        from ingest.nlp import load_nlp

        load_nlp()
        preload()


def analyse_remote(documents: list[Document],
                   extract: Extractor | None = None) -> list[DocumentFacts | str]:
    """One task: parse and extract a batch on a worker (``analyse_batch`` reports failures
    per document, so a task never raises for a bad document)."""
    from ingest.pipeline import analyse_batch

    return analyse_batch(documents, extract)


def on_cluster(address: str) -> Analyser:
    """An ``analyse`` hook for ``ingest.pipeline.ingest`` that runs on the cluster at
    ``address``; connects now, so a wrong address fails before anything is read."""
    client = connect(address)

    def analysed(documents: list[Document], jobs: int,
                 extract: Extractor | None) -> Iterator[list[DocumentFacts | str]]:
        return _results(client, documents, extract)

    return analysed


def _results(client, documents: list[Document],  # noqa: ANN001 - a distributed.Client
             extract: Extractor | None) -> Iterator[list[DocumentFacts | str]]:
    """Batches of results in input order, with at most ``AHEAD`` tasks per worker in
    flight; closing the generator (the run ends, fails or is interrupted) cancels what is
    left and disconnects."""
    from collections import deque

    batches = [documents[i:i + TASK_BATCH] for i in range(0, len(documents), TASK_BATCH)]
    limit = AHEAD * max(1, len(client.scheduler_info().get("workers", {})))
    pending: deque = deque()
    try:
        for batch in batches:
            pending.append(client.submit(analyse_remote, batch, extract, pure=False,
                                         retries=2))
            if len(pending) >= limit:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()
        client.close()
