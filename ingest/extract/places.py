"""Jurisdictions: named places checked against the gazetteer, disambiguated by context.

Candidates are spaCy's GPE/LOC spans (and ORG spans, which the small model uses for "NYC"), plus
jurisdiction names that open an organisation or law name ("New York State Liberty Act").
A city is kept when the text names its state, when it is a big city, or when it is written
"City, State"; small namesakes elsewhere are dropped ("Concord" in a list of New York
neighbourhoods is not Concord, California).
"""
from __future__ import annotations

import re

from ingest.extract.context import Context, clean_span, slug
from ingest.extract.place_cues import cue_candidates, judicial_districts
from ingest.gazetteer import (
    LOCAL_FORM,
    GazPlace,
    city_counties,
    city_sections,
    lookup,
    named_as_local,
)
from kb.facts import Place

BIG_CITY = 500_000
#: towns smaller than this are taken only with their state written after them or their
#: county named in the text: many share a name with a neighbourhood or a bigger place
SMALL_TOWN = 15_000
COUNTRY = "United States"


def extract_places(ctx: Context) -> None:
    doc = ctx.doc
    text = doc.text
    candidates: list[tuple[int, int, list[GazPlace]]] = []
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC", "ORG", "NORP", "FAC", "PERSON", "LAW"):
            continue
        span = clean_span(ent)
        if not span.text:
            continue
        cands = lookup(span.text) or named_as_local(span.text)
        strong = bool(cands) and (cands[0].type in ("country", "state") or cands[0].curated
                                  or LOCAL_FORM.match(span.text) is not None)
        if cands and (ent.label_ in ("GPE", "LOC") or strong):
            candidates.append((span.start, span.end, cands))
            continue
        if ent.label_ == "PERSON":
            continue
        # a jurisdiction opening a longer name: "New York State Liberty Act"
        for n in (3, 2, 1):
            if len(span) > n:
                head = lookup(span[:n].text)
                if head and (head[0].type in ("state", "county") or head[0].curated):
                    candidates.append((span.start, span.start + n, head))
                    break
    # curated short forms the model misses ("U.S." inside "U.S. Code") as plain tokens
    for tok in doc:
        if tok.text in ("U.S.", "US", "NYC") and tok.i not in {i for s, e, _ in candidates
                                                               for i in range(s, e)}:
            candidates.append((tok.i, tok.i + 1, lookup(tok.text)))
    candidates += cue_candidates(ctx, {i for s, e, _ in candidates for i in range(s, e)})
    candidates.sort(key=lambda c: c[0])
    mentioned_states = {c[2][0].state for c in candidates if c[2][0].type == "state"}
    has_dc = bool(re.search(r"\bD\.\s?C\.", text))
    has_nyc = any(c[2][0].name == "New York City" for c in candidates)
    # the top reading of the candidate starting / ending at each token, for neighbours' cues
    top = {s: c for s, _, c in candidates} | {e - 1: c for _, e, c in candidates}
    us_named = False
    placed: set[str] = set()  # cities written "<City>, <State>": the text gives their parent
    for start, end, cands in candidates:
        span = doc[start:end]
        if not ctx.in_body(span[0]):
            continue
        place = choose(ctx, span, cands, mentioned_states, has_dc, has_nyc, top)
        if place is None:
            continue
        us_named = us_named or place.country == "US"
        key = add_place(ctx, place, span.text)
        if place.type == "city" and with_state(doc, end):
            placed.add(key)
        ctx.facts.places[key].evidence.append(ctx.evidence(span[0], "place.gazetteer"))
        nxt = doc[end] if end < len(doc) else None
        if start == ctx.sentence(span[0]).start and nxt is not None and nxt.text in ("—", "–"):
            continue  # a dateline says where the story was filed, not who acted
        ctx.mark(start, end, key)
    judicial_districts(ctx)
    # the country of the US places named is the jurisdiction they sit in
    if us_named and any(p.key != "place:united-states" for p in ctx.facts.places.values()):
        us = "place:united-states"
        if us not in ctx.facts.places:
            first = next(iter(ctx.facts.places.values()))
            ctx.facts.places[us] = Place(us, COUNTRY, type="country", geonames_id=6252001,
                                         evidence=[first.evidence[0]] if first.evidence else [])
            ctx.facts.places[us].evidence = [
                type(e)(e.sentence, e.start, e.end, "place.implied-country", 0.5)
                for e in ctx.facts.places[us].evidence]
    link_parents(ctx, placed)


