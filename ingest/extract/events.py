"""Events: who did what to whom, about which law or grant, and how sure the text is.

A verb (or an event noun such as "threat", "ruling") from data/event_verbs.tsv gives the type
and CAMEO code. The agent is the subject, the "by" phrase of a passive, or is inherited up the
tree: "threatened to strip" (xcomp), "retaliate by withholding" (pcomp), "an order threatening
to ..." (the order's author: its possessor, or whoever signed it). The target is the object or a
"from/against/to/with" phrase. The law and grant come from the clause, else the sentence, else
the neighbouring sentences. Compositional rules after PETRARCH: "threatened to withhold" is one
threat (1311), "X said funds could be withheld" is a threat by X. Modality and negation become
factuality. Verbs inside quotations are the speaker's words, not reported events.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from ingest.extract.context import Context, lexicon, word_list
from ingest.extract.known import pronoun_antecedent
from ingest.extract.when import date_of
from ingest.gazetteer import data_lines
from ingest.resolve_local import antecedent
from kb.facts import Event

TARGET_PREPS = ("from", "against", "to", "with", "on")
MONEY_OK = {"award", "support", "give", "provide", "fund", "commit", "allocate", "grant"}
NEEDS_PARTICLE = {"roll": "back", "strike": "down", "claw": "back"}
WITHHOLD_OBJECTS = None
# sanctions whose condition can be (non-)compliance: "threatened to cut grants to cities that
# do not cooperate" is about the law the document says they must comply with
COMPLIANCE_EVENTS = ("threaten", "withhold", "warn")


@lru_cache(maxsize=1)
def event_words() -> dict:
    """ingest/data/event_words.json: the word lists only the event extractor reads."""
    text = resources.files("ingest").joinpath("data", "event_words.json").read_text(
        encoding="utf-8")
    words = json.loads(text)
    return {k: (set(v) if isinstance(v, list) else v) for k, v in words.items()}


@lru_cache(maxsize=1)
def verbs() -> dict[str, tuple[str, str | None, str]]:
    event_words()  # loaded with the verb table, so a worker's preload() covers both
    out = {}
    for row in data_lines("event_verbs.tsv"):
        out[row[0]] = (row[1], row[2] or None if len(row) > 2 else None,
                       row[3] if len(row) > 3 else "")
    return out


def extract_events(ctx: Context) -> None:
    doc = ctx.doc
    table = verbs()
    light = event_words()["light_verbs"]
    speech = word_list("speech_verbs.txt")
    seen: set[tuple] = set()
    for tok in doc:
        if not ctx.in_body(tok) or ctx.quote_of(tok):
            continue
        lemma = tok.lemma_.lower()
        entry = table.get(lemma)
        if entry is None:
            continue
        typ, cameo, note = entry
        is_noun = "noun" in note
        if is_noun != (tok.pos_ == "NOUN"):
            continue
        if not is_noun and tok.pos_ not in ("VERB",):
            continue
        if "light" in note and not (tok.dep_ == "dobj" and tok.head.lemma_.lower() in light):
            continue  # "voiced concern" is a warning; "a matter of concern" is not
        if lemma in NEEDS_PARTICLE and not any(c.dep_ == "prt" and c.lower_ ==
                                               NEEDS_PARTICLE[lemma] for c in tok.children):
            continue
        if not licensed(ctx, tok, lemma, typ):
            continue
        # "filed a lawsuit", "voiced concern": the light verb carries the clause's grammar
        verb = tok.head if is_noun and tok.dep_ == "dobj" and tok.head.pos_ == "VERB" and \
            tok.head.lemma_.lower() in light else tok
        # the action a threat or warning is about is part of that event, not another one
        if verb.dep_ in ("xcomp", "ccomp", "acl") and verb.head.lemma_.lower() in table and \
                (table[verb.head.lemma_.lower()][0] in ("threaten", "warn")
                 or "negated" in table[verb.head.lemma_.lower()][2]):
            continue  # "threat to cut", "refused to detain": one event, not two
        if not reported(verb, typ):
            continue
        factuality = modality(verb)
        if "negated" in note:
            factuality = "negated"
        # "X said funds could be withheld": a threat by X (PETRARCH's say + will-do transformation)
        speaker_verb = None
        if typ == "withhold" and factuality in ("hypothetical", "future") and \
                tok.dep_ == "ccomp" and tok.head.lemma_.lower() in speech:
            typ, cameo, speaker_verb = "threaten", "1311", tok.head
        if typ == "threaten" and any(
                c.dep_ == "xcomp" and table.get(c.lemma_.lower(), ("",))[0] == "withhold"
                for c in tok.children):
            cameo = "1311"
        agents = agents_of(ctx, speaker_verb or tok)
        if not agents and typ == "enact":
            chamber = passing_chamber(ctx, tok)
            agents = [chamber] if chamber else []
        if not agents:
            continue
        for agent in agents:
            record(ctx, tok, lemma, typ, cameo, note, agent, factuality, speaker_verb or verb,
                   seen)


def record(ctx: Context, tok, lemma: str, typ: str, cameo: str | None, note: str, agent: str,
           factuality: str, verb, seen: set[tuple]) -> None:
    """One event of ``agent``: its targets, law, grant and date; dropped where the rules for
    its type say it is not a reported act. ``verb`` is the clause verb that reports it (the
    event verb itself, the light verb of an event noun, or the speech verb of a "said funds
    could be withheld" threat)."""
    targets = [t for t in targets_of(ctx, tok) if t != agent]
    if not targets and tok.dep_ == "dobj" and verb.i == tok.head.i:
        # "filed a lawsuit against X": the light verb holds the target phrase
        targets = [t for t in targets_of(ctx, verb) if t != agent]
    if typ == "rule" and not targets:
        targets = [t for t in ruled_on(ctx, tok) if t != agent]
    feared = feared_by(ctx, tok) if typ in ("withhold", "threaten") else None
    clause = verb
    if feared and feared[0] != agent:
        # "X feared that Y would cut funds": X warns about Y's threat (the warning is the
        # reported event; Y's cut is only foreseen)
        typ, cameo, targets, factuality = "warn", "130", [agent], "asserted"
        agent, clause = feared
    if typ == "other" and not targets and not has_object(tok):
        return  # "efforts to deport": an act with nothing acted on is not reported
    if "dyadic" in note and not targets and not any(
            (ctx.key_at(t) or "").startswith("law:") for t in tok.subtree) and \
            not law_anaphor(ctx, tok):
        return  # praise or blame needs someone or some law ("the measure") praised or blamed
    if typ == "enact" and (agent.startswith("org:") and ctx.facts.organizations[agent].type
                           == "legislature"):
        typ = "other"  # one chamber passing a bill is not enactment
    if typ == "enact" and agent.startswith("person:"):
        return
    # publishing a report or announcing a plan is about a law only where its sentence says so
    near = typ not in ("release", "announce")
    law = about(ctx, tok, "law:", near, clause) or (
        compliance_law(ctx) if typ in COMPLIANCE_EVENTS and
        about_compliance(verb) else None)
    grant = about(ctx, tok, "grant:")
    sig = (typ, agent, targets[0] if targets else None, ctx.sent_of[tok.i])
    if sig in seen:
        return
    seen.add(sig)
    ctx.facts.events.append(Event(
        key=f"event:{len(ctx.facts.events) + 1}", type=typ, agent=agent, targets=targets,
        cameo=cameo, about_law=law, about_grant=grant, action=action_text(tok),
        date=date_of(ctx, verb), factuality=factuality,
        evidence=[ctx.evidence(tok, f"event.{lemma}")]))


def reported(tok, typ: str) -> bool:
    """Whether a verb reports an action rather than describing a rule or a state: not what a
    ruling found ("the Court found that the government could not withhold ..."), not what a
    law forbids ("prohibit police from detaining ..."), not a participle describing people
    ("immigrants threatened by the order" are endangered, nobody is reported threatening), not
    the condition of a sanction ("if the state refuses to cooperate, ...")."""
    lex = lexicon()
    if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in set(lex["finding_verbs"]):
        return False
    if tok.dep_ == "pcomp" and tok.head.lower_ == "from" and \
            tok.head.head.lemma_.lower() in set(lex["prohibiting_verbs"]):
        return False
    if typ == "comply" and tok.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children):
        return False  # "if the state refuses to cooperate, ...": a condition, not an event
    if typ in ("threaten", "warn") and tok.dep_ == "acl" and tok.tag_ == "VBN":
        return False
    return not habitual(tok, typ)


