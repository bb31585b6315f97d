"""Citations: every way legal texts and news cite a law by its identifier, each normalised to
one name so the same provision is one node across documents.

- U.S. Code: "8 U.S.C. 1373", "8 U.S.C. § 1373", "section 551 of title 5, United States Code"
  -> "8 U.S.C. § 1373"; "section 1373" alone when the text is about the Code.
- Code of Federal Regulations: "2 CFR 200.340(a)", "2 C.F.R. § 200.1", "part 200 of title 2,
  Code of Federal Regulations" -> "2 C.F.R. § 200.340(a)" (the section kept with its paragraph).
- Public Laws and the Statutes at Large: "Public Law 116-283", "Pub. L. No. 116-283",
  "123 Stat. 115"; right after a named act ("the CHIPS Act of 2022 (Public Law 117-167)") they
  are that act's identifier, not a second law.
- Executive orders by number: "Executive Order 14159", "E.O. 13768", "Executive Order No. 13768";
  a state governor's numbering ("Executive Order N-44-20") belongs to the document's state.
- The Constitution, its articles, named clauses (data/constitution.tsv) and amendments, in one
  citation form ("U.S. Const. amend. X").
- Bills and local laws by number (data/bill_prefixes.tsv): "SB 1196" = "Senate Bill 1196" of
  the state the text is about, "H.R. 5" and "S. 1234" of Congress, "Local Law 97 of 2019" and
  "Int. No. 209" of the city.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ingest.extract.context import Context
from ingest.extract.law_nodes import char_span_tokens, found, place_of_level
from ingest.gazetteer import data_lines

USC = re.compile(r"\b(\d{1,2})\s+U\.?\s?S\.?\s?C(?:ode)?\.?\s*(?:§+|[Ss]ec(?:tion|\.)?)?\s*"
                 r"(\d{1,5}[a-z]?)")
SECTION = re.compile(r"\b[Ss]ection\s+(\d{3,5}[a-z]?)\b")
SUB = r"(?:\([a-z0-9]{1,4}\))*"
TITLE_OF = re.compile(r"\b[Ss]ection\s+(\d{1,5}[a-z]?)(" + SUB + r")\s+of\s+[Tt]itle\s+(\d{1,2}),?"
                      r"\s+(?:of\s+the\s+)?(United States Code|Code of Federal Regulations)")
PART_OF = re.compile(r"\b[Pp]art\s+(\d{1,4})\s+of\s+[Tt]itle\s+(\d{1,2}),?\s+(?:of\s+the\s+)?"
                     r"Code of Federal Regulations")
CFR = re.compile(r"\b(\d{1,2})\s+C\.?\s?F\.?\s?R\.?\s*(?:[Pp]art\s+|§+\s*|[Ss]ec(?:tion|\.)?\s*)?"
                 r"(\d{1,4}(?:\.\d{1,5}[a-z]?)?)(" + SUB + r")")
PUBLIC_LAW = re.compile(r"\b(?:Public Law|Pub\.\s?L\.)\s*(?:No\.\s*)?(\d{2,3})\s?[-–]\s?"
                        r"(\d{1,3})\b")
STATUTES = re.compile(r"\b(\d{1,3})\s+Stat\.\s+(\d{1,5})\b")
EO = re.compile(r"\b(?:Executive Order|E\.\s?O\.)\s+(?:No\.\s*)?(\d{5})\b")
STATE_EO = re.compile(r"\bExecutive Order\s+(?:No\.\s*)?([A-Z]{1,3}-?\d{1,3}-\d{2}|\d{4}-\d{1,3}|"
                      r"[A-Z]{2,4}\s?\d{4}-\d{1,3})\b")
EO_TITLE = re.compile(r"\s*(?:of\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\s*)?\(([A-Z][^()]{5,120})\)")
SECTION_OF_ACT = re.compile(r"\b[Ss]ection\s+(\d{1,4}[A-Za-z]?(?:\([a-z0-9]{1,4}\))*)\s+of\s+the\s+"
                            r"((?:[A-Z][\w'-]*\s(?:(?:of|and|the|for|to|on)\s)?){1,8}Act"
                            r"(?:\s+of\s+(?:19|20)\d\d)?)")
ROMAN = r"[IVX]{1,4}"
ORDINALS = ("First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth",
            "Tenth", "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth", "Sixteenth",
            "Seventeenth", "Eighteenth", "Nineteenth", "Twentieth", "Twenty-First",
            "Twenty-Second", "Twenty-Third", "Twenty-Fourth", "Twenty-Fifth", "Twenty-Sixth",
            "Twenty-Seventh")
AMENDMENT = re.compile(r"\b(" + "|".join(ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))\s+Amendment\b",
                       re.I)
ARTICLE = re.compile(r"\bArticle\s+(" + ROMAN + r")(?:,?\s+(?:Section|§)\s*(\d{1,2}))?"
                     r"(?:,?\s+(?:Clause|cl\.)\s*(\d{1,2}))?")
CONSTITUTION = re.compile(r"\b(?:the\s+)?(U\.S\.\s+|United States\s+|federal\s+|US\s+)?"
                          r"Constitution\b")
# documents with articles of their own: an "Article II" beside them is not the Constitution's
OTHER_CHARTER = re.compile(r"\b(?:[Tt]reat(?:y|ies)|[Aa]greements?|[Cc]onventions?|[Cc]ontracts?|"
                           r"[Cc]harters?|[Cc]ompacts?|[Bb]ylaws|[Aa]ccords?|[Pp]rotocols?|"
                           r"[Cc]odes?|[Oo]rdinances?|[Ll]ease|[Ss]tate [Cc]onstitution)\b")
STATE_CONSTITUTION = re.compile(r"\b(?!The\b|United\b|Federal\b)[A-Z][a-z]+(?:'s|’s)? "
                                r"Constitution\b|\b[Ss]tate(?:'s|’s)? [Cc]onstitution\b")
STATE_OWNER = re.compile(r"(?:[Ss]tate(?:'s|’s)?|(?!The\s)[A-Z][a-z]+(?:'s|’s)?)\s+$")


def roman(n: int) -> str:
    out = ""
    for value, digits in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + digits, n - value
    return out


def amendment_number(word: str) -> int:
    low = word.lower()
    if low[:1].isdigit():
        return int(re.match(r"\d+", low).group(0))
    return [o.lower() for o in ORDINALS].index(low) + 1


@lru_cache(maxsize=1)
def named_clauses() -> dict[str, str]:
    return {row[0]: row[1] for row in data_lines("constitution.tsv")}


@lru_cache(maxsize=1)
def bill_prefixes() -> dict[str, tuple[str, str]]:
    return {row[0]: (row[1], row[2]) for row in data_lines("bill_prefixes.tsv")}


@lru_cache(maxsize=1)
def bill_pattern() -> re.Pattern:
    """"SB 1196", "Senate Bill 1196", "H.R. 5", "Local Law 97 of 2019", "Int. No. 209"."""
    prefixes = sorted(bill_prefixes(), key=len, reverse=True)
    alt = "|".join(re.escape(p) + (r"\s?" if p.endswith(".") else r"\s") for p in prefixes)
    return re.compile(r"(?<![\w.])(" + alt + r")(?:No\.\s?)?(\d{1,5}(?:-[A-Z]?\d{1,4})?|"
                      r"[A-Z]{1,2}(?![\w'’-]))\b(?:\s+of\s+((?:19|20)\d\d))?")


# ballot measures, which may be lettered ("Measure B": then a local one)
BALLOT = frozenset(("Proposition", "Measure"))


@lru_cache(maxsize=1)
def usc_titles() -> dict[str, str]:
    return {row[0]: row[1] for row in data_lines("usc_sections.tsv")}


def extract_citations(ctx: Context) -> None:
    """Code sections, regulations, executive orders, the Constitution and numbered bills."""
    text = ctx.doc.text
    us = "place:united-states" if "place:united-states" in ctx.facts.places else None
    code_citations(ctx, text, us)
    if "Executive Order" in text or "E.O." in text or "E. O." in text:
        executive_orders(ctx, text, us)
    if "onstitution" in text or "Amendment" in text or "Clause" in text:
        constitution(ctx, text, us)
    numbered_bills(ctx, text, us)
    sections_of_acts(ctx, text, us)
    known_provisions(ctx, text, us)


@lru_cache(maxsize=1)
def provisions() -> dict[str, tuple[str, str]]:
    return {row[0]: (row[1], row[2]) for row in data_lines("known_provisions.tsv")}


@lru_cache(maxsize=1)
def provision_levels() -> dict[str, str]:
    """Short forms of policies a city or state runs ("Vision Zero": local), by level."""
    return {row[0]: row[3] for row in data_lines("known_provisions.tsv") if len(row) > 3}


def sections_of_acts(ctx: Context, text: str, us: str | None) -> None:
    """"Section 287(g) of the Immigration and Nationality Act": a section of a named act is a
    law of its own ("<Act> § 287(g)", or its code citation when data/known_provisions.tsv has
    one); the section number alone later ("287(g) agreements") is the same section."""
    if "ection" not in text:
        return
    known = provisions()
    for m in SECTION_OF_ACT.finditer(text):
        sec, act = m.group(1), m.group(2).strip()
        canonical = known.get(sec, (f"{act} § {sec}", "statute"))[0]
        key = found(ctx, m.start(), m.end(), canonical, "statute", us, "law.act-section",
                    m.group(0))
        if key is None:
            continue
        law = ctx.facts.laws[key]
        law.add_alias(f"{act} § {sec}")
        if not re.fullmatch(r"\d{1,2}", sec):  # "287(g)" alone is this section; "8" is not
            for again in re.finditer(r"(?<![\w(])" + re.escape(sec) + r"(?![\w)])", text):
                span = char_span_tokens(ctx, again.start(), again.end())
                if span is not None and span.start not in ctx.tok_key and ctx.in_body(span[0]):
                    law.add_alias(sec)
                    law.evidence.append(ctx.evidence(span[0], "law.act-section"))
                    ctx.mark(span.start, span.end, key)


def known_provisions(ctx: Context, text: str, us: str | None) -> None:
    """Short forms everyone knows ("Title IX", "Section 230", "DACA")."""
    levels = provision_levels()
    for short, (canonical, typ) in provisions().items():
        if short not in text:
            continue
        for m in re.finditer(r"(?<![\w(])" + re.escape(short) + r"(?![\w)])", text):
            span = char_span_tokens(ctx, m.start(), m.end())
            if span is None or span.start in ctx.tok_key or not ctx.in_body(span[0]):
                continue
            level = levels.get(short)
            where = place_of_level(ctx, span.start, level) if level else us
            found(ctx, m.start(), m.end(), canonical, typ, where, "law.known-provision", short)


def code_citations(ctx: Context, text: str, us: str | None) -> None:
    cited_titles = {m.group(2): m.group(1) for m in USC.finditer(text)}
    for m in TITLE_OF.finditer(text):
        if m.group(4) == "United States Code":
            cited_titles.setdefault(m.group(1), m.group(3))
    code_context = bool(cited_titles) or bool(re.search(r"U\.?S\.? Code|United States Code",
                                                       text))
    for m in TITLE_OF.finditer(text):
        if m.group(4) == "United States Code":
            name = f"{m.group(3)} U.S.C. § {m.group(1)}{m.group(2)}"
        else:
            name = f"{m.group(3)} C.F.R. § {m.group(1)}{m.group(2)}"
        found(ctx, m.start(), m.end(), name, "statute" if "U.S.C." in name else "regulation",
              us, "law.code-title", m.group(0))
    for m in PART_OF.finditer(text):
        found(ctx, m.start(), m.end(), f"{m.group(2)} C.F.R. part {m.group(1)}", "regulation",
              us, "law.cfr", m.group(0))
    for m in USC.finditer(text):
        found(ctx, m.start(), m.end(), f"{m.group(1)} U.S.C. § {m.group(2)}", "statute", us,
              "law.usc", m.group(0))
    known = usc_titles()
    for m in SECTION.finditer(text):
        sec = m.group(1)
        title = cited_titles.get(sec) or (known.get(sec) if code_context else None)
        if title:
            found(ctx, m.start(), m.end(), f"{title} U.S.C. § {sec}", "statute", us,
                  "law.usc-section", m.group(0))
    for m in CFR.finditer(text):
        sec = m.group(2)
        name = f"{m.group(1)} C.F.R. " + (f"§ {sec}{m.group(3)}" if "." in sec else f"part {sec}")
        found(ctx, m.start(), m.end(), name, "regulation", us, "law.cfr", m.group(0))


def executive_orders(ctx: Context, text: str, us: str | None) -> None:
    for m in EO.finditer(text):
        key = found(ctx, m.start(), m.end(), f"Executive Order {m.group(1)}", "executive order",
                    us, "law.eo-number", m.group(0))
        titled(ctx, key, text, m.end())
    for m in STATE_EO.finditer(text):
        span = char_span_tokens(ctx, m.start(), m.end())
        if span is None:
            continue
        state = place_of_level(ctx, span.start, "state")
        if state is None:
            continue
        name = f"{ctx.facts.name_of(state)} Executive Order {m.group(1)}"
        key = found(ctx, m.start(), m.end(), name, "executive order", state, "law.eo-state",
                    m.group(0))
        titled(ctx, key, text, m.end())


def titled(ctx: Context, key: str | None, text: str, end: int) -> None:
    """"Executive Order 14252 of March 27, 2025 (Making the District ...)": the title in
    parentheses is the order's other name."""
    if key is None:
        return
    m = EO_TITLE.match(text, end)
    if m:
        ctx.facts.laws[key].add_alias(m.group(1))


