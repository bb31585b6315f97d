"""Laws named by a phrase rather than a title: quoted nicknames ('the so-called "bathroom
bill"'), what a policy does ("a policy barring arrests at schools"), and sanctions regimes and
embargoes on a place ("U.S. sanctions on Iran", "the embargo against Cuba"), and bills
introduced by their purpose ("a bill that would require body cameras")."""
from __future__ import annotations

from ingest.extract.context import Context, lexicon
from ingest.extract.law_anaphora import law_kind, law_nouns
from ingest.extract.law_nodes import nearest_place, new, owner_place, place_of_level

# what a policy does, when named by it ("a policy barring arrests at schools")
DOING = frozenset(("barring", "banning", "requiring", "prohibiting", "allowing", "limiting",
                   "restricting", "mandating", "permitting", "forbidding", "preventing",
                   "protecting", "establishing", "creating", "raising", "lowering", "ending",
                   "expanding", "imposing", "authorizing", "capping", "criminalizing",
                   "legalizing", "decriminalizing", "exempting", "giving", "letting"))


def quoted_nicknames(ctx: Context) -> None:
    """'the so-called "bathroom bill"', 'the "Muslim ban"': a short quoted name ending in a law
    word is a law known by that nickname."""
    doc = ctx.doc
    heads = lexicon()["law_heads"]
    text = doc.text
    for start, end in ctx.quotes:
        inner = text[start:end].strip("“”\"'‘’ ,.")
        words = inner.split()
        if not 2 <= len(words) <= 5 or words[-1].lower() not in heads or words[-1].lower() in (
                "act", "order", "plan", "decision", "program", "budget"):
            continue  # named acts are laws.py's; the rest too often name documents
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not ctx.in_body(span[0]) or any(t.i in ctx.tok_key for t in span):
            continue
        head = span[-1] if span[-1].is_alpha else span[-2]
        if head.dep_ in ("ROOT",) or any(t.pos_ == "VERB" for t in span):
            continue  # a quoted clause is a statement, not a name
        place = owner_place(ctx, span.start) or nearest_place(ctx, span.start)
        new(ctx, inner, heads[words[-1].lower()], place, span.start, span.end, head,
            "law.nickname", inner)


def named_by_what_it_does(ctx: Context) -> None:
    """"a policy barring arrests at schools": the policy's name is what it does."""
    doc = ctx.doc
    heads = lexicon()["law_heads"]
    for tok in doc:
        if tok.lower_ not in ("policy", "rule", "law", "ordinance", "regulation", "bill",
                              "measure") or tok.i in ctx.tok_key or tok.i + 1 >= len(doc):
            continue
        nxt = doc[tok.i + 1]
        if nxt.lower_ not in DOING or not ctx.in_body(tok) or ctx.quote_of(tok):
            continue
        if any(c.dep_ == "poss" for c in tok.children):
            continue  # "his law raising ...": an owner's law is extract_policies' business
        end = nxt.i + 1  # what it does runs to the clause's next break (parses of it vary)
        while end < len(doc) and end - nxt.i < 10:
            t = doc[end]
            if t.is_punct or t.pos_ in ("VERB", "AUX") or t.ent_type_ in (
                    "DATE", "TIME", "GPE") or t.lower_ in ("and", "but", "or", "which", "that",
                                                           "who", "because"):
                break  # "... on Tuesday in Albany" is when and where, not what
            end += 1
        while end > nxt.i + 1 and doc[end - 1].pos_ in ("ADP", "DET", "CCONJ"):
            end -= 1
        if end - nxt.i < 2:
            continue
        place = owner_place(ctx, tok.i) or nearest_place(ctx, tok.i)
        name = doc.text_of(tok.i, end)
        new(ctx, name, heads.get(tok.lower_, "policy"), place, tok.i, end, tok,
            "law.what-it-does", name)


