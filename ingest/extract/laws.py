"""Laws: code citations, named acts bound to their jurisdiction, executive orders, court cases.

- "8 U.S.C. 1373", "8 U.S.C. § 1373" -> one canonical form "8 U.S.C. § 1373"; "section 1373"
  joins it when the text is about the U.S. Code (a cited title, or data/usc_sections.tsv, a
  short table of well-known sections, gives the title number).
- "Connecticut's Trust Act", "Connecticut ... passed the Trust Act": a named act belongs to a
  jurisdiction, so the same name in two states stays two laws.
- "an executive order on immigration" starts a new order; "the order", "his executive order"
  refer back to the last one.
- "A v. B" is a court ruling.
"""
from __future__ import annotations

import re

from ingest.extract.context import Context, lexicon, slug
from ingest.gazetteer import data_lines
from kb.facts import Law

USC = re.compile(r"\b(\d{1,2})\s+U\.?\s?S\.?\s?C(?:ode)?\.?\s*(?:§+|[Ss]ec(?:tion|\.)?)?\s*"
                 r"(\d{1,5}[a-z]?)")
SECTION = re.compile(r"\b[Ss]ection\s+(\d{3,5}[a-z]?)\b")
CASE = re.compile(r"\b((?:[A-Z][\w.&'-]*\s)+(?:of\s(?:[A-Z][\w.'-]*\s)+)?v\.\s(?:[A-Z][\w.'-]*)"
                  r"(?:\s[A-Z][\w.'-]*)*)")
ACT = re.compile(r"\b((?:[A-Z][\w'-]*|of|the|for|and|to|on|To|Of|The|For)\s){0,8}?"
                 r"(?:[A-Z][\w'-]*\s)Act\b")
EO_NUM = re.compile(r"\bExecutive Order\s+(?:No\.\s*)?(\d{5})\b")
GENERIC_LAW = {"law", "bill", "legislation", "measure", "ordinance", "statute"}


def usc_titles() -> dict[str, str]:
    return {row[0]: row[1] for row in data_lines("usc_sections.tsv")}


def add_law(ctx: Context, name: str, typ: str, jurisdiction: str | None = None,
            year: int | None = None, surface: str | None = None, key: str | None = None) -> str:
    key = key or "law:" + slug(name)
    law = ctx.facts.laws.get(key)
    if law is None:
        law = Law(key, name, type=typ, jurisdiction=jurisdiction, year=year)
        ctx.facts.laws[key] = law
    if surface:
        law.add_alias(surface)
    return key


def char_span_tokens(ctx: Context, start: int, end: int):
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return span


def extract_laws(ctx: Context) -> None:
    text = ctx.doc.text
    us = "place:united-states" if "place:united-states" in ctx.facts.places else None
    cited_titles = {m.group(2): m.group(1) for m in USC.finditer(text)}
    code_context = bool(cited_titles) or bool(re.search(r"U\.?S\.? Code|United States Code",
                                                       text))
    known = usc_titles()
    for m in USC.finditer(text):
        name = f"{m.group(1)} U.S.C. § {m.group(2)}"
        found(ctx, m.start(), m.end(), name, "statute", us, "law.usc", m.group(0))
    for m in SECTION.finditer(text):
        sec = m.group(1)
        title = cited_titles.get(sec) or (known.get(sec) if code_context else None)
        if title:
            found(ctx, m.start(), m.end(), f"{title} U.S.C. § {sec}", "statute", us,
                  "law.usc-section", m.group(0))
    for m in EO_NUM.finditer(text):
        found(ctx, m.start(), m.end(), f"Executive Order {m.group(1)}", "executive order", us,
              "law.eo-number", m.group(0))
    for m in CASE.finditer(text):
        name = re.sub(r"^(?:The|In|A|An)\s", "", m.group(1))
        found(ctx, m.start(1), m.end(1), name, "court ruling", us, "law.case", None)
    for m in ACT.finditer(text):
        extract_act(ctx, m)
    extract_orders(ctx, us)
    extract_possessive_laws(ctx)