def choose(ctx: Context, span, cands: list[GazPlace], states: set, has_dc: bool,
           has_nyc: bool, top: dict[int, list[GazPlace]] | None = None) -> GazPlace | None:
    """Pick the candidate the context supports, or None to drop the mention."""
    doc = ctx.doc
    text = span.text
    nxt = doc[span.end] if span.end < len(doc) else None
    nxt2 = doc[span.end + 1] if span.end + 1 < len(doc) else None
    if text.lower() == "washington":
        if has_dc or (nxt is not None and nxt.text in ("—", "-", "–")):
            return lookup("Washington, D.C.")[0]
        if in_state_list(doc, span, top or {}):
            return next(c for c in cands if c.type == "state")
        return None  # "Washington" alone is mostly the federal government (metonymy)
    if text.lower() in ("new york", "new york's"):
        reading = city_or_state(doc, span, top or {})
        if reading == "state":
            return next(c for c in cands if c.type == "state")
        if has_nyc or reading == "city":
            return lookup("New York City")[0]
    explicit_state = None
    if nxt is not None and nxt.text in (",", "in") and nxt2 is not None:
        # "Clark County, Nevada", "Clark County in Nevada", "Albany, New York"
        for k in (2, 1):
            after = span.end + 1 + k
            if after > len(doc) or after < len(doc) and doc[after].text[:1].isupper():
                continue  # "Concord in New York City": a city, not the state
            st = lookup(doc.text_of(span.end + 1, after))
            if st and st[0].type == "state":
                explicit_state = st[0].state
                break
    sections = city_sections()
    for cand in cands:
        if cand.type == "city" and (cand.name, cand.state) in sections and \
                cand.state != explicit_state:
            continue  # "Harlem", "Logan Square": part of a city unless "<name>, <State>"
        if cand.type == "country" and state_namesake(cands, states):
            continue  # "Georgia" beside other states is the state, not the country
        if cand.type in ("country", "state", "other") or cand.curated:
            return cand
        if cand.type == "county":
            return county_of(cands, states, explicit_state)
        if cand.country != "US":
            if cand.population >= 1_000_000:
                return cand
            continue
        if explicit_state:
            if cand.state == explicit_state:
                return cand
            continue
        if cand.population < SMALL_TOWN and not county_named(ctx, cand):
            continue  # "Concord" among Staten Island's neighbourhoods is no upstate town
        if cand.state in states or cand.population >= BIG_CITY or (
                has_nyc and cand.state == "NY"):
            return cand
    return None


def county_named(ctx: Context, cand: GazPlace) -> bool:
    """Whether the county a small town lies in is named in the text ("Los Alamitos" in a
    story about Orange County)."""
    county = city_counties().get((cand.name, cand.within or ""))
    return county is not None and county.lower() in ctx.doc.text.lower()


def state_namesake(cands: list[GazPlace], states: set) -> bool:
    """A foreign country that shares its name with a US state ("Georgia") reads as the state
    when the text names another state too: US news says "the country of Georgia" otherwise."""
    return any(c.type == "state" and states - {c.state} for c in cands)


def county_of(cands: list[GazPlace], states: set, explicit: str | None) -> GazPlace:
    """Of the counties sharing a name ("Cook County": Georgia, Illinois, Minnesota), the one in
    the state written after it ("Montgomery County, Pennsylvania"), else in a state the text
    names, else the first (its parent is then dropped unless that state is named)."""
    counties = [c for c in cands if c.type == "county"]
    for wanted in ({explicit} if explicit else set(), states):
        hit = next((c for c in counties if c.state in wanted), None)
        if hit is not None:
            return hit
    return counties[0]


# words right after a place name that make it a city ("the New York mayor", "New York police")
CITY_CUES = frozenset(("mayor", "mayors", "mayoral", "police", "city", "borough", "boroughs",
                       "council"))
# words right after it that make it a state: state-level posts and bodies ("New York lawmakers",
# "the New York legislature", "New York's governor", "New York State")
STATE_CUES = frozenset(("state", "governor", "gov.", "governors", "legislature", "legislative",
                        "legislators", "lawmakers", "assembly", "senate", "senator", "senators",
                        "statewide"))
# posts and bodies that are "of" a state ("the governor of New York", "Gov. Ann Lee of New York")
STATE_POSTS = frozenset(("governor", "gov.", "gov", "governors", "legislature", "state",
                         "senator", "sen.", "senators", "lawmakers", "legislators"))
# words before it that name a part of the state, never of the city ("upstate New York")
STATE_PARTS = frozenset(("upstate", "rural", "western", "northern"))


