"""People and their posts: titles before names, appositives after them, one person per name.

"Attorney General Jeff Sessions", "Boston Mayor Martin Walsh", "Malloy spokeswoman Kelly
Donnelly", "Zachary Carter, legal counsel to the mayor": a title region is the run of role words
and name modifiers (places, bodies, parties, a person) just before the name, or the noun phrase
of an appositive just after it. Roles come from data/roles.tsv; whether a role makes someone an
official can depend on the body ("director" of a city agency yes, of a coalition no).
Surname mentions join the person named in full ("Sessions" -> Jeff Sessions), comparing names
without case or spaces ("DeBlasio" = "de Blasio").
"""
from __future__ import annotations

from ingest.extract.context import Context, clean_span, lexicon, slug, squash, word_list
from ingest.extract.known import first_names, known_post
from ingest.extract.listed_holders import add_known_posts, known_names
from ingest.extract.names import (
    FOREIGN_RULE,
    PARTICLES,
    has_first_name,
    has_first_name_text,
    name_like,
    surname_key,
    surname_keys,
)
from ingest.extract.post_places import fill_post_places
from ingest.extract.roles import (
    MAX_ROLE,
    Role,
    is_role_word,
    role_at_end,
    role_first_words,
    role_starting,
    roles,
    word,
)
from ingest.extract.signers import extract_signers
from ingest.extract.titles import (
    PersonMention,
    add_post,
    add_represented_posts,
    find_title,
    share_plural_titles,
)
from kb.facts import Person

__all__ = ["extract_officials", "looks_like_person", "role_starting", "roles"]


def extract_officials(ctx: Context) -> None:
    doc = ctx.doc
    mentions: list[PersonMention] = []
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP") or not ctx.in_body(ent[0]):
            continue
        span = clean_span(ent)
        if not len(span):
            continue
        lead = role_starting(span) or split_title(doc, span) or office_in_span(doc, span)
        start = span.start + (lead[0] if lead else 0)
        if ent.label_ != "PERSON" and not lead and not looks_like_person(span):
            continue
        name = [t for t in doc[start:span.end] if not t.is_punct or t.text in (".", "-")]
        if not name or not all(t.text[:1].isupper() or t.lower_ in PARTICLES or t.text == "-"
                               for t in name):
            continue
        if any(t.i in ctx.tok_key for t in name) or not name_like(ctx, name):
            continue
        if len(name) == 1 and span.end < len(doc) and doc[span.end].lower_ in FOREIGN_RULE:
            continue  # "the Castro government": a government named after its ruler
        mentions.append(PersonMention(start, span.end, name))
    mentions += titled_names(ctx, mentions)
    mentions += known_names(ctx, mentions)
    mentions.sort(key=lambda m: m.start)
    full_surnames = {k for m in mentions if has_first_name(m.name_tokens)
                     for k in surname_keys(m.name_tokens)}
    for m in mentions:
        find_title(ctx, m)
    share_plural_titles(mentions)
    by_surname: dict[str, list[str]] = {}
    untitled: list[tuple[PersonMention, str]] = []
    for m in mentions:
        key = assign(ctx, m, by_surname, full_surnames)
        if key:
            record(ctx, m, key)
            if m.role is None:
                untitled.append((m, key))
    add_represented_posts(ctx, untitled)
    extract_signers(ctx)
    add_known_posts(ctx)
    fill_post_places(ctx)


def looks_like_person(span) -> bool:
    """A span the model called a body that reads as a person: a given name and a surname,
    introduced by an appositive title ("Ann Lee, the county's health commissioner,") or speaking
    ("Ann Lee said"). Bodies named after people keep their head noun ("Ford Foundation")."""
    words = [t for t in span if t.text != "-"]
    if not 2 <= len(words) <= 3 or not all(t.pos_ == "PROPN" and t.text[:1].isupper()
                                           for t in words):
        return False
    if first_names().get(words[0].lower_) not in ("m", "f", "u"):
        return False
    if words[-1].lower_ in lexicon()["org_type_heads"] or any(t.text.isupper() for t in words):
        return False
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.text == ",":
        app = doc[span.end + 1: min(len(doc), span.end + 8)]
        if any(role_starting(app[i:]) for i in range(len(app))):
            return True
    head = span.root
    return head.dep_ in ("nsubj",) and head.head.lemma_.lower() in word_list("speech_verbs.txt")


def split_title(doc, span) -> tuple[int, Role] | None:
    """A title the model cut in two ("Attorney [General Okafor]"): the span's first words end a
    role phrase that starts before the span. Returns (words of the span that belong to the title,
    role)."""
    for n in range(1, min(MAX_ROLE, len(span) - 1) + 1):
        hit = role_at_end(doc.tokens[max(0, span.start - MAX_ROLE): span.start + n])
        if hit and hit[0] > n:
            return n, hit[1]
    return None


def office_in_span(doc, span) -> tuple[int, Role] | None:
    """An office's name the model put into the person ("Secretary of [Agriculture Nora
    Quintero]"): after "<role> of", the span's words up to a given name belong to the title.
    Returns (those words, role)."""
    if span.start < 2 or doc[span.start - 1].lower_ not in ("of", "for"):
        return None
    hit = role_at_end(doc.tokens[max(0, span.start - 1 - MAX_ROLE): span.start - 1])
    if hit is None:
        return None
    for k in range(1, len(span) - 1):
        if first_names().get(span[k].lower_) and span[k].text[:1].isupper():
            return k, hit[1]
    return None


