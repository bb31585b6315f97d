"""Statements whose speaker is not the subject of a speech verb: embedded posts and sources.

An embedded post (a tweet copied into an article) is its text on one line and the attribution
on the next: "— Name (@handle) Month D, YYYY". It is the author's statement when the writer
introduces it as theirs, with a lead-in ending in a colon ("the volunteer lawyers tweeted
this:"); a post shown without one illustrates the reporting (a journalist's or outlet's post)
and is left out, as are posts by media outlets and posts that quote someone else.

A block quotation is a paragraph without quote marks after a lead-in that ends in a colon and
whose speech verb has a named person or body as its subject ("In a statement, Mayor Ann Lee
said:"); a document's words shown that way ("the order states the following:") are not a
speaker's.

A government release speaks for the office that issues it: a quotation the text attributes to
no one is the issuing office's (the publisher, when it names an office).

A label before a quotation ("Washington State AG: "...""), or a dash and a name after it
('"..." — Mayor Ann Lee'), credits its speaker.

"According to X, ..." names the source of a quotation in that sentence: X, or the body in its
phrase ("according to a fact sheet from the Immigrant Legal Resource Center").
"""
from __future__ import annotations

import re

from ingest.dates import date_value
from ingest.extract.context import Context, slug, squash
from ingest.extract.known import first_names, no_initials
from ingest.extract.post_places import GOVERNMENT_PUBLISHER
from ingest.extract.roles import role_at_end
from ingest.resolve_local import holder_of, role_holders
from kb.facts import Organization, Person, Statement

POST_BYLINE = re.compile(r"^[—–-]{1,2}\s*(?P<author>[^()\n]{2,60}?)\s*\(@(?P<handle>\w{1,30})\)"
                         r"\s*(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})?\s*$")
LINKS = re.compile(r"\s*(?:pic\.twitter\.com/\S+|https?://\S+)")
QUOTE_MARKS = ('"', "“", "”")
SPEAKER_KINDS = ("person:", "org:")
#: who a speaker tells something ("told reporters:"): an object that does not make the
#: lead-in introduce a list
AUDIENCES = frozenset(("reporter", "journalist", "lawmaker", "audience", "crowd", "resident",
                       "supporter", "member", "colleague", "viewer", "listener", "council"))


def extract_posts(ctx: Context) -> None:
    """Statements of embedded posts that the writer introduces as the author's words."""
    text = ctx.doc.text
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    for k, (a, b) in enumerate(lines):
        byline = POST_BYLINE.match(text[a:b].strip())
        if byline is None or k < 2 or lines[k - 1][0] < ctx.body_start:
            continue
        post_a, post_b = lines[k - 1]
        lead = text[lines[k - 2][0]:lines[k - 2][1]].rstrip()
        post = LINKS.sub("", text[post_a:post_b]).strip()
        if not lead.endswith(":") or not post or any(q in post for q in QUOTE_MARKS):
            continue
        speaker = author_key(ctx, byline.group("author").strip(), a + text[a:b].find(
            byline.group("author")))
        if speaker is None:
            continue
        date = date_value(byline.group("date"), ctx.anchor) if byline.group("date") else None
        token = ctx.doc.char_span(post_a, post_b, alignment_mode="expand")
        if token is None:
            continue
        ctx.facts.statements.append(Statement(
            key=f"statement:{len(ctx.facts.statements) + 1}", speaker=speaker, quote=post,
            date=date or (ctx.anchor.isoformat() if ctx.anchor else None),
            evidence=[ctx.evidence(token[0], "statement.post")]))


def author_key(ctx: Context, author: str, start: int) -> str | None:
    """The entity of a post's author: the one the text already knows by that name (media
    outlets excepted), else a new person (a given name first) or body."""
    span = ctx.doc.char_span(start, start + len(author), alignment_mode="expand")
    keys = ctx.keys_in(list(span)) if span is not None else []
    known = [k for k in keys if k.startswith(SPEAKER_KINDS)]
    if not known:
        want = squash(no_initials(author))
        known = [k for k, e in [*ctx.facts.people.items(), *ctx.facts.organizations.items()]
                 if squash(no_initials(e.name)) == want]
    if known:
        org = ctx.facts.organizations.get(known[0])
        return None if org is not None and org.type == "media" else known[0]
    if first_names().get(author.split()[0].lower()) and len(author.split()) >= 2:
        key = "person:" + slug(author)
        ctx.facts.people.setdefault(key, Person(key, author))
    else:
        key = "org:" + slug(author)
        ctx.facts.organizations.setdefault(key, Organization(key, author))
    if span is not None:
        ctx.mark(span.start, span.end, key)
    return key


