"""The roles lexicon (data/roles.tsv): which words are titles, and what post each names.

A role form is a lower-case token tuple ("attorney", "general"); its Role says whether the
holder is a public official (yes, no, or "org": depends on the body) and the place a bare
title defaults to ("president" -> United States). Forms are stored the way spaCy splits them
("President-elect" is President / - / elect, "Sens." can be Sens / .) and words are compared
with typographic apostrophes made straight ("State’s Attorney"). A fifth column lists plural
forms ("Sens.", "Council Members"), which title every name of a coordination after them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.gazetteer import data_lines

MAX_ROLE = 4
#: words inside role forms ("Chief of Police", "State's Attorney") that are no title by themselves
FUNCTION_WORDS = frozenset((".", "-", "'s", "of", "for", "and", "the", "to"))


@dataclass(frozen=True)
class Role:
    key: str
    public: str  # yes | no | org
    default_of: str | None
    plural: bool = False


def word(tok) -> str:
    """A token's comparison form: lower case, straight apostrophes."""
    return tok.lower_.replace("’", "'")


def form_variants(form: str) -> set[tuple[str, ...]]:
    """The token tuples spaCy may split a written form into: hyphens are tokens of their own,
    a final period may be attached or not ("Sen." / "Sens" "."), "'s" is split off."""
    words: list[str] = []
    for w in form.lower().replace("’", "'").split():
        parts = re.split(r"(-)", w) if len(w) > 1 else [w]
        for p in parts:
            if p.endswith("'s") and len(p) > 2:
                words += [p[:-2], "'s"]
            elif p:
                words.append(p)
    out = {tuple(words)}
    if words and words[-1].endswith(".") and len(words[-1]) > 1:
        out.add((*words[:-1], words[-1][:-1], "."))
    return out


@lru_cache(maxsize=1)
def roles() -> dict[tuple[str, ...], Role]:
    """Role surface forms as lower-case token tuples -> Role."""
    out: dict[tuple[str, ...], Role] = {}
    for row in data_lines("roles.tsv"):
        role = Role(row[0], row[1], row[2] or None)
        plural = Role(row[0], row[1], row[2] or None, plural=True)
        for column, value in ((3, role), (4, plural)):
            for form in (row[column].split(";") if len(row) > column else []):
                for variant in form_variants(form) if form.strip() else ():
                    out.setdefault(variant, value)
    return out


def role_at_end(tokens) -> tuple[int, Role] | None:
    """The longest role phrase ending at the last of ``tokens``: (its length, role)."""
    words = [word(t) for t in tokens]
    for n in range(min(MAX_ROLE, len(words)), 0, -1):
        role = roles().get(tuple(words[-n:]))
        if role:
            return n, role
    return None


def role_starting(tokens) -> tuple[int, Role] | None:
    """The longest role phrase starting at the first of ``tokens``: (its length, role)."""
    words = [word(t) for t in tokens[:MAX_ROLE]]
    for n in range(min(MAX_ROLE, len(words)), 0, -1):
        role = roles().get(tuple(words[:n]))
        if role:
            return n, role
    return None


@lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    """Every word of every role form (punctuation tokens aside)."""
    return frozenset(w for form in roles() for w in form if w not in FUNCTION_WORDS)


@lru_cache(maxsize=1)
def role_first_words() -> frozenset[str]:
    """The words a role form can start with: a cheap test before looking up whole forms."""
    return frozenset(form[0] for form in roles() if form)


def is_role_word(tok) -> bool:
    return word(tok) in role_words()
