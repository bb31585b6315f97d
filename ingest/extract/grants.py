"""Grants and money flows: named funding programmes, amounts that move between bodies, and
funding streams that something is done to.

News names money in three ways, and each gives the funder and the recipient differently:
- A named programme ("the Community Development Block Grant (CDBG) program", "a national
  Design Challenge with $1 million in prizes", "TIGER, a federal grant program"): a grant
  by its proper name; its acronym and later "the ... program" mentions are the same grant.
- An amount in a money flow. The verb says who gives and who gets: the subject of "award",
  "give", "commit", "support X with" is the funder and "to/for X" the recipient; the subject
  of "receive", "secure", "request" is the recipient and "from X" the funder; "$5 million from
  the state" names the funder by itself. An amount in a sentence about funding ("$7 million in
  federal highway funds") is a grant too, but not an amount that prices a thing ("the $22
  million entrance"). "$X from/through <programme>" and "$X has been <programme>" give the
  programme its amount; "including tens of millions of dollars to Y" splits a flow by recipient.
- A funding noun phrase that is acted on ("strip Justice Department law enforcement grants from
  states", "withhold federal funding from cities", "not eligible to receive federal grants"):
  a grant named by that phrase; "from X" / "to X" or the subject of "receive" names the
  recipient. The same phrase acted on again later in the text is the same stream.
Quotations count only where the flow is explicit (a giving verb, a named programme, a named
body's funding): a quoted aside about "money" is not a grant.
"""
from __future__ import annotations

import json
from functools import cache
from importlib import resources

from ingest.extract.context import Context, lexicon, slug
from ingest.extract.grant_programmes import BODIES, FEDERAL, Programmes
from ingest.extract.organizations import add_org
from ingest.money import RANGE, to_usd
from kb.facts import Grant

QUOTE_MARKS = ("“", "”", '"', "'", "‘", "’")


@cache
def funding() -> dict[str, frozenset[str]]:
    """ingest/data/funding.json: verbs and nouns of money flows, as sets."""
    text = resources.files("ingest").joinpath("data", "funding.json").read_text(encoding="utf-8")
    return {k: frozenset(v) for k, v in json.loads(text).items() if not k.startswith("_")}


def extract_grants(ctx: Context) -> None:
    lex = funding()
    heads = frozenset(lexicon()["grant_heads"])
    claimed: set[int] = set()  # tokens of funding phrases an amount already names
    programmes = Programmes(ctx, lex)
    programmes.find()
    amount_grants(ctx, lex, heads, programmes, claimed)
    phrase_grants(ctx, lex, heads, claimed)



# ---- amounts -------------------------------------------------------------------------------
def money_root(ent):
    """The number an amount hangs on ("million" in "The estimated $22 million"), not the
    determiner spaCy may pick as the span's root."""
    best = None
    for t in ent:
        if not (ent.start <= t.head.i < ent.end) or t.head.i == t.i:
            if t.pos_ in ("NUM", "NOUN"):
                return t
            best = best or t
    return best or ent.root


def amount_text(ctx: Context, ent) -> str:
    """"$22 million" from "The estimated $22 million"; "$" put back when the model left it
    out of the entity."""
    doc = ctx.doc
    keep = funding()["amount_lead_keep"]
    start = ent.start
    while start < ent.end - 1 and doc[start].pos_ in ("DET", "ADJ", "VERB") and \
            doc[start].lower_ not in keep:
        start += 1
    text = doc[start:ent.end].text
    if ent.start > 0 and doc[ent.start - 1].text == "$" and start == ent.start:
        text = "$" + text
    return text


def governor(root, lex) -> tuple[object | None, str | None]:
    """The verb that moves the amount and whether its subject gives or gets it."""
    t = root
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    verb = None
    if t.dep_ in ("dobj", "nsubjpass", "dative", "oprd"):
        verb = t.head
    elif t.dep_ == "pobj" and t.head.lower_ in ("with", "for") and t.head.head.pos_ == "VERB":
        verb = t.head.head  # "supported X with $Y", "asked for $Y"
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None, None
    lemma = verb.lemma_.lower()
    if lemma in lex["give_verbs"]:
        return verb, "give"
    if lemma in lex["get_verbs"]:
        return verb, "get"
    return verb, None


def body_in(ctx: Context, tokens) -> str | None:
    for t in tokens:
        key = ctx.tok_key.get(t.i)
        if key and key.startswith(BODIES):
            return key
    return None


def prep_body(ctx: Context, holder, preps) -> str | None:
    """The body named by a "from X" / "to X" phrase under ``holder``."""
    if holder is None:
        return None
    for c in holder.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            key = body_in(ctx, c.subtree)
            if key:
                return key
            if any(t.lower_ in ("feds", "federal") for t in c.subtree):
                return add_org(ctx, FEDERAL, "other")
    return None


def subject_body(ctx: Context, verb) -> str | None:
    """The body that is the subject of ``verb``, or of the clause it completes ("eligible to
    receive")."""
    v = verb
    for _ in range(3):
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("that", "which", "who"):
                key = body_in(ctx, [c, *(x for x in c.children if x.dep_ == "compound")])
                return key
        if v.dep_ in ("xcomp", "acomp", "conj") and v.head.i != v.i:
            v = v.head
            continue
        break
    return None