def habitual(tok, typ: str) -> bool:
    """A standing practice or state rather than a reported act: the verb carries a frequency
    adverbial ("gives out $4 billion in grants every year", "routinely cooperates"), or it is
    compliance in the simple present ("saying the state complies with the law", "offences the
    police cooperate with federal agents on"), which describes how things stand. Perfect and
    past tenses ("has cooperated", "refused to", "deported thousands annually") report acts
    and are kept."""
    if tok.pos_ != "VERB" or not simple_present(tok):
        return False  # "deported 400,000 people annually" reports what was done
    words = event_words()
    if typ in words["stative_present_types"]:
        return True
    for c in tok.children:
        if c.dep_ == "advmod" and c.lower_ in words["frequency_words"]:
            return True
        if c.dep_ == "npadvmod" and c.lemma_.lower() in words["period_nouns"] and any(
                d.lower_ in words["frequency_determiners"] for d in c.children):
            return True
    return False


def simple_present(tok) -> bool:
    """A finite verb in the simple present: no auxiliary ("has", "will", "to", "do not"),
    present-tense tag, or a bare form the tagger gives a finite clause ("that they cooperate")."""
    if tok.tag_ not in ("VBZ", "VBP", "VB"):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        return False
    return tok.tag_ != "VB" or tok.dep_ in ("ROOT", "relcl", "ccomp", "conj")


