"""People the list of office holders (data/officials.tsv, see known.py) makes officials.

News names the famous without their posts ("Newsom said", "Trump" tagged as a body): a run of
proper nouns that is a listed name or short form fitting one holder at the document's date is
a person, and a person named without a post who held a listed one gets it.
"""
from __future__ import annotations

from functools import lru_cache

from ingest.extract.context import Context, slug, squash
from ingest.extract.known import known_post, known_posts, no_initials
from ingest.extract.names import (
    FOREIGN_RULE,
    PARTICLES,
    has_first_name,
    has_first_name_text,
    name_like,
)
from ingest.extract.roles import is_role_word
from ingest.extract.titles import PersonMention
from kb.facts import Membership


def add_known_posts(ctx: Context) -> None:
    """People the text names without a post who held a listed one at the document's date
    ("Newsom said" in 2020): full name and post from data/officials.tsv."""
    titled = {m.person for m in ctx.facts.memberships}
    for key, person in ctx.facts.people.items():
        if key in titled:
            continue
        post = known_post(ctx, person.name, has_first_name_text(person.name))
        if post is None:
            continue
        written = person.name
        person.name = listed_name(written, post.name)
        person.add_alias(written)
        if person.name in person.aliases:
            person.aliases.remove(person.name)
        of = "place:" + slug(post.of)
        if of not in ctx.facts.places:
            of = "org:" + slug(post.of)
            of = of if of in ctx.facts.organizations else None
        ev = person.evidence[:1]
        ctx.facts.memberships.append(Membership(
            key, post.role, title=post.title, of=of, public=True,
            evidence=[type(e)(e.sentence, e.start, e.end, "person.known-post", 0.8) for e in ev]))


def listed_name(written: str, listed: str) -> str:
    """The canonical name of a listed holder: the written full name when it only adds middle
    initials to the listed one ("Donald J. Trump"), in title case when written in capitals (a
    signature block), else the listed name."""
    if squash(no_initials(written)) == squash(listed) and len(written) > len(listed):
        return written.title() if written.isupper() else written
    return listed


def known_names(ctx: Context, found: list[PersonMention]) -> list[PersonMention]:
    """Names of listed post holders the model missed or mislabelled ("Cuomo endorsed", "Trump"
    tagged as a body): a proper-noun run that is, as a whole, a listed name or short form which
    fits one holder at the document's date (see ingest.extract.known)."""
    doc = ctx.doc
    taken = {i for m in found for i in range(m.start, m.end)}
    out: list[PersonMention] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if not (tok.pos_ == "PROPN" and (tok.text[:1].isupper() or tok.lower_ in PARTICLES)) or \
                i in taken or i in ctx.tok_key or not ctx.in_body(tok):
            i += 1
            continue
        prev = doc[i - 1] if i else None
        if prev is not None and prev.pos_ == "PROPN" and prev.text[:1].isupper() and \
                not is_role_word(prev):
            i += 1
            continue  # inside a longer name ("Tim Scott" is not Phil Scott)
        if squash(tok.text) not in known_prefixes():
            i += 1
            continue  # no listed name starts with this word
        for n in (3, 2, 1):
            name = doc.tokens[i:i + n]
            if len(name) < n or any(t.i in taken or t.i in ctx.tok_key for t in name) or \
                    name[-1].text == "-":
                continue
            if not all((t.pos_ == "PROPN" and t.text[:1].isupper()) or t.lower_ in PARTICLES
                       or t.text == "-" for t in name):
                continue
            nxt = doc[i + n] if i + n < len(doc) else None
            if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper():
                continue
            if name[-1].ent_type_ in ("FAC", "DATE", "NORP"):
                continue
            if n == 1 and nxt is not None and nxt.lower_ in FOREIGN_RULE:
                continue  # "the Castro government" is another country's, not a listed holder
            if known_post(ctx, doc.text_of(i, i + n), has_first_name(name)) and \
                    name_like(ctx, name):
                out.append(PersonMention(i, i + n, name, rule="person.known-name"))
                i += n - 1
                break
        i += 1
    return out


@lru_cache(maxsize=1)
def known_prefixes() -> frozenset[str]:
    """Every prefix of every listed holder's squashed name or short form: a listed name can
    only start at a word whose squashed form is one."""
    return frozenset(key[:k] for key in known_posts() for k in range(len(key) + 1))
