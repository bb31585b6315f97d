"""Laws named in the text: named acts bound to their jurisdiction, executive orders, court cases,
the document itself when it is an order, and generic law nouns owned by a jurisdiction.
Citations by identifier are in citations.py, policies named by their owner in policies.py.

- "Connecticut's Trust Act", "Connecticut ... passed the Trust Act": a named act belongs to a
  jurisdiction, so the same name in two states stays two laws.
- "an executive order on immigration" starts a new order; "the order", "his executive order"
  refer back to the last one.
- "A v. B" is a court ruling.
"""
from __future__ import annotations

import re

from ingest.extract.citations import extract_citations, public_laws
from ingest.extract.context import Context, lexicon
from ingest.extract.law_nodes import (
    GENERIC_LAW,
    add_law,
    char_span_tokens,
    found,
    join_appositions,
    place_of_level,
)
from ingest.extract.law_references import extract_law_references
from ingest.extract.policies import extract_policies

__all__ = ["extract_laws", "extract_policies"]

CASE = re.compile(r"\b((?:[A-Z][\w.&'-]*\s)+(?:of\s(?:[A-Z][\w.'-]*\s)+)?v\.\s(?:[A-Z][\w.'-]*)"
                  r"(?:\s[A-Z][\w.'-]*)*)")
ACT = re.compile(r"\b((?:[A-Z][\w'-]*|of|the|for|and|to|on|To|Of|The|For)\s){0,8}?"
                 r"(?:[A-Z][\w'-]*\s)Act\b(?:\s+of\s+(?:19|20)\d\d\b|\s+for\s+Fiscal\s+Year\s+"
                 r"(?:19|20)\d\d\b)?")
# "division F of the X Act", "title XCIX of the X Act": a part of the act, named by the act
PART_LABEL = re.compile(r"^(?:[A-Z]{1,5}|\d{1,3})\s+of\s+(?:the\s+)?")


def extract_laws(ctx: Context) -> None:
    text = ctx.doc.text
    us = "place:united-states" if "place:united-states" in ctx.facts.places else None
    extract_citations(ctx)
    for m in CASE.finditer(text):
        name = re.sub(r"^(?:The|In|A|An)\s", "", m.group(1))
        found(ctx, m.start(1), m.end(1), name, "court ruling", us, "law.case", None)
    for m in ACT.finditer(text):
        extract_act(ctx, m)
    public_laws(ctx)
    join_appositions(ctx)
    law_acronyms(ctx)
    extract_law_references(ctx)
    extract_orders(ctx, us)
    extract_possessive_laws(ctx)


def law_acronyms(ctx: Context) -> None:
    """"the National Defense Authorization Act (NDAA)": a law named in full and then its
    initials in parentheses is called by the initials afterwards; each later "NDAA" names it."""
    doc = ctx.doc
    for m in [m for m in ctx.mentions if m.key.startswith("law:")]:
        if m.end + 2 >= len(doc) or doc[m.end].text != "(" or doc[m.end + 2].text != ")" or \
                m.key not in ctx.facts.laws:
            continue
        short = doc[m.end + 1].text
        if not (2 <= len(short) <= 8 and short.isalpha() and short.isupper()) or \
                not initials_of(short, doc.text_of(m.start, m.end)):
            continue
        law = ctx.facts.laws[m.key]
        law.add_alias(short)
        for tok in doc.tokens[m.end + 1:]:
            if tok.text == short and tok.i not in ctx.tok_key and ctx.in_body(tok):
                law.evidence.append(ctx.evidence(tok, "law.acronym"))
                ctx.mark(tok.i, tok.i + 1, m.key)


def initials_of(short: str, name: str) -> bool:
    """Are the letters of ``short`` initials of the capitalised words of ``name``, in order,
    starting with the first ("ARRA": American Recovery and Reinvestment Act)?"""
    initials = [w[0] for w in re.findall(r"[A-Za-z][\w'-]*", name) if w[0].isupper()]
    if not initials or initials[0] != short[0]:
        return False
    rest = iter(initials)
    return all(letter in rest for letter in short)


