"""DocumentFacts -> RDF: one document's named graph plus the shared entity descriptions.

Layout (the decision every query and ``kb forget`` relies on):

* **Default graph: shared entity descriptions**, one copy each. A person, place, organisation,
  law or post is described once (``rdf:type``, ``schema:name``, every ``skos:altLabel`` seen,
  place hierarchy, GeoNames ``schema:sameAs``, legislation identifier and jurisdiction, post
  role and jurisdiction). Oxigraph's union default graph does not deduplicate a triple stored in
  several graphs, so descriptions that every document repeats would make ``SELECT ?name
  { ?p schema:name ?name }`` return one row per document; kept in the default graph they are
  stored once and every query sees them once.
* **Named graph ``<document IRI>``: everything only that document says**: the document node
  (type, headline, date, publisher, author, content hash, source), ``<doc> schema:mentions
  <entity>`` for every shared entity it uses (the reference count ``forget`` reads), the
  per-document fact nodes (memberships, quotations, events, grants and their amounts), and the
  evidence: ``kb:Mention`` nodes with ``oa:exact``/``oa:start``/``oa:end``/``kb:rule``/
  ``kb:confidence`` linked by ``kb:evidence`` from facts (the sentence) and from entities (each
  surface form the document used, with its offsets). Every subject in a document graph is
  either the document or a node under its IRI, or the object of ``kb:evidence`` is; so no
  triple of one document graph can be repeated by another one, and the union stays duplicate
  free.

Because every alias is also a surface-form mention in some document graph, the shared aliases
can be recomputed when a document is forgotten: ``kb.forget`` keeps exactly those still
supported by another document. Posts whose body or jurisdiction is unknown ("Sen.") would be
wrongly shared if minted globally, so they stay per document. Non-public roles (a think-tank
director) are not written: the ontology has no term to keep them apart from public posts.

Terms are pyoxigraph terms, the store's own, so nothing is converted on the way in.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kb import iris
from kb.facts import Evidence
from kb.vocab import (
    DCT,
    ELI,
    EVENT,
    EVENT_CAMEO,
    EVENT_FOR_KEY,
    EVENT_KEY,
    FACTUALITY,
    KB,
    LAW_TYPE,
    OA,
    ORG,
    ORG_CLASS,
    PLACE_CLASS,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SEM,
    SKOS,
    XSD,
)

if TYPE_CHECKING:
    from kb.facts import Document, DocumentFacts, Entity
    from kb.resolution import Resolution

N = ox.NamedNode
DEFAULT = ox.DefaultGraph()


@lru_cache(maxsize=4096)
def _iri(value: str) -> ox.NamedNode:
    """Predicates, classes and entity IRIs recur in every document: build each node once
    (pyoxigraph parses and checks the IRI on every construction)."""
    return ox.NamedNode(value)


_DATE_TYPES = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), XSD.date),
    (re.compile(r"^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})?$"), XSD.dateTime),
    (re.compile(r"^\d{4}-\d{2}$"), XSD.gYearMonth),
    (re.compile(r"^\d{4}$"), XSD.gYear),
)
DOCUMENT_CLASS = {"news": SCHEMA.NewsArticle, "report": SCHEMA.Report}


@dataclass
class DocumentGraph:
    """What one document adds: its named graph and the shared triples for the default graph.
    ``mentions`` lists every shared entity IRI the document uses (new or reused)."""

    iri: str
    quads: list[ox.Quad] = field(default_factory=list)
    """In the document's named graph."""
    shared: list[ox.Quad] = field(default_factory=list)
    """In the default graph."""
    mentions: set[str] = field(default_factory=set)
    facts: int = 0


def date_literal(text: str | None) -> ox.Literal | None:
    """An ISO date at the precision given, typed; None for anything else (never guessed)."""
    if not text:
        return None
    for pattern, dtype in _DATE_TYPES:
        if pattern.match(text.strip()):
            return ox.Literal(text.strip(), datatype=N(dtype))
    return None


def date_or_expression(text: str | None) -> ox.Literal | None:
    """The date of an event or statement: typed where it is ISO, else the time expression as
    the text wrote it ("Monday", with no document date to resolve it against), as a plain
    string on the same property, so the date is kept without being guessed."""
    typed = date_literal(text)
    if typed is not None or not text or not text.strip():
        return typed
    return ox.Literal(" ".join(text.split()))


def decimal(value: float) -> ox.Literal:
    text = f"{value:.6f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    return ox.Literal(text, datatype=N(XSD.decimal))


