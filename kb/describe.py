"""Everything the knowledge base knows about one entity, each fact with its sources.

``kb describe "Jeff Sessions"``: the entity's own description (types, name, aliases and other
properties from the shared descriptions), every fact that involves it (events, quotations,
posts, grants, with the evidence sentence and the document), and the documents that mention it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kb.vocab import KB, OA, RDF, SCHEMA, SEM, SKOS

if TYPE_CHECKING:
    from kb.reader import Reader

_PROPERTIES = f"""
SELECT ?p ?o ?o_name WHERE {{
  ?e ?p ?o . FILTER (?p != <{KB.evidence}>)
  OPTIONAL {{ ?o <{SCHEMA.name}> ?o_name }}
}} ORDER BY ?p ?o"""

_FACTS = f"""
SELECT ?fact ?role ?kind ?label ?sentence ?document WHERE {{
  GRAPH ?document {{ ?fact ?role ?e ; <{RDF.type}> ?kind ; <{KB.evidence}> ?m }}
  FILTER (?role != <{SCHEMA.mentions}>)
  ?m <{OA.exact}> ?sentence .
  OPTIONAL {{ ?fact <{SEM.eventType}>/<{SKOS.prefLabel}> ?event_type }}
  OPTIONAL {{ ?fact <{SCHEMA.text}> ?quote }}
  OPTIONAL {{ ?fact <{SCHEMA.name}> ?fact_name }}
  BIND (COALESCE(?event_type, ?quote, ?fact_name) AS ?label)
}} ORDER BY ?document ?fact"""

_DOCUMENTS = f"""
SELECT ?document ?headline ?date WHERE {{
  GRAPH ?document {{ ?document <{SCHEMA.mentions}> ?e }}
  OPTIONAL {{ GRAPH ?document {{ ?document <{SCHEMA.headline}> ?headline }} }}
  OPTIONAL {{ GRAPH ?document {{ ?document <{SCHEMA.datePublished}> ?date }} }}
}} ORDER BY ?date ?document"""


@dataclass
class Description:
    """One entity, what is said about it, and where."""

    iri: str
    name: str | None
    properties: list[dict[str, str]] = field(default_factory=list)
    facts: list[dict[str, str]] = field(default_factory=list)
    documents: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"iri": self.iri, "name": self.name, "properties": self.properties,
                "facts": self.facts, "documents": self.documents}

    def tables(self) -> list[tuple[tuple[str, ...], list[tuple[str, ...]]]]:
        """The description as tables for people (headers, rows): its properties, the facts
        with their sentences, the documents that mention it; a document is shown by its
        title and date (`as_dict` keeps the IRIs)."""
        from kb.documents import document_label

        titles = {d["document"]: document_label(d["headline"], d["date"])
                  for d in self.documents if d["headline"]}  # fmt: skip
        out = [(("property", "value"), [(p["property"], p["value"]) for p in self.properties])]
        if self.facts:
            facts = [(f["role"], f["label"], f["sentence"], titles.get(f["document"],
                                                                      f["document"]))
                     for f in self.facts]  # fmt: skip
            out.append((("role", "fact", "sentence", "document"), facts))
        if self.documents:
            docs = [(d["headline"] or d["document"], d["date"]) for d in self.documents]
            out.append((("document", "date"), docs))
        return out


def _v(term: object) -> str | None:
    return None if term is None else term.value  # type: ignore[attr-defined]


def describe(kb: Reader, entity: str) -> Description:
    """Describe the entity ``entity`` names (a name, alias, prefixed name or IRI)."""
    from kb.formats import shorten_iri
    from kb.labels import resolve_entity

    iri = resolve_entity(kb, entity)
    node = {"e": ox.NamedNode(iri)}
    short = kb.prefixes

    props = []
    name = None
    for p, o, o_name in kb.query(_PROPERTIES, bindings=node).rows:
        if p.value == SCHEMA.name and name is None:
            name = o.value
        value = o.value if isinstance(o, ox.Literal) else shorten_iri(o.value, short)
        props.append({"property": shorten_iri(p.value, short),
                      "value": f"{_v(o_name)} ({value})" if o_name is not None else value})
    facts = []
    seen = set()
    for fact, role, kind, label, sentence, document in kb.query(_FACTS, bindings=node).rows:
        key = (fact.value, role.value)
        if key in seen:
            continue
        seen.add(key)
        facts.append({"fact": shorten_iri(fact.value, short),
                      "kind": shorten_iri(kind.value, short),
                      "role": shorten_iri(role.value, short), "label": _v(label) or "",
                      "sentence": sentence.value, "document": document.value})
    docs = [{"document": d.value, "headline": _v(h) or "", "date": _v(dt) or ""}
            for d, h, dt in kb.query(_DOCUMENTS, bindings=node).rows]
    return Description(iri, name, props, facts, docs)
