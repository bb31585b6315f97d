"""What an event is about: the law or grant in its clause, its sentence, a definite "the bill"
pointing back to a named law (law_anaphora.py), the neighbouring sentences, what the document
is about at that point (the law heading its section, a jurisdiction's policy on the subject of
the sentence, the bill a vote is on), or the rule a compliance threat is about. The finders
run most telling first, so a law in the event's own clause beats one named elsewhere."""
from __future__ import annotations

from ingest.extract.context import Context, lexicon
from ingest.extract.law_anaphora import anaphor_noun, antecedent

COMPLIANCE_EVENTS = ("threaten", "withhold", "warn")


def about(ctx: Context, tok, prefix: str, near: bool = True, clause=None,
          typ: str | None = None) -> str | None:
    """The law or grant an event (of type ``typ``) is about: in its clause, its sentence, or
    (``near``) the neighbouring sentences; for laws also what about_law adds."""
    if prefix == "law:":
        return (ruling_obeyed(ctx, tok) if typ == "comply" else None) or \
            about_law(ctx, tok, near, clause)
    key_of = ctx.tok_key.get
    return in_subtree(tok, prefix, key_of) or in_sentence(ctx, ctx.sent_of[tok.i], prefix,
                                                          key_of) or \
        (next_door(ctx, tok, prefix, key_of) if near else None)


def about_law(ctx: Context, tok, near: bool, clause) -> str | None:
    """The law an event is about, most telling first: a law in its clause, or a definite
    "the sanctions" there; the law noun it describes ("The legislation, supported by X"); a
    law in its sentence; a definite "the bill" in the clauses of the verb that reports it
    (``clause``); then, where ``near``, the subject of a clause above it, the neighbouring
    sentences and what the document is about at that point (document_law)."""
    key_of = law_key_at(ctx)
    key = in_subtree(tok, "law:", key_of) or law_anaphor(ctx, tok) or \
        modified_law(ctx, tok) or in_sentence(ctx, ctx.sent_of[tok.i], "law:", key_of)
    if key:
        return key
    if clause is not None:
        key = law_anaphor(ctx, clause_top(clause))
        if key:
            return key
    if not near:
        return None
    key = subject_anaphor(ctx, tok)
    if key:
        return key
    return next_door(ctx, tok, "law:", key_of) or document_law(ctx, tok)


def subject_anaphor(ctx: Context, tok) -> str | None:
    """"Two bills championed by X are headed to the governor after passing through both
    chambers": the law noun that is the subject of a clause above the event (not one in a
    phrase beside it: "In the face of Y's threat, lawmakers passed legislation ...")."""
    node = tok
    while node.head.i != node.i:
        node = node.head
        for c in node.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN" and anaphor_noun(ctx, c):
                return antecedent(ctx, c)
    return None


def ruling_obeyed(ctx: Context, tok) -> str | None:
    """A court ruling in the sentence of a compliance ("Following the ruling, the agency
    suspended all actions implementing the order"): what is complied with is the ruling,
    not the law it halts."""
    key_of = law_key_at(ctx)
    sent = ctx.sentence(tok)
    for t in ctx.doc.tokens[sent.start:sent.end]:
        key = key_of(t.i)
        if key is None and t.pos_ == "NOUN" and anaphor_noun(ctx, t):
            key = antecedent(ctx, t)
        if key and ctx.facts.laws[key].type == "court ruling":
            return key
    return None


def in_subtree(tok, prefix: str, key_of) -> str | None:
    for t in sorted(tok.subtree, key=lambda t: abs(t.i - tok.i)):
        key = key_of(t.i)
        if key and key.startswith(prefix):
            return key
    return None


def in_sentence(ctx: Context, si: int, prefix: str, key_of, last: bool = False) -> str | None:
    sent = ctx.sents[si]
    keys = [k for i in range(sent.start, sent.end) if (k := key_of(i)) and k.startswith(prefix)]
    return (keys[-1] if last else keys[0]) if keys else None