def constitution(ctx: Context, text: str, us: str | None) -> None:
    """The U.S. Constitution and its provisions. A state's constitution ("the Ohio
    Constitution", "the state constitution") is not the federal one and is left to named acts."""
    federal_text = False
    for m in CONSTITUTION.finditer(text):
        before = text[max(0, m.start() - 25):m.start()]
        if STATE_OWNER.search(before) and not m.group(1):
            continue  # "the state constitution", "Ohio's Constitution"
        surface = m.group(0)[4:] if m.group(0).startswith("the ") else m.group(0)
        key = found(ctx, m.start(), m.end(), "U.S. Constitution", "statute", us,
                    "law.constitution", surface)
        federal_text = federal_text or key is not None
    for m in AMENDMENT.finditer(text):
        n = amendment_number(m.group(1))
        if 1 <= n <= 27:
            found(ctx, m.start(), m.end(), f"U.S. Const. amend. {roman(n)}", "statute", us,
                  "law.amendment", m.group(0))
    clauses = named_clauses()
    for m in re.finditer(r"\b((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s(?:and\s)?){1,4})Clause\b", text):
        name = m.group(0)
        provision = clauses.get(name)
        if provision:
            found(ctx, m.start(), m.end(), f"U.S. Const. {provision}", "statute", us,
                  "law.clause", name)
    if not federal_text:
        return
    for m in ARTICLE.finditer(text):
        span = char_span_tokens(ctx, m.start(), m.end())
        if span is None:
            continue
        sentence = ctx.sentence(span[0]).text
        if ("onstitution" not in sentence and OTHER_CHARTER.search(sentence)) or \
                STATE_CONSTITUTION.search(sentence):
            continue  # "Article II" of a treaty, a contract or a state constitution
        name = f"U.S. Const. art. {m.group(1)}" + (f", § {m.group(2)}" if m.group(2) else "") \
            + (f", cl. {m.group(3)}" if m.group(3) else "")
        found(ctx, m.start(), m.end(), name, "statute", us, "law.article", m.group(0))


