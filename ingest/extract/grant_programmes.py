"""Named funding programmes: "the Community Development Block Grant (CDBG) program", "a
national Design Challenge with $1 million in prizes", "TIGER, a federal grant program".

A programme is a grant by its proper name; its acronym and later "the ... program" mentions
are the same grant. A body the organisation extractor took for a name that is really a
programme's ("the Byrne JAG Program") is handed over to the programme. Split out of
``grants.py``, which reads the amounts and funding phrases around these programmes.
"""
from __future__ import annotations

from ingest.extract.context import Context, lexicon, slug
from ingest.extract.organizations import add_org, is_acronym
from kb.facts import Grant

FEDERAL = "Federal government of the United States"
BODIES = ("org:", "place:")
NAME_GLUE = frozenset(("of", "and", "for", "on", "&", "to"))
# capitalised words that open funding phrases without naming a programme
GENERIC_CAPS = frozenset(("federal", "state", "national", "city", "county", "u.s.", "us",
                          "american", "new", "local", "public", "government"))
PROGRAMME_NOUNS = frozenset(("program", "programs", "programme", "project", "fund"))
# words a later mention puts before a programme's name ("These Byrne JAG grants")
DEMONSTRATIVES = frozenset(("the", "a", "these", "this", "those", "that", "such"))


