"""Laws referred to without a citation or an "Act" name, by the classes news and legal texts use:

- the document itself when it is an order or memorandum ("By the authority vested in me as
  President ...", "it is hereby ordered", "MEMORANDUM FOR ..."): a law named by the title,
  and "this order" / "this memorandum" refer to it;
- a capitalised name ending in a policy word ("the Drug and Gang Policy", "the Civil Lawsuit
  Monitoring Program", "the Unified Code of Corrections", "the Uniform Guidance", "the Task
  Force model"), and a programme "called" / "known as" a name ("a program called FooStat");
- a state code section ("California Penal Code Section 396");
- a jurisdiction's own laws named by what they are about ("the city's sanctuary laws", "its
  detainer policy", "the state's new voting rules", "Illinois sex crimes statutes");
- a quoted nickname ('the so-called "bathroom bill"');
- a policy named by what it does ("a policy barring arrests at schools");
- sanctions and embargoes on a place ("U.S. sanctions on Iran", "the embargo against Cuba");
- a measure a level of government imposes ("a state-imposed cap on speed cameras");
- a ruling named by its year ("In a 2019 case, a federal judge wrote ...")
  (the last five in law_phrases.py).
Each is a law of its jurisdiction, typed by its head word (lexicon law_heads).
"""
from __future__ import annotations

import re

from ingest.extract.context import Context, lexicon, slug
from ingest.extract.law_nodes import add_law, new, owner_place, place_of_level
from ingest.extract.law_phrases import (
    dated_rulings,
    imposed_measures,
    named_by_what_it_does,
    quoted_nicknames,
    sanctions,
)

# head words that end the name of a policy instrument when capitalised words precede them
NAMED_HEADS = frozenset(("policy", "program", "programme", "initiative", "plan", "guidance",
                         "guidelines", "code", "model", "strategy", "protocol"))
# words that make a name a funding programme or a body, not a policy (grants and bodies own it)
NOT_POLICY = frozenset(("grant", "grants", "fund", "funds", "funding", "assistance", "loan",
                        "loans", "award", "awards", "scholarship", "department", "office",
                        "bureau", "agency", "development", "united", "nations", "volunteer",
                        "administration"))
# heads that may stay lower-case after a capitalised name ("the Task Force model")
LOWER_HEADS = frozenset(("program", "programme", "model", "policy", "initiative", "guidelines"))
LEAD_VAGUE = frozenset(("new", "current", "existing", "proposed", "federal", "state", "local",
                        "former", "national", "city", "county"))
CONNECTORS = frozenset(("and", "of", "for", "&", "-", "on", "the"))
CALLED = frozenset(("called", "named", "dubbed", "known", "titled", "entitled"))
# policy nouns a jurisdiction owns ("the city's sanctuary laws")
OWNED_HEADS = frozenset(("law", "laws", "policy", "policies", "rule", "rules", "ordinance",
                         "ordinances", "statute", "statutes", "regulations", "code"))
# modifiers too generic to name a law by
VAGUE = frozenset(("new", "current", "existing", "proposed", "old", "own", "state", "federal",
                   "local", "other", "such", "similar", "strict", "tough", "tougher", "strong",
                   "stronger", "many", "several", "some", "these", "those", "its", "their",
                   "city", "county", "previous", "latest", "recent", "same", "first", "last"))
DOC_ORDER = re.compile(r"\bBy the authority vested in me as (President|Governor)\b|"
                       r"\bit is hereby ordered\b|^MEMORANDUM FOR\b", re.M)
STATE_CODE = re.compile(r"\b((?:[A-Z][a-z]+\s){1,3})Code,?\s+(?:Section|§|Sec\.)\s*(\d[\w.]*)")


def extract_law_references(ctx: Context) -> None:
    """Every reference class above, in an order where the more specific claims tokens first."""
    document_as_order(ctx)
    state_code_sections(ctx)
    named_policies(ctx)
    owned_by_jurisdiction(ctx)
    quoted_nicknames(ctx)
    named_by_what_it_does(ctx)
    sanctions(ctx)
    imposed_measures(ctx)
    dated_rulings(ctx)


