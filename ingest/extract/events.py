"""Events: who did what to whom, about which law or grant, and how sure the text is.

A verb (or an event noun such as "threat", "ruling") from the trigger table (event_triggers:
hand-kept data/event_verbs.tsv over data/event_lexicon.tsv, generated from WordNet classes)
gives the type and CAMEO code. Official documents (orders, memoranda) are read first by
event_documents: their signing and "shall" directives. The agent is the subject, the "by"
phrase of a passive, or is inherited up the tree: "threatened to strip" (xcomp), "retaliate by
withholding" (pcomp), "an order threatening to ..." (the order's author: its possessor, or
whoever signed it). The target is the object or a "from/against/to/with" phrase, one event per
coordinated target. The law and grant come from the clause, else the sentence, else the
neighbouring sentences. Compositional rules after PETRARCH: "threatened to withhold" is one
threat (1311), "X said funds could be withheld" is a threat by X. Modality and negation become
factuality. Verbs inside quotations are the speaker's words, not reported events.
"""
from __future__ import annotations

from ingest.extract.context import Context, word_list
from ingest.extract.event_agents import law_author, owner_named
from ingest.extract.event_agents_clauses import passing_chamber
from ingest.extract.event_agents_rulings import ruled_on
from ingest.extract.event_agents_speakers import announced_for_place, spokesman_for
from ingest.extract.event_arguments import (
    agents_of,
    entity_of,
    event_owner,
    law_subject,
    target_groups,
    targets_of,
)
from ingest.extract.event_documents import extract_document_events, left_to_prose
from ingest.extract.event_links import (
    COMPLIANCE_EVENTS,
    about,
    about_compliance,
    compliance_law,
    law_anaphor,
)
from ingest.extract.event_modality import feared_by, has_object, modality, reported
from ingest.extract.event_triggers import (
    NEEDS_PARTICLE,
    entry_of,
    event_words,
    licensed,
    makes_rule,
    nominal_reading,
    readings_of,
    suspends_law,
    verbs,
)
from ingest.extract.when import date_of
from kb.facts import Event

__all__ = ["extract_events", "verbs"]

#: acts that are rulings when a judge or court does them to a law or order
BENCH_ACTS = ("release", "enact", "other", "withhold", "announce")


def extract_events(ctx: Context) -> None:
    doc = ctx.doc
    light = event_words()["light_verbs"]
    speech = word_list("speech_verbs.txt")
    seen: set[tuple] = set()
    official = extract_document_events(ctx)
    for tok in doc:
        entry = trigger(ctx, tok, official)
        if entry is None:
            continue
        lemma = tok.lemma_.lower()
        typ, cameo, note = entry
        is_noun = tok.pos_ == "NOUN"
        # "filed a lawsuit", "voiced concern": the light verb carries the clause's grammar
        verb = tok.head if is_noun and tok.dep_ in ("dobj", "nsubjpass") and \
            tok.head.pos_ == "VERB" and tok.head.lemma_.lower() in light else tok
        # the action a threat or warning is about is part of that event, not another one
        head = entry_of(verb.head) if verb.dep_ in ("xcomp", "ccomp", "acl") else None
        if head and (head[0] in ("threaten", "warn") or "negated" in head[2]):
            continue  # "threat to cut", "refused to detain": one event, not two
        if head and verb.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in verb.head.children):
            continue  # "urged the court to grant an injunction": asked for, not reported
        if joined_in(tok):
            continue  # "joined a coalition in opposing the rule": the opposing is the act
        if "wn" in note and law_subject(ctx, verb):
            continue
        if not reported(verb, typ):
            continue
        factuality = modality(verb)
        if "wn" in note and factuality == "hypothetical":
            continue  # "the rules would prohibit ...": a possibility, not a reported act
        if "negated" in note:
            factuality = "negated"
        # "X said funds could be withheld": a threat by X (PETRARCH's say + will-do transformation)
        speaker_verb = None
        if typ == "withhold" and factuality in ("hypothetical", "future") and \
                tok.dep_ == "ccomp" and tok.head.lemma_.lower() in speech:
            typ, cameo, speaker_verb = "threaten", "1311", tok.head
        if typ == "threaten" and any(
                c.dep_ == "xcomp" and (entry_of(c) or ("",))[0] == "withhold"
                for c in tok.children):
            cameo = "1311"
        agents = agents_of(ctx, speaker_verb or tok)
        if factuality in ("future", "hypothetical"):  # "the mayor said the city will sue"
            agents = list(dict.fromkeys(spokesman_for(ctx, verb, a) for a in agents))
            speaker = None if agents else announced_for_place(ctx, verb)
            agents = [speaker] if speaker else agents
        if not agents and typ == "enact" and factuality == "asserted":
            chamber = passing_chamber(ctx, tok)  # "would not pass the Senate": no chamber's act
            agents = [chamber] if chamber else []
        if not agents:
            continue
        for agent in agents:
            record(ctx, tok, lemma, typ, cameo, note, agent, factuality, speaker_verb or verb,
                   seen)