def next_door(ctx: Context, tok, prefix: str, key_of) -> str | None:
    """A law or grant in the sentence before (the last one named there) or after (the
    first); for laws, a definite "the policy" in the sentence before also counts."""
    si = ctx.sent_of[tok.i]
    if si > 0:
        key = in_sentence(ctx, si - 1, prefix, key_of, last=True)
        if key is None and prefix == "law:":
            sent = ctx.sents[si - 1]
            key = next((k for t in ctx.doc.tokens[sent.start:sent.end]
                        if anaphor_noun(ctx, t) and (k := antecedent(ctx, t))), None)
        if key:
            return key
    if si + 1 < len(ctx.sents):
        key = in_sentence(ctx, si + 1, prefix, key_of)
        if key and prefix == "law:":
            later = ctx.sents[si + 1]
            if section_law(ctx, later.end_char) != section_law(ctx, tok.idx):
                return None  # the next sentence opens a section on another law
        return key
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
    for t in doc.tokens[top.left_edge.i:top.right_edge.i + 1]:
        if t.pos_ == "NOUN" and anaphor_noun(ctx, t):
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


def document_law(ctx: Context, tok) -> str | None:
    """What the document is about where the event stands, when nothing nearer says: the law
    heading its section (a release's "Senate Bill 1899" line over the paragraphs on it); a
    jurisdiction's policy on what the sentence says that jurisdiction does (subject_law); for a
    legislator's vote, the bill or ordinance the document reports on (main_bill). (An order's
    own law is not assumed: its preamble tells of acts of others, under no law of its own.)"""
    key = section_law(ctx, tok.idx) or subject_law(ctx, tok)
    if key:
        return key
    if tok.lemma_.lower() in VOTING:
        return main_bill(ctx)
    return None


def main_bill(ctx: Context) -> str | None:
    """The bill or ordinance a document reports on: its only one, or the one it mentions at
    least twice as often as any other (an earlier version named once in passing is not it)."""
    counts: dict[str, int] = {}
    for m in ctx.mentions:
        law = ctx.facts.laws.get(m.key)
        if law is not None and law.type in ("bill", "ordinance"):
            counts[m.key] = counts.get(m.key, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


VOTING = frozenset(("vote", "abstain", "cosponsor", "sponsor", "filibuster"))


def section_law(ctx: Context, offset: int) -> str | None:
    """The law named by the last heading line before character ``offset``: a short line that
    is nothing but a law's name ("House Bill 2690"), as releases and reports head their
    sections; None before the first such heading."""
    headings = getattr(ctx, "_law_headings", None)
    if headings is None:
        headings = []
        text = ctx.doc.text
        for m in ctx.mentions:
            if not m.key.startswith("law:") or m.key not in ctx.facts.laws:
                continue
            start, end = ctx.doc[m.start].idx, ctx.doc[m.end - 1].idx + len(ctx.doc[m.end - 1])
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            line_end = len(text) if line_end < 0 else line_end
            if not text[line_start:start].strip() and not text[end:line_end].strip(" \t:"):
                headings.append((start, m.key))
        headings.sort()
        ctx._law_headings = headings
    key = None
    for start, k in headings:
        if start >= offset:
            break
        key = k
    return key


def subject_law(ctx: Context, tok) -> str | None:
    """A jurisdiction's own law named by its subject ("the county's ICE detainer policy") is
    what an event is about whose sentence names that jurisdiction and every word of the
    subject ("Berks County ... its jail does honor ICE detainers")."""
    sent = ctx.sentence(tok)
    tokens = ctx.doc.tokens[sent.start:sent.end]
    places = {ctx.tok_key.get(t.i) for t in tokens}
    words = {t.lower_ for t in tokens} | {t.lemma_.lower() for t in tokens}
    for key, law in ctx.facts.laws.items():
        if law.jurisdiction not in places or not any(
                e.rule == "law.jurisdiction-owned" for e in law.evidence):
            continue
        owner = ctx.facts.name_of(law.jurisdiction) or ""
        subject = law.name[len(owner):].lower().split()[:-1] if law.name.startswith(owner) \
            else []
        if subject and all(w in words for w in subject):
            return key
    return None
