"""ontology/shapes.ttl compiled once into direct checks over one document's quads.

Why not pyshacl per document: ingest's budget leaves ~40 ms per article above spaCy's parse;
pyshacl on one article's graph takes over a second (bench/shapecheck_bench.py). The shapes use
a small part of SHACL core (class and objects-of targets, IRI paths, minCount, maxCount,
nodeKind, datatype, class, in, pattern, hasValue, node, or, min/maxInclusive,
lessThanOrEquals, SPARQL constraints), compiled here; a shape using anything else fails to
compile, naming the term, so ingest never silently checks less than ``kb validate``
(tests/test_validity.py also holds both to the same verdict on crafted graphs).

What a check sees (a ``View``): the document's own quads (its named graph and the shared
descriptions it adds), the ontology (kb.ttl, events.ttl: subclass axioms, event concepts), and
for the shared entities it describes, their stored description in the default graph (an entity
keeps its first ``schema:name`` and gets no second one from a later document, so its name may
be only in the store). SPARQL constraints see the document and the ontology: the shapes'
constraints are about a document's own fact nodes.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import pyoxigraph as ox

from kb.sparqltext import where_group_start
from kb.vocab import OWL, RDF, RDFS, SH, prefixed

Term = ox.NamedNode | ox.BlankNode | ox.Literal


@dataclass(frozen=True)
class Finding:
    """One violation: the focus node, the property (None for the node itself), the value at
    fault (None when the problem is a count or the node as a whole), the component's local
    name (``minCount``, ``datatype``, ``sparql``...) and the shape's message."""

    focus: Term
    path: str | None
    value: Term | None
    component: str
    message: str
    limit: int | None = None
    """For ``maxCount``: how many values the shape allows."""


@dataclass
class Shape:
    """A node shape, or a property shape when ``path`` is set."""

    node: Term
    path: str | None = None
    message: str = ""
    target_classes: tuple[str, ...] = ()
    target_objects_of: tuple[str, ...] = ()
    min_count: int | None = None
    max_count: int | None = None
    has_value: Term | None = None
    less_or_equal: str | None = None
    checks: list[tuple[str, object]] = field(default_factory=list)
    """Per value node: (component, argument)."""
    properties: list[Shape] = field(default_factory=list)
    sparql: list[tuple[str, str, frozenset[str]]] = field(default_factory=list)
    """(message, query text with its prefixes, the predicates it names)."""


# --- compiling ---------------------------------------------------------------------------------

_VALUE = ("nodeKind", "datatype", "class", "in", "pattern", "minInclusive", "maxInclusive",
          "node", "or")
_KNOWN = {*_VALUE, "path", "message", "targetClass", "targetObjectsOf", "minCount", "maxCount",
          "hasValue", "lessThanOrEquals", "property", "sparql"}
_IGNORED_TYPES = {SH.NodeShape, SH.SPARQLConstraint, RDFS.comment, RDFS.label, OWL.imports}


class Triples:
    """Triples indexed by subject, then predicate (objects in document order)."""

    def __init__(self, triples: Iterable[tuple[Term, ox.NamedNode, Term]] = ()) -> None:
        self.by_subject: dict[Term, dict[str, list[Term]]] = {}
        for s, p, o in triples:
            self.add(s, p.value, o)

    def add(self, s: Term, p: str, o: Term) -> None:
        values = self.by_subject.setdefault(s, {}).setdefault(p, [])
        if o not in values:
            values.append(o)

    def objects(self, s: Term, p: str) -> list[Term]:
        return self.by_subject.get(s, {}).get(p, [])

    def one(self, s: Term, p: str) -> Term | None:
        return next(iter(self.objects(s, p)), None)

    def items(self, s: Term) -> list[Term]:
        """The members of the RDF list starting at ``s``."""
        out = []
        while s is not None and s.value != RDF.nil:
            out.append(self.one(s, RDF.first))
            s = self.one(s, RDF.rest)
        return out


