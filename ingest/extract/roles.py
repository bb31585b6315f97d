"""The roles lexicon (data/roles.tsv): which words are titles, and what post each names.

A role form is a lower-case token tuple ("attorney", "general"); its Role says whether the
holder is a public official (yes, no, or "org": depends on the body) and the place a bare
title defaults to ("governor" -> none, "president" -> United States).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ingest.gazetteer import data_lines

MAX_ROLE = 4


@dataclass(frozen=True)
class Role:
    key: str
    public: str  # yes | no | org
    default_of: str | None


@lru_cache(maxsize=1)
def roles() -> dict[tuple[str, ...], Role]:
    """Role surface forms as lower-case token tuples -> Role."""
    out: dict[tuple[str, ...], Role] = {}
    for row in data_lines("roles.tsv"):
        role = Role(row[0], row[1], row[2] or None)
        for form in row[3].split(";"):
            out[tuple(form.lower().split())] = role
    return out


def role_at_end(tokens) -> tuple[int, Role] | None:
    """The longest role phrase ending at the last of ``tokens``: (its length, role)."""
    words = [t.lower_ for t in tokens]
    for n in range(min(MAX_ROLE, len(words)), 0, -1):
        role = roles().get(tuple(words[-n:]))
        if role:
            return n, role
    return None


def role_starting(tokens) -> tuple[int, Role] | None:
    """The longest role phrase starting at the first of ``tokens``: (its length, role)."""
    words = [t.lower_ for t in tokens]
    for n in range(min(MAX_ROLE, len(words)), 0, -1):
        role = roles().get(tuple(words[:n]))
        if role:
            return n, role
    return None


@lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    """Every word of every role form."""
    return frozenset(w for form in roles() for w in form)


@lru_cache(maxsize=1)
def role_first_words() -> frozenset[str]:
    """The words a role form can start with: a cheap test before looking up whole forms."""
    return frozenset(form[0] for form in roles() if form)


def is_role_word(tok) -> bool:
    return tok.lower_ in role_words()
