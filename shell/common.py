"""What every CLI command shares: the --store option, error mapping and output."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from kb.api import KnowledgeBase
    from kb.store import QueryResult

StoreOpt = Annotated[
    str | None,
    typer.Option(
        "--store",
        "-s",
        help="Store: a directory, memory:, or a SPARQL endpoint URL (default: $KB_STORE, "
        "else the user data directory)",
        show_default=False,
    ),
]

FORMAT_HELP = (
    "table|json|csv|tsv|xml for SELECT/ASK; turtle|ntriples|nquads|trig|jsonld for CONSTRUCT"
)


def use_color(stream: object = sys.stderr) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def error(message: str) -> None:
    """One line on stderr, red on a terminal."""
    _say("error", message, typer.colors.RED)


def warning(message: str) -> None:
    """One line on stderr, yellow on a terminal: something was dropped or repaired, work went on."""
    _say("warning", message, typer.colors.YELLOW)


def _say(level: str, message: str, colour: str) -> None:
    text = f"kb: {level}: {message}"
    if use_color():
        text = typer.style(text, fg=colour)
    typer.echo(text, err=True)


@contextlib.contextmanager
def fail_on_errors() -> Iterator[None]:
    """Map library errors to one line and an exit code; anything else is a bug and keeps its
    traceback. Ctrl-C exits 130 without a traceback."""
    from kb.errors import KBError

    try:
        yield
    except KBError as err:
        error(str(err))
        raise typer.Exit(err.exit_code) from None
    except KeyboardInterrupt:
        error("interrupted")
        raise typer.Exit(130) from None
    except BrokenPipeError:
        # the reader (head, less) went away: not an error worth a message
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the exit-time flush
        raise typer.Exit(0) from None


def open_kb(spec: str | None, *, create: bool = False, in_memory: bool = False) -> KnowledgeBase:
    from kb.api import KnowledgeBase

    return KnowledgeBase.open(spec, create=create, in_memory=in_memory)


def write_out(data: bytes) -> None:
    """Data to stdout as bytes (formats are UTF-8 whatever the locale)."""
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


ExpandedOpt = Annotated[
    bool,
    typer.Option(
        "--expanded",
        "-x",
        help="Table format: one field per line (automatic when the table is wider than the "
        "terminal)",
    ),
]


def render_result(kb: KnowledgeBase, result: QueryResult, fmt: str, expanded: bool) -> bytes:
    """A query or question result in `fmt`. The table shows documents by title and date and
    turns to one field per line when asked, or when wider than the terminal (psql's
    `\\x auto`); the machine formats keep every term exactly."""
    from kb.formats import render
    from shell.render import terminal_width

    if fmt != "table":
        return render(result, fmt, kb.prefixes)
    from kb.documents import document_titles
    from shell.render import iris_of

    titles = document_titles(kb.store, iris_of(result))
    mode = "on" if expanded else "auto"
    return render(result, fmt, kb.prefixes, titles=titles.get, expanded=mode,
                  width=terminal_width(sys.stdout))  # fmt: skip
