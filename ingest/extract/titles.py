"""Titles of a named person: the role phrase before the name or in an appositive after it.

"Boston Mayor Martin Walsh", "Cook County State's Attorney Ann Lee", "Ann Lee, the mayor's
counsel,", "Sen. Ann Lee (D-Ill.), a member of the Armed Services Committee": the title region
is the run of role words and name modifiers (places, bodies, a person) just before the name, or
the noun phrase of an appositive after it (past a party-district tag in parentheses). A plural
title ("Sens. A and B") titles every name of the coordination.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ingest.extract.context import Context, lexicon, slug
from ingest.extract.roles import MAX_ROLE, Role, is_role_word, role_at_end, role_starting, roles
from kb.facts import Membership


@dataclass
class PersonMention:
    start: int
    end: int
    name_tokens: list
    title_start: int | None = None
    role: Role | None = None
    role_span: tuple[int, int] | None = None
    title: str | None = None
    of: str | None = None
    rule: str = "person.ner"
    more: list = field(default_factory=list)  # further posts: (role, span, title, of)
    foreign: bool = False  # titled with another nation's adjective: no default jurisdiction


def find_title(ctx: Context, m: PersonMention) -> None:
    """Title before the name ("Boston Mayor"), or in an appositive after it (", the mayor's
    counsel,"); a second post in the appositive after a titled name ("Sen. Ann Lee (D-Ill.),
    chairman of the Armed Services Committee") is kept in ``m.more``."""
    before = title_before(ctx, m) or title_in_apposition(ctx, m)
    after = appositive_title(ctx, m)
    if before is None and after is not None:
        m.role, m.role_span, m.title, m.of = after
        m.rule = "person.appositive"
    elif before is not None and after is not None and after[0].key != m.role.key:
        m.more.append(after)
    for post in predicate_titles(ctx, m):
        if m.role is None:
            m.role, m.role_span, m.title, m.of = post
            m.rule = "person.predicate"
        elif post[0].key != m.role.key and all(post[0].key != p[0].key for p in m.more):
            m.more.append(post)


def title_in_apposition(ctx: Context, m: PersonMention) -> Role | None:
    """A title the name stands in apposition to: "the city's police commissioner, James
    O'Neill, said", "New York's attorney general, Letitia James,". The title's noun phrase
    starts with a determiner or a possessive and ends right before the comma."""
    doc = ctx.doc
    comma = m.start - 1
    sent = ctx.sentence(doc[m.start])
    if comma <= sent.start or doc[comma].text != ",":
        return None
    after = after_name(ctx, m)
    if after < len(doc) and doc[after].text not in (",", ".", ";", "—"):
        return None
    hit = role_at_end(doc.tokens[max(sent.start, comma - MAX_ROLE):comma])
    if hit is None:
        return None
    n, role = hit
    first = comma - n
    head = doc[comma - 1]
    left = head.left_edge.i
    if left >= first or not any(doc[k].lower_ in ("the", "'s", "’s", "its", "his", "her",
                                                  "their", "our") for k in range(left, first)):
        return None
    mods = [k for k in range(left, first) if doc[k].pos_ in ("ADJ", "NOUN") and
            doc[k].i not in ctx.tok_key and doc[k].lower_ not in ("former", "then")]
    start = mods[0] if mods and mods[-1] == first - 1 and all(
        mods[x] + 1 == mods[x + 1] for x in range(len(mods) - 1)) else first
    m.role = role
    m.role_span = (first, comma)
    m.title = written_title(ctx, role, start, doc.tokens[first:comma], [])
    m.of = pick_of(ctx, ctx.keys_in(doc.tokens[left:comma]))
    m.rule = "person.apposed-title"
    return role


def predicate_titles(ctx: Context, m: PersonMention) -> list:
    """Posts a copula gives the name: "Lee is a retired Army colonel and former federal
    prosecutor", "The officer in question is Ann Lee". Negated copulas give none."""
    doc = ctx.doc
    head = m.name_tokens[-1]
    verb = head.head
    if verb.lemma_ != "be" or verb.i == head.i or any(c.dep_ == "neg" for c in verb.children):
        return []
    if head.dep_ in ("nsubj", "nsubjpass"):
        nouns = [c for c in verb.children if c.dep_ == "attr"]
        nouns += [c for n in nouns for c in n.conjuncts if c.i > n.i]
    elif head.dep_ == "attr":
        nouns = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
    else:
        return []
    out = []
    for noun in nouns:
        if noun.pos_ not in ("NOUN", "PROPN") or noun.i in range(m.start, m.end):
            continue
        lo = max(noun.left_edge.i, noun.i - MAX_ROLE + 1)
        hit = role_at_end(doc.tokens[lo: noun.i + 1])
        if hit is None:
            continue
        role_toks = doc.tokens[noun.i - hit[0] + 1: noun.i + 1]
        out.append((hit[1], (role_toks[0].i, noun.i + 1), doc.text_of(role_toks[0].i, noun.i + 1),
                    pick_of(ctx, ctx.keys_in(doc.tokens[noun.left_edge.i: noun.i + 1]))))
    return out


def title_region(ctx: Context, m: PersonMention, sent) -> list:
    """The tokens before the name that can belong to its title: a role phrase written with
    punctuation of its own ("State's Attorney", "President-elect", "Sgt.") taken whole, then
    capitalised words, role words and their modifiers back to a determiner or punctuation,
    with "of"/"for" inside an office's name ("Secretary of Commerce")."""
    doc = ctx.doc
    lo = sent.start
    if lo == m.start and lo > 0 and doc[lo - 1].text == ".":
        lo = max(0, lo - MAX_ROLE)  # the parser ended a sentence at "Sgt." before the name
    lead = role_at_end(doc.tokens[max(lo, m.start - MAX_ROLE): m.start])
    region: list = list(doc.tokens[m.start - lead[0]: m.start]) if lead else []
    j = m.start - 1 - len(region)
    while j >= sent.start:
        t = doc[j]
        if t.lower_ in ("of", "for") and region and j - 1 >= sent.start and \
                is_role_word(doc[j - 1]) and region[0].text[:1].isupper():
            region.insert(0, t)
            j -= 1
            continue
        if t.text in ("U.S.", "US") or t.text[:1].isupper() or is_role_word(t) or (
                t.pos_ in ("NOUN", "ADJ", "PROPN") and m.start > t.head.i > t.i and region):
            if t.lower_ in ("the", "a", "an") or t.is_punct and t.text not in (".",):
                break
            region.insert(0, t)
            j -= 1
            continue
        break
    return region


def title_before(ctx: Context, m: PersonMention) -> Role | None:
    """The role phrase of the region right before the name, or of an office named in it
    ("Secretary of Commerce")."""
    doc = ctx.doc
    region = title_region(ctx, m, ctx.sentence(doc[m.start]))
    office: list = []
    hit = role_at_end(region) if region else None
    if hit is None:
        for k, t in enumerate(region):
            if t.lower_ in ("of", "for") and k and all(x.text[:1].isupper()
                                                       for x in region[k + 1:]):
                hit = role_at_end(region[:k])
                office, region = region[k:], region[:k]
                break
    if hit is None:
        return None
    n, role = hit
    role_toks = region[-n:]
    mods = [t for t in region[:-n] if t.i not in ctx.tok_key and t.text not in (
        "U.S.", "US") and t.ent_type_ not in ("NORP", "GPE", "ORG")
        and not (t.text[:1].isupper() and is_role_word(t) is False and t.pos_ == "PROPN"
                 and t.ent_type_)]
    # a plain modifier right before the role belongs to the title ("Transportation Chief")
    title_mods = []
    for t in reversed(mods):
        if t.i == role_toks[0].i - 1 - len(title_mods):
            title_mods.insert(0, t)
    first = (title_mods or role_toks)[0].i
    m.role = role
    m.title_start = (region or office)[0].i
    m.role_span = (role_toks[0].i, role_toks[-1].i + 1)
    m.title = written_title(ctx, role, first, role_toks, office)
    m.of = pick_of(ctx, ctx.keys_in(region + office)) or of_after_name(ctx, m)
    # "French President X", "Chinese Foreign Minister Y": not a post of the default country
    m.foreign = any(t.ent_type_ == "NORP" and t.lower_ not in ("american", "u.s.")
                    for t in region)
    m.rule = "person.title"
    return role


#: abbreviated title words spelled out, so a title reads (and compares) as a word
ABBREVIATIONS = {
    "sen": "Senator", "sens": "Senator", "rep": "Representative", "reps": "Representative",
    "gov": "Governor", "govs": "Governor", "lt": "Lieutenant", "atty": "Attorney",
    "gen": "General", "sgt": "Sergeant", "det": "Detective", "capt": "Captain",
    "col": "Colonel", "adm": "Admiral", "pres": "President", "sec": "Secretary",
    "brig": "Brigadier", "maj": "Major", "prof": "Professor", "supt": "Superintendent",
    "ald": "Alderman", "del": "Delegate",
}


def written_title(ctx: Context, role: Role, first: int, role_toks: list, office: list) -> str:
    """The title as written from its first modifier to the end of the office's name, with
    abbreviated words spelled out ("State Sen." -> State Senator, "Sgt." -> Sergeant) and a
    plural title made singular ("Council Members" -> Council Member)."""
    doc = ctx.doc
    last = (office or role_toks)[-1].i
    if role.plural and not any(t.lower_.rstrip(".") in ABBREVIATIONS for t in role_toks):
        head = doc.text_of(first, role_toks[0].i) if first < role_toks[0].i else ""
        tail = doc.text_of(role_toks[-1].i + 1, last + 1) if office else ""
        return " ".join(p for p in (head, role.key.title(), tail) if p)
    words: list[str] = []
    for t in doc.tokens[first:last + 1]:
        full = ABBREVIATIONS.get(t.lower_.rstrip(".")) if first <= t.i < role_toks[-1].i + 1 \
            else None
        if t.text == "." and words and words[-1] in ABBREVIATIONS.values():
            continue  # "Sgt" "." split by the tokenizer
        words.append(full if full and (t.text.endswith(".") or t.i + 1 <= last and
                                       doc[t.i + 1].text == "." or t.lower_ in ("sens", "reps"))
                     else t.text)
    return " ".join(words).replace(" ’s", "’s").replace(" 's", "'s").replace(" - ", "-")


def of_after_name(ctx: Context, m: PersonMention) -> str | None:
    """The place or body in "<Title> <Name> of <Place>" ("Foreign Minister X of Russia")."""
    doc = ctx.doc
    k = after_name(ctx, m)
    if k + 1 < len(doc) and doc[k].lower_ == "of":
        return pick_of(ctx, [key for key in ctx.keys_in(doc.tokens[k + 1:k + 5])
                             if not key.startswith("person:")])
    return None


def after_name(ctx: Context, m: PersonMention) -> int:
    """The token after the name, past a party-district tag in parentheses ("(R-Texas)",
    "(17th District – Chicago)") or an age (", 45,")."""
    doc = ctx.doc
    k = m.end
    if k < len(doc) and doc[k].text == "(":
        for e in range(k + 1, min(len(doc), k + 9)):
            if doc[e].text == ")":
                return e + 1
    if k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].like_num and \
            doc[k + 2].text == ",":
        return k + 2
    return k