def _parse(*names: str) -> Triples:
    import ontology

    return Triples((q.subject, q.predicate, q.object) for name in names
                   for q in ox.parse(ontology.read_text(name).encode(),
                                     format=ox.RdfFormat.TURTLE))


@cache
def ontology_triples() -> Triples:
    """kb.ttl and events.ttl: the subclass axioms and the event concepts checks walk."""
    return _parse("kb.ttl", "events.ttl")


@cache
def superclasses() -> dict[str, frozenset[str]]:
    """Each class of the ontology -> itself and every class above it (rdfs:subClassOf*)."""
    onto = ontology_triples()
    direct = {s.value: {o.value for o in ps.get(RDFS.subClassOf, []) if isinstance(o, ox.NamedNode)}
              for s, ps in onto.by_subject.items() if isinstance(s, ox.NamedNode)}
    closed: dict[str, frozenset[str]] = {}

    def up(c: str, seen: frozenset[str] = frozenset()) -> frozenset[str]:
        if c not in closed:
            above = {c}
            for parent in direct.get(c, ()):
                if parent not in seen:
                    above |= up(parent, seen | {c})
            closed[c] = frozenset(above)
        return closed[c]

    for c in direct:
        up(c)
    return closed


@cache
def shapes() -> tuple[Shape, ...]:
    """The node shapes of shapes.ttl with a target, compiled (see the module docstring)."""
    src = _parse("shapes.ttl", "prefixes.ttl")
    compiled: dict[Term, Shape] = {}
    targeted = [s for s, ps in src.by_subject.items()
                if SH.targetClass in ps or SH.targetObjectsOf in ps]
    return tuple(_compile(src, s, compiled) for s in sorted(targeted, key=str))


def _compile(src: Triples, node: Term, compiled: dict[Term, Shape]) -> Shape:
    if node in compiled:
        return compiled[node]
    shape = compiled[node] = Shape(node)
    for p, values in src.by_subject.get(node, {}).items():
        name = p[len(SH.base):] if p.startswith(SH.base) else None
        if p == RDF.type or p in _IGNORED_TYPES:
            continue
        if name not in _KNOWN:
            raise NotImplementedError(
                f"{node}: kb/shapecheck.py does not implement {p}; implement it there or "
                "ingest's per-document check would not cover what kb validate checks")
        v = values[0]
        if name == "path":
            if not isinstance(v, ox.NamedNode):
                raise NotImplementedError(f"{node}: only IRI paths are implemented")
            shape.path = v.value
        elif name == "message":
            shape.message = v.value
        elif name in ("targetClass", "targetObjectsOf"):
            kind = "target_classes" if name == "targetClass" else "target_objects_of"
            setattr(shape, kind, tuple(x.value for x in values))
        elif name in ("minCount", "maxCount"):
            setattr(shape, "min_count" if name == "minCount" else "max_count", int(v.value))
        elif name == "hasValue":
            shape.has_value = v
        elif name == "lessThanOrEquals":
            shape.less_or_equal = v.value
        elif name == "property":
            shape.properties = [_compile(src, x, compiled) for x in values]
        elif name == "sparql":
            shape.sparql = [_compile_sparql(src, x) for x in values]
        else:  # each value is a constraint of its own (two sh:class: both must hold)
            shape.checks += [(name, _argument(src, name, x, compiled)) for x in values]
    return shape


def _argument(src: Triples, name: str, v: Term, compiled: dict[Term, Shape]) -> object:
    if name == "in":
        return frozenset(src.items(v))
    if name == "or":
        return tuple(_compile(src, x, compiled) for x in src.items(v))
    if name == "node":
        return _compile(src, v, compiled)
    if name == "pattern":
        return re.compile(v.value)
    if name == "nodeKind" and v.value not in (SH.IRI, SH.Literal):
        raise NotImplementedError(f"sh:nodeKind {v.value} is not implemented")
    return v.value if isinstance(v, ox.NamedNode) else v


