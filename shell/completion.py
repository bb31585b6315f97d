"""Completion as a pure function over a snapshot of names.

`suggest(text_before_cursor, snapshot)` decides what fits where the cursor is: meta-commands
after a leading backslash, terms of the ontology after `prefix:`, variables after `?`, and
otherwise SPARQL keywords, prefixes and entity names. The snapshot is plain data (built from
kb/vocab.py and the label index) swapped whole when the store changes, so a keystroke never
reaches the store and tests need no terminal and no store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document

from kb.vocab import (
    DCT,
    ELI,
    EVENT,
    KB,
    OA,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    ROLE,
    SCHEMA,
    SEM,
    SKOS,
    XSD,
    prefixed,
)

if TYPE_CHECKING:
    from collections.abc import Callable

KEYWORDS = (
    "SELECT", "DISTINCT", "REDUCED", "WHERE", "FILTER", "OPTIONAL", "UNION", "MINUS", "GRAPH",
    "SERVICE", "BIND", "VALUES", "AS", "ORDER BY", "GROUP BY", "HAVING", "LIMIT", "OFFSET",
    "ASK", "CONSTRUCT", "DESCRIBE", "PREFIX", "BASE", "FROM", "FROM NAMED", "NAMED", "ASC",
    "DESC", "COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT", "SEPARATOR", "STR",
    "LANG", "LANGMATCHES", "DATATYPE", "IRI", "BNODE", "STRLEN", "SUBSTR", "UCASE", "LCASE",
    "STRSTARTS", "STRENDS", "CONTAINS", "STRBEFORE", "STRAFTER", "CONCAT", "REPLACE", "REGEX",
    "YEAR", "MONTH", "DAY", "NOW", "BOUND", "COALESCE", "IF", "EXISTS", "NOT EXISTS", "IN",
    "NOT IN", "isIRI", "isBLANK", "isLITERAL", "isNUMERIC", "sameTerm", "INSERT", "DELETE",
    "DATA", "INSERT DATA", "DELETE DATA", "WITH", "USING", "CLEAR", "DROP", "LOAD", "SILENT",
    "DEFAULT", "ALL", "true", "false",
)  # fmt: skip

_VOCABULARIES = (KB, EVENT, ROLE, SCHEMA, ORG, PROV, SKOS, SEM, ELI, OA, DCT, RDF, RDFS, XSD, OWL)
_WORD = re.compile(r"[\w:.\-/\\]*$")
_VARIABLES = re.compile(r"[?$](\w+)")


class EntityNames(Protocol):
    """What completion needs from the label index (kb.labels.LabelIndex)."""

    def complete(self, prefix: str, limit: int = 30) -> list[tuple[str, str]]: ...


@dataclass(frozen=True)
class Snapshot:
    """Everything completion may offer, frozen at one moment."""

    prefixes: Mapping[str, str]
    terms: tuple[str, ...]
    commands: tuple[str, ...]
    keywords: tuple[str, ...] = KEYWORDS
    entities: EntityNames | None = None

    def with_entities(self, entities: EntityNames) -> Snapshot:
        return replace(self, entities=entities)


@dataclass(frozen=True)
class Suggestion:
    """Replace the `length` characters before the cursor with `text`."""

    text: str
    length: int
    display: str
    meta: str = ""


@lru_cache(maxsize=1)
def ontology_terms() -> tuple[str, ...]:
    """Prefixed names of every class, property and concept kb/vocab.py knows."""
    names = (prefixed(iri) for vocab in _VOCABULARIES for iri in vocab)
    return tuple(sorted(n for n in names if n))


def base_snapshot(prefixes: Mapping[str, str], commands: Iterable[str]) -> Snapshot:
    """The snapshot before the label index exists: no entity names yet."""
    return Snapshot(dict(prefixes), ontology_terms(), tuple(sorted(commands)))


def suggest(text_before_cursor: str, snap: Snapshot, limit: int = 40) -> list[Suggestion]:
    """What may complete the word before the cursor."""
    word = _WORD.search(text_before_cursor).group()  # type: ignore[union-attr]
    line = text_before_cursor.rsplit("\n", 1)[-1]
    in_meta = line.lstrip().startswith("\\")
    if in_meta and line.lstrip() == word:
        return [Suggestion(c, len(word), c) for c in snap.commands if c.startswith(word)][:limit]
    before = text_before_cursor[: len(text_before_cursor) - len(word)]
    if before.endswith(("?", "$")):
        seen = dict.fromkeys(_VARIABLES.findall(text_before_cursor[: -len(word)] or ""))
        return [
            Suggestion(v, len(word), f"?{v}") for v in seen if v.startswith(word) and v != word
        ][:limit]
    if ":" in word:
        return [Suggestion(t, len(word), t, "term") for t in snap.terms if t.startswith(word)][
            :limit
        ]
    if not word:
        return []
    out: list[Suggestion] = []
    if not in_meta:
        upper = word.upper()
        out += [
            Suggestion(k, len(word), k, "keyword")
            for k in snap.keywords
            if k.upper().startswith(upper)
        ]
        out += [
            Suggestion(f"{p}:", len(word), f"{p}:", "prefix")
            for p in snap.prefixes
            if p.startswith(word)
        ]
    if snap.entities is not None and len(word) >= 2:
        out += _entities(word, snap, in_meta, limit)
    return out[:limit]


def _entities(word: str, snap: Snapshot, in_meta: bool, limit: int) -> Iterator[Suggestion]:
    """Entity names matching a word; they insert what the context can read: a name
    argument for meta-commands, a prefixed name (or `<IRI>`) in SPARQL."""
    assert snap.entities is not None
    for name, iri in snap.entities.complete(word, limit):
        quoted = f'"{name}"' if " " in name else name
        text = quoted if in_meta else prefixed(iri) or f"<{iri}>"
        yield Suggestion(text, len(word), name, prefixed(iri, strict=False) or iri)


class SnapshotCompleter(Completer):
    """prompt_toolkit's view of `suggest`, reading the session's current snapshot."""

    def __init__(self, snapshot: Callable[[], Snapshot]) -> None:
        self._snapshot = snapshot

    def get_completions(
        self, document: Document, complete_event: CompleteEvent
    ) -> Iterator[Completion]:
        for s in suggest(document.text_before_cursor, self._snapshot()):
            yield Completion(
                s.text, start_position=-s.length, display=s.display, display_meta=s.meta
            )