def trigger(ctx: Context, tok, official: bool) -> tuple[str, str | None, str] | None:
    """The first reading of ``tok`` (the hand-kept one, then the generated one: "support"
    is funding with money in its object, else endorsement) that the trigger rules accept."""
    if not ctx.in_body(tok) or ctx.quote_of(tok):
        return None
    lemma = tok.lemma_.lower()
    for typ, cameo, note in readings_of(tok):
        if lemma == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children):
            typ, cameo = "deny", "016"  # "ruled out such a move"
        if tok.pos_ == "NOUN" and (ctx.key_at(tok) or "").startswith(("law:", "grant:")) and \
                not (typ == "rule" and "light" in note):
            return None  # "the order" named as a law is the law, not an act of ordering
            # (an injunction a judge grants is both a ruling and the judge's act)
        if not nominal_reading(tok, note) or (official and not left_to_prose(ctx, tok)):
            continue
        if "wn" in note and tok.dep_ in ("xcomp", "advcl") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and \
                tok.head.lemma_.lower() not in event_words()["aspectual_verbs"]:
            continue  # "met to vote", "voted to prohibit": the governing verb reports it
        if "light" in note and not (tok.dep_ in ("dobj", "nsubjpass") and
                                    tok.head.lemma_.lower() in event_words()["light_verbs"]) \
                and not (typ == "sue" and possessed(ctx, tok)):
            continue  # "voiced concern" is a warning; "a matter of concern" is not
        if lemma in NEEDS_PARTICLE and not any(c.dep_ in ("prt", "advmod") and c.lower_ ==
                                               NEEDS_PARTICLE[lemma] for c in tok.children):
            continue
        if tok.pos_ == "VERB" and typ in ("release", "enact", "other") and makes_rule(ctx, tok):
            return "enact", None, note  # "issued new rules" makes them
        if licensed(ctx, tok, lemma, typ, note):
            if typ == "withhold" and suspends_law(ctx, tok):
                return "comply", None, note  # halting an order's implementation
            return typ, cameo, note
    return None


def law_owners(ctx: Context, tok) -> list[str]:
    """Whose law or plan an act of stance is directed at: "opposing the administration's new
    rule", "blasted the president's plan" also target the administration, the president (a
    possessor inside the law's own name too: "the Trump Administration's new rule")."""
    out = []
    for c in tok.children:
        if c.dep_ not in ("dobj", "nsubjpass"):
            continue
        for p in c.subtree:
            if p.dep_ != "poss" or not ((ctx.key_at(p.head) or "").startswith("law:") or
                                        p.head.lemma_.lower() in event_words()["owned_plans"]):
                continue
            key = owner_named(ctx, p)
            if key and key not in out:
                out.append(key)
    return out


