"""Names of entities, held in memory: for resolving what people type and for completion.

People name entities the way articles do ("Jeff Sessions", "Sessions", "the Attorney General"),
not by IRI. One SPARQL query reads every `schema:name` and `skos:altLabel` into a `LabelIndex`,
kept until the store's generation changes, so resolving a name or completing a word never goes
back to the store (the shell asks on every keystroke; a 1M-triple store answers in ~0.3 s,
which is fine once and unusable per key).
"""

from __future__ import annotations

import bisect
import contextlib
import gc
import re
import threading
import weakref
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, TypeVar

import pyoxigraph as ox

from kb.errors import UnknownEntity
from kb.formats import shorten_iri
from kb.vocab import SCHEMA, SKOS

T = TypeVar("T")

if TYPE_CHECKING:
    from kb.reader import Reader
    from kb.store import Store

#: Names and aliases as two index scans in one query (an OPTIONAL per name costs a seek each).
_LABELS_QUERY = f"""
SELECT ?s ?name ?alias WHERE {{
  {{ ?s <{SCHEMA.name}> ?name }} UNION {{ ?s <{SKOS.altLabel}> ?alias }}
}}"""

_WORD = re.compile(r"\w[\w'.-]*")
_PREFIXED = re.compile(r"([A-Za-z][\w.-]*)?:(\S*)")


@dataclass
class LabelIndex:
    """Canonical names and aliases of every named IRI, with a sorted word list for prefix
    lookups (bisect, so completion stays instant with 100k entities)."""

    generation: str
    names: dict[str, str] = field(default_factory=dict)
    by_name: dict[str, list[str]] = field(default_factory=dict)
    by_alias: dict[str, list[str]] = field(default_factory=dict)
    words: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def build(cls, rows: list[tuple[object, ...]], generation: str) -> LabelIndex:
        """Index the rows of `_LABELS_QUERY`: (subject, name, None) or (subject, None, alias).
        Only IRIs with a name are indexed; the smallest name wins when there are several."""
        index = cls(generation)
        names: dict[str, str] = {}
        aliases: list[tuple[str, str]] = []
        for s, name, alias in rows:
            if type(s) is not ox.NamedNode:
                continue
            if name is not None:
                iri, text = s.value, name.value  # type: ignore[attr-defined]
                if iri not in names or text < names[iri]:
                    names[iri] = text
            elif alias is not None:
                aliases.append((s.value, alias.value))  # type: ignore[attr-defined]
        words: set[tuple[str, str]] = set()
        for iri, text in names.items():
            index.by_name.setdefault(text.casefold(), []).append(iri)
            words.update((w.casefold(), iri) for w in _WORD.findall(text))
        for iri, text in aliases:
            if iri in names:
                found = index.by_alias.setdefault(text.casefold(), [])
                if iri not in found:
                    found.append(iri)
                words.update((w.casefold(), iri) for w in _WORD.findall(text))
        index.names = names
        index.words = sorted(words)
        return index

    def label(self, iri: str) -> str | None:
        """The canonical name of an IRI, if it has one."""
        return self.names.get(iri)

    def lookup(self, text: str) -> list[str]:
        """IRIs whose name is `text` (case-insensitive); aliases only when no name matches."""
        key = " ".join(text.split()).casefold()
        return list(self.by_name.get(key) or self.by_alias.get(key) or [])

    def complete(self, prefix: str, limit: int = 30) -> list[tuple[str, str]]:
        """(name, IRI) of entities with a word of their name or an alias starting with
        `prefix`, shortest names first."""
        key = prefix.casefold()
        if not key:
            return []
        seen: dict[str, str] = {}
        at = bisect.bisect_left(self.words, (key, ""))
        while at < len(self.words) and self.words[at][0].startswith(key):
            iri = self.words[at][1]
            if iri in self.names:
                seen.setdefault(iri, self.names[iri])
            at += 1
            if len(seen) >= limit * 4:  # enough to sort; never walk a huge tail
                break
        ranked = sorted(seen.items(), key=lambda item: (len(item[1]), item[1]))
        return [(name, iri) for iri, name in ranked[:limit]]


