"""Organisation name rules beyond the model's entities: "<Role>'s Office", "<person> of <Name>",
capitalised names ending in a body word, and what is not a body (routes, structures, parts of
places, residents)."""
from __future__ import annotations

import re

from ingest.extract.context import Context, lexicon
from ingest.extract.officials import looks_like_person
from ingest.extract.org_nodes import add_org, gaz_lookup, is_acronym
from ingest.extract.roles import role_starting, roles
from ingest.gazetteer import gazetteer

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
    if funded_purpose(ctx, span) or title_case_line(ctx, span):
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


# words that end a local jurisdiction's name ("DuPage County")
PLACE_WORDS = frozenset(("County", "City", "Parish", "Borough", "Township", "Town", "Village"))
# heads of bodies that receive money ("$2 million for the Ohio Department of Health")
RECIPIENT_HEADS = frozenset(("department", "office", "agency", "administration", "bureau",
                             "authority", "commission", "board", "court", "council", "university",
                             "college", "school", "district", "city", "county", "police",
                             "foundation", "institute", "center", "corporation", "inc"))
FOR_AMOUNT = re.compile(r"\$\s?[\d.,]+(?:\s*(?:million|billion|thousand|[MBK])\b)?\s+for\s"
                        r"[^.;:!?]*$")
SMALL_WORDS = frozenset(("of", "and", "the", "for", "to", "in", "on", "a", "an", "at", "by",
                         "with"))


def funded_purpose(ctx: Context, span) -> bool:
    """"$44 million for the Riverside Robotics Cluster": what an amount is "for" is a project,
    not a body, unless a word only bodies have names it ("... for the Ohio Department of Health"
    receives it)."""
    text = ctx.doc.text
    start = span[0].idx
    line_start = text.rfind("\n", 0, start) + 1
    if "$" not in text[line_start:start] or any(t.lower_ in RECIPIENT_HEADS for t in span):
        return False
    return bool(FOR_AMOUNT.search(text[line_start:start]))


def title_case_line(ctx: Context, span, headline: bool = False) -> bool:
    """A name the model found inside a title-case line of eight words or more (a deck or
    subtitle: "Grants Create Good-Paying Jobs, Jumpstart New Industries ..."), where every
    capitalised phrase looks like a name. ``headline``: only a line with no closing stop and
    every word capitalised (a sentence full of names, "Jim Olsen, Director of Outreach at the
    Springfield Legal Aid Society, spoke.", is no headline)."""
    text = ctx.doc.text
    start = span[0].idx
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    words = [w for w in line.split() if w.lower() not in SMALL_WORDS and w[:1].isalpha()]
    if len(words) < 8 or headline and line.rstrip()[-1:] in ".?!\"”":
        return False
    share = 1.0 if headline else 0.85
    return sum(w[:1].isupper() for w in words) >= share * len(words)


# nouns for built things a name can modify (besides the facility heads of the lexicon)
STRUCTURES = frozenset(("entrance", "exit", "corridor", "route", "ramp", "interchange", "pier",
                        "terminal", "yard", "depot", "project", "site", "crossing", "viaduct"))


def role_office(ctx: Context, tok) -> None:
    """"The Governor's Office", "the Mayor's Office": the office of a post, written with a
    capital "Office" after a role word."""
    doc = ctx.doc
    forms = roles()
    if tok.i < 2 or tok.i in ctx.tok_key or not ctx.in_body(tok):
        return
    if doc[tok.i - 1].text not in ("'s", "’s"):
        return
    end = tok.i - 1
    start = end - 1
    while start > max(0, end - 10) and (doc[start - 1].text[:1].isupper() and doc[
            start - 1].lower_ not in ("the", "a") or doc[start - 1].text in ("'s", "’s") and
            start > 1 and doc[start - 2].text[:1].isupper()):
        start -= 1  # "State's Attorney's Office": a role may hold a possessive itself
    words = tuple(t.lower_.replace("’", "'") for t in doc.tokens[start:end])
    for k in range(len(words)):
        if words[k:] in forms and doc[start + k].text[:1].isupper():
            first = start + k
            break
    else:
        return
    for m in ctx.mentions:  # a piece the model cut across the name ("Cook County State")
        if m.key.startswith("org:") and start <= m.start < first < m.end:
            first = m.start
    while first > start and ctx.tok_key.get(first - 1, "").startswith("place:"):
        first -= 1  # "Cook County State's Attorney's Office", "United States Attorney's Office"
    if first > start and doc[first - 1].text in PLACE_WORDS:
        first = start  # "DuPage County State's Attorney's Office", a place the model missed
    surface = doc[first:tok.i + 1].text
    key = add_org(ctx, surface.replace("’s", "'s"), "agency", surface=surface)
    ctx.facts.organizations[key].evidence.append(ctx.evidence(tok, "org.role-office"))
    swallowed = {ctx.tok_key[i] for i in range(first, tok.i + 1)
                 if ctx.tok_key.get(i, "").startswith("org:")} - {key}
    for other in swallowed:  # gone when all its mentions lie inside this name
        if all(first <= m.start and m.end <= tok.i + 1 for m in ctx.mentions if m.key == other):
            for i in range(first, tok.i + 1):
                if ctx.tok_key.get(i) == other:
                    del ctx.tok_key[i]
            ctx.mentions = [m for m in ctx.mentions if m.key != other]
            del ctx.facts.organizations[other]
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
    if role_starting(span) or looks_like_person(span) or funded_purpose(ctx, span) or \
            title_case_line(ctx, span, headline=True):
        return
    key = add_org(ctx, span.text, surface=span.text)
    ctx.facts.organizations[key].evidence.append(ctx.evidence(tok, "org.headed-name"))
    ctx.mark(start, tok.i + 1, key)


#: abbreviations in social-media handles ("@StateDept", "@USDOL")
HANDLE_WORDS = {"Dept": "Department", "Govt": "Government", "Gov": "Government"}


def handle(ctx: Context, tok) -> None:
    """"Update from @StateDept": a social-media handle whose words name a listed body
    ("State Dept" -> the State Department) is that body."""
    if tok.i in ctx.tok_key or not ctx.in_body(tok) or len(tok.text) < 3:
        return
    doc = ctx.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "(" and doc[tok.i - 2].text[:1].isupper():
        return  # "ABC News (@ABC)": the handle of the name before it
    words = re.findall(r"[A-Z]{2,}(?=[A-Z][a-z]|$)|[A-Z][a-z]+|[A-Z]+", tok.text[1:])
    hit = gaz_lookup(" ".join(HANDLE_WORDS.get(w, w) for w in words)) or gaz_lookup(tok.text[1:])
    if hit is None:
        return
    key = add_org(ctx, hit[0], hit[1], hit[2], tok.text)
    ctx.facts.organizations[key].evidence.append(ctx.evidence(tok, "org.handle"))
    ctx.mark(tok.i, tok.i + 1, key)
