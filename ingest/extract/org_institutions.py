"""Bodies named by their relation to another: custodial institutions of a place ("the Berks
County Jail", "Hudson County Correctional Facility"), a national body's state chapter ("the ACLU
of Pennsylvania"), a network's news division ("CBS News"), a jurisdiction's own board named in
lower case ("the county's prison board"), the federal court a judge of a place sits on ("a
federal judge in Chicago"), and an acronym before a staff title ("Ann Lee, NYPIRG Director")."""
from __future__ import annotations

import re

from ingest.extract.context import Context, lexicon, slug
from ingest.extract.law_nodes import owner_place
from ingest.extract.org_nodes import add_org, is_acronym, merge_into
from ingest.extract.roles import role_starting

# lower-case heads of a jurisdiction's own bodies ("the county's prison board")
OWNED_BODIES = frozenset(("board", "commission", "council", "department", "agency", "authority",
                          "office"))
# words before "judge"/"court" that make it a federal trial court
FEDERAL_BENCH = frozenset(("federal", "u.s."))


#: "the U.S. Court of Appeals for the Fifth Circuit", "U.S. District Court for the Western
#: District of Washington": federal courts named with their circuit or district
FEDERAL_COURT = re.compile(
    r"\b(?:(?:U\.S\.|United States) )?(?:Court of Appeals for the (?:[A-Z][a-z]+|\d+(?:st|nd|rd|th)"
    r"|D\.C\.|District of Columbia|Federal) Circuit|District Court for the (?:(?:Eastern|Western|"
    r"Northern|Southern|Middle|Central) )?District of [A-Z][a-z]+(?: [A-Z][a-z]+)?)")


def extract_institutions(ctx: Context) -> None:
    federal_courts(ctx)
    heads = [tuple(h.split()) for h in lexicon()["custodial_heads"]]
    doc = ctx.doc
    for tok in doc:
        if not ctx.in_body(tok) or tok.i in ctx.tok_key and not ctx.tok_key[tok.i].startswith(
                "org:"):
            continue
        if tok.text[:1].isupper():
            custodial(ctx, tok, heads)
        if tok.text == "of":
            chapter(ctx, tok)
        elif tok.text == "News":
            news_division(ctx, tok)
        elif tok.lower_ in OWNED_BODIES and tok.text.islower():
            owned_body(ctx, tok)
        elif tok.lower_ in ("judge", "court") and tok.i > 0 and \
                doc[tok.i - 1].lower_ in FEDERAL_BENCH:
            federal_bench(ctx, tok)
        elif is_acronym(tok.text) and tok.i not in ctx.tok_key:
            staff_acronym(ctx, tok)


