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
