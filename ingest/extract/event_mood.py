"""The mood of an event clause (asserted, negated, hypothetical, future), read from the parse
alone, so that both the trigger rules (event_triggers: a suit still to come is a threat) and
the event records (factuality) can ask it without depending on each other."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from ingest.extract.context import lexicon, word_list


@lru_cache(maxsize=1)
def event_cues() -> dict:
    """ingest/data/event_cues.json: the cue words that set a trigger's type or mood."""
    text = resources.files("ingest").joinpath("data", "event_cues.json").read_text(
        encoding="utf-8")
    return json.loads(text)


def modality(tok) -> str:
    """asserted | negated | hypothetical | future, from the verb's own clause and its
    governors ("will sign", "plans to sign", "is scheduled to vote"), or for an event noun its
    modifier ("the planned cuts", "a possible veto"). A reported "would" stays hypothetical
    here (news reports many such plans that never become events); ``intended`` reads it as
    the future it is where a rule needs the speaker's intent."""
    lex, cues = lexicon(), event_cues()
    hyp, neg = set(lex["modal_hypothetical"]), set(lex["negators"])
    fut = set(lex["modal_future"]) | set(cues["future_governors"])
    if tok.pos_ == "NOUN":
        mood = noun_mood(tok)
        if mood:
            return mood
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


def noun_mood(noun) -> str | None:
    """"The planned cuts", "the proposed rule" (future); "a possible veto" (hypothetical)."""
    cues = event_cues()
    for c in noun.children:
        if c.dep_ in ("amod", "compound") and c.i < noun.i:
            if c.lower_ in cues["planned_modifiers"]:
                return "future"
            if c.lower_ in cues["possible_modifiers"]:
                return "hypothetical"
    return None


def intended(tok) -> bool:
    """The doer states the act as coming: a future clause or governor, or a reported "would"
    with no condition ("said it would sue the state")."""
    if modality(tok) == "future":
        return True
    return any(c.dep_ == "aux" and c.lower_ == "would" for c in tok.children) and \
        reported_future(tok) and modality(tok) == "hypothetical"


def reported_future(clause) -> bool:
    """A "would" clause reported by a speech verb with no condition of its own ("said it
    would sue", "told reporters he would sign it"), where "would" is "will" moved into the
    past; "said it would sue if ..." stays hypothetical."""
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in word_list("speech_verbs.txt"):
        return False
    return not any(c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children)
                   for c in clause.children)