def federal_courts(ctx: Context) -> None:
    """A federal court named with its circuit or district is one body, whatever pieces the
    model cut it into."""
    doc = ctx.doc
    for m in FEDERAL_COURT.finditer(doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or not ctx.in_body(span[0]):
            continue
        name = m.group(0)
        key = add_org(ctx, name, "court", surface=name)
        ctx.facts.organizations[key].evidence.append(ctx.evidence(span[0], "org.federal-court"))
        pieces = {ctx.tok_key.pop(t.i) for t in span if ctx.tok_key.get(t.i, "").startswith(
            "org:")} - {key}
        for piece in pieces:  # "U.S. Court of Appeals" the model saw: the same court
            if all(span.start <= x.start and x.end <= span.end for x in ctx.mentions
                   if x.key == piece):
                merge_into(ctx, piece, key)
        ctx.mark(span.start, span.end, key)


def custodial(ctx: Context, tok, heads: list[tuple[str, ...]]) -> None:
    """A capitalised custodial head after a capitalised name: "Lehigh County Prison"."""
    doc = ctx.doc
    for head in heads:
        end = tok.i + len(head)
        if end > len(doc) or tuple(t.lower_ for t in doc.tokens[tok.i:end]) != head:
            continue
        if not all(t.text[:1].isupper() or t.lower_ == "of" for t in doc.tokens[tok.i:end]):
            continue
        start = tok.i
        while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha and \
                doc[start - 1].lower_ != "the" and not doc[start].is_sent_start:
            start -= 1
        if start == tok.i or any(ctx.tok_key.get(i, "").startswith(("org:", "person:", "law:"))
                                 for i in range(start, end)):
            return
        place = next((ctx.tok_key[i] for i in range(start, tok.i)
                      if ctx.tok_key.get(i, "").startswith("place:")), None)
        name = doc.text_of(start, end)
        key = add_org(ctx, name, "other", surface=name)
        org = ctx.facts.organizations[key]
        org.jurisdiction = org.jurisdiction or place
        org.evidence.append(ctx.evidence(tok, "org.custodial"))
        ctx.mark(start, end, key)
        return


def chapter(ctx: Context, tok) -> None:
    """"the ACLU of Pennsylvania": a known body followed by "of <State>" is its chapter there."""
    doc = ctx.doc
    if tok.i == 0 or tok.i + 1 >= len(doc):
        return
    parent = ctx.tok_key.get(tok.i - 1, "")
    place = ctx.tok_key.get(tok.i + 1, "")
    if not parent.startswith("org:"):
        return
    end = tok.i + 1
    if place.startswith("place:"):
        while end < len(doc) and ctx.tok_key.get(end) == place:
            end += 1
    else:  # a state the model kept inside the body's name ("... Union of Pennsylvania")
        end, place = state_after(ctx, tok.i + 1)
        if place is None:
            return
    start = tok.i - 1
    while start > 0 and ctx.tok_key.get(start - 1) == parent:
        start -= 1
    parent_org = ctx.facts.organizations.get(parent)
    if parent_org is None or parent_org.type not in ("ngo", "other", "party", "company"):
        return  # "the Department of Justice of Ohio" is not how news names a state body
    name = doc.text_of(start, end)
    key = add_org(ctx, name, parent_org.type, surface=name)
    org = ctx.facts.organizations[key]
    org.jurisdiction = org.jurisdiction or place
    org.evidence.append(ctx.evidence(tok, "org.chapter"))
    if all(start <= m.start and m.end <= end for m in ctx.mentions if m.key == parent):
        del ctx.facts.organizations[parent]  # named only as part of its chapter's name
        ctx.mentions = [m for m in ctx.mentions if m.key != parent]
    else:
        org.within = org.within or parent
    for i in range(start, end):
        ctx.tok_key.pop(i, None)
    ctx.mark(start, end, key)


def state_after(ctx: Context, i: int) -> tuple[int, str | None]:
    """The end and place key of a state named in one or two words at token ``i``, when the text
    has that state among its places."""
    from ingest.gazetteer import lookup

    for n in (2, 1):
        if i + n <= len(ctx.doc) and not any(ctx.tok_key.get(j) for j in range(i, i + n)):
            state = next((c for c in lookup(ctx.doc.text_of(i, i + n)) if c.type == "state"),
                         None)
            key = "place:" + slug(state.name) if state else None
            if key in ctx.facts.places:
                return i + n, key
    return i, None


def news_division(ctx: Context, tok) -> None:
    """"CBS News" after the model or the gazetteer saw only "CBS"."""
    doc = ctx.doc
    prev = ctx.tok_key.get(tok.i - 1, "") if tok.i else ""
    org = ctx.facts.organizations.get(prev)
    if org is None or org.type != "media" or org.name.endswith("News"):
        return
    start = tok.i - 1
    while start > 0 and ctx.tok_key.get(start - 1) == prev:
        start -= 1
    name = doc.text_of(start, tok.i + 1)
    key = add_org(ctx, name, "media", surface=name)
    ctx.facts.organizations[key].evidence.append(ctx.evidence(tok, "org.news-division"))
    only_here = all(m.start >= start and m.end <= tok.i for m in ctx.mentions if m.key == prev)
    for i in range(start, tok.i + 1):
        ctx.tok_key[i] = key
    if only_here:
        merge_into(ctx, prev, key)


def owned_body(ctx: Context, tok) -> None:
    """"the county's prison board" -> "Berks County Prison Board" (one modifier at least)."""
    doc = ctx.doc
    start = tok.i
    while start > 0 and doc[start - 1].text.islower() and doc[start - 1].pos_ in ("NOUN", "ADJ") \
            and doc[start - 1].dep_ in ("compound", "amod"):
        start -= 1
    if start == tok.i or tok.i in ctx.tok_key:
        return
    place = owner_place(ctx, start)
    if place is None or place == "place:united-states":
        return
    first = start - 2 if doc[start - 1].text in ("'s", "’s") else start - 1
    words = " ".join(t.text.capitalize() for t in doc.tokens[start:tok.i + 1])
    name = f"{ctx.facts.name_of(place)} {words}"
    key = add_org(ctx, name, surface=doc.text_of(first, tok.i + 1))
    org = ctx.facts.organizations[key]
    org.jurisdiction = org.jurisdiction or place
    org.evidence.append(ctx.evidence(tok, "org.owned-body"))
    ctx.mark(first, tok.i + 1, key)


def federal_bench(ctx: Context, tok) -> None:
    """"a federal judge in Chicago": the U.S. District Court sitting there."""
    doc = ctx.doc
    j = tok.i + 1
    if j + 1 >= len(doc) or doc[j].lower_ not in ("in", "from"):
        return
    place = ctx.tok_key.get(j + 1, "")
    if not place.startswith("place:") or place == "place:united-states":
        return
    name = f"U.S. District Court ({ctx.facts.name_of(place)})"
    key = add_org(ctx, name, "court")
    org = ctx.facts.organizations[key]
    org.jurisdiction = org.jurisdiction or place
    org.evidence.append(ctx.evidence(tok, "org.federal-bench"))
    if tok.lower_ == "court" and tok.i not in ctx.tok_key:
        ctx.mark(tok.i - 1, tok.i + 1, key)


def staff_acronym(ctx: Context, tok) -> None:
    """"Ann Lee, NYPIRG Director": an acronym right before a staff title names a body; so does
    one before any capitalised job word closing an appositive to a person ("Ann Lee, CALPIRG
    Associate.")."""
    doc = ctx.doc
    if tok.i + 1 >= len(doc) or len(tok.text) < 3 or not doc[tok.i + 1].text[:1].isupper():
        return
    if tok.i == 0 or doc[tok.i - 1].text != ",":
        return
    after = doc[tok.i + 2] if tok.i + 2 < len(doc) else None
    job_word = tok.i >= 2 and doc[tok.i - 2].ent_type_ == "PERSON" and doc[tok.i + 1].is_alpha \
        and (after is None or after.is_punct)
    if not (job_word or role_starting(doc[tok.i + 1:tok.i + 4])):
        return
    key = add_org(ctx, tok.text, surface=tok.text)
    ctx.facts.organizations[key].evidence.append(ctx.evidence(tok, "org.staff-acronym"))
    ctx.mark(tok.i, tok.i + 1, key)
