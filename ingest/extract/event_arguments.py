"""Who did it and to whom: the agent and targets of an event trigger, read from the parse
(subject, "by" phrase, possessor, light verb, governing verb or document) and resolved to the
entities the earlier extractors found."""
from __future__ import annotations

from ingest.extract.context import Context, lexicon
from ingest.extract.event_agents import (
    members_named_next,
    object_antecedent,
    org_named_as,
    person_pronoun,
    place_described,
    unnamed_entity,
)
from ingest.extract.event_agents_clauses import (
    after_dateline,
    chamber_of,
    dateline_end,
    defendants,
    funder_named,
    participle_agent,
    signer_of,
)
from ingest.extract.event_triggers import entry_of, event_words
from ingest.resolve_local import antecedent

TARGET_PREPS = ("from", "against", "to", "with", "on")


def entity_of(ctx: Context, tok) -> str | None:
    """The entity a (subject or object) token stands for, looking into its modifiers."""
    key = ctx.key_at(tok)
    if key:
        return key
    low = tok.lower_
    if low in ("he", "she", "him", "her", "his"):
        return person_pronoun(ctx, tok, "he" if low == "his" else low)
    if low in ("it", "them") and tok.dep_ in ("dobj", "pobj"):
        return object_antecedent(ctx, tok)  # may stand for a law just named
    if low in ("it", "they", "them", "its", "their"):
        return antecedent(ctx, tok.i, ("org:", "place:"))
    if low in ("which", "that", "who") and tok.head.dep_ == "relcl":
        return entity_of(ctx, tok.head.head)
    unnamed = unnamed_entity(ctx, tok)
    if unnamed:
        return unnamed
    if tok.lemma_.lower() in set(lexicon()["people_nouns"]):
        return None  # "the Ohio resident" is a person from the place, not the place
    for c in tok.children:
        if c.dep_ in ("poss", "compound", "nmod") and c.i < tok.i:
            if c.lower_ == "whose" and tok.head.dep_ == "relcl":
                return entity_of(ctx, tok.head.head)
            key = entity_of(ctx, c)
            if key and not key.startswith(("law:", "grant:")):
                return key
    return org_named_as(ctx, tok)


def after_by(ctx: Context, by) -> list:
    """The entity tokens right after a "by" the parser left without its object ("sponsored by
    State Senator Ann Roe (17th District) and State Representative Bo Li" hangs the names
    elsewhere): the person or body named within a few words, and each one joined to it by
    "and" past a parenthesis; the last token of each name."""
    doc = ctx.doc
    out: list = []
    i, end = by.i + 1, min(by.i + 40, len(doc))
    while i < end:
        key = ctx.key_at(doc[i])
        if key and key.startswith(("person:", "org:")):
            j = i
            while j + 1 < len(doc) and ctx.key_at(doc[j + 1]) == key:
                j += 1
            out.append(doc[j])
            i = skip_parenthesis(doc, j + 1)
            if i < end and doc[i].lower_ == "and":
                i += 1
                continue  # "... and State Representative Bo Li (27th District)"
            break
        if not out and i > by.i + 7 or (doc[i].is_punct and doc[i].text not in ".()"):
            break
        i += 1
    return out


def skip_parenthesis(doc, i: int) -> int:
    """The index after a parenthesis opening at ``i`` ("(D – Orange County)"), else ``i``."""
    if i < len(doc) and doc[i].text == "(":
        while i < len(doc) and doc[i].text != ")" and doc[i].text[:1] != "\n":
            i += 1
        return i + 1
    return i


