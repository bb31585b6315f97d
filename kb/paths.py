"""How is A connected to B: paths over the entity graph, each hop with its evidence.

The store holds facts as nodes (an event with kb:agent and kb:target, a quotation with its
speaker, a membership, a grant), which is right for SPARQL and wrong for "how are these two
people connected": a path would spend hops on the fact nodes and on documents, evidence
mentions and concept schemes that connect everything to everything. So the store is projected
into an undirected networkx graph of entities only, where each fact becomes a labelled edge
(`Jeff Sessions -[threatened]-> Hartford`) that keeps the fact node, its date and its evidence
sentence, and plain entity-to-entity triples (`Hartford -[contained in place]-> Connecticut`)
stay edges. Building it reads a good part of the store (4-12 s at 1M triples on this loaded
2-core machine, see bench/RESULTS-paths.md), so the projection is cached per store and rebuilt
only when `store.generation()` changes.

networkx is imported only when a projection is built or searched: opening a knowledge base
and running SPARQL never pay for it.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

import pyoxigraph as ox

from kb.errors import UsageError
from kb.formats import shorten_iri
from kb.labels import PerGeneration, as_iri, bulk_objects, label_index, resolve_entity
from kb.store.base import QueryResult
from kb.vocab import (
    EVENT,
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
    import networkx as nx

    from kb.reader import Reader
    from kb.store import Store

__all__ = [
    "Hop",
    "Path",
    "PathResult",
    "Projection",
    "Relation",
    "evidence_for",
    "projection",
    "resolve_entity",
    "shortest_paths",
]

#: The most paths one request may ask for: "all shortest paths" can explode (1,417 for one
#: pair at 1M triples), so every request is capped.
MAX_PATHS = 100

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
    PROV.Activity, PROV.SoftwareAgent,
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

#: Event-type key (kb:key in events.ttl) -> (base form, past tense) of the edge label.
_VERBS = {
    "threaten": ("threaten", "threatened"), "sign": ("sign", "signed"),
    "enact": ("enact", "enacted"), "sue": ("sue", "sued"), "rule": ("rule on", "ruled on"),
    "deny": ("deny", "denied"), "announce": ("announce", "announced"),
    "award": ("award", "awarded"), "withhold": ("withhold", "withheld"),
    "release": ("release", "released"), "warn": ("warn", "warned"),
    "comply": ("comply with", "complied with"),
}  # fmt: skip

#: Event types under kb:key "other" whose local name is not a verb phrase.
_OTHER_VERBS = {
    "public_statement": ("make a statement about", "made a statement about"),
    "make_statement": ("make a statement about", "made a statement about"),
    "diplomatic_cooperation": ("cooperate with", "cooperated with"),
    "yielding": ("yield to", "yielded to"),
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


@dataclass(frozen=True)
class Hop:
    """One step of a path, in the order the path walks it."""

    start: str
    end: str
    start_label: str
    end_label: str
    relation: Relation
    alternatives: int = 0  # further relations between the same two entities

    @property
    def forward(self) -> bool:
        return self.relation.source == self.start

    def text(self) -> str:
        """`Jeff Sessions -[threatened]-> Hartford (2017-03-27): "sentence"`."""
        r = self.relation
        arrow = f"-[{r.label}]->" if self.forward else f"<-[{r.label}]-"
        out = f"{self.start_label} {arrow} {self.end_label}"
        if r.date:
            out += f" ({r.date})"
        if r.evidence:
            out += f': "{r.evidence}"'
        return out

    def as_dict(self) -> dict[str, Any]:
        r = self.relation
        return {
            "from": self.start, "from_label": self.start_label,
            "to": self.end, "to_label": self.end_label,
            "relation": r.label, "forward": self.forward, "predicate": r.predicate,
            "fact": r.fact, "type": r.kind, "date": r.date,
            "evidence": r.evidence, "document": r.document,
        }  # fmt: skip


@dataclass(frozen=True)
class Path:
    hops: tuple[Hop, ...]

    @property
    def nodes(self) -> tuple[str, ...]:
        return (self.hops[0].start, *(h.end for h in self.hops)) if self.hops else ()

    def text(self) -> str:
        return "\n".join(h.text() for h in self.hops)


@dataclass(frozen=True)
class PathResult:
    """The answer to one path request. `complete` is False when the time limit stopped the
    search before `k` paths within `max_hops` were found or ruled out."""

    source: str
    target: str
    source_label: str
    target_label: str
    paths: tuple[Path, ...]
    complete: bool
    max_hops: int
    elapsed: float

    def __len__(self) -> int:
        return len(self.paths)

    def text(self) -> str:
        """Paths numbered and indented, for people; one line when there is none."""
        if not self.paths:
            out = (
                f"no path between {self.source_label} and {self.target_label} "
                f"within {self.max_hops} hops"
            )
            return out + ("" if self.complete else " (search stopped at the time limit)")
        lines: list[str] = []
        for i, path in enumerate(self.paths, 1):
            n = len(path.hops)
            lines.append(f"path {i} ({n} hop{'' if n == 1 else 's'})")
            lines += [f"  {hop.text()}" for hop in path.hops]
        if not self.complete:
            lines.append("(search stopped at the time limit; more paths may exist)")
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source, "target": self.target, "complete": self.complete,
            "paths": [[h.as_dict() for h in p.hops] for p in self.paths],
        }  # fmt: skip


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
})  # fmt: skip

#: The date property of each kind of fact.
FACT_DATE = {
    "event": SEM.hasTimeStamp,
    "statement": SCHEMA.dateCreated,
    "membership": SCHEMA.validFrom,
    "grant": None,
}

def projection(kb: Reader) -> Projection:
    """The entity graph of the store as it is now; built once per store generation."""
    return _PROJECTIONS.get(kb)


def _iris(values: Iterable[str]) -> str:
    return ", ".join(f"<{v}>" for v in sorted(values))


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
    prop_label = _property_labels()
    for p in sorted(edge_properties()):
        label = prop_label.get(p) or _words(p)
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
            pair = (rel.source, rel.target) if rel.source < rel.target else (rel.target, rel.source)
            found = edges.get(pair)
            if found is None:
                edges[pair] = [rel]
            else:
                found.append(rel)

    graph = nx.Graph()
    graph.add_nodes_from(entities)
    graph.add_edges_from((u, v, {"rels": rels}) for (u, v), rels in edges.items())
    labels = dict(label_index(kb).names)
    frozen = {k: frozenset(types[k]) for k in entities}
    return Projection(generation, graph, labels, frozen, time.perf_counter() - started, parents)


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


FACT_KIND_CLASS = {kind: cls for cls, kind in FACT_KIND.items()}


@lru_cache(maxsize=1024)
def event_label(event_type: str | None, factuality: str | None = None) -> str:
    """The edge label of an event: `threatened`, `did not sue`, `might withhold`."""
    key = EVENT_KEY.get(event_type or "")
    if key in _VERBS:
        base, past = _VERBS[key]
    elif event_type and event_type.startswith(EVENT.base):
        local = event_type[len(EVENT.base) :]
        base, past = _OTHER_VERBS.get(local) or _verb_phrase(local)
    else:
        base, past = "act on", "acted on"
    if factuality == KB.negated:
        return f"did not {base}"
    if factuality == KB.hypothetical:
        return f"might {base}"
    if factuality == KB.future:
        return f"will {base}"
    return past


def _verb_phrase(local: str) -> tuple[str, str]:
    """`demand_policy_change` -> ("demand policy change", "demanded policy change")."""
    verb, *rest = local.split("_")
    if verb.endswith("e"):
        past = verb + "d"
    elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
        past = verb[:-1] + "ied"
    else:
        past = verb + "ed"
    tail = (" " + " ".join(rest)) if rest else ""
    return verb + tail, past + tail


def _words(iri: str) -> str:
    """A readable label from a property's local name: `containedInPlace` -> `contained in place`."""
    local = iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    out = "".join(" " + c.lower() if c.isupper() else c for c in local)
    return out.replace("_", " ").strip() or iri


