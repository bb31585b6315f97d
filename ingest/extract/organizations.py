"""Organisations: named bodies from NER, the public-body gazetteer and acronym definitions.

The gazetteer (data/organizations.tsv) gives one canonical name to the short forms news uses
without introducing them ("Justice Department", "DOJ"); "Office of Justice Programs (OJP)"
defines an acronym for the rest of the text; a bare acronym whose letters are the initials of a
body already named ("IDC" after "Independent Democratic Conference") joins it.
"""
from __future__ import annotations

import re

from ingest.extract.context import Context, clean_span, lexicon, squash
from ingest.extract.known import known_post, known_posts
from ingest.extract.officials import looks_like_person
from ingest.extract.org_government import extract_government
from ingest.extract.org_institutions import extract_institutions
from ingest.extract.org_misreads import misread
from ingest.extract.org_names import (
    affiliation,
    handle,
    headed_name,
    not_a_body,
    place_names,
    role_office,
)
from ingest.extract.org_nodes import (
    FIRST_WORDS,
    STOP,
    add_org,
    gaz_lookup,
    gazetteer_prefixes,
    is_acronym,
    merge_into,
    org_gazetteer,
    org_type,
    person_words,
)
from ingest.extract.org_places import local_body, place_owner
from ingest.extract.roles import role_starting

__all__ = ["add_org", "extract_organizations", "is_acronym", "org_gazetteer", "org_type"]


def extract_organizations(ctx: Context) -> None:
    doc = ctx.doc
    people = person_words(ctx)
    generic = set(lexicon()["generic_org_words"])
    facility = set(lexicon()["facility_heads"])
    places = place_names(ctx)
    # 1. gazetteer short forms anywhere (acronyms case-sensitive, names case-insensitive)
    n = len(doc)
    texts = [t.text for t in doc]
    spaces = [t.whitespace_ for t in doc]
    caps = [t[:1].isupper() for t in texts]
    prefixes = gazetteer_prefixes()
    i = 0
    while i < n:
        matched = False
        if not caps[i] and texts[i].lower() not in FIRST_WORDS or (
                texts[i] not in prefixes and texts[i].lower() not in prefixes):
            i += 1
            continue
        for size in (6, 5, 4, 3, 2, 1):
            if i + size > n:
                continue
            form = "".join(texts[j] + spaces[j] for j in range(i, i + size - 1)) + \
                texts[i + size - 1]
            hit = gaz_lookup(form)
            if not hit:
                continue
            span = doc[i:i + size]
            if size == 1 and span[0].lower_ in generic:
                continue
            if hit[1] == "party" and size == 1 and span[0].text[0].islower():
                continue
            if size == 1 and span[0].text[0].islower() and hit[1] != "legislature":
                continue  # "congress" in lower case is still Congress
            if not stands_alone(ctx, i, i + size):
                continue
            owner = place_owner(ctx, i, hit, span.text)
            if owner is not None and ctx.in_body(span[0]):
                size = local_body(ctx, owner, i, size, hit[1]) - i
            elif ctx.in_body(span[0]):
                key = add_org(ctx, hit[0], hit[1], hit[2], span.text)
                ctx.facts.organizations[key].evidence.append(
                    ctx.evidence(span[0], "org.gazetteer"))
                ctx.mark(i, i + size, key)
            i += size
            matched = True
            break
        if not matched:
            i += 1
    # 2. named entities the model calls organisations
    heads = lexicon()["org_type_heads"]
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "NORP") and not (
                ent.label_ == "GPE" and len(ent) > 2 and ent[-1].lower_ in heads):
            continue  # "Shelby County Pretrial Services" the model calls a place
        if not ctx.in_body(ent[0]):
            continue
        for part in split_list(clean_span(ent)):
            consider(ctx, part, people, generic, facility, places)
    # 4. "<Role>'s Office"; "<person> of <Name>" introduces the body a person speaks for
    name_heads = frozenset(lexicon()["org_name_heads"])
    center_topics = frozenset(lexicon()["center_topics"])
    for tok in doc:
        text = tok.text
        if text == "of":
            affiliation(ctx, tok)
        elif text == "Office":
            role_office(ctx, tok)
        elif text[:1].isupper() and (tok.lower_ in name_heads or text == "Center" and tok.i > 0
                                     and doc[tok.i - 1].lower_ in center_topics):
            headed_name(ctx, tok)  # "the Immigrant Legal Resource Center", not "Barclays Center"
        elif text[:1] == "@":
            handle(ctx, tok)
    # 5. acronyms: defined in parentheses, or the initials of a body already named
    define_acronyms(ctx)
    # 6. the publisher, administrations, offices acting as their bodies in legal texts
    extract_government(ctx)
    join_short_forms(ctx, places)
    extract_institutions(ctx)


