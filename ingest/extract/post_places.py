"""Where a post with no stated jurisdiction sits: the dateline of a government release.

A governor's office writes "HARTFORD, Conn. (May 14, 2019) — Governor Ned Lamont today ..."
and never says which state he governs: the dateline does. Roles whose default jurisdiction in
data/roles.tsv is "@state" or "@city" take the state or city of the dateline when the document
is issued by a government office: its publisher names one, or no publisher is known and its
dateline sentence says "today" (releases write "today announced"; news writes the weekday). A
news outlet's datelines say where a reporter filed, so they are left alone.
"""
from __future__ import annotations

import re

from ingest.extract.context import Context
from ingest.extract.roles import roles

#: a dateline: "HARTFORD, Conn. (May 14, 2019) —", "(Sacramento, CA) –", "CHICAGO —",
#: "August 22, 2019 (SAINT PAUL) —"
DATELINE = re.compile(r"^\s*(?:[A-Z][a-z]+\.? \d{1,2}, \d{4}\s*)?\(?"
                      r"(?P<place>[A-Z][A-Za-z.' ]{1,40}(?:,\s*[A-Z][A-Za-z.]{1,15})?)\)?\s*"
                      r"(?:\([^)\n]{3,30}\)\s*)?[—–-]{1,2}\s")
GOVERNMENT_PUBLISHER = re.compile(r"\b(?:Office|Governor|Mayor|Attorney General|Department|"
                                  r"State of|City of|County|Senator|White House|Agency)\b")

#: the lead of a release: "Governor X today announced", "announced today"
RELEASE_TODAY = re.compile(r"\btoday\b")


def fill_post_places(ctx: Context) -> None:
    """Give posts of "@state"/"@city" roles without a jurisdiction the dateline's place."""
    levels = dateline_places(ctx)
    if not levels:
        return
    level_of = {r.key: r.default_of[1:] for r in roles().values()
                if r.default_of and r.default_of.startswith("@")}
    for ms in ctx.facts.memberships:
        if ms.of is None and level_of.get(ms.role) in levels:
            ms.of = levels[level_of[ms.role]]


def dateline_places(ctx: Context) -> dict[str, str]:
    """"state" and "city" -> place keys named in a government release's dateline."""
    publisher = ctx.document.publisher
    official = bool(GOVERNMENT_PUBLISHER.search(publisher or ""))
    text = ctx.doc.text
    for line in text[ctx.body_start:ctx.body_start + 2000].split("\n")[:6]:
        m = DATELINE.match(line)
        if m is None:
            continue
        if not (official or publisher is None and RELEASE_TODAY.search(line[m.end():][:300])):
            return {}
        written = m.group("place").lower()
        out: dict[str, str] = {}
        for key, place in ctx.facts.places.items():
            names = [place.name, *place.aliases]
            if not any(n and n.lower() in written for n in names):
                continue
            if place.type in ("city", "town"):
                out.setdefault("city", key)
                if place.within and ctx.facts.places.get(place.within) is not None and \
                        ctx.facts.places[place.within].type == "state":
                    out.setdefault("state", place.within)
            elif place.type == "state":
                out["state"] = key
        return out
    return {}
