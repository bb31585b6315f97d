"""Agents and targets read from the shape of a clause rather than from a noun: a dateline
before the actor ("HARTFORD, Conn. (May 14) — Governor X ..."), an official document's
"hereby" passive (its signer), a name hyphened to a participle ("the Bush-appointed judge"),
federal money as the subject of funding, a bill passing a chamber or passed with no one named,
party members in a chamber, and a suit's list of defendants."""
from __future__ import annotations

from ingest.extract.context import Context, lexicon
from ingest.extract.event_agents import org_with_word
from ingest.extract.event_triggers import event_words
from ingest.extract.post_places import DATELINE


def signer_of(ctx: Context) -> str | None:
    """Who signs this official document: the agent of its signing event (event_documents)."""
    return next((e.agent for e in ctx.facts.events if e.type == "sign" and e.evidence and
                 e.evidence[0].rule == "event.document.sign"), None)


def dateline_end(ctx: Context, tok) -> int | None:
    """Where the dateline that ``tok`` is part of ends ("HARTFORD, Conn. (May 14, 2019) —",
    "CHICAGO —"), or None: a dateline says where and when, it never acts."""
    text = ctx.doc.text
    line = text.rfind("\n", 0, tok.idx) + 1
    m = DATELINE.match(text[line:line + 160])
    return line + m.end() if m and tok.idx < line + m.end() else None


def after_dateline(ctx: Context, tok):
    """The first person or body named after the dateline, in the same sentence (the parser
    makes the dateline the subject and the real one an apposition)."""
    end = dateline_end(ctx, tok)
    sent = ctx.sents[ctx.sent_of[tok.i]]
    for i in range(tok.i + 1, sent.end):
        t = ctx.doc[i]
        if t.idx >= end and (ctx.key_at(t) or "").startswith(("person:", "org:")):
            return t
    return None


def participle_agent(ctx: Context, tok) -> str | None:
    """"The George W. Bush-appointed judge", "a Trump-signed order": a participle before a
    noun, hyphened to a name, is a passive whose doer is the name."""
    if tok.dep_ != "amod" or tok.tag_ != "VBN" or tok.i == 0 or ctx.doc[tok.i - 1].text != "-":
        return None
    key = ctx.key_at(ctx.doc[tok.i - 2]) if tok.i >= 2 else None
    return key if key and key.startswith(("person:", "org:", "place:")) else None


def funder_named(ctx: Context, subj) -> str | None:
    """"Federal grants have funded ...": money described as federal acts as the federal
    government (the body of the text so named) when it is the subject of the act; as an
    object ("withhold federal funds") it stays money."""
    if subj.lemma_.lower() not in set(lexicon()["grant_heads"]) and \
            subj.lower_ not in set(lexicon()["grant_heads"]):
        return None
    if not any(c.dep_ == "amod" and c.lower_ == "federal" for c in subj.children):
        return None
    return org_with_word(ctx, subj, "federal government")


def passing_chamber(ctx: Context, tok) -> str | None:
    """"Another bill passed as part of the package", "the measure was approved 80-60": a bill
    passed with no one named passes in the chamber the text is reporting on, the legislature
    mentioned last (within a few paragraphs); "after passing through both chambers of the
    General Assembly", "the bill passed the Senate": the legislature it went through."""
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ == "through":
            key = next((k for t in p.subtree if is_legislature(ctx, k := ctx.key_at(t) or "")),
                       None)
            if key:
                return key
    law_subject = (tok.dep_ == "acl" and (ctx.key_at(tok.head) or "").startswith("law:")) or any(
        c.dep_ in ("nsubj", "nsubjpass") and (ctx.key_at(c) or "").startswith("law:")
        for c in tok.children)
    nouns = event_words()["law_anaphors"]
    if law_subject or any(c.dep_ == "nsubj" and c.lemma_.lower() in nouns for c in tok.children):
        # "the bill passed the Senate": the chamber it passed is the object
        key = next((k for c in tok.children if c.dep_ == "dobj" and
                    is_legislature(ctx, k := ctx.key_at(c) or "")), None)
        if key:
            return key
    if not law_subject or any(c.dep_ in ("dobj", "agent") for c in tok.children):
        return None
    for key in ctx.mentions_before(tok.i, "org:", window=400):
        org = ctx.facts.organizations.get(key)
        if org is not None and org.type == "legislature":
            return key
    return None


def chamber_of(ctx: Context, tok, key: str) -> str:
    """"Senate Republicans passed ...", "Democrats in the Senate voted ...": a party's members
    in a chamber act as that chamber."""
    org = ctx.facts.organizations.get(key)
    if org is None or org.type != "party":
        return key
    mods = [c for c in tok.children if c.dep_ in ("compound", "nmod")]
    mods += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
             for g in c.children if g.dep_ == "pobj"]
    for c in mods:
        other = ctx.key_at(c)
        if other and is_legislature(ctx, other):
            return other
    return key


def defendants(ctx: Context, tok) -> list[str]:
    """The defendant list of a suit: "(a lawsuit that) names the city, the county and the
    state as defendants" gives each person, body or place named between the naming verb and
    "as defendants" (read from the text: the parser often breaks such lists)."""
    verbs = [tok] if tok.pos_ == "VERB" else [c for c in tok.children if c.dep_ in ("relcl", "acl")]
    for verb in verbs:
        if verb.lemma_.lower() not in ("name", "list"):
            continue
        end = next((c.i for c in verb.subtree if c.lower_ == "as" and c.i > verb.i and
                    c.i + 1 < len(ctx.doc) and ctx.doc[c.i + 1].lemma_.lower() in
                    event_words()["defendant_nouns"]), None)
        if end is None:
            continue
        out: list[str] = []
        for i in range(verb.i + 1, end):
            key = ctx.tok_key.get(i, "")
            if key.startswith(("person:", "org:", "place:")) and key not in out and not (
                    key.startswith("place:") and i >= 2 and ctx.doc[i - 1].text == "," and
                    ctx.tok_key.get(i - 2, "").startswith("place:")):  # "Denver, Colorado"
                out.append(key)
        return out
    return []


def is_legislature(ctx: Context, key: str) -> bool:
    org = ctx.facts.organizations.get(key)
    return org is not None and org.type == "legislature"
