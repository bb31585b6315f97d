"""``kb merge``, ``kb split``, ``kb reject``, ``kb corrections`` and ``undo``: checking what the
user typed against the store, recording the correction, and re-deriving the documents it
changes in the same transaction (``kb.corrections_store``).

Bad input changes nothing and raises a ``UsageError`` (exit 2) in one line: a name that
matches no entity or several, an IRI that is no fact, an entity merged with itself or with
one of another kind (a person with a place), a split name the entity is never written as.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kb import iris
from kb.corrections import Correction, current_user, invalidation, next_id, now, read
from kb.corrections import record_quads as _record
from kb.corrections_store import rederive
from kb.documents import document_titles, find_documents
from kb.errors import UnknownEntity, UsageError
from kb.formats import shorten_iri
from kb.graph import FACT_CLASSES
from kb.labels import as_iri, resolve_entity
from kb.vocab import KB, OA, SCHEMA

if TYPE_CHECKING:
    from kb.reader import Reader

N = ox.NamedNode


def _exclusive(command: Callable[..., Correction]) -> Callable[..., Correction]:
    """Run a command under one hold of the store (``Store.session``: the write lock on disk),
    from the first check to the write: a `kb ingest` in another process waits, so no document
    arrives between working out what a correction changes and writing it."""

    @functools.wraps(command)
    def held(kb: Reader, *args: object, **kwargs: object) -> Correction:
        with kb.store.session():
            return command(kb, *args, **kwargs)

    return held


@_exclusive
def merge(kb: Reader, kept: str, merged: str, *, note: str | None = None) -> Correction:
    """``merged`` is the same entity as ``kept``: from now on every fact about it is about
    ``kept``, and its names are ``kept``'s aliases."""
    a, b = _entity(kb, kept), _entity(kb, merged)
    if a == b:
        raise UsageError(f"{kept!r} and {merged!r} are the same entity "
                         f"({shorten_iri(a, kb.prefixes)}): nothing to merge")
    ka, kb_ = iris.kind_of(a), iris.kind_of(b)
    if ka != kb_:
        raise UsageError(f"cannot merge a {ka} ({kept}) with a {kb_} ({merged}): "
                         "only entities of one kind are the same entity")
    _needs_documents(_rows(kb, f"SELECT ?d WHERE {{ GRAPH ?d {{ ?d <{SCHEMA.mentions}> ?b }} }}",
                           b=N(b)), merged)
    docs = _rows(kb, f"""
        SELECT DISTINCT ?d WHERE {{
          {{ GRAPH ?d {{ ?d <{SCHEMA.mentions}> ?b }} }}
          UNION {{ ?e ?p ?b . GRAPH ?d {{ ?d <{SCHEMA.mentions}> ?e }} }}
        }}""", b=N(b))
    return _make(kb, "merge", docs, entity=a, other=b, note=note)


@_exclusive
def split(kb: Reader, entity: str, name: str, *, document: str | None = None,
          note: str | None = None) -> Correction:
    """The mentions of ``entity`` written ``name`` (in ``document``, else everywhere) are
    another entity, minted from ``name``."""
    a = _entity(kb, entity)
    doc = _document(kb, document) if document else None
    forms = _rows(kb, f"""
        SELECT DISTINCT ?d ?x WHERE {{
          GRAPH ?d {{ ?a <{KB.evidence}> ?m . ?m <{OA.exact}> ?x }}
        }}""", a=N(a))
    _needs_documents([d for d, _ in forms], entity)
    in_scope = [(d, x) for d, x in forms if doc is None or d == doc]
    docs = sorted({d for d, x in in_scope if x == name})
    if not docs:
        written = ", ".join(repr(x) for x in sorted({x for _, x in in_scope})) or "nothing"
        where = " in that document" if doc else ""
        raise UsageError(f"{entity!r} is never written {name!r}{where} (it is written "
                         f"{written}); give one of those as --name")
    if doc is None and all(x == name for _, x in forms):
        raise UsageError(f"every mention of {entity!r} is written {name!r}: a split would "
                         "leave it nothing; name the document with --document")
    return _make(kb, "split", docs, entity=a, other=_new_entity(kb, a, name), name=name,
                 document=doc, note=note)


@_exclusive
def reject(kb: Reader, fact: str, *, note: str | None = None) -> Correction:
    """The fact (an event, statement, membership or grant, by IRI) is wrong: it goes from
    every query, question, path and export, and stays gone on re-ingest."""
    iri = as_iri(fact.strip(), kb.prefixes)
    if iri is None:
        raise UsageError(f"{fact!r} is not an IRI: give the fact's IRI or prefixed name "
                         "(kbr:document/.../event/1; `kb describe` and `\\why` show them)")
    try:
        node = N(iri)
    except ValueError:
        raise UsageError(f"{fact!r} is not a valid IRI") from None
    rows = kb.store.query("SELECT ?d ?c WHERE { GRAPH ?d { ?f a ?c } }",
                          bindings={"f": node}, union=False).rows
    docs = sorted({d.value for d, c in rows if c.value in FACT_CLASSES})  # type: ignore[union-attr]
    if not docs:
        raise UnknownEntity(f"no fact {fact} in the store (an event, statement, membership "
                            "or grant of an ingested document)")
    return _make(kb, "reject", docs, fact=iri, note=note)