def found(ctx: Context, start: int, end: int, name: str, typ: str, jurisdiction: str | None,
          rule: str, surface: str | None) -> str | None:
    span = char_span_tokens(ctx, start, end)
    if span is None or not ctx.in_body(span[0]):
        return None
    key = add_law(ctx, name, typ, jurisdiction, surface=surface)
    ctx.facts.laws[key].evidence.append(ctx.evidence(span[0], rule))
    ctx.mark(span.start, span.end, key)
    return key


def extract_act(ctx: Context, m: re.Match) -> None:
    doc = ctx.doc
    span = char_span_tokens(ctx, m.start(), m.end())
    if span is None or not ctx.in_body(span[0]):
        return
    # drop a leading jurisdiction or possessive ("Connecticut's Trust Act")
    start = span.start
    juris = None
    while start < span.end - 1:
        t = doc[start]
        key = ctx.tok_key.get(t.i)
        if key and key.startswith("place:"):
            juris = key
            start += 1
            continue
        if t.lower_ in ("'s", "’s", "the", "The", "a", "an", "'", "’") or t.is_punct:
            start += 1
            continue
        break
    words = doc[start:span.end]
    if len(words) < 2 and not juris:
        pass
    bare = words.text.strip("“”\"' ")
    if len(bare.split()) < 2:
        return
    juris = juris or jurisdiction_for(ctx, words)
    jname = ctx.facts.name_of(juris) if juris else None
    starts_with_place = jname and bare.lower().startswith(jname.split(",")[0].lower())
    name = bare if (not jname or starts_with_place or juris == "place:united-states") \
        else f"{jname} {bare}"
    typ = "bill" if re.search(r"\b(would|bill|proposed|sponsor)", ctx.sentence(words[0]).text,
                              re.I) else "statute"
    key = add_law(ctx, name, typ, juris, surface=doc[span.start:span.end].text)
    law = ctx.facts.laws[key]
    law.add_alias(bare)
    law.evidence.append(ctx.evidence(words[0], "law.named-act"))
    ctx.mark(span.start, span.end, key)


def jurisdiction_for(ctx: Context, words) -> str | None:
    """The jurisdiction of an act named without one: the place that is the subject of the
    clause ("Connecticut passed the Trust Act"); else a place in the same sentence that does not
    already own an act of this name; else the jurisdiction of an earlier act of this name."""
    sent = ctx.sentence(words[0])
    bare = words.text.strip("“”\"' ").lower()
    owners = {law.jurisdiction for law in ctx.facts.laws.values()
              if law.name.lower().endswith(bare)}
    head = words[-1]
    verb = head.head
    while verb.dep_ not in ("ROOT",) and verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            key = ctx.tok_key.get(child.i)
            if key and key.startswith("place:"):
                return key
    here = [ctx.tok_key.get(t.i) for t in sent if ctx.tok_key.get(t.i, "").startswith("place:")]
    for key in here:
        if key not in owners and key != "place:united-states" and any(
                law.jurisdiction for law in ctx.facts.laws.values()
                if law.name.lower().endswith(bare)):
            return key
    for law in reversed(list(ctx.facts.laws.values())):
        if law.name.lower().endswith(bare) and law.jurisdiction:
            return law.jurisdiction
    return None


