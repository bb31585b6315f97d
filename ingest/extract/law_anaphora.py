"""Laws referred to by a definite common noun ("the bill", "this measure", "the ordinance"):
which named law such a noun stands for, and the law a document is about when it never names
it ("The council voted 28-20 for the legislation ... The bill takes effect in May").

The event extractor asks which law an event is about (event_links.py); the law extractor
creates the one unnamed law of a document (policies.py runs it last, when every named law and
body is known)."""
from __future__ import annotations

import re
from functools import lru_cache

from ingest.extract.context import Context
from ingest.extract.law_nodes import add_law, merge_law, nearest_place
from ingest.gazetteer import data_lines

DETERMINERS = frozenset(("the", "this", "that", "these", "those"))
# nouns that stand for one bill or ordinance under debate (not "the law": the law in general)
DEBATED = frozenset(("bill", "legislation", "measure", "ordinance"))
# headline verbs that take the law they report on as object ("Council Passes Bag Fee")
HEADLINE_VERB = re.compile(
    r"\b(?:Pass(?:es|ed)?|Approves?|Approved|Adopts?|Adopted|Enacts?|Enacted|Signs?|Signed|"
    r"Vetoes|Vetoed|Backs?|Rejects?|Rejected|Introduces?|Introduced|Unveils?|Unveiled|"
    r"Proposes?|Proposed|Advances?|Advanced|Votes? (?:[Oo]n|[Ff]or|[Aa]gainst|[Tt]o)|OKs?)"
    r"\s+(.+)$")


@lru_cache(maxsize=1)
def law_nouns() -> dict[str, list[str]]:
    """data/law_anaphors.tsv: a definite law noun -> the law types it can name, best first."""
    return {row[0]: row[1].split(",") for row in data_lines("law_anaphors.tsv")}


def law_kind(law) -> str:
    """A law's type for anaphora: a code section ("8 U.S.C. § 1373") is "the law" or "the
    statute", never "the bill" or "the measure"; a constitutional provision is none of them
    ("blocked the state's law, ruling that the measure violates the Fourteenth Amendment")."""
    if law.name.startswith("U.S. Const"):
        return "constitution"
    return "code section" if "§" in law.name else law.type


def anaphor_noun(ctx: Context, t) -> bool:
    """Is ``t`` a definite law noun that refers to a law rather than naming one: "the bill",
    "this measure", a bare "legislation"; not part of a name, a modifier or a quotation."""
    if noun_of(t) not in law_nouns() or t.i in ctx.tok_key or \
            t.pos_ != "NOUN" or t.dep_ in ("compound", "amod", "nmod") or ctx.quote_of(t):
        return False
    det = determiner(t)
    return det in DETERMINERS or (det is None and t.lower_ == "legislation")


def noun_of(t) -> str:
    """The law noun ``t`` is: itself, or the singular of "the two bills", "both measures"."""
    return t.lemma_.lower() if t.tag_ == "NNS" else t.lower_


def determiner(t) -> str | None:
    """"the", "this"; for a plural also "both" and a number ("Two bills ... are headed to
    the governor": the bills the text names next)."""
    det = next((c.lower_ for c in t.children if c.dep_ in ("det", "predet")), None)
    if t.tag_ == "NNS" and (det in (None, "both") and any(
            c.dep_ == "nummod" or c.lower_ == "both" for c in t.children)):
        return "the"
    return det


def antecedent(ctx: Context, t) -> str | None:
    """The law a definite law noun ``t`` refers to. News names a law once and then says "the
    bill"; the nearest law named before it of a type the noun can name is meant. A lede
    describes a bill before naming it ("the Assembly passed legislation that would ..." ...
    "the Liberty Act would ..."), so with nothing before, the first law named in the next
    three sentences is; failing both, the one law of the document whose name ends in the
    same noun ("the policy" ... "the county's detainer policy")."""
    types = law_nouns()[noun_of(t)]
    det = determiner(t)
    i = t.i
    laws = ctx.facts.laws
    named = [(types.index(kind), m) for m in ctx.mentions if m.key in laws and
             (kind := law_kind(laws[m.key])) in types]
    # a law whose name has the noun ("the sanctions": the sanctions, not the embargo named
    # since), then the first kind the noun names best ("the bill": a bill before a statute)
    word = noun_of(t)
    said = {m.key: int(not any(w.startswith(word) for w in laws[m.key].name.lower().split()))
            for _, m in named}
    before = [(said[m.key], rank, -m.start, m.key) for rank, m in named
              if i - 600 <= m.start < i]
    if before:
        return min(before)[3]
    last = ctx.sent_of[i] + 3
    after = [(said[m.key], rank, m.start, m.key) for rank, m in named
             if m.start > i and ctx.sent_of[m.start] <= last]
    if after and det in ("the", None):
        return min(after)[3]
    if det != "the":
        return None
    same = {m.key for _, m in named if laws[m.key].name.lower().split()[-1] == noun_of(t)}
    return same.pop() if len(same) == 1 else None


