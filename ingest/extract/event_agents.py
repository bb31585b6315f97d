"""Participants named without a name: what "the administration", "the president", "a federal
judge", "Republican leaders", "immigration officials", "the officers" or "the board" stands
for when it is the agent or target of an event.

News names an actor once and then refers to it by its kind, or names a group by what its
members share. Each noun class here is resolved to an entity the extractors already found in
this document, never to a new one: a group by the body, party or place its modifier names, a
definite description by the last entity of that kind named before it, an unnamed judge by the
court of the place named with them or the one judge of the text. The word lists are data
(data/event_agents.json). Who acts where the grammatical subject is not the doer is in
event_agents_clauses.py.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from ingest.extract.context import Context, slug
from ingest.extract.event_triggers import event_words
from ingest.extract.known import agrees, known_post, pronoun_antecedent
from ingest.extract.roles import roles

DEFINITE = ("the", "this", "that")


@lru_cache(maxsize=1)
def agent_words() -> dict:
    text = resources.files("ingest").joinpath("data", "event_agents.json").read_text("utf-8")
    return json.loads(text)


def unnamed_entity(ctx: Context, tok) -> str | None:
    """The entity of this document that a noun without a name stands for, or None."""
    if tok.lower_ == "administration":
        return administration(ctx, tok)
    lemma = tok.lemma_.lower()
    words = agent_words()
    if tok.tag_ == "NN" and lemma in words["judge_nouns"]:
        return bench(ctx, tok)
    holder = role_holder(ctx, tok)
    if holder:
        return holder
    if tok.tag_ in ("NNS", "NNPS"):
        group = group_of(ctx, tok) if lemma in words["group_nouns"] else None
        if group:
            return group
        body_type = event_words()["members_of"].get(lemma)
        if body_type:
            return members_body(ctx, tok, body_type)
        if lemma in words["member_bodies"]:
            return org_with_word(ctx, tok, words["member_bodies"][lemma])
        return None
    if tok.tag_ == "NN" and definite(tok) and lemma in words["body_heads"]:
        return definite_body(ctx, tok)
    office = office_of_place(ctx, tok)
    if office:
        return office
    if lemma in words["place_nouns"]:  # "the state of Colorado", "the city of Denver"
        return of_place(ctx, tok)
    return None


def of_place(ctx: Context, tok) -> str | None:
    """The place named in an "of" phrase of ``tok`` ("the Governor of Tennessee")."""
    return next((ctx.key_at(g) for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj" and
                 (ctx.key_at(g) or "").startswith("place:")), None)


def office_of_place(ctx: Context, tok) -> str | None:
    """"The Governor of Tennessee", "the mayor of Memphis" named by title alone: the person
    of this text holding that post there, else the place the office acts for."""
    role = roles().get((tok.lower_,))
    if role is None or role.plural:
        return None
    place = of_place(ctx, tok)
    if place is None:
        return None
    holder = next((m.person for m in ctx.facts.memberships
                   if m.role == role.key and m.of == place), None)
    return holder or place


def definite(tok) -> bool:
    """"the board", "this court": a definite noun with no owner ("its board" is another's)."""
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children) and not any(
        c.dep_ == "poss" for c in tok.children)


def administration(ctx: Context, tok) -> str | None:
    """"the administration", "his administration": the administration named before it (the
    organisations extractor makes "the Trump administration" a body of its own), not its
    president."""
    for key in ctx.mentions_before(tok.i, "org:", window=2000):
        org = ctx.facts.organizations.get(key)
        if org is not None and org.name.lower().endswith(" administration"):
            return key
    return None


def role_holder(ctx: Context, tok) -> str | None:
    """"The president", "the governor" (a definite singular title with no name): the person
    of this document holding that post, the one named last before it."""
    if tok.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    role = roles().get((tok.lower_,))
    if role is None or role.plural or role.public != "yes":
        return None
    holders = {m.person for m in ctx.facts.memberships if m.role == role.key}
    # "the president" of a text naming two is the one of the title's own country
    own = {k for k in holders if home_post(ctx, k, role)}
    holders = own or holders
    return next((k for k in ctx.mentions_before(tok.i, "person:") if k in holders), None)


def home_post(ctx: Context, person: str, role) -> bool:
    """Whether the person holds the post in the title's own country ("the president": of the
    United States), by the membership's place or by the list of office holders."""
    if not role.default_of:
        return False
    home = "place:" + slug(role.default_of)
    if any(m.person == person and m.role == role.key and m.of == home
           for m in ctx.facts.memberships):
        return True
    listed = known_post(ctx, ctx.facts.people[person].name, True) \
        if person in ctx.facts.people else None
    return listed is not None and listed.role == role.key and listed.of == role.default_of


