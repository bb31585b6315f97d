"""Event triggers: which words report an event, of which type and CAMEO code.

Two tables: ingest/data/event_verbs.tsv, kept by hand (lemma, type, CAMEO code and notes:
noun, light, dyadic, negated, "only with ..." that say when the word counts), over
ingest/data/event_lexicon.tsv, generated from WordNet 3.0 by ``python -m
ingest.extract.event_wordnet`` from the classes of ingest/data/event_classes.tsv. A word's hand
reading comes first; when its rules refuse it ("support" without money), the generated one is
tried ("support" as endorsement).
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from ingest.extract.context import Context, lexicon, word_list
from ingest.extract.event_mood import event_cues, intended
from ingest.gazetteer import data_lines

MONEY_OK = {"award", "support", "give", "provide", "fund", "commit", "allocate", "grant"}


NEEDS_PARTICLE = {"roll": "back", "strike": "down", "claw": "back"}


@lru_cache(maxsize=1)
def event_words() -> dict:
    """ingest/data/event_words.json: the word lists only the event extractor reads."""
    text = resources.files("ingest").joinpath("data", "event_words.json").read_text(
        encoding="utf-8")
    words = json.loads(text)
    return {k: (set(v) if isinstance(v, list) else v) for k, v in words.items()}


@lru_cache(maxsize=1)
def verbs() -> dict[str, tuple[str, str | None, str]]:
    """Trigger table: a verb lemma, or "n:" + a noun lemma, -> (type, CAMEO code, notes). The
    hand-kept event_verbs.tsv wins over the generated event_lexicon.tsv, whose entries carry
    the note "wn" (their class and sense are in the file)."""
    event_words()  # loaded with the verb table, so a worker's preload() covers both
    out = {}
    for row in data_lines("event_verbs.tsv"):
        note = row[3] if len(row) > 3 else ""
        key = f"n:{row[0]}" if "noun" in note else row[0]
        out[key] = (row[1], row[2] or None if len(row) > 2 else None, note)
    for key, entry in generated().items():
        out.setdefault(key, entry)
    return out


@lru_cache(maxsize=1)
def generated() -> dict[str, tuple[str, str | None, str]]:
    """The generated table alone (event_lexicon.tsv), keyed like ``verbs()``."""
    patient = set(event_words()["patient_noun_classes"])
    dyadic = set(event_words()["dyadic_classes"])
    out = {}
    for word, pos, typ, cameo, name, *_ in data_lines("event_lexicon.tsv"):
        note = "wn" if pos == "v" else "noun wn patient" if name in patient else "noun wn"
        if name in dyadic:
            note += " dyadic"
        out[f"n:{word}" if pos == "n" else word] = (typ, cameo or None, note)
    return out


@lru_cache(maxsize=1)
def lexicon_class() -> dict[str, str]:
    """A generated trigger's class in event_classes.tsv ("launch" -> "establish", "call_for"
    -> "appeal"): the type rules of ``retyped`` read a word's class, not a list of its words."""
    return {f"n:{word}" if pos == "n" else word: name
            for word, pos, _typ, _cameo, name, *_ in data_lines("event_lexicon.tsv")}


@lru_cache(maxsize=1)
def phrasal() -> dict[str, list[tuple[str, tuple[str, str | None, str]]]]:
    """The generated phrasal verbs by their verb: "call" -> [("for", appeal entry), ("on",
    ...)]. They count only with their particle beside the verb ("called for an inquiry",
    "lashed out at"), so they stay out of ``verbs()``, keyed by the verb alone."""
    out: dict = {}
    for key, entry in generated().items():
        head, _, particle = key.partition("_")
        if particle:
            out.setdefault(head, []).append((particle, entry))
    return out


def phrasal_key(tok) -> str | None:
    """"call_for" for "called for", when the verb's particle is there: anywhere as a particle
    ("lashed out", "set it up"), right after the verb as a preposition ("called on the
    mayor", not "called the mayor on Monday")."""
    for particle, _entry in phrasal().get(tok.lemma_.lower(), ()):
        if any(c.lower_ == particle and (c.dep_ == "prt" or (
                c.dep_ in ("prep", "advmod") and tok.i < c.i <= tok.i + 2 and
                all(t.pos_ == "ADV" for t in tok.doc[tok.i + 1:c.i])))
               for c in tok.children):
            return f"{tok.lemma_.lower()}_{particle}"
    return None