def appositive_title(ctx: Context, m: PersonMention):
    """"Name, [a|the] ... role [of X] ,": (role, role span, title, of) or None."""
    doc = ctx.doc
    sent = ctx.sentence(doc[m.start])
    k = after_name(ctx, m)
    if not (k < len(doc) and doc[k].text == ","):
        return None
    stop = k + 1
    while stop < min(sent.end, k + 14) and doc[stop].text not in (",", ".", ";", "—", "(",
                                                                '"', "“", "”"):
        stop += 1
    app = doc.tokens[k + 1:stop]
    for idx, t in enumerate(app):
        hit = role_starting(app[idx:])
        if hit and (idx == 0 or app[idx - 1].lower_ in ("a", "an", "the", "'s", "’s")
                    or app[idx - 1].pos_ in ("ADJ", "NOUN", "PROPN")):
            n, role = hit
            role_toks = app[idx: idx + n]
            if idx + n < len(app) and app[idx + n].ent_type_ == "PERSON":
                return None  # ", Supervisor Bo Quist": the title of the next name in a list
            tail = []
            rest = app[idx + n:]
            if rest and rest[0].lower_ == "of":
                for t in rest:
                    if t.lower_ in ("of", "and", "the") or t.text[:1].isupper():
                        tail.append(t)
                    else:
                        break
                while tail and tail[-1].lower_ in ("of", "and", "the"):
                    tail.pop()  # "director of city studies": the title is "director"
            return (role, (role_toks[0].i, role_toks[-1].i + 1),
                    " ".join(t.text for t in role_toks + tail), pick_of(ctx, ctx.keys_in(app)))
        if t.pos_ == "VERB":
            break
    return None