def members_body(ctx: Context, tok, body_type: str) -> str | None:
    """"lawmakers" (plural, unnamed): the legislature the text named last, when one is named
    within a few paragraphs; its members act, and are acted on, as that body."""
    for key in ctx.mentions_before(tok.i, "org:", window=600):
        org = ctx.facts.organizations.get(key)
        if org is not None and org.type == body_type and not any(
                w in org.name.lower() for w in ("committee", "caucus", "subcommittee")):
            return key  # lawmakers are the chamber or legislature, not one of its committees
    return None


def bench(ctx: Context, tok) -> str | None:
    """"A federal judge in Chicago": the court of that place, where the organisations
    extractor made one; else "a federal judge", "the judge" is the one person of the text
    holding a judicial post (news names the judge a sentence later, or earlier)."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "from"):
            place = next((ctx.key_at(g) for g in c.children if g.dep_ == "pobj"), None)
            for key, org in ctx.facts.organizations.items():
                if place and org.type == "court" and org.jurisdiction == place:
                    return key
    judicial = set(event_words()["judicial_roles"])
    judges = {m.person for m in ctx.facts.memberships if m.role in judicial}
    return next(iter(judges)) if len(judges) == 1 else None


def group_of(ctx: Context, tok) -> str | None:
    """Plural officials named by what they share: "Republican leaders" (the party),
    "Tennessee officials", "officials in Houston" (the place), "immigration officials" (the
    one body with that word in its name), "city officials" (the city named last). "Federal
    officials" stay unnamed: which federal body they speak for, the text does not say."""
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i]
    mods += [g for c in mods for g in c.conjuncts if g.i < tok.i]  # "State and local leaders"
    after = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "from", "of")
             for g in c.children if g.dep_ == "pobj"]  # "officials in Houston"
    for c in mods:
        key = ctx.key_at(c)
        if key and key.startswith(("org:", "place:")):
            return key
    neutral = set(agent_words()["neutral_modifiers"])
    plain = [c.lower_ for c in mods if not ctx.key_at(c) and c.lower_ not in neutral]
    places = agent_words()["place_nouns"]
    for word in sorted(plain, key=lambda w: w in places):  # a body's own word first
        if word in places:
            key = nearest_place(ctx, tok, places[word])
        elif len(word) > 3 and tok.lemma_.lower() in agent_words()["staff_nouns"]:
            key = org_with_word(ctx, tok, word)
        else:
            key = None
        if key:
            return key
    # where they sit comes last: "immigration officials in Denver" are the immigration agency's
    return next((k for c in after if (k := ctx.key_at(c)) and k.startswith(("org:", "place:"))),
                None)


def org_with_word(ctx: Context, tok, word: str) -> str | None:
    """The body named last before ``tok`` with ``word`` in its name ("police" -> the New
    York City Police Department), else the only such body of the document."""
    def has(key: str) -> bool:
        org = ctx.facts.organizations.get(key)
        return org is not None and any(
            f" {word} " in f" {n.lower()} " for n in (org.name, *org.aliases))
    before = [k for k in ctx.mentions_before(tok.i, "org:") if has(k)]
    if before:
        return before[0]
    anywhere = [k for k in ctx.facts.organizations if has(k)]
    return anywhere[0] if len(anywhere) == 1 else None


def definite_body(ctx: Context, tok) -> str | None:
    """"The board", "the court", "the prison board": the last body named before it whose
    name has that head word (and every noun modifier of the description)."""
    lemma = tok.lemma_.lower()
    mods = {c.lower_ for c in tok.children if c.dep_ == "compound"}
    for key in ctx.mentions_before(tok.i, "org:"):
        org = ctx.facts.organizations.get(key)
        if org is None:
            continue
        words = {w for n in (org.name, *org.aliases) for w in n.lower().split()}
        if lemma in words and mods <= words:
            return key
    return None


def place_described(ctx: Context, tok) -> str | None:
    """"Sued the state", "blamed the city": a definite place noun as the object of an act is
    the last place of that kind named before it. Only as a target: as a subject ("the state
    does not comply") it often means the state's government in general, a claim the text
    does not pin to one act."""
    kinds = agent_words()["place_nouns"].get(tok.lemma_.lower())
    if not kinds or tok.tag_ != "NN" or not definite(tok) or any(
            c.dep_ in ("compound", "amod", "nmod", "prep") for c in tok.children):
        return None  # "the sanctuary city", "a border state", "the city of Denver" (named)
    return nearest_place(ctx, tok, kinds)


