"""The E of the REPL: a statement in, `Result`s out, nothing printed.

A `Session` holds what lives between statements (the knowledge base, output settings, what was
shown last, the name index for labels and completion); `evaluate` runs the statements of an
input in order. The prompt loop, scripts and tests all go through `Session.run`.
"""

from __future__ import annotations

import contextlib
import threading
import time
from typing import TYPE_CHECKING

from kb.labels import LabelIndex, cached_label_index, label_index
from shell import meta, meta_corrections  # noqa: F401 - registers \merge ... \corrections
from shell.completion import Snapshot, base_snapshot
from shell.render import Result, Settings, iris_of, render
from shell.statements import QUIT_WORDS, is_meta, is_update, split_statements

if TYPE_CHECKING:
    from kb.api import KnowledgeBase


class Session:
    """One shell's state. It holds no store lock and no writer between statements: each
    query opens and closes its own read, so `kb ingest` in another terminal is never
    blocked and the next query sees what it wrote."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.settings = Settings()
        self.last_iris: tuple[str, ...] = ()
        self.prefixes = kb.prefixes
        self.snapshot: Snapshot = base_snapshot(self.prefixes, meta.command_names())
        self._refreshing = threading.Lock()
        #: Documents' titles by IRI (None: looked up, not a document), for this generation.
        self.titles: dict[str, str | None] = {}
        self._titles_generation: str | None = None

    # -- running statements ---------------------------------------------------------------

    def run(self, statement: str) -> list[Result]:
        """Evaluate one statement. Raises KBError for anything the user can fix, EOFError
        for `\\q`."""
        text = statement.strip()
        if text.casefold() in QUIT_WORDS:
            raise EOFError
        results = meta.dispatch(self, text) if is_meta(text) else [self.sparql(text)]
        shown = tuple(i for r in results for i in r.iris)
        if shown:
            self.last_iris = shown
            self.look_up_titles(shown)
        return results

    def sparql(self, text: str) -> Result:
        started = time.perf_counter()
        if is_update(text):
            self.kb.update(text)
            return Result(status="update done", elapsed=time.perf_counter() - started, note=True)
        answer = self.kb.query(text)
        return Result(answer=answer, elapsed=time.perf_counter() - started, iris=iris_of(answer))

    def render(self, result: Result, width: int | None = None) -> str:
        """The text of a result (`width`: the terminal's, for `\\x auto`)."""
        return render(result, self.settings, self.prefixes, self.label, self.titles.get, width)

    def look_up_titles(self, iris: tuple[str, ...]) -> None:
        """Learn which of `iris` are documents and their titles, so tables show a document
        by its title and date: one query per statement, for IRIs not seen before."""
        generation = self.kb.store.generation()
        if generation != self._titles_generation:
            self.titles, self._titles_generation = {}, generation
        new = [i for i in dict.fromkeys(iris) if i not in self.titles]
        if new:
            from kb.documents import document_titles  # off the start-up path

            found = document_titles(self.kb.store, new)
            self.titles.update({i: found.get(i) for i in new})

    # -- names: labels beside IRIs, entity completion -------------------------------------------

    def label(self, iri: str) -> str | None:
        """The name of an IRI from the last label index built (never queries)."""
        index = cached_label_index(self.kb)
        return index.label(iri) if index is not None else None

    def refresh_names(self) -> LabelIndex:
        """Rebuild the label index if the store changed, and publish a new completion
        snapshot (one query per store generation, never per keystroke)."""
        with self._refreshing:
            index = label_index(self.kb)
            if self.snapshot.entities is not index:
                self.snapshot = self.snapshot.with_entities(index)
            return index

    def refresh_names_in_background(self) -> None:
        """Start `refresh_names` on a thread unless one is running; errors are ignored (the
        next statement will show them properly)."""
        if self._refreshing.locked():
            return

        def work() -> None:
            # a background refresh must never kill the shell; the next statement reports errors
            with contextlib.suppress(Exception):
                self.refresh_names()

        threading.Thread(target=work, name="kb-label-index", daemon=True).start()


def evaluate(session: Session, text: str) -> list[Result]:
    """Every result of every statement of `text`, in order (stops at the first error)."""
    out: list[Result] = []
    for statement in split_statements(text):
        out.extend(session.run(statement))
    return out
