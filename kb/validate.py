"""SHACL validation of a knowledge graph against ontology/shapes.ttl, with pyshacl.

pyshacl and rdflib are imported inside the functions: validation is an explicit, occasional act
(`kb validate`, tests), and nothing on the start-up path should pay for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from kb.vocab import RDF, SH, prefixed

if TYPE_CHECKING:
    import rdflib


class Violation(NamedTuple):
    """One SHACL result: the node at fault, the property (as ``schema:name`` where the prefix is
    known, None for node-level results), the shape's message, and the severity local name
    (``Violation``, ``Warning`` or ``Info``)."""

    focus: str
    path: str | None
    message: str
    severity: str


@dataclass(frozen=True)
class ValidationReport:
    """What validation found; ``text`` is pyshacl's own human-readable report."""

    conforms: bool
    text: str
    violations: tuple[Violation, ...]


def validate_graph(data: rdflib.Graph, shapes: rdflib.Graph | None = None) -> ValidationReport:
    """Validate ``data`` (one rdflib Graph: pass the union of the store, not a Dataset, which
    pyshacl would check graph by graph) against ``shapes`` (default: shapes.ttl with
    prefixes.ttl). ``data`` is not modified: kb.ttl and events.ttl are mixed into a copy, so class
    targets see the subclass axioms and threat checks see the event hierarchy; no inference is
    needed."""
    import pyshacl
    import rdflib

    # pyshacl's own ont_graph mixing copies only class and property axioms, not the SKOS
    # concepts the event checks walk (skos:broader* kbe:threaten), so mix the whole ontology in.
    mixed = rdflib.Graph()
    mixed += data
    mixed += _ontology()
    conforms, results, text = pyshacl.validate(
        mixed,
        shacl_graph=shapes if shapes is not None else _default_shapes(),
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
    )
    return ValidationReport(bool(conforms), str(text), _violations(results))


@lru_cache(maxsize=1)
def _ontology() -> rdflib.Graph:
    import ontology

    return ontology.load_graph("kb.ttl", "events.ttl")


@lru_cache(maxsize=1)
def _default_shapes() -> rdflib.Graph:
    import ontology

    return ontology.load_graph("shapes.ttl", "prefixes.ttl")


def _violations(results: rdflib.Graph) -> tuple[Violation, ...]:
    from rdflib import BNode, URIRef

    def value(node: object, prop: str) -> object | None:
        return results.value(node, URIRef(prop))  # type: ignore[arg-type]

    found = []
    for result in results.subjects(URIRef(RDF.type), URIRef(SH.ValidationResult)):
        focus = value(result, SH.focusNode)
        path = value(result, SH.resultPath)
        message = value(result, SH.resultMessage)
        component = value(result, SH.sourceConstraintComponent)
        severity = str(value(result, SH.resultSeverity) or SH.Violation)
        found.append(Violation(
            focus=f"_:{focus}" if isinstance(focus, BNode) else str(focus),
            path=None if path is None or isinstance(path, BNode) else _short(str(path)),
            message=str(message) if message is not None else _local(str(component)),
            severity=_local(severity),
        ))
    return tuple(sorted(found, key=lambda v: (v.focus, v.path or "", v.message, v.severity)))


def _short(iri: str) -> str:
    return prefixed(iri) or iri


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