def extract_act(ctx: Context, m: re.Match) -> None:
    doc = ctx.doc
    span = char_span_tokens(ctx, m.start(), m.end())
    if span is None or not ctx.in_body(span[0]):
        return
    if ctx.tok_key.get(span.end - 1, "").startswith("law:"):
        return  # cited already: "Section 287(g) of the X Act" is the section's
    # drop a leading jurisdiction or possessive ("Connecticut's Trust Act"), and a sentence's
    # capitalised first word before "the" ("Unlike the Clean Air Act", "Under the X Act")
    start = lead = span.start
    the = next((t.i for t in span if t.lower_ == "the"), None)
    if the is not None and the > start and not any(
            doc[i].pos_ == "PROPN" or i in ctx.tok_key for i in range(start, the)):
        start = lead = the
    juris = None
    while start < span.end - 1:
        t = doc[start]
        key = ctx.tok_key.get(t.i)
        if key and key.startswith("place:"):
            juris = key
            start += 1
            continue
        if t.lower_ in ("'s", "’s", "the", "a", "an", "'", "’", "of", "for", "and", "to", "on") \
                or t.is_punct:
            start += 1
            continue
        break
    words = doc[start:span.end]
    bare = PART_LABEL.sub("", words.text.strip("“”\"' "))
    bare = standalone_name(doc.text, bare)
    if len(bare.split()) < 2:
        return
    juris = juris or jurisdiction_for(ctx, words)
    jname = ctx.facts.name_of(juris) if juris else None
    starts_with_place = jname and bare.lower().startswith(jname.split(",")[0].lower())
    name = bare if (not jname or starts_with_place or juris == "place:united-states") \
        else f"{jname} {bare}"
    typ = "bill" if re.search(r"\b(would|bill|proposed|sponsor)", ctx.sentence(words[0]).text,
                              re.I) else "statute"
    key = add_law(ctx, name, typ, juris, surface=doc[lead:span.end].text)
    law = ctx.facts.laws[key]
    law.add_alias(bare)
    law.evidence.append(ctx.evidence(words[0], "law.named-act"))
    ctx.mark(span.start, span.end, key)


def standalone_name(text: str, bare: str) -> str:
    """"Justice Department Recovery Act funds", "Local Recovery Act awards": words in front of an
    act that the text also names on its own ("the Recovery Act") qualify it; they are not part
    of its name. The shortest such name of two words or more wins."""
    words = bare.split()
    for n in range(2, len(words)):
        tail = " ".join(words[-n:])
        if re.search(r"\b[Tt]he " + re.escape(tail) + r"\b", text):
            return tail
    return bare


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
        if tok.lower_ == "orders" and not any(c.dep_ == "poss" for c in dets):
            continue  # "relevant executive orders": orders in general, none in particular
        indefinite = any(c.lower_ in ("an", "a", "another") for c in dets)
        topic = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "for",
                                                                               "regarding")]
        start = prev.i
        for c in tok.children:  # "its sanctuary city executive order"
            if c.dep_ in ("amod", "compound") and c.left_edge.i < start and \
                    c.lower_ != "executive":
                start = c.left_edge.i
        end = topic[0].right_edge.i + 1 if topic else purpose_end(doc, tok)
        name = doc.text_of(start, end).replace('"', "").replace("“", "").replace("”", "")
        if tok.lower_ == "orders":
            name = name[:-1] if name.endswith("s") else name
        if latest and not indefinite:
            key = latest
            ctx.facts.laws[key].add_alias(doc[dets[0].i if dets else start: tok.i + 1].text)
        else:
            key = add_law(ctx, name, "executive order", order_place(ctx, tok, us),
                          surface=doc.text_of(start, tok.i + 1) if end > tok.i + 1 else None)
            latest = key
        ctx.facts.laws[key].evidence.append(ctx.evidence(tok, "law.executive-order"))
        ctx.mark(start, tok.i + 1, key)


def purpose_end(doc, tok) -> int:
    """Where what an order does ends ("an executive order barring police from cooperating
    with ICE", "an order that requires masks"): its participle or relative clause, up to a
    comma, dash, date or conjunction; the order noun's end when it has none. Such an order is
    named by it, so two orders of one document or of two documents stay two laws."""
    clause = next((c for c in tok.children if c.i == tok.i + 1 and (
        (c.dep_ == "acl" and c.tag_ == "VBG") or c.dep_ == "relcl")), None)
    if clause is None:
        clause = next((c for c in tok.children if c.dep_ == "relcl" and
                       doc[tok.i + 1].lower_ in ("that", "which")), None)
    if clause is None:
        return tok.i + 1
    end = tok.i + 2
    while end < len(doc) and end - tok.i < 16:
        t = doc[end]
        if t.text in (",", ".", ";", ":", "(", ")") or "—" in t.text or "–" in t.text or \
                t.lower_ in (
                "and", "but", "while", "after", "because") or t.ent_type_ in ("DATE", "TIME"):
            break
        end += 1
    while end > tok.i + 2 and (doc[end - 1].pos_ in ("ADP", "DET", "CCONJ") or
                               doc[end - 1].text in ('"', "“", "”")):
        end -= 1
    return end


def order_place(ctx: Context, tok, us: str | None) -> str | None:
    """A mayor's or governor's executive order is a law of their city or state (the title is
    in the clause that issues it: "Mayor Ann Lee signed an executive order ..."); else it is
    the president's, of the United States."""
    verb = tok.head
    words = {t.lower_ for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "agent")
             for t in c.subtree} | {t.lower_ for c in tok.children if c.dep_ == "poss"
                                     for t in c.subtree}
    for title, level in (("mayor", "local"), ("governor", "state")):
        if title in words:
            return place_of_level(ctx, tok.i, level) or us
    return us


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
