"""Turning user-supplied values into RDF terms for query parameters.

Parameters are always bound as terms (pyoxigraph substitutions locally, a VALUES block
remotely), never pasted into query text, so a value such as `} ; DROP ALL {` is just a
string literal.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

import pyoxigraph as ox

from kb.errors import UsageError
from kb.store.base import Term

XSD = "http://www.w3.org/2001/XMLSchema#"
_INT = re.compile(r"[+-]?\d+")
_DEC = re.compile(r"[+-]?\d*\.\d+")
_CURIE = re.compile(r"([A-Za-z][\w.-]*)?:([\w.-]*)")


def to_term(value: object) -> Term:
    """A Python value as a term: strings become plain literals (use `parse_term` for syntax)."""
    if isinstance(value, (ox.NamedNode, ox.BlankNode, ox.Literal, ox.Triple)):
        return value
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(XSD + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))
    if isinstance(value, float):
        return ox.Literal(repr(value), datatype=ox.NamedNode(XSD + "double"))
    if isinstance(value, dt.datetime):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(XSD + "dateTime"))
    if isinstance(value, dt.date):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(XSD + "date"))
    module = type(value).__module__
    if module.startswith("rdflib"):  # rdflib terms, without importing rdflib here
        return _from_rdflib(value)
    if isinstance(value, str):
        return ox.Literal(value)
    raise UsageError(f"cannot use {value!r} as a query parameter")


def _from_rdflib(value: object) -> Term:
    kind = type(value).__name__
    if kind == "URIRef":
        return ox.NamedNode(str(value))
    if kind == "BNode":
        return ox.BlankNode(str(value))
    lang = getattr(value, "language", None)
    datatype = getattr(value, "datatype", None)
    if lang:
        return ox.Literal(str(value), language=lang)
    if datatype:
        return ox.Literal(str(value), datatype=ox.NamedNode(str(datatype)))
    return ox.Literal(str(value))


def parse_term(text: str, prefixes: Mapping[str, str] | None = None) -> Term:
    """Read a term written as people write them on a command line.

    `<http://...>` is an IRI, `prefix:name` an IRI when the prefix is known, `"..."@en` or
    `"..."^^xsd:date` a literal in Turtle syntax, a bare number an integer or decimal, and
    anything else a plain string literal.
    """
    prefixes = prefixes or {}
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        try:
            return ox.NamedNode(text[1:-1])
        except ValueError as err:
            raise UsageError(f"invalid IRI {text}: {err}") from None
    if text.startswith('"') and len(text) > 1:
        return _turtle_literal(text, prefixes)
    if _INT.fullmatch(text):
        return ox.Literal(text, datatype=ox.NamedNode(XSD + "integer"))
    if _DEC.fullmatch(text):
        return ox.Literal(text, datatype=ox.NamedNode(XSD + "decimal"))
    m = _CURIE.fullmatch(text)
    if m and (m.group(1) or "") in prefixes:
        return ox.NamedNode(prefixes[m.group(1) or ""] + m.group(2))
    return ox.Literal(text)


def _turtle_literal(text: str, prefixes: Mapping[str, str]) -> ox.Literal:
    """Let the Turtle parser read a quoted literal; exactly one triple must come out, so a
    value cannot smuggle in more than a literal."""
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in prefixes.items())
    doc = f"{header}<urn:x:s> <urn:x:p> {text} ."
    try:
        triples = list(ox.parse(doc, format=ox.RdfFormat.TURTLE))
    except SyntaxError:
        raise UsageError(
            f'cannot read {text} as a literal; write it as "text", "text"@en or '
            '"2017-03-27"^^xsd:date'
        ) from None
    if len(triples) != 1 or not isinstance(triples[0].object, ox.Literal):
        raise UsageError(f"{text} is not a single literal")
    return triples[0].object


def parse_bindings(
    pairs: list[str] | None, prefixes: Mapping[str, str] | None = None
) -> dict[str, Term]:
    """`name=value` strings from `--bind` to a bindings dict."""
    out: dict[str, Term] = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not name:
            raise UsageError(f"--bind takes name=value, got {pair!r}")
        try:
            ox.Variable(name)
        except ValueError:
            raise UsageError(f"--bind: {name!r} is not a SPARQL variable name") from None
        out[name] = parse_term(value, prefixes)
    return out