def nearest_place(ctx: Context, tok, types: list[str]) -> str | None:
    for key in ctx.mentions_before(tok.i, "place:"):
        place = ctx.facts.places.get(key)
        if place is not None and place.type in types:
            return key
    return None


def owner_named(ctx: Context, tok) -> str | None:
    """The person or body a possessor stands for, also where the possessor is part of a law's
    name and so marked as the law ("President Trump's ban", "the Trump Administration's new
    rule"): the body with that name, else the one person with that surname."""
    key = ctx.key_at(tok)
    if key and key.startswith(("person:", "org:", "place:")):
        return key
    if not tok.text[:1].isupper():
        return None
    phrase = ctx.doc.text_of(tok.left_edge.i, tok.i + 1).lower().removeprefix("the ")
    for k, org in ctx.facts.organizations.items():
        if phrase in {n.lower().removeprefix("the ") for n in (org.name, *org.aliases)}:
            return k
    people = [k for k, p in ctx.facts.people.items() if p.name.lower().split()[-1:] == [tok.lower_]]
    return people[0] if len(people) == 1 else None


def law_author(ctx: Context, law: str) -> str | None:
    """Who made a law or order: the agent of its signing or enactment reported in this text
    so far, else its possessor where the text names it so ("President Trump's executive
    order")."""
    signed = next((e.agent for e in ctx.facts.events if e.about_law == law and
                   e.type in ("sign", "enact") and e.agent), None)
    if signed:
        return signed
    doc = ctx.doc
    for m in ctx.mentions:
        if m.key != law:
            continue
        for i in range(m.start, m.end):
            for c in doc[i].children:
                owner = owner_named(ctx, c) if c.dep_ == "poss" else None
                if owner and owner.startswith(("person:", "org:")):
                    return owner
    return None


def person_pronoun(ctx: Context, tok, pronoun: str) -> str | None:
    """"He", "she": a sentence that opens on the pronoun continues with the person the
    previous sentence was about, its subject ("Mayor X convened ... to address President Y's
    order. He emphasized ..." is X), where gender allows; else the nearest person named."""
    sent = ctx.sents[ctx.sent_of[tok.i]]
    earlier = any(ctx.tok_key.get(i, "").startswith("person:") for i in range(sent.start, tok.i))
    if tok.dep_ == "nsubj" and not earlier and ctx.sent_of[tok.i] > 0:
        root = ctx.sents[ctx.sent_of[tok.i] - 1].root
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        key = ctx.key_at(subj) if subj is not None else None
        if key and key.startswith("person:") and agrees(ctx, key, pronoun):
            return key
    return pronoun_antecedent(ctx, tok.i, pronoun)


def object_antecedent(ctx: Context, tok) -> str | None:
    """"(The city is prepared to) challenge it", "imposing them": an object pronoun stands
    for the nearest body, place or law named before it, never for the subject of its own
    clause (the city does not challenge itself)."""
    own = {ctx.key_at(c) for a in tok.ancestors for c in a.children
           if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i}
    best = None
    for m in ctx.mentions:
        if m.start < tok.i and m.key.startswith(("org:", "place:", "law:")) and \
                m.key not in own and (best is None or m.start > best.start):
            best = m
    return best.key if best else None


def members_named_next(ctx: Context, subj) -> list[str]:
    """"Republican candidates blasted the plan. Sens. Marco Rubio and Ted Cruz ...": a plural
    group as the subject, whose members the next sentence names as its own coordinated
    subject (two people at least), acts as those people, one event each."""
    if subj.tag_ not in ("NNS", "NNPS") or subj.lemma_.lower() not in agent_words()["group_nouns"]:
        return []
    k = ctx.sent_of[subj.i] + 1
    if k >= len(ctx.sents):
        return []
    subjects = [c for c in ctx.sents[k].root.children if c.dep_ == "nsubj"]
    people = [key for s in subjects for t in (s, *s.conjuncts)
              if (key := ctx.key_at(t) or "").startswith("person:")]
    return list(dict.fromkeys(people)) if len(set(people)) > 1 else []


def org_named_as(ctx: Context, tok) -> str | None:
    """A proper noun the organisations extractor did not mark here but that spells one of
    its bodies' names ("the Guantánamo Bay prison" after the body "Guantánamo"): that body."""
    if tok.pos_ != "PROPN" or len(tok.text) < 4:
        return None
    forms = {tok.lower_, ctx.doc.text_of(tok.left_edge.i, tok.i + 1).lower().removeprefix("the ")}
    return next((k for k, org in ctx.facts.organizations.items()
                 if forms & {n.lower().removeprefix("the ") for n in (org.name, *org.aliases)}),
                None)
