"""Backslash meta-commands, as in psql/pgcli: a registry filled by a decorator, which also
writes `\\help`. Each command parses its arguments and makes one call into the library.

Commands whose facade method a colleague has not landed yet (`\\ask`, `\\describe`,
`\\export`, `\\ingest`) are registered already; until the method exists they answer with one
line saying so.
"""

from __future__ import annotations

import dataclasses
import shlex
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from kb.errors import UsageError
from kb.store import QueryResult
from shell.render import SHELL_FORMATS, Result, Settings, iris_of

if TYPE_CHECKING:
    from collections.abc import Mapping

    from kb.api import KnowledgeBase


class Session(Protocol):
    """What a meta-command may use of the shell's state (`shell.evaluate.Session` is one):
    declared here so the commands need not import the evaluator that dispatches to them."""

    kb: KnowledgeBase
    settings: Settings
    prefixes: Mapping[str, str]
    last_iris: tuple[str, ...]


Handler = Callable[[Session, list[str]], list[Result]]

ENTER_HELP = (
    "Enter runs the input when it ends with ; (the ; is not sent) or when pressed on an empty "
    "line after a complete query; otherwise it adds a line. Meta-commands run at once.",
    "Ctrl-C cancels the input or the running query; Ctrl-R searches the history; Ctrl-D or \\q "
    "quits. Tab completes keywords, prefix:terms and entity names.",
)


@dataclass(frozen=True)
class MetaCommand:
    name: str
    usage: str
    help: str
    handler: Handler


COMMANDS: dict[str, MetaCommand] = {}


def meta_command(name: str, usage: str, help: str) -> Callable[[Handler], Handler]:
    """Register a handler under `\\name`; `usage` is the argument synopsis shown by \\help."""

    def register(fn: Handler) -> Handler:
        COMMANDS[name] = MetaCommand(name, usage, help, fn)
        return fn

    return register


def command_names() -> list[str]:
    return list(COMMANDS)


def dispatch(session: Session, line: str) -> list[Result]:
    """Run one meta-command line."""
    name, _, rest = line.strip().partition(" ")
    command = COMMANDS.get(name)
    if command is None:
        raise UsageError(f"unknown command {name}; \\help lists the commands")
    try:
        args = shlex.split(rest)
    except ValueError as err:
        raise UsageError(f"{name}: {err}") from None
    return command.handler(session, args)


def options(
    name: str, args: list[str], spec: dict[str, type], repeatable: Iterable[str] = ()
) -> tuple[list[str], dict[str, Any]]:
    """Split `args` into positionals and `--option value` pairs typed per `spec`."""
    positional: list[str] = []
    found: dict[str, Any] = {opt: [] for opt in repeatable}
    it = iter(args)
    for arg in it:
        if not arg.startswith("--") or arg == "--":
            positional.append(arg)
            continue
        opt, eq, value = arg.partition("=")
        if opt not in spec:
            known = " ".join(sorted(spec)) or "none"
            raise UsageError(f"{name}: unknown option {opt} (options: {known})")
        if spec[opt] is bool:  # a flag
            found[opt] = True
            continue
        if not eq:
            value = next(it, None)  # type: ignore[assignment]
            if value is None:
                raise UsageError(f"{name}: {opt} needs a value")
        try:
            typed = spec[opt](value)
        except ValueError:
            raise UsageError(f"{name}: {opt} takes a {spec[opt].__name__}, got {value!r}") from None
        if opt in found:
            found[opt].append(typed)
        else:
            found[opt] = typed
    return positional, found


def as_results(value: object, elapsed: float | None = None) -> list[Result]:
    """Whatever a facade method returned, as results: a SPARQL answer, text, or an object
    that can show itself (`text()`, `lines()`), else its fields as a table."""
    if isinstance(value, QueryResult):
        return [Result(answer=value, elapsed=elapsed, iris=iris_of(value))]
    if value is None:
        return [Result(status="done", elapsed=elapsed)]
    if isinstance(value, str):
        return [Result(lines=tuple(value.rstrip("\n").splitlines()), elapsed=elapsed)]
    for attr in ("text", "lines"):
        shown = getattr(value, attr, None)
        if callable(shown):
            out = shown()
            lines = out.splitlines() if isinstance(out, str) else [str(x) for x in out]
            return [Result(lines=tuple(lines), elapsed=elapsed)]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        rows = tuple((f.name, str(getattr(value, f.name))) for f in dataclasses.fields(value))
        return [Result(headers=("field", "value"), rows=rows, elapsed=elapsed)]
    if isinstance(value, Iterable):
        return [Result(lines=tuple(str(x) for x in value), elapsed=elapsed)]
    return [Result(lines=(str(value),), elapsed=elapsed)]