def according_to(ctx: Context, sent) -> list[str]:
    """The source an "according to X" phrase in the sentence names: X's person or body, or
    the one in X's phrase ("a report from the county's auditor")."""
    for tok in sent:
        if tok.lower_ != "according":
            continue
        for to in tok.children:
            if to.lower_ != "to":
                continue
            for pobj in to.children:
                if pobj.dep_ != "pobj":
                    continue
                key = ctx.key_at(pobj)
                if key and key.startswith(SPEAKER_KINDS):
                    return [key]
                inner = [k for k in ctx.keys_in(list(pobj.subtree)) if k.startswith(SPEAKER_KINDS)]
                if inner:
                    return inner[:1]
    return []


def issuing_office(ctx: Context) -> list[str]:
    """The office that issues a government release (its publisher), as the speaker of a
    quotation the text attributes to no one; nothing for other publishers."""
    publisher = (ctx.document.publisher or "").split(",")[0].strip()
    if not publisher or not GOVERNMENT_PUBLISHER.search(publisher):
        return []
    want = squash(publisher)
    for key, org in ctx.facts.organizations.items():
        if want in {squash(n) for n in (org.name, *org.aliases)}:
            return [key]
    key = "org:" + slug(publisher)
    ctx.facts.organizations.setdefault(key, Organization(key, publisher, type="agency"))
    return [key]


def extract_block_quotes(ctx: Context, speech: frozenset[str]) -> None:
    """Statements of paragraphs quoted as blocks after "<Speaker> said:" lead-ins."""
    text = ctx.doc.text
    paras = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    for k, (a, b) in enumerate(paras[:-1]):
        if a < ctx.body_start or not text[a:b].rstrip().endswith(":"):
            continue
        qa, qb = paras[k + 1]
        block = text[qa:qb].strip()
        if len(block.split()) < 5 or any(q in block for q in QUOTE_MARKS) or \
                re.match(r"[-•*(\d]|Sec(?:tion|\.)", block) or (
                    k + 2 < len(paras) and POST_BYLINE.match(text[slice(*paras[k + 2])].strip())):
            continue
        speaker = lead_in_speaker(ctx, b, speech)
        lead = ctx.doc.char_span(qa, qb, alignment_mode="expand")
        if speaker is None or lead is None:
            continue
        ctx.facts.statements.append(Statement(
            key=f"statement:{len(ctx.facts.statements) + 1}", speaker=speaker, quote=block,
            date=ctx.anchor.isoformat() if ctx.anchor else None,
            evidence=[ctx.evidence(lead[0], "statement.block")]))


def lead_in_speaker(ctx: Context, end: int, speech: frozenset[str]) -> str | None:
    """The named subject of the speech verb of the sentence ending at ``end`` (a colon)."""
    tokens = [t for t in ctx.doc.tokens if t.idx < end and not t.is_space]
    if not tokens:
        return None
    sent = ctx.sentence(tokens[-1])
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in speech:
            continue
        if any(c.dep_ == "dobj" and c.lemma_.lower() not in AUDIENCES for c in tok.children):
            return None  # "announced the following changes:" introduces a list, not words
        for c in tok.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                key = ctx.key_at(c)
                return key if key and key.startswith(SPEAKER_KINDS) else None
    return None


def colon_label(ctx: Context, span) -> list[str]:
    """"Washington State AG: "The law is ..."", "Mayor Lee: "...": a short label ending in a
    colon at the start of the line names the speaker, by name or by a title one person holds
    in the document."""
    doc = ctx.doc
    k = span.start - 1
    if k < 1 or doc[k].text != ":":
        return []
    line_start = doc.text.rfind("\n", 0, doc[k].idx) + 1
    label = [t for t in doc.tokens[max(0, k - 6):k] if t.idx >= line_start]
    if not label or label[0].idx != line_start or any(t.pos_ == "VERB" for t in label):
        return []
    keys = ctx.keys_in(label)
    people = [key for key in keys if key.startswith("person:")]
    hit = role_at_end(label)
    holder = holder_of(hit[1], role_holders(ctx)) if hit else None
    bodies = [key for key in keys if key.startswith("org:")]
    return people[:1] or ([holder] if holder else bodies[:1])


def dash_credit(ctx: Context, span) -> list[str]:
    """'"..." — Mayor Ann Lee': a dash after the quotation credits the person or body named
    on the rest of the line."""
    doc = ctx.doc
    k = span.end
    if k >= len(doc) or doc[k].text not in ("—", "–", "--", "-"):
        return []
    line_end = doc.text.find("\n", doc[k].idx)
    line_end = len(doc.text) if line_end < 0 else line_end
    credit = [t for t in doc.tokens[k + 1:k + 9] if t.idx < line_end]
    if not credit or credit[-1].idx + len(credit[-1].text) < line_end - 1 or \
            any(t.pos_ in ("VERB", "AUX") for t in credit):
        return []  # a dash inside the writer's sentence ('"..." — Lee disagreed.')
    return [key for key in ctx.keys_in(credit) if key.startswith(("person:", "org:"))][:1]
