"""`kb path A B`: how two entities are connected, each hop with its evidence."""

from __future__ import annotations

from typing import Annotated

import typer

from shell.common import StoreOpt, fail_on_errors, open_kb, write_out


def path(
    a: Annotated[str, typer.Argument(help="From: a name, alias, prefixed name or IRI")],
    b: Annotated[str, typer.Argument(help="To: a name, alias, prefixed name or IRI")],
    k: Annotated[int, typer.Option("--k", "-k", help="How many shortest paths (at most 100)")] = 1,
    max_hops: Annotated[int, typer.Option("--max-hops", help="Longest path to report")] = 6,
    via: Annotated[
        list[str] | None,
        typer.Option(
            "--via",
            help="Only these relations: a property, event type or label "
            "(kb:target, kbe:threaten, threatened); repeatable",
        ),
    ] = None,
    node_type: Annotated[
        list[str] | None,
        typer.Option("--type", help="Only pass through entities of this class; repeatable"),
    ] = None,
    timeout: Annotated[float, typer.Option("--timeout", help="Give up after SECONDS")] = 10.0,
    format: Annotated[str, typer.Option("--format", help="table|json")] = "table",
    store: StoreOpt = None,
) -> None:
    """Shortest paths between two entities; exit 1 when there is none within --max-hops."""
    with fail_on_errors():
        import json

        from kb.errors import UsageError

        if format not in ("table", "json"):
            raise UsageError(f"--format takes table or json, got {format!r}")
        kb = open_kb(store)
        result = kb.path(
            a, b, k=k, max_hops=max_hops, via=via, node_types=node_type, timeout=timeout
        )
        if format == "json":
            write_out((json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n").encode())
        elif result.paths:
            write_out((result.text() + "\n").encode())
        if not result.paths:
            if format == "table":
                typer.echo(result.text(), err=True)
            raise typer.Exit(1)
