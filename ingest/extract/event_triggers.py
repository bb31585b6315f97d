"""Event triggers: which words report an event, of which type and CAMEO code.

The table is ingest/data/event_verbs.tsv: lemma, type, CAMEO code and notes (noun, light,
dyadic, negated) that say when the word counts.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from ingest.extract.context import Context, lexicon
from ingest.gazetteer import data_lines

MONEY_OK = {"award", "support", "give", "provide", "fund", "commit", "allocate", "grant"}


NEEDS_PARTICLE = {"roll": "back", "strike": "down", "claw": "back"}


@lru_cache(maxsize=1)
def event_words() -> dict:
    """ingest/data/event_words.json: the word lists only the event extractor reads."""
    text = resources.files("ingest").joinpath("data", "event_words.json").read_text(
        encoding="utf-8")
    words = json.loads(text)
    return {k: (set(v) if isinstance(v, list) else v) for k, v in words.items()}


@lru_cache(maxsize=1)
def verbs() -> dict[str, tuple[str, str | None, str]]:
    event_words()  # loaded with the verb table, so a worker's preload() covers both
    out = {}
    for row in data_lines("event_verbs.tsv"):
        out[row[0]] = (row[1], row[2] or None if len(row) > 2 else None,
                       row[3] if len(row) > 3 else "")
    return out


def licensed(ctx: Context, tok, lemma: str, typ: str) -> bool:
    """Verbs that only mean the event with the right object ("gave $5 million", "cut funds")."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "dative", "prep", "nsubjpass", "attr")]
    subtree_text = " ".join(t.text for c in objs for t in c.subtree)
    if lemma in MONEY_OK:
        return "$" in subtree_text or "million" in subtree_text or "billion" in subtree_text \
            or any(ctx.key_at(t) and ctx.key_at(t).startswith("grant:") for c in objs
                   for t in c.subtree)
    if typ == "withhold":
        heads = set(lexicon()["grant_heads"])
        return any(t.lower_ in heads or (ctx.key_at(t) or "").startswith(("grant:", "law:"))
                   or t.text[:1].isupper() for c in objs for t in c.subtree)
    if lemma == "issue":  # "issued guidance", not "issued 500 summonses"
        docs, table = set(lexicon()["document_nouns"]), verbs()
        if any(c.dep_ == "dobj" and "noun" in table.get(c.lemma_.lower(), ("", "", ""))[2]
               for c in tok.children):
            return False  # "issued a warning", "issued a ruling": the noun's event
        return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in docs
                   for c in tok.children) or (tok.dep_ == "acl" and tok.head.lemma_.lower()
                                              in docs)
    if typ in ("release",):
        return any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children) or tok.dep_ == "acl"
    if typ == "comply" and lemma == "refuse":
        return any(c.dep_ == "xcomp" for c in tok.children)
    return True