def has_object(tok) -> bool:
    """The verb acts on something: an object, a passive subject, or (a participle) the noun
    it modifies."""
    if tok.pos_ == "NOUN" or (tok.tag_ == "VBN" and tok.dep_ in ("acl", "advcl")):
        return True
    return any(c.dep_ in ("dobj", "nsubjpass", "dative", "attr") for c in tok.children)


def feared_by(ctx: Context, tok) -> tuple[str, object] | None:
    """Who fears or warns that a cut or threat will happen ("he feared the President would
    make good on his threat to withhold funding"): the subject of a fear verb that governs
    the event through its clause, when the event is foreseen rather than reported."""
    fear = set(lexicon()["fear_verbs"])
    node = tok
    for _ in range(4):
        if node.dep_ not in ("advcl", "xcomp", "ccomp", "acl", "pobj", "prep", "relcl") or \
                node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ == "VERB" and node.lemma_.lower() in fear:
            subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
            key = entity_of(ctx, subj) if subj is not None else None
            return (key, node) if key and key.startswith(("person:", "org:")) else None
    return None


def licensed(ctx: Context, tok, lemma: str, typ: str) -> bool:
    """Verbs that only mean the event with the right object ("gave $5 million", "cut funds")."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "dative", "prep", "nsubjpass", "attr")]
    subtree_text = " ".join(t.text for c in objs for t in c.subtree)
    if lemma in MONEY_OK:
        return "$" in subtree_text or "million" in subtree_text or "billion" in subtree_text \
            or any(ctx.key_at(t) and ctx.key_at(t).startswith("grant:") for c in objs
                   for t in c.subtree)
    if typ == "withhold":
        heads = set(lexicon()["grant_heads"])
        return any(t.lower_ in heads or (ctx.key_at(t) or "").startswith(("grant:", "law:"))
                   or t.text[:1].isupper() for c in objs for t in c.subtree)
    if lemma == "issue":  # "issued guidance", not "issued 500 summonses"
        docs, table = set(lexicon()["document_nouns"]), verbs()
        if any(c.dep_ == "dobj" and "noun" in table.get(c.lemma_.lower(), ("", "", ""))[2]
               for c in tok.children):
            return False  # "issued a warning", "issued a ruling": the noun's event
        return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in docs
                   for c in tok.children) or (tok.dep_ == "acl" and tok.head.lemma_.lower()
                                              in docs)
    if typ in ("release",):
        return any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children) or tok.dep_ == "acl"
    if typ == "comply" and lemma == "refuse":
        return any(c.dep_ == "xcomp" for c in tok.children)
    return True


def modality(tok) -> str:
    """asserted | negated | hypothetical | future, from the verb's own clause and its governors."""
    lex = lexicon()
    hyp, fut, neg = set(lex["modal_hypothetical"]), set(lex["modal_future"]), set(lex["negators"])
    node, hops = tok, 0
    result = "asserted"
    while hops < 3:
        for c in node.children:
            low = c.lower_
            if c.dep_ == "neg" or (low in neg and c.dep_ in ("neg", "advmod")):
                return "negated"
            if c.dep_ in ("aux", "mark") and low in hyp:
                result = "hypothetical"
            elif c.dep_ == "aux" and low in fut and result == "asserted":
                result = "future"
        if node.dep_ in ("xcomp",) and node.head.i != node.i:
            if node.head.lemma_.lower() in fut and result == "asserted":
                result = "future"
            node = node.head
            hops += 1
            continue
        if node.dep_ == "advcl" and any(c.lower_ == "if" for c in node.children):
            return "hypothetical"
        break
    return result