def agents_of(ctx: Context, tok) -> list[str]:
    """The agent of an event and those coordinated with it ("Ann Roe and Bo Li sued the
    city"): one event each, as the facts record one agent per event."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    listed = members_named_next(ctx, subj) if subj is not None else []
    if listed:
        return listed  # "Republican candidates blasted the plan. Sens. A and B ..."
    found: list = []
    agent = agent_of(ctx, tok, found)
    if agent is None:
        return []
    out = [agent]
    if found:
        others = [c for c in found[0].children if c.dep_ == "conj"] + found[1:]
        for c in others:
            key = clean_agent(ctx, entity_of(ctx, c))
            if key and key.startswith(("person:", "org:", "place:")) and key not in out:
                out.append(key)
    return out


def agent_of(ctx: Context, tok, found: list | None = None) -> str | None:
    """The subject, the "by" phrase of a passive or of an event noun, the possessor of an
    event noun ("the department's threat"), the subject of the light verb that makes an event
    noun ("X filed a lawsuit", "X voiced concern"), or inherited from a governing verb or
    document. ``found`` receives the subject token, so coordinated subjects can join in."""
    light = event_words()["light_verbs"]
    node, via_light = tok, False
    doer = participle_agent(ctx, tok)
    if doer:
        return doer
    for _ in range(5):
        for c in node.children:
            if c.dep_ == "agent":
                named = list(c.children)
                extra = after_by(ctx, c)
                named += [t for t in (extra[1:] if named else extra) if t not in named]
                for g in named:
                    key = entity_of(ctx, g)
                    if key:
                        if found is not None:
                            found.extend([g] + [h for h in named if h is not g])
                        return clean_agent(ctx, key)
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in node.children):
            # a passive without its "by" names no doer, nor is its reporter one; "there is
            # hereby established" is the act of whoever signs the document
            return signer_of(ctx) if any(c.lower_ == "hereby" for c in node.children) else None
        subjects = [c for c in node.children if c.dep_ == "nsubj"]
        for c in subjects:
            if c.pos_ == "NUM" and len(subjects) > 1:
                continue  # "In September, 2017 a federal judge ...": a year is no subject
            if c.dep_ == "nsubj":
                key = entity_of(ctx, c) or funder_named(ctx, c)
                if key and key.startswith("law:"):
                    return author_of_law(ctx, c)
                if key is None and c.lower_ in ("that", "which") and node.dep_ == "relcl":
                    c = node.head  # "filed a lawsuit that names ...": the lawsuit names
                if key is None and c.pos_ == "NOUN" and entry_of(c) and c is not tok:
                    # "the lawsuit names ...": whoever filed it, here or in an earlier event
                    return agent_of(ctx, c, found) or event_anaphor(ctx, c)
                if key and key.startswith("place:") and dateline_end(ctx, c) is not None:
                    c = after_dateline(ctx, c)  # "HARTFORD, Conn. (May 14) — Governor X ..."
                    key = ctx.key_at(c) if c is not None else None
                if key and found is not None:
                    found.append(c)
                return clean_agent(ctx, chamber_of(ctx, c, key)) if key else None
        if node.pos_ == "NOUN" and (node is tok or node.dep_ == "acl"):
            for c in node.children:
                if c.dep_ in ("poss", "compound") and c.i < node.i:
                    key = entity_of(ctx, c)
                    if key and not key.startswith(("grant:",)):
                        return clean_agent(ctx, key)
            source = (entry_of(node) or ("",))[0] not in ("withhold", "award")
            # "the lawsuit, (which was) filed by the ACLU": the by-phrase of its light verb
            byes = [a for c in node.children if c.dep_ in ("acl", "relcl") and
                    c.lemma_.lower() in light for a in c.children if a.dep_ == "agent"]
            for c in [*node.children, *byes]:  # "a ruling by the court", "the threat by X"
                # "a lawsuit from the attorney general": the source of a suit, threat or
                # request made it ("cuts from the county" are the county's money, not its act)
                if c.dep_ in ("prep", "agent") and (c.lower_ == "by" or
                                                    (c.lower_ == "from" and source)):
                    key = next((k for g in c.children if g.dep_ == "pobj" and
                                (k := entity_of(ctx, g))), None)
                    if key and key.startswith(("person:", "org:", "place:")):
                        if found is not None:
                            found.extend(g for g in c.children if g.dep_ == "pobj")
                        return key
            if node is tok and node.dep_ in ("dobj", "nsubjpass") and node.head.pos_ == "VERB" and \
                    node.head.lemma_.lower() in light:
                node, via_light = node.head, True  # "filed a lawsuit": whoever filed it
                continue
            if node.dep_ not in ("acl",):
                return None
        if node.dep_ in ("relcl", "acl") and node.head.dep_ == "dobj" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            node = node.head.head  # "issued a statement to blast the judge": the issuer
            continue
        if node.dep_ == "acl":
            return author_of_law(ctx, node.head)  # "an order threatening to ..." -> the order
        if via_light and node.dep_ in ("pcomp", "pobj", "prep"):
            return None  # "accused the mayor of making threats": the accuser made none
        if node.dep_ == "prep" and node.lower_ == "in" and node.head.pos_ != "VERB":
            # "joined a coalition of states in opposing the rule": whoever joined
            node = next((a for a in node.ancestors if a.pos_ == "VERB"), node)
            if node.dep_ == "prep":
                break
            continue
        if node.dep_ in ("xcomp", "advcl", "conj", "pcomp", "pobj", "prep", "acomp", "ccomp") \
                and node.head.i != node.i:
            node = node.head
            continue
        break
    return None


def law_subject(ctx: Context, verb) -> bool:
    """The verb's subject is a law ("the order also directed OMB to ...", "the act bans ..."):
    what a law says it does is its content, reported as the law, not an act of its author.
    A coordinated verb shares the subject of the first ("tasked X ... and directed Y")."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return any(c.dep_ == "nsubj" and (ctx.key_at(c) or "").startswith("law:")
               for c in verb.children)


