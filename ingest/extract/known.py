"""Common knowledge about people: who held which public post when, and given names' genders.

News names the famous by surname alone ("Newsom vetoed the bill") and never says that the
president is the president. ``data/officials.tsv`` lists the holders of the main US posts with
the dates of their terms, so a surname or full name in a document dated inside a term gets that
person's full name and post. A surname matches only when one listed holder fits: the term covers
the document date and, for a state or city post, the document names that state or city.

``data/first_names.tsv`` (US Census given names) gives the likely gender of a first name; with
gendered titles ("spokeswoman") and the officials list it lets a pronoun skip antecedents of the
other gender.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ingest.extract.context import Context, slug, squash
from ingest.extract.names import has_first_name_text
from ingest.gazetteer import data_lines

FEDERAL_OF = ("United States",)
FAMOUS_BY_SURNAME = ("president", "vice president")


@dataclass(frozen=True)
class KnownPost:
    name: str
    role: str
    title: str
    of: str
    start: date | None
    end: date | None
    gender: str
    forms: tuple[str, ...]

    def held_before(self, when: date | None) -> bool:
        """Whether the term ended before ``when`` (a former holder at that date)."""
        return when is not None and self.end is not None and self.end < when

    def covers(self, when: date | None) -> bool:
        if when is None:
            return True
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


def _date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


@lru_cache(maxsize=1)
def known_posts() -> dict[str, list[KnownPost]]:
    """Squashed full name or short form -> the posts of the people it names."""
    out: dict[str, list[KnownPost]] = {}
    for row in data_lines("officials.tsv"):
        row += [""] * (8 - len(row))
        forms = tuple(f for f in row[7].split(";") if f)
        post = KnownPost(row[0], row[1], row[2], row[3], _date(row[4]), _date(row[5]),
                         row[6] or "u", forms)
        for form in {row[0], *forms}:
            out.setdefault(squash(form), []).append(post)
    return out


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    return {row[0].lower(): row[1] for row in data_lines("first_names.tsv")}


def known_post(ctx: Context, name: str, full: bool) -> KnownPost | None:
    """The one listed post the name can refer to in this document, else None.

    ``full``: the name has a first name, so it must be the listed full name (or a listed form).
    A surname alone must fit exactly one listed person, and a state or city post needs that
    place named in the document."""
    listed = known_posts().get(squash(name)) or known_posts().get(squash(no_initials(name)), [])
    if not full:
        listed = [p for p in listed if p.of in FEDERAL_OF or "place:" + slug(p.of) in
                  ctx.facts.places or not place_like(p.of)]
    # a holder at the document's date, else someone who held the post before it (a former
    # president is still an official the text speaks of)
    # a surname alone names a former holder only for the most famous posts ("Obama" in 2019,
    # not any "Price" after a cabinet secretary of that name left office)
    former = [p for p in listed if p.held_before(ctx.anchor)
              and (full or p.role in FAMOUS_BY_SURNAME)]
    for cands in ([p for p in listed if p.covers(ctx.anchor)], former):
        people = {p.name for p in cands}
        if len(people) == 1:
            return cands[-1]  # the latest term when several of one person's terms fit
        if people:
            return None
    return None


def no_initials(name: str) -> str:
    """The name without middle initials ("Donald J. Trump" -> "Donald Trump"): the list
    keeps one written form per person."""
    words = name.split()
    return " ".join(w for k, w in enumerate(words)
                    if k in (0, len(words) - 1)
                    or not (len(w.rstrip(".")) == 1 and w[:1].isalpha()))


def place_like(of: str) -> bool:
    """Posts "of" a body (the House, the FBI) need no place in the text; posts of a state or
    city do."""
    return not any(w in of for w in ("House", "Senate", "Bureau", "Department"))


GENDERED_TITLES = {
    "f": {"spokeswoman", "congresswoman", "assemblywoman", "councilwoman", "chairwoman", "mrs.",
          "ms.", "mrs", "ms", "alderwoman", "businesswoman", "madam"},
    "m": {"spokesman", "congressman", "assemblyman", "councilman", "chairman", "mr.", "mr",
          "alderman", "selectman", "businessman"},
}


def gender_of(ctx: Context, key: str) -> str:
    """m, f or u(nknown) for a person key: listed official, gendered title, given name."""
    person = ctx.facts.people.get(key)
    if person is None:
        return "u"
    post = known_post(ctx, person.name, has_first_name_text(person.name))
    if post is not None and post.gender in ("m", "f"):
        return post.gender
    for form in [person.name, *person.aliases]:
        words = {w.lower() for w in form.split()}
        for g, titles in GENDERED_TITLES.items():
            if words & titles:
                return g
    for m in ctx.facts.memberships:
        if m.person == key:
            words = {w.lower() for w in (m.title or "").split()}
            for g, titles in GENDERED_TITLES.items():
                if words & titles:
                    return g
    if has_first_name_text(person.name):
        return first_names().get(person.name.split()[0].lower(), "u")
    return "u"


PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


def agrees(ctx: Context, key: str, pronoun: str) -> bool:
    """Whether a person can be the antecedent of a singular pronoun (unknown agrees with all)."""
    want = PRONOUN_GENDER.get(pronoun.lower())
    if want is None or not key.startswith("person:"):
        return True
    return gender_of(ctx, key) in (want, "u")


def pronoun_antecedent(ctx: Context, token_i: int, pronoun: str) -> str | None:
    """The nearest person mentioned before ``token_i`` whose gender agrees with ``pronoun``."""
    cands = [m for m in ctx.mentions if m.start < token_i and m.key.startswith("person:")
             and agrees(ctx, m.key, pronoun)]
    return max(cands, key=lambda m: m.start).key if cands else None
