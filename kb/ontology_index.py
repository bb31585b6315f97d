"""What ontology/kb.ttl declares, read once: labels, subclasses, object properties, classes.

The entity graph (kb.projection) takes its nodes from the ontology's classes and its edges
from its object properties, and `--type`/node-type filters take a class with its subclasses;
all of them read these tables rather than querying the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import NamedTuple

import pyoxigraph as ox

from kb.errors import UsageError
from kb.labels import as_iri
from kb.vocab import OWL, RDF, RDFS


class OntologyTables(NamedTuple):
    labels: dict[str, str]  # IRI -> its first rdfs:label
    subclasses: dict[str, frozenset[str]]  # class -> its direct subclasses
    object_properties: frozenset[str]
    classes: frozenset[str]


@lru_cache(maxsize=1)
def ontology_tables() -> OntologyTables:
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
    return OntologyTables(
        labels,
        {k: frozenset(v) for k, v in children.items()},
        frozenset(object_properties),
        frozenset(classes),
    )


def with_subclasses(classes: Iterable[str]) -> frozenset[str]:
    """The classes and every subclass of them that ontology/kb.ttl declares."""
    children = ontology_tables().subclasses
    out: set[str] = set()
    todo = list(classes)
    while todo:
        c = todo.pop()
        if c not in out:
            out.add(c)
            todo.extend(children.get(c, ()))
    return frozenset(out)


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
