"""What an event is about: the law or grant in its clause, its sentence, a definite "the bill"
pointing back to a named law, the neighbouring sentences, or the rule a compliance threat is
about."""
from __future__ import annotations

from ingest.extract.context import Context, lexicon
from ingest.extract.law_anaphora import anaphor_noun, antecedent, law_nouns

COMPLIANCE_EVENTS = ("threaten", "withhold", "warn")


def about(ctx: Context, tok, prefix: str, near: bool = True, clause=None) -> str | None:
    """The law or grant an event is about: in its clause, its sentence, a definite "the bill"
    in the clauses of the verb that reports it (``clause``) pointing back to a named law, or
    (``near``) the neighbouring sentences."""
    key_of = law_key_at(ctx) if prefix == "law:" else ctx.tok_key.get
    for t in sorted(tok.subtree, key=lambda t: abs(t.i - tok.i)):
        key = key_of(t.i)
        if key and key.startswith(prefix):
            return key
    si = ctx.sent_of[tok.i]
    sent = ctx.sents[si]
    if prefix == "law:":
        key = modified_law(ctx, tok)
        if key:
            return key
    keys = [k for i in range(sent.start, sent.end) if (k := key_of(i)) and k.startswith(prefix)]
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
                    if (k := key_of(i)) and k.startswith(prefix)]
            if not keys and prefix == "law:" and offset == -1:
                keys = [k for t in ctx.doc.tokens[sent.start:sent.end]
                        if anaphor_noun(ctx, t) and (k := antecedent(ctx, t))]
            if keys:
                return keys[0] if offset != -1 else keys[-1]
    return None


def law_key_at(ctx: Context):
    """A lookup from token index to the law it names, also where a longer name holding the
    law took the token ("Recovery Act funds" is a grant, and names the Recovery Act): the
    event is then about that law too. Built once per document, after every law is known."""
    index = getattr(ctx, "_law_at", None)
    if index is None:
        index = {}
        for m in ctx.mentions:
            if m.key.startswith("law:") and m.key in ctx.facts.laws:
                for i in range(m.start, m.end):
                    index.setdefault(i, m.key)
        for i, key in ctx.tok_key.items():
            if key.startswith("law:"):
                index[i] = key
        ctx._law_at = index
    return index.get


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
    "this measure", "the order", or a lede's bare "legislation" (the first such noun)."""
    doc = ctx.doc
    nouns = law_nouns()
    for i in range(top.left_edge.i, top.right_edge.i + 1):
        t = doc[i]
        if t.lower_ in nouns and anaphor_noun(ctx, t):
            return antecedent(ctx, t)
    return None


def modified_law(ctx: Context, tok) -> str | None:
    """The law an event participle or relative clause describes: "The legislation, supported
    by the police, ...", "the bill, which the council passed": the noun it hangs on."""
    if tok.dep_ not in ("acl", "relcl"):
        return None
    head = tok.head
    key = law_key_at(ctx)(head.i)
    if key:
        return key
    return antecedent(ctx, head) if anaphor_noun(ctx, head) else None


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