def rules_on_law(ctx: Context, agent: str, verb) -> bool:
    """A court, or a person holding a judicial post, acting on a law or order named as its
    object: what a judge issues, grants, blocks or halts is a ruling."""
    if agent.startswith("org:"):
        org = ctx.facts.organizations.get(agent)
        if org is None or org.type != "court":
            return False
    else:
        judicial = set(event_words()["judicial_roles"])
        if not any(m.person == agent and m.role in judicial for m in ctx.facts.memberships):
            return False
    return any(c.dep_ == "dobj" and (ctx.key_at(c) or "").startswith("law:")
               for c in verb.children)


def judicial(ctx: Context, agent: str) -> bool:
    """Whether the agent can rule: a court, or a person with no post known but a judicial one
    (a mayor "upholding" a policy does not rule; an unnamed judge's name has no post)."""
    if agent.startswith("org:"):
        return ctx.facts.organizations[agent].type == "court"
    if agent.startswith("person:"):
        roles = {m.role for m in ctx.facts.memberships if m.person == agent}
        return not roles or bool(roles & set(event_words()["judicial_roles"]))
    return False


def possessed(ctx: Context, noun) -> bool:
    """"The department's suit", "a Justice Department suit": the noun names whose it is."""
    return any(c.dep_ in ("poss", "compound") and c.i < noun.i and
               (ctx.key_at(c) or "").startswith(("person:", "org:", "place:"))
               for c in noun.children)


def record(ctx: Context, tok, lemma: str, typ: str, cameo: str | None, note: str, agent: str,
           factuality: str, verb, seen: set[tuple]) -> None:
    """One event of ``agent``: its targets, law, grant and date; dropped where the rules for
    its type say it is not a reported act. ``verb`` is the clause verb that reports it (the
    event verb itself, the light verb of an event noun, or the speech verb of a "said funds
    could be withheld" threat)."""
    if typ in BENCH_ACTS and rules_on_law(ctx, agent, verb):
        typ, cameo = "rule", None  # "a judge issued an order", "the court blocked the ban"
    targets = [t for t in targets_of(ctx, tok) if t != agent]
    if not targets and tok.dep_ in ("dobj", "nsubjpass") and verb.i == tok.head.i:
        # "filed a lawsuit against X": the light verb holds the target phrase
        targets = [t for t in targets_of(ctx, verb) if t != agent]
    if typ == "rule" and not targets:  # whom it binds, else whose law it acts on
        targets = [t for t in ruled_on(ctx, tok) or law_owners(ctx, verb)
                   if t != agent]
    feared = feared_by(ctx, tok) if typ in ("withhold", "threaten") else None
    clause = verb
    if feared and feared[0] != agent:
        # "X feared that Y would cut funds": X warns about Y's threat (the warning is the
        # reported event; Y's cut is only foreseen)
        typ, cameo, targets, factuality = "warn", "130", [agent], "asserted"
        agent, clause = feared
    if "dyadic" in note:  # the owner of the law or plan first, then the rest
        owners = [t for t in law_owners(ctx, tok) if t != agent]
        targets = owners + [t for t in targets if t not in owners]
        targets = targets or [t for t in event_owner(ctx, tok) if t != agent]
    if not targets and ("dyadic" in note or typ in ("threaten", "sue", "rule")):
        targets = [t for t in object_law_authors(ctx, tok) if t != agent]
    if typ == "other" and not targets and not has_object(tok):
        return  # "efforts to deport": an act with nothing acted on is not reported
    if "dyadic" in note and not targets and not any(
            (ctx.key_at(t) or "").startswith("law:") for t in tok.subtree) and \
            not law_anaphor(ctx, tok) and not modifies_law(ctx, tok) and \
            not plan_object(tok):
        return  # praise or blame needs someone or some law ("the measure") praised or blamed
    if typ == "enact" and one_chamber(ctx, agent):
        typ = "other"  # one chamber passing a bill is not enactment
    if typ == "announce" and judgement(verb):
        typ, cameo = "other", None  # "declared it dead on arrival" judges, announces nothing
    if typ == "rule" and not judicial(ctx, agent):
        typ = "other"  # an administration blocking travellers is not a court ruling
    if typ == "enact" and agent.startswith("person:"):
        return
    # publishing a report or announcing a plan is about a law only where its sentence says so
    near = typ not in ("release", "announce")
    law = about(ctx, tok, "law:", near, clause) or (
        compliance_law(ctx) if typ in COMPLIANCE_EVENTS and
        about_compliance(verb) else None)
    grant = about(ctx, tok, "grant:")
    for group in target_groups(ctx, tok, targets):
        sig = (typ, agent, group[0] if group else None, ctx.sent_of[tok.i])
        if sig in seen:
            continue
        seen.add(sig)
        ctx.facts.events.append(Event(
            key=f"event:{len(ctx.facts.events) + 1}", type=typ, agent=agent, targets=group,
            cameo=cameo, about_law=law, about_grant=grant, action=action_text(tok),
            date=date_of(ctx, verb), factuality=factuality,
            evidence=[ctx.evidence(tok, f"event.{lemma}")]))