def unnamed_law(ctx: Context) -> str | None:
    """The bill or ordinance a document reports on without ever naming it: two or more
    definite "the bill" / "the legislation" / "the measure" with no named law to stand for,
    and a headline that says what was passed ("Council Passes Five Cent Bag Fee"). It is a
    law of the legislature's jurisdiction, named by the headline's object; every such noun
    of the document refers to it."""
    doc = ctx.doc
    if any(law.type in ("bill", "statute", "ordinance") for law in ctx.facts.laws.values()):
        return None
    nouns = [t for t in doc if t.lower_ in DEBATED and ctx.in_body(t) and anaphor_noun(ctx, t)
             and determiner(t) is not None]
    if len(nouns) < 2:
        return None
    topic = headline_topic(ctx.document.title or "")
    if topic is None:
        return None
    place = legislature_place(ctx) or nearest_place(ctx, nouns[0].i)
    head = "ordinance" if any(t.lower_ == "ordinance" for t in nouns) else "bill"
    said = topic.lower().split()
    words = topic if said[0] in law_nouns() or said[-1] in law_nouns() else f"{topic} {head}"
    name = f"{ctx.facts.name_of(place)} {words}" if place else words
    key = add_law(ctx, name, head, place)
    law = ctx.facts.laws[key]
    year = (ctx.document.date or "")[:4]
    law.year = int(year) if year.isdigit() else None
    for t in doc:
        if t.lower_ in DEBATED and ctx.in_body(t) and anaphor_noun(ctx, t):
            law.evidence.append(ctx.evidence(t, "law.unnamed"))
            ctx.mark(t.i, t.i + 1, key)
    return key


def headline_topic(title: str) -> str | None:
    """What a headline says was passed, signed or proposed ("New York City Council Narrowly
    Passes Five Cent Plastic Bag Fee" -> "Five Cent Plastic Bag Fee"), up to a break."""
    m = HEADLINE_VERB.search(title.strip())
    if m is None:
        return None
    topic = re.split(r"\s*(?:[:;,.!?|(—–]| - | [Aa]fter | [Ii]n | [Oo]n [A-Z]| [Aa]s )",
                     m.group(1))[0]
    topic = re.sub(r"^(?:[Aa]n?|[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+", "", topic).strip()
    words = topic.split()
    return topic if 1 <= len(words) <= 8 and words[0][:1].isupper() else None


def legislature_place(ctx: Context) -> str | None:
    """The jurisdiction of the first legislature the document names (a city council's city,
    a state assembly's state), where a bill under debate belongs."""
    for m in sorted(ctx.mentions, key=lambda m: m.start):
        org = ctx.facts.organizations.get(m.key)
        if org is not None and org.type == "legislature" and org.jurisdiction:
            return org.jurisdiction
    return None


NAMING = frozenset(("known", "called", "dubbed", "titled", "entitled", "named"))


def known_as(ctx: Context) -> None:
    """"H.R. 2 ... The bill, known as the Farm Security Act, ...", "Senate Bill 10, also called
    the Clean Lakes Act": a law (or a definite noun for one) said to be known by a name is the
    law of that name; the named one keeps its name, the other becomes another of its names."""
    doc = ctx.doc
    for tok in doc:
        if tok.lower_ not in NAMING or tok.i < 2:
            continue
        after = tok.i + 1 + (tok.lower_ == "known" and tok.i + 1 < len(doc) and
                             doc[tok.i + 1].lower_ == "as")
        if after < len(doc) and doc[after].lower_ == "the":
            after += 1
        named = ctx.tok_key.get(after, "")
        before = tok.i - 1 - (doc[tok.i - 1].lower_ == "also")
        if doc[before].text != "," or named not in ctx.facts.laws:
            continue
        prev = doc[before - 1]
        other = ctx.tok_key.get(prev.i, "")
        if not other.startswith("law:") and prev.pos_ == "NOUN" and anaphor_noun(ctx, prev):
            other = antecedent(ctx, prev) or ""
        if other in ctx.facts.laws and other != named:
            merge_law(ctx, other, named)