def _compile_sparql(src: Triples, node: Term) -> tuple[str, str, frozenset[str]]:
    declared = {src.one(d, SH.prefix).value: src.one(d, SH.namespace).value
                for ns in src.objects(node, SH.prefixes) for d in src.objects(ns, SH.declare)}
    prefixes = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in declared.items())
    message = src.one(node, SH.message)
    select = src.one(node, SH.select).value
    return (message.value if message else "SPARQL constraint", prefixes + select,
            _named_predicates(select, declared))


def _named_predicates(select: str, declared: dict[str, str]) -> frozenset[str]:
    """Every IRI the query names (prefixed names expanded, ``a`` as rdf:type): a triple whose
    predicate is none of them can match no pattern of it, so only the document's triples with
    these predicates are handed to it. A variable predicate would break that: refused."""
    if re.search(r"[?$]\w+\s+[?$]\w+\s+[?$]\w+\s*[.;}]", select):
        raise NotImplementedError("a SPARQL constraint with a variable predicate")
    names = {RDF.type}
    for m in re.finditer(r"<([^<>\s]+)>|\b([A-Za-z][\w-]*):([\w-]+)", select):
        if m.group(1):
            names.add(m.group(1))
        elif m.group(2) in declared:
            names.add(declared[m.group(2)] + m.group(3))
    return frozenset(names)


# --- checking ---------------------------------------------------------------------------------


class View:
    """What a check reads: the document's triples over the stored ones and the ontology."""

    def __init__(self, data: Triples, stored: Triples) -> None:
        self.data = data
        self.stored = stored
        self.onto = ontology_triples()
        self._classes: dict[Term, frozenset[str]] = {}

    def objects(self, s: Term, p: str) -> list[Term]:
        ours = self.data.objects(s, p)
        if s in self.stored.by_subject:
            ours = ours + [o for o in self.stored.objects(s, p) if o not in ours]
        return ours or self.onto.objects(s, p)

    def classes(self, node: Term) -> frozenset[str]:
        """Every class of ``node``, with the superclasses of its types (cached: a check asks
        for each node once per shape)."""
        known = self._classes.get(node)
        if known is None:
            supers = superclasses()
            out: set[str] = set()
            for t in self.objects(node, RDF.type):
                out |= supers.get(t.value, {t.value})
            known = self._classes[node] = frozenset(out)
        return known


def check(view: View, focus_nodes: Iterable[Term]) -> list[Finding]:
    """Every violation of the compiled shapes among ``focus_nodes`` (nodes of the document:
    each is checked against the shapes whose targets it meets)."""
    found: list[Finding] = []
    nodes = list(dict.fromkeys(focus_nodes))
    objects_of = {p: {o for s in nodes for o in view.data.objects(s, p)}
                  for shape in shapes() for p in shape.target_objects_of}
    typed = [(n, c) for n in nodes if (c := view.classes(n))]
    for shape in shapes():
        wanted = set(shape.target_classes)
        targets = [n for n, c in typed if not wanted.isdisjoint(c)]
        targets += sorted({o for p in shape.target_objects_of for o in objects_of[p]}, key=str)
        for node in dict.fromkeys(targets):
            found += findings(view, shape, node)
        if shape.sparql and targets:
            found += _sparql(view, shape, targets)
    return found


def findings(view: View, shape: Shape, node: Term) -> list[Finding]:
    """What ``node`` violates of ``shape`` (its own value checks, then its properties; a
    property shape, as a member of sh:or, checks its path from ``node``)."""
    if shape.path is not None:
        return _property(view, shape, node)
    out = [Finding(node, None, None, c, shape.message or c)
           for c, arg in shape.checks if not _value_ok(view, c, arg, node)]
    for prop in shape.properties:
        out += _property(view, prop, node)
    return out


