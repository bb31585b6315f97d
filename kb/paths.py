"""How is A connected to B: paths over the entity graph, each hop with its evidence.

The store holds facts as nodes (an event with kb:agent and kb:target, a quotation with its
speaker, a membership, a grant), which is right for SPARQL and wrong for "how are these two
people connected": a path would spend hops on the fact nodes and on documents, evidence
mentions and concept schemes that connect everything to everything. So the store is projected
into an undirected networkx graph of entities only, where each fact becomes a labelled edge
(`Jeff Sessions -[threatened]-> Hartford`) that keeps the fact node, its date and its evidence
sentence, and plain entity-to-entity triples (`Hartford -[contained in place]-> Connecticut`)
stay edges. Building it reads the whole store (about 2-4 s at 1M triples), so the projection is
cached per store and rebuilt only when `store.generation()` changes.

networkx is imported only when a projection is built or searched: opening a knowledge base
and running SPARQL never pay for it.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kb.errors import UsageError
from kb.formats import shorten_iri
from kb.labels import as_iri, label_index, resolve_entity
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

    from kb.api import KnowledgeBase
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

#: Properties giving a fact its date, in order of preference.
DATE_PROPERTIES = (SEM.hasTimeStamp, SCHEMA.dateCreated, SCHEMA.validFrom)

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


@dataclass(frozen=True, slots=True)
class Relation:
    """One reason two entities are linked: a triple between them, or a fact collapsed into an
    edge. `source -> target` is the direction of the statement, whatever way a path walks it."""

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


_CACHE: weakref.WeakKeyDictionary[Store, Projection] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def projection(kb: KnowledgeBase) -> Projection:
    """The entity graph of the store as it is now; built once per store generation."""
    generation = kb.store.generation()
    with _LOCK:
        cached = _CACHE.get(kb.store)
        if cached is not None and cached.generation == generation:
            return cached
        built = build_projection(kb, generation)
        _CACHE[kb.store] = built
        return built


def _key(term: object) -> str:
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value  # type: ignore[attr-defined]


def build_projection(kb: KnowledgeBase, generation: str = "") -> Projection:
    """Read the store and build the entity graph (see the module docstring for the rules)."""
    import networkx as nx

    started = time.perf_counter()
    store = kb.store
    types: dict[str, set[str]] = {}
    for s, t in store.query(f"SELECT ?s ?t WHERE {{ ?s <{RDF.type}> ?t }}").rows:
        if isinstance(t, ox.NamedNode):
            types.setdefault(_key(s), set()).add(t.value)
    entities = {k for k, ts in types.items() if _is_entity(k, ts)}
    facts = {k: kind for k, ts in types.items() for c, kind in FACT_KIND.items() if c in ts}

    edges: dict[tuple[str, str], list[Relation]] = {}
    fact_links: dict[str, list[tuple[str, str]]] = {}
    prop_label = _property_labels()
    links = store.query(
        f"SELECT ?s ?p ?o WHERE {{ ?s ?p ?o FILTER(!isLiteral(?o) && ?p != <{RDF.type}>) }}"
    ).rows
    for s_term, p_term, o_term in links:
        s, p, o = _key(s_term), p_term.value, _key(o_term)  # type: ignore[union-attr]
        if s in facts:
            fact_links.setdefault(s, []).append((p, o))
        if s in entities and o in entities and s != o:
            label = prop_label.get(p) or _words(p)
            _add(edges, Relation(s, o, label, p))

    dates = _first_values(store, DATE_PROPERTIES)
    evidence = _evidence(store)
    parent = {
        o: s
        for s, pairs in fact_links.items()
        for p, o in pairs
        if p in (KB.threatenedAction, KB.condition)
    }
    for fact, pairs in fact_links.items():
        for rel in _collapse(fact, facts[fact], pairs, entities, dates, evidence, parent):
            _add(edges, rel)

    graph = nx.Graph()
    graph.add_nodes_from(entities)
    graph.add_edges_from((u, v, {"rels": rels}) for (u, v), rels in edges.items())
    labels = dict(label_index(kb).names)
    frozen = {k: frozenset(types[k]) for k in entities}
    return Projection(generation, graph, labels, frozen, time.perf_counter() - started)


def _is_entity(key: str, types: set[str]) -> bool:
    if key.startswith("_:") or not types.isdisjoint(HIDDEN):
        return False
    return not types <= NEUTRAL


def _add(edges: dict[tuple[str, str], list[Relation]], rel: Relation) -> None:
    pair = (rel.source, rel.target) if rel.source < rel.target else (rel.target, rel.source)
    edges.setdefault(pair, []).append(rel)


def _collapse(
    fact: str,
    kind: str,
    pairs: list[tuple[str, str]],
    entities: set[str],
    dates: dict[str, str],
    evidence: dict[str, tuple[str, str | None]],
    parent: dict[str, str],
) -> Iterable[Relation]:
    """The edges one fact node stands for: every source end to every target end.

    An event with no agent ("Hartford was threatened over 8 U.S.C. 1373") links its targets to
    the laws and grants it is about. A nested event (a threat's threatened action) borrows the
    date and evidence of the event it sits in, which is where the sentence is recorded.
    """
    source_props, target_props, default_label = FACT_ENDS[kind]
    sources = [o for p, o in pairs if p in source_props and o in entities]
    targets = [(p, o) for p, o in pairs if p in target_props and o in entities]
    fact_type = FACT_KIND_CLASS[kind]
    label = default_label
    if kind == "event":
        event_type = next((o for p, o in pairs if p == SEM.eventType), None)
        factuality = next((o for p, o in pairs if p == KB.factuality), None)
        label = event_label(event_type, factuality) if event_type else default_label
        fact_type = event_type or fact_type
        if not sources:
            sources = [o for p, o in targets if p == KB.target]
            targets = [(p, o) for p, o in targets if p != KB.target]
    outer = parent.get(fact)
    date = dates.get(fact) or (dates.get(outer) if outer else None)
    found = evidence.get(fact) or (evidence.get(outer) if outer else None)
    sentence, document = found if found else (None, None)
    for s in sources:
        for p, o in targets:
            if s != o:
                yield Relation(s, o, label, p, fact, fact_type, date, sentence, document)


FACT_KIND_CLASS = {kind: cls for cls, kind in FACT_KIND.items()}


def _first_values(store: Store, props: tuple[str, ...]) -> dict[str, str]:
    """fact -> the value of the first of `props` it has (the smallest when it has several)."""
    values = " ".join(f"<{p}>" for p in props)
    rows = store.query(f"SELECT ?f ?p ?v WHERE {{ VALUES ?p {{ {values} }} ?f ?p ?v }}").rows
    rank = {p: i for i, p in enumerate(props)}
    best: dict[str, tuple[int, str]] = {}
    for f, p, v in rows:
        key, candidate = _key(f), (rank[p.value], v.value)  # type: ignore[union-attr]
        if key not in best or candidate < best[key]:
            best[key] = candidate
    return {k: v for k, (_, v) in best.items()}


def _evidence(store: Store) -> dict[str, tuple[str, str | None]]:
    """fact -> (sentence, document) of one of its evidence mentions (the shortest sentence:
    the one most likely to be about this fact alone)."""
    rows = store.query(
        f"SELECT ?f ?text ?doc WHERE {{ ?f <{KB.evidence}> ?m . ?m <{OA.exact}> ?text "
        f"OPTIONAL {{ ?m <{OA.hasSource}> ?doc }} }}"
    ).rows
    best: dict[str, tuple[int, str, str]] = {}
    for f, text, doc in rows:
        key = _key(f)
        candidate = (len(text.value), text.value, doc.value if doc is not None else "")  # type: ignore[union-attr]
        if key not in best or candidate < best[key]:
            best[key] = candidate
    return {k: (text, doc or None) for k, (_, text, doc) in best.items()}


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
def _ontology() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """Property and class labels, and direct subclasses, from ontology/kb.ttl."""
    from importlib import resources

    data = resources.files("ontology").joinpath("kb.ttl").read_bytes()
    labels: dict[str, str] = {}
    children: dict[str, set[str]] = {}
    for t in ox.parse(data, format=ox.RdfFormat.TURTLE):
        if not isinstance(t.subject, ox.NamedNode):
            continue
        if t.predicate.value == RDFS.label and isinstance(t.object, ox.Literal):
            labels.setdefault(t.subject.value, t.object.value)
        elif t.predicate.value == RDFS.subClassOf and isinstance(t.object, ox.NamedNode):
            children.setdefault(t.object.value, set()).add(t.subject.value)
    return labels, {k: frozenset(v) for k, v in children.items()}


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
    kb: KnowledgeBase,
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
    allowed = _type_filter(node_types, prefixes)
    deadline = time.monotonic() + timeout
    graph = _view(proj, source, target, via_iris, via_labels, allowed, deadline)
    found, complete = _search(graph, source, target, k, max_hops, deadline)
    paths = tuple(_path(proj, nodes, via_iris, via_labels, prefixes) for nodes in found)
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


def _type_filter(
    node_types: Iterable[str] | None, prefixes: Mapping[str, str]
) -> frozenset[str] | None:
    if not node_types:
        return None
    classes = []
    for item in node_types:
        iri = as_iri(item.strip(), prefixes)
        if iri is None:
            raise UsageError(f"node type {item!r} is not a class IRI or prefixed name")
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


def _preference(rel: Relation) -> tuple[int, int, str, str]:
    """Show facts with evidence first, then dated ones, then plain triples; stable order."""
    return (rel.evidence is None, rel.date is None, rel.label, rel.fact or "")


# -- evidence of arbitrary nodes (the shell's \\why) -----------------------------------------


def evidence_for(kb: KnowledgeBase, iris: Iterable[str], limit: int = 200) -> QueryResult:
    """The evidence sentences (and their documents) of the given fact or entity IRIs."""
    terms = " ".join(str(ox.NamedNode(i)) for i in dict.fromkeys(iris))
    if not terms:
        return QueryResult("select", ("node", "sentence", "document"))
    return kb.store.query(
        f"SELECT ?node ?sentence ?document WHERE {{ VALUES ?node {{ {terms} }} "
        f"?node <{KB.evidence}> ?m . ?m <{OA.exact}> ?sentence "
        f"OPTIONAL {{ ?m <{OA.hasSource}> ?document }} }} ORDER BY ?node ?sentence LIMIT {limit}"
    )