def city_or_state(doc, span, top: dict[int, list[GazPlace]]) -> str | None:
    """"New York" is a city and a state; say which one the words around it name, or None.

    City: a city post or body right after it ("the New York mayor", "New York police"), or
    "mayor of New York". State: a state post or body right after it ("New York lawmakers",
    "New York's governor", "New York State"), a possessive before an act ("New York's Dream
    Act": cities pass ordinances, states pass acts), after "of" with a state post before it ("the
    governor of New York", "Gov. Ann Lee of New York", "the attorney general of New York", "the
    state of New York"), a part only a state has ("upstate New York"), coordination with
    another state ("New York and New Jersey", "Connecticut, New York and Ohio") or a city before
    it ("Albany, New York")."""
    n = len(doc)
    k = span.end
    if k < n and doc[k].text in ("'s", "’s"):
        k += 1
    after = doc[k].lower_ if k < n else ""
    if after in CITY_CUES:
        return "city"
    if after in STATE_CUES or after == "attorney" and k + 1 < n and doc[k + 1].lower_ == "general":
        return "state"
    if k > span.end or span.text.endswith(("'s", "’s")):
        j = k
        while j < n and doc[j].text[:1].isupper() and doc[j].is_alpha:
            j += 1
        if j > k and doc[j - 1].text == "Act":
            return "state"  # "New York's Liberty Act": cities pass ordinances, states pass acts
    start = span.start
    before = doc[start - 1].lower_ if start > 0 else ""
    if before in STATE_PARTS:
        return "state"
    if before in ("of", "from") and start > 1:
        j = start - 2
        while j > 0 and doc[j].ent_type_ == "PERSON":
            j -= 1  # "Gov. Ann Lee of New York": the title before the name
        word = doc[j].lower_
        if word in ("mayor", "mayors"):
            return "city"
        if word in STATE_POSTS or word == "general" and j > 0 and doc[j - 1].lower_ == "attorney":
            return "state"
    # coordination with another state, or "<City>, New York"
    if before in ("and", "or", ",", "&") and start > 1:
        other = top.get(start - 2)
        if other and (only_state(other) or before == "," and other[0].type == "city" and
                      other[0].state == "NY" and other[0].name != "New York City"):
            return "state"
    if after in ("and", "or", ",", "&") and k + 1 < n:
        other = top.get(k + 1)
        if other and only_state(other) and other[0].name != "New York State":
            return "state"
    return None


def in_state_list(doc, span, top: dict[int, list[GazPlace]]) -> bool:
    """A name coordinated with a state ("Virginia, and Washington", "Washington and Oregon")
    is a state too."""
    j = span.start - 1
    while j >= 0 and doc[j].lower_ in (",", "and", "or", "&"):
        j -= 1
    k = span.end
    while k < len(doc) and doc[k].lower_ in (",", "and", "or", "&"):
        k += 1
    return any(j2 in top and top[j2][0].type == "state" and j2 != i for j2, i in
               ((j, span.start - 1), (k, span.end)))


def only_state(cands: list[GazPlace]) -> bool:
    """A name that can only be a state ("New Jersey"; not "Washington", which is also the
    capital and the federal government)."""
    return all(c.type == "state" for c in cands)


def add_place(ctx: Context, place: GazPlace, surface: str) -> str:
    key = "place:" + slug(place.name)
    existing = ctx.facts.places.get(key)
    if existing is None:
        existing = Place(key, place.name, type=place.type, geonames_id=place.geonames_id)
        existing.within = "place:" + slug(place.within) if place.within else None
        ctx.facts.places[key] = existing
    if surface != place.name:
        existing.add_alias(surface)
    return key


def with_state(doc, end: int) -> bool:
    """Whether a state follows the place ending at ``end`` after a comma ("Memphis,
    Tennessee")."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    return any(any(c.type == "state" for c in lookup(doc.text_of(end + 1, end + 1 + k)))
               for k in (1, 2) if end + 1 + k <= len(doc))


def link_parents(ctx: Context, placed: set[str]) -> None:
    """Keep ``within`` only where the parent is itself listed (or is the country); a city whose
    county the text also names sits within the county ("Anaheim" beside "Orange County"),
    unless the text itself places it in its state ("Memphis, Tennessee")."""
    places = ctx.facts.places
    counties = city_counties()
    for place in places.values():
        if place.within and place.within not in places:
            place.within = None
        if place.type not in ("city", "town") or place.within is None or place.key in placed:
            continue
        county = counties.get((place.name, places[place.within].name))
        key = "place:" + slug(county) if county else None
        if key in places and places[key].within == place.within:
            place.within = key