def _property(view: View, prop: Shape, node: Term) -> list[Finding]:
    path = prop.path or ""
    values = view.objects(node, path)
    msg = prop.message

    def finding(component: str, value: Term | None = None) -> Finding:
        return Finding(node, path, value, component, msg or _default_message(prop, component),
                       prop.max_count if component == "maxCount" else None)

    out = []
    if prop.min_count is not None and len(values) < prop.min_count:
        out.append(finding("minCount"))
    if prop.max_count is not None and len(values) > prop.max_count:
        out.append(finding("maxCount"))
    if prop.has_value is not None and prop.has_value not in values:
        out.append(finding("hasValue"))
    if prop.less_or_equal:
        bounds = view.objects(node, prop.less_or_equal)
        out += [finding("lessThanOrEquals", v) for v in values
                if any(not _at_most(v, w) for w in bounds)]
    for v in values:
        out += [finding(c, v) for c, arg in prop.checks if not _value_ok(view, c, arg, v)]
    return out


def _default_message(prop: Shape, component: str) -> str:
    path = prefixed(prop.path or "") or prop.path
    if component == "minCount":
        return f"needs at least {prop.min_count} {path}"
    if component == "maxCount":
        return f"takes at most {prop.max_count} {path}"
    return f"a value of {path} fails sh:{component}"


def _value_ok(view: View, component: str, arg: object, v: Term) -> bool:
    if component == "nodeKind":
        return isinstance(v, ox.NamedNode if arg == SH.IRI else ox.Literal)
    if component == "datatype":
        return isinstance(v, ox.Literal) and v.datatype.value == arg
    if component == "class":
        return arg in view.classes(v)
    if component == "in":
        return v in arg  # type: ignore[operator]
    if component == "pattern":
        return isinstance(v, ox.Literal | ox.NamedNode) and bool(arg.search(v.value))  # type: ignore[attr-defined]
    if component == "minInclusive":
        return _at_most(arg, v)  # type: ignore[arg-type]
    if component == "maxInclusive":
        return _at_most(v, arg)  # type: ignore[arg-type]
    if component == "node":
        return not findings(view, arg, v)  # type: ignore[arg-type]
    if component == "or":
        return any(not findings(view, s, v) for s in arg)  # type: ignore[attr-defined]
    raise NotImplementedError(component)


def _at_most(a: Term, b: Term) -> bool:
    """a <= b as numbers; what is not a number fails."""
    try:
        return float(a.value) <= float(b.value)
    except (TypeError, ValueError):
        return False


_SCRATCH = threading.Lock()
_THIS = ox.Variable("this")


@cache
def _node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


@cache
def _scratch() -> ox.Store:
    """An in-memory store holding the ontology in its default graph; a document's triples go
    into a named graph for the time of its SPARQL constraints."""
    store = ox.Store()
    onto = ontology_triples()
    store.extend(ox.Quad(s, ox.NamedNode(p), o, ox.DefaultGraph())
                 for s, ps in onto.by_subject.items() for p, os in ps.items() for o in os)
    return store


def _sparql(view: View, shape: Shape, targets: list[Term]) -> list[Finding]:
    """Each SPARQL constraint once for all targets: ``$this`` pre-bound by a VALUES block."""
    graph = ox.NamedNode("urn:kb:shapecheck:document")
    named = frozenset().union(*(names for _, _, names in shape.sparql))
    out: list[Finding] = []
    with _SCRATCH:
        store = _scratch()
        store.extend(ox.Quad(s, _node(p), o, graph)
                     for data in (view.data, view.stored)
                     for s, ps in data.by_subject.items() for p, os in ps.items() if p in named
                     for o in os)
        try:
            iris = " ".join(str(t) for t in targets if isinstance(t, ox.NamedNode))
            blanks = [{_THIS: t} for t in targets if not isinstance(t, ox.NamedNode)]
            for message, query, _ in shape.sparql:
                at = where_group_start(query)
                runs = [(f"{query[:at]} VALUES ?this {{ {iris} }} {query[at:]}", None)] * bool(iris)
                for text, bound in runs + [(query, b) for b in blanks]:  # VALUES takes no _:x
                    for row in store.query(text, default_graph=[ox.DefaultGraph(), graph],
                                           substitutions=bound):
                        path, value = row["path"], row["value"]
                        out.append(Finding(row["this"], path.value if path else None, value,
                                           "sparql", message))
        finally:
            store.remove_graph(graph)
    return out