def entity_of(ctx: Context, tok) -> str | None:
    """The entity a (subject or object) token stands for, looking into its modifiers."""
    key = ctx.key_at(tok)
    if key:
        return key
    low = tok.lower_
    if low in ("he", "she", "him", "her", "his"):
        return pronoun_antecedent(ctx, tok.i, "he" if low == "his" else low)
    if low in ("it", "they", "them"):
        return antecedent(ctx, tok.i, ("org:", "place:"))
    if low in ("which", "that", "who") and tok.head.dep_ == "relcl":
        return entity_of(ctx, tok.head.head)
    if tok.lemma_.lower() in set(lexicon()["people_nouns"]):
        return None  # "the Ohio resident" is a person from the place, not the place
    for c in tok.children:
        if c.dep_ in ("poss", "compound", "nmod") and c.i < tok.i:
            if c.lower_ == "whose" and tok.head.dep_ == "relcl":
                return entity_of(ctx, tok.head.head)
            key = entity_of(ctx, c)
            if key and not key.startswith(("law:", "grant:")):
                return key
    return None


def agents_of(ctx: Context, tok) -> list[str]:
    """The agent of an event and those coordinated with it ("Ann Roe and Bo Li sued the
    city"): one event each, as the facts record one agent per event."""
    found: list = []
    agent = agent_of(ctx, tok, found)
    if agent is None:
        return []
    out = [agent]
    if found:
        for c in found[0].children:
            if c.dep_ != "conj":
                continue
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
    for _ in range(5):
        for c in node.children:
            if c.dep_ == "agent":
                for g in c.children:
                    key = entity_of(ctx, g)
                    if key:
                        if found is not None:
                            found.append(g)
                        return clean_agent(ctx, key)
        for c in node.children:
            if c.dep_ == "nsubj":
                key = entity_of(ctx, c)
                if key and key.startswith("law:"):
                    return author_of_law(ctx, c)
                if key and found is not None:
                    found.append(c)
                return clean_agent(ctx, chamber_of(ctx, c, key)) if key else None
        if node.pos_ == "NOUN" and (node is tok or node.dep_ == "acl"):
            for c in node.children:
                if c.dep_ in ("poss", "compound") and c.i < node.i:
                    key = entity_of(ctx, c)
                    if key and not key.startswith(("grant:",)):
                        return clean_agent(ctx, key)
            for c in node.children:  # "a ruling by the court", "the threat by the department"
                if c.dep_ in ("prep", "agent") and c.lower_ == "by":
                    key = next((k for g in c.children if g.dep_ == "pobj" and
                                (k := entity_of(ctx, g))), None)
                    if key and key.startswith(("person:", "org:", "place:")):
                        if found is not None:
                            found.extend(g for g in c.children if g.dep_ == "pobj")
                        return key
            if node is tok and node.dep_ == "dobj" and node.head.pos_ == "VERB" and \
                    node.head.lemma_.lower() in light:
                node, via_light = node.head, True  # "filed a lawsuit": whoever filed it
                continue
            if node.dep_ not in ("acl",):
                return None
        if node.dep_ == "acl":
            return author_of_law(ctx, node.head)  # "an order threatening to ..." -> the order
        if via_light and node.dep_ in ("pcomp", "pobj", "prep"):
            return None  # "accused the mayor of making threats": the accuser made none
        if node.dep_ in ("xcomp", "advcl", "conj", "pcomp", "pobj", "prep", "acomp", "ccomp") \
                and node.head.i != node.i:
            node = node.head
            continue
        break
    return None


