"""Typed facts extracted from one document: the contract between extraction and graph building.

Pure dataclasses, no spaCy or rdflib: the extractor (``ingest.extract``) fills them, the graph
builder (``kb.graph``) turns them into RDF, and ``to_schema_json`` renders them in the facts JSON
of ``shared/eval/SCHEMA.md`` (the reference the SPARQL path of ``kb facts`` is tested against).

Facts refer to each other by a *local key* ("person:jeff-sessions", "place:hartford"): a string
that is stable within one document. Keys are not IRIs; resolution against the store mints those.
Every entity keeps its canonical name, every surface form seen (``aliases``) and the evidence of
each mention, so cross-document resolution can merge on aliases and every fact can be traced back
to a sentence.
"""
from __future__ import annotations

from dataclasses import dataclass, field

PLACE_TYPES = ("country", "state", "county", "city", "town", "other")
ORG_TYPES = ("agency", "department", "court", "legislature", "party", "company", "ngo", "media",
             "other")
LAW_TYPES = ("statute", "bill", "executive order", "regulation", "ordinance", "court ruling",
             "policy")
EVENT_TYPES = ("threaten", "sign", "enact", "sue", "rule", "deny", "announce", "award",
               "withhold", "release", "warn", "comply", "other")
FACTUALITY = ("asserted", "negated", "hypothetical", "future")


@dataclass
class Evidence:
    """Where a fact was read: the sentence, its character span in ``Document.text``, the rule
    that fired and how sure that rule is. Users complain most about facts they cannot trace."""

    sentence: str
    start: int
    end: int
    rule: str
    confidence: float = 1.0


@dataclass
class Entity:
    """Shared shape of everything that can be referred to: key, canonical name, surface forms."""

    key: str
    name: str
    aliases: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)

    def add_alias(self, text: str) -> None:
        """Record a surface form once; the canonical name is not repeated as an alias."""
        text = " ".join(text.split())
        if text and text != self.name and text not in self.aliases:
            self.aliases.append(text)


@dataclass
class Person(Entity):
    """A named person. Whether they are an *official* follows from their memberships."""


@dataclass
class Place(Entity):
    """A jurisdiction or other named place; ``within`` is the key of the parent place."""

    type: str = "other"
    within: str | None = None
    geonames_id: int | None = None


@dataclass
class Organization(Entity):
    """A named body. ``within`` is the parent organisation's key (OJP within DOJ);
    ``jurisdiction`` the place it serves (NYPD -> New York City)."""

    type: str = "other"
    within: str | None = None
    jurisdiction: str | None = None


@dataclass
class Law(Entity):
    """A statute, code section, bill, executive order, ordinance, court ruling or policy.
    ``name`` is the canonical identifier ("8 U.S.C. § 1373") where one exists; named acts are
    bound to their ``jurisdiction`` because "Trust Act" in two states is two laws."""

    type: str = "statute"
    jurisdiction: str | None = None
    year: int | None = None


@dataclass
class Grant(Entity):
    """A funding programme or money flow. ``amount_usd`` is the normalised lower bound of
    ``amount`` where the text gives a figure ("more than $4 billion" -> 4e9)."""

    funder: str | None = None
    recipient: str | None = None
    amount: str | None = None
    amount_usd: float | None = None
    law: str | None = None


