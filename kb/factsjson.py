"""The facts JSON of shared/eval/SCHEMA.md, read back from the graph with SPARQL.

``kb facts DOC`` is measured on what users can query, so nothing here looks at the extractor's
output: every field comes from the document's named graph and the shared descriptions
(layout in ``kb.graph``). The result equals ``kb.facts.to_schema_json`` of the same facts; the
tests hold the two together. How the graph keeps what the JSON needs:

* which entities the document names, and what it calls them: the surface-form mentions
  (``?entity kb:evidence ?m . ?m oa:exact ?form`` in the document graph), first the
  document's canonical name, then its aliases, in the order they were written;
* the order of entities and facts: the number at the end of each per-document node IRI
  (``.../mention/7``, ``.../event/3``), which the graph builder assigns in extraction order;
* names of related entities (``within``, ``of``, ``speaker``, ``agent``) as the document calls
  them, and None when the document does not name them (an implicit parent state);
* the event target: an event can have several ``kb:target``; the JSON's one target is the one
  named first in the event's evidence sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kb import iris
from kb.vocab import (
    EVENT_KEY,
    FACTUALITY,
    KB,
    LAW_TYPE,
    OA,
    ORG,
    ORG_CLASS,
    PLACE_CLASS,
    RDF,
    RDFS,
    SCHEMA,
    SEM,
)

if TYPE_CHECKING:
    from kb.store import Store

P = {"kb": KB.base, "oa": OA.base, "org": ORG.base, "schema": SCHEMA.base, "rdf": RDF.base,
     "rdfs": RDFS.base, "sem": SEM.base}
_PREFIX = " ".join(f"PREFIX {k}: <{v}>" for k, v in P.items()) + "\n"

_FORMS = """SELECT ?e ?m ?form WHERE {
  GRAPH ?doc { ?e kb:evidence ?m . ?m oa:exact ?form ; rdf:type kb:Mention }
}"""
_TYPES = """SELECT ?e ?class WHERE {
  GRAPH ?doc { ?doc schema:mentions ?e }  ?e rdf:type ?class
}"""
_LINKS = """SELECT ?e ?p ?o WHERE {
  GRAPH ?doc { ?doc schema:mentions ?e }  ?e ?p ?o
  VALUES ?p { schema:containedInPlace org:subOrganizationOf schema:legislationJurisdiction
              schema:legislationType schema:legislationDate }
}"""
_MEMBERSHIPS = """SELECT ?ms ?person ?title ?of ?when WHERE {
  GRAPH ?doc { ?ms rdf:type org:Membership ; org:member ?person ; kb:post ?post .
               OPTIONAL { ?ms rdfs:label ?title } OPTIONAL { ?ms schema:validFrom ?when } }
  OPTIONAL { ?post kb:jurisdiction|org:postIn ?of }
}"""
_GRANTS = """SELECT ?g ?name ?funder ?recipient ?amount ?usd WHERE {
  GRAPH ?doc { ?g rdf:type schema:MonetaryGrant ; schema:name ?name .
    OPTIONAL { ?g schema:funder ?funder } OPTIONAL { ?g kb:recipient ?recipient }
    OPTIONAL { ?g schema:amount ?a . OPTIONAL { ?a schema:name ?amount }
               OPTIONAL { ?a schema:value ?usd } } }
}"""
_STATEMENTS = """SELECT ?s ?quote ?speaker ?date WHERE {
  GRAPH ?doc { ?s rdf:type schema:Quotation ; schema:text ?quote .
    OPTIONAL { ?s schema:creator ?speaker } OPTIONAL { ?s schema:dateCreated ?date } }
}"""
_EVENTS = """SELECT ?ev ?type ?agent ?target ?law ?grant ?fact WHERE {
  GRAPH ?doc { ?ev rdf:type sem:Event ; sem:eventType ?type .
    OPTIONAL { ?ev kb:agent ?agent } OPTIONAL { ?ev kb:target ?target }
    OPTIONAL { ?ev kb:aboutLaw ?law } OPTIONAL { ?ev kb:aboutGrant ?grant }
    OPTIONAL { ?ev kb:factuality ?fact } }
}"""
_EVIDENCE = """SELECT ?f ?m ?exact WHERE {
  GRAPH ?doc { ?f kb:evidence ?m . ?m oa:exact ?exact . FILTER(STRSTARTS(STR(?f), STR(?doc))) }
}"""
_DOCUMENT = """SELECT ?id WHERE { GRAPH ?doc { ?doc schema:identifier ?id } }"""

_PLACE_KEY = {iri: key for key, iri in PLACE_CLASS.items()}
_ORG_KEY = {iri: key for key, iri in ORG_CLASS.items()}
_LAW_KEY = {iri: key for key, iri in LAW_TYPE.items()}
_FACT_KEY = {iri: key for key, iri in FACTUALITY.items()}
_NUMBER = re.compile(r"/(\d+)$")


def _n(iri: str) -> int:
    m = _NUMBER.search(iri)
    return int(m.group(1)) if m else 0


def _value(term: object) -> str | None:
    return None if term is None else term.value  # type: ignore[attr-defined]


class _Reader:
    def __init__(self, store: Store, document: str) -> None:
        self.store = store
        self.doc = ox.NamedNode(document)

    def rows(self, query: str) -> list[tuple]:
        return self.store.query(_PREFIX + query, bindings={"doc": self.doc}, union=False).rows


def facts_json(store: Store, document: str) -> dict:
    """The facts JSON of the document whose graph IRI is ``document``."""
    r = _Reader(store, document)
    forms: dict[str, list[tuple[int, str]]] = {}
    for e, m, form in r.rows(_FORMS):
        if iris.kind_of(e.value):
            forms.setdefault(e.value, []).append((_n(m.value), form.value))
    for v in forms.values():
        v.sort()
    order = sorted(forms, key=lambda e: forms[e][0][0])

    def name(term: object) -> str | None:
        iri = _value(term)
        return forms[iri][0][1] if iri in forms else None

    def aliases(iri: str) -> list[str]:
        return [f for _, f in forms[iri][1:]]

    classes: dict[str, set[str]] = {}
    for e, c in r.rows(_TYPES):
        classes.setdefault(e.value, set()).add(c.value)
    links: dict[str, dict[str, list[object]]] = {}
    for e, p, o in r.rows(_LINKS):
        links.setdefault(e.value, {}).setdefault(p.value, []).append(o)

    def link(iri: str, prop: str) -> object | None:
        """The first value of ``prop`` the document names (a parent it does not name is None,
        like a key missing from the extractor's tables)."""
        values = links.get(iri, {}).get(prop, [])
        named = [v for v in values if _value(v) in forms]
        return named[0] if named else (values[0] if values else None)

    def kind(iri: str, table: dict[str, str], default: str) -> str:
        found = sorted(table[c] for c in classes.get(iri, ()) if c in table)
        specific = [k for k in found if k != default]
        return (specific or found or [default])[0]

    officials: dict[str, list[dict]] = {}
    memberships = sorted(r.rows(_MEMBERSHIPS), key=lambda x: _n(x[0].value))
    for _ms, person, title, of, when in memberships:
        officials.setdefault(person.value, []).append(
            {"title": _value(title), "of": name(of), "when": _value(when)})

    grants = {}
    for g, gname, funder, recipient, amount, usd in sorted(r.rows(_GRANTS),
                                                           key=lambda x: _n(x[0].value)):
        grants[g.value] = {"name": gname.value, "funder": name(funder),
                           "recipient": name(recipient), "amount": _value(amount),
                           "amount_usd": float(usd.value) if usd is not None else None}

    evidence: dict[str, list[tuple[int, str]]] = {}
    for f, m, exact in r.rows(_EVIDENCE):
        evidence.setdefault(f.value, []).append((_n(m.value), exact.value))

    def sentence(fact: str) -> str | None:
        found = sorted(evidence.get(fact, []))
        return found[0][1] if found else None

    statements = [
        {"speaker": name(speaker), "quote": quote.value, "date": _value(date)}
        for s, quote, speaker, date in sorted(r.rows(_STATEMENTS), key=lambda x: _n(x[0].value))]

    events: dict[str, dict] = {}
    targets: dict[str, list[str]] = {}
    for ev, etype, agent, target, law, grant, fact in r.rows(_EVENTS):
        events.setdefault(ev.value, {
            "type": EVENT_KEY.get(etype.value, "other"), "agent": name(agent),
            "target": None, "about_law": name(law),
            "about_grant": grants.get(_value(grant) or "", {}).get("name"),
            "modality": _FACT_KEY.get(_value(fact) or "", "asserted"),
            "sentence": sentence(ev.value)})
        if target is not None and target.value not in targets.setdefault(ev.value, []):
            targets[ev.value].append(target.value)
    for ev, tlist in targets.items():
        events[ev]["target"] = name(_first_named(tlist, sentence(ev) or "", forms))

    doc_id = r.rows(_DOCUMENT)
    place_iris = [e for e in order if iris.kind_of(e) == "place"]
    return {
        "document": doc_id[0][0].value if doc_id else None,
        "officials": [{"name": name(ox.NamedNode(p)), "aliases": aliases(p),
                       "posts": officials[p]} for p in order if p in officials],
        "jurisdictions": [{"name": name(ox.NamedNode(p)),
                           "type": kind(p, _PLACE_KEY, "other"),
                           "within": name(link(p, SCHEMA.containedInPlace)),
                           "aliases": aliases(p)} for p in place_iris],
        "organizations": [{"name": name(ox.NamedNode(o)), "aliases": aliases(o),
                           "type": kind(o, _ORG_KEY, "other"),
                           "within": name(link(o, ORG.subOrganizationOf))}
                          for o in order if iris.kind_of(o) == "org"],
        "laws": [{"name": name(ox.NamedNode(law)), "aliases": aliases(law),
                  "type": _LAW_KEY.get(_value(link(law, SCHEMA.legislationType)) or "",
                                       "statute"),
                  "jurisdiction": name(link(law, SCHEMA.legislationJurisdiction)),
                  "year": _year(link(law, SCHEMA.legislationDate))}
                 for law in order if iris.kind_of(law) == "law"],
        "grants": list(grants.values()),
        "statements": statements,
        "events": [events[e] for e in sorted(events, key=_n)],
    }


def _year(term: object) -> int | None:
    text = _value(term)
    return int(text[:4]) if text and text[:4].isdigit() else None


def _first_named(targets: Iterable[str], sentence: str, forms: dict[str, list[tuple[int, str]]]
                 ) -> ox.NamedNode | None:
    """The target whose name (or any surface form) comes first in the sentence."""
    best: tuple[int, int, str] | None = None
    for i, t in enumerate(targets):
        positions = [sentence.find(f) for _, f in forms.get(t, [])]
        found = [p for p in positions if p >= 0]
        key = (min(found) if found else len(sentence) + 1, i, t)
        if best is None or key < best:
            best = key
    return ox.NamedNode(best[2]) if best else None
