"""`kb merge`, `kb split`, `kb reject` and `kb corrections [undo ID]`: corrections of the
graph that hold across re-ingest, `kb forget`, new documents and dumps (kb.corrections*).

Each prints one line on stderr saying what it recorded; the listing is data, on stdout.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from shell.common import StoreOpt, fail_on_errors, open_kb, write_out

if TYPE_CHECKING:
    from kb.corrections_commands import Row

NoteOpt = Annotated[
    str | None, typer.Option("--note", help="Why: kept with the correction (rdfs:comment)")
]


def merge(
    kept: Annotated[str, typer.Argument(metavar="A", help="The entity that stays: name, alias "
                                        "or IRI")],
    merged: Annotated[str, typer.Argument(metavar="B", help="The same entity under another "
                                          "name or IRI")],
    note: NoteOpt = None,
    store: StoreOpt = None,
) -> None:
    """B is the same entity as A: every fact about B is about A, B's names A's aliases."""
    with fail_on_errors():
        said(open_kb(store).merge(kept, merged, note=note))


def split(
    entity: Annotated[str, typer.Argument(metavar="A", help="The entity: name, alias or IRI")],
    name: Annotated[str, typer.Option("--name", metavar="NAME",
                                      help="How the other entity is written")],
    document: Annotated[
        str | None, typer.Option("--document", metavar="DOC",
                                 help="Only in this document (IRI, path, URL)")
    ] = None,
    note: NoteOpt = None,
    store: StoreOpt = None,
) -> None:
    """The mentions of A written NAME (in DOC) are a different entity."""
    with fail_on_errors():
        said(open_kb(store).split(entity, name, document=document, note=note))


def reject(
    fact: Annotated[str, typer.Argument(metavar="FACT", help="The fact's IRI or prefixed name")],
    note: NoteOpt = None,
    store: StoreOpt = None,
) -> None:
    """A fact (event, statement, membership, grant) is wrong: it disappears."""
    with fail_on_errors():
        said(open_kb(store).reject(fact, note=note))


corrections_app = typer.Typer(
    help="List the corrections (id, kind, what, who, when, note); `undo ID` takes one back.",
    invoke_without_command=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@corrections_app.callback()
def corrections(
    ctx: typer.Context,
    format: Annotated[str, typer.Option("--format", help="table|json")] = "table",
    store: StoreOpt = None,
) -> None:
    """List the corrections (id, kind, what, who, when, note); `undo ID` takes one back."""
    if ctx.invoked_subcommand is not None:
        return
    with fail_on_errors():
        from kb.errors import UsageError

        if format not in ("table", "json"):
            raise UsageError(f"--format takes table or json, got {format!r}")
        write_out(listing(open_kb(store).corrections(), format))


@corrections_app.command("undo")
def undo(
    ident: Annotated[str, typer.Argument(metavar="ID", help="The id `kb corrections` shows")],
    store: StoreOpt = None,
) -> None:
    """Take a correction back (its record stays, marked undone)."""
    with fail_on_errors():
        said(open_kb(store).undo_correction(ident), "undid")


def said(row: Row, verb: str = "recorded") -> None:
    typer.echo(f"{verb} correction {row.id}: {row.kind} {row.what}", err=True)


def listing(rows: list[Row], format: str) -> bytes:
    """The corrections as a table for people or JSON for programs."""
    if format == "json":
        import json

        return (json.dumps([r.as_dict() for r in rows], indent=2) + "\n").encode()
    from kb.corrections_commands import COLUMNS
    from kb.formats import table_lines

    if not rows:
        return b"(no corrections)\n"
    cells = [[str(v) for v in r.as_dict().values()] for r in rows]
    return ("\n".join(table_lines(list(COLUMNS), cells)) + "\n").encode()