def event_anaphor(ctx: Context, noun) -> str | None:
    """"The lawsuit", "this threat": the agent of the last event of that type reported before
    it (the facts so far), when the noun is definite."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return None
    typ = entry_of(noun)[0]
    return next((e.agent for e in reversed(ctx.facts.events) if e.type == typ and
                 e.evidence and e.evidence[0].start < noun.idx), None)


def event_owner(ctx: Context, tok) -> list[str]:
    """Whose act a stance is about: "praised the lawsuit", "criticized the governor's veto"
    target whoever made it (its possessor, or the agent of that kind of event just reported)."""
    for c in tok.children:
        if c.dep_ == "dobj" and entry_of(c):
            key = agent_of(ctx, c) or event_anaphor(ctx, c)
            if key:
                return [key]
    return []


def author_of_law(ctx: Context, noun) -> str | None:
    """Who is behind a law or order: its possessor, else the subject of the verb it is the
    object of ("Trump signed an executive order threatening ...")."""
    for c in noun.children:
        if c.dep_ == "poss":
            key = entity_of(ctx, c)
            if key and key.startswith(("person:", "org:", "place:")):
                return key
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ == "VERB":
        for c in noun.head.children:
            if c.dep_ == "nsubj":
                key = entity_of(ctx, c) or funder_named(ctx, c)
                if key and key.startswith(("person:", "org:", "place:")):
                    return key
    return None


def clean_agent(ctx: Context, key: str | None) -> str | None:
    if key is None or key.startswith(("law:", "grant:")):
        return None
    return key


def targets_of(ctx: Context, tok) -> list[str]:
    """Whom the event is done to: the object, an object of "from/against/to/with/on", or who
    requested it; coordinated names follow the one they are joined to (see ``coordinated``)."""
    out: list[str] = []
    if participle_agent(ctx, tok):
        head = entity_of(ctx, tok.head)  # "the Bush-appointed judge": the judge
        out += [head] if head and head.startswith(("person:", "org:", "place:")) else []
    out += defendants(ctx, tok)
    for c in tok.children:
        # "Governor Hale was sued by the union": the subject of a passive is acted on
        if c.dep_ in ("dobj", "dative", "nsubjpass"):
            for d in (c, *coordinated(c)):
                key = entity_of(ctx, d) or place_described(ctx, d)
                if key and not key.startswith(("law:", "grant:")) and key not in out:
                    out.append(key)
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS]
    if tok.pos_ == "NOUN":  # "a suit (filed) by the state against the department": hung on
        byes = [c for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"]
        byes += [a for c in tok.children if c.dep_ in ("acl", "relcl") for a in c.children
                 if a.dep_ == "agent"]
        preps += [h for c in byes for g in c.children for h in g.children
                  if h.dep_ == "prep" and h.lower_ == "against"]  # the state
    # the object of a threatened or pledged act is whom the threat or pledge is at; the
    # object of what a vote decides is not the voters' target
    threat_like = tok.pos_ == "NOUN" or (entry_of(tok) or ("",))[0] in ("threaten", "warn")
    for c in tok.children:
        if c.dep_ in ("dobj", "xcomp") or (c.dep_ == "acl" and tok.pos_ == "NOUN"):
            preps += [g for g in c.children if g.dep_ == "prep" and g.lower_ in TARGET_PREPS]
            for g in c.children:
                if g.dep_ == "dobj":
                    preps += [h for h in g.children if h.dep_ == "prep" and h.lower_ in
                              TARGET_PREPS]
                    if c.dep_ != "dobj" and threat_like:  # "threatened to sue Denver"
                        out += [k for d in (g, *coordinated(g)) if (k := entity_of(ctx, d))
                                and k.startswith(("place:", "org:", "person:")) and
                                k not in out]
    if ((entry_of(tok) or ("", None))[1] or "").startswith("02"):  # an appeal (CAMEO 02)
        # "requested that the Governor of Tennessee make available ...": whom it asks
        out += [k for c in tok.children if c.dep_ == "ccomp" for s in c.children
                if s.dep_ in ("nsubj", "nsubjpass") and (k := entity_of(ctx, s)) and
                k.startswith(("person:", "org:", "place:")) and k not in out]
    if (entry_of(tok) or ("",))[0] in ("withhold", "award"):
        # "funding for the library was cut", "cut grants to the city": whose money it is
        money = set(lexicon()["grant_heads"])
        out += [k for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lower_ in money
                for p in c.children if p.dep_ == "prep" and p.lower_ in ("for", "to")
                for g in p.children if g.dep_ == "pobj" and (k := entity_of(ctx, g)) and
                k.startswith(("person:", "org:", "place:")) and k not in out]
    requester = requested_by(ctx, tok)
    if requester and requester not in out:
        out.append(requester)
    if any(not list(p.children) for p in preps):
        # "request assistance from and coordinate with the police": the dangling "from"
        # shares the object of the verb joined to it
        preps += [g for c in tok.conjuncts for g in c.children
                  if g.dep_ == "prep" and g.lower_ in TARGET_PREPS]
    for p in preps:
        if any(g.lower_ == "behalf" for g in p.children):
            continue  # "filed on behalf of Galarza": the client, not whom it is against
        named = [k for g in p.children if g.dep_ == "pobj" and not ctx.key_at(g)
                 and (k := unnamed_entity(ctx, g) or place_described(ctx, g))]
        if named:  # "cooperate with federal immigration officials"
            out += [k for k in named[:1] if k not in out]
            continue
        for t in p.subtree:
            key = ctx.key_at(t)
            if key and t.dep_ in ("compound", "poss", "amod", "nmod") and \
                    ctx.key_at(t.head) != key:
                continue  # "the U.S. Code" is about a code, not the country
            if key and key.startswith(("place:", "org:", "person:")) and key not in out:
                while t.head.i != t.i and ctx.key_at(t.head) == key:
                    t = t.head  # "Mayor Ann Roe, Governor Tom Hale and ...": from the name's head
                out.append(key)
                out += [k for d in coordinated(t) if (k := entity_of(ctx, d)) and
                        k.startswith(("place:", "org:", "person:")) and k not in out]
                break
    return out


def coordinated(tok) -> list:
    """The names joined to ``tok`` ("the city, the county and the state"): its conjuncts."""
    return [c for c in tok.conjuncts if c.i > tok.i]


def target_groups(ctx: Context, tok, targets: list[str]) -> list[list[str]]:
    """One target list per event: "sued the city, the county and the state" is three suits, as
    are "filed suit against ..." and "a lawsuit that names ... as defendants" (the first
    target and the names coordinated with it each lead one list, the other targets follow); a
    single target, or none, is one event."""
    if len(targets) < 2:
        return [targets]
    listed = [k for k in defendants(ctx, tok) if k in targets]
    if len(listed) > 1:
        return [[k, *(t for t in targets if t not in listed)] for k in listed]
    first = next((c for c in tok.children if c.dep_ in ("dobj", "dative")
                  and entity_of(ctx, c) == targets[0]), None)
    if first is None:  # "filed suit against the city, the county and the state"
        clause = tok.head if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else tok  # light verb
        first = next((t for t in clause.subtree if t.dep_ == "pobj" and t.head.lower_ in
                      TARGET_PREPS and t.conjuncts and ctx.key_at(t) == targets[0]), None)
    if first is None:
        return [targets]
    joined = [k for d in coordinated(first) if (k := entity_of(ctx, d)) in targets]
    if not joined:
        return [targets]
    lead = [targets[0], *joined]
    rest = [t for t in targets if t not in lead]
    return [[k, *rest] for k in lead]


def requested_by(ctx: Context, tok) -> str | None:
    """"(refused to) detain immigrants at ICE's request", "at the request of the mayor": the
    one who asked is who the (non-)compliance is towards."""
    nouns = set(lexicon()["request_nouns"])
    for t in tok.subtree:
        if t.lower_ in nouns and t.dep_ == "pobj" and t.head.lower_ in ("at", "upon", "on"):
            for c in t.children:
                if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of"):
                    for g in ([c] if c.dep_ == "poss" else list(c.children)):
                        key = entity_of(ctx, g)
                        if key and key.startswith(("person:", "org:", "place:")):
                            return key
    return None
