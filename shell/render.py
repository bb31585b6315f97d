"""The shell's one result record and its pure formatter.

Every statement (SPARQL, path, meta-command) evaluates to `Result`s; `render` turns one into
text for the chosen `\\format` and `\\x` (expanded display) at the terminal's width, so the
loop never formats and evaluation never prints.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

import pyoxigraph as ox

from kb.formats import GRAPH_FORMATS, RESULT_FORMATS, Lookup, layout_lines, result_table
from kb.formats import render as render_answer
from kb.store import QueryResult

SHELL_FORMATS = ("table", "json", "csv", "tsv", "xml")

Labeler = Lookup


@dataclass(frozen=True)
class Result:
    """What one statement produced. A SPARQL `answer` is rendered per the output settings;
    `headers`/`rows` are a ready table of text; `lines` are text shown as is. `iris` are the
    resources shown, which `\\why` explains. Scripts send notes to stderr, keeping stdout
    for data."""

    answer: QueryResult | None = None
    headers: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    lines: tuple[str, ...] = ()
    status: str = ""
    elapsed: float | None = None
    iris: tuple[str, ...] = ()
    note: bool = False  # a confirmation (format changed, file loaded), not data


@dataclass
class Settings:
    """Per-session output settings, changed by `\\format`, `\\timing` and `\\x`."""

    format: str = "table"
    timing: bool = True
    expanded: str = "auto"  # on | off | auto (records when the table is wider than the terminal)


def render(
    result: Result,
    settings: Settings,
    prefixes: Mapping[str, str],
    label: Labeler,
    titles: Labeler | None = None,
    width: int | None = None,
) -> str:
    """The text of a result, ending in a newline (empty when there is nothing to show).
    `label` names entities beside their IRIs, `titles` stands in for documents' IRIs;
    `width` is the terminal's (None: unknown, so `\\x auto` keeps columns)."""
    body: list[str] = list(result.lines)
    status = result.status
    if result.answer is not None:
        if settings.format != "table":
            return _machine(result.answer, settings.format, prefixes)
        lines, status = _answer_table(result.answer, prefixes, label, titles)
        body += _laid_out(lines, settings, width)
    elif result.headers:
        table = (list(result.headers), [list(r) for r in result.rows])
        body += _laid_out(table, settings, width)
    footer = _footer(status, result.elapsed if settings.timing else None)
    if footer:
        body.append(footer)
    return "\n".join(body) + "\n" if body else ""


def _machine(answer: QueryResult, fmt: str, prefixes: Mapping[str, str]) -> str:
    """SPARQL result formats; a graph answer falls back to Turtle when asked for rows."""
    if answer.kind == "graph" and fmt not in GRAPH_FORMATS:
        fmt = "turtle"
    elif answer.kind != "graph" and fmt not in RESULT_FORMATS:
        fmt = "json"
    text = render_answer(answer, fmt, prefixes).decode("utf-8").replace("\r\n", "\n")
    return text if text.endswith("\n") else text + "\n"


def _answer_table(
    answer: QueryResult, prefixes: Mapping[str, str], label: Labeler, titles: Labeler | None
) -> tuple[tuple[list[str], list[list[str]]] | list[str], str]:
    """A yes/no line for ASK; else the headers and cells of the table and its count."""
    if answer.kind == "ask":
        return ["yes" if answer.boolean else "no"], ""
    headers, rows, count = result_table(answer, prefixes, label, titles)
    return ((headers, rows) if headers else []), count


def _laid_out(
    table: tuple[list[str], list[list[str]]] | list[str], settings: Settings, width: int | None
) -> list[str]:
    if isinstance(table, list):
        return table
    headers, rows = table
    return layout_lines(headers, rows, settings.expanded, width)


def _footer(status: str, elapsed: float | None) -> str:
    parts = [p for p in (status, _seconds(elapsed) if elapsed is not None else "") if p]
    return f"({', '.join(parts)})" if parts else ""


def _seconds(elapsed: float) -> str:
    return f"{elapsed * 1000:.0f} ms" if elapsed < 1 else f"{elapsed:.2f} s"


def iris_of(answer: QueryResult) -> tuple[str, ...]:
    """The IRIs in an answer, in order of appearance, once each."""
    seen: dict[str, None] = {}
    if answer.kind == "select":
        terms = (t for row in answer.rows for t in row)
    elif answer.kind == "graph":
        terms = (t for x in answer.triples for t in (x.subject, x.object))
    else:
        return ()
    for t in terms:
        if isinstance(t, ox.NamedNode):
            seen.setdefault(t.value, None)
    return tuple(seen)


def terminal_width(stream: object) -> int | None:
    """The width tables must fit (`\\x auto`, `kb query` without `--expanded`): the
    terminal's when `stream` is one, else `COLUMNS` when set, else None (no limit: a pipe
    gets columns, which scripts can cut)."""
    isatty = getattr(stream, "isatty", None)
    if isatty is not None and isatty():
        import shutil

        return shutil.get_terminal_size().columns
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 0 else None
