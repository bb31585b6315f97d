"""Organisation nodes and the public-body gazetteer (data/organizations.tsv) every organisation
rule reads: one canonical name for the short forms news uses ("Justice Department", "DOJ")."""
from __future__ import annotations

import re
from functools import lru_cache

from ingest.extract.context import Context, clean_span, lexicon, slug, squash
from ingest.gazetteer import data_lines
from kb.facts import Organization

STOP = {"of", "and", "the", "for", "on", "in", "to", "&"}


@lru_cache(maxsize=1)
def org_gazetteer() -> dict[str, tuple[str, str, str | None]]:
    """Surface form (exact case for acronyms, lower case otherwise) -> (name, type, parent)."""
    out: dict[str, tuple[str, str, str | None]] = {}
    for row in data_lines("organizations.tsv"):
        name, typ, parent = row[0], row[1], (row[2] or None) if len(row) > 2 else None
        aliases = [a for a in row[3].split(";") if a] if len(row) > 3 else []
        for form in [name, *aliases]:
            out[form if is_acronym(form) else form.lower()] = (name, typ, parent)
    for name in lexicon()["media_names"]:
        out.setdefault(name if is_acronym(name) else name.lower(), (name, "media", None))
    return out


# lower-case words that can open a gazetteer name ("federal government", "the feds")
FIRST_WORDS = {"federal", "the", "homeland", "justice", "state", "treasury", "congress"}


_ACRONYM = re.compile(r"[A-Z][A-Z.&-]{1,7}")


def is_acronym(text: str) -> bool:
    if not text[:1].isupper() or len(text) > 8:  # most words fail here, before the regex
        return False
    return bool(_ACRONYM.fullmatch(text)) and sum(c.isupper() for c in text) >= 2


@lru_cache(maxsize=1)
def gazetteer_prefixes() -> frozenset[str]:
    """Every prefix of every gazetteer key: a name can only start at a token that is one."""
    return frozenset(key[:k] for key in org_gazetteer() for k in range(1, len(key) + 1))


def gaz_lookup(text: str) -> tuple[str, str, str | None] | None:
    gaz = org_gazetteer()
    return gaz.get(text) if is_acronym(text) else gaz.get(text.lower())


def org_type(name: str) -> str:
    heads = lexicon()["org_type_heads"]
    words = re.findall(r"[A-Za-z]+", name.lower())
    for w in reversed(words):
        if w in heads:
            return heads[w]
    for w in words:
        if w in heads:
            return heads[w]
    return "other"


def add_org(ctx: Context, name: str, typ: str | None = None, parent: str | None = None,
            surface: str | None = None) -> str:
    key = "org:" + slug(name)
    org = ctx.facts.organizations.get(key)
    if org is None:
        org = Organization(key, name, type=typ or org_type(name))
        if parent:
            org.within = "org:" + slug(parent)
        ctx.facts.organizations[key] = org
    if surface:
        org.add_alias(surface)
    return key


def person_words(ctx: Context) -> set[str]:
    """Surnames of people the model found, to veto ORG/GPE spans that are really people."""
    out = set()
    for ent in ctx.doc.ents:
        if ent.label_ == "PERSON":
            span = clean_span(ent)
            if len(span) >= 1:
                out.add(squash(span[-1].text))
                if len(span) >= 2:
                    out.add(squash(" ".join(t.text for t in span[1:])))
    return out
