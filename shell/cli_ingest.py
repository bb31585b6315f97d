"""`kb ingest`, `kb forget`, `kb facts`: documents into the graph, out of it, and back as JSON."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from shell.common import StoreOpt, error, fail_on_errors, open_kb, warning, write_out

if TYPE_CHECKING:
    from ingest.pipeline import DocumentResult
    from kb.api import KnowledgeBase


def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files or directories (recursively); - for stdin", show_default=False),
    ],
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Parse in N processes")] = 1,
    nquads_out: Annotated[
        str | None,
        typer.Option("--nquads-out", help="Write N-Quads files to DIR instead of a store "
                     "(load them with `kb load DIR` or the server's bulk loader)"),
    ] = None,
    cluster: Annotated[
        str | None,
        typer.Option("--cluster", envvar="KB_CLUSTER", show_envvar=False,
                     help="Parse on the workers of the Dask scheduler at tcp://HOST:PORT "
                     "(env KB_CLUSTER)"),
    ] = None,
    store: StoreOpt = None,
) -> None:
    """Read, extract and store documents, each in its own transaction; exit 1 if any failed."""
    with fail_on_errors():
        kb = open_kb(store, create=True) if nquads_out is None else _nquads_kb(nquads_out)
        bar = _progress_bar()
        try:
            report = kb.ingest(paths, jobs=jobs, progress=bar, cluster=cluster)
        finally:
            if bar is not None:
                bar.close()
        for note in report.warnings:
            warning(note)
        for failure in report.failures:
            error(failure)
        typer.echo(f"ingested {report.summary()}", err=True)
        if report.failures:
            raise typer.Exit(1)


def _nquads_kb(directory: str) -> KnowledgeBase:
    from kb.api import KnowledgeBase
    from kb.store.nquads_dir import NQuadsDirectory

    return KnowledgeBase(NQuadsDirectory(directory))


class _Bar:
    """A tqdm bar on stderr, shown only when stderr is a terminal (logs stay clean)."""

    def __init__(self) -> None:
        from tqdm import tqdm

        self.bar = tqdm(total=0, unit="doc", file=sys.stderr, leave=False, dynamic_ncols=True)

    def __call__(self, done: int, total: int, result: DocumentResult) -> None:
        if self.bar.total != total:
            self.bar.total = total
        self.bar.set_postfix_str(result.name[-40:], refresh=False)
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        self.bar.close()


def _progress_bar() -> _Bar | None:
    return _Bar() if sys.stderr.isatty() else None


def forget(
    document: Annotated[str, typer.Argument(help="Document IRI, source path or URL")],
    store: StoreOpt = None,
) -> None:
    """Remove a document's graph and the entities only it introduced."""
    with fail_on_errors():
        kb = open_kb(store)
        for iri in kb.forget(document):
            typer.echo(f"forgot {iri}", err=True)


def facts(
    document: Annotated[str, typer.Argument(help="A document file (- for stdin)")],
    format: Annotated[str, typer.Option("--format", help="json")] = "json",
) -> None:
    """Ingest DOCUMENT into a throwaway in-memory store and print its facts JSON
    (../shared/eval/SCHEMA.md), read back from the graph with SPARQL."""
    with fail_on_errors():
        import json

        from kb.errors import ReadError, UsageError

        if format != "json":
            raise UsageError(f"--format takes json, got {format!r}")
        kb = open_kb("memory:")
        report = kb.ingest([document])
        if report.failures:
            raise ReadError(report.failures[0])
        out = [kb.facts(r.iri) for r in report.results if r.iri]
        data = out[0] if len(out) == 1 else out
        write_out((json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode())