@lru_cache(maxsize=1)
def _ontology() -> tuple[dict[str, str], dict[str, frozenset[str]], frozenset[str], frozenset[str]]:
    """Labels, direct subclasses, object properties and classes declared in ontology/kb.ttl."""
    from importlib import resources

    data = resources.files("ontology").joinpath("kb.ttl").read_bytes()
    labels: dict[str, str] = {}
    children: dict[str, set[str]] = {}
    object_properties: set[str] = set()
    classes: set[str] = set()
    for t in ox.parse(data, format=ox.RdfFormat.TURTLE):
        if not isinstance(t.subject, ox.NamedNode):
            continue
        if t.predicate.value == RDFS.label and isinstance(t.object, ox.Literal):
            labels.setdefault(t.subject.value, t.object.value)
        elif t.predicate.value == RDFS.subClassOf and isinstance(t.object, ox.NamedNode):
            children.setdefault(t.object.value, set()).add(t.subject.value)
        elif t.predicate.value == RDF.type and t.object == ox.NamedNode(OWL.ObjectProperty):
            object_properties.add(t.subject.value)
        elif t.predicate.value == RDF.type and t.object == ox.NamedNode(OWL.Class):
            classes.add(t.subject.value)
    return (
        labels,
        {k: frozenset(v) for k, v in children.items()},
        frozenset(object_properties),
        frozenset(classes),
    )


