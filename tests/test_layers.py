"""Imports go one way: each module imports only its own layer and the layers below it, and no
modules import each other in a circle.

The table below is the one statement of the layers (README, "Layers" repeats it for people).
Every import counts: top-level, inside functions (lazy imports for start-up time) and under
`if TYPE_CHECKING:` (a type a module names is a module it depends on). No exemptions.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("ontology", "kb", "ingest", "shell")

#: Layers from the bottom up: (layer, the modules in it). A module may import its own layer
#: and any layer above it in this table, never one below. `kb.store.*` names the package
#: kb.store and everything in it; `kb.api` that one module. The most specific entry decides
#: (`kb.*` alone would swallow the core, so the package `kb` is listed as a module).
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ontology (data)", ("ontology.*",)),
    ("kb core", (
        "kb.errors", "kb.vocab", "kb.iris", "kb.terms", "kb.sparqltext", "kb.store.*",
        "kb.formats", "kb.facts", "kb.resolution", "kb.graph.*", "kb.documents", "kb.reader",
        "kb.regexcheck", "kb.shapecheck", "kb.shaperepair", "kb.lifetime",
        "kb.corrections", "kb.corrections_apply", "kb.corrections_store",
    )),
    ("ingest: shared lexicons and parsers", ("ingest", "ingest.dates", "ingest.money",
                                             "ingest.gazetteer")),
    ("ingest: read", ("ingest.read.*",)),
    ("ingest: nlp", ("ingest.nlp",)),
    ("ingest: extract", ("ingest.extract.*", "ingest.resolve_local")),
    ("ingest: resolve", ("ingest.resolve",)),
    ("ingest: pipeline", ("ingest.pipeline", "ingest.write", "ingest.cluster")),
    ("kb features", (
        "kb.labels", "kb.ontology_index", "kb.edge_labels", "kb.projection", "kb.paths",
        "kb.export.*", "kb.questions", "kb.describe", "kb.factsjson", "kb.validate", "kb.serve",
        "kb.corrections_commands",
    )),
    ("facade", ("kb", "kb.api")),
    ("shell", ("shell.*",)),
)  # fmt: skip


def modules() -> dict[str, Path]:
    """Every module of the project's packages, by dotted name (a package by its own name)."""
    found: dict[str, Path] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def layer_of(module: str) -> int:
    """The index in LAYERS of the most specific entry naming `module`."""
    best, best_len = -1, -1
    for i, (_, entries) in enumerate(LAYERS):
        for entry in entries:
            name = entry.removesuffix(".*")
            below = entry.endswith(".*") and module.startswith(name + ".")
            if (module == name or below) and len(name) > best_len:
                best, best_len = i, len(name)
    if best < 0:
        raise AssertionError(f"{module} is in no layer: add it to LAYERS in {__file__}")
    return best


def imports_of(path: Path, known: dict[str, Path], package: str = "") -> dict[str, int]:
    """The project modules `path` imports (-> the line of the first import), at any depth
    of the file: `from kb import iris` names the module kb.iris, `from kb.x import y` kb.x,
    and `from .x import y` in package `package` names package.x."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    out: dict[str, int] = {}

    def add(name: str, line: int) -> None:
        while name and name not in known:
            name = name.rpartition(".")[0]
        if name:
            out.setdefault(name, line)

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                add(alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, *([node.module] if node.module else [])])
            for alias in node.names:
                add(f"{base}.{alias.name}", node.lineno)
    return out


def import_graph() -> dict[str, dict[str, int]]:
    known = modules()
    graph = {}
    for name, path in known.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        imported = imports_of(path, known, package)
        graph[name] = {m: line for m, line in imported.items() if m != name}
    return graph


def cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, {}):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_every_module_has_a_layer() -> None:
    for name in modules():
        layer_of(name)


def test_no_module_imports_a_layer_above_its_own() -> None:
    known = modules()
    upward = []
    for module, imported in sorted(import_graph().items()):
        mine = layer_of(module)
        for other, line in sorted(imported.items()):
            theirs = layer_of(other)
            if theirs > mine:
                where = known[module].relative_to(ROOT)
                upward.append(
                    f"{where}:{line}: {module} ({LAYERS[mine][0]}) imports {other} "
                    f"({LAYERS[theirs][0]})"
                )
    assert not upward, "upward imports:\n" + "\n".join(upward)


def test_no_import_cycles() -> None:
    found = cycles(import_graph())
    assert not found, "modules importing each other in a circle:\n" + "\n".join(
        " <-> ".join(c) for c in found
    )


@pytest.mark.parametrize("source, expected", [
    ("import kb.paths\n", {"kb.paths"}),
    ("from kb import iris\n", {"kb.iris"}),
    ("from kb.store import QueryResult\n", {"kb.store"}),
    ("def f():\n    from shell.meta import COMMANDS\n", {"shell.meta"}),
    ("if TYPE_CHECKING:\n    from kb.api import KnowledgeBase\n", {"kb.api"}),
    ("from .base import Store\n", {"kb.store.base"}),
    ("from .. import iris\n", {"kb.iris"}),
    ("import json\n", set()),
])  # fmt: skip
def test_imports_are_found_at_any_depth(tmp_path: Path, source: str, expected: set[str]) -> None:
    path = tmp_path / "m.py"
    path.write_text(source)
    assert set(imports_of(path, modules(), package="kb.store")) == expected


def test_a_module_nobody_placed_has_no_layer() -> None:
    with pytest.raises(AssertionError, match="in no layer"):
        layer_of("kb.something_new")
    assert layer_of("kb.export.gexf") == layer_of("kb.export") == layer_of("kb.paths")


def test_the_checks_catch_an_upward_import_and_a_cycle() -> None:
    """The table's direction and the cycle finder, on a made-up graph: a core module that
    imports the facade is upward, and two modules importing each other are a cycle."""
    assert layer_of("kb.store.base") < layer_of("ingest.resolve") < layer_of("kb.paths")
    assert layer_of("kb.paths") < layer_of("kb.api") < layer_of("shell.meta")
    graph = {"a": {"b": 1}, "b": {"c": 1}, "c": {"a": 1}, "d": {"a": 1}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_no_module_in_kb_or_shell_is_over_400_lines() -> None:
    """A module a reader can hold in their head (issue 11): split by concern past 400 lines."""
    long = [
        f"{path.relative_to(ROOT)}: {n} lines"
        for package in ("kb", "shell")
        for path in sorted((ROOT / package).rglob("*.py"))
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400
    ]
    assert not long, "modules over 400 lines:\n" + "\n".join(long)
