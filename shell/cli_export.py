"""`kb export`: a subgraph of the entity graph as GEXF 1.3 (Gephi) or GraphML."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from shell.common import StoreOpt, fail_on_errors, open_kb


def export(
    output: Annotated[
        str,
        typer.Option("--output", "-o", help="File to write (- for stdout)", show_default=False),
    ],
    format: Annotated[str, typer.Option("--format", help="gexf|graphml")] = "gexf",
    around: Annotated[
        list[str] | None,
        typer.Option(
            "--around",
            help="Only entities near this one (name, alias, prefixed name or IRI); repeatable",
        ),
    ] = None,
    hops: Annotated[
        int | None, typer.Option("--hops", help="How far from --around to go (default 1)")
    ] = None,
    type_: Annotated[
        list[str] | None,
        typer.Option(
            "--type",
            help="Only entities of this class, subclasses included (schema:Person); repeatable",
        ),
    ] = None,
    query: Annotated[
        Path | None,
        typer.Option(
            "--query",
            help="A file with a CONSTRUCT query whose triples pick the entities and facts",
        ),
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only facts dated on or after DATE (2017-03-27)")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Only facts dated on or before DATE")
    ] = None,
    facts_as_nodes: Annotated[
        bool,
        typer.Option("--facts-as-nodes", help="Draw events and statements as nodes, not edges"),
    ] = False,
    store: StoreOpt = None,
) -> None:
    """Export the entity graph (or a selection of it) for Gephi or another graph tool."""
    with fail_on_errors():
        import sys

        from kb.errors import UsageError

        construct = None
        if query is not None:
            try:
                construct = query.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as err:
                reason = getattr(err, "strerror", None) or str(err)
                raise UsageError(f"{query}: cannot read: {reason}") from None
        kb = open_kb(store)
        target = sys.stdout.buffer if output == "-" else output
        report = kb.export(
            target, format=format, around=around, hops=hops, types=type_, construct=construct,
            since=since, until=until, facts_as_nodes=facts_as_nodes,
        )  # fmt: skip
        for warning in report.warnings:
            typer.echo(f"kb: warning: {warning}", err=True)
        where = "stdout" if output == "-" else output
        typer.echo(
            f"wrote {report.nodes} nodes and {report.edges} edges to {where} ({report.format})",
            err=True,
        )