def extract_orders(ctx: Context, us: str | None) -> None:
    """Executive orders without a number: an indefinite mention opens a new one, a definite or
    possessive one refers to the latest."""
    doc = ctx.doc
    latest: str | None = None
    for tok in doc:
        if tok.lower_ not in ("order", "orders") or not ctx.in_body(tok):
            continue
        prev = doc[tok.i - 1] if tok.i else None
        if prev is None or prev.lower_ != "executive":
            if prev is not None and tok.lower_ == "order":
                named_order(ctx, tok, us)
            continue
        if tok.i in ctx.tok_key:
            latest = ctx.tok_key[tok.i]
            continue
        dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
        indefinite = any(c.lower_ in ("an", "a", "another") for c in dets)
        topic = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "for",
                                                                               "regarding")]
        start = prev.i
        for c in tok.children:
            if c.dep_ in ("amod", "compound") and c.i < start and c.lower_ != "executive":
                start = c.i
        name_toks = doc[start: tok.i + 1]
        if topic:
            name_toks = doc[start: topic[0].right_edge.i + 1]
        name = name_toks.text
        if tok.lower_ == "orders":
            name = name[:-1] if name.endswith("s") else name
        if latest and not indefinite:
            key = latest
            ctx.facts.laws[key].add_alias(doc[dets[0].i if dets else start: tok.i + 1].text)
        else:
            key = add_law(ctx, name, "executive order", us)
            latest = key
        ctx.facts.laws[key].evidence.append(ctx.evidence(tok, "law.executive-order"))
        ctx.mark(start, tok.i + 1, key)


def named_order(ctx: Context, tok, us: str | None) -> None:
    """"Trump's order for a border wall": a named person's order on a stated subject is an
    executive order of its own (an order about something else than the ones named so far).
    A judge's or court's order is a ruling, and is not this rule's business."""
    doc = ctx.doc
    poss = [c for c in tok.children if c.dep_ == "poss"]
    topic = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "on",
                                                                          "regarding")]
    if not poss or not topic or tok.i in ctx.tok_key or not ctx.in_body(tok):
        return
    owner = poss[0]
    if owner.pos_ != "PROPN" or not owner.text[:1].isupper() or owner.i in ctx.tok_key:
        return
    if any(t.lower_ in ("judge", "court", "justice", "jury") for t in ctx.sentence(tok)):
        return
    about = doc[topic[0].i + 1: topic[0].right_edge.i + 1].text.lower()
    if any(about in law.name.lower() for law in ctx.facts.laws.values()):
        return
    start = owner.left_edge.i
    name = doc[start: topic[0].right_edge.i + 1].text
    key = add_law(ctx, name, "executive order", us, surface=name)
    ctx.facts.laws[key].evidence.append(ctx.evidence(tok, "law.named-order"))
    # not marked as a mention: the event extractor gives a sentence's neighbours the law
    # mentioned next door, and an order named in passing is seldom what they are about


def extract_possessive_laws(ctx: Context) -> None:
    """"NYC's detainer law", "Maryland's bill": a generic law noun owned by a jurisdiction.
    It joins the latest named act of that jurisdiction when there is one."""
    doc = ctx.doc
    for tok in doc:
        if tok.lower_ not in GENERIC_LAW or tok.i in ctx.tok_key or not ctx.in_body(tok):
            continue
        owner = None
        start = tok.i
        for c in tok.children:
            if c.dep_ in ("poss", "compound", "nmod") and c.i < tok.i:
                key = ctx.tok_key.get(c.i)
                if key and key.startswith("place:") and key != "place:united-states":
                    owner = key
                    start = min(start, c.left_edge.i)
            elif c.dep_ in ("amod", "compound") and c.i < tok.i and owner is None:
                pass
        if not owner:
            continue
        while start < tok.i and doc[start].lower_ in ("the", "a", "an"):
            start += 1
        surface = doc[start: tok.i + 1].text
        same = [law for law in ctx.facts.laws.values() if law.jurisdiction == owner
                and law.type in ("statute", "bill")]
        if same:
            key = same[-1].key
            ctx.facts.laws[key].add_alias(surface)
        else:
            key = add_law(ctx, surface.replace("’s", "").replace("'s", ""),
                          lexicon()["law_heads"].get(tok.lower_, "statute"), owner,
                          surface=surface)
        ctx.facts.laws[key].evidence.append(ctx.evidence(tok, "law.possessive"))
        ctx.mark(start, tok.i + 1, key)


