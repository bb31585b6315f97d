"""Named questions: one SPARQL file per competency question of DESIGN.md, in ``kb/queries/``.

Each file starts with a comment header that this module reads, so the file is the single
source of its title, description and parameters (``kb ask`` lists them from it):

    # title: Threats and warnings
    # description: Who threatened or warned which jurisdiction ...
    # param: agent (entity) - only threats made by this person or body
    # param: entity (entity, required) - ...

Parameters are bound as terms, never pasted into the text: an ``entity`` parameter is resolved
from a name, alias, prefixed name or IRI to the entity's IRI (``kb.labels.resolve_entity``), a
``document`` parameter from an IRI, source path or URL, a ``text`` parameter is a literal. A
query reads an unbound parameter as "no filter" (``FILTER (!BOUND(?agent) || ...)``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kb.errors import UsageError

if TYPE_CHECKING:
    from kb.reader import Reader
    from kb.store import QueryResult

_HEADER = re.compile(r"^#\s*(title|description|param):\s*(.*)$")
_PARAM = re.compile(r"^(\w+)\s*\(([\w ,]+)\)\s*(?:-\s*(.*))?$")
KINDS = ("entity", "document", "text")


@dataclass(frozen=True)
class Param:
    name: str
    kind: str
    required: bool
    help: str


@dataclass(frozen=True)
class Question:
    """A named query and what its header says about it."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    sparql: str

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.params) or "none"
        raise UsageError(f"question {self.name!r} has no parameter {name!r} (it takes: {known})")


def parse(name: str, text: str) -> Question:
    """Read the header of one .rq file."""
    title = description = ""
    params: list[Param] = []
    for line in text.splitlines():
        m = _HEADER.match(line.strip())
        if not m:
            if line.strip() and not line.lstrip().startswith("#"):
                break
            continue
        key, value = m.group(1), m.group(2).strip()
        if key == "title":
            title = value
        elif key == "description":
            description = value
        else:
            pm = _PARAM.match(value)
            if not pm:
                raise ValueError(f"{name}.rq: bad param line {value!r}")
            flags = [f.strip() for f in pm.group(2).split(",")]
            kind = flags[0]
            if kind not in KINDS:
                raise ValueError(f"{name}.rq: parameter kind {kind!r} not one of {KINDS}")
            params.append(Param(pm.group(1), kind, "required" in flags, pm.group(3) or ""))
    return Question(name, title or name, description, tuple(params), text)


@cache
def questions() -> dict[str, Question]:
    """Every named question, by name, in name order."""
    folder = resources.files("kb").joinpath("queries")
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[: -len(".rq")]
            found[name] = parse(name, entry.read_text(encoding="utf-8"))
    return found


def question(name: str) -> Question:
    try:
        return questions()[name]
    except KeyError:
        known = ", ".join(questions())
        raise UsageError(f"no question named {name!r}; ask one of: {known}") from None


def bind(kb: Reader, q: Question, params: dict[str, object]) -> dict[str, object]:
    """Turn user values into terms, resolving entities and documents."""
    from kb.labels import resolve_entity

    bindings: dict[str, object] = {}
    for name, value in params.items():
        if value is None:
            continue
        p = q.param(name)
        if isinstance(value, (ox.NamedNode, ox.Literal)):
            bindings[name] = value
        elif p.kind == "entity":
            bindings[name] = ox.NamedNode(resolve_entity(kb, str(value)))
        elif p.kind == "document":
            from kb.documents import find_documents

            docs = find_documents(kb.store, str(value))
            if len(docs) != 1:
                from kb.errors import UnknownEntity

                raise UnknownEntity(f"no document {value!r} in the store" if not docs else
                                    f"{value!r} names {len(docs)} documents; give one IRI")
            bindings[name] = ox.NamedNode(docs[0])
        else:
            bindings[name] = ox.Literal(str(value))
    missing = [p.name for p in q.params if p.required and p.name not in bindings]
    if missing:
        raise UsageError(f"question {q.name!r} needs --param {missing[0]}=VALUE "
                         f"({q.param(missing[0]).help})")
    return bindings


def ask(kb: Reader, name: str, **params: object) -> QueryResult:
    """Run the named question with its parameters bound."""
    q = question(name)
    return kb.query(q.sparql, bindings=bind(kb, q, params))
