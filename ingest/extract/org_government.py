"""Government as an actor: the publisher of a document, administrations, and offices that legal
texts name without a holder.

- The publisher the document's header names ("By Jane Roe, The Daily Planet", "The White
  House, Presidential Actions") is an organisation, also when the body never names it again.
- "the Obama administration", "the Trump Administration": a president's (or governor's,
  mayor's) administration is an organisation of that government; a later "the administration"
  is the same one.
- "the Cuban government", "the government of Cuba", "Cuba's government": a foreign country's
  government is an organisation of that country ("Government of Cuba").
- "The Attorney General shall ...", "THE SECRETARY OF HOMELAND SECURITY" in an order's address
  block: an office without a named holder acts as its body (data/office_bodies.tsv, or the body
  its title names: "Director of the X" -> X, "Secretary of X" -> Department of X).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ingest.extract.context import Context, slug, squash
from ingest.extract.known import known_posts
from ingest.extract.org_nodes import add_org, gaz_lookup, org_type
from ingest.gazetteer import data_lines

OFFICE = re.compile(r"\b(?:[Tt]he|THE)\s+((?:Attorney General|ATTORNEY GENERAL|Solicitor General|"
                    r"Surgeon General|Postmaster General)|(?:Secretary|SECRETARY|Director|DIRECTOR|"
                    r"Administrator|ADMINISTRATOR|Commissioner|COMMISSIONER) (?:of|OF) "
                    r"((?:(?:the|THE|and|AND|[A-Z][A-Za-z]+),? ?){1,8}))")
HEADER_NOISE = re.compile(r"\s*\([^)]*\)|,\s*'[^']*'|;.*$")
PUBLIC_ROLES = frozenset(("attorney", "governor", "mayor", "senator", "president", "secretary",
                          "commissioner", "director", "representative", "comptroller"))


def extract_government(ctx: Context) -> None:
    publisher(ctx)
    administrations(ctx)
    foreign_governments(ctx)
    if legal_text(ctx) and not state_enactment(ctx):
        offices_without_holder(ctx)


@lru_cache(maxsize=1)
def office_bodies() -> dict[str, str]:
    return {row[0].lower(): row[1] for row in data_lines("office_bodies.tsv")}


def publisher(ctx: Context) -> None:
    """Each part of the publisher's name ("U.S. Department of Justice, Office of Public
    Affairs") that the header lines above the body write out is an organisation; so is each
    part of a publisher the reader took from a header it kept out of the text, or from the
    document's metadata (Document.text is then the body alone)."""
    header = ctx.doc.text[:ctx.body_start]
    name = HEADER_NOISE.sub("", ctx.document.publisher or "")
    if not name or not ctx.doc.text:
        return
    parent = None
    for part in (p.strip() for p in name.split(",")):
        words = part.split()
        if len(part) < 3 or header and part not in header or not words or \
                words[-1].lower() in PUBLIC_ROLES:
            continue
        if "place:" + squash(part).replace(" ", "-") in ctx.facts.places:
            continue
        hit = gaz_lookup(part) or gaz_lookup(re.sub(r"^(?:The|U\.S\.)\s+", "", part))
        typ = hit[1] if hit else (org_type(part) if org_type(part) != "other" else "media")
        key = add_org(ctx, hit[0] if hit else part, typ, hit[2] if hit else parent, part)
        org = ctx.facts.organizations[key]
        span = ctx.doc.char_span(header.find(part), header.find(part) + len(part),
                                 alignment_mode="expand") if header else None
        if span is not None:  # evidence, but no mention: a byline is nobody's act
            org.evidence.append(ctx.evidence(span[0], "org.publisher"))
        else:  # named by the metadata only: the document's first sentence stands for it
            org.evidence.append(ctx.evidence(ctx.doc[0], "org.publisher", 0.5))
        if parent and not org.within and parent != key:
            org.within = parent
        parent = parent or key


