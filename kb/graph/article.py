"""The graph of an article (text, HTML, PDF): its document node, the shared descriptions of
the entities it names, its facts and their evidence, laid out as kb.graph describes."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kb import iris
from kb.facts import Evidence
from kb.graph.values import (
    DEFAULT,
    DOCUMENT_CLASS,
    DocumentGraph,
    N,
    content_hash,
    date_literal,
    date_or_expression,
    decimal,
    description_records,
    event_type,
    integer,
    iri_node,
    name_order,
)
from kb.vocab import (
    DCT,
    ELI,
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
        obj = iri_node(o) if isinstance(o, str) else o
        self.out.quads.append(ox.Quad(s, iri_node(p), obj, self.d))

    def shared(self, s: str, p: str, o: ox.NamedNode | ox.Literal | str, *,
               given: bool = True) -> None:
        """A default-graph triple; ``given``: one this document gives whatever the store holds
        (recorded in ``offers``), not one written because of what another document gave."""
        q = ox.Quad(iri_node(s), iri_node(p), iri_node(o) if isinstance(o, str) else o, DEFAULT)
        self.out.shared.append(q)
        if given:
            self.out.offers.append(q)

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

    def claim_name(self, iri: str, name: str) -> str:
        """Offer ``name`` as the entity's schema:name; returns the name it ends with. One name
        per entity, the first in ``name_order`` of all its documents give, in any order: a
        better name replaces the stored one (kept as an alias), a worse one is an alias.
        What is written depends on the store; what the document gives (``offers``) not."""
        name_p = iri_node(SCHEMA.name)
        self.out.offers.append(ox.Quad(iri_node(iri), name_p, ox.Literal(name), DEFAULT))
        held = self.named.get(iri) or self.res.stored_names.get(iri)
        if held is not None and held != name and name_order(held) < name_order(name):
            self.shared(iri, SKOS.altLabel, ox.Literal(name), given=False)
            return held
        if held is not None and held != name:
            old = ox.Quad(iri_node(iri), name_p, ox.Literal(held), DEFAULT)
            if iri in self.named:
                self.out.shared = [q for q in self.out.shared if q != old]
            if self.res.stored_names.get(iri) == held:
                self.out.retract.append(old)
            self.out.retract.append(
                ox.Quad(iri_node(iri), iri_node(SKOS.altLabel), ox.Literal(name), DEFAULT))
            self.shared(iri, SKOS.altLabel, ox.Literal(held), given=False)
        self.named[iri] = name
        self.shared(iri, SCHEMA.name, ox.Literal(name), given=False)
        return name

    def labels(self, iri: str, entity: Entity, rule: str) -> None:
        """Name (or an alias, when another name wins: `claim_name`), every alias, and one
        surface-form mention per form so aliases can be traced to documents."""
        name = self.claim_name(iri, entity.name)
        for alias in entity.aliases:  # written unless the name; given unless its own name
            if alias != name:
                self.shared(iri, SKOS.altLabel, ox.Literal(alias), given=False)
            if alias != entity.name:
                self.out.offers.append(
                    ox.Quad(iri_node(iri), iri_node(SKOS.altLabel), ox.Literal(alias), DEFAULT))
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
            self.claim_name(org, doc.publisher)
            self.mention(org)
        if doc.author:
            for name in re.split(r"\s*(?:,|\band\b)\s*", doc.author):
                if name.strip():
                    person = iris.person(name.strip())
                    self.local(d, SCHEMA.author, person)
                    self.shared(person, RDF.type, SCHEMA.Person)
                    self.claim_name(person, name.strip())
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
                self.claim_name(info.iri, info.name)
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
            if iris.legal_subdivision(law.name):
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
                self.claim_name(post, f"{role_name} of {of_name}" if of_name else role_name)
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
    b.out.quads.extend(description_records(b.out))
    return b.out