def numbered_bills(ctx: Context, text: str, us: str | None) -> None:
    """Bills and local laws by number, each of the legislature that numbers it."""
    prefixes = bill_prefixes()
    for m in bill_pattern().finditer(text):
        written = m.group(1).strip()
        long, level = prefixes.get(written, prefixes.get(written + ".", (written, "state")))
        lettered = not m.group(2)[:1].isdigit()
        if (written in ("S.", "Ordinance", "Intro") or long not in BALLOT) and lettered:
            continue
        if long in BALLOT and lettered:
            level = "local"
        span = char_span_tokens(ctx, m.start(), m.end())
        if span is None or not ctx.in_body(span[0]):
            continue
        number = m.group(2)
        year = int(m.group(3)) if m.group(3) else None
        if level == "federal":
            place, name = us, f"{long} {number}"
        else:
            place = place_of_level(ctx, span.start, "local" if level == "local" else "state")
            if place is None:
                continue  # a bill number without a legislature is not worth guessing
            name = f"{ctx.facts.name_of(place)} {long} {number}"
            if year:
                name += f" of {year}"
        typ = "ordinance" if long in ("Local Law", "Ordinance") and level == "local" else "bill"
        key = found(ctx, m.start(), m.end(), name, typ, place, "law.numbered-bill", m.group(0))
        if key and year and not ctx.facts.laws[key].year:
            ctx.facts.laws[key].year = year


