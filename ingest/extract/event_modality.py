"""Whether and how a trigger reports an event: reported act or described rule, habitual or
stative present, foreseen by someone who fears it, and the modality (asserted, negated,
hypothetical, future) the facts record as factuality."""
from __future__ import annotations

from ingest.extract.context import Context, lexicon
from ingest.extract.event_arguments import entity_of
from ingest.extract.event_mood import event_cues, modality
from ingest.extract.event_triggers import event_words

__all__ = ["feared_by", "habitual", "has_object", "modality", "reported", "simple_present"]


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
    """The verb acts on something: an object, a passive subject, a prepositional object of
    stance ("voted for", "railed against", "in favor of", "objected to"; not "voted on
    Monday"), a vote's answer or act ("voted no", "voted to ban"), or (a participle) the noun
    it modifies."""
    if tok.pos_ == "NOUN" or (tok.tag_ == "VBN" and tok.dep_ in ("acl", "advcl")):
        return True
    cues = event_cues()
    if tok.lemma_.lower() in cues["answer_verbs"] and any(
            (c.lower_ in cues["vote_answers"] and c.dep_ != "neg") or c.dep_ == "xcomp"
            for c in tok.children):
        return True  # "voted no", "voted to confirm her": the answer or the act voted on
    objects = set(event_words()["object_preps"]) | set(
        cues["verb_preps"].get(tok.lemma_.lower(), ()))
    return any(c.dep_ in ("dobj", "nsubjpass", "dative", "attr") or (
        c.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") and
                                 (c.lower_ in objects or g.lower_ in objects)
                                 for g in c.children))
        for c in tok.children)


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