class Programmes:
    """Named funding programmes of one document, with their acronyms."""

    def __init__(self, ctx: Context, lex: dict[str, frozenset[str]]) -> None:
        self.ctx = ctx
        self.lex = lex
        self.by_form: dict[str, str] = {}  # acronym or lower-case name -> grant key

    def find(self) -> None:
        ctx, lex = self.ctx, self.lex
        doc = ctx.doc
        cap_heads, nouns = lex["program_heads"], lex["program_nouns"]
        for tok in doc:
            text = tok.text
            capital = text in cap_heads
            if not capital and (text not in nouns or tok.pos_ != "NOUN" or not (
                    tok.dep_ == "appos" or doc[tok.i - 1].text[:1].isupper() and
                    doc[tok.i - 1].lower_ not in DEMONSTRATIVES)):
                continue  # a lower-case "program" names one only after a capitalised name
            if not ctx.in_body(tok):
                continue
            if capital and self.continues(tok.i):
                continue  # "Assistance Grant (JAG) Program": the name ends at "Program"
            if capital and self.body_follows(tok.i):
                continue  # "Justice Grants Administration" is a body, not a programme
            if not capital and tok.dep_ == "appos" and self.appositive(tok):
                continue
            start, acronym = self.name_start(tok.i)
            if start >= tok.i:
                continue
            self.named(tok, start, acronym, capital)
        if self.by_form:
            self.later_mentions()

    def continues(self, i: int) -> bool:
        doc = self.ctx.doc
        j = i + 1
        if j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")":
            j += 3
        return j < len(doc) and doc[j].text in self.lex["program_heads"]

    def body_follows(self, i: int) -> bool:
        """A programme word inside a body's name: a capitalised body head right after it."""
        nxt = self.ctx.doc[i + 1] if i + 1 < len(self.ctx.doc) else None
        return nxt is not None and nxt.text[:1].isupper() and \
            nxt.lower_ in lexicon()["org_type_heads"] and nxt.lower_ not in PROGRAMME_NOUNS

    def name_start(self, i: int) -> tuple[int, str | None]:
        """First token of the capitalised name that ends before token ``i``, and an acronym
        given in parentheses inside it."""
        doc = self.ctx.doc
        k, acronym = i - 1, None
        while k >= 0:
            t = doc[k]
            text = t.text
            if text == ")" and k >= 2 and doc[k - 2].text == "(" and is_acronym(doc[k - 1].text):
                acronym = doc[k - 1].text
                k -= 3
                continue
            if text[:1].isupper() and (t.is_alpha or is_acronym(text) or "-" in text):
                k -= 1
                continue
            if t.lower_ in NAME_GLUE and k > 0 and doc[k - 1].text[:1].isupper() and k < i - 1:
                k -= 1
                continue
            break
        start = k + 1
        while start < i and (doc[start].lower_ in NAME_GLUE or doc[start].lower_ in DEMONSTRATIVES
                             or self.ctx.tok_key.get(start, "").startswith("place:")
                             and doc[start].lower_ != doc[i - 1].lower_):
            start += 1
        return start, acronym

    def named(self, head, start: int, acronym: str | None, capital: bool) -> None:
        ctx, lex = self.ctx, self.lex
        doc = ctx.doc
        words = [t for t in doc[start:head.i + 1] if t.text not in ("(", ")")
                 and t.text != acronym]
        known = self.known_in(start, head.i) or self.shortened(doc[start:head.i + 1].text.lower())
        if known:  # "the Byrne JAG program": a programme named before
            self.claim(known, start, head.i + 1)
            return
        lowers = {t.lower_ for t in words[:-1]}
        funded = bool(lowers & lex["program_words"])
        if len(words) > 2 and words[1].lower_ == "of" and not funded and \
                words[0].lower_ in lexicon()["org_type_heads"]:
            return  # "Office of Criminal Justice Program(s)": a body's name
        low = head.lower_
        if capital:
            if low in ("grant", "grants"):
                if not funded and (head.ent_type_ == "PERSON" or len(words) < 2):
                    return  # "Ulysses S. Grant"
            elif low in ("program", "programme"):
                if not funded and not self.money_context(head):
                    return  # "the Visa Waiver Program" is not money
            elif not self.money_context(head):
                return  # a "Competition" or "Challenge" without money is not a grant
        else:
            keys = {ctx.tok_key.get(t.i) for t in words[:-1]} - {None}
            if any(k.startswith(("org:", "place:", "person:")) for k in keys):
                return  # "DOJ grants", "Obama's program": a body's money, not a name
            if low in ("program", "programme") and not self.money_context(head):
                return  # "the Secure Communities program" enforces, it does not fund
            if len(words) < 2 or not all(t.text[:1].isupper() for t in words[:-1]):
                return
            if all(t.lower_ in GENERIC_CAPS for t in words[:-1]):
                return  # "Federal grants", "State aid": capitalised, but no name
        name = " ".join(t.text for t in words)
        if len(words) < 2:
            return
        self.add(name, acronym, start, head.i + 1, self.funder_before(start), head)

    def appositive(self, tok) -> bool:
        """"TIGER (...), a federal grant program": the name the appositive describes."""
        ctx, lex = self.ctx, self.lex
        mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
        if not mods & lex["program_words"]:
            return False
        named = tok.head
        if not (named.pos_ == "PROPN" or is_acronym(named.text)) or named.i in ctx.tok_key \
                and not ctx.tok_key[named.i].startswith("org:"):
            return False
        start = min([c.i for c in named.children if c.dep_ == "compound"] + [named.i])
        expansion = [c for c in named.children if c.dep_ == "appos" and c.i < tok.i
                     and c.pos_ == "PROPN"]
        name = ctx.doc[start:named.i + 1].text
        funder = add_org(ctx, FEDERAL, "other") if "federal" in mods else None
        key = self.add(name, None, start, named.i + 1, funder, named)
        if expansion:
            exp = expansion[0]
            span = ctx.doc[exp.left_edge.i: exp.i + 1]
            self.ctx.facts.grants[key].add_alias(span.text)
            self.by_form[span.text.lower()] = key
            self.claim(key, span.start, span.end)
        if is_acronym(name):
            self.by_form[name] = key
        return True

    def money_context(self, tok) -> bool:
        sent = self.ctx.sentence(tok)
        words = self.lex["money_context"]
        return any(t.lower_ in words or t.ent_type_ == "MONEY" for t in sent)

    def known_in(self, start: int, end: int) -> str | None:
        doc = self.ctx.doc
        for i in range(start, end):
            key = self.by_form.get(doc[i].text)
            if key:
                return key
        return self.by_form.get(doc[start:end].text.lower())

    def shortened(self, text: str) -> str | None:
        """A later mention by the end of a programme's name ("the Regional Challenge" after
        "the Build Back Better Regional Challenge"): two or more words, one of them more than
        a programme word ("Grant Program" alone shortens nothing)."""
        words = text.split()
        generic = self.lex["program_nouns"] | {h.lower() for h in self.lex["program_heads"]}
        if len(words) < 2 or all(w in generic for w in words):
            return None
        return next((key for form, key in self.by_form.items()
                     if form.endswith(" " + text)), None)

    def funder_before(self, start: int) -> str | None:
        """"HUD's ... Program", "the federal ... Program": who pays, written in front."""
        ctx = self.ctx
        doc = ctx.doc
        if start >= 2 and doc[start - 1].text in ("'s", "’s"):
            key = ctx.tok_key.get(start - 2)
            if key and key.startswith(BODIES):
                return key
        if start >= 1 and doc[start - 1].lower_ == "federal":
            return add_org(ctx, FEDERAL, "other")
        return None

    def add(self, name: str, acronym: str | None, start: int, end: int, funder: str | None,
            tok) -> str:
        ctx = self.ctx
        key = "grant:" + slug(name)
        grant = ctx.facts.grants.setdefault(key, Grant(key, name, funder=funder))
        if acronym:
            grant.add_alias(acronym)
            self.by_form[acronym] = key
        self.by_form[name.lower()] = key
        grant.evidence.append(ctx.evidence(tok, "grant.programme"))
        self.claim(key, start, end)
        return key

    def claim(self, key: str, start: int, end: int) -> None:
        """Mark [start, end) as the programme, taking it back from a body the model saw in
        the name ("Justice Assistance Grant" as an organisation)."""
        ctx = self.ctx
        for i in range(start, end):
            old = ctx.tok_key.get(i)
            if old and old.startswith("org:"):
                drop_org(ctx, old, key)
        ctx.mark(start, end, key)

    def later_mentions(self) -> None:
        """Bare acronyms of programmes ("JAG") anywhere in the text."""
        ctx = self.ctx
        for tok in ctx.doc:
            key = self.by_form.get(tok.text) if is_acronym(tok.text) else None
            if key and ctx.tok_key.get(tok.i) != key and ctx.in_body(tok):
                self.claim(key, tok.i, tok.i + 1)

    def of_amount(self, root, verb) -> str | None:
        """The programme an amount comes from: "$X from/through/under <programme>", "$X has
        been <programme>", "received $X from <programme>"."""
        ctx = self.ctx
        if not self.by_form:
            return None
        sources = self.lex["source_preps"]
        for holder in (root, verb):
            if holder is None:
                continue
            for c in holder.children:
                if c.dep_ == "prep" and c.lower_ in sources:
                    for t in c.subtree:
                        key = ctx.tok_key.get(t.i)
                        if key and key.startswith("grant:") and key in ctx.facts.grants:
                            return key
        if root.dep_ == "nsubj" and root.head.lemma_ == "be":
            for c in root.head.children:
                if c.dep_ == "attr":
                    key = ctx.tok_key.get(c.i)
                    if key and key.startswith("grant:"):
                        return key
        return None


def drop_org(ctx: Context, org_key: str, key: str) -> None:
    """Forget a body that was really a programme's name; its mentions become the programme's."""
    ctx.facts.organizations.pop(org_key, None)
    ctx.move_mentions(org_key, key)