def sanctions(ctx: Context) -> None:
    """Sanctions regimes and embargoes, one law per target ("sanctions on Iran"), whoever
    imposes them; the imposer ("U.S. sanctions on Iran") is the law's jurisdiction."""
    doc = ctx.doc
    for tok in doc:
        if tok.lower_ not in ("sanctions", "embargo") or tok.pos_ != "NOUN" or \
                tok.i in ctx.tok_key or not ctx.in_body(tok) or ctx.quote_of(tok):
            continue
        target = None
        end = tok.i + 1
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "against"):
                objs = [g for g in c.children if g.dep_ == "pobj"]
                key = ctx.tok_key.get(objs[0].i, "") if objs else ""
                if key.startswith("place:"):
                    target, end = key, objs[0].right_edge.i + 1
        start = tok.i
        imposer = None
        for c in sorted((c for c in tok.children if c.i < tok.i and c.dep_ in (
                "compound", "nmod", "amod", "poss")), key=lambda c: c.i):
            key = ctx.tok_key.get(c.i, "")
            if not key.startswith("place:"):
                continue
            if target is None and c.dep_ != "poss":
                target = key  # "Iran sanctions"
            else:
                imposer = key  # "U.S. sanctions on Iran", "Washington's sanctions on Iran"
            start = min(start, c.left_edge.i)
        if target is None or target == imposer:
            continue
        noun = "sanctions" if tok.lower_ == "sanctions" else "embargo"
        key = new(ctx, f"{noun} on {ctx.facts.name_of(target)}", "policy", imposer, start, end,
                  tok, "law.sanctions", doc.text_of(start, end))
        law = ctx.facts.laws[key]
        law.jurisdiction = law.jurisdiction or imposer


# nouns for one bill or ordinance that a sentence can introduce by its purpose
PURPOSE_HEADS = {"bill": "bill", "measure": "bill", "legislation": "bill", "resolution": "bill",
                 "ordinance": "ordinance", "law": "statute", "rule": "regulation",
                 "regulation": "regulation", "policy": "policy"}
MODALS = frozenset(("would", "will", "could", "have", "has"))  # "that would have charged"
# verbs that say what a law is or says, not what it does ("a law that says ...")
NOT_PURPOSE = frozenset(("say", "state", "read", "mean", "be", "have", "do", "go", "come",
                         "get", "seem", "appear", "remain"))


def named_by_purpose(ctx: Context) -> None:
    """"introduced a bill that would require body cameras", "passed a bill to raise the debt
    ceiling", "signed legislation Tuesday that bans ...": a bill the text introduces by what it
    would do is a law named by it, of the legislature's jurisdiction, which a later "the bill"
    refers to. Not where the bill is a named one: set beside a name ("SB 5, a bill that would
    ..."), or a lede describing a bill the next sentences name ("passed legislation that
    would ..." ... "The Liberty Act would ...")."""
    doc = ctx.doc
    for tok in doc:
        typ = PURPOSE_HEADS.get(tok.lower_)
        if typ is None or tok.i in ctx.tok_key or tok.pos_ != "NOUN" or not ctx.in_body(tok) \
                or ctx.quote_of(tok):
            continue
        det = next((c.lower_ for c in tok.children if c.dep_ == "det"), None)
        if det not in ("a", "an") and not (det is None and tok.lower_ == "legislation"):
            continue
        start = purpose_start(doc, tok.i + 1)
        if start is None:  # "a bill first introduced in 2013, which would have charged ..."
            start = next((purpose_start(doc, c.left_edge.i) for c in tok.children
                          if c.dep_ == "relcl" and c.left_edge.i - tok.i <= 10), None)
        if start is None or named_nearby(ctx, tok):
            continue
        end = clause_end(doc, start)
        if end - start < 2:
            continue
        clause = doc.text_of(start, end)
        if doc[start].lower_ == "which":
            clause = "that" + clause[5:]
        kind = [c for c in tok.children if c.dep_ == "compound" and c.i == tok.i - 1]
        name = f"{doc.text_of(kind[0].left_edge.i, tok.i + 1) if kind else tok.lower_} {clause}"
        unnamed = headline_bill(ctx, tok.i)
        if unnamed:  # the lede's "passed a bill to ..." is the bill its headline names
            law = ctx.facts.laws[unnamed]
            law.add_alias(name)
            law.evidence.append(ctx.evidence(tok, "law.purpose"))
            ctx.mark(tok.i, tok.i + 1, unnamed)
            continue
        place = legislature_of(ctx, tok) or owner_place(ctx, tok.i) or nearest_place(ctx, tok.i)
        new(ctx, name, typ, place, tok.i, tok.i + 1, tok, "law.purpose",
            doc.text_of(tok.i, end))