def titled_names(ctx: Context, found: list[PersonMention]) -> list[PersonMention]:
    """Names the model missed right after a capitalised title: "Mayor de Blasio praised",
    "Attorney General Sessions has". The title says a person follows; the name is the run of
    capitalised proper nouns (with particles such as "de") after it."""
    doc = ctx.doc
    taken = {i for m in found for i in range(m.start, m.end)}
    out: list[PersonMention] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if not tok.text[:1].isupper() or word(tok) not in role_first_words() or \
                not ctx.in_body(tok):
            i += 1
            continue
        hit = role_starting(doc.tokens[i: i + MAX_ROLE])
        if hit is None or any(not t.text[:1].isupper() for t in doc.tokens[i: i + hit[0]]):
            i += 1
            continue
        j = k = i + hit[0]
        while k < len(doc) and k - j < 4 and k not in taken and (
                k not in ctx.tok_key or surname_taken_by_body(ctx, j, k)) and (
                (doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper() and not is_role_word(doc[k]))
                or (doc[k].lower_ in PARTICLES and k + 1 < len(doc)
                    and doc[k + 1].text[:1].isupper())
                or (doc[k].text == "-" and k > j and not doc[k].whitespace_)):
            k += 1
        while k > j and not doc[k - 1].text[:1].isupper():
            k -= 1
        name = doc.tokens[j:k]
        if name and doc[j].ent_type_ not in ("GPE", "ORG", "NORP", "LOC") and \
                name_like(ctx, name) and person_like(name):
            out.append(PersonMention(j, k, name, rule="person.titled-name"))
        i = max(k, i + 1)
    return out


def person_like(name) -> bool:
    """Whether words after a title can be a person's name: the model saw a person in them, or
    they start with a given name or a particle ("de Blasio"), or end in a surname the model
    tags as a proper noun alone ("Sessions"); not "Officer Training School", "Detective
    Comics"."""
    if any(t.ent_type_ == "PERSON" for t in name) or name[0].lower_ in PARTICLES:
        return True
    if first_names().get(name[0].lower_) is not None and len(name) > 1:
        return True
    return len(name) == 1 and not name[0].tag_.endswith("S")


def surname_taken_by_body(ctx: Context, j: int, k: int) -> bool:
    """After a title and a given name, a surname another extractor took for a body is still
    the surname ("Former Mayor Michael [Bloomberg]", the news service)."""
    doc = ctx.doc
    return (k == j + 1 and first_names().get(doc[j].lower_) is not None
            and ctx.tok_key[k].startswith("org:") and doc[k].pos_ == "PROPN"
            and not (k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN"
                     and doc[k + 1].text[:1].isupper()))


def by_title(ctx: Context, m: PersonMention, people: list[str]) -> str:
    """Which of the people sharing a surname a surname mention means: the one holding the
    title it is written with ("Mayor Lee" and "Council President Lee"), else the latest."""
    if m.role is not None and len(people) > 1:
        titled = [k for k in people if any(ms.person == k and ms.role == m.role.key
                                           for ms in ctx.facts.memberships)]
        if len(titled) == 1:
            return titled[0]
    return people[-1]


def assign(ctx: Context, m: PersonMention, by_surname: dict[str, list[str]],
           full_surnames: set[str]) -> str | None:
    sk = surname_key(m.name_tokens)
    name = " ".join(t.text for t in m.name_tokens).replace(" .", ".").replace(" - ", "-")
    people = ctx.facts.people
    if not has_first_name(m.name_tokens):
        if sk not in full_surnames and not m.role and m.name_tokens[-1].dep_ not in (
                "nsubj", "nsubjpass", "compound", "poss") and known_post(ctx, name, False) is None:
            return None
        if sk in by_surname:
            return by_title(ctx, m, by_surname[sk])
        key = "person:" + slug(name)
        people.setdefault(key, Person(key, name))
        by_surname.setdefault(sk, []).append(key)
        return key
    first = squash(m.name_tokens[0].text)
    # a surname-only person met earlier under a shorter surname ("Burke", then "Eileen
    # O'Neill Burke") is this person too
    shorter = [k for s in surname_keys(m.name_tokens)[1:] for k in by_surname.get(s, [])
               if not has_first_name_text(people[k].name)]
    for key in by_surname.get(sk, []) + shorter:
        person = people[key]
        pfirst = squash(person.name.split()[0])
        if not has_first_name_text(person.name):
            # a surname-only person met earlier gets the full name now
            person.add_alias(person.name)
            person.name = name
            return key
        if pfirst == first or pfirst.startswith(first) or first.startswith(pfirst):
            if len(name) > len(person.name):
                person.add_alias(person.name)
                person.name = name
            return key
    key = "person:" + slug(name)
    people.setdefault(key, Person(key, name))
    for k in surname_keys(m.name_tokens):
        by_surname.setdefault(k, []).append(key)
    return key


def record(ctx: Context, m: PersonMention, key: str) -> None:
    doc = ctx.doc
    person = ctx.facts.people[key]
    written = doc[m.name_tokens[0].i: m.name_tokens[-1].i + 1].text
    person.add_alias(written)
    person.evidence.append(ctx.evidence(doc[m.start], m.rule))
    if m.title_start is not None:
        person.add_alias(doc[m.title_start: m.end].text)
        ctx.mark(m.role_span[0], m.end, key)
    ctx.mark(m.start, m.end, key)
    if m.role is None:
        return
    add_post(ctx, key, m.role, m.title, m.of, ctx.evidence(doc[m.start], m.rule),
             use_default=not m.foreign)
    for role, _span, title, of in m.more:
        add_post(ctx, key, role, title, of, ctx.evidence(doc[m.start], "person.appositive"))
