"""User corrections as PROV-O records in their own named graph, and the per-document record of
what extraction wrote before corrections changed it.

Why records and not edits: a hand edit of the RDF is undone by the next re-ingest. A
correction is a statement about the graph (these two people are one; these mentions are
another person; this fact is wrong) that ingest applies to every document it writes
(``kb.corrections_apply``), so the store stays a function of the documents and the
corrections. Each is a resource of the corrections graph:

    <.../id/corrections/3> a kb:Merge ; schema:identifier "3" ;
        kb:kept <person/jeff-sessions> ; kb:merged <person/jefferson-sessions> ;
        prov:wasAssociatedWith <.../id/agent/alice> ; prov:startedAtTime "..."^^xsd:dateTime ;
        rdfs:comment "the same attorney general" .

Undoing one adds ``prov:invalidatedAtTime``: the record stays, for the history, and is no
longer applied. Ids are sequential per store (the next one after the largest ever given), so
``kb corrections undo 3`` names one for good.

A document that corrections changed keeps its uncorrected quads (its named graph and the
default-graph descriptions it contributed) as one N-Quads literal, ``<doc>
kb:uncorrectedQuads``, in its own graph: a correction added or undone later re-derives the
document from them, and re-ingest or ``kb forget`` replaces or drops them with the graph.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kb import iris
from kb.vocab import KB, PROV, RDF, RDFS, SCHEMA, XSD

if TYPE_CHECKING:
    from kb.store import Store

GRAPH = iris.resource("corrections")
"""The named graph of the correction records."""

KINDS = {"merge": KB.Merge, "split": KB.Split, "reject": KB.Rejection}
KIND_OF_CLASS = {cls: kind for kind, cls in KINDS.items()}

N = ox.NamedNode


@dataclass(frozen=True)
class Correction:
    """One correction record. ``entity``: the merge's kept entity or the split entity;
    ``other``: the merged entity or the split's new one; ``fact``: a rejected fact."""

    id: int
    kind: str
    entity: str | None = None
    other: str | None = None
    fact: str | None = None
    name: str | None = None
    document: str | None = None
    user: str = ""
    time: str = ""
    note: str | None = None
    undone: str | None = None

    @property
    def iri(self) -> str:
        return record_iri(self.id)

    @property
    def active(self) -> bool:
        return self.undone is None


def record_iri(number: int) -> str:
    return iris.resource("corrections", str(number))


def agent_iri(user: str) -> str:
    return iris.resource("agent", iris.slug(user))


