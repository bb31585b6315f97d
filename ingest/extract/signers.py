"""Who signed the document: the signature block at its end.

Orders, memoranda, proclamations and letters end with the signer's name alone on a line
("DONALD J. TRUMP", "Sincerely, / Jane Roe / Mayor"), sometimes followed by a title, a place
and a date. The name line is recognised by its shape (two to four capitalised words starting
with a known given name) and its place (only short lines follow it). The post comes from the
title beside or under the name, else from the list of office holders at the document date,
else from the enacting clause ("By the authority vested in me as Governor ...").

``document_signer`` lets other extractors (sign events) ask for the signer's key.
"""
from __future__ import annotations

import re

from ingest.extract.context import Context, slug, squash
from ingest.extract.known import first_names, known_post, known_posts, no_initials
from ingest.extract.names import PARTICLES
from ingest.extract.roles import Role, role_starting
from ingest.extract.titles import is_public, pick_of
from kb.facts import Membership, Person

RULE = "person.signature"
CLOSINGS = re.compile(r"^(?:(?:very\s+)?(?:sincerely|respectfully|truly|cordially)(?:\s+yours)?|"
                      r"yours\s+(?:truly|sincerely)|(?:best\s+|kind\s+)?regards|/s/)\s*,?\s*",
                      re.IGNORECASE)
NAME_WORD = re.compile(r"[A-Z][A-Za-z’'\-]*\.?|[A-Z]\.")
AUTHORITY = re.compile(r"vested in me as ((?:[A-Z][\w’'.-]*\s?)+)")
CONTACT = re.compile(r"\b(?:contacts?|press|media)\b|@|\(\d{3}\)|\d{3}[-.\s]\d{3}[-.\s]\d{4}",
                     re.IGNORECASE)
TAIL_LINES = 8  # a signature block sits among the last lines of a document
MAX_FOLLOWING_WORDS = 12  # lines after the name: a title, a place, a date


def extract_signers(ctx: Context) -> None:
    """Record the signer of a signature block as a person with their post."""
    for start, end, title_span in signature_names(ctx):
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        key = signer_key(ctx, span)
        ctx.mark(span.start, span.end, key)
        ctx.facts.people[key].evidence.append(ctx.evidence(span[0], RULE))
        if not any(m.person == key for m in ctx.facts.memberships):
            add_signer_post(ctx, key, span, title_span)


def document_signer(ctx: Context) -> str | None:
    """The key of the person who signed the document, if a signature block names one."""
    for key, person in ctx.facts.people.items():
        if any(e.rule == RULE for e in person.evidence):
            return key
    return None


def signature_names(ctx: Context) -> list[tuple[int, int, tuple[int, int] | None]]:
    """(start, end) of each signer's name among the last lines, with the (start, end) of the
    title written beside or under it."""
    text = ctx.doc.text
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)
             if m.group().strip() and m.start() >= ctx.body_start][-TAIL_LINES:]
    out = []
    for k, (a, b) in enumerate(lines):
        if any(len(text[c:d].split()) > MAX_FOLLOWING_WORDS for c, d in lines[k + 1:]):
            continue
        if any(CONTACT.search(text[c:d]) for c, d in lines[max(0, k - 1):]):
            continue  # a press contact block, not a signature
        line = text[a:b]
        lead = len(line) - len(line.lstrip())
        closing = CLOSINGS.match(line[lead:])
        start = a + lead + (closing.end() if closing else 0)
        name, _, rest = text[start:b].partition(",")
        name = name.rstrip()
        if not name_shape(name, squash(no_initials(name)) in known_posts()):
            continue
        title: tuple[int, int] | None = None
        if rest.strip():
            t0 = start + len(text[start:b]) - len(rest)
            title = (t0 + len(rest) - len(rest.lstrip()), b)
        elif k + 1 < len(lines):
            title = lines[k + 1]
        after_closing = bool(closing) or (k > 0 and CLOSINGS.fullmatch(
            text[lines[k - 1][0]:lines[k - 1][1]].strip()) is not None)
        titled = title is not None and role_line(ctx, title)
        if not titled and k > 0 and len(text[slice(*lines[k - 1])].split()) <= 4 and \
                role_line(ctx, lines[k - 1]):
            title, titled = lines[k - 1], True  # "GOVERNOR" over the name
        if not (after_closing or titled or name.isupper() or AUTHORITY.search(text)):
            continue  # a name alone at the end of a news story (a byline), not a signature
        out.append((start, start + len(name), title))
    return out


def role_line(ctx: Context, line: tuple[int, int]) -> bool:
    """Whether a line starts with a role ("Governor", "Mayor of Riverton")."""
    span = ctx.doc.char_span(*line, alignment_mode="expand")
    return span is not None and role_starting(list(span)) is not None


def name_shape(name: str, listed: bool = False) -> bool:
    """Two to four capitalised words (particles allowed) starting with a known given name
    (or ``listed``: the name of a listed office holder)."""
    words = name.split()
    if not 2 <= len(words) <= 4:
        return False
    if not all(NAME_WORD.fullmatch(w) or w.lower() in PARTICLES for w in words):
        return False
    return listed or first_names().get(words[0].lower().strip(".")) is not None


def signer_key(ctx: Context, span) -> str:
    """The person already found at the name, the person of that name, or a new one."""
    for t in span:
        key = ctx.tok_key.get(t.i)
        if key and key.startswith("person:"):
            person = ctx.facts.people[key]
            if person.name.isupper():
                written, person.name = person.name, person.name.title()
                person.add_alias(written)
            return key
    written = ctx.doc.text_of(span.start, span.end)
    name = written.title() if written.isupper() else written
    for key, person in ctx.facts.people.items():
        if squash(no_initials(person.name)) == squash(no_initials(name)):
            person.add_alias(written)
            return key
    key = "person:" + slug(name)
    person = ctx.facts.people.setdefault(key, Person(key, name))
    person.add_alias(written)
    return key


def add_signer_post(ctx: Context, key: str, span, title_span) -> None:
    """The post from the title line, the list of office holders, or the enacting clause."""
    role, title, of = None, None, None
    if title_span is not None:
        tspan = ctx.doc.char_span(*title_span, alignment_mode="expand")
        hit = role_starting(list(tspan)) if tspan is not None else None
        if hit:
            role = hit[1]
            title = ctx.doc.text[title_span[0]:title_span[1]].strip().rstrip(",.")
            title = title.title() if title.isupper() else title
            of = pick_of(ctx, ctx.keys_in(list(tspan)))
    if role is None:
        if known_post(ctx, ctx.facts.people[key].name, True) is not None:
            return  # the listed post is added with the other listed holders
        role, title = authority_role(ctx)
    if role is None:
        return
    if of is None and role.default_of and "place:" + slug(role.default_of) in ctx.facts.places:
        of = "place:" + slug(role.default_of)
    ctx.facts.memberships.append(Membership(
        key, role.key, title=title or role.key.title(), of=of, public=is_public(ctx, role, of),
        evidence=[ctx.evidence(span[0], RULE)]))


def authority_role(ctx: Context) -> tuple[Role | None, str | None]:
    """The role of "By the authority vested in me as <Role> by ...": the signer's post."""
    m = AUTHORITY.search(ctx.doc.text)
    if m is None:
        return None, None
    span = ctx.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    hit = role_starting(list(span)) if span is not None else None
    if hit is None:
        return None, None
    return hit[1], ctx.doc.text_of(span.start, span.start + hit[0])