def object_law_authors(ctx: Context, tok) -> list[str]:
    """"Challenge it in court" (it: the order), "criticized the order": an act against a law
    is directed at whoever made it (see ``law_author``)."""
    for c in tok.children:
        if c.dep_ == "dobj":
            key = entity_of(ctx, c) or ""
            author = law_author(ctx, key) if key.startswith("law:") else None
            if author:
                return [author]
    return []


def joined_in(verb) -> bool:
    """A verb whose "in <doing>" names an event of its own ("joined 17 states in suing",
    "joined a coalition of attorneys general in opposing the rule"): that event, with this
    verb's subject as its agent, is what is reported."""
    if verb.pos_ != "VERB":
        return False
    return any(t.dep_ == "pcomp" and t.tag_ == "VBG" and t.head.lower_ == "in" and entry_of(t)
               and next((a.i for a in t.ancestors if a.pos_ == "VERB"), None) == verb.i
               for t in verb.subtree)


def judgement(verb) -> bool:
    """"Declared the plan dead", "pronounced it unworkable": a verdict given as an adjective
    on the object is praise or criticism, not an announcement."""
    return any(c.dep_ in ("ccomp", "oprd", "xcomp") and c.pos_ == "ADJ" and
               any(g.dep_ == "nsubj" for g in c.children) or c.dep_ == "oprd"
               for c in verb.children)


def plan_object(tok) -> bool:
    """"Endorsed the bill", "blasted the plan", "the measure was opposed by": the object is a
    definite law or plan noun, a thing praised or blamed even where the law extractor did not
    name it."""
    words = event_words()
    nouns = set(words["owned_plans"]) | set(words["law_anaphors"])
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in nouns and any(
        d.dep_ in ("det", "poss") and d.lower_ != "a" for d in c.children) for c in tok.children)


def modifies_law(ctx: Context, tok) -> bool:
    """"The bill, supported by ...", "Two bills championed by ...": a participle on a law (or
    on a definite "the legislation" that stands for one)."""
    if tok.dep_ != "acl":
        return False
    head = tok.head
    return (ctx.key_at(head) or "").startswith("law:") or \
        head.lemma_.lower() in event_words()["law_anaphors"]


def one_chamber(ctx: Context, agent: str) -> bool:
    """A legislature's chamber ("the Senate", "the Assembly", "the House of Representatives")
    passes a bill on its way; Congress, a legislature or a council passing it enacts it."""
    org = ctx.facts.organizations.get(agent)
    if org is None or org.type != "legislature":
        return False
    return org.name.lower().split()[-1] in event_words()["chamber_heads"]


def action_text(tok) -> str:
    """The verb phrase as written, for the threatened action or condition."""
    span = tok.doc[tok.i: tok.right_edge.i + 1]
    return span.text[:200]