def current_user() -> str:
    """Who makes the correction: the login name (PROV's associated agent)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (some containers): still a record
        return "unknown"


def now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


# --- reading ---------------------------------------------------------------------------------

_READ = f"""
SELECT ?c ?kind ?id ?entity ?other ?fact ?name ?doc ?user ?time ?note ?undone WHERE {{
  GRAPH ?g {{
    ?c a ?kind ; <{SCHEMA.identifier}> ?id .
    VALUES ?kind {{ {" ".join(f"<{c}>" for c in KINDS.values())} }}
    OPTIONAL {{ ?c <{KB.kept}>|<{KB.splitFrom}> ?entity }}
    OPTIONAL {{ ?c <{KB.merged}>|<{KB.splitInto}> ?other }}
    OPTIONAL {{ ?c <{KB.rejected}> ?fact }}
    OPTIONAL {{ ?c <{KB.surfaceForm}> ?name }}
    OPTIONAL {{ ?c <{KB.inDocument}> ?doc }}
    OPTIONAL {{ ?c <{PROV.wasAssociatedWith}> ?agent . ?agent <{RDFS.label}> ?user }}
    OPTIONAL {{ ?c <{PROV.startedAtTime}> ?time }}
    OPTIONAL {{ ?c <{RDFS.comment}> ?note }}
    OPTIONAL {{ ?c <{PROV.invalidatedAtTime}> ?undone }}
  }}
}}"""


def read(store: Store) -> list[Correction]:
    """Every correction record, undone ones included, by id."""
    rows = store.query(_READ, bindings={"g": N(GRAPH)}, union=False).rows
    found: dict[int, Correction] = {}
    for _c, kind, ident, entity, other, fact, name, doc, user, time, note, undone in rows:
        try:
            number = int(ident.value)  # type: ignore[union-attr]
        except ValueError:
            continue  # a hand-written record with another id scheme: not ours to apply
        found[number] = Correction(
            number, KIND_OF_CLASS[kind.value], _v(entity), _v(other), _v(fact), _v(name),  # type: ignore[union-attr]
            _v(doc), _v(user) or "", _v(time) or "", _v(note), _v(undone))
    return [found[k] for k in sorted(found)]


_ANY_ACTIVE = f"""ASK {{ GRAPH ?g {{ ?c <{SCHEMA.identifier}> ?id
    FILTER NOT EXISTS {{ ?c <{PROV.invalidatedAtTime}> ?t }} }} }}"""


def active(store: Store) -> list[Correction]:
    """The corrections to apply, in the order they were made. Ingest asks for every
    document: a store with none answers from one index lookup (0.1-0.3 ms, against ~2.5 ms
    for reading the records)."""
    if not store.query(_ANY_ACTIVE, bindings={"g": N(GRAPH)}, union=False).boolean:
        return []
    return [c for c in read(store) if c.active]


def _v(term: object) -> str | None:
    return None if term is None else term.value  # type: ignore[attr-defined]


def next_id(corrections: list[Correction]) -> int:
    return max((c.id for c in corrections), default=0) + 1


# --- writing ---------------------------------------------------------------------------------


def record_quads(c: Correction) -> list[ox.Quad]:
    """The triples of one record (and of its user as a prov:Agent), in the corrections graph."""
    g, s = N(GRAPH), N(c.iri)
    agent = N(agent_iri(c.user))
    links = {KB.kept if c.kind == "merge" else KB.splitFrom: c.entity,
             KB.merged if c.kind == "merge" else KB.splitInto: c.other,
             KB.rejected: c.fact, KB.inDocument: c.document}
    quads = [ox.Quad(s, N(RDF.type), N(KINDS[c.kind]), g),
             ox.Quad(s, N(SCHEMA.identifier), ox.Literal(str(c.id)), g),
             ox.Quad(s, N(PROV.wasAssociatedWith), agent, g),
             ox.Quad(agent, N(RDF.type), N(PROV.Agent), g),
             ox.Quad(agent, N(RDFS.label), ox.Literal(c.user), g),
             ox.Quad(s, N(PROV.startedAtTime), ox.Literal(c.time, datatype=N(XSD.dateTime)), g)]
    quads += [ox.Quad(s, N(p), N(o), g) for p, o in links.items() if o]
    if c.name is not None:
        quads.append(ox.Quad(s, N(KB.surfaceForm), ox.Literal(c.name), g))
    if c.note:
        quads.append(ox.Quad(s, N(RDFS.comment), ox.Literal(c.note), g))
    return quads


def invalidation(c: Correction, time: str) -> ox.Quad:
    """The quad that marks a record undone."""
    return ox.Quad(N(c.iri), N(PROV.invalidatedAtTime),
                   ox.Literal(time, datatype=N(XSD.dateTime)), N(GRAPH))


# --- uncorrected quads of a document -----------------------------------------------------------


def encode(graph_quads: list[ox.Quad], shared: list[ox.Quad]) -> ox.Literal:
    """A document's uncorrected quads as one literal: its graph's quads with their graph
    name, the shared ones in the default graph, in the order given."""
    data = ox.serialize([*graph_quads, *shared], format=ox.RdfFormat.N_QUADS)
    return ox.Literal(data.decode("utf-8") if data else "")


def decode(text: str) -> tuple[list[ox.Quad], list[ox.Quad]]:
    """The inverse of ``encode``: (document-graph quads, default-graph quads)."""
    quads = list(ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS))
    named = [q for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)]
    default = [q for q in quads if isinstance(q.graph_name, ox.DefaultGraph)]
    return named, default


def snapshot_quad(document: str, literal: ox.Literal) -> ox.Quad:
    return ox.Quad(N(document), N(KB.uncorrectedQuads), literal, N(document))


def snapshots(store: Store) -> dict[str, str]:
    """Document IRI -> its uncorrected quads (N-Quads text), for every corrected document."""
    rows = store.query(f"SELECT ?d ?q WHERE {{ GRAPH ?d {{ ?d <{KB.uncorrectedQuads}> ?q }} }}",
                       union=False).rows
    return {d.value: q.value for d, q in rows}  # type: ignore[union-attr]
