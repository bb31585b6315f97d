"""`kb serve`: the store as a SPARQL 1.1 Protocol endpoint until Ctrl-C."""

from __future__ import annotations

from typing import Annotated

import typer

from shell.common import StoreOpt, fail_on_errors, open_kb


def serve(
    port: Annotated[int, typer.Option("--port", "-p", help="TCP port")] = 7878,
    host: Annotated[
        str, typer.Option("--host", help="Interface to listen on (loopback unless you say so)")
    ] = "127.0.0.1",
    read_only: Annotated[
        bool, typer.Option("--read-only", help="Refuse updates; other kb readers keep working")
    ] = False,
    store: StoreOpt = None,
) -> None:
    """Serve the store at http://HOST:PORT/query (and /update unless --read-only)."""
    with fail_on_errors():
        kb = open_kb(store)
        with kb.serve(host=host, port=port, read_only=read_only) as endpoint:
            try:  # from the moment the server answers: a stop signal may come at once
                typer.echo(f"SPARQL endpoint: {endpoint.query}", err=True)
                if endpoint.update:
                    typer.echo(f"SPARQL update:   {endpoint.update}", err=True)
                typer.echo("press Ctrl-C to stop", err=True)
                endpoint.process.wait()
            except KeyboardInterrupt:
                typer.echo("stopping", err=True)
                return
            raise typer.Exit(1)  # the server died on its own
