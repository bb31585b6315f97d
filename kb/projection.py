"""The entity graph: the store projected into networkx, entities as nodes, facts as edges.

The store holds facts as nodes (an event with kb:agent and kb:target, a quotation with its
speaker, a membership, a grant), which is right for SPARQL and wrong for "how are these two
people connected" or for a picture in Gephi: a path would spend hops on the fact nodes and on
documents, evidence mentions and concept schemes that connect everything to everything. So the
store is projected into an undirected networkx graph of entities only, where each fact becomes
a labelled edge (`Jeff Sessions -[threatened]-> Hartford`) that keeps the fact node, its date
and its evidence sentence, and plain entity-to-entity triples (`Hartford -[contained in
place]-> Connecticut`) stay edges. Building it reads a good part of the store (4-12 s at 1M
triples on this loaded 2-core machine, see bench/RESULTS-paths.md), so the projection is
cached per store and rebuilt only when `store.generation()` changes. Paths (kb.paths) search
it; the export (kb.export) selects from it.

networkx is imported only when a projection is built: opening a knowledge base and running
SPARQL never pay for it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

import pyoxigraph as ox

from kb.edge_labels import event_label, property_label
from kb.formats import shorten_iri
from kb.labels import PerGeneration, bulk_objects, label_index
from kb.ontology_index import ontology_tables
from kb.vocab import (
    EVENT_KEY,
    KB,
    OA,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SEM,
    SH,
    SKOS,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

    import networkx as nx

    from kb.reader import Reader
    from kb.store import Store

#: Fact classes: their instances become edges between the entities they link, never nodes.
FACT_KIND = {
    SEM.Event: "event",
    SCHEMA.Quotation: "statement",
    ORG.Membership: "membership",
    SCHEMA.MonetaryGrant: "grant",  # also stays a node: people ask for paths to "Byrne JAG"
}

#: Instances of these are never nodes: facts, evidence, documents, provenance, vocabulary.
HIDDEN = frozenset({
    SEM.Event, SCHEMA.Quotation, ORG.Membership,
    KB.Mention, OA.TextQuoteSelector, OA.TextPositionSelector,
    SCHEMA.Article, SCHEMA.NewsArticle, SCHEMA.Report,
    PROV.Activity, PROV.SoftwareAgent, PROV.Agent,
    KB.Correction, KB.Merge, KB.Split, KB.Rejection,  # corrections are records, not entities
    SKOS.Concept, SKOS.ConceptScheme, ORG.Role, SCHEMA.MonetaryAmount,
    OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.Ontology,
    RDFS.Datatype, SH.NodeShape,
})  # fmt: skip

#: Types that do not make a node an entity on their own.
NEUTRAL = frozenset({PROV.Entity, SCHEMA.CreativeWork, SCHEMA.Thing})

#: How each kind of fact becomes edges: (properties of the source ends, properties of the
#: target ends, edge label when the fact has no event type).
FACT_ENDS: dict[str, tuple[tuple[str, ...], tuple[str, ...], str]] = {
    "event": ((KB.agent,), (KB.target, KB.aboutLaw, KB.aboutGrant), "acted on"),
    "statement": ((SCHEMA.creator,), (SCHEMA.about,), "spoke about"),
    "membership": ((ORG.member,), (KB.post,), "held"),
    "grant": ((SCHEMA.funder,), (KB.recipient,), "funded"),
}


class Relation(NamedTuple):
    """One reason two entities are linked: a triple between them, or a fact collapsed into an
    edge. `source -> target` is the direction of the statement, whatever way a path walks it.
    (A named tuple: a 1M-triple store makes 130k of them, 3x faster than a frozen dataclass.)"""

    source: str
    target: str
    label: str
    predicate: str
    fact: str | None = None
    kind: str | None = None  # the event type, or the fact class, of a collapsed fact
    date: str | None = None
    evidence: str | None = None
    document: str | None = None

    def matches(self, iris: frozenset[str], labels: frozenset[str]) -> bool:
        """Whether `--via` allows this relation (by property, fact/event type or label)."""
        if self.predicate in iris or (self.kind is not None and self.kind in iris):
            return True
        if not labels:
            return False
        key = EVENT_KEY.get(self.kind or "")
        return self.label.casefold() in labels or (key is not None and key in labels)


@dataclass
class Projection:
    """The entity graph of one store generation: an undirected networkx Graph whose edges carry
    `rels`, the list of `Relation`s between the two entities."""

    generation: str
    graph: nx.Graph
    labels: dict[str, str]
    types: dict[str, frozenset[str]]
    seconds: float
    parents: dict[str, str] = field(default_factory=dict)  # nested event -> the event it is in

    def label(self, iri: str, prefixes: Mapping[str, str]) -> str:
        """The entity's name, else its shortened IRI."""
        return self.labels.get(iri) or shorten_iri(iri, prefixes)