@contextlib.contextmanager
def bulk_objects() -> Iterator[None]:
    """Pause the cyclic garbage collector while building big indexes: every few hundred new
    containers it would walk all live objects, the query rows included, which doubled the
    time to build the entity graph of a 1M-triple store. Nothing built here is cyclic."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class PerGeneration(Generic[T]):
    """One value derived from a store (a name index, an entity graph), kept per store and
    rebuilt only when the store's generation changes. Thread-safe: the shell builds in the
    background while the prompt is up."""

    def __init__(self, build: Callable[[Reader, str], T]) -> None:
        self._build = build
        self._values: weakref.WeakKeyDictionary[Store, T] = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()

    def get(self, kb: Reader) -> T:
        """The value for the store as it is now."""
        generation = kb.store.generation()
        with self._lock:
            cached = self._values.get(kb.store)
            if cached is not None and cached.generation == generation:  # type: ignore[attr-defined]
                return cached
            value = self._build(kb, generation)
            self._values[kb.store] = value
            return value

    def last(self, kb: Reader) -> T | None:
        """The last value built for this store, whatever its generation (never queries)."""
        return self._values.get(kb.store)


def _build_label_index(kb: Reader, generation: str) -> LabelIndex:
    with bulk_objects():
        rows = kb.store.query(_LABELS_QUERY).rows
        return LabelIndex.build(rows, generation)


_INDEXES: PerGeneration[LabelIndex] = PerGeneration(_build_label_index)


def label_index(kb: Reader) -> LabelIndex:
    """The label index of the store as it is now, rebuilt only when its generation changed."""
    return _INDEXES.get(kb)


def cached_label_index(kb: Reader) -> LabelIndex | None:
    """The last index built for this store, whatever its generation (never queries)."""
    return _INDEXES.last(kb)


def resolve_entity(kb: Reader, text: str) -> str:
    """The IRI of the entity `text` names: an `<IRI>`, a full IRI, a prefixed name
    (`kbr:person/jeff-sessions`), or a name or alias in any case ("jeff sessions").

    Raises UnknownEntity when nothing matches (suggesting names that share a word) or when
    several entities match (listing them, so the caller can pick one by IRI).
    """
    raw = text.strip()
    iri = as_iri(raw, kb.prefixes)
    if iri is not None:
        try:
            node = ox.NamedNode(iri)
        except ValueError:
            raise UnknownEntity(f"{raw!r} is not a valid IRI") from None
        found = kb.store.query("ASK { ?s ?p ?o }", bindings={"s": node})
        if not found.boolean:
            raise UnknownEntity(f"no entity {raw} in the store")
        return iri
    index = label_index(kb)
    matches = index.lookup(raw)
    if len(matches) == 1:
        return matches[0]
    if matches:
        listed = "; ".join(_describe(iri, index, kb.prefixes) for iri in sorted(matches)[:10])
        err = UnknownEntity(
            f"{raw!r} is ambiguous: {len(matches)} entities match ({listed}); "
            "name one by its IRI or prefixed name"
        )
        err.candidates = sorted(matches)  # type: ignore[attr-defined]
        raise err
    near = _near(raw, index)
    hint = f"; did you mean {', '.join(_describe(i, index, kb.prefixes) for i in near)}?"
    err = UnknownEntity(f"no entity named {raw!r}{hint if near else ''}")
    err.candidates = near  # type: ignore[attr-defined]
    raise err


def as_iri(text: str, prefixes: Mapping[str, str]) -> str | None:
    if text.startswith("<") and text.endswith(">"):
        return text[1:-1]
    if text.startswith(("http://", "https://", "urn:")):
        return text
    m = _PREFIXED.fullmatch(text)
    if m and (m.group(1) or "") in prefixes:
        return prefixes[m.group(1) or ""] + m.group(2)
    return None


def _describe(iri: str, index: LabelIndex, prefixes: Mapping[str, str]) -> str:
    short = shorten_iri(iri, prefixes)
    name = index.label(iri)
    return f"{name} ({short})" if name else short


def _near(text: str, index: LabelIndex, limit: int = 5) -> list[str]:
    """Entities sharing a whole word with `text`, the likeliest meaning of a partial name."""
    hits: dict[str, int] = {}
    for word in _WORD.findall(text):
        for _, iri in index.complete(word, limit=50):
            hits[iri] = hits.get(iri, 0) + 1
    ranked = sorted(hits, key=lambda iri: (-hits[iri], len(index.names[iri]), index.names[iri]))
    return ranked[:limit]
