"""The `kb` command: each command parses its arguments, makes one library call, and maps
library errors to exit codes (1 failure, 2 bad usage or input). Data goes to stdout,
messages to stderr. Library modules are imported inside the commands so `kb --help` starts
fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from shell import (
    cli_ask,
    cli_corrections,
    cli_export,
    cli_ingest,
    cli_paths,
    cli_serve,
    cli_shell,
)
from shell.common import (
    FORMAT_HELP,
    ExpandedOpt,
    StoreOpt,
    fail_on_errors,
    open_kb,
    render_result,
    write_out,
)

app = typer.Typer(
    name="kb",
    help="A civic knowledge graph: ingest news and reports, question them with SPARQL.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.command()
def load(
    files: Annotated[
        list[str],
        typer.Argument(help="RDF files (- for stdin), N-Quads directories", show_default=False),
    ],
    graph: Annotated[str | None, typer.Option("--graph", "-g", help="Named graph IRI")] = None,
    format: Annotated[
        str | None,
        typer.Option(
            "--format", help="turtle|ntriples|nquads|trig|jsonld|rdfxml (default: from extension)"
        ),
    ] = None,
    store: StoreOpt = None,
) -> None:
    """Load RDF files into the store, all or nothing."""
    with fail_on_errors():
        kb = open_kb(store, create=True)
        added = kb.load(files, format=format, graph=graph)
        typer.echo(f"loaded {len(files)} file(s): {added} new quad(s)", err=True)


@app.command()
def query(
    text: Annotated[
        str | None,
        typer.Argument(help="SPARQL query (omit to use -f or stdin)", show_default=False),
    ] = None,
    file: Annotated[
        Path | None, typer.Option("--file", "-f", help="Read the query from FILE")
    ] = None,
    data: Annotated[
        list[Path] | None,
        typer.Option("--data", help="Query these RDF files in a throwaway in-memory store"),
    ] = None,
    bind: Annotated[
        list[str] | None,
        typer.Option(
            "--bind", "-b", help='Bind a variable: name=value (<iri>, prefix:x, "text"@en, 42)'
        ),
    ] = None,
    format: Annotated[str, typer.Option("--format", help=FORMAT_HELP)] = "table",
    default_graph: Annotated[
        str,
        typer.Option(
            "--default-graph",
            help="union: the default graph is the union of all graphs; "
            "standard: SPARQL dataset semantics",
        ),
    ] = "union",
    base: Annotated[str | None, typer.Option("--base", help="Base IRI of the query")] = None,
    expanded: ExpandedOpt = False,
    store: StoreOpt = None,
) -> None:
    """Run a SPARQL query and print the results."""
    with fail_on_errors():
        from kb.errors import UsageError
        from kb.terms import parse_bindings

        sparql = _query_text(text, file)
        if default_graph not in ("union", "standard"):
            raise UsageError("--default-graph takes union or standard")
        if data:
            kb = open_kb("memory:")
            kb.load(data)
        else:
            kb = open_kb(store)
        result = kb.query(
            sparql,
            bindings=parse_bindings(bind, kb.prefixes),
            union=default_graph == "union",
            base_iri=base or (file.resolve().as_uri() if file else None),
        )
        write_out(render_result(kb, result, format, expanded))


def _query_text(text: str | None, file: Path | None) -> str:
    from kb.errors import UsageError

    if text is not None and file is not None:
        raise UsageError("give the query as an argument or with -f, not both")
    if file is not None:
        try:
            return file.read_text(encoding="utf-8")
        except OSError as err:
            raise UsageError(f"{file}: cannot read: {err.strerror}") from None
    if text is not None and text != "-":
        return text
    if sys.stdin.isatty() and text != "-":
        raise UsageError("no query: pass it as an argument, with -f FILE, or on stdin")
    return sys.stdin.read()


@app.command()
def stats(store: StoreOpt = None) -> None:
    """Triples, graphs and entities per class."""
    with fail_on_errors():
        from kb.formats import shorten_iri, table_lines

        kb = open_kb(store)
        s = kb.stats()
        lines = [f"triples: {s.triples}", f"graphs:  {s.graphs}", ""]
        rows = [[shorten_iri(c.iri, kb.prefixes), str(c.entities)] for c in s.classes]
        lines += table_lines(["class", "entities"], rows)
        write_out(("\n".join(lines) + "\n").encode())


@app.command()
def validate(store: StoreOpt = None) -> None:
    """Check the store against the SHACL shapes; exit 1 on violations."""
    with fail_on_errors():
        kb = open_kb(store)
        report = kb.validate()
        if report.conforms:
            typer.echo("conforms: no SHACL violations", err=True)
            return
        write_out(report.text.encode())
        raise typer.Exit(1)


@app.command()
def dump(
    format: Annotated[
        str, typer.Option("--format", help="nquads|trig|turtle|ntriples|jsonld|rdfxml")
    ] = "nquads",
    graph: Annotated[
        str | None, typer.Option("--graph", "-g", help="Only this named graph")
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE")] = None,
    store: StoreOpt = None,
) -> None:
    """Write the store (or one graph) as RDF."""
    with fail_on_errors():
        kb = open_kb(store)
        if output is None:
            kb.dump(sys.stdout.buffer, format=format, graph=graph)
        else:
            with output.open("wb") as out:
                kb.dump(out, format=format, graph=graph)


app.command("serve")(cli_serve.serve)
app.command("path")(cli_paths.path)
app.command("export")(cli_export.export)
app.command("shell")(cli_shell.shell)
app.command("ingest")(cli_ingest.ingest)
app.command("forget")(cli_ingest.forget)
app.command("facts")(cli_ingest.facts)
app.command("ask")(cli_ask.ask)
app.command("describe")(cli_ask.describe)
app.command("merge")(cli_corrections.merge)
app.command("split")(cli_corrections.split)
app.command("reject")(cli_corrections.reject)
app.add_typer(cli_corrections.corrections_app, name="corrections")


def main() -> None:
    """Console-script entry point."""
    if sys.argv[1:2] == ["shell"]:  # start-up budget: see shell/cli_shell.py
        sys.exit(cli_shell.main(sys.argv[2:]))
    app()


if __name__ == "__main__":
    main()