def document_as_order(ctx: Context) -> None:
    """An order or memorandum is itself a law, named by its title; "this order" is it."""
    text = ctx.doc.text
    title = (ctx.document.title or "").strip()
    m = DOC_ORDER.search(text[:4000])
    if not m or not title or len(title.split()) > 20:
        return
    memo = "MEMORANDUM" in m.group(0) or "memorandum" in text[:400].lower()
    governor = m.group(1) == "Governor"
    where = place_of_level(ctx, len(ctx.doc), "state") if governor else None
    place = where or ("place:united-states" if "place:united-states" in ctx.facts.places
                      else None)
    key = add_law(ctx, title, "executive order", place)
    law = ctx.facts.laws[key]
    noun = "memorandum" if memo else "order"
    for tok in ctx.doc:
        if tok.lower_ != noun or tok.i == 0 or tok.i in ctx.tok_key:
            continue
        prev = ctx.doc[tok.i - 1]
        if prev.lower_ == "this":
            law.add_alias(f"{prev.text} {tok.text}")
            law.evidence.append(ctx.evidence(tok, "law.this-document"))
            ctx.mark(prev.i, tok.i + 1, key)


def state_code_sections(ctx: Context) -> None:
    """"California Penal Code Section 396": a section of a state's code, in the state."""
    doc = ctx.doc
    text = doc.text
    if "Code" not in text:
        return
    for m in STATE_CODE.finditer(text):
        span = ctx.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or not ctx.in_body(span[0]):
            continue
        first = next((t.i for t in span if ctx.tok_key.get(t.i, "").startswith("place:")), None)
        place = ctx.tok_key.get(first, "") if first is not None else ""
        if first is None:  # a state the model did not see ("Nevada Penal Code ...")
            first, place = unseen_state(ctx, span)
        if first is None or place == "place:united-states" or doc[first].text == "Code":
            continue
        code = doc.text_of(first, span.end).split(" Code")[0]
        name = f"{code} Code § {m.group(2).rstrip('.')}"
        key = add_law(ctx, name, "statute", place or None, surface=doc.text_of(first, span.end))
        ctx.facts.laws[key].evidence.append(ctx.evidence(span[0], "law.state-code"))
        ctx.mark(first, span.end, key)


def unseen_state(ctx: Context, span) -> tuple[int | None, str]:
    """The token where a state's name opens ``span`` and its place key ("" when the document
    names the state nowhere else), for names the model did not tag as places."""
    from ingest.gazetteer import lookup

    for i in range(min(3, len(span))):
        for n in (2, 1):
            words = span[i:i + n]
            cands = lookup(words.text) if words.text[:1].isupper() else []
            if cands and cands[0].type == "state":
                key = "place:" + slug(cands[0].name)
                return span.start + i, key if key in ctx.facts.places else ""
    return None, ""


def named_policies(ctx: Context) -> None:
    doc = ctx.doc
    heads = lexicon()["law_heads"]
    for tok in doc:
        low = tok.lower_
        if low not in NAMED_HEADS or tok.i in ctx.tok_key or not ctx.in_body(tok):
            continue
        start = name_start(ctx, tok.i)
        end = tok.i + 1
        if low == "code" and tok.text == "Code":  # "the Unified Code of Corrections"
            end = capitalised_run_end(ctx, tok.i + 1)
        if start is None:
            called_name(ctx, tok, heads.get(low, "policy"))
            continue
        words = [t.lower_ for t in doc.tokens[start:end]]
        if NOT_POLICY & set(words) or (tok.text.islower() and (
                end - start < 3 or low not in LOWER_HEADS)):
            continue
        if low in ("program", "programme", "initiative") and funding_context(ctx, tok):
            continue  # a programme paying out money is a grant (grants.py names it)
        if ctx.quote_of(tok) and tok.text.islower():
            continue
        place = ctx.tok_key.get(start, "")
        if not place.startswith("place:"):
            place = owner_place(ctx, start) or ""
        name = doc.text_of(start, end)
        if place and ctx.tok_key.get(start) != place:
            name = f"{ctx.facts.name_of(place)} {name}"
        new(ctx, name, heads.get(low, "policy"), place or None, start, end, tok,
            "law.named-policy", doc.text_of(start, end))


def name_start(ctx: Context, head: int) -> int | None:
    """First token of the capitalised name before ``head`` ("Drug and Gang" Policy), or None
    when no capitalised word (other than a sentence's first) names it."""
    doc = ctx.doc
    i = head - 1
    start = None
    while i >= 0:
        t = doc[i]
        if t.text[:1].isupper() and t.is_alpha and (t.i not in ctx.tok_key or
                                                    ctx.tok_key[t.i].startswith("place:")):
            start = i
        elif t.lower_ in CONNECTORS and start is not None and i > 0 and \
                doc[i - 1].text[:1].isupper():
            pass
        else:
            break
        i -= 1
    if start is None:
        return None
    while start < head and doc[start].lower_ in CONNECTORS:
        start += 1
    first = doc[start]
    if start == head or (first.is_sent_start and start == head - 1) or \
            first.lower_ in LEAD_VAGUE or first.text in ("The", "A", "An", "This") or \
            first.pos_ not in ("PROPN", "NOUN", "ADJ"):
        return None
    return start