def entity_classes() -> frozenset[str]:
    """The classes whose instances are entities (nodes): the classes of ontology/kb.ttl that
    are not facts, evidence, documents or vocabulary (HIDDEN), grants included."""
    return (_ontology()[3] | {SCHEMA.MonetaryGrant}) - (HIDDEN | NEUTRAL)


def edge_properties() -> frozenset[str]:
    """The properties read as entity-to-entity edges: the object properties of
    ontology/kb.ttl that are not bookkeeping or fact properties (see NOT_EDGES)."""
    return _ontology()[2] - NOT_EDGES


def _property_labels() -> dict[str, str]:
    return _ontology()[0]


def with_subclasses(classes: Iterable[str]) -> frozenset[str]:
    """The classes and every subclass of them that ontology/kb.ttl declares."""
    children = _ontology()[1]
    out: set[str] = set()
    todo = list(classes)
    while todo:
        c = todo.pop()
        if c not in out:
            out.add(c)
            todo.extend(children.get(c, ()))
    return frozenset(out)


# -- searching ------------------------------------------------------------------------------


class _OutOfTime(Exception):
    pass


def shortest_paths(
    kb: Reader,
    a: str,
    b: str,
    *,
    k: int = 1,
    max_hops: int = 6,
    via: Iterable[str] | None = None,
    node_types: Iterable[str] | None = None,
    timeout: float = 10.0,
) -> PathResult:
    """The `k` shortest simple paths between two entities, shortest first.

    `a` and `b` are names, aliases, prefixed names or IRIs (see `resolve_entity`). `via` limits
    the edges to some properties, fact/event types or labels (`kb:target`, `kbe:threaten`,
    `threatened`, `schema:containedInPlace`); `node_types` limits the entities a path may pass
    through (subclasses included; the two ends are exempt). Paths longer than `max_hops` are
    not returned, and the search stops after `timeout` seconds with what it has
    (`PathResult.complete` is then False).
    """
    if not 1 <= k <= MAX_PATHS:
        raise UsageError(f"k must be between 1 and {MAX_PATHS}, got {k}")
    if max_hops < 1:
        raise UsageError(f"max hops must be at least 1, got {max_hops}")
    started = time.perf_counter()
    source, target = resolve_entity(kb, a), resolve_entity(kb, b)
    prefixes = kb.prefixes
    proj = projection(kb)
    via_iris, via_labels = _via_filter(via, prefixes)
    allowed = class_filter(node_types, prefixes)
    deadline = time.monotonic() + timeout
    graph = _view(proj, source, target, via_iris, via_labels, allowed, deadline)
    found, complete = _search(graph, source, target, k, max_hops, deadline)
    paths = _with_evidence(
        kb, proj, [_path(proj, nodes, via_iris, via_labels, prefixes) for nodes in found]
    )
    return PathResult(
        source,
        target,
        proj.label(source, prefixes),
        proj.label(target, prefixes),
        paths,
        complete,
        max_hops,
        time.perf_counter() - started,
    )


def _via_filter(
    via: Iterable[str] | None, prefixes: Mapping[str, str]
) -> tuple[frozenset[str], frozenset[str]]:
    iris: set[str] = set()
    labels: set[str] = set()
    for item in via or ():
        iri = as_iri(item.strip(), prefixes)
        if iri is not None:
            iris.add(iri)
        else:
            labels.add(" ".join(item.split()).casefold())
    return frozenset(iris), frozenset(labels)


def class_filter(
    types: Iterable[str] | None, prefixes: Mapping[str, str], what: str = "node type"
) -> frozenset[str] | None:
    """Classes named by IRI or prefixed name, with their subclasses; None when none given.
    `what` names the option in the error (paths say "node type", export "--type")."""
    if not types:
        return None
    classes = []
    for item in types:
        iri = as_iri(item.strip(), prefixes)
        if iri is None:
            raise UsageError(
                f"{what} {item!r} is not a class IRI or prefixed name (e.g. schema:Person)"
            )
        classes.append(iri)
    return with_subclasses(classes)


