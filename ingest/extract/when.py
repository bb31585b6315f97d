"""When a reported event or statement happened: the time expression attached to its verb.

News prose puts the time of an action next to its verb ("X on Monday threatened", "At
Monday's press conference, X warned", "Connecticut in 2013 passed"). A DATE mention belongs
to the first verb above it; a non-finite verb ("in signing the order in January, X said")
passes it up to the finite verb of its clause. A mention attached to the event's own verb wins
over one attached to a verb that governs it ("On Monday X said funds could be withheld"); a
mention in another clause of the sentence ("covering the week of ...") is not the event's time,
nor is the bound of a stretch of time ("since 2014", "until March").
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ingest.dates import date_value, point_in_time

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ingest.extract.context import Context

NON_FINITE = ("VBG", "VBN", "TO", "VB")
# a time after these is a bound of a stretch of time, not when the action happened
BOUNDS = {"since", "until", "till", "through", "before", "after", "by", "from", "to"}
PASS_UP = ("advcl", "pcomp", "prep", "pobj", "acl")


def clause_verb(tok: Token) -> tuple[Token, int]:
    """The verb a token's time belongs to, and how many non-finite verbs it climbed past."""
    node, climbs = tok, 0
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            if node.tag_ in NON_FINITE and node.dep_ in PASS_UP and node.head.i != node.i:
                climbs += 1
                continue
            return node, climbs
    return node, climbs


def governs(upper: Token, lower: Token) -> bool:
    """``lower`` is a verbal complement of ``upper`` ("on Monday vowed to fight", "said on
    Monday that it would cut"): the time of the governing verb is the complement's too. An
    event inside a noun phrase ("criticised on Monday the order threatening ...") is not."""
    node = lower
    while node.i != upper.i:
        if node.dep_ not in ("xcomp", "ccomp", "conj") or node.head.i == node.i:
            return False
        node = node.head
    return True


def sentence_dates(ctx: Context, si: int) -> list[Span]:
    """The DATE mentions of sentence ``si`` that name a point in time, outside quotations."""
    cache: dict[int, list[Span]] | None = getattr(ctx, "_dates", None)
    if cache is None:
        cache = {}
        for ent in ctx.doc.ents:
            if ent.label_ == "DATE" and point_in_time(ent.text) and not ctx.quote_of(ent[0]):
                cache.setdefault(ctx.sent_of[ent.start], []).append(ent)
        ctx._dates = cache  # computed once per document, on the first dated fact
    return cache.get(si, [])


def date_of(ctx: Context, verb: Token) -> str | None:
    """The event verb's own date: ISO when it resolves against the document date, else the
    expression as written ("Monday"); None when its clause has no time expression."""
    best = None
    for ent in sentence_dates(ctx, ctx.sent_of[verb.i]):
        if ent.root.head.lower_ in BOUNDS and ent.root.dep_ == "pobj":
            continue
        head, climbs = clause_verb(ent.root)
        if head.i == verb.i:
            rank = (0, climbs, abs(ent.root.i - verb.i))
        elif governs(head, verb):
            rank = (1, climbs, abs(ent.root.i - verb.i))
        else:
            continue
        if best is None or rank < best[0]:
            best = (rank, ent)
    if best is None:
        return None
    return date_value(best[1].text, ctx.anchor)
