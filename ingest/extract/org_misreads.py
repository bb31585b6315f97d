"""Spans the small model calls organisations that news and legal prose use for something else.

- A department named inside a title: "Secretary of Commerce Ann Lee" (the model's "Commerce
  Ann Lee"), "Assistant Secretary of Commerce for Trade", "Sanitation Commissioner Ann Lee",
  "the Ohio State AG": the title's body word belongs to the person's title.
- People in plural: "State Governors", "County Sheriffs".
- Parts of documents: "Schedule C", "Title IX", "Sec. 7. General Provisions." (a heading).
- Acronyms that are no body: file formats and chat words ("[PDF]", "DM us"), Roman numerals
  ("title XCIX"), a law's own acronym ("the NDAA").
- A programme named by its money: "the agency's $300 million Coal Jobs Commitment", "Byrne
  JAG funding".
- A kind of group, not a name: "the creation of a Community of Practice".
"""
from __future__ import annotations

import re

from ingest.extract.context import Context, lexicon
from ingest.extract.org_nodes import is_acronym
from ingest.extract.roles import role_at_end, role_starting, roles
from ingest.gazetteer import city_sections, lookup

ROMAN = re.compile(r"[IVXLCDM]+")
#: "Sec. 7. General Provisions." or "Section 3. Definitions." opening a line
HEADING = re.compile(r"^\s*(?:Sec\.|Section|SEC\.|SECTION)\s*\d+[a-z]?\.\s*", re.M)


def misread(ctx: Context, span) -> bool:
    """True when ``span`` (an organisation entity of the model) is no body."""
    body_word = any(t.lower_ in lexicon()["org_type_heads"] for t in span)
    if len(span) == 1 and is_acronym(span.text):
        return not_a_body_acronym(ctx, span) or programme(ctx, span)
    if title_part(ctx, span, body_word) or not body_word and plural_people(span):
        return True
    if not body_word and (city_with_state(ctx, span) or city_of_named_state(ctx, span)):
        return True  # "Binghamton (New York)": a place the model called a body
    return document_part(span) or heading(ctx, span) or (not body_word and (
        money_named(ctx, span) or kind_of_group(ctx, span) or programme(ctx, span)))


def city_with_state(ctx: Context, span) -> bool:
    """"Binghamton (New York)", "Elgin, Illinois": a US city written with its state is a place
    ("Harvard" and "Stanford" alone stay the universities the model took them for)."""
    doc = ctx.doc
    if span.end + 1 >= len(doc) or doc[span.end].text not in ("(", ","):
        return False
    state = next((doc.text_of(span.end + 1, span.end + 1 + k) for k in (2, 1)
                  if any(c.type == "state" for c in lookup(doc.text_of(span.end + 1,
                                                                       span.end + 1 + k)))),
                 None)
    return state is not None and any(
        c.type in ("city", "town", "county") and c.country == "US" and c.within == next(
            s.name for s in lookup(state) if s.type == "state") for c in lookup(span.text))


def city_of_named_state(ctx: Context, span) -> bool:
    """"Memphis" in a text about Tennessee: a city (of 15,000 people or more; "Harvard" and
    "Stanford" are small towns and stay universities) of a state the text names, or a
    neighbourhood ("who represents Bushwick")."""
    states = {p.name for p in ctx.facts.places.values() if p.type == "state"}
    sections = city_sections()
    return any(c.type == "city" and c.country == "US" and c.population >= 15_000
               and (c.within in states or (c.name, c.state) in sections)
               for c in lookup(span.text))


def not_a_body_acronym(ctx: Context, span) -> bool:
    text = span.text
    if text in lexicon()["not_body_acronyms"]:
        return True
    if span.start > 0 and ctx.doc[span.start - 1].lower_ in lexicon()["document_parts"] and \
            ROMAN.fullmatch(text):
        return True  # "title XCIX"
    return any(text in law.aliases for law in ctx.facts.laws.values())


def title_part(ctx: Context, span, body_word: bool) -> bool:
    """The span is the body word of a title around it: after "<role> of" ("Secretary of
    Commerce ..."), before a role and a name ("Sanitation Commissioner Ann Lee"), or ending in
    a role itself ("Ohio State AG")."""
    doc = ctx.doc
    start = span.start
    if start >= 2 and doc[start - 1].lower_ == "of" and not body_word:
        before = role_at_end(doc.tokens[max(0, start - 5):start - 1])
        if before and before[1].public == "yes":
            return True
    if body_word or is_acronym(span[0].text):
        return False
    tail = role_at_end(list(span))
    if tail and tail[0] < len(span):
        return True
    after = role_starting(doc.tokens[span.end:span.end + 4])
    if after is None or span.end + after[0] >= len(doc):
        return False
    nxt = doc[span.end + after[0]]
    return nxt.ent_type_ == "PERSON" and nxt.text[:1].isupper()


def plural_people(span) -> bool:
    """"State Governors", "County Sheriffs": a plural title, people rather than a body."""
    last = span[-1].lower_
    return last.endswith("s") and (last[:-1],) in roles() and len(span) > 1 and \
        not any(t.lower_ == "of" for t in span)


def document_part(span) -> bool:
    """"Schedule C", "Title IX", "Appendix B": a part of a document with its letter or
    numeral."""
    parts = lexicon()["document_parts"]
    return len(span) == 2 and span[0].lower_ in parts and (
        len(span[1].text) == 1 and span[1].text.isupper() or bool(ROMAN.fullmatch(span[1].text)))


def heading(ctx: Context, span) -> bool:
    """A section heading of a legal text is a title, not a name: the span is all of it ("Sec.
    7. General Provisions.") or opens with its verb ("Sec. 3. Sending Aid to Help Riverside.")."""
    text = ctx.doc.text
    line_start = text.rfind("\n", 0, span[0].idx) + 1
    m = HEADING.match(text, line_start)
    if m is None:
        return False
    end = span[-1].idx + len(span[-1].text)
    if "." in text[m.end():span[0].idx]:
        return False  # past the heading, in the section's text
    if span[0].tag_ == "VB":
        return True
    return m.end() == span[0].idx and text[end:end + 1] in (".", "\n", "")


def money_named(ctx: Context, span) -> bool:
    """"$300 million Coal Jobs Commitment": an amount right before a name makes it a fund or
    a programme."""
    doc = ctx.doc
    return span.start > 0 and doc[span.start - 1].ent_type_ == "MONEY"


def programme(ctx: Context, span) -> bool:
    """"Byrne JAG funding", "Pell grants": a name with no body word before a money noun is a
    programme (a listed funder, "FEMA funding", is read from the gazetteer before this)."""
    doc = ctx.doc
    return span.end < len(doc) and doc[span.end].lower_ in lexicon()["grant_heads"]


def kind_of_group(ctx: Context, span) -> bool:
    """"a Community of Practice that ...": an indefinite article before a name that heads its
    phrase makes it a kind of group; "a Verizon spokesman" keeps its body."""
    doc = ctx.doc
    if span.start == 0 or doc[span.start - 1].lower_ not in ("a", "an"):
        return False
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is None or nxt.pos_ not in ("NOUN", "PROPN")