def split_list(span):
    """"Gannett, Thomson Reuters" is two names the model joined; "Bureau of Alcohol, Tobacco,
    Firearms, and Explosives" is one name holding a list (an "of" before the first comma and
    an "and" opening the last part)."""
    words = [t.lower_ for t in span]
    if "," in words and "of" in words[:words.index(",")]:
        doc, end = span.doc, span.end
        if "and" in words[len(words) - words[::-1].index(","):][:1]:
            return [clean_span(span)]
        if end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "and" and \
                doc[end + 2].text[:1].isupper():  # the model stopped before ", and Explosives"
            end += 2
            while end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha:
                end += 1
            return [clean_span(doc[span.start:end])]
    parts, start = [], span.start
    for t in span:
        if t.text == ",":
            parts.append(span.doc[start:t.i])
            start = t.i + 1
    parts.append(span.doc[start:span.end])
    return [clean_span(p) for p in parts if len(p)]


def consider(ctx: Context, span, people: set[str], generic: set[str], facility: set[str],
             places: set[str]) -> None:
    doc = ctx.doc
    # leading lower-case words are not part of a name ("strip Justice Department")
    start = span.start
    while start < span.end and not doc[start].text[:1].isupper() and not doc[start].like_num:
        start += 1
    span = whole_name(ctx, doc[start:span.end])
    lead = start
    while lead < span.end and ctx.tok_key.get(lead, "").startswith("place:"):
        lead += 1
    # a place may open a body's name ("Ohio Farmers Union") or follow its "of" ("the Port
    # Authority of New York and New Jersey"); any other claim wins
    of = next((t.i for t in doc[lead:span.end] if t.lower_ == "of"), span.end)
    if not span.text or lead >= span.end or any(
            t.i in ctx.tok_key and not (t.i > of and ctx.tok_key[t.i].startswith("place:"))
            for t in doc[lead:span.end]):
        return
    text = span.text
    words = [squash(t.text) for t in span if not ctx.tok_key.get(t.i, "").startswith("place:")]
    if text.lower() in generic or len(text) < 2:
        return
    if any(w in people for w in words) or squash(text) in people:
        return
    if span[-1].lower_ in facility or any(t.like_num for t in span):
        return
    if span[-1].lower_.endswith("s") and span[-1].lower_[:-1] in facility and not any(
            t.lower_ in lexicon()["org_type_heads"] or t.lower_ in STOP for t in span):
        return  # "Cross Bay Boulevards" are roads; "Families for Safe Streets" is a body
    if not_a_body(ctx, span, facility, places) or misread(ctx, span):
        return
    heads = lexicon()["law_heads"]
    body_word = any(t.lower_ in lexicon()["org_type_heads"] for t in span)
    if span[-1].lower_ in heads and span[-1].lower_ not in ("program",) and not body_word:
        return  # "the Clean Air Policy" is a law; "the Office of Drug Control Policy" a body
    if span.label_ == "NORP" or all(t.ent_type_ == "NORP" for t in span):
        return
    if len(span) == 1 and not is_acronym(text) and span[0].pos_ != "PROPN":
        return
    if known_post(ctx, text, len(span) > 1):
        return  # a listed post holder's name ("Newsom" tagged as a body)
    if looks_like_person(span):
        return  # "Ann Lee, the county's health commissioner": a person the model took for a body
    tail = role_starting(doc[span.end - 1:span.end + 4])
    if tail and tail[0] > 1 and not body_word:
        return  # "Cook County State" of "Cook County State's Attorney Ann Lee": a title
    lead = role_starting(span)
    if lead and lead[0] < len(span) and not body_word:
        return  # "Spokeswoman Ann Lee": a titled person the model took for a body
    hit = gaz_lookup(text)
    key = add_org(ctx, hit[0], hit[1], hit[2], text) if hit else add_org(ctx, text)
    ctx.facts.organizations[key].evidence.append(ctx.evidence(span[0], "org.ner"))
    ctx.mark(span.start, span.end, key)


