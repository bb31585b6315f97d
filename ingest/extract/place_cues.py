"""Places written where the model seldom tags them: the conventions of news and releases that
put a place in a fixed slot.

- A legislator's party and home in parentheses: "Sen. Ann Lee (D-Del.)", "Rep. Bo Roe
  (R-Texas)", "(D – Orange County)", and a district label "(22nd District – Elgin)".
- The dateline opening a story, often in capitals: "READING —", "(SAINT PAUL) —".
- A county's name, which the model misses in list lines ("Osceola County Board of ...").
- A federal judicial district: "the Western District of Tennessee", a place of its state.

Each cue yields token spans with their gazetteer candidates; places.py chooses among them as
for any other mention.
"""
from __future__ import annotations

import re

from ingest.extract.context import Context, slug
from ingest.extract.post_places import DATELINE, PARTY_TAG
from ingest.gazetteer import GazPlace, lookup, named_as_local
from kb.facts import Place

#: "(22nd District – Elgin)", "(District 7 - Riverside)"
DISTRICT_TAG = re.compile(r"\((?:\d+(?:st|nd|rd|th) District|District \d+)\s?[-–—]\s?"
                          r"(?P<place>[A-Z][A-Za-z.']*(?: [A-Z][A-Za-z.']*){0,3})\)")
#: "the Western District of Tennessee", "EASTERN DISTRICT OF NEW YORK"
JUDICIAL_DISTRICT = re.compile(r"\b(?P<side>(?:Eastern|Western|Northern|Southern|Middle|Central)"
                               r" District of) (?P<state>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\b",
                               re.IGNORECASE)

#: "the City of Allentown", "the County of Riverside", where the model saw no place
LOCAL_NAME = re.compile(r"\b(?:City|Town|Village|Borough|Township|County|Parish) of "
                        r"[A-Z][a-z]+(?: [A-Z][a-z]+)?")

#: "Osceola County", "Orleans Parish" anywhere, also in list lines the model reads poorly
COUNTY_NAME = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)? (?:County|Parish)\b")

Candidate = tuple[int, int, list[GazPlace]]


def cue_candidates(ctx: Context, taken: set[int]) -> list[Candidate]:
    """Spans in party tags, district labels and the dateline that no other candidate covers."""
    text = ctx.doc.text
    spans = [m.span("place") for pattern in (PARTY_TAG, DISTRICT_TAG)
             for m in pattern.finditer(text)]
    spans += [m.span() for pattern in (LOCAL_NAME, COUNTY_NAME) for m in pattern.finditer(text)]
    line = dateline(ctx)
    if line is not None:
        spans.append(line)
    out: list[Candidate] = []
    for start, end in spans:
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        if span is None or any(t.i in taken for t in span):
            continue
        written = text[start:end]
        cands = lookup(written.rstrip(".")) or lookup(written) or named_as_local(written)
        if written.endswith(("County", "Parish")):
            cands = [c for c in cands if c.type == "county"]
        if cands:
            out.append((span.start, span.end, cands))
            taken.update(range(span.start, span.end))
    return out


def dateline(ctx: Context) -> tuple[int, int] | None:
    """Character span of the place in the body's opening dateline ("READING —"), if any."""
    text = ctx.doc.text
    pos = ctx.body_start
    for line in text[pos:pos + 2000].split("\n")[:6]:
        m = DATELINE.match(line)
        if m is not None:
            place = m.group("place").split(",")[0].strip()
            start = text.find(place, pos)
            return (start, start + len(place)) if start >= 0 else None
        pos += len(line) + 1
    return None


def judicial_districts(ctx: Context) -> None:
    """"The Western District of Tennessee": a federal court district, a place within its
    state (kept when the state is a jurisdiction of the text)."""
    for m in JUDICIAL_DISTRICT.finditer(ctx.doc.text):
        words = m.group("state").split()
        written = next((" ".join(words[:k]) for k in (2, 1) if len(words) >= k and any(
            c.type == "state" for c in lookup(" ".join(words[:k])))), None)
        if written is None:
            continue
        state = next(c for c in lookup(written) if c.type == "state")
        parent = "place:" + slug(state.name)
        if parent not in ctx.facts.places:
            continue
        name = f"{m.group('side').title().replace(' Of', ' of')} {written.title()}"
        end = m.start("state") + len(written)
        key = "place:" + slug(name)
        place = ctx.facts.places.get(key)
        if place is None:
            place = ctx.facts.places[key] = Place(key, name, type="other", within=parent)
        surface = ctx.doc.text[m.start():end]
        if surface != name:
            place.add_alias(surface)
        span = ctx.doc.char_span(m.start(), end, alignment_mode="expand")
        if span is not None:
            place.evidence.append(ctx.evidence(span[0], "place.judicial-district"))
            ctx.mark(span.start, span.end, key)