# nouns that name a policy instrument when someone owns or names it ("the governor's budget",
# "the mayor's travel ban", "the Safe Routes initiative"); bare, they are too generic to keep
POLICY_HEADS = {"law", "bill", "legislation", "ordinance", "statute", "policy", "guidelines",
                "initiative", "budget", "ban"}


def extract_policies(ctx: Context) -> None:
    """Policies, budgets, bans and rulings news names by their owner or a proper name:
    - "<person|body>'s [modifiers] budget|ban|policy|law ..." (owner: a named person or body, or
      "his"/"her" for the person last named);
    - "<Proper Name> initiative|policy|guidelines" ("the Clean Streets initiative");
    - an injunction is a court ruling ("a federal judge granted a nationwide injunction").
    The name is the phrase as written (plus what the law does: "his law raising the fine").
    Runs after people are known, since owners are often people."""
    from ingest.extract.known import pronoun_antecedent

    doc = ctx.doc
    us = "place:united-states" if "place:united-states" in ctx.facts.places else None
    grant_conditions(ctx, us)
    heads = lexicon()["law_heads"]
    owned: dict[tuple[str, str], str] = {}
    for tok in doc:
        low = tok.lower_
        if tok.pos_ != "NOUN" or tok.i in ctx.tok_key or not ctx.in_body(tok) or \
                ctx.quote_of(tok):
            continue
        if low == "injunction":
            start = min([c.left_edge.i for c in tok.children if c.dep_ in ("amod", "compound")]
                        + [tok.i])
            end = tok.i + 1
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "against":
                    end = c.right_edge.i + 1
            add_policy(ctx, doc[start:end].text, "court ruling", us, start, tok.i + 1, tok)
            continue
        if low not in POLICY_HEADS:
            continue
        mods = [c for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod")
                and c.i < tok.i]
        owner = None
        start = tok.i
        for c in mods:
            key = ctx.tok_key.get(c.i)
            if c.dep_ == "poss" and key and key.startswith(("person:", "org:", "place:")):
                owner = key
            elif c.dep_ == "poss" and c.lower_ in ("his", "her"):
                owner = pronoun_antecedent(ctx, c.i, c.lower_)
            elif c.dep_ in ("compound", "nmod") and key and key.startswith(("person:", "org:")):
                owner = key  # "Obama administration guidelines"
            start = min(start, c.left_edge.i)
        for c in tok.children:  # "the budget proposed by the governor"
            if c.dep_ == "acl" and owner is None:
                for g in c.children:
                    if g.dep_ == "agent":
                        keys = ctx.keys_in(list(g.subtree))
                        owner = next((k for k in keys if k.startswith(("person:", "org:"))),
                                     None)
        named = [c for c in mods if c.dep_ == "compound" and c.pos_ == "PROPN"
                 and c.text[:1].isupper() and c.i not in ctx.tok_key]
        if owner is None and not (named and low in ("initiative", "policy", "guidelines")):
            continue
        if owner and owner.startswith("place:") and low in GENERIC_LAW:
            continue  # "NYC's law" is extract_possessive_laws' business
        if low == "budget" and owner and owner.startswith("org:"):
            continue  # an office's operating budget is money, not a budget bill
        if any((ctx.tok_key.get(c.i) or "").startswith("law:") for c in tok.children
               if c.dep_ == "appos") or (tok.dep_ == "appos" and (
                ctx.tok_key.get(tok.head.i) or "").startswith("law:")):
            continue  # "another Smith bill, the Clean Air Act": the named act itself
        same = owned.get((owner, low)) if owner else None
        if same:  # "the governor's budget" again: the same budget
            law = ctx.facts.laws[same]
            law.add_alias(doc[start:tok.i + 1].text)
            law.evidence.append(ctx.evidence(tok, "law.policy"))
            ctx.mark(tok.i, tok.i + 1, same)
            continue
        end = tok.i + 1
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        for c in tok.children:
            if c.dep_ in ("acl", "relcl") and c.i > tok.i and not any(
                    g.dep_ == "agent" for g in c.children):
                end = c.right_edge.i + 1
        if end == tok.i + 1 and nxt is not None and nxt.tag_ == "VBG" and nxt.dep_ == "advcl":
            end = nxt.right_edge.i + 1  # "his law raising the fine", attached to the verb
        for i in range(tok.i + 1, end):  # "... on Tuesday in Albany" is when and where, not what
            if doc[i].ent_type_ in ("DATE", "TIME", "GPE") or doc[i].dep_ == "npadvmod":
                end = i
                break
        while end > tok.i + 1 and doc[end - 1].pos_ in ("ADP", "DET", "CCONJ", "PUNCT"):
            end -= 1
        surface = doc[start:end].text
        while start < tok.i and (doc[start].lower_ in ("the", "a", "an", "his", "her", "its",
                                                       "their") or doc[start].is_punct):
            start += 1
        name = doc[start:end].text.replace("’s", "").replace("'s", "")
        key = add_policy(ctx, name, heads.get(low, "policy"), owner if owner and
                         owner.startswith("place:") else None, start, tok.i + 1, tok, surface)
        if key and owner:
            owned[(owner, low)] = key