def integer(value: int) -> ox.Literal:
    return ox.Literal(str(int(value)), datatype=N(XSD.integer))


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def event_type(key: str, cameo: str | None) -> str:
    """The most specific concept of events.ttl with this facts-JSON key and CAMEO code."""
    if cameo:
        for concept, code in EVENT_CAMEO.items():
            if code == cameo and EVENT_KEY[concept] == key:
                return concept
    return EVENT_FOR_KEY.get(key, EVENT.make_statement)


class _Builder:
    def __init__(self, facts: DocumentFacts, res: Resolution) -> None:
        self.facts = facts
        self.res = res
        self.doc = facts.document
        self.out = DocumentGraph(iris.document(self.doc.id))
        self.d = N(self.out.iri)
        self.counters: dict[str, int] = {}
        self.named: dict[str, str] = {}

    # -- helpers --------------------------------------------------------------------------------
    def node(self, kind: str) -> ox.NamedNode:
        n = self.counters.get(kind, 0) + 1
        self.counters[kind] = n
        return N(iris.fact(self.out.iri, kind, n))

    def local(self, s: ox.NamedNode, p: str, o: ox.NamedNode | ox.Literal | str) -> None:
        self.out.quads.append(ox.Quad(s, _iri(p), _iri(o) if isinstance(o, str) else o, self.d))

    def shared(self, s: str, p: str, o: ox.NamedNode | ox.Literal | str) -> None:
        self.out.shared.append(
            ox.Quad(_iri(s), _iri(p), _iri(o) if isinstance(o, str) else o, DEFAULT))

    def mention(self, iri: str) -> None:
        if iri not in self.out.mentions:
            self.out.mentions.add(iri)
            self.local(self.d, SCHEMA.mentions, iri)

    def evidence(self, subject: ox.NamedNode, ev: Evidence, exact: str | None = None,
                 span: tuple[int, int] | None = None) -> None:
        m = self.node("mention")
        start, end = span if span else (ev.start, ev.end)
        self.local(subject, KB.evidence, m)
        self.local(m, RDF.type, KB.Mention)
        self.local(m, OA.exact, ox.Literal(exact if exact is not None else ev.sentence))
        self.local(m, OA.start, integer(max(0, start)))
        self.local(m, OA.end, integer(max(start, end)))
        self.local(m, OA.hasSource, self.d)
        self.local(m, KB.rule, ox.Literal(ev.rule))
        self.local(m, KB.confidence, decimal(min(1.0, max(0.0, ev.confidence))))

    def name(self, iri: str, name: str) -> None:
        """The canonical name of an entity this document only refers to (a publisher, the
        state of a city): written unless the store or this document already names it
        otherwise, so that every entity keeps exactly one schema:name."""
        stored = self.res.stored_names.get(iri) or self.named.get(iri)
        if stored is None or stored == name:
            self.named[iri] = name
            self.shared(iri, SCHEMA.name, ox.Literal(name))

    def labels(self, iri: str, entity: Entity, rule: str) -> None:
        """Name (or, for an entity the store already names otherwise, an alias), every alias,
        and one surface-form mention per form so aliases can be traced to documents."""
        stored = self.res.stored_names.get(iri) or self.named.get(iri)
        if stored is None or stored == entity.name:
            self.named[iri] = entity.name
            self.shared(iri, SCHEMA.name, ox.Literal(entity.name))
        else:
            self.shared(iri, SKOS.altLabel, ox.Literal(entity.name))
        for alias in entity.aliases:
            if alias != (stored or entity.name):
                self.shared(iri, SKOS.altLabel, ox.Literal(alias))
        self.mention(iri)
        text = self.doc.text
        first = entity.evidence[0] if entity.evidence else None
        for form in (entity.name, *entity.aliases):
            span = _find(text, form, first)
            ev = first or _NO_EVIDENCE
            self.evidence(N(iri), Evidence(form, ev.start, ev.end, rule, ev.confidence),
                          exact=form, span=span)

    # -- document -------------------------------------------------------------------------------
    def document(self) -> None:
        doc: Document = self.doc
        d = self.d
        self.local(d, RDF.type, DOCUMENT_CLASS.get(doc.kind, SCHEMA.Article))
        self.local(d, SCHEMA.sha256, ox.Literal(content_hash(doc.text)))
        self.local(d, SCHEMA.identifier, ox.Literal(doc.id))
        if doc.title:
            self.local(d, SCHEMA.headline, ox.Literal(doc.title))
        published = date_literal(doc.date)
        if published is not None:
            self.local(d, SCHEMA.datePublished, published)
        if doc.url and re.match(r"^https?://\S+$", doc.url):
            self.local(d, SCHEMA.url, doc.url)
        if doc.source:
            self.local(d, DCT.source, ox.Literal(doc.source))
        if doc.publisher:
            org = iris.organization(doc.publisher)
            self.local(d, SCHEMA.publisher, org)
            self.shared(org, RDF.type, SCHEMA.NewsMediaOrganization)
            self.shared(org, RDF.type, ORG.Organization)
            self.name(org, doc.publisher)
            self.mention(org)
        if doc.author:
            for name in re.split(r"\s*(?:,|\band\b)\s*", doc.author):
                if name.strip():
                    person = iris.person(name.strip())
                    self.local(d, SCHEMA.author, person)
                    self.shared(person, RDF.type, SCHEMA.Person)
                    self.name(person, name.strip())
                    self.mention(person)

    # -- entities -------------------------------------------------------------------------------
    def places(self) -> None:
        res = self.res
        parent_of = {info.iri: info.parent for info in res.places.values()}
        named = {res.iri[k] for k in self.facts.places}
        for key, place in self.facts.places.items():
            # the document's own reading wins over the gazetteer's: a parent it names but does
            # not say contains the place is left out; an unnamed one (the state of a city) stays
            if place.within in res.iri:
                parent_of[res.iri[key]] = res.iri[place.within]
            elif parent_of.get(res.iri[key]) in named:
                parent_of[res.iri[key]] = None
        for info in res.places.values():
            self.shared(info.iri, RDF.type, PLACE_CLASS.get(info.type, SCHEMA.AdministrativeArea))
            if parent_of[info.iri]:
                self.shared(info.iri, SCHEMA.containedInPlace, parent_of[info.iri])
            if info.geonames_id:
                self.shared(info.iri, SCHEMA.sameAs, iris.geonames(info.geonames_id))
            chain = []
            node = info
            while node is not None:
                chain.append(node)
                node = res.places.get(node.parent) if node.parent else None
            ocd = iris.ocd_id(info.path, [n.type for n in reversed(chain)])
            if ocd and len(chain) == len(info.path):
                self.shared(info.iri, SCHEMA.identifier, ox.Literal(ocd))
            self.mention(info.iri)
        for info in res.places.values():
            if info.iri not in named:
                self.name(info.iri, info.name)
        for key, place in self.facts.places.items():
            self.labels(res.iri[key], place, "entity.place")

    def organizations(self) -> None:
        for key, org in self.facts.organizations.items():
            iri = self.res.iri[key]
            self.shared(iri, RDF.type, ORG_CLASS.get(org.type, SCHEMA.Organization))
            self.shared(iri, RDF.type, ORG.Organization)
            parent = self.res.of(org.within)
            if parent:
                self.shared(iri, ORG.subOrganizationOf, parent)
            juris = self.res.of(org.jurisdiction)
            if juris:
                self.shared(iri, KB.jurisdiction, juris)
            self.labels(iri, org, "entity.organization")

    def people(self) -> None:
        for key, person in self.facts.people.items():
            iri = self.res.iri[key]
            self.shared(iri, RDF.type, SCHEMA.Person)
            self.labels(iri, person, "entity.person")

    def laws(self) -> None:
        for key, law in self.facts.laws.items():
            iri = self.res.iri[key]
            self.shared(iri, RDF.type, SCHEMA.Legislation)
            self.shared(iri, RDF.type, ELI.LegalResource)
            if iris.usc_citation(law.name):
                self.shared(iri, RDF.type, ELI.LegalResourceSubdivision)
                self.shared(iri, SCHEMA.legislationIdentifier, ox.Literal(law.name))
            self.shared(iri, SCHEMA.legislationType, LAW_TYPE.get(law.type, KB.statute))
            juris = self.res.of(law.jurisdiction)
            if juris:
                self.shared(iri, SCHEMA.legislationJurisdiction, juris)
            if law.year:
                self.shared(iri, SCHEMA.legislationDate,
                            ox.Literal(str(law.year), datatype=N(XSD.gYear)))
            self.labels(iri, law, "entity.law")

    # -- facts ----------------------------------------------------------------------------------
    def memberships(self) -> None:
        for m in self.facts.memberships:
            if not m.public:
                continue
            person = self.res.iri[m.person]
            of = self.res.of(m.of)
            role_iri = iris.role(m.role)
            role_name = " ".join(w.capitalize() for w in m.role.split())
            if of:
                post = iris.post(m.role, of)
                self.shared(post, RDF.type, ORG.Post)
                self.shared(post, ORG.role, role_iri)
                of_name = self.facts.name_of(m.of) or ""
                self.name(post, f"{role_name} of {of_name}" if of_name else role_name)
                self.shared(post, KB.jurisdiction if of.startswith(iris.resource("place", ""))
                            else ORG.postIn, of)
                self.mention(post)
                post_node = N(post)
            else:
                post_node = self.node("post")
                self.local(post_node, RDF.type, ORG.Post)
                self.local(post_node, ORG.role, role_iri)
                self.local(post_node, SCHEMA.name, ox.Literal(role_name))
            ms = self.node("membership")
            self.local(ms, RDF.type, ORG.Membership)
            self.local(ms, ORG.member, person)
            self.local(ms, KB.post, post_node)
            self.local(ms, RDFS.label, ox.Literal(m.title))
            when = date_literal(m.when)
            if when is not None:
                self.local(ms, SCHEMA.validFrom, when)
            for ev in m.evidence:
                self.evidence(ms, ev)
            self.out.facts += 1

    def grants(self) -> dict[str, ox.NamedNode]:
        nodes = {}
        for key, g in self.facts.grants.items():
            node = self.node("grant")
            nodes[key] = node
            self.local(node, RDF.type, SCHEMA.MonetaryGrant)
            self.local(node, SCHEMA.name, ox.Literal(g.name))
            for alias in g.aliases:
                self.local(node, SKOS.altLabel, ox.Literal(alias))
            funder, recipient = self.res.of(g.funder), self.res.of(g.recipient)
            if funder:
                self.local(node, SCHEMA.funder, funder)
            if recipient:
                self.local(node, KB.recipient, recipient)
            law = self.res.of(g.law)
            if law:
                self.local(node, KB.authorizedBy, law)
            if g.amount is not None or g.amount_usd is not None:
                amount = N(f"{node.value}/amount")
                self.local(node, SCHEMA.amount, amount)
                self.local(amount, RDF.type, SCHEMA.MonetaryAmount)
                if g.amount is not None:
                    self.local(amount, SCHEMA.name, ox.Literal(g.amount))
                if g.amount_usd is not None:
                    self.local(amount, SCHEMA.value, decimal(g.amount_usd))
                    self.local(amount, SCHEMA.currency, ox.Literal("USD"))
            for ev in g.evidence:
                self.evidence(node, ev)
            self.out.facts += 1
        return nodes

    def statements(self) -> None:
        for s in self.facts.statements:
            node = self.node("statement")
            self.local(node, RDF.type, SCHEMA.Quotation)
            self.local(node, SCHEMA.text, ox.Literal(s.quote))
            speaker = self.res.of(s.speaker)
            if speaker:
                self.local(node, SCHEMA.creator, speaker)
            self.local(node, PROV.wasQuotedFrom, self.d)
            for about in s.about:
                target = self.res.of(about)
                if target:
                    self.local(node, SCHEMA.about, target)
            when = date_or_expression(s.date)
            if when is not None:
                self.local(node, SCHEMA.dateCreated, when)
            for ev in s.evidence:
                self.evidence(node, ev)
            self.out.facts += 1

    def events(self, grants: dict[str, ox.NamedNode]) -> None:
        for e in self.facts.events:
            node = self.node("event")
            self.local(node, RDF.type, SEM.Event)
            self.local(node, SEM.eventType, event_type(e.type, e.cameo))
            agent = self.res.of(e.agent)
            if agent:
                self.local(node, KB.agent, agent)
            for t in e.targets:
                target = self.res.of(t)
                if target:
                    self.local(node, KB.target, target)
            law = self.res.of(e.about_law)
            if law:
                self.local(node, KB.aboutLaw, law)
            if e.about_grant in grants:
                self.local(node, KB.aboutGrant, grants[e.about_grant])
            if e.action:
                self.local(node, DCT.description, ox.Literal(" ".join(e.action.split())))
            when = date_or_expression(e.date)
            if when is not None:
                self.local(node, SEM.hasTimeStamp, when)
            self.local(node, KB.factuality, FACTUALITY.get(e.factuality, KB.asserted))
            for ev in e.evidence:
                self.evidence(node, ev)
            self.out.facts += 1


