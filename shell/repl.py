"""The prompt loop: read, evaluate (shell.evaluate), render (shell.render). Nothing else.

Statements run on a worker thread so that Ctrl-C returns to the prompt at once: the main
thread waits for the worker and takes the KeyboardInterrupt. pyoxigraph cannot stop a query
midway, so an abandoned query finishes in the background and its answer is dropped.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

from prompt_toolkit import PromptSession
from prompt_toolkit.history import FileHistory, History
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.lexers import DynamicLexer, Lexer, PygmentsLexer

from kb.errors import KBError
from shell.completion import SnapshotCompleter
from shell.render import Result, terminal_width
from shell.statements import should_run, split_statements

if TYPE_CHECKING:
    from prompt_toolkit.input import Input
    from prompt_toolkit.output import Output

    from shell.evaluate import Session

T = TypeVar("T")

PROMPT = "kb> "
CONTINUATION = "... "


def history_file() -> Path:
    """`shell-history` in the user data directory (where the default store lives too)."""
    import platformdirs

    path = Path(platformdirs.user_data_dir("kb", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path / "shell-history"


def enter_bindings() -> KeyBindings:
    """Enter runs or adds a line, per `shell.statements.should_run`; with a completion
    selected it takes the completion."""
    bindings = KeyBindings()

    @bindings.add("enter")
    def _(event: KeyPressEvent) -> None:
        buf = event.current_buffer
        state = buf.complete_state
        if state is not None and state.current_completion is not None:
            buf.apply_completion(state.current_completion)
            return
        doc = buf.document
        on_empty_line = doc.is_cursor_at_the_end and not doc.current_line.strip()
        if should_run(buf.text, on_empty_line):
            buf.validate_and_handle()
        else:
            buf.insert_text("\n")

    return bindings


def prompt_session(
    session: Session,
    *,
    input: Input | None = None,
    output: Output | None = None,
    history: History | None = None,
) -> PromptSession[str]:
    def toolbar() -> str:
        s = session.settings
        return (
            f" end with ; or Enter on an empty line to run · \\help · Ctrl-R history · Ctrl-D quits"
            f" · format {s.format} · \\x {s.expanded}"
        )

    highlighting = Highlighting()
    prompt: PromptSession[str] = PromptSession(
        message=PROMPT,
        multiline=True,
        prompt_continuation=CONTINUATION,
        lexer=DynamicLexer(lambda: highlighting.lexer),
        completer=SnapshotCompleter(lambda: session.snapshot),
        complete_while_typing=True,
        history=history if history is not None else FileHistory(str(history_file())),
        enable_history_search=False,
        key_bindings=enter_bindings(),
        bottom_toolbar=toolbar,
        input=input,
        output=output,
    )
    after_first_render(
        prompt,
        lambda: highlighting.load_in_background(prompt),
        session.refresh_names_in_background,
    )
    return prompt


def after_first_render(prompt: PromptSession[str], *start: Callable[[], None]) -> None:
    """Run `start` once the prompt is on screen: background work started earlier competes
    with start-up for the interpreter lock and delays the prompt."""

    def once(_: object) -> None:
        prompt.app.after_render -= once
        for fn in start:
            fn()

    prompt.app.after_render += once


class Highlighting:
    """SPARQL highlighting (pygments' SparqlLexer), built off the start-up path: pygments
    compiles the lexer's Unicode-heavy regular expressions on first use (about 0.15 s), so
    the prompt shows plain text for that long rather than appearing late."""

    def __init__(self) -> None:
        self.lexer: Lexer | None = None

    def load(self) -> None:
        from pygments.lexers.rdf import SparqlLexer

        self.lexer = PygmentsLexer(SparqlLexer)

    def load_in_background(self, prompt: PromptSession[str]) -> None:
        def work() -> None:
            self.load()
            prompt.app.invalidate()  # redraw the input with colours (a no-op between prompts)

        threading.Thread(target=work, name="kb-highlighting", daemon=True).start()


def interact(
    session: Session,
    prompt: PromptSession[str],
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
) -> int:
    """The REPL. Returns the exit status (0: the user quit)."""
    while True:
        try:
            text = prompt.prompt()
        except KeyboardInterrupt:
            continue  # Ctrl-C drops the input
        except EOFError:
            return 0
        for statement in split_statements(text):
            try:
                results = cancellable(lambda s=statement: session.run(s))
            except KeyboardInterrupt:
                err.write("cancelled\n")
                break
            except EOFError:
                return 0
            except KBError as error:
                show_error(error, err)
                break
            show(session, results, out)
        session.refresh_names_in_background()


def run_script(session: Session, text: str, out: TextIO, err: TextIO) -> int:
    """Non-interactive use: each statement in order; the first error ends the run with its
    exit status (so a file of queries is a test)."""
    with contextlib.suppress(KBError):  # the first statement will report the store's problem
        session.refresh_names()
    for statement in split_statements(text):
        try:
            results = session.run(statement)
        except EOFError:
            return 0
        except KBError as error:
            show_error(error, err, prefix="kb: error: ")
            return error.exit_code
        width = terminal_width(out)
        for result in results:
            (err if result.note else out).write(session.render(result, width))
        out.flush()
    return 0


def cancellable(fn: Callable[[], T]) -> T:
    """Run `fn` on a worker thread; Ctrl-C (KeyboardInterrupt in this, the main thread)
    abandons it and returns control at once."""
    box: dict[str, object] = {}
    done = threading.Event()

    def work() -> None:
        try:
            box["value"] = fn()
        except BaseException as error:  # noqa: BLE001 - handed to the waiting thread
            box["error"] = error
        finally:
            done.set()

    threading.Thread(target=work, name="kb-statement", daemon=True).start()
    while not done.wait(0.05):
        pass
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]  # type: ignore[return-value]


def show(session: Session, results: list[Result], out: TextIO) -> None:
    """Print results; through a pager when they are taller than a terminal."""
    width = terminal_width(out)
    text = "".join(session.render(r, width) for r in results)
    if _isatty(out) and text.count("\n") > shutil.get_terminal_size().lines - 2:
        import pydoc

        pydoc.pager(text)
        return
    out.write(text)
    out.flush()


def show_error(error: KBError, err: TextIO, prefix: str = "error: ") -> None:
    line = f"{prefix}{error}"
    if _isatty(err) and not os.environ.get("NO_COLOR"):
        line = f"\x1b[31m{line}\x1b[0m"
    err.write(line + "\n")
    err.flush()


def _isatty(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