def share_plural_titles(mentions: list[PersonMention]) -> None:
    """"Sens. Ann Lee (D-Ill.) and Bo Li (R-Ohio)": a plural title before the first name of a
    coordination titles the names coordinated with it."""
    by_token = {t.i: m for m in mentions for t in m.name_tokens}
    for m in mentions:
        if m.role is not None or not m.name_tokens:
            continue
        head = m.name_tokens[-1]
        if head.dep_ != "conj":
            continue
        first = by_token.get(head.head.i)
        if first is not None and first.role is not None and first.role.plural:
            m.role, m.title, m.of = first.role, first.title, first.of
            m.rule = "person.plural-title"


def pick_of(ctx: Context, keys: list[str]) -> str | None:
    for prefix in ("org:", "place:", "person:"):
        for key in keys:
            if key.startswith(prefix):
                return key
    return None


PRIVATE_ORG_TYPES = ("company", "ngo", "media")


def is_public(ctx: Context, role: Role, of: str | None) -> bool:
    """Whether holding ``role`` in ``of`` is a public post: "yes" roles are, unless the body
    named with them is a private one ("president of the Detectives' union", "ACLU
    spokeswoman"); "org" roles are in a place or a governmental body."""
    org = ctx.facts.organizations.get(of) if of and of.startswith("org:") else None
    governmental = org is not None and org.type in lexicon()["governmental_org_types"]
    if role.public == "yes":
        return org is None or org.type not in PRIVATE_ORG_TYPES
    if role.public == "no":
        return False
    return bool(of and of.startswith("place:")) or governmental