def headline_bill(ctx: Context, i: int) -> str | None:
    """The document's unnamed bill (law_anaphora.unnamed_law) when token ``i`` comes before
    every mention of it: a lede introducing the bill its headline and later "the bill" name."""
    for key, law in ctx.facts.laws.items():
        if any(e.rule == "law.unnamed" for e in law.evidence):
            return key if all(m.start > i for m in ctx.mentions if m.key == key) else None
    return None


def purpose_start(doc, i: int) -> int | None:
    """Where "that would ban ...", "to raise ..." opens after a law noun (a day or date may
    stand between: "signed legislation Tuesday that bans ...")."""
    while i < len(doc) and doc[i].ent_type_ == "DATE":
        i += 1
    if i + 1 >= len(doc):
        return None
    first = doc[i]
    if first.lower_ == "to" and doc[i + 1].tag_ == "VB":
        return i
    if first.lower_ in ("that", "which"):
        j = i + 1
        while j < len(doc) and doc[j].lower_ in MODALS:
            j += 1
        if j >= len(doc) or doc[j].pos_ != "VERB" or doc[j].lemma_.lower() in NOT_PURPOSE:
            return None
        if doc[j].tag_ != "VBN" or doc[j - 1].lower_ in ("have", "has"):
            return i  # "that bans ...", "which would have charged ..."
    return None


def clause_end(doc, start: int) -> int:
    """End of the purpose clause: the next punctuation, conjunction, date or "in <place>", at
    most twelve words on ("... by 2035" stays, "..., Lee said" does not)."""
    end = start + 1
    while end < len(doc) and end - start < 12:
        t = doc[end]
        if t.text == "-" and not t.whitespace_ and not doc[end - 1].whitespace_:
            end += 1  # "gas-powered": one word
            continue
        if t.is_punct or t.lower_ in ("and", "but", "or", "because", "while", "after") or \
                t.ent_type_ == "TIME" or (t.ent_type_ == "DATE" and not by_date(doc, end)) or \
                (t.ent_type_ == "GPE" and doc[end - 1].lower_ == "in"):
            break
        end += 1
    while end > start + 1 and doc[end - 1].pos_ in ("ADP", "DET", "CCONJ"):
        end -= 1
    return end


def by_date(doc, i: int) -> bool:
    """Is the date at token ``i`` a deadline ("by March 2035"), part of what a bill does?"""
    while i > 0 and doc[i - 1].ent_type_ == "DATE":
        i -= 1
    return i > 0 and doc[i - 1].lower_ == "by"


def named_nearby(ctx: Context, tok) -> bool:
    """Is a law of a kind ``tok`` can name set beside it ("SB 5, a bill that ...") or named in
    its sentence or the next three (a lede describes a bill before naming it)?"""
    head = tok.head
    if tok.dep_ == "appos" and ctx.tok_key.get(head.i, "").startswith("law:"):
        return True
    si = ctx.sent_of[tok.i]
    laws = ctx.facts.laws
    kinds = law_nouns()[tok.lower_]
    return any(m.key in laws and law_kind(laws[m.key]) in kinds and
               si - (m.start < tok.i) <= ctx.sent_of[m.start] <= si + 3 and
               not any(e.rule in ("law.purpose", "law.unnamed") for e in laws[m.key].evidence)
               for m in ctx.mentions if m.key.startswith("law:"))