@dataclass
class Membership:
    """A person holding a post: role key from the role lexicon ("mayor", "attorney general"),
    the title as written, and the body or jurisdiction the post is in (a place, organisation or,
    for staff such as spokespeople, the person they serve). ``public`` is False for roles that do
    not make someone an official (a think-tank director), kept so the graph still knows them."""

    person: str
    role: str
    title: str
    of: str | None = None
    when: str | None = None
    public: bool = True
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Statement:
    """A direct quotation with its speaker (a person or, for an unnamed spokesperson, a body)."""

    key: str
    speaker: str | None
    quote: str
    about: list[str] = field(default_factory=list)
    date: str | None = None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Event:
    """Who did what to whom, about which law or grant. ``type`` is a key of the event scheme
    (ontology/events.ttl) and ``cameo`` its CAMEO code where one fits (threaten to cut aid = 1311).
    ``factuality`` keeps "threatened to", "could", "not" apart from things that happened."""

    key: str
    type: str
    agent: str | None
    targets: list[str] = field(default_factory=list)
    cameo: str | None = None
    about_law: str | None = None
    about_grant: str | None = None
    action: str | None = None
    date: str | None = None
    factuality: str = "asserted"
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Table:
    """A table (or a line-per-recipient list) inside a document, as the reader found it.
    Rows stay cells, not a flattened line, so extraction can tell which column is the
    recipient and which the amount; ``spans[i]`` is the (start, end) of row ``i``'s line in
    ``Document.text``, so a fact read from a row can show that row as its evidence."""

    header: list[str]
    rows: list[list[str]]
    spans: list[tuple[int, int]]
    caption: str | None = None


@dataclass
class Document:
    """One input document: its text (offsets in Evidence refer to it) and its metadata.
    ``tables`` are the tables the reader found; their rows are lines of ``text``."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    publisher: str | None = None
    author: str | None = None
    kind: str = "news"
    tables: list[Table] = field(default_factory=list)


@dataclass
class DocumentFacts:
    """Everything learnt from one document. Entities are keyed by their local key."""

    document: Document
    people: dict[str, Person] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    laws: dict[str, Law] = field(default_factory=dict)
    grants: dict[str, Grant] = field(default_factory=dict)
    memberships: list[Membership] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def entity(self, key: str | None) -> Entity | None:
        """Look an entity up by key whatever its kind (refs do not say which table they are in)."""
        if not key:
            return None
        for table in (self.people, self.places, self.organizations, self.laws, self.grants):
            if key in table:
                return table[key]
        return None

    def name_of(self, key: str | None) -> str | None:
        ent = self.entity(key)
        return ent.name if ent else None


def to_schema_json(facts: DocumentFacts) -> dict:
    """Render facts as the JSON of shared/eval/SCHEMA.md (the reference for ``kb facts``)."""
    name = facts.name_of
    posts_of: dict[str, list[dict]] = {}
    for m in facts.memberships:
        if m.public:
            posts_of.setdefault(m.person, []).append(
                {"title": m.title, "of": name(m.of), "when": m.when})
    officials = [{"name": p.name, "aliases": list(p.aliases), "posts": posts_of[k]}
                 for k, p in facts.people.items() if k in posts_of]
    return {
        "document": facts.document.id,
        "officials": officials,
        "jurisdictions": [{"name": p.name, "type": p.type, "within": name(p.within),
                           "aliases": list(p.aliases)} for p in facts.places.values()],
        "organizations": [{"name": o.name, "aliases": list(o.aliases), "type": o.type,
                           "within": name(o.within)} for o in facts.organizations.values()],
        "laws": [{"name": law.name, "aliases": list(law.aliases), "type": law.type,
                  "jurisdiction": name(law.jurisdiction), "year": law.year}
                 for law in facts.laws.values()],
        "grants": [{"name": g.name, "funder": name(g.funder), "recipient": name(g.recipient),
                    "amount": g.amount, "amount_usd": g.amount_usd}
                   for g in facts.grants.values()],
        "statements": [{"speaker": name(s.speaker), "quote": s.quote, "date": s.date}
                       for s in facts.statements],
        "events": [{"type": e.type, "agent": name(e.agent),
                    "target": name(e.targets[0]) if e.targets else None,
                    "about_law": name(e.about_law), "about_grant": name(e.about_grant),
                    "modality": e.factuality,
                    "sentence": e.evidence[0].sentence if e.evidence else None}
                   for e in facts.events],
    }