def add_post(ctx: Context, key: str, role: Role, title: str | None, of: str | None,
             evidence, use_default: bool = True) -> None:
    """A membership of the person in ``role``, or more evidence for the one recorded; with
    no stated jurisdiction the role's default one when ``use_default``."""
    if of is None and role.default_of and use_default:
        of = "place:" + slug(role.default_of)
        if of not in ctx.facts.places:
            of = None
    for ms in ctx.facts.memberships:
        if ms.person == key and ms.role == role.key:
            ms.evidence.append(evidence)
            if ms.of is None and of:
                ms.of = of
            if not ms.public and is_public(ctx, role, of):
                ms.public = True
            return
    ctx.facts.memberships.append(Membership(
        key, role.key, title=title or role.key.title(), of=of,
        public=is_public(ctx, role, of), evidence=[evidence]))


LEGISLATORS = ("council member", "assembly member", "senator", "representative")


def add_represented_posts(ctx: Context, untitled: list[tuple[PersonMention, str]]) -> None:
    """"Ann Lee, who represents the South Bronx," / "Bo Li, a Republican representing Breezy
    Point,": a member of the legislature whose members this document names, in the post most
    of them hold (a council story's members are council members)."""
    held = [ms.role for ms in ctx.facts.memberships if ms.role in LEGISLATORS and ms.public]
    if not held:
        return
    role_key = max(LEGISLATORS, key=held.count)
    role = next(r for r in roles().values() if r.key == role_key and not r.plural)
    bodies = [ms.of for ms in ctx.facts.memberships if ms.role == role_key and ms.of]
    body = max(bodies, key=bodies.count) if bodies else None
    for m, key in untitled:
        verb = represents(m.name_tokens[-1])
        if verb is not None and not any(ms.person == key for ms in ctx.facts.memberships):
            add_post(ctx, key, role, role_key.title(), body,
                     ctx.evidence(verb, "person.represents"))


def represents(head):
    """The "represent(ing)" verb of a relative clause or appositive after a name, if any."""
    for c in head.children:
        verbs = [c] if c.dep_ == "relcl" else [g for g in c.children if g.dep_ == "acl"] \
            if c.dep_ == "appos" else []
        for v in verbs:
            if v.lemma_ == "represent" and any(
                    o.dep_ == "dobj" and (o.text[:1].isupper() or o.lemma_ == "district")
                    for o in v.children):
                return v  # a place or district, not "who represents tenants in the suit"
    return None
