"""The recipient named in a table cell, resolved like any other mention.

A cell usually holds a name the earlier extractors already found in the running text (the
model tags "Bridgeport" or "Arizona Criminal Justice Commission" inside a row as it would in
a sentence), so the entity marked on the cell's tokens is taken first. A cell they missed is
looked up in the place gazetteer ("Town of Canton" is Canton; of several places of that name
the one in a state the row or the document names) and otherwise kept as an organisation.
"""

from __future__ import annotations

from bisect import bisect_left

from ingest.extract.context import Context, squash
from ingest.extract.org_nodes import add_org, org_type
from ingest.extract.places import add_place
from ingest.gazetteer import GazPlace, lookup

from .columns import award_words

_BODIES = ("place:", "org:", "person:")
_COVER = 0.6  # a mention this much of the cell's name is the recipient


def token_range(starts: list[int], start: int, end: int) -> tuple[int, int]:
    """Tokens [a, b) whose text lies in characters [start, end) of the document, given the
    sorted character offsets of all tokens."""
    return bisect_left(starts, start), bisect_left(starts, end)


def resolve(ctx: Context, starts: list[int], name: str, start: int, end: int,
            where: str = "", strict: bool = False) -> str | None:
    """The entity key of the recipient ``name`` written at [start, end) of the text. With
    ``strict`` (a list item, which has no header saying its first part is a recipient) a name
    nothing else recognised must look like a proper name to become an organisation."""
    if not name.strip():
        return None
    a, b = token_range(starts, start, end)
    place = _place(ctx, name, where) if _prefixed(name) else None
    key = add_place(ctx, place, name) if place else _marked(ctx, name, a, b)
    if key is None:
        place = _place(ctx, name, where)
        if place is None and strict and not proper_name(name):
            return None
        key = add_place(ctx, place, name) if place else add_org(ctx, name)
        entity = ctx.entity(key)
        if entity is not None and not entity.evidence:
            entity.evidence.append(ctx.evidence(ctx.doc[a], "table.recipient"))
    else:
        _fuller_name(ctx, key, name)
    if b > a:
        ctx.mark(a, b, key)
    return key


def _fuller_name(ctx: Context, key: str, name: str) -> None:
    """A body the text named in part ("University of Texas") whose table cell gives its whole
    name ("The University of Texas at El Paso"): the cell's name is the canonical one."""
    org = ctx.facts.organizations.get(key)
    if org is None:
        return
    full = name[4:] if name.startswith("The ") else name
    if len(full) > len(org.name) and squash(org.name) in squash(full):
        org.add_alias(org.name)
        org.name = full


def proper_name(name: str) -> bool:
    """Two or more capitalised words ("Southeast Conference"), or a body's head word
    ("Coalfield Development Corporation", "Brookline Housing Authority")."""
    capitals = [w for w in name.split() if w[:1].isupper()]
    return len(capitals) >= 2 or org_type(name) != "other"


def _marked(ctx: Context, name: str, a: int, b: int) -> str | None:
    """An entity already marked on the cell's tokens that covers most of the name."""
    want = squash(name)
    best, best_len = None, 0
    for m in ctx.mentions:
        if m.end <= a or m.start >= b or not m.key.startswith(_BODIES):
            continue
        got = squash(m.text)
        if got and (got == want or len(got) >= _COVER * len(want)) and len(got) > best_len:
            best, best_len = m.key, len(got)
    if best:
        return best
    for key in (ctx.tok_key.get(i) for i in range(a, b)):  # a name the entity holds as alias
        entity = ctx.entity(key)
        if entity is not None and key.startswith(_BODIES) and want in (
                {squash(entity.name)} | {squash(x) for x in entity.aliases}):
            return key
    return None


def _prefixed(name: str) -> bool:
    """"Town of Canton", "City of Manchester": a municipality named as a body."""
    low = name.strip().lower()
    return any(low.startswith(p + " ") for p in award_words()["place_prefixes"])


def _place(ctx: Context, name: str, where: str) -> GazPlace | None:
    """The gazetteer place a cell names, in the state the row names or one the document
    mentions; a bare city name the document gives no state for is not guessed."""
    bare = name.strip()
    for prefix in award_words()["place_prefixes"]:
        if bare.lower().startswith(prefix + " "):
            bare = bare[len(prefix) + 1:]
            break
    cands = lookup(bare)
    if not cands:
        return None
    if cands[0].type in ("country", "state"):
        return cands[0]
    wanted = {c.state for c in lookup(where) if c.type == "state"} if where else set()
    wanted = wanted or _states_named(ctx)
    return next((c for c in cands if c.country == "US" and c.state in wanted), None)


def _states_named(ctx: Context) -> set[str]:
    states: set[str] = set()
    for place in ctx.facts.places.values():
        if place.type == "state":
            states.update(c.state for c in lookup(place.name) if c.type == "state" and c.state)
    return states