@_exclusive
def undo(kb: Reader, ident: str | int) -> Correction:
    """Take a correction back: the documents it changed are re-derived without it; its
    record stays, marked invalidated."""
    try:
        number = int(str(ident).strip())
    except ValueError:
        raise UsageError(f"{ident!r} is not a correction id "
                         "(`kb corrections` lists them)") from None
    every = read(kb.store)
    found = [c for c in every if c.id == number]
    if not found:
        raise UnknownEntity(f"no correction {number} (`kb corrections` lists them)")
    if not found[0].active:
        raise UsageError(f"correction {number} was undone already ({found[0].undone})")
    before = [c for c in every if c.active]
    after = [c for c in before if c.id != number]
    rederive(kb.store, before, after, records=[invalidation(found[0], now())])
    return read_one(kb, number)


def corrections(kb: Reader) -> list[Correction]:
    """Every correction, undone ones included, in the order they were made."""
    return read(kb.store)


def read_one(kb: Reader, number: int) -> Correction:
    """One record as stored (after a write: what the store now says, not what was meant)."""
    return next(c for c in read(kb.store) if c.id == number)


# --- showing them ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One line of ``kb corrections``: id, kind, what, who, when, note, status."""

    id: int
    kind: str
    what: str
    who: str
    when: str
    note: str
    status: str

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


COLUMNS = ("id", "kind", "what", "who", "when", "note", "status")


def rows(kb: Reader, found: list[Correction]) -> list[Row]:
    """The corrections as people read them: IRIs by prefix, a split's document by title."""
    def short(iri: str | None) -> str:
        return shorten_iri(iri, kb.prefixes) if iri else ""

    titles = document_titles(kb.store, [c.document for c in found if c.document])
    out = []
    for c in found:
        if c.kind == "merge":
            what = f"{short(c.other)} into {short(c.entity)}"
        elif c.kind == "split":
            where = f" in {titles.get(c.document, short(c.document))}" if c.document else ""
            what = f"{c.name!r} of {short(c.entity)} is {short(c.other)}{where}"
        else:
            what = short(c.fact)
        status = f"undone {c.undone}" if c.undone else "active"
        out.append(Row(c.id, c.kind, what, c.user, c.time, c.note or "", status))
    return out


# --- helpers ---------------------------------------------------------------------------------


def _make(kb: Reader, kind: str, docs: list[str], **fields: str | None) -> Correction:
    every = read(kb.store)
    c = Correction(next_id(every), kind, user=current_user(), time=now(), **fields)  # type: ignore[arg-type]
    before = [x for x in every if x.active]
    rederive(kb.store, before, [*before, c], documents=docs, records=_record(c))
    return read_one(kb, c.id)


def _entity(kb: Reader, text: str) -> str:
    """The shared entity ``text`` names (a person, organisation, place, law or post)."""
    iri = resolve_entity(kb, text)
    if iris.kind_of(iri) is None:
        raise UsageError(f"{text!r} is not an entity of the graph (a person, organisation, "
                         f"place, law or post): {shorten_iri(iri, kb.prefixes)}")
    return iri


def _document(kb: Reader, spec: str) -> str:
    found = find_documents(kb.store, spec)
    if len(found) != 1:
        raise UnknownEntity(f"no document {spec!r} in the store" if not found else
                            f"{spec!r} names {len(found)} documents; give one IRI")
    return found[0]


def _needs_documents(docs: list[str], text: str) -> None:
    if not docs:
        raise UsageError(f"{text!r} is in no ingested document: corrections apply to what "
                         "ingest wrote")


def _rows(kb: Reader, sparql: str, **bindings: ox.NamedNode) -> list:  # noqa: ANN401
    rows = kb.store.query(sparql, bindings=bindings, union=False).rows
    values = [tuple(t.value for t in row) for row in rows]  # type: ignore[union-attr]
    return [v[0] if len(v) == 1 else v for v in values]


def _new_entity(kb: Reader, entity: str, name: str) -> str:
    """The split entity's IRI: beside ``entity`` (same kind, same parent), named by ``name``;
    with a number when that IRI is taken."""
    parent = entity.rsplit("/", 1)[0]
    base = f"{parent}/{iris.slug(name)}"
    candidate, n = base, 1
    while candidate == entity or kb.store.query(
            "ASK { { ?s ?p ?o } UNION { ?o ?p ?s } }", bindings={"s": N(candidate)}).boolean:
        n += 1
        candidate = f"{base}-{n}"
    return candidate

