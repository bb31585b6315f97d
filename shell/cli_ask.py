"""`kb ask` (named questions) and `kb describe` (everything about one entity)."""

from __future__ import annotations

from typing import Annotated

import typer

from shell.common import ExpandedOpt, StoreOpt, fail_on_errors, open_kb, render_result, write_out


def ask(
    name: Annotated[
        str | None, typer.Argument(help="Question name (omit to list them)", show_default=False)
    ] = None,
    param: Annotated[
        list[str] | None,
        typer.Option(
            "--param",
            "-p",
            help="Parameter: name=value (an entity name, alias or "
            "IRI; a document path; text); repeatable",
        ),
    ] = None,
    format: Annotated[str, typer.Option("--format", help="table|json|csv|tsv|xml")] = "table",
    expanded: ExpandedOpt = False,
    store: StoreOpt = None,
) -> None:
    """Ask a named question (threats, posts, said, ...); with no name, list them."""
    with fail_on_errors():
        from kb.errors import UsageError

        if name is None:
            from kb.questions import questions

            write_out(_listing(list(questions().values())).encode())
            return
        params: dict[str, str] = {}
        for item in param or []:
            key, sep, value = item.partition("=")
            if not sep or not key.strip():
                raise UsageError(f"--param takes name=value, got {item!r}")
            params[key.strip()] = value
        kb = open_kb(store)
        write_out(render_result(kb, kb.ask(name, **params), format, expanded))


def _listing(qs: list) -> str:  # list[kb.questions.Question]
    lines = []
    for q in qs:
        lines.append(f"{q.name:14} {q.title}: {q.description}")
        for p in q.params:
            need = ", required" if p.required else ""
            lines.append(f"{'':14}   --param {p.name}=... ({p.kind}{need}) {p.help}")
    return "\n".join(lines) + "\n"


def describe(
    entity: Annotated[str, typer.Argument(help="A name, alias, prefixed name or IRI")],
    format: Annotated[str, typer.Option("--format", help="table|json")] = "table",
    store: StoreOpt = None,
) -> None:
    """Everything about one entity: its description, the facts involving it with their
    sentences, and the documents that mention it."""
    with fail_on_errors():
        import json

        from kb.errors import UsageError

        if format not in ("table", "json"):
            raise UsageError(f"--format takes table or json, got {format!r}")
        kb = open_kb(store)
        d = kb.describe(entity)
        if format == "json":
            write_out((json.dumps(d.as_dict(), ensure_ascii=False, indent=2) + "\n").encode())
            return
        from kb.formats import table_lines

        lines = [f"{d.name or ''} <{d.iri}>"]
        for headers, rows in d.tables():
            lines += ["", *table_lines(list(headers), [list(r) for r in rows])]
        write_out(("\n".join(lines) + "\n").encode())