def passing_chamber(ctx: Context, tok) -> str | None:
    """"Another bill passed as part of the package", "the measure was approved 80-60": a bill
    passed with no one named passes in the chamber the text is reporting on, the legislature
    mentioned last (within a few paragraphs)."""
    law_subject = (tok.dep_ == "acl" and (ctx.key_at(tok.head) or "").startswith("law:")) or any(
        c.dep_ in ("nsubj", "nsubjpass") and (ctx.key_at(c) or "").startswith("law:")
        for c in tok.children)
    if not law_subject or any(c.dep_ in ("dobj", "agent") for c in tok.children):
        return None
    for key in ctx.mentions_before(tok.i, "org:", window=400):
        org = ctx.facts.organizations.get(key)
        if org is not None and org.type == "legislature":
            return key
    return None


def chamber_of(ctx: Context, tok, key: str) -> str:
    """"Senate Republicans passed ...": a party's members in a chamber act as that chamber."""
    org = ctx.facts.organizations.get(key)
    if org is None or org.type != "party":
        return key
    for c in tok.children:
        other = ctx.key_at(c)
        if c.dep_ in ("compound", "nmod") and other and other in ctx.facts.organizations and \
                ctx.facts.organizations[other].type == "legislature":
            return other
    return key


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
                key = entity_of(ctx, c)
                if key and key.startswith(("person:", "org:", "place:")):
                    return key
    return None


def clean_agent(ctx: Context, key: str | None) -> str | None:
    if key is None or key.startswith(("law:", "grant:")):
        return None
    return key


def targets_of(ctx: Context, tok) -> list[str]:
    out: list[str] = []
    for c in tok.children:
        if c.dep_ in ("dobj", "dative"):
            key = entity_of(ctx, c)
            if key and not key.startswith(("law:", "grant:")):
                out.append(key)
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS]
    for c in tok.children:
        if c.dep_ in ("dobj", "xcomp") or (c.dep_ == "acl" and tok.pos_ == "NOUN"):
            preps += [g for g in c.children if g.dep_ == "prep" and g.lower_ in TARGET_PREPS]
            for g in c.children:
                if g.dep_ == "dobj":
                    preps += [h for h in g.children if h.dep_ == "prep" and h.lower_ in
                              TARGET_PREPS]
    requester = requested_by(ctx, tok)
    if requester and requester not in out:
        out.append(requester)
    for p in preps:
        for t in p.subtree:
            key = ctx.key_at(t)
            if key and t.dep_ in ("compound", "poss", "amod", "nmod") and \
                    ctx.key_at(t.head) != key:
                continue  # "the U.S. Code" is about a code, not the country
            if key and key.startswith(("place:", "org:", "person:")) and key not in out:
                out.append(key)
                break
    return out


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


def about(ctx: Context, tok, prefix: str, near: bool = True, clause=None) -> str | None:
    """The law or grant an event is about: in its clause, its sentence, a definite "the bill"
    in the clauses of the verb that reports it (``clause``) pointing back to a named law, or
    (``near``) the neighbouring sentences."""
    for t in sorted(tok.subtree, key=lambda t: abs(t.i - tok.i)):
        key = ctx.key_at(t)
        if key and key.startswith(prefix):
            return key
    si = ctx.sent_of[tok.i]
    sent = ctx.sents[si]
    keys = [k for i in range(sent.start, sent.end)
            if (k := ctx.tok_key.get(i)) and k.startswith(prefix)]
    if keys:
        return keys[0]
    if prefix == "law:" and clause is not None:
        key = law_anaphor(ctx, clause_top(clause))
        if key:
            return key
    if not near:
        return None
    for offset in (-1, 1):
        if 0 <= si + offset < len(ctx.sents):
            sent = ctx.sents[si + offset]
            keys = [k for i in range(sent.start, sent.end)
                    if (k := ctx.tok_key.get(i)) and k.startswith(prefix)]
            if keys:
                return keys[0] if offset != -1 else keys[-1]
    return None


CLAUSAL = ("ccomp", "xcomp", "advcl", "conj")


def clause_top(verb):
    """The highest verb a verb reaches through clause links ("predicted that the bill would
    fail, adding that he feared ..." -> "predicted"); an event inside a noun phrase ("in the
    face of the threat to ...") stays on its own."""
    node = verb
    while node.dep_ in CLAUSAL and node.head.i != node.i:
        node = node.head
    return node