def stands_alone(ctx: Context, start: int, end: int) -> bool:
    """Whether a gazetteer short form at tokens [start, end) names its body, rather than being
    a piece of a longer name or a leader's administration:
    - after "and"/"of"/"on"/"for" inside a longer name the model saw ("the Ohio Department of
      Safety and Homeland Security" is no federal department);
    - one word before "administration" ("the Bloomberg administration") or in a person's name;
    - an acronym before another capitalised acronym ("VA BIO", a project's name)."""
    doc = ctx.doc
    first = doc[start]
    if first.ent_iob_ == "I" and first.ent_type_ == "ORG" and start > 0 and \
            doc[start - 1].lower_ in ("and", "of", "on", "for", "&"):
        return False
    if end - start > 1:
        return True
    if first.ent_type_ == "PERSON" and squash(first.text) in known_posts():
        return False  # "Mayor Bloomberg said": a listed official, not the news service
    nxt = doc[end] if end < len(doc) else None
    if nxt is None:
        return True
    if nxt.lower_ == "administration":
        return False
    return not (is_acronym(first.text) and nxt.text.isupper() and nxt.is_alpha
                and len(nxt.text) > 1)


def whole_name(ctx: Context, span):
    """Repair the model's cuts of a name: stop at an unclosed parenthesis ("Binghamton (New
    York"), run a name in capitals to the end of its capitals ("UNITED STATES MARSHALS" /
    "SERVICE"), run "<Body> of <Place>" on over "and <Place>" ("the Port Authority of New York
    and New Jersey"), join "<Body> on/for <Name>" the model split in two ("the Ohio
    Commission" / "on Civil Rights"), and mend a name with a word in lower case ("the Senate
    judiciary Committee") or glued to the head of the name before it."""
    doc = ctx.doc
    start, end = span.start, span.end
    opened = [t.i for t in span if t.text == "("]
    if opened and not any(t.text == ")" for t in doc.tokens[opened[-1]:end]):
        end = opened[-1]
    if end - start >= 2 and doc.text_of(start, end).isupper():
        while end < len(doc) and doc[end].is_alpha and doc[end].text.isupper() and \
                "\n" not in doc[end - 1].whitespace_:
            end += 1
    if end + 1 < len(doc) and doc[end].lower_ == "and" and any(t.lower_ == "of" for t in span) \
            and place_words(ctx, end - 2, end) and ctx.tok_key.get(end + 1, "").startswith(
                "place:"):
        place = ctx.tok_key[end + 1]  # "the Port Authority of New York and New Jersey"
        end += 1
        while end < len(doc) and ctx.tok_key.get(end) == place:
            end += 1
    heads = lexicon()["org_type_heads"]
    if end + 1 < len(doc) and doc[end - 1].lower_ in heads and doc[end].lower_ in ("on", "for") \
            and doc[end + 1].ent_iob_ == "B" and doc[end + 1].ent_type_ == "ORG":
        nxt = end + 2
        while nxt < len(doc) and doc[nxt].ent_iob_ == "I":
            nxt += 1
        end = nxt
    if end - start >= 3 and doc[start].lower_ in heads and doc[start].lower_ == \
            doc[end - 1].lower_ and start > 0 and doc[start - 1].is_alpha:
        start += 1  # "Committee Senate Judiciary Committee": the first word ends the name before
    if end + 1 < len(doc) and doc[end].is_lower and doc[end].pos_ in ("ADJ", "NOUN") and \
            doc[end + 1].text[:1].isupper() and doc[end + 1].lower_ in heads and (
            end + 2 >= len(doc) or not doc[end + 2].text[:1].isupper()
            or doc[end + 1].ent_iob_ == "B"):
        end += 2  # "the Senate judiciary Committee": a word in lower case inside the name
    return span if (start, end) == (span.start, span.end) else doc[start:end]


def place_words(ctx: Context, start: int, end: int) -> bool:
    """Whether a place name ends at ``end`` (one or two words before it)."""
    from ingest.gazetteer import lookup

    return any(k >= 0 and (ctx.tok_key.get(end - 1, "").startswith("place:") or any(
        c.type in ("state", "country") for c in lookup(ctx.doc.text_of(k, end))))
        for k in (start, start + 1))


def join_short_forms(ctx: Context, places: set[str]) -> None:
    """"The Office of Drug Control Policy" after "the Michigan Office of Drug Control Policy",
    "the Task Force" after "the Riverside Safe Task Force": a body's name without the place
    that opened it, or a one- or two-word tail of exactly one longer body's name, is that body
    (unless it is a listed federal body's name)."""
    orgs = ctx.facts.organizations
    for org in list(orgs.values()):
        if gaz_lookup(org.name):
            continue  # "the Department of Justice" beside a state's: the federal one
        longer = [o for o in orgs.values() if o.key != org.key and o.name.endswith(" " + org.name)]
        placed = [o for o in longer if o.name[: -len(org.name)].strip().lower() in places]
        if placed:
            merge_into(ctx, org.key, placed[0].key)
        elif len(longer) == 1 and len(org.name.split()) <= 2:
            merge_into(ctx, org.key, longer[0].key)


