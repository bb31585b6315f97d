"""The shape of a person's name: particles, suffixes, given name, surname key.

Kept apart from the officials extractor because the list of known office holders
(``known.py``) and title-only resolution (``resolve_local.py``) need the same tests of a
name, and importing them from the extractor made ``known`` and ``officials`` import each
other.
"""
from __future__ import annotations

import re

from ingest.extract.context import Context, lexicon, squash
from ingest.extract.roles import MAX_ROLE, role_at_end

PARTICLES = {"de", "van", "von", "da", "del", "della", "la", "le", "di", "du", "bin", "al"}
SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
#: nouns a ruling family's name modifies ("the Castro government", "the Assad regime")
FOREIGN_RULE = frozenset(("government", "regime", "dynasty"))


def has_first_name(tokens) -> bool:
    """Whether a token run starts with a given name (two words or more, no leading particle)."""
    words = [t for t in tokens if t.text not in (".", "-")]
    return len(words) >= 2 and words[0].lower_ not in PARTICLES


def has_first_name_text(name: str) -> bool:
    """``has_first_name`` for a name as text."""
    words = name.split()
    return len(words) >= 2 and words[0].lower() not in PARTICLES


def surname_key(tokens) -> str:
    """Comparison form of the surname: no initials, suffixes or given name."""
    words = [t.text for t in tokens if not re.fullmatch(r"[A-Z]\.?", t.text)
             and t.lower_ not in SUFFIXES and t.text != "."]
    if has_first_name(tokens) and len(words) >= 2:
        words = words[1:]
    return squash(" ".join(words))


def surname_keys(tokens) -> list[str]:
    """The surname key and the shorter surnames a later mention may use: "Mary Beth Canty" is
    "Rep. Canty", "Eileen O'Neill Burke" is "Burke" (words, so "Mark-Viverito" stays whole)."""
    keys = [surname_key(tokens)]
    if has_first_name(tokens):
        words = [t.text for t in tokens if not re.fullmatch(r"[A-Z]\.?", t.text)
                 and t.lower_ not in SUFFIXES and t.text != "."]
        text = " ".join(words[1:]).replace(" - ", "-").replace(" -", "-").replace("- ", "-")
        parts = text.split()
        keys += [squash(" ".join(parts[k:])) for k in range(1, len(parts))]
    return keys


def name_like(ctx: Context, name) -> bool:
    """A span can be a person's name unless its last word is the head of a place, body, law or
    grant name ("Trump Tower", "Rural Housing Grant"); a title just before the name
    overrides the facility test ("Mayor Lee Park")."""
    doc = ctx.doc
    last = name[-1].lower_
    lex = lexicon()
    if last in lex["law_heads"] or last in lex["grant_heads"] or last in lex["org_type_heads"]:
        return False
    titled = name[0].i > 0 and bool(
        role_at_end(doc.tokens[max(0, name[0].i - MAX_ROLE): name[0].i]))
    return titled or last not in set(lex["facility_heads"])