def _view(
    proj: Projection,
    source: str,
    target: str,
    via_iris: frozenset[str],
    via_labels: frozenset[str],
    allowed: frozenset[str] | None,
    deadline: float,
) -> nx.Graph:
    """The graph to search: the projection itself, or a filtered view of it. Filters run on
    every edge the search looks at, so they also enforce the time limit."""
    if not via_iris and not via_labels and allowed is None:
        return proj.graph
    import networkx as nx

    graph = proj.graph
    calls = [0]

    def tick() -> None:
        calls[0] += 1
        if calls[0] % 4096 == 0 and time.monotonic() > deadline:
            raise _OutOfTime

    def keep_node(n: str) -> bool:
        tick()
        return n in (source, target) or not allowed or not proj.types[n].isdisjoint(allowed)

    def keep_edge(u: str, v: str) -> bool:
        tick()
        if not via_iris and not via_labels:
            return True
        return any(r.matches(via_iris, via_labels) for r in graph[u][v]["rels"])

    return nx.subgraph_view(graph, filter_node=keep_node, filter_edge=keep_edge)


def _search(
    graph: nx.Graph, source: str, target: str, k: int, max_hops: int, deadline: float
) -> tuple[list[list[str]], bool]:
    """Yen's k shortest simple paths (networkx), stopped by the hop limit, the cap and the
    clock. Returns the node lists and whether the search ran to its end."""
    import networkx as nx

    found: list[list[str]] = []
    if source not in graph or target not in graph or source == target:
        return found, True
    try:
        for nodes in nx.shortest_simple_paths(graph, source, target):
            if len(nodes) - 1 > max_hops:
                break
            found.append(nodes)
            if len(found) >= k:
                break
            if time.monotonic() > deadline:
                return found, False
    except nx.NetworkXNoPath:
        pass
    except _OutOfTime:
        return found, False
    return found, True


def _path(
    proj: Projection,
    nodes: list[str],
    via_iris: frozenset[str],
    via_labels: frozenset[str],
    prefixes: Mapping[str, str],
) -> Path:
    hops = []
    for u, v in zip(nodes, nodes[1:], strict=False):
        rels: list[Relation] = proj.graph[u][v]["rels"]
        if via_iris or via_labels:
            rels = [r for r in rels if r.matches(via_iris, via_labels)] or rels
        best = min(rels, key=_preference)
        hops.append(
            Hop(u, v, proj.label(u, prefixes), proj.label(v, prefixes), best, len(rels) - 1)
        )
    return Path(tuple(hops))


def _preference(rel: Relation) -> tuple[bool, bool, str, str]:
    """Show facts before plain triples, dated ones first; stable order."""
    return (rel.fact is None, rel.date is None, rel.label, rel.fact or "")


def _with_evidence(kb: Reader, proj: Projection, paths: list[Path]) -> tuple[Path, ...]:
    """The paths with the evidence sentence and document of each hop's fact: one query for
    the few facts shown (a nested event without evidence of its own shows its outer event's)."""
    facts = {h.relation.fact for p in paths for h in p.hops if h.relation.fact}
    asked = facts | {proj.parents[f] for f in facts if f in proj.parents}
    found = _evidence(kb, asked)
    out = []
    for p in paths:
        hops = []
        for h in p.hops:
            f = h.relation.fact
            ev = found.get(f) or found.get(proj.parents.get(f, "")) if f else None
            if ev:
                h = replace(h, relation=h.relation._replace(evidence=ev[0], document=ev[1]))
            hops.append(h)
        out.append(Path(tuple(hops)))
    return tuple(out)


def _evidence(kb: Reader, facts: Iterable[str]) -> dict[str, tuple[str, str | None]]:
    """fact -> (sentence, document) of one of its evidence mentions (the shortest sentence:
    the one most likely to be about this fact alone)."""
    best: dict[str, tuple[int, str, str]] = {}
    for f, text, doc in evidence_for(kb, facts, limit=10_000).rows:
        key = f.value  # type: ignore[union-attr]
        candidate = (len(text.value), text.value, doc.value if doc is not None else "")  # type: ignore[union-attr]
        if key not in best or candidate < best[key]:
            best[key] = candidate
    return {k: (text, doc or None) for k, (_, text, doc) in best.items()}


# -- evidence of arbitrary nodes (the shell's \\why) -----------------------------------------


def evidence_for(kb: Reader, iris: Iterable[str], limit: int = 200) -> QueryResult:
    """The evidence sentences (and their documents) of the given fact or entity IRIs."""
    terms = " ".join(str(ox.NamedNode(i)) for i in dict.fromkeys(iris))
    if not terms:
        return QueryResult("select", ("node", "sentence", "document"))
    return kb.store.query(
        f"SELECT ?node ?sentence ?document WHERE {{ VALUES ?node {{ {terms} }} "
        f"?node <{KB.evidence}> ?m . ?m <{OA.exact}> ?sentence "
        f"OPTIONAL {{ ?m <{OA.hasSource}> ?document }} }} ORDER BY ?node ?sentence LIMIT {limit}"
    )


_PROJECTIONS: PerGeneration[Projection] = PerGeneration(build_projection)