# -- building the projection -----------------------------------------------------------------
#
# The store is read one predicate at a time (index range scans; on disk a FILTER over every
# triple, or an OPTIONAL per row, costs several times more) and joined here in dicts: the
# instances of the ontology's entity classes, entity-to-entity triples over its object
# properties, and per kind of fact its class, ends, date and event type. So the graph covers
# what ontology/kb.ttl declares; instances of other vocabularies' classes are not nodes.
# Evidence sentences are not read here at all: a path shows a handful, fetched for its own
# hops (`_with_evidence`).

#: Properties never followed as entity-to-entity edges: evidence and provenance bookkeeping,
#: links to concepts and amounts, and the properties of fact nodes (read per kind of fact).
NOT_EDGES = frozenset({
    RDF.type, KB.evidence, OA.hasSource, SCHEMA.mentions, SCHEMA.url, SCHEMA.sameAs, OWL.sameAs,
    PROV.wasQuotedFrom, PROV.wasDerivedFrom, PROV.wasGeneratedBy, PROV.wasAssociatedWith,
    ORG.role, SCHEMA.legislationType, SCHEMA.amount, SEM.eventType, KB.factuality,
    SKOS.inScheme, SKOS.broader, SKOS.topConceptOf, SKOS.hasTopConcept, SKOS.closeMatch,
    RDFS.subClassOf, RDFS.isDefinedBy, RDFS.seeAlso,
    KB.agent, KB.target, KB.aboutLaw, KB.aboutGrant, KB.threatenedAction, KB.condition,
    SCHEMA.creator, SCHEMA.about, ORG.member, KB.post, SEM.hasActor, SEM.hasPlace,
    SEM.hasSubEvent, SCHEMA.author, SCHEMA.publisher,
    KB.kept, KB.merged, KB.splitFrom, KB.splitInto, KB.inDocument, KB.rejected,
})  # fmt: skip

#: The date property of each kind of fact.
FACT_DATE = {
    "event": SEM.hasTimeStamp,
    "statement": SCHEMA.dateCreated,
    "membership": SCHEMA.validFrom,
    "grant": None,
}

FACT_KIND_CLASS = {kind: cls for cls, kind in FACT_KIND.items()}


def projection(kb: Reader) -> Projection:
    """The entity graph of the store as it is now; built once per store generation."""
    return _PROJECTIONS.get(kb)


def build_projection(kb: Reader, generation: str = "") -> Projection:
    """Read the store and build the entity graph (see the module docstring for the rules)."""
    with bulk_objects():
        return _build(kb, generation)


def _build(kb: Reader, generation: str) -> Projection:
    import networkx as nx

    started = time.perf_counter()
    store = kb.store
    types: dict[str, set[str]] = {}
    classes = " ".join(f"<{c}>" for c in sorted(entity_classes()))
    for s, t in store.query(
        f"SELECT ?s ?t WHERE {{ VALUES ?t {{ {classes} }} ?s <{RDF.type}> ?t }}"
    ).rows:
        types.setdefault(s.value, set()).add(t.value)  # type: ignore[union-attr]
    entities = {k for k, ts in types.items() if not ts <= NEUTRAL}

    edges: dict[tuple[str, str], list[Relation]] = {}
    for p in sorted(edge_properties()):
        label = property_label(p)
        for sv, ov in _pairs(store, p):
            if sv in entities and ov in entities and sv != ov:
                _add(edges, Relation(sv, ov, label, p))

    parents = {
        inner.value: outer.value  # type: ignore[union-attr]
        for outer, inner in store.query(
            f"SELECT ?outer ?inner WHERE {{ ?outer <{KB.threatenedAction}>|<{KB.condition}> "
            f"?inner FILTER(isIRI(?inner)) }}"
        ).rows
    }
    for kind in FACT_ENDS:
        for rel in _fact_edges(store, kind, entities, parents):
            _add(edges, rel)

    # Insertion order decides which of two equally short paths comes first: sort, so that every
    # store (whose rows come in its own order) gives the same paths and exports.
    graph = nx.Graph()
    graph.add_nodes_from(sorted(entities))
    graph.add_edges_from((u, v, {"rels": sorted(rels, key=_relation_order)})
                         for (u, v), rels in sorted(edges.items()))
    labels = dict(label_index(kb).names)
    frozen = {k: frozenset(types[k]) for k in entities}
    return Projection(generation, graph, labels, frozen, time.perf_counter() - started, parents)