def _timed(fn: Callable[[], object]) -> list[Result]:
    started = time.perf_counter()
    value = fn()
    return as_results(value, time.perf_counter() - started)


# -- the commands ---------------------------------------------------------------------------


@meta_command("\\help", "", "Show this help.")
def show_help(session: Session, args: list[str]) -> list[Result]:
    rows = tuple((f"{c.name} {c.usage}".strip(), c.help) for c in COMMANDS.values())
    return [Result(headers=("command", "description"), rows=rows, lines=ENTER_HELP + ("",))]


@meta_command("\\prefixes", "", "The prefixes every query may use.")
def show_prefixes(session: Session, args: list[str]) -> list[Result]:
    rows = tuple((p, ns) for p, ns in session.prefixes.items())
    return [Result(headers=("prefix", "namespace"), rows=rows)]


@meta_command("\\describe", "ENTITY", "Everything about an entity, with sources.")
def describe(session: Session, args: list[str]) -> list[Result]:
    fn = session.kb.describe
    if len(args) != 1:
        raise UsageError('\\describe takes one entity: a name ("Jeff Sessions"), alias or IRI')
    started = time.perf_counter()
    d = fn(args[0])
    if not hasattr(d, "tables"):
        return as_results(d, time.perf_counter() - started)
    out = [
        Result(lines=(f"{d.name or ''} <{d.iri}>", "") if i == 0 else ("",), headers=headers,
               rows=tuple(rows))
        for i, (headers, rows) in enumerate(d.tables())
    ]  # fmt: skip
    iris = tuple(dict.fromkeys([d.iri, *(f["document"] for f in d.facts)]))
    out[-1] = dataclasses.replace(out[-1], elapsed=time.perf_counter() - started, iris=iris)
    return out


@meta_command(
    "\\path",
    "A B [--k N] [--max-hops N] [--via PROP]... [--type CLASS]...",
    "Shortest paths between two entities, each hop with its evidence.",
)
def path(session: Session, args: list[str]) -> list[Result]:
    spec = {"--k": int, "--max-hops": int, "--via": str, "--type": str, "--timeout": float}
    ends, opts = options("\\path", args, spec, repeatable=("--via", "--type"))
    if len(ends) != 2:
        raise UsageError('\\path takes two entities: \\path "Jeff Sessions" Hartford')
    result = session.kb.path(
        ends[0],
        ends[1],
        k=opts.get("--k", 1),
        max_hops=opts.get("--max-hops", 6),
        via=opts["--via"] or None,
        node_types=opts["--type"] or None,
        timeout=opts.get("--timeout", 10.0),
    )
    iris: dict[str, None] = {}
    for p in result.paths:
        for hop in p.hops:
            iris.setdefault(hop.relation.fact or hop.start, None)
    n = len(result.paths)
    status = f"{n} path{'' if n == 1 else 's'}" if n else ""
    return [
        Result(
            lines=tuple(result.text().splitlines()),
            status=status,
            elapsed=result.elapsed,
            iris=tuple(iris),
        )
    ]


@meta_command(
    "\\ask", "[NAME [key=value | value]...]", "A named question (\\ask threats); alone, lists them."
)
def ask(session: Session, args: list[str]) -> list[Result]:
    fn = session.kb.ask
    listing = getattr(session.kb, "questions", None)
    questions = {q.name: q for q in listing()} if callable(listing) else {}
    if not args:
        rows = tuple(
            (q.name, " ".join(p.name for p in q.params), q.title) for q in questions.values()
        )
        return [Result(headers=("question", "parameters", "title"), rows=rows)]
    name, rest = args[0], args[1:]
    params = dict(a.split("=", 1) for a in rest if "=" in a)
    positional = [a for a in rest if "=" not in a]
    if positional:
        free = [p.name for p in getattr(questions.get(name), "params", ()) if p.name not in params]
        if len(positional) > len(free):
            raise UsageError(
                f"\\ask {name}: too many values; it takes: {', '.join(free) or 'none'}"
            )
        params.update(zip(free, positional, strict=False))
    return _timed(lambda: fn(name, **params))


@meta_command("\\why", "", "Evidence sentences for the rows just shown.")
def why(session: Session, args: list[str]) -> list[Result]:
    from kb.paths import evidence_for

    if not session.last_iris:
        raise UsageError("\\why explains the last result: run a query or \\path first")
    return _timed(lambda: evidence_for(session.kb, session.last_iris))


