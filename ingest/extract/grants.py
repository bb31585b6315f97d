"""Grants and money flows: amounts in a funding context, and named funding streams.

- A money amount in a sentence about funding ("$7 million in federal highway funds", "gives
  out more than $4 billion in grants") is a grant with its USD value (ingest.money).
- A funding noun phrase that is acted on ("strip Justice Department law enforcement grants from
  states", "withhold federal funding from cities") is a grant named by that phrase; "from X" /
  "to X" names the recipient.
The funder is a body named inside the phrase (or the sentence's subject when it gives or
awards); "federal" funding is the federal government's.
"""
from __future__ import annotations

from ingest.extract.context import Context, lexicon, slug
from ingest.extract.organizations import add_org
from ingest.money import to_usd
from kb.facts import Grant

FEDERAL = "Federal government of the United States"
GIVING = {"give", "award", "provide", "grant", "allocate", "distribute", "support", "fund"}


def extract_grants(ctx: Context) -> None:
    doc = ctx.doc
    heads = set(lexicon()["grant_heads"])
    seen_amounts: set[float] = set()
    for ent in doc.ents:
        if ent.label_ != "MONEY" or not ctx.in_body(ent[0]) or ctx.quote_of(ent[0]):
            continue
        sent = ctx.sentence(ent[0])
        if not any(t.lower_ in heads for t in sent):
            continue
        written = ent.text
        if ent.start > 0 and doc[ent.start - 1].text == "$":
            written = "$" + written
        usd = to_usd(written)
        if usd is None or usd in seen_amounts:
            continue  # vague ("millions of dollars") or already counted
        if ent.root.dep_ in ("amod", "compound", "nmod", "nummod") and \
                ent.root.head.lower_ not in heads and ent.root.head.pos_ == "NOUN":
            continue  # "the estimated $22 million entrance" is a cost, not a grant
        if usd is not None:
            seen_amounts.add(usd)
        phrase = funding_phrase(ent, heads)
        name = f"{written} {phrase.text}" if phrase is not None else written
        funder = funder_of(ctx, phrase if phrase is not None else ent, sent)
        recipient = recipient_of(ctx, ent.root)
        key = "grant:" + slug(name)
        grant = ctx.facts.grants.setdefault(key, Grant(key, name, funder=funder,
                                                       recipient=recipient, amount=written,
                                                       amount_usd=usd))
        grant.evidence.append(ctx.evidence(ent[0], "grant.amount"))
        ctx.mark(ent.start, ent.end, key)
        if phrase is not None:
            ctx.mark(phrase.start, phrase.end, key)
    for tok in doc:
        if tok.lower_ not in heads or tok.pos_ != "NOUN" or tok.i in ctx.tok_key:
            continue
        if not ctx.in_body(tok) or ctx.quote_of(tok):
            continue
        if tok.dep_ not in ("dobj", "nsubjpass", "pobj") or tok.head.pos_ not in ("VERB", "NOUN",
                                                                                   "ADP"):
            continue
        verb = tok.head if tok.head.pos_ == "VERB" else tok.head.head
        if verb.lemma_.lower() not in ("withhold", "strip", "cut", "eliminate", "threaten",
                                       "lose", "receive", "freeze", "deny", "take", "pull",
                                       "slash", "restore", "block", "seek", "get", "threat"):
            continue
        start = min([c.left_edge.i for c in tok.children if c.dep_ in ("compound", "amod", "nmod")
                     and c.i < tok.i] + [tok.i])
        phrase = doc[start: tok.i + 1]
        recipient = recipient_of(ctx, verb) or recipient_of(ctx, tok)
        rtext = ctx.facts.name_of(recipient) if recipient else None
        for p in list(verb.children) + list(tok.children):
            if p.dep_ == "prep" and p.lower_ in ("from", "to"):
                objs = [c for c in p.children if c.dep_ == "pobj"]
                if objs:
                    words = [t for t in doc[objs[0].left_edge.i: objs[0].i + 1]]
                    cut = max([i for i, t in enumerate(words) if t.is_punct and t.text not in
                               ("“", '"', "'")] + [-1])
                    rtext = " ".join(t.text for t in words[cut + 1:] if t.text not in
                                     ("“", "”", '"', "so", "-", "called", "the"))
                break
        if len(phrase) < 2 and not rtext:
            continue  # a bare "funding" with no source or recipient names nothing
        name = phrase.text + (f" to {rtext}" if rtext else "")
        key = "grant:" + slug(name)
        grant = ctx.facts.grants.setdefault(key, Grant(
            key, name, funder=funder_of(ctx, phrase, ctx.sentence(tok)), recipient=recipient))
        grant.evidence.append(ctx.evidence(tok, "grant.phrase"))
        ctx.mark(phrase.start, phrase.end, key)


def funding_phrase(ent, heads):
    """"$7 million in federal highway funds": the funding noun phrase after the amount."""
    doc = ent.doc
    root = ent.root
    for c in list(root.children) + [root.head]:
        cand = c.children if c.dep_ == "prep" else []
        for g in cand:
            if g.dep_ == "pobj" and g.lower_ in heads:
                return doc[g.left_edge.i: g.i + 1]
    if root.head.lower_ in heads:
        return doc[root.head.left_edge.i: root.head.i + 1] if root.head.i > root.i else None
    return None


def funder_of(ctx: Context, phrase, sent) -> str | None:
    for t in phrase:
        key = ctx.key_at(t)
        if key and key.startswith("org:"):
            return key
    if any(t.lower_ == "federal" for t in phrase):
        return add_org(ctx, FEDERAL, "other")
    root = phrase.root if hasattr(phrase, "root") else phrase
    verb = root.head
    while verb.pos_ != "VERB" and verb.head.i != verb.i:
        verb = verb.head
    if verb.lemma_.lower() in GIVING:
        for c in verb.children:
            if c.dep_ == "nsubj":
                key = ctx.key_at(c)
                if key and key.startswith(("org:", "place:")):
                    return key
    return None


def recipient_of(ctx: Context, tok) -> str | None:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("to", "for", "from"):
            for t in c.subtree:
                key = ctx.key_at(t)
                if key and key.startswith(("place:", "org:")):
                    return key
    return None
