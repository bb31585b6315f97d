"""`kb shell`: the interactive SPARQL and path shell, or a script runner when not on a terminal.

`kb shell` is also dispatched before typer parses anything (see `shell.cli.main`): building
typer's command tree is start-up time the shell's 0.5 s budget does not need to pay (typer
0.29 even builds a pydantic validator per option, which is why pyproject pins it below 0.29).
`main` reads the same options with argparse; the typer command below stays for `kb --help`
and in-process callers.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Annotated

import typer

from shell.common import StoreOpt, fail_on_errors, open_kb

HELP = (
    "Interactive SPARQL and path queries (\\help inside). Reading a pipe or -f FILE, it runs "
    "each statement in order and exits non-zero on the first error."
)

IN_MEMORY_HELP = (
    "Answer queries from a private in-memory copy of an on-disk store (3-6x faster joins; "
    "about 350 MB per million triples), refreshed when the store changes"
)


def shell(
    file: Annotated[
        Path | None,
        typer.Option("--file", "-f", help="Run the statements of FILE, then exit"),
    ] = None,
    store: StoreOpt = None,
    in_memory: Annotated[bool, typer.Option("--in-memory", help=IN_MEMORY_HELP)] = False,
) -> None:
    """Interactive SPARQL and path queries (\\help inside). Reading a pipe or -f FILE, it runs
    each statement in order and exits non-zero on the first error."""
    code = start(file, store, in_memory)
    if code:
        raise typer.Exit(code)


def start(file: Path | None, store: str | None, in_memory: bool = False) -> int:
    """Open the store and run the REPL, or the script when given one or not on a terminal."""
    with fail_on_errors():
        from kb.errors import UsageError
        from shell.evaluate import Session

        session = Session(open_kb(store, in_memory=in_memory))
        if file is not None or not sys.stdin.isatty():
            from shell.repl import run_script

            try:
                text = file.read_text(encoding="utf-8") if file else sys.stdin.read()
            except OSError as err:
                raise UsageError(f"{file}: cannot read: {err.strerror}") from None
            return run_script(session, text, sys.stdout, sys.stderr)
        from shell.repl import interact, prompt_session

        return interact(session, prompt_session(session))


def main(argv: list[str]) -> int:
    """`kb shell ARGS` without typer (the fast start-up path)."""
    parser = argparse.ArgumentParser(prog="kb shell", description=HELP)
    parser.add_argument("-f", "--file", type=Path, help="Run the statements of FILE, then exit")
    parser.add_argument(
        "-s", "--store", help="Store: a directory, memory:, or a SPARQL endpoint URL"
    )
    parser.add_argument("--in-memory", action="store_true", help=IN_MEMORY_HELP)
    args = parser.parse_args(argv)
    try:
        return start(args.file, args.store, args.in_memory)
    except typer.Exit as done:
        return done.exit_code