def administrations(ctx: Context) -> None:
    """"<Person> administration" and the later "the administration"."""
    doc = ctx.doc
    latest: str | None = None
    posts = known_posts()
    for tok in doc:
        if tok.lower_ != "administration" or tok.i == 0 or not ctx.in_body(tok):
            continue
        prev = doc[tok.i - 1]
        key = ctx.tok_key.get(tok.i)
        if key and key.startswith("org:") and key.endswith("administration"):
            latest = key
            continue
        if key:
            continue
        if prev.text[:1].isupper() and (prev.ent_type_ == "PERSON" or squash(prev.text) in posts):
            held = posts.get(squash(prev.text), [])
            key = add_org(ctx, f"{prev.text} administration", "other")
            org = ctx.facts.organizations[key]
            if any(p.role == "president" for p in held) and not org.jurisdiction and \
                    "place:united-states" in ctx.facts.places:
                org.jurisdiction = "place:united-states"
            org.add_alias(f"{prev.text} {tok.text}")
            org.evidence.append(ctx.evidence(tok, "org.administration"))
            ctx.mark(prev.i, tok.i + 1, key)
            latest = key
        elif prev.lower_ in ("the", "his", "her") and not ctx.quote_of(tok) and not any(
                c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            latest = latest or sitting_president(ctx)
            if latest is None:
                continue
            org = ctx.facts.organizations[latest]
            org.add_alias(f"{prev.text} {tok.text}")
            org.evidence.append(ctx.evidence(tok, "org.administration"))
            ctx.mark(prev.i, tok.i + 1, latest)


def sitting_president(ctx: Context) -> str | None:
    """"The administration" before any is named: the administration of the president in office
    on the document's date, when the text names that president."""
    from datetime import date

    when = ctx.anchor
    if not isinstance(when, date):
        return None
    for posts in known_posts().values():
        for post in posts:
            if post.role != "president" or not post.covers(when):
                continue
            surname = post.name.split()[-1]
            if surname not in ctx.doc.text:
                return None
            key = add_org(ctx, f"{surname} administration", "other")
            org = ctx.facts.organizations[key]
            if "place:united-states" in ctx.facts.places:
                org.jurisdiction = org.jurisdiction or "place:united-states"
            return key
    return None


def legal_text(ctx: Context) -> bool:
    """An order, memorandum or bill: offices there act by directive ("shall")."""
    head = ctx.doc.text[:4000]
    return bool(re.search(r"\bhereby ordered\b|^MEMORANDUM FOR\b|\bauthority vested in me\b|"
                          r"\bBe it enacted\b", head, re.M))


def state_enactment(ctx: Context) -> bool:
    """A state's law ("Be it enacted by the Senate and General Assembly of the State of New
    Jersey"): its "Attorney General" is the state's, not the federal Department of Justice."""
    return bool(re.search(r"\b[Bb]e it enacted by the [^:\n]{0,80}?\b(?:State|Commonwealth) of "
                          r"[A-Z]", ctx.doc.text[:4000]))


def offices_without_holder(ctx: Context) -> None:
    doc = ctx.doc
    text = doc.text
    pos = 0
    while (m := OFFICE.search(text, pos)) is not None:
        written = one_office(m.group(1))
        pos = m.start(1) + len(written)  # "... of Education and the Secretary of Labor": both
        if m.group(1).rstrip(" ").endswith(",") and text[m.end():m.end() + 1] == "\n":
            continue  # the name runs on to the next line: too broken to read
        office = " ".join(written.replace(",", " ").split())
        body = body_of_office(office)
        if body is None:
            continue
        span = doc.char_span(m.start(), m.start(1) + len(written.rstrip(", ")),
                             alignment_mode="expand")
        if span is None or any(t.i in ctx.tok_key and not ctx.tok_key[t.i].startswith("org:")
                               for t in span):
            continue
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.ent_type_ == "PERSON":
            continue  # "the Attorney General Pam Bondi": a named holder
        hit = gaz_lookup(body)
        key = add_org(ctx, hit[0] if hit else body, hit[1] if hit else None,
                      hit[2] if hit else None)
        org = ctx.facts.organizations[key]
        org.evidence.append(ctx.evidence(span[0], "org.office-body"))
        inner = {ctx.tok_key.get(t.i) for t in span} - {None}
        if not inner:
            ctx.mark(span.start, span.end, key)


NEXT_OFFICE = re.compile(r",? (?:and|AND)(?: (?:the|THE))? (?=(?:Secretary|SECRETARY|Director|"
                         r"DIRECTOR|Administrator|ADMINISTRATOR|Commissioner|COMMISSIONER|"
                         r"Attorney|ATTORNEY)\b)|,? (?:and|AND)(?: (?:the|THE))?$|,? (?:the|THE)$")


def one_office(written: str) -> str:
    """"Secretary of Education and the Secretary of Labor shall": the first office only."""
    cut = NEXT_OFFICE.search(written)
    return written[:cut.start()] if cut else written


def body_of_office(office: str) -> str | None:
    """"Attorney General" -> "Department of Justice"; "Secretary of Homeland Security" ->
    "Department of Homeland Security"; "Director of the Federal Bureau of Investigation" ->
    "Federal Bureau of Investigation"; upper-case address lines read the same."""
    if office.isupper():
        office = " ".join(w if w in ("OF", "AND", "THE") else w.capitalize()
                          for w in office.split()).replace("OF", "of").replace(
            "AND", "and").replace("THE", "the")
    listed = office_bodies().get(office.lower())
    if listed:
        return listed
    m = re.match(r"(Secretary|Director|Administrator|Commissioner) of (?:the )?(.+)$", office)
    if not m:
        return None
    rest = m.group(2).strip()
    if m.group(1) == "Secretary":
        for form in (f"Department of {rest}", f"Department of the {rest}"):
            hit = gaz_lookup(form)
            if hit:
                return hit[0]
        return f"Department of {rest}"
    hit = gaz_lookup(rest) or (gaz_lookup(f"{rest} Administration")
                               if m.group(1) == "Administrator" else None)
    if hit:
        return hit[0]
    return rest if len(rest.split()) >= 2 else None


#: "the Cuban government", "the Venezuelan regime", "the government of Cuba", "Cuba's government"
FOREIGN_GOVERNMENT = re.compile(
    r"\b[Tt]he (?P<adj>[A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:government|regime)\b|"
    r"\b[Tt]he (?:government|regime) of (?P<of>(?:the )?[A-Z][a-z]+(?: [A-Z][a-z]+)?)\b|"
    r"\b(?P<own>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:'s|’s) (?:government|regime)\b")


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    return {row[0]: row[1] for row in data_lines("demonyms.tsv")}


def foreign_governments(ctx: Context) -> None:
    """A foreign country's government named by its adjective, its name or its possessive is
    the body "Government of <Country>" (the United States' own is the federal government)."""
    from ingest.gazetteer import lookup

    doc = ctx.doc
    for m in FOREIGN_GOVERNMENT.finditer(doc.text):
        written = m.group("adj") or m.group("of") or m.group("own")
        named = demonyms().get(written, written)
        country = next((c for c in lookup(named) if c.type == "country"), None)
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or m.start() < ctx.body_start:
            continue
        if country is None and m.group("adj"):
            country = ruled_country(ctx, span)
        if country is None or country.country == "US":
            continue
        key = add_org(ctx, f"Government of {country.name}", "other",
                      surface=doc.text_of(span.start + (span[0].lower_ == "the"), span.end))
        org = ctx.facts.organizations[key]
        place = "place:" + slug(country.name)
        if place in ctx.facts.places:
            org.jurisdiction = org.jurisdiction or place
        org.evidence.append(ctx.evidence(span[0], "org.foreign-government"))
        ctx.mark(span.start, span.end, key)


#: listed posts that head a government of their own
HEADS = frozenset(("president", "vice president", "governor", "mayor"))


def ruled_country(ctx: Context, span):
    """"The Castro government": a foreign government named after its leader is that of the
    foreign country named last before it (the only one, when none comes before)."""
    from ingest.gazetteer import lookup

    leader = span[1] if span[0].lower_ == "the" else span[0]
    if leader.ent_type_ != "PERSON" or any(
            post.role in HEADS and post.covers(ctx.anchor)
            for post in known_posts().get(squash(leader.text), [])):
        return None  # a listed US head's government; "the State government" is no person's
    places = ctx.facts.places
    countries = [(m.start, places[m.key].name) for m in ctx.mentions
                 if m.key != "place:united-states" and m.key in places
                 and places[m.key].type == "country"]
    before = [name for start, name in countries if start < span.start]
    names = {name for _, name in countries}
    pick = before[-1] if before else (names.pop() if len(names) == 1 else None)
    return next((c for c in lookup(pick) if c.type == "country"), None) if pick else None
