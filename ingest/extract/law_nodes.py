"""Law nodes: the one place a law fact is created or found again, shared by the rules that read
citations, named acts and orders, and policies (laws.py, citations.py, policies.py)."""
from __future__ import annotations

from ingest.extract.context import Context, slug
from kb.facts import Law

GENERIC_LAW = {"law", "bill", "legislation", "measure", "ordinance", "statute"}


def add_law(ctx: Context, name: str, typ: str, jurisdiction: str | None = None,
            year: int | None = None, surface: str | None = None, key: str | None = None) -> str:
    """The law named ``name`` (created on first sight). Its type is fixed by the first rule that
    names it: a law has exactly one ``schema:legislationType``, so a later reading of the same
    name as another kind adds a surface form, never a second type."""
    key = key or "law:" + slug(name)
    law = ctx.facts.laws.get(key)
    if law is None:
        law = Law(key, name, type=typ, jurisdiction=jurisdiction, year=year)
        ctx.facts.laws[key] = law
    if surface:
        law.add_alias(surface)
    return key


def char_span_tokens(ctx: Context, start: int, end: int):
    """The tokens covering characters [start, end) (expanded to whole tokens)."""
    return ctx.doc.char_span(start, end, alignment_mode="expand")


def found(ctx: Context, start: int, end: int, name: str, typ: str, jurisdiction: str | None,
          rule: str, surface: str | None) -> str | None:
    """A law cited at characters [start, end): node, evidence and mention, in the body only."""
    span = char_span_tokens(ctx, start, end)
    if span is None or not ctx.in_body(span[0]):
        return None
    key = add_law(ctx, name, typ, jurisdiction, surface=surface)
    ctx.facts.laws[key].evidence.append(ctx.evidence(span[0], rule))
    ctx.mark(span.start, span.end, key)
    return key


# nouns standing for a jurisdiction of the text ("the city's", "the state's")
PLACE_NOUNS = {"city": "local", "town": "local", "county": "local", "village": "local",
               "borough": "local", "state": "state", "commonwealth": "state"}
LEVELS = {"state": ("state",), "local": ("city", "town", "county"), "country": ("country",)}


def place_of_level(ctx: Context, token_i: int, level: str) -> str | None:
    """The jurisdiction of ``level`` ("state", "local", "country") a law at token ``token_i``
    belongs to: the nearest place mentioned before it (or, failing that, after it) that is of
    that level or lies within one ("Sacramento" -> California for a state bill)."""
    wanted = LEVELS[level]
    before = sorted((m for m in ctx.mentions if m.key.startswith("place:")
                     and m.start < token_i), key=lambda m: -m.start)
    after = sorted((m for m in ctx.mentions if m.key.startswith("place:")
                    and m.start >= token_i), key=lambda m: m.start)
    for mention in before + after:
        key: str | None = mention.key
        seen = 0
        while key and seen < 4:
            place = ctx.facts.places.get(key)
            if place is None:
                break
            if place.type in wanted:
                return key
            key, seen = place.within, seen + 1
    return None


def merge_law(ctx: Context, src: str, dst: str) -> None:
    """Fold law ``src`` into ``dst`` (two names of one law): names, evidence, mentions."""
    laws = ctx.facts.laws
    if src == dst or src not in laws or dst not in laws:
        return
    for name in (laws[src].name, *laws[src].aliases):
        laws[dst].add_alias(name)
    laws[dst].evidence.extend(laws[src].evidence)
    laws[dst].year = laws[dst].year or laws[src].year
    laws[dst].jurisdiction = laws[dst].jurisdiction or laws[src].jurisdiction
    ctx.move_mentions(src, dst)
    del laws[src]


def join_appositions(ctx: Context) -> None:
    """"Senate Bill 54, the California Values Act", "the Values Act (SB 54)": a law named right
    beside another, set off by a comma or parentheses, is the same law; the named act keeps
    its name and the number becomes another name of it."""
    doc = ctx.doc
    mentions = sorted((m for m in ctx.mentions if m.key.startswith("law:")),
                      key=lambda m: m.start)
    for a, b in zip(mentions, mentions[1:], strict=False):
        if a.key == b.key or a.key not in ctx.facts.laws or b.key not in ctx.facts.laws:
            continue
        between = [t.lower_ for t in doc.tokens[a.end:b.start]]
        if between not in (["("], [","], [",", "the"], ["(", "the"]):
            continue
        first, second = ctx.facts.laws[a.key], ctx.facts.laws[b.key]
        if first.type not in ("bill", "statute") or second.type not in ("bill", "statute"):
            continue
        numbered = [law for law in (first, second) if any(c.isdigit() for c in law.name)]
        if len(numbered) != 1:
            continue
        named = second if numbered[0] is first else first
        merge_law(ctx, numbered[0].key, named.key)


def owner_place(ctx: Context, i: int) -> str | None:
    """"the state's" / "the city's" / "its" / "<Place>'s" right before token ``i``."""
    doc = ctx.doc
    if i < 2 or doc[i - 1].text not in ("'s", "’s", "its", "Its"):
        return None
    if doc[i - 1].lower_ == "its":
        return nearest_place(ctx, i)
    owner = doc[i - 2]
    key = ctx.tok_key.get(owner.i, "")
    if key.startswith("place:"):
        return key
    level = PLACE_NOUNS.get(owner.lower_)
    return place_of_level(ctx, owner.i, level) if level else None


def nearest_place(ctx: Context, i: int) -> str | None:
    for key in ctx.mentions_before(i, "place:", window=80):
        if key != "place:united-states":
            return key
    return None


def new(ctx: Context, name: str, typ: str, place: str | None, start: int, end: int, tok,
        rule: str, surface: str) -> str:
    key = add_law(ctx, name, typ, place, surface=surface)
    ctx.facts.laws[key].evidence.append(ctx.evidence(tok, rule))
    ctx.mark(start, end, key)
    return key
