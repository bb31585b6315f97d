"""Organisations: named bodies from NER, the public-body gazetteer and acronym definitions.

The gazetteer (data/organizations.tsv) gives one canonical name to the short forms news uses
without introducing them ("Justice Department", "DOJ"); "Office of Justice Programs (OJP)"
defines an acronym for the rest of the text; a bare acronym whose letters are the initials of a
body already named ("IDC" after "Independent Democratic Conference") joins it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ingest.extract.context import Context, clean_span, lexicon, slug, squash
from ingest.extract.known import known_post
from ingest.extract.officials import looks_like_person, role_starting
from ingest.gazetteer import data_lines, gazetteer
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


def person_words(ctx: Context) -> set[str]:
    """Surnames of people the model found, to veto ORG/GPE spans that are really people."""
    out = set()
    for ent in ctx.doc.ents:
        if ent.label_ == "PERSON":
            span = clean_span(ent)
            if len(span) >= 1:
                out.add(squash(span[-1].text))
                if len(span) >= 2:
                    out.add(squash(" ".join(t.text for t in span[1:])))
    return out


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
            if hit and (size > 1 or span[0].text[0].isupper()):
                if size == 1 and span[0].lower_ in generic:
                    continue
                if hit[1] == "party" and size == 1 and span[0].text[0].islower():
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
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "NORP") or not ctx.in_body(ent[0]):
            continue
        for part in split_list(clean_span(ent)):
            consider(ctx, part, people, generic, facility, places)
    # 3. "<Person> administration" names a government
    for tok in doc:
        if tok.lower_ == "administration" and tok.i > 0 and ctx.in_body(tok):
            prev = doc[tok.i - 1]
            if prev.text[:1].isupper() and squash(prev.text) in people:
                name = f"{prev.text} administration"
                key = add_org(ctx, name, "other")
                org = ctx.facts.organizations[key]
                org.evidence.append(ctx.evidence(tok, "org.administration"))
                ctx.mark(prev.i, tok.i + 1, key)
    # 4. "<Role>'s Office"; "<person> of <Name>" introduces the body a person speaks for
    name_heads = frozenset(lexicon()["org_name_heads"])
    for tok in doc:
        text = tok.text
        if text == "of":
            affiliation(ctx, tok)
        elif text == "Office":
            role_office(ctx, tok)
        elif text[:1].isupper() and tok.lower_ in name_heads:
            headed_name(ctx, tok)
    # 5. acronyms: defined in parentheses, or the initials of a body already named
    define_acronyms(ctx)


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


def split_list(span):
    """"Gannett, Thomson Reuters" is two names the model joined."""
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
    span = doc[start:span.end]
    lead = start
    while lead < span.end and ctx.tok_key.get(lead, "").startswith("place:"):
        lead += 1
    # a place may open a body's name ("Ohio Farmers Union"); any other claim wins
    if not span.text or lead >= span.end or any(t.i in ctx.tok_key for t in doc[lead:span.end]):
        return
    text = span.text
    words = [squash(t.text) for t in span]
    if text.lower() in generic or len(text) < 2:
        return
    if any(w in people for w in words) or squash(text) in people:
        return
    if span[-1].lower_ in facility or any(t.like_num for t in span):
        return
    if span[-1].lower_.endswith("s") and span[-1].lower_[:-1] in facility and not any(
            t.lower_ in lexicon()["org_type_heads"] or t.lower_ in STOP for t in span):
        return  # "Cross Bay Boulevards" are roads; "Families for Safe Streets" is a body
    if not_a_body(ctx, span, facility, places):
        return
    heads = lexicon()["law_heads"]
    if span[-1].lower_ in heads and span[-1].lower_ not in ("program",):
        return
    if span.label_ == "NORP" or all(t.ent_type_ == "NORP" for t in span):
        return
    if len(span) == 1 and not is_acronym(text) and span[0].pos_ != "PROPN":
        return
    if known_post(ctx, text, len(span) > 1):
        return  # a listed post holder's name ("Newsom" tagged as a body)
    if looks_like_person(span):
        return  # "Ann Lee, the county's health commissioner": a person the model took for a body
    lead = role_starting(span)
    if lead and lead[0] < len(span) and span[-1].lower_ not in lexicon()["org_type_heads"]:
        return  # "Spokeswoman Ann Lee": a titled person the model took for a body
    hit = gaz_lookup(text)
    key = add_org(ctx, hit[0], hit[1], hit[2], text) if hit else add_org(ctx, text)
    ctx.facts.organizations[key].evidence.append(ctx.evidence(span[0], "org.ner"))
    ctx.mark(span.start, span.end, key)


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
        if prev_key and prev_key.startswith("org:") and key != prev_key:
            orgs[prev_key].add_alias(tok.text)
            ctx.tok_key[tok.i] = prev_key
            if key and key.startswith("org:") and key in orgs and len(orgs[key].evidence) <= 1:
                del orgs[key]
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
            orgs[target].evidence.extend(org.evidence)
            for i, key in list(ctx.tok_key.items()):
                if key == org.key:
                    ctx.tok_key[i] = target
            for m in ctx.mentions:
                if m.key == org.key:
                    m.key = target
            del orgs[org.key]
    for tok in doc:
        if tok.text in alias_key and tok.i not in ctx.tok_key:
            ctx.mark(tok.i, tok.i + 1, alias_key[tok.text])


# words that turn a place name into a part of it ("Lower Manhattan", "Downtown Brooklyn")
PLACE_PARTS = frozenset(("lower", "upper", "downtown", "midtown", "uptown", "north", "south",
                         "east", "west", "northern", "southern", "eastern", "western", "central",
                         "greater", "northeast", "northwest", "southeast", "southwest"))
# endings that make a resident of a place ("New Yorker", "Chicagoans")
DEMONYM_ENDINGS = ("ers", "er", "ians", "ian", "ans", "an", "ites", "ite", "ns", "n")


def place_names(ctx: Context) -> set[str]:
    out = set()
    for place in ctx.facts.places.values():
        out.add(place.name.lower())
        out.update(a.lower() for a in place.aliases)
    return out


def not_a_body(ctx: Context, span, facility: set[str], places: set[str]) -> bool:
    """Spans the model calls organisations that news uses for other things:
    - a route or vehicle code ("the Q52 bus", "I-95"): one token with a digit;
    - a name that modifies a structure ("the Adams-Tillary entrance", "the Hale Street bridge");
    - a part of a place ("Lower Manhattan") or its residents ("New Yorkers")."""
    doc = ctx.doc
    if len(span) == 1 and any(c.isdigit() for c in span[0].text):
        return True
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.pos_ == "NOUN" and span[-1].head.i == nxt.i and \
            nxt.lemma_.lower() in facility | STRUCTURES:
        return True
    words = [t.lower_ for t in span]
    if words[0] in PLACE_PARTS and len(words) > 1 and " ".join(words[1:]) in places:
        return True
    text = span.text.lower()
    if span.start > 0 and doc[span.start - 1].text == "The":
        return False  # "The New Yorker" is a magazine
    for ending in DEMONYM_ENDINGS:
        if text.endswith(ending) and len(text) > len(ending) + 3:
            stem = text[: -len(ending)]
            if any(form in places or form in gazetteer() for form in
                   (stem, stem + "k", stem + "a", stem + "e", stem + "o")):
                return True
    return False


# nouns for built things a name can modify (besides the facility heads of the lexicon)
STRUCTURES = frozenset(("entrance", "exit", "corridor", "route", "ramp", "interchange", "pier",
                        "terminal", "yard", "depot", "project", "site", "crossing", "viaduct"))


def role_office(ctx: Context, tok) -> None:
    """"The Governor's Office", "the Mayor's Office": the office of a post, written with a
    capital "Office" after a role word."""
    from ingest.extract.officials import roles

    doc = ctx.doc
    forms = roles()
    if tok.i < 2 or tok.i in ctx.tok_key or not ctx.in_body(tok):
        return
    if doc[tok.i - 1].text not in ("'s", "’s"):
        return
    end = tok.i - 1
    start = end - 1
    while start > 0 and doc[start - 1].text[:1].isupper() and \
            doc[start - 1].lower_ not in ("the", "a"):
        start -= 1
    words = tuple(t.lower_ for t in doc[start:end])
    for k in range(len(words)):
        if words[k:] in forms and doc[start + k].text[:1].isupper():
            first = start + k
            break
    else:
        return
    surface = doc[first:tok.i + 1].text
    key = add_org(ctx, surface.replace("’s", "'s"), "agency", surface=surface)
    ctx.facts.organizations[key].evidence.append(ctx.evidence(tok, "org.role-office"))
    ctx.mark(first, tok.i + 1, key)


def affiliation(ctx: Context, tok) -> None:
    """"Ann Lee of the Riverside Tenants Union": the capitalised name after "<person> of" is the
    body the person works for, when it is not just a place ("Ann Lee of Queens")."""
    doc = ctx.doc
    n = len(doc)
    if tok.i == 0 or tok.i + 2 >= n:
        return
    prev = doc[tok.i - 1]
    if prev.ent_type_ != "PERSON" or prev.ent_iob_ == "B" and prev.i + 1 < n and \
            doc[prev.i + 1].ent_iob_ == "I":
        return
    if not ctx.in_body(tok):
        return
    start = tok.i + 1
    if doc[start].lower_ == "the":
        start += 1
    end = start
    while end < n:
        t = doc[end]
        if t.text[:1].isupper() and (t.is_alpha or is_acronym(t.text)) and \
                (t.ent_type_ != "PERSON" or t.ent_iob_ == "I" or end > start):
            end += 1  # a name may hold a word the model took for a person's
            continue
        if t.lower_ in ("of", "for", "&") and end + 1 < n and \
                doc[end + 1].text[:1].isupper() and doc[end + 1].ent_type_ != "PERSON":
            end += 1
            continue
        break
    if end - start < 2 and not (end - start == 1 and is_acronym(doc[start].text)):
        return
    keys = [ctx.tok_key.get(i) for i in range(start, end)]
    if all(k and k.startswith("place:") for k in keys) or all(
            doc[i].ent_type_ in ("GPE", "LOC", "FAC") for i in range(start, end)):
        return  # "Ann Lee of Queens", "Ann Lee of Long Island"
    if any(k and k.startswith(("person:", "law:", "grant:")) for k in keys):
        return
    if keys[-1] and keys[-1].startswith("org:") and all(k == keys[-1] for k in keys):
        return  # a body already known
    span = doc[start:end]
    if span[-1].lower_ in lexicon()["facility_heads"] or role_starting(span):
        return
    heads = lexicon()["org_type_heads"]
    if not any(t.lower_ in heads or is_acronym(t.text) or t.ent_type_ == "ORG"
               for t in span):
        return  # "Ann Lee of Long Island": nothing says it is a body
    hit = gaz_lookup(span.text)
    key = add_org(ctx, hit[0], hit[1], hit[2], span.text) if hit else \
        add_org(ctx, span.text, surface=span.text)
    ctx.facts.organizations[key].evidence.append(ctx.evidence(tok, "org.affiliation"))
    ctx.mark(start, end, key)


def headed_name(ctx: Context, tok) -> None:
    """"the Legal Aid Society", "the Riverside Tenants Union": a capitalised name ending in a
    word that only bodies end in, where the model saw no entity."""
    doc = ctx.doc
    if tok.i in ctx.tok_key:
        return
    if tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].isupper() and \
            doc[tok.i + 1].is_alpha:
        return  # the name goes on ("Union Square", "Council Member")
    start = tok.i
    while start > 0:
        t = doc[start - 1]
        if t.text[:1].isupper() and t.is_alpha and t.lower_ != "the" and \
                not ctx.tok_key.get(t.i, "").startswith(("org:", "law:")):
            start -= 1
            continue
        if t.lower_ in ("of", "for", "&") and start - 2 >= 0 and \
                doc[start - 2].text[:1].isupper() and start < tok.i:
            start -= 1
            continue
        break
    while start < tok.i and doc[start].lower_ in ("of", "for", "&"):
        start += 1
    if tok.i - start < 1 or not ctx.in_body(tok) or (start == ctx.sentence(tok).start
                                                      and tok.i - start < 2):
        return
    span = doc[start:tok.i + 1]
    if role_starting(span) or looks_like_person(span):
        return
    key = add_org(ctx, span.text, surface=span.text)
    ctx.facts.organizations[key].evidence.append(ctx.evidence(tok, "org.headed-name"))
    ctx.mark(start, tok.i + 1, key)