def _relation_order(rel: Relation) -> tuple[str, ...]:
    return (rel.source, rel.target, rel.predicate, rel.fact or "", rel.label)


def _add(edges: dict[tuple[str, str], list[Relation]], rel: Relation) -> None:
    pair = (rel.source, rel.target) if rel.source < rel.target else (rel.target, rel.source)
    found = edges.get(pair)
    if found is None:
        edges[pair] = [rel]
    else:
        found.append(rel)


def _pairs(store: Store, prop: str, obj: str | None = None) -> list[tuple[str, str]]:
    """(subject, object) of every `prop` triple with IRI ends, or the subjects having `obj`.

    One predicate per query: an index range scan, the cheapest read there is (on disk an
    OPTIONAL per row costs a seek, and pre-joined queries were 3-5x slower)."""
    if obj is not None:
        rows = store.query(f"SELECT ?s WHERE {{ ?s <{prop}> <{obj}> }}").rows
        return [(s.value, obj) for (s,) in rows if type(s) is ox.NamedNode]  # type: ignore[union-attr]
    rows = store.query(f"SELECT ?s ?o WHERE {{ ?s <{prop}> ?o }}").rows
    return [(s.value, o.value) for s, o in rows if type(s) is ox.NamedNode]  # type: ignore[union-attr]


def _first(store: Store, prop: str, facts: set[str]) -> dict[str, str]:
    """fact -> its smallest value of `prop` (one value, the same on every run)."""
    out: dict[str, str] = {}
    for f, v in _pairs(store, prop):
        if f in facts and (f not in out or v < out[f]):
            out[f] = v
    return out


def _fact_edges(
    store: Store, kind: str, entities: set[str], parents: dict[str, str]
) -> list[Relation]:
    """The edges the facts of one kind stand for: every source end to every target end.

    An event with no agent ("Hartford was threatened over 8 U.S.C. 1373") links its targets to
    the laws and grants it is about. A nested event (a threat's threatened action) without its
    own date borrows the date of the event it sits in.
    """
    source_props, target_props, default_label = FACT_ENDS[kind]
    fact_class = FACT_KIND_CLASS[kind]
    facts = {f for f, _ in _pairs(store, RDF.type, fact_class)}
    sources: dict[str, list[str]] = {}
    for p in source_props:
        for f, o in _pairs(store, p):
            if f in facts and o in entities:
                sources.setdefault(f, []).append(o)
    targets: dict[str, list[tuple[str, str]]] = {}
    for p in target_props:
        for f, o in _pairs(store, p):
            if f in facts and o in entities:
                targets.setdefault(f, []).append((p, o))
    date_prop = FACT_DATE.get(kind)
    dates = _first(store, date_prop, facts) if date_prop else {}
    event = kind == "event"
    types = _first(store, SEM.eventType, facts) if event else {}
    factuality = _first(store, KB.factuality, facts) if event else {}
    out: list[Relation] = []
    for f, pairs in targets.items():
        from_ = sorted(set(sources.get(f, ())))
        label, fact_type = default_label, fact_class
        date = dates.get(f)
        if event:
            event_type = types.get(f)
            if event_type:
                label, fact_type = event_label(event_type, factuality.get(f)), event_type
            if not from_:
                from_ = [o for p, o in pairs if p == KB.target]
                pairs = [(p, o) for p, o in pairs if p != KB.target]
            if date is None and f in parents:
                date = dates.get(parents[f])
        for s in from_:
            for p, o in dict.fromkeys(pairs):
                if s != o:
                    out.append(Relation(s, o, label, p, f, fact_type, date))
    return out


def entity_classes() -> frozenset[str]:
    """The classes whose instances are entities (nodes): the classes of ontology/kb.ttl that
    are not facts, evidence, documents or vocabulary (HIDDEN), grants included."""
    return (ontology_tables().classes | {SCHEMA.MonetaryGrant}) - (HIDDEN | NEUTRAL)


def edge_properties() -> frozenset[str]:
    """The properties read as entity-to-entity edges: the object properties of
    ontology/kb.ttl that are not bookkeeping or fact properties (see NOT_EDGES)."""
    return ontology_tables().object_properties - NOT_EDGES


_PROJECTIONS: PerGeneration[Projection] = PerGeneration(build_projection)