@meta_command("\\format", "table|json|csv|tsv|xml", "How results are shown.")
def set_format(session: Session, args: list[str]) -> list[Result]:
    if len(args) != 1 or args[0] not in SHELL_FORMATS:
        raise UsageError(f"\\format takes one of {'|'.join(SHELL_FORMATS)}")
    session.settings.format = args[0]
    return [Result(status=f"format {args[0]}", note=True)]


@meta_command("\\timing", "[on|off]", "Show the elapsed time after each result.")
def timing(session: Session, args: list[str]) -> list[Result]:
    if args and args[0] not in ("on", "off"):
        raise UsageError("\\timing takes on or off")
    session.settings.timing = (args[0] == "on") if args else not session.settings.timing
    return [Result(status=f"timing {'on' if session.settings.timing else 'off'}", note=True)]


@meta_command(
    "\\x",
    "[on|off|auto]",
    "Expanded display, one field per line: on, off, or auto (when a table is wider than the "
    "terminal); alone, toggles on and off.",
)
def expanded(session: Session, args: list[str]) -> list[Result]:
    modes = ("on", "off", "auto")
    if len(args) > 1 or (args and args[0] not in modes):
        raise UsageError(f"\\x takes {'|'.join(modes)}")
    current = session.settings.expanded
    session.settings.expanded = args[0] if args else ("off" if current == "on" else "on")
    return [Result(status=f"expanded display {session.settings.expanded}", note=True)]


@meta_command(
    "\\export",
    "FILE [--around ENTITY]... [--hops N] [--type CLASS]... [--since D] [--until D] "
    "[--facts-as-nodes]",
    "Write the entity graph (or a selection) for Gephi: .gexf, or .graphml.",
)
def export(session: Session, args: list[str]) -> list[Result]:
    fn = session.kb.export
    spec = {"--around": str, "--hops": int, "--type": str, "--since": str, "--until": str,
            "--format": str, "--facts-as-nodes": bool}  # fmt: skip
    files, opts = options("\\export", args, spec, repeatable=("--around", "--type"))
    if len(files) != 1:
        raise UsageError("\\export takes one output file: \\export graph.gexf")
    fmt = opts.get("--format") or ("graphml" if files[0].endswith(".graphml") else "gexf")
    started = time.perf_counter()
    report = fn(
        files[0],
        format=fmt,
        around=opts["--around"] or None,
        hops=opts.get("--hops"),
        types=opts["--type"] or None,
        since=opts.get("--since"),
        until=opts.get("--until"),
        facts_as_nodes=opts.get("--facts-as-nodes", False),
    )
    nodes, edges = getattr(report, "nodes", "?"), getattr(report, "edges", "?")
    return [
        Result(
            lines=tuple(f"warning: {w}" for w in getattr(report, "warnings", ())),
            status=f"wrote {files[0]}: {nodes} nodes, {edges} edges",
            elapsed=time.perf_counter() - started,
            note=True,
        )
    ]


@meta_command("\\load", "FILE...", "Load RDF files into the store.")
def load(session: Session, args: list[str]) -> list[Result]:
    if not args:
        raise UsageError("\\load takes one or more RDF files")
    started = time.perf_counter()
    added = session.kb.load(args)
    return [
        Result(
            status=f"loaded {len(args)} file(s): {added} new quad(s)",
            elapsed=time.perf_counter() - started,
            note=True,
        )
    ]


@meta_command("\\ingest", "PATH...", "Read documents into the knowledge base.")
def ingest(session: Session, args: list[str]) -> list[Result]:
    fn = session.kb.ingest
    if not args:
        raise UsageError("\\ingest takes one or more files or directories")
    started = time.perf_counter()
    report = fn(args)
    summary = getattr(report, "summary", None)
    if not callable(summary):
        return as_results(report, time.perf_counter() - started)
    failures = tuple(f"failed: {f}" for f in getattr(report, "failures", ()))
    return [
        Result(
            lines=failures,
            status=f"ingested {summary()}",
            elapsed=time.perf_counter() - started,
            note=True,
        )
    ]


@meta_command("\\stats", "", "Triples, graphs and entities per class.")
def stats(session: Session, args: list[str]) -> list[Result]:
    from kb.formats import shorten_iri

    s = session.kb.stats()
    rows = tuple((shorten_iri(c.iri, session.prefixes), str(c.entities)) for c in s.classes)
    return [
        Result(
            lines=(f"triples: {s.triples}", f"graphs:  {s.graphs}", ""),
            headers=("class", "entities"),
            rows=rows,
        )
    ]


@meta_command("\\q", "", "Quit (or Ctrl-D).")
def quit_shell(session: Session, args: list[str]) -> list[Result]:
    raise EOFError
