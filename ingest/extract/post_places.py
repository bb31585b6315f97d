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

from ingest.extract.context import Context, slug, squash
from ingest.extract.roles import roles
from ingest.gazetteer import GazPlace, lookup
from kb.facts import Evidence, Place

#: a dateline: "HARTFORD, Conn. (May 14, 2019) —", "(Sacramento, CA) –", "CHICAGO —",
#: "August 22, 2019 (SAINT PAUL) —"
DATELINE = re.compile(r"^\s*(?:[A-Z][a-z]+\.? \d{1,2}, \d{4}\s*)?\(?"
                      r"(?P<place>[A-Z][A-Za-z.' ]{1,40}(?:,\s*[A-Z][A-Za-z.]{1,15})?)\)?\s*"
                      r"(?:\([^)\n]{3,30}\)\s*)?[—–-]{1,2}\s")
GOVERNMENT_PUBLISHER = re.compile(r"\b(?:Office|Governor|Mayor|Attorney General|Department|"
                                  r"State of|City of|County|Senator|White House|Agency)\b")
#: "(D-Del.)", "(R-Texas)", "(I-Vt.)", "(D – Orange County)", "(R-Dutchess, 7th District)"
PARTY_TAG = re.compile(r"\((?:[RDI]|Dem|Rep|Ind)\.?\s?[-–—]\s?"
                       r"(?P<place>[A-Z][A-Za-z.']*(?: [A-Z][A-Za-z.']*){0,3})\s*[,)]")

#: the lead of a release: "Governor X today announced", "announced today"
RELEASE_TODAY = re.compile(r"\btoday\b")


def fill_post_places(ctx: Context) -> None:
    """Give posts of "@state"/"@city" roles without a jurisdiction the dateline's place, and
    members of Congress their chamber."""
    congress_chambers(ctx)
    listed_places(ctx)
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


#: the chamber of Congress of each legislator role
CHAMBERS = {"senator": "United States Senate", "representative": "United States House of "
            "Representatives"}
#: title words that only members of Congress have ("Congressman", "U.S. Sen.")
FEDERAL_TITLE = re.compile(r"\b(?:Congress(?:man|woman|member)|U\.S\. (?:Sen|Rep)|"
                           r"United States (?:Senator|Representative))", re.I)


def congress_chambers(ctx: Context) -> None:
    """A senator or representative who sits in Congress is a member of its chamber, an
    organisation of the text even when it never names it. Congress is told from a state
    legislature by the title ("Congressman", "U.S. Sen."), by a party tag naming a state after
    the name ("Sen. Ann Lee (D-Del.)": state legislators are tagged with their district or
    town), or by a listed member of Congress; "State Senator" stays in the state."""
    from ingest.extract.known import known_posts
    from ingest.extract.org_nodes import add_org, gaz_lookup

    for ms in ctx.facts.memberships:
        chamber = CHAMBERS.get(ms.role)
        if chamber is None or ms.title.lower().startswith("state") or not (
                ms.of is None or ms.of.startswith("org:") and
                ctx.facts.organizations.get(ms.of) is not None and
                ctx.facts.organizations[ms.of].type == "party"):
            continue
        person = ctx.facts.people.get(ms.person)
        listed = person is not None and any(
            post.of in CHAMBERS.values() for form in (person.name, *person.aliases)
            for post in known_posts().get(squash(form), []))
        if not (listed or in_congress(ctx, ms.person)):
            continue
        hit = gaz_lookup(chamber)
        key = add_org(ctx, hit[0] if hit else chamber, "legislature")
        org = ctx.facts.organizations[key]
        if ms.evidence and not org.evidence:
            org.evidence.append(ms.evidence[0])
        ms.of = key


def in_congress(ctx: Context, person: str) -> bool:
    """Whether a mention of ``person`` has a federal title before it or a state's party tag
    after it."""
    text = ctx.doc.text
    doc = ctx.doc
    for m in ctx.mentions:
        if m.key != person:
            continue
        start = doc[m.start].idx
        if FEDERAL_TITLE.search(text[max(0, start - 40):start]):
            return True
        end = doc[m.end - 1].idx + len(doc[m.end - 1].text)
        tag = PARTY_TAG.match(text, end + (text[end:end + 1] == " "))
        written = tag.group("place") if tag else ""
        if tag and any(c.type == "state" for c in lookup(written) or lookup(written.rstrip("."))):
            return True
    return False


def listed_places(ctx: Context) -> None:
    """A listed holder named in full ("Governor Andrew Cuomo") holds the listed post's place,
    and that place is a jurisdiction of the text even when the text never names it (a story
    about a governor's bill that says only "the state"); places it contains that the text
    names take it as their parent again ("New York City" in "New York State")."""
    from ingest.extract.known import known_posts

    for ms in ctx.facts.memberships:
        person = ctx.facts.people.get(ms.person)
        if ms.of is not None or person is None or len(person.name.split()) < 2:
            continue
        posts = [p for p in known_posts().get(squash(person.name), [])
                 if p.role == ms.role and p.name == person.name and p.covers(ctx.anchor)]
        if len(posts) != 1:
            continue
        place = next((c for c in lookup(posts[0].of) if c.type in ("state", "city")), None)
        if place is not None:
            ms.of = implied_place(ctx, place, ms)


def implied_place(ctx: Context, place: GazPlace, ms) -> str:
    """The key of ``place`` among the text's places, added (with its parent when listed) if
    the text never named it."""
    key = "place:" + slug(place.name)
    places = ctx.facts.places
    if key in places:
        return key
    parent = "place:" + slug(place.within) if place.within else None
    places[key] = Place(key, place.name, type=place.type, geonames_id=place.geonames_id,
                        within=parent if parent in places else None,
                        evidence=[Evidence(e.sentence, e.start, e.end, "place.implied-by-post", 0.5)
                                  for e in ms.evidence[:1]])
    for other in places.values():
        if other.within is None and other.key != key and other.type in ("city", "county", "town"):
            top = lookup(other.name)
            if top and top[0].within == place.name:
                other.within = key
    return key