def amount_grants(ctx: Context, lex, heads, programmes: Programmes, claimed: set[int]) -> None:
    doc = ctx.doc
    seen: set[float] = set()
    head_sents: dict[int, bool] = {}
    for ent in doc.ents:
        if ent.label_ != "MONEY" or not ctx.in_body(ent[0]):
            continue
        quoted = ctx.quote_of(ent[0]) is not None
        root = money_root(ent)
        written = amount_text(ctx, ent)
        usd = to_usd(written)
        if usd is not None and usd in seen:
            continue
        if root.dep_ in ("amod", "compound", "nmod", "nummod") and \
                root.head.lower_ not in heads and root.head.pos_ in ("NOUN", "PROPN") and \
                not (ent.start <= root.head.i < ent.end):
            continue  # "the estimated $22 million entrance" is a cost, not a grant
        verb, role = governor(root, lex)
        source = prep_body(ctx, root, lex["source_preps"])
        programme = programmes.of_amount(root, verb)
        si = ctx.sent_of[root.i]
        if si not in head_sents:
            head_sents[si] = any(t.lower_ in heads for t in ctx.sents[si])
        if not (role or source or programme or (head_sents[si] and not quoted)):
            continue
        if quoted and not (role or programme):
            continue
        if usd is None:
            vague_grant(ctx, ent, root, written, heads)
            continue
        seen.add(usd)
        if programme and ctx.facts.grants[programme].amount is None:
            grant = ctx.facts.grants[programme]
            grant.amount, grant.amount_usd = written, usd
            grant.evidence.append(ctx.evidence(ent[0], "grant.programme-amount"))
            ctx.mark(ent.start, ent.end, programme)
            continue
        phrase = funding_phrase(ctx, root, verb, heads)
        name = f"{written} {phrase.text}" if phrase is not None else written
        funder = source or (named_funder(ctx, phrase) if phrase is not None else None)
        recipient = None
        if role == "give":
            funder = funder or subject_body(ctx, verb) or prep_body(ctx, verb, ("by",))
            recipient = prep_body(ctx, verb, ("to", "for")) or prep_body(ctx, root, ("to", "for"))
        elif role == "get":
            recipient = subject_body(ctx, verb)
            funder = funder or prep_body(ctx, verb, lex["source_preps"])
        funder = funder or funder_of(ctx, phrase if phrase is not None else ent,
                                     ctx.sentence(ent[0]))
        if programme and funder is None:
            funder = ctx.facts.grants[programme].funder
        recipient = recipient or recipient_of(ctx, root)
        key = "grant:" + slug(name)
        grant = ctx.facts.grants.setdefault(key, Grant(key, name, funder=funder,
                                                       recipient=recipient, amount=written,
                                                       amount_usd=usd))
        grant.evidence.append(ctx.evidence(ent[0], "grant.amount"))
        ctx.mark(ent.start, ent.end, key)
        if phrase is not None:
            ctx.mark(phrase.start, phrase.end, key)
            claimed.update(range(phrase.start, phrase.end))


def vague_grant(ctx: Context, ent, root, written: str, heads) -> None:
    """"..., including tens of millions of dollars to the state of Connecticut": no figure, but
    a flow to a named recipient out of a larger flow whose funder is known."""
    if RANGE.search(written):
        return
    recipient = prep_body(ctx, root, ("to",))
    parent = root.head
    while parent.dep_ in ("prep", "pobj") and parent.head.i != parent.i and \
            parent.ent_type_ != "MONEY":
        parent = parent.head
    parent_key = ctx.tok_key.get(parent.i)
    if not recipient or not parent_key or not parent_key.startswith("grant:"):
        return
    outer = ctx.facts.grants.get(parent_key)
    if outer is None or outer.funder is None:
        return
    noun = next((w for w in reversed(outer.name.split()) if w.lower() in heads), "funding")
    name = f"{ctx.facts.name_of(outer.funder)} {noun} to {ctx.facts.name_of(recipient)}"
    key = "grant:" + slug(name)
    grant = ctx.facts.grants.setdefault(key, Grant(key, name, funder=outer.funder,
                                                   recipient=recipient, amount=written))
    grant.evidence.append(ctx.evidence(ent[0], "grant.share"))
    ctx.mark(ent.start, ent.end, key)


def funding_phrase(ctx: Context, root, verb, heads):
    """"$7 million in federal highway funds": the funding noun phrase after the amount (the
    parser may hang "in ..." on the verb: "received $7 million in highway funds")."""
    doc = ctx.doc
    extra = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
             and c.i > root.i] if verb is not None else []
    for c in list(root.children) + [root.head] + extra:
        cand = c.children if c.dep_ == "prep" else []
        for g in cand:
            if g.dep_ == "pobj" and g.lower_ in heads:
                return doc[g.left_edge.i: g.i + 1]
    if root.head.lower_ in heads:
        return doc[root.head.left_edge.i: root.head.i + 1] if root.head.i > root.i else None
    return None