def add_policy(ctx: Context, name: str, typ: str, jurisdiction: str | None, start: int,
               end: int, tok, surface: str | None = None) -> str | None:
    if len(name.split()) < 2 or tok.i in ctx.tok_key:
        return None
    key = add_law(ctx, name, typ, jurisdiction, surface=surface or ctx.doc[start:end].text)
    ctx.facts.laws[key].evidence.append(ctx.evidence(tok, "law.policy"))
    ctx.mark(start, end, key)
    return key


# nouns for the terms a funder sets on its money
ATTACHING = frozenset(("attach", "impose", "place", "put", "set", "add", "tie"))
CONDITION_NOUNS = frozenset(("conditions", "requirements", "restrictions", "strings",
                             "stipulations"))


def grant_conditions(ctx: Context, us: str | None) -> None:
    """"attach conditions to the Byrne grant", "new requirements for federal funds": the terms
    set on a grant are a policy of their own; "these conditions" later is the same policy."""
    doc = ctx.doc
    grant_heads = frozenset(lexicon()["grant_heads"])
    latest: str | None = None
    for tok in doc:
        if tok.lower_ not in CONDITION_NOUNS or tok.pos_ != "NOUN" or tok.i in ctx.tok_key:
            continue
        if not ctx.in_body(tok) or ctx.quote_of(tok):
            continue
        holders = [tok]
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in ATTACHING:
            holders.append(tok.head)  # "attach conditions to the grant": "to" hangs on the verb
        preps = [c for h in holders for c in h.children if c.dep_ == "prep"
                 and c.lower_ in ("to", "on", "for") and c.i > tok.i]
        objs = [g for p in preps for g in p.children if g.dep_ == "pobj"
                and g.lower_ in grant_heads]
        if objs:
            name = f"{tok.text} {doc[objs[0].head.i: objs[0].i + 1].text}"
            latest = add_law(ctx, name, "policy", us, surface=name)
            ctx.facts.laws[latest].evidence.append(ctx.evidence(tok, "law.grant-conditions"))
            ctx.mark(tok.i, tok.i + 1, latest)
        elif latest and any(c.dep_ == "det" and c.lower_ in ("these", "the", "those")
                            for c in tok.children):
            law = ctx.facts.laws[latest]
            law.add_alias(doc[tok.i - 1: tok.i + 1].text)
            law.evidence.append(ctx.evidence(tok, "law.grant-conditions"))
            ctx.mark(tok.i, tok.i + 1, latest)