def class_of(tok) -> str | None:
    """The event class of a trigger token's generated reading, if it has one."""
    if tok.pos_ == "VERB":
        return lexicon_class().get(phrasal_key(tok) or tok.lemma_.lower())
    return lexicon_class().get(f"n:{tok.lemma_.lower()}")



def makes_rule(ctx: Context, verb) -> bool:
    """"issued new guidance", "adopted a policy", "shall revise the Uniform Guidance", "the
    board modified the policy": issuing, adopting or revising a rule makes it (enact), it is
    not the release of a document."""
    words = event_words()
    if verb.lemma_.lower() not in words["rule_verbs"]:
        return False
    for c in verb.children:
        if c.dep_ not in ("dobj", "nsubjpass"):
            continue
        law = ctx.facts.laws.get(ctx.key_at(c) or "")
        if c.lemma_.lower() in words["rule_nouns"] or (
                law and law.type in words["rule_law_types"]):
            return True
    return False


def suspends_law(ctx: Context, tok) -> bool:
    """"suspended all actions implementing the order", "froze enforcement of the policy": a
    halt to carrying out a law (its object names a law, or the carrying out of one, and no
    money) is compliance, e.g. with a ruling, not a cut of funds."""
    heads = set(lexicon()["grant_heads"])
    objs = [t for c in tok.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree]
    keys = [ctx.key_at(t) or "" for t in objs]
    carrying_out = set(event_cues()["carrying_out"])  # "actions implementing", "enforcement"
    return (any(k.startswith("law:") for k in keys) or any(
        t.lemma_.lower() in carrying_out for t in objs)) and not any(
        k.startswith("grant:") for k in keys) and not any(
        t.lower_ in heads or t.text == "$" for t in objs)


def readings_of(tok) -> list[tuple[str, str | None, str]]:
    """A token's trigger entries: a reading its grammar sets (``retyped``) first, then the
    hand-kept one, then a different generated one."""
    first = entry_of(tok)
    if first is None:
        return []
    key = tok.lemma_.lower() if tok.pos_ == "VERB" else f"n:{tok.lemma_.lower()}"
    second = generated().get(key)
    out = [first, second] if second and second != first else [first]
    special = retyped(tok, out)
    return ([special] if special else []) + out


def retyped(tok, entries: list) -> tuple[str, str | None, str] | None:
    """The reading a trigger's own clause gives it, over its table entry (CAMEO's rule that
    the object and the mood decide the code): "issued an executive order" signs it (057);
    "imposed sanctions" is an embargo (163), not an administrative sanction; "challenged (or
    fought) the rule in court" sues (115); a suit or court challenge still to come ("said it
    would sue", "plans to challenge it in court") is a threat (130); "said he is launching a
    program" announces it (010); a body's vote to change a rule enacts it."""
    if tok.pos_ != "VERB":
        return None
    cues, lemma = event_cues(), tok.lemma_.lower()
    # a rule-made reading is no longer the generated WordNet sense: like a hand-kept entry it
    # counts under "prepared to", "plans to" ("wn" readings there are left to the governor)
    note = entries[0][2].replace("wn", "").strip()
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    issuers = cues["order_issuers"]
    if lemma in issuers["verbs"] and any(o.lemma_.lower() in issuers["documents"] or
                                         o.lemma_.lower() == "order" for o in objects):
        return order_reading(tok, objects, note)
    if lemma in cues["embargo_verbs"] and any(o.lemma_.lower() in cues["embargo_nouns"]
                                              for o in objects):
        return "other", "163", note
    in_court = any(c.dep_ == "prep" and c.lower_ in ("in", "before") and any(
        g.lower_ in cues["court_nouns"] for g in c.children)
        for h in (tok, *objects) for c in h.children)
    cls = class_of(tok)
    legal = entries[0][0] == "sue" or (cls in ("challenge", "oppose") and in_court)
    if legal:
        return ("threaten", "130", note) if intended(tok) else ("sue", "115", note)
    if lemma in cues["answer_verbs"]:
        return body_vote(tok, note)
    if cls == "establish" and announced(tok) and any(
            o.lemma_.lower() in cues["establish_objects"] for o in objects):
        return "announce", "010", note
    return None


