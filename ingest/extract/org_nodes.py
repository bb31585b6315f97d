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


# endings of abstract nouns, which surnames seldom have
NOUN_ENDINGS = ("tion", "sion", "ment", "ance", "ence", "ity", "ism", "ness", "ing")


def person_words(ctx: Context) -> set[str]:
    """Surnames of people the model found, to veto ORG/GPE spans that are really people. The
    small model also calls pieces of long names people ("Gang Policy", "Assistance Grant",
    "Delinquency Prevention", "CJPA"): a "name" holding a law, grant or body word, in capitals,
    or of two words without a given name and ending like a noun ("-tion"), vetoes nothing."""
    from ingest.extract.known import first_names

    given = first_names()
    out = set()
    lex = lexicon()
    not_names = set(lex["law_heads"]) | set(lex["org_type_heads"]) | set(lex["grant_heads"])
    for ent in ctx.doc.ents:
        if ent.label_ == "PERSON":
            span = clean_span(ent)
            if any(t.lower_ in not_names for t in span) or span.text.isupper() or (
                    len(span) >= 2 and span[0].lower_ not in given
                    and span[-1].lower_.endswith(NOUN_ENDINGS)):
                continue
            if len(span) >= 1:
                out.add(squash(span[-1].text))
                if len(span) >= 2:
                    out.add(squash(" ".join(t.text for t in span[1:])))
    return out


def merge_into(ctx: Context, src: str, dst: str) -> None:
    """Fold organisation ``src`` into ``dst``: its names, evidence and mentions."""
    orgs = ctx.facts.organizations
    if src == dst or src not in orgs or dst not in orgs:
        return
    orgs[dst].add_alias(orgs[src].name)
    for alias in orgs[src].aliases:
        orgs[dst].add_alias(alias)
    orgs[dst].evidence.extend(orgs[src].evidence)
    ctx.move_mentions(src, dst)
    del orgs[src]