def public_laws(ctx: Context) -> None:
    """Public Laws and Statutes at Large. Written in parentheses right after a law's name
    ("the CHIPS Act of 2022 (Public Law 117-167)") they identify that law; alone, they are a
    law of their own under the identifier. Runs after named acts are known."""
    text = ctx.doc.text
    if "Stat." not in text and "Public Law" not in text and "Pub." not in text:
        return
    us = "place:united-states" if "place:united-states" in ctx.facts.places else None
    for pattern, form in ((PUBLIC_LAW, "Public Law {}-{}"), (STATUTES, "{} Stat. {}")):
        for m in pattern.finditer(text):
            span = char_span_tokens(ctx, m.start(), m.end())
            if span is None or not ctx.in_body(span[0]) or span.start in ctx.tok_key:
                continue
            name = form.format(m.group(1), m.group(2))
            named = named_before(ctx, span.start)
            if named:
                law = ctx.facts.laws[named]
                law.add_alias(name)
                law.evidence.append(ctx.evidence(span[0], "law.public-law"))
                ctx.mark(span.start, span.end, named)
            else:
                found(ctx, m.start(), m.end(), name, "statute", us, "law.public-law", m.group(0))


def named_before(ctx: Context, start: int) -> str | None:
    """The law named right before "(" at token ``start`` - 1, or before "(<Act>, " lists."""
    i = start - 1
    doc = ctx.doc
    while i >= 0 and doc[i].text in ("(", ",", "No.", "see"):
        i -= 1
    key = ctx.tok_key.get(i) if i >= 0 else None
    if key and key.startswith("law:") and doc[start - 1].text == "(":
        return key
    return None