# ---- funding phrases -----------------------------------------------------------------------
def phrase_grants(ctx: Context, lex, heads, claimed: set[int]) -> None:
    doc = ctx.doc
    acts = lex["act_on_verbs"]
    streams: dict[tuple[str, str | None], str] = {}  # (phrase, funder) -> grant key
    for tok in doc:
        if tok.lower_ not in heads or tok.i in ctx.tok_key or tok.i in claimed:
            continue
        if not (tok.pos_ == "NOUN" or tok.tag_ == "VBG" and tok.dep_ in ("dobj", "pobj")):
            continue  # "withhold funding" is sometimes tagged as a verb
        if tok.dep_ not in ("dobj", "nsubjpass", "pobj") or tok.head.pos_ not in ("VERB", "NOUN",
                                                                                   "ADP"):
            continue
        if not ctx.in_body(tok):
            continue
        verb = tok.head if tok.head.pos_ == "VERB" else tok.head.head
        if verb.lemma_.lower() not in acts:
            continue
        start = min([c.left_edge.i for c in tok.children if c.dep_ in ("compound", "amod", "nmod")
                     and c.i < tok.i] + [tok.i])
        phrase = doc[start: tok.i + 1]
        if ctx.quote_of(tok) and not body_in(ctx, phrase):
            continue  # in a quotation only a named body's money ("cut NYPD funding") counts
        recipient = recipient_of(ctx, verb) or recipient_of(ctx, tok)
        rtext = ctx.facts.name_of(recipient) if recipient else None
        link = "to"
        for p in list(verb.children) + list(tok.children):
            if p.dep_ == "prep" and p.lower_ in ("from", "to", "for") and (
                    p.lower_ != "for" or p.head.i == tok.i):
                objs = [c for c in p.children if c.dep_ == "pobj" and c.i != tok.i]
                if objs and (p.lower_ != "for" or objs[0].i - objs[0].left_edge.i < 2):
                    rtext = object_words(doc, objs[0])  # "for immigrants", not a long purpose
                    link = "for" if p.lower_ == "for" else "to"
                break
        if len(phrase) < 2 and not rtext:
            continue  # a bare "funding" with no source or recipient names nothing
        if rtext is None and verb.lemma_.lower() in lex["get_verbs"]:
            rtext = subject_words(doc, verb)  # "jurisdictions ... are not eligible to receive"
        funder = funder_of(ctx, phrase, ctx.sentence(tok))
        stream = (phrase.text.lower(), funder)
        key = streams.get(stream)
        if key is None:
            name = phrase.text + (f" {link} {rtext}" if rtext else "")
            key = "grant:" + slug(name)
            streams[stream] = key
        grant = ctx.facts.grants.get(key)
        if grant is None:
            grant = ctx.facts.grants[key] = Grant(key, name, funder=funder, recipient=recipient)
        grant.recipient = grant.recipient or recipient
        grant.evidence.append(ctx.evidence(tok, "grant.phrase"))
        ctx.mark(phrase.start, phrase.end, key)


def object_words(doc, obj) -> str:
    """The words of a "from X" object after any list punctuation, without quote marks."""
    words = list(doc[obj.left_edge.i: obj.i + 1])
    cut = max([i for i, t in enumerate(words) if t.is_punct and t.text not in QUOTE_MARKS]
              + [-1])
    return " ".join(t.text for t in words[cut + 1:] if t.text not in QUOTE_MARKS
                    and t.lower_ not in ("so", "-", "called", "the"))


def subject_words(doc, verb) -> str | None:
    """The subject noun of a receiving clause with its modifiers; a parenthetical label of it
    is a better name when there is one."""
    v = verb
    for _ in range(3):
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN"):
                start = min([m.i for m in c.children if m.dep_ in ("compound", "amod")]
                            + [c.i])
                return doc[start:c.i + 1].text
        if v.dep_ in ("xcomp", "acomp", "conj", "ccomp") and v.head.i != v.i:
            v = v.head
            continue
        break
    return None


def named_funder(ctx: Context, phrase) -> str | None:
    """A body named inside the funding phrase ("Justice Department grants"), or the federal
    government for "federal funds"."""
    for t in phrase:
        key = ctx.key_at(t)
        if key and key.startswith("org:"):
            return key
    if any(t.lower_ == "federal" for t in phrase):
        return add_org(ctx, FEDERAL, "other")
    return None


def funder_of(ctx: Context, phrase, sent) -> str | None:
    named = named_funder(ctx, phrase)
    if named:
        return named
    root = phrase.root if hasattr(phrase, "root") else phrase
    verb = root.head
    while verb.pos_ != "VERB" and verb.head.i != verb.i:
        verb = verb.head
    if verb.lemma_.lower() in funding()["give_verbs"]:
        for c in verb.children:
            if c.dep_ == "nsubj":
                key = ctx.key_at(c)
                if key and key.startswith(BODIES):
                    return key
    return None


def recipient_of(ctx: Context, tok) -> str | None:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("to", "for", "from"):
            for t in c.subtree:
                key = ctx.key_at(t)
                if key and key.startswith(BODIES):
                    return key
    return None