def law_anaphor(ctx: Context, top) -> str | None:
    """The named law a definite common noun under ``top`` stands for: "the bill",
    "this measure", "the order", or a lede's bare "legislation". News names a law once and
    then says "the bill"; the nearest law named before it of a type the noun can name is
    meant. A lede describes a bill before naming it ("the Assembly passed legislation that
    would ..." ... "the Liberty Act would ..."), so with nothing before, the first law named
    in the next three sentences is."""
    words = event_words()
    nouns, dets = words["law_anaphors"], words["anaphor_determiners"]
    doc = ctx.doc
    for i in range(top.left_edge.i, top.right_edge.i + 1):
        t = doc[i]
        types = nouns.get(t.lower_)
        if types is None or i in ctx.tok_key or t.pos_ != "NOUN" or \
                t.dep_ in ("compound", "amod", "nmod") or ctx.quote_of(t):
            continue
        det = next((c.lower_ for c in t.children if c.dep_ == "det"), None)
        if det not in dets and not (det is None and t.lower_ == "legislation"):
            continue
        laws = ctx.facts.laws
        named = [(types.index(kind), m) for m in ctx.mentions if m.key in laws and
                 (kind := law_kind(laws[m.key])) in types]
        # the first kind the noun names best ("the bill": a bill before an enacted statute)
        before = [(rank, -m.start, m.key) for rank, m in named if i - 600 <= m.start < i]
        if before:
            return min(before)[2]
        last = ctx.sent_of[i] + 3
        after = [(rank, m.start, m.key) for rank, m in named
                 if m.start > i and ctx.sent_of[m.start] <= last]
        if after and det in ("the", None):
            return min(after)[2]
        return None
    return None


def law_kind(law) -> str:
    """A law's type for anaphora: a code section ("8 U.S.C. § 1373") is "the law" or "the
    statute", never "the bill" or "the measure"."""
    return "code section" if "§" in law.name else law.type


def ruled_on(ctx: Context, tok) -> list[str]:
    """Whom a ruling binds: the subject of what it found or held ("ruled that the city must",
    "a ruling which found that the government could not withhold ...")."""
    finding = set(lexicon()["finding_verbs"])
    # the relative clause may hang off the court in "a ruling by the court, which found ..."
    holders = [tok] + [g for c in tok.children if c.dep_ == "prep" for g in c.children
                       if g.dep_ == "pobj"]
    clauses = [tok] + [c for h in holders for c in h.children if c.dep_ in ("relcl", "acl")
                       and c.lemma_.lower() in finding]
    for verb in clauses:
        for c in verb.children:
            if c.dep_ != "ccomp":
                continue
            for s in c.children:
                if s.dep_ in ("nsubj", "nsubjpass"):
                    key = entity_of(ctx, s)
                    if key and key.startswith(("person:", "org:", "place:")):
                        return [key]
    return []


def about_compliance(tok) -> bool:
    """The event's clause makes compliance or cooperation its condition ("grants from cities
    that do not cooperate", "unless they comply", "jurisdictions that violate the law")."""
    lex = lexicon()
    words = set(lex["compliance_words"]) | set(lex["cooperation_words"])
    return any(t.lower_ in words or t.lemma_.lower() in words for t in tok.subtree)


def compliance_law(ctx: Context) -> str | None:
    """The law the document names as the requirement to comply with: the object of "comply
    with", "violated", "in compliance with", "compliant with" ("saying it complies with section
    1373", "any city that violated section 1373"). News states the rule once and then reports
    threats over "cooperation"; the threat is about that rule. The law named so most often
    wins, the first named on a tie; None when the document names none."""
    if hasattr(ctx, "_compliance_law"):
        return ctx._compliance_law
    words = set(lexicon()["compliance_words"])
    counts: dict[str, int] = {}
    for tok in ctx.doc:
        if tok.lower_ not in words and tok.lemma_.lower() not in words:
            continue
        for c in tok.children:
            if c.dep_ not in ("dobj", "prep", "nsubjpass", "attr"):
                continue
            key = next((k for t in c.subtree if (k := ctx.key_at(t)) and k.startswith("law:")),
                       None)
            if key:
                counts[key] = counts.get(key, 0) + 1
                break
    best = max(counts, key=lambda k: counts[k]) if counts else None  # first on a tie
    ctx._compliance_law = best
    return best


def action_text(tok) -> str:
    """The verb phrase as written, for the threatened action or condition."""
    span = tok.doc[tok.i: tok.right_edge.i + 1]
    return span.text[:200]
