"""Bodies of a state or city named with a federal short form after the place ("the Colorado
Supreme Court", "Ohio Department of Education")."""
from __future__ import annotations

from ingest.extract.context import Context
from ingest.extract.org_nodes import add_org, is_acronym, org_type

# public bodies that states and cities have under the same short name as the federal one
LOCAL_TYPES = frozenset(("department", "court", "legislature", "agency", "party"))
# words that keep a body federal even after a place ("the U.S. Supreme Court")
FEDERAL_MARKS = ("federal", "u.s.", "us", "united", "national")


def place_owner(ctx: Context, i: int, hit: tuple[str, str, str | None],
                surface: str) -> int | None:
    """Where the place that owns a gazetteer hit starts, or None when the hit is the federal body.

    "the Colorado Supreme Court", "the Ohio Department of Education", "Texas's Department of
    State": a short form that states and cities share with the federal government, written right
    after a place other than the United States (or its possessive), names that place's body.
    Acronyms ("the Chicago FBI office"), names that say they are federal ("Federal Emergency
    Management Agency") and party members ("Texas Republicans") stay with the gazetteer."""
    if i == 0 or hit[1] not in LOCAL_TYPES or is_acronym(surface):
        return None
    if surface.split()[0].lower() in FEDERAL_MARKS or hit[0].split()[0].lower() == "federal":
        return None
    if hit[1] == "party" and not surface.lower().endswith("party"):
        return None
    j = i - 1
    if ctx.doc[j].text in ("'s", "’s") and j > 0:
        j -= 1
    key = ctx.tok_key.get(j, "")
    if not key.startswith("place:") or key == "place:united-states":
        return None
    start = j
    while start > 0 and ctx.tok_key.get(start - 1) == key:
        start -= 1
    return start


def local_body(ctx: Context, start: int, i: int, size: int, typ: str) -> int:
    """Record "<Place> <Body>" (tokens start..) as a body of its own; return where it ends.

    The name runs on to the end of an organisation entity the model saw around it ("the Colorado
    Department of Labor and Employment" against the gazetteer's "Department of Labor")."""
    doc = ctx.doc
    end = i + size
    while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].ent_type_ == "ORG":
        end += 1
    place = doc[start:i].text
    if place.endswith(("'s", "’s")):
        place = place[:-2].rstrip()
    name = f"{place} {doc[i:end].text}"
    surface = doc[start:end].text
    found = org_type(name)
    key = add_org(ctx, name, typ if found == "other" else found, surface=surface)
    ctx.facts.organizations[key].evidence.append(ctx.evidence(doc[i], "org.place-body"))
    ctx.mark(start, end, key)
    return end
