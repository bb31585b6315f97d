"""Whom a ruling binds: the person, body or place that a court's finding is about ("ruled that
the city must ...", "a ruling which found that the government could not ...", "granted an
injunction, holding that it was likely the secretary had exceeded his authority")."""
from __future__ import annotations

from ingest.extract.context import Context, lexicon
from ingest.extract.event_arguments import entity_of


def ruled_on(ctx: Context, tok) -> list[str]:
    """Whom a ruling binds: the subject of what it found or held ("ruled that the city must",
    "a ruling which found that the government could not withhold ...", "granted an
    injunction, holding that it was likely the secretary had exceeded his authority")."""
    finding = set(lexicon()["finding_verbs"])
    # the relative clause may hang off the court in "a ruling by the court, which found ..."
    holders = [tok] + [g for c in tok.children if c.dep_ == "prep" for g in c.children
                       if g.dep_ == "pobj"]
    clauses = [tok] + [c for h in holders for c in h.children if c.dep_ in ("relcl", "acl")
                       and c.lemma_.lower() in finding]
    verb = tok.head if tok.dep_ == "dobj" else tok  # "granted an injunction, holding that"
    clauses += [c for c in verb.children if c.dep_ == "advcl" and c.lemma_.lower() in finding]
    for clause in clauses:
        key = bound_subject(ctx, clause)
        if key:
            return [key]
    return []


def bound_subject(ctx: Context, verb, depth: int = 0) -> str | None:
    """The person, body or place that a finding's "that" clause is about; past an expletive
    ("held that it was likely the city had ...") into the clause it introduces."""
    for c in verb.children:
        if c.dep_ != "ccomp":
            continue
        for s in c.children:
            if s.dep_ in ("nsubj", "nsubjpass"):
                key = entity_of(ctx, s) if not expletive(s) else None
                if key and key.startswith(("person:", "org:", "place:")):
                    return key
        if depth < 1 and any(s.dep_ == "nsubj" and expletive(s) for s in c.children):
            key = bound_subject(ctx, c, depth + 1)
            if key:
                return key
    return None


def expletive(subj) -> bool:
    """"It" of "it was likely that ...", "it is clear that ...": no one."""
    return subj.lower_ == "it" and subj.head.lemma_ == "be"