def legislature_of(ctx: Context, tok) -> str | None:
    """The jurisdiction of a legislature named in ``tok``'s sentence (the House passing it)."""
    sent = ctx.sentence(tok)
    for i in range(sent.start, sent.end):
        org = ctx.facts.organizations.get(ctx.tok_key.get(i, ""))
        if org is not None and org.type == "legislature" and org.jurisdiction:
            return org.jurisdiction
    return None


# measures a government imposes on something ("a state-imposed cap on speed cameras")
INSTRUMENTS = frozenset(("cap", "ban", "moratorium", "freeze", "mandate", "limit", "curfew",
                         "tariff", "tariffs", "surcharge", "fee", "tax"))
LEVEL_WORDS = {"federal": "country", "national": "country", "state": "state",
               "statewide": "state", "city": "local", "citywide": "local", "county": "local",
               "municipal": "local"}


def imposed_measures(ctx: Context) -> None:
    """"a state-imposed cap on speed camera installation", "a federal ban on flavored vapes",
    "the city-mandated freeze on rents": a measure on something that a level of government
    imposes is a policy of that government's jurisdiction, named as written."""
    doc = ctx.doc
    for tok in doc:
        if tok.lower_ not in INSTRUMENTS or tok.pos_ != "NOUN" or tok.i in ctx.tok_key or \
                not ctx.in_body(tok) or ctx.quote_of(tok):
            continue
        on = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "on"
                   and any(g.dep_ == "pobj" for g in c.children)), None)
        mod = next((c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i
                    and doc[c.left_edge.i].lower_ in LEVEL_WORDS), None)
        if on is None or mod is None:
            continue
        start, end = mod.left_edge.i, on.right_edge.i + 1
        end = next((i for i in range(on.i + 2, end) if doc[i].ent_type_ in (
            "GPE", "DATE", "TIME")), end)  # "... in Boston", "... until May": where and when
        while end > on.i + 1 and (doc[end - 1].is_punct or doc[end - 1].pos_ == "ADP"):
            end -= 1
        level = LEVEL_WORDS[doc[start].lower_]
        place = ("place:united-states" if "place:united-states" in ctx.facts.places else None) \
            if level == "country" else place_of_level(ctx, tok.i, level)
        name = doc.text_of(start, end)
        new(ctx, name, "policy", place, start, end, tok, "law.imposed", name)


RULING_NOUNS = frozenset(("case", "ruling", "decision", "opinion", "judgment"))
BENCH = frozenset(("judge", "judges", "court", "justice", "justices", "panel"))


def dated_rulings(ctx: Context) -> None:
    """"In a 2019 case, a federal judge in California wrote ...", "in a 2016 ruling, the
    Supreme Court said ...": a ruling named by its year, where a judge or court speaks in its
    sentence, is a court ruling named by the year and the bench ("2019 case (a federal judge
    in California)"), so two documents' "2019 case" stay two rulings."""
    doc = ctx.doc
    for tok in doc:
        if tok.lower_ not in RULING_NOUNS or tok.i in ctx.tok_key or not ctx.in_body(tok) or \
                ctx.quote_of(tok):
            continue
        year = next((c for c in tok.children if c.dep_ in ("nummod", "compound", "amod") and
                     c.text.isdigit() and 1900 <= int(c.text) <= 2100), None)
        det = next((c.lower_ for c in tok.children if c.dep_ == "det"), None)
        if year is None or det not in ("a", "an"):
            continue
        sent = ctx.sentence(tok)
        bench = next((t for t in doc.tokens[sent.start:sent.end] if t.lower_ in BENCH and
                      t.dep_ in ("nsubj", "nsubjpass") and t.i != tok.i), None)
        if bench is None:
            continue
        who = doc.text_of(bench.left_edge.i, bench.right_edge.i + 1)
        name = f"{year.text} {tok.lower_} ({who})"
        new(ctx, name, "court ruling", owner_place(ctx, tok.i), year.i, tok.i + 1, tok,
            "law.dated-ruling", doc.text_of(year.i, tok.i + 1))