def grow_to_initials(ctx: Context, tok) -> str | None:
    """"the Islamic State in Iraq and Syria (ISIS)" where the model saw "Islamic State": a body
    mentioned up to six tokens before "(<ACRONYM>)" grows to the words the acronym spells."""
    doc = ctx.doc
    end = tok.i - 1
    for m in reversed(ctx.mentions):
        if not m.key.startswith("org:") or m.end > end or end - m.end > 6:
            continue
        text = doc.text_of(m.start, end)
        if initials(text) != tok.text.replace(".", ""):
            return None
        org = ctx.facts.organizations.get(m.key)
        if org is None:
            return None
        key = add_org(ctx, text, org.type, surface=text)
        inner = {ctx.tok_key.pop(i) for i in range(m.start, end) if i in ctx.tok_key}
        merge_into(ctx, m.key, key)
        drop_places_inside(ctx, inner, m.start, end)
        ctx.mark(m.start, end, key)
        return key
    return None


def drop_places_inside(ctx: Context, keys: set[str], start: int, end: int) -> None:
    """Places named only after a preposition inside a body's name ("Iraq" in "the Islamic
    State in Iraq and Syria (ISIS)") are words of the name, not jurisdictions of the text; a
    place opening the name ("the Tennessee Bureau of Investigation (TBI)") is the body's own."""
    for key in keys:
        if not key.startswith("place:"):
            continue
        seen = [m for m in ctx.mentions if m.key == key]
        if all(start < m.start and m.end <= end for m in seen):
            ctx.mentions = [m for m in ctx.mentions if m.key != key]
            ctx.facts.places.pop(key, None)
            for place in ctx.facts.places.values():
                place.within = None if place.within == key else place.within


def initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in STOP).upper()


def define_acronyms(ctx: Context) -> None:
    doc = ctx.doc
    orgs = ctx.facts.organizations
    for tok in doc:
        if not is_acronym(tok.text) or not ctx.in_body(tok):
            continue
        prev_key = None
        if tok.i >= 2 and doc[tok.i - 1].text in ("(", "[") and doc[tok.i - 2].i in ctx.tok_key:
            prev_key = ctx.tok_key[doc[tok.i - 2].i]
        key = ctx.tok_key.get(tok.i)
        if not (prev_key or "").startswith("org:") and tok.i >= 2 and doc[tok.i - 1].text == "(":
            prev_key = grow_to_initials(ctx, tok)
        if prev_key and prev_key.startswith("org:") and key != prev_key:
            orgs[prev_key].add_alias(tok.text)
            ctx.tok_key[tok.i] = prev_key
            for m in [m for m in ctx.mentions if m.key == prev_key and m.end == tok.i - 1]:
                inside = {x.key for x in ctx.mentions if m.start <= x.start and x.end <= m.end}
                drop_places_inside(ctx, inside - {prev_key}, m.start, m.end)
            if key and key.startswith("org:") and key in orgs and len(orgs[key].evidence) <= 1:
                del orgs[key]
            continue
        if key and orgs.get(key) is not None and orgs[key].name == tok.text:
            target = next((o.key for o in orgs.values() if o.key != key and
                           initials(o.name) == tok.text.replace(".", "")), None)
            if target:  # "ISP" the model took for a body of its own: "Illinois State Police"
                merge_into(ctx, key, target)
            continue
        if key:
            continue
        for org in list(orgs.values()):
            if initials(org.name) == tok.text.replace(".", "") and len(tok.text) >= 2:
                org.add_alias(tok.text)
                ctx.mark(tok.i, tok.i + 1, org.key)
                break
    # later mentions of a defined acronym point at the same body
    alias_key = {a: o.key for o in orgs.values() for a in o.aliases if is_acronym(a)}
    for org in list(orgs.values()):
        target = alias_key.get(org.name)
        if target and target != org.key:
            merge_into(ctx, org.key, target)
    for tok in doc:
        if tok.text in alias_key and tok.i not in ctx.tok_key:
            ctx.mark(tok.i, tok.i + 1, alias_key[tok.text])
