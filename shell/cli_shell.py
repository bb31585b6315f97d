"""`kb shell`: the interactive SPARQL and path shell, or a script runner when not on a terminal."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from shell.common import StoreOpt, fail_on_errors, open_kb


def shell(
    file: Annotated[
        Path | None,
        typer.Option("--file", "-f", help="Run the statements of FILE, then exit"),
    ] = None,
    store: StoreOpt = None,
) -> None:
    """Interactive SPARQL and path queries (\\help inside). Reading a pipe or -f FILE, it runs
    each statement in order and exits non-zero on the first error."""
    with fail_on_errors():
        from kb.errors import UsageError
        from shell.evaluate import Session

        session = Session(open_kb(store))
        if file is not None or not sys.stdin.isatty():
            from shell.repl import run_script

            try:
                text = file.read_text(encoding="utf-8") if file else sys.stdin.read()
            except OSError as err:
                raise UsageError(f"{file}: cannot read: {err.strerror}") from None
            code = run_script(session, text, sys.stdout, sys.stderr)
        else:
            from shell.repl import interact, prompt_session

            code = interact(session, prompt_session(session))
        if code:
            raise typer.Exit(code)
