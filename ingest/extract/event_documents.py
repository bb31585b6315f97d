"""Events of official documents: executive orders, memoranda and proclamations.

Such a text reports no acts in news prose; it performs them. "By the authority vested in me as
President ..." (or the signature block) is the signing, by whoever held the office on the
document's date; each "X shall <verb>" directive is a planned act (factuality "future") of X,
and where X is an office without a named holder ("the Attorney General shall", "each agency head
shall") the agent is the office's body (data/event_offices.json). The definitions and general
provisions sections order nothing. The section label ("Sec. 3(a)") goes into the evidence rule.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from ingest.extract.context import Context
from ingest.extract.event_arguments import targets_of
from ingest.extract.event_triggers import entry_of, makes_rule
from kb.facts import Event

AUTHORITY = re.compile(r"authority vested in me as (?P<office>[A-Z][a-z]+)")
SECTION = re.compile(r"^(?:Sec(?:tion)?\.?\s*(?P<num>\d+)\.\s*(?P<title>[^.]*)\.)", re.M)
SUBSECTION = re.compile(r"^\((?P<sub>[a-z]{1,3})\)", re.M)
DEFINED = re.compile(r"[Tt]he term [“\"](?P<term>[^”\"]+)[”\"] means (?:the )?(?P<office>[^.;,(]+)")


@lru_cache(maxsize=1)
def offices() -> dict:
    text = resources.files("ingest").joinpath("data", "event_offices.json").read_text("utf-8")
    return json.loads(text)


def is_official_document(ctx: Context) -> bool:
    """A text that signs itself: the authority formula, "it is hereby ordered", a memorandum's
    or proclamation's heading."""
    text = ctx.doc.text
    return bool(AUTHORITY.search(text)) or any(
        marker in text[:3000] for marker in offices()["document_markers"])


def extract_document_events(ctx: Context) -> bool:
    """The signing and the directives of an official document (nothing for news); whether
    the document is one (its other verbs are then read by ``left_to_prose``)."""
    if not is_official_document(ctx):
        return False
    signer = signing(ctx)
    definitions = {m["term"].lower(): m["office"].strip() for m in DEFINED.finditer(ctx.doc.text)}
    for tok in ctx.doc:
        if tok.lower_ == "shall" and tok.dep_ == "aux" and tok.head.pos_ == "VERB":
            directive(ctx, tok.head, definitions, signer)
    return True


def left_to_prose(ctx: Context, verb) -> bool:
    """Whether a trigger of an official document is read like news prose: not a directive
    (read above), not inside definitions or general provisions."""
    if any(c.lower_ == "shall" and c.dep_ == "aux" for c in verb.children):
        return False
    return section_of(ctx, verb.idx) is not None


def signing(ctx: Context) -> str | None:
    """The sign event: the holder of the office the authority formula names, on the date;
    returns the signer ("me" in the directives)."""
    text = ctx.doc.text
    m = AUTHORITY.search(text)
    role = (m["office"] if m else "President").lower()
    agent = holder(ctx, role)
    if agent is None:
        return None
    start = m.start() if m else len(text) - 1
    tok = next((t for t in ctx.doc if t.idx >= start), ctx.doc[len(ctx.doc) - 1])
    law = own_law(ctx)
    ctx.facts.events.append(Event(
        key=f"event:{len(ctx.facts.events) + 1}", type="sign", agent=agent, cameo="057",
        about_law=law, date=ctx.document.date, factuality="asserted",
        evidence=[ctx.evidence(tok, "event.document.sign")]))
    return agent


def holder(ctx: Context, role: str) -> str | None:
    """The person of this document holding ``role`` (the officials extractor dates posts by
    the list of office holders), else a person named in the closing signature block."""
    for m in ctx.facts.memberships:
        if m.role == role and m.person in ctx.facts.people:
            return m.person
    tail = ctx.doc.text[-400:].lower()
    for key, person in ctx.facts.people.items():
        if person.name.lower() in tail:
            return key
    return None


def own_law(ctx: Context) -> str | None:
    """The document itself as a law, where the law extractor found it: the law named by the
    document's title, or called "this order"/"this memorandum"."""
    title = (ctx.document.title or "").strip().lower()
    for key, law in ctx.facts.laws.items():
        names = {law.name.lower(), *(a.lower() for a in law.aliases)}
        if title in names or names & {"this order", "this memorandum", "this proclamation"}:
            return key
    return None


