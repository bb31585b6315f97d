"""The shell's one result record and its pure formatter.

Every statement (SPARQL, path, meta-command) evaluates to `Result`s; `render` turns one into
text for the chosen `\\format`, so the loop never formats and evaluation never prints.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pyoxigraph as ox

from kb.formats import GRAPH_FORMATS, RESULT_FORMATS, short, table_lines
from kb.formats import render as render_answer
from kb.store import QueryResult

SHELL_FORMATS = ("table", "json", "csv", "tsv", "xml")

Labeler = Callable[[str], "str | None"]


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
    """Per-session output settings, changed by `\\format` and `\\timing`."""

    format: str = "table"
    timing: bool = True


def render(result: Result, settings: Settings, prefixes: Mapping[str, str], label: Labeler) -> str:
    """The text of a result, ending in a newline (empty when there is nothing to show)."""
    body: list[str] = list(result.lines)
    status = result.status
    if result.answer is not None:
        if settings.format != "table":
            return _machine(result.answer, settings.format, prefixes)
        lines, status = _answer_table(result.answer, prefixes, label)
        body += lines
    elif result.headers:
        body += table_lines(list(result.headers), [list(r) for r in result.rows])
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
    answer: QueryResult, prefixes: Mapping[str, str], label: Labeler
) -> tuple[list[str], str]:
    if answer.kind == "ask":
        return ["yes" if answer.boolean else "no"], ""
    if answer.kind == "graph":
        headers = ["subject", "predicate", "object"]
        rows = [
            [cell(t, prefixes, label) for t in (x.subject, x.predicate, x.object)]
            for x in answer.triples
        ]
        noun = "triple"
    else:
        headers = list(answer.variables)
        rows = [[cell(t, prefixes, label) for t in row] for row in answer.rows]
        noun = "row"
    n = len(rows)
    status = f"{n} {noun}{'' if n == 1 else 's'}"
    return (table_lines(headers, rows) if headers else []), status


def cell(term: object, prefixes: Mapping[str, str], label: Labeler) -> str:
    """A term as the table shows it: the shortened IRI with its name beside it."""
    text = short(term, prefixes)  # type: ignore[arg-type]
    if isinstance(term, ox.NamedNode):
        name = label(term.value)
        if name and name != text:
            return f"{text} ({name})"
    return text


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