def body_vote(verb, note: str) -> tuple[str, str | None, str] | None:
    """"The council voted to ban plastic bags", "the board voted to extend the hold": a body
    voting to change a rule enacts the change; a person's vote, or a vote to do anything else
    ("voted to confirm the nominee"), stays a vote."""
    cues = event_cues()
    act = next((c for c in verb.children if c.dep_ == "xcomp" and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if act is None or subj is None or act.lemma_.lower() not in cues["rule_change_verbs"]:
        return None
    if subj.lemma_.lower() in cues["voting_bodies"] or subj.ent_type_ in ("ORG", "GPE"):
        return "enact", None, note
    return None


def order_reading(verb, objects: list, note: str) -> tuple[str, str | None, str] | None:
    """"Issued an executive order" (or a proclamation) signs it; "issued an order" does when
    an executive issues it ("Governor Lee issued an order closing schools") and rules when a
    judge or court does ("the judge issued an order blocking the law")."""
    issuers = event_cues()["order_issuers"]
    if any(o.lemma_.lower() in issuers["documents"] or any(
            m.lower_ in issuers["order_modifiers"] for m in o.children) for o in objects):
        return "sign", "057", note
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    words = {t.lemma_.lower() for t in subj.subtree}
    if words & set(issuers["judicial_nouns"]):
        return "rule", None, note
    if subj.ent_type_ == "PERSON" or words & set(issuers["executive_titles"]):
        return "sign", "057", note
    return None


def announced(verb) -> bool:
    """The act is what its doer says it is doing or will do ("said he is launching", "says
    the city will set up"): a progressive or future clause under a speech verb."""
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in word_list("speech_verbs.txt"):
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return verb.tag_ == "VBG" or bool(aux & {"will", "'ll", "would", "shall"})


def nominal_reading(tok, note: str) -> bool:
    """Whether a generated event noun reports an act here. Not as a modifier ("the veto
    threat") or in "at ICE's request", "under the order" (a standing arrangement); a noun whose
    possessor is who undergoes it ("his arrest", "her nomination") needs its doer named by a
    light verb ("made an arrest"), a "by" phrase, or an "of" phrase naming who undergoes it
    (then the possessor is the doer: "the governor's nomination of Ann Lee")."""
    if "wn" not in note or tok.pos_ != "NOUN":
        return True
    if tok.dep_ in ("compound", "amod", "nmod") or (
            tok.dep_ == "pobj" and tok.head.lower_ in ("at", "upon", "on", "under", "per")):
        return False
    if "patient" not in note:
        return True
    if any(c.dep_ == "poss" for c in tok.children) and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return True  # "the governor's appointment of Ann Lee": the possessor did it to her
    light = event_cues()["class_light_verbs"].get(class_of(tok) or "") or \
        event_words()["light_verbs"]  # "filed charges", not "raised the charge for water"
    return (tok.dep_ == "dobj" and tok.head.lemma_.lower() in light) or \
        any(c.dep_ in ("prep", "agent") and c.lower_ == "by" for c in tok.children)


def entry_of(tok) -> tuple[str, str | None, str] | None:
    """The trigger entry of a token: its phrasal verb ("called for") or verb lemma for a verb,
    its noun lemma for a noun."""
    if tok.pos_ == "VERB":
        key = phrasal_key(tok)
        return generated()[key] if key else verbs().get(tok.lemma_.lower())
    if tok.pos_ == "NOUN":
        return verbs().get(f"n:{tok.lemma_.lower()}")
    return None


def licensed(ctx: Context, tok, lemma: str, typ: str, note: str = "") -> bool:
    """Verbs that only mean the event with the right object ("gave $5 million", "cut funds")."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "dative", "prep", "nsubjpass", "attr")]
    subtree_text = " ".join(t.text for c in objs for t in c.subtree)
    if lemma in MONEY_OK and "wn" not in note:
        return "$" in subtree_text or "million" in subtree_text or "billion" in subtree_text \
            or any(ctx.key_at(t) and ctx.key_at(t).startswith("grant:") for c in objs
                   for t in c.subtree)
    if typ == "withhold":
        heads = set(lexicon()["grant_heads"]) | set(event_cues()["carrying_out"])
        return any(t.lower_ in heads or t.lemma_.lower() in heads or
                   (ctx.key_at(t) or "").startswith(("grant:", "law:"))
                   or t.text[:1].isupper() for c in objs for t in c.subtree)
    if lemma == "issue":  # "issued guidance", not "issued 500 summonses"
        docs = set(lexicon()["document_nouns"])
        if any(c.dep_ == "dobj" and (e := entry_of(c)) and e[2].split()[:1] == ["noun"] and
               "wn" not in e[2] for c in tok.children):
            return False  # "issued a warning", "issued a ruling": the noun's event
        return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in docs
                   for c in tok.children) or (tok.dep_ == "acl" and tok.head.lemma_.lower()
                                              in docs)
    if typ in ("release",):
        return any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children) or tok.dep_ == "acl"
    if typ == "enact" and (lemma in event_words()["rule_verbs"] or class_of(tok) ==
                           "make_rule") and lemma not in ("adopt",):
        return makes_rule(ctx, tok)  # "modified the policy", not "modified the car"
    if class_of(tok) in event_cues()["party_classes"] and tok.pos_ == "VERB":
        return met_party(ctx, tok)  # "met with the governor", not "met the deadline"
    if phrasal_key(tok) in event_cues()["agent_subject_verbs"] and any(
            c.dep_ == "nsubj" and c.pos_ == "NOUN" and not ctx.key_at(c) and
            any(g.dep_ == "poss" for g in c.children) for c in tok.children):
        return False  # "Trump's new definition calls for more agents": it requires them
    if class_of(tok) == "establish" and tok.pos_ == "VERB" and "wn" in note:
        return any(o.lemma_.lower() in event_cues()["establish_objects"] for o in objs
                   if o.dep_ in ("dobj", "nsubjpass"))  # "set up a task force", not a meeting
    if class_of(tok) == "challenge" and tok.dep_ in ("acl", "relcl") and \
            (entry_of(tok.head) or ("",))[0] == "sue":
        return False  # "a lawsuit challenging the rule": the suit is the challenge
    if any(c.dep_ in event_cues()["refuses_complement"].get(lemma, ()) for c in tok.children):
        return False  # "challenged reporters to find one case": a dare, not a challenge
    cases = event_cues()["needs_object"].get(lemma) if "wn" in note else None
    if cases and not any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in cases
                         for c in tok.children):
        return False  # "dismissed the lawsuit", not "dismissed the criticism"
    needs = event_cues()["needs_complement"].get(lemma) if "wn" in note else None
    if needs and tok.pos_ == "VERB":  # "asked the board to act", not "asked about it"
        return any(c.dep_ in needs or (c.dep_ == "prep" and c.lower_ in needs)
                   for c in tok.children)
    if lemma == "second":  # "the motion was made by A and seconded by B"
        verb = tok
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() == "motion"
                   for v in (tok, verb) for c in v.children)
    if lemma == "name" and typ == "sue":  # "names the city and the state as defendants"
        return any(c.dep_ == "prep" and c.lower_ == "as" and any(
            g.lemma_.lower() in event_words()["defendant_nouns"] for g in c.children)
            for c in tok.children)
    if typ == "comply" and lemma == "refuse":
        return any(c.dep_ == "xcomp" for c in tok.children)
    return True


def met_party(ctx: Context, verb) -> bool:
    """A meeting, a hosted visit or a negotiation is an event between parties: a person,
    body or place as the object or after "with" ("met with Premier Li", "hosted the
    chancellor")."""
    heads = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    heads += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
              for g in c.children if g.dep_ == "pobj"]
    return any((ctx.key_at(h) or "").startswith(("person:", "org:", "place:")) for h in heads)