class _NoEvidence:
    start = 0
    end = 0
    confidence = 1.0


_NO_EVIDENCE = _NoEvidence()


def _find(text: str, form: str, near: Evidence | None) -> tuple[int, int] | None:
    """Offsets of ``form`` in ``text``: first inside the entity's first evidence sentence,
    else anywhere; whitespace in the form matches any run of whitespace."""
    words = form.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    if near is not None:
        m = pattern.search(text, near.start, near.end)
        if m:
            return m.start(), m.end()
    m = pattern.search(text)
    return (m.start(), m.end()) if m else None


def build(facts: DocumentFacts, res: Resolution) -> DocumentGraph:
    """The document's named graph and shared triples (see the module docstring for why)."""
    b = _Builder(facts, res)
    b.document()
    b.places()
    b.organizations()
    b.people()
    b.laws()
    b.memberships()
    grants = b.grants()
    b.statements()
    b.events(grants)
    # entities only referenced (a funder key with no entity would be a bug upstream): mention all
    for iri in res.iri.values():
        b.mention(iri)
    return b.out


FACT_CLASSES = (SCHEMA.MonetaryGrant, ORG.Membership, SCHEMA.Quotation, SEM.Event)


def table_graph(document: Document, triples: list[ox.Triple],
                rows: list[tuple[int, dict[str, str | None]]] = ()) -> DocumentGraph:
    """A tabular report: rows about shared entities (a place, a funder) go to the shared
    descriptions like an article's, so the union shows them once; the rest (grant rows,
    amounts) and the document node go to the report's own graph. Each fact node (a grant row)
    gets the row it came from as evidence: the row whose cells best match the node's values
    (its own literals and those one hop away, such as the amount), with ``kb:rule``
    ``table.row.<line>``; a table has no running text, so the offsets are 0."""
    out = DocumentGraph(iris.document(document.id))
    d = N(out.iri)
    local: list[ox.Triple] = []
    digest = hashlib.sha256()
    for line, cells in rows:
        digest.update(f"{line}\t{sorted((k, v or '') for k, v in cells.items())}\n".encode())
    local.append(ox.Triple(d, N(RDF.type), N(SCHEMA.Report)))
    local.append(ox.Triple(d, N(SCHEMA.sha256), ox.Literal(
        content_hash(document.text) if document.text else digest.hexdigest())))
    local.append(ox.Triple(d, N(SCHEMA.identifier), ox.Literal(document.id)))
    if document.title:
        local.append(ox.Triple(d, N(SCHEMA.headline), ox.Literal(document.title)))
    published = date_literal(document.date)
    if published is not None:
        local.append(ox.Triple(d, N(SCHEMA.datePublished), published))
    if document.source:
        local.append(ox.Triple(d, N(DCT.source), ox.Literal(document.source)))
    for t in triples:
        subject = t.subject.value if isinstance(t.subject, ox.NamedNode) else ""
        if iris.kind_of(subject):
            out.shared.append(ox.Quad(t.subject, t.predicate, t.object, DEFAULT))
            if subject not in out.mentions:
                out.mentions.add(subject)
                local.append(ox.Triple(d, N(SCHEMA.mentions), t.subject))
        else:
            local.append(t)
    local += _row_evidence(out.iri, triples, rows)
    out.quads = [ox.Quad(t.subject, t.predicate, t.object, d) for t in local]
    out.facts = sum(1 for t in triples if t.predicate.value == RDF.type
                    and t.object.value in FACT_CLASSES)
    return out