def directive(ctx: Context, verb, definitions: dict[str, str], signer: str | None) -> None:
    """One planned event for "X shall <verb> ...", outside definitions and provisions."""
    section = section_of(ctx, verb.idx)
    if section is None:
        return
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.dep_ == "nsubjpass":
        return
    agents = [a for c in (subj, *subj.conjuncts)
              if (a := office_body(ctx, c, definitions)) is not None]
    if not agents:
        return
    entry = entry_of(verb)
    negated = any(c.dep_ == "neg" for c in verb.children)
    typ, cameo = (entry[0], entry[1]) if entry and entry[0] != "release" else ("other", None)
    if makes_rule(ctx, verb):
        typ, cameo = "enact", None  # issuing or revising a rule makes it
    if negated:
        typ, cameo = ("withhold", "1621") if typ in ("release", "award", "other") else (typ, cameo)
        if entry is None or entry[0] not in ("release", "award"):
            return  # "shall not be construed": no act
    targets = targets_of(ctx, verb)
    if signer and any(t.lower_ == "me" and t.dep_ in ("pobj", "dobj", "dative")
                      for t in verb.subtree):
        targets.append(signer)  # "shall report to me": to the signer
    law = clause_law(ctx, verb) or own_law(ctx)
    for agent in dict.fromkeys(agents):  # "the Attorney General and the Secretary ... shall"
        ctx.facts.events.append(Event(
            key=f"event:{len(ctx.facts.events) + 1}", type=typ, agent=agent,
            targets=[t for t in targets if t != agent], cameo=cameo, about_law=law,
            date=ctx.document.date, factuality="future",
            action=ctx.doc.text_of(verb.i, verb.right_edge.i + 1)[:200],
            evidence=[ctx.evidence(verb, f"event.document.shall.{section}")]))


def clause_law(ctx: Context, verb) -> str | None:
    """The law a directive acts on or under, named in its own clause ("shall revise the
    Uniform Guidance", "under section 502 of title 32"), nearest the verb first; the order
    itself is the fallback."""
    own = own_law(ctx)
    for t in sorted(verb.subtree, key=lambda t: abs(t.i - verb.i)):
        key = ctx.key_at(t)
        if key and key.startswith("law:") and key != own and t.dep_ != "nsubj":
            return key
    return None


def section_of(ctx: Context, offset: int) -> str | None:
    """"3(a)" for the section and subsection around ``offset``; None inside a section that
    orders nothing (definitions, general provisions); "0" before the first section."""
    label = "0"
    for start, name in sections(ctx):
        if start > offset:
            break
        label = name
    return label or None


def sections(ctx: Context) -> list[tuple[int, str]]:
    """Where each section and subsection starts, with its label ("3", "3(a)"; "" for a
    section that orders nothing), read once per document."""
    cached = getattr(ctx, "_sections", None)
    if cached is not None:
        return cached
    text, skip = ctx.doc.text, offices()["skip_sections"]
    out: list[tuple[int, str]] = []
    heads = list(SECTION.finditer(text))
    for n, sec in enumerate(heads):
        silent = sec["title"].strip().lower() in skip
        out.append((sec.start(), "" if silent else sec["num"]))
        end = heads[n + 1].start() if n + 1 < len(heads) else len(text)
        first = re.match(r"\s*\((?P<sub>[a-z])\)", text[sec.end():sec.end() + 12])
        subs = ([first] if first else []) + list(SUBSECTION.finditer(text, sec.end(), end))
        out += [(sec.end() + sub.start() if sub is first else sub.start(),
                 "" if silent else f"{sec['num']}({sub['sub']})") for sub in subs]
    ctx._sections = out
    return out


def office_body(ctx: Context, subj, definitions: dict[str, str]) -> str | None:
    """The entity that acts for the subject of a directive: an entity the extractors found
    (a task force, a named official), the body of an office ("the Attorney General" -> the
    Department of Justice, "the Secretary of War" -> the Department of War, "the Director"
    as defined -> the Office of Management and Budget), or the government for its agencies."""
    key = ctx.key_at(subj)
    if key and key.startswith(("org:", "person:")):
        return key
    phrase = " ".join(t.lower_ for t in subj.subtree if t.dep_ not in ("det", "punct")
                      and t.lower_ not in ("each", "all", "further")).strip()
    head = subj.lower_
    data = offices()
    if phrase in data["collective"] or head in ("agencies", "agency") or \
            phrase.endswith(("agency head", "agency heads")):
        return org_named(ctx, data["government_names"])
    for _ in range(2):
        if phrase in definitions:
            phrase = definitions[phrase].lower()
        elif head in definitions:
            phrase = definitions[head].lower()
            head = phrase
    for title, bodies in data["offices"].items():
        if phrase == title or phrase.startswith(title):
            return org_named(ctx, bodies)
    m = re.match(r"(?:secretary|director|administrator|head) of (?:the )?(.+)", phrase)
    if m:
        place = m.group(1)
        return org_named(ctx, [f"Department of {place}", place])
    return org_short_name(ctx, phrase)


def org_short_name(ctx: Context, phrase: str) -> str | None:
    """"The Task Force" for the "Memphis Safe Task Force (Task Force)" an order set up: the
    body of the document whose name or alias is, or ends with, the phrase (two words at
    least, so "the Department" is not any department)."""
    if len(phrase.split()) < 2:
        return None
    for key, org in ctx.facts.organizations.items():
        names = [org.name.lower(), *(a.lower() for a in org.aliases)]
        if any(n == phrase or n.endswith(" " + phrase) for n in names):
            return key
    return None


def org_named(ctx: Context, names: list[str]) -> str | None:
    """The organisation of this document with one of these names (any case)."""
    wanted = {n.lower() for n in names}
    for key, org in ctx.facts.organizations.items():
        if org.name.lower() in wanted or org.name.lower().removeprefix("the ") in wanted:
            return key
    return None