def funding_context(ctx: Context, tok) -> bool:
    """Is the programme at ``tok`` about money: an acronym in its name ("JAG Program"), money
    or a grant word in its sentence, or an amount earlier on its line ("$35 million for the
    X Initiative", which the parser may cut into two sentences)?"""
    text = ctx.doc.text
    if re.search(r"\$\s?\d", text[text.rfind("\n", 0, tok.idx) + 1:tok.idx]):
        return True
    sent = ctx.sentence(tok)
    grant_words = frozenset(lexicon()["grant_heads"])
    if any(t.text.isupper() and len(t.text) > 1 for t in ctx.doc.tokens[max(tok.i - 4, 0):tok.i]):
        return True
    return any(t.ent_type_ == "MONEY" or t.lower_ in grant_words for t in ctx.doc.tokens[
        sent.start:sent.end])


def capitalised_run_end(ctx: Context, i: int) -> int:
    """End of "of Corrections", "of Federal Regulations" after a head (or ``i`` when none)."""
    doc = ctx.doc
    if i + 1 < len(doc) and doc[i].lower_ == "of" and doc[i + 1].text[:1].isupper():
        j = i + 1
        while j < len(doc) and doc[j].text[:1].isupper() and doc[j].is_alpha:
            j += 1
        return j
    return i


def called_name(ctx: Context, tok, typ: str) -> None:
    """"a program called FooStat", "a policy known as Safe Passage": the name that follows."""
    doc = ctx.doc
    j = tok.i + 1
    if j >= len(doc) or doc[j].lower_ not in CALLED:
        return
    j += 2 if doc[j].lower_ == "known" and j + 1 < len(doc) and doc[j + 1].lower_ == "as" else 1
    while j < len(doc) and doc[j].text in ("“", '"', "'", "‘"):
        j += 1
    end = j
    while end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha:
        end += 1
    if end > j:
        new(ctx, doc.text_of(j, end), typ, owner_place(ctx, tok.i), j, end, tok, "law.called",
            doc.text_of(j, end))


def owned_by_jurisdiction(ctx: Context) -> None:
    """"the city's sanctuary laws", "its detainer policy", "Illinois sex crimes statutes"."""
    doc = ctx.doc
    heads = lexicon()["law_heads"]
    for tok in doc:
        if tok.lower_ not in OWNED_HEADS or tok.i in ctx.tok_key or tok.pos_ != "NOUN" or \
                not ctx.in_body(tok):
            continue
        if tok.lower_ in ("policies", "rules") and any(
                c.dep_ == "poss" and c.lower_ == "its" for c in tok.children):
            continue  # "over its immigration policies": a practice in general, not one law
        i = tok.i - 1
        mods: list[int] = []
        while i >= 0 and (doc[i].pos_ in ("NOUN", "ADJ", "PROPN") or doc[i].tag_ == "VBG") \
                and doc[i].dep_ in ("compound", "amod", "nmod") and i not in ctx.tok_key:
            mods.append(i)
            i -= 1
        content = [j for j in mods if doc[j].lower_ not in VAGUE]
        if not content or not any(doc[j].text.islower() for j in content):
            continue
        place, first = owner_of(ctx, min(mods), i)
        if place is None:
            continue
        head = singular(tok.lower_)
        name = f"{ctx.facts.name_of(place)} {doc.text_of(min(content), tok.i)} {head}"
        new(ctx, name, heads.get(head, "statute"), place, first, tok.i + 1, tok,
            "law.jurisdiction-owned", doc.text_of(first, tok.i + 1))


def owner_of(ctx: Context, start: int, i: int) -> tuple[str | None, int]:
    """The jurisdiction owning the law whose modifiers start at ``start`` (token ``i`` is the
    one before them: a place, its "'s", "its"), and where the whole reference starts."""
    doc = ctx.doc
    if i < 0:
        return None, start
    if doc[i].text in ("'s", "’s") and i > 0:
        i -= 1
    key = ctx.tok_key.get(i, "")
    if key.startswith("place:") and key != "place:united-states":
        first = i
        while first > 0 and ctx.tok_key.get(first - 1) == key:
            first -= 1
        return key, first
    place = owner_place(ctx, start)
    if place is None:
        return None, start
    return place, (i if doc[i].lower_ == "its" else max(i, 0))


def singular(word: str) -> str:
    return {"laws": "law", "policies": "policy", "rules": "rule", "ordinances": "ordinance",
            "statutes": "statute", "regulations": "regulation"}.get(word, word)