def _row_evidence(doc_iri: str, triples: list[ox.Triple],
                  rows: list[tuple[int, dict[str, str | None]]]) -> list[ox.Triple]:
    out: list[ox.Triple] = []
    if not rows:
        return out
    values: dict[str, set[str]] = {}
    for t in triples:
        if isinstance(t.object, ox.Literal):
            values.setdefault(t.subject.value, set()).add(t.object.value)
    links: dict[str, set[str]] = {}
    for t in triples:
        if isinstance(t.object, ox.NamedNode):
            links.setdefault(t.subject.value, set()).add(t.object.value)
    facts = [t.subject for t in triples
             if t.predicate.value == RDF.type and t.object.value in FACT_CLASSES]
    for n, node in enumerate(dict.fromkeys(facts), 1):
        near = set(values.get(node.value, ()))
        for other in links.get(node.value, ()):
            near |= values.get(other, set())
        best = max(rows, key=lambda r: sum(1 for v in r[1].values() if v and v in near))
        line, cells = best
        m = N(iris.fact(doc_iri, "mention", n))
        text = "; ".join(f"{k}={v}" for k, v in cells.items() if v)
        out += [
            ox.Triple(node, N(KB.evidence), m), ox.Triple(m, N(RDF.type), N(KB.Mention)),
            ox.Triple(m, N(OA.exact), ox.Literal(text)), ox.Triple(m, N(OA.start), integer(0)),
            ox.Triple(m, N(OA.end), integer(0)), ox.Triple(m, N(OA.hasSource), N(doc_iri)),
            ox.Triple(m, N(KB.rule), ox.Literal(f"table.row.{line}")),
            ox.Triple(m, N(KB.confidence), decimal(1.0)),
        ]
    return out
