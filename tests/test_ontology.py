"""The ontology files, the vocabulary module that mirrors them, and the SHACL shapes.

kb/vocab.py is the only place the code takes IRIs from, so these tests hold it to the Turtle
files in both directions, and the shapes to one valid and one invalid example graph built from
vocab terms alone.
"""

from __future__ import annotations

import re
import subprocess
import sys
from decimal import Decimal

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef

import ontology
from kb import facts, vocab
from kb.validate import ValidationReport, Violation, validate_graph
from kb.vocab import (
    DCT,
    ELI,
    EVENT,
    EVENT_CAMEO,
    EVENT_FOR_KEY,
    EVENT_KEY,
    EVENT_KEYS,
    FACTUALITY,
    KB,
    LAW_TYPE,
    OA,
    ORG,
    ORG_CLASS,
    OWL,
    PLACE_CLASS,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    RESOURCE_BASE,
    ROLE,
    SCHEMA,
    SEM,
    SH,
    SKOS,
    XSD,
    UnknownTermError,
    Vocabulary,
    expand,
    prefixed,
)

VOCABULARIES = (KB, EVENT, ROLE, SCHEMA, ORG, PROV, SKOS, SEM, ELI, OA, RDF, RDFS, XSD, OWL, DCT,
                SH)


def U(iri: str) -> URIRef:
    return URIRef(iri)


def r(path: str) -> URIRef:
    """A resource IRI in the project's resource space (what kb/iris.py mints)."""
    return URIRef(RESOURCE_BASE + path)


@pytest.fixture(scope="module")
def graphs() -> dict[str, Graph]:
    return {name: ontology.load_graph(name) for name in ontology.FILES}


@pytest.fixture(scope="module")
def union(graphs: dict[str, Graph]) -> Graph:
    g = Graph()
    for part in graphs.values():
        g += part
    return g


@pytest.fixture(scope="module")
def store() -> ox.Store:
    """The ontology in the engine the project queries with."""
    s = ox.Store()
    for name in ontology.FILES:
        s.load(ontology.read_text(name).encode(), ox.RdfFormat.TURTLE)
    return s


def select(store: ox.Store, query: str) -> list[tuple[str, ...]]:
    head = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
    return [tuple(term.value for term in row) for row in store.query(head + query)]


def iris_in(graph: Graph) -> set[str]:
    """Every IRI used in a graph, as a node or as a literal's datatype."""
    found = set()
    for triple in graph:
        for term in triple:
            if isinstance(term, URIRef):
                found.add(str(term))
            elif isinstance(term, Literal) and term.datatype is not None:
                found.add(str(term.datatype))
    return found


# --- the files ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ontology.FILES)
def test_each_file_parses_with_rdflib_and_pyoxigraph(name: str) -> None:
    text = ontology.read_text(name)
    assert ontology.path(name).is_file()
    assert len(Graph().parse(data=text, format="turtle")) > 10
    assert len(list(ox.parse(text.encode(), ox.RdfFormat.TURTLE))) > 10


def test_load_graph_defaults_to_all_files(union: Graph) -> None:
    assert len(ontology.load_graph()) == len(union)
    with pytest.raises(ValueError, match="unknown ontology file"):
        ontology.read_text("nope.ttl")


def test_light_modules_do_not_import_rdflib() -> None:
    code = ("import sys, kb.vocab, ontology; "
            "print('rdflib' in sys.modules, 'pyshacl' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_every_file_uses_the_project_prefixes() -> None:
    for name in ontology.FILES:
        text = ontology.read_text(name)
        for prefix, ns in re.findall(r"^@prefix\s+(\w*):\s*<([^>]*)>", text, re.M):
            assert PREFIXES.get(prefix) == ns, f"{name}: @prefix {prefix}: <{ns}>"


def test_prefixes_ttl_declares_exactly_PREFIXES(graphs: dict[str, Graph]) -> None:
    g = graphs["prefixes.ttl"]
    declared = {str(g.value(d, U(SH.prefix))): str(g.value(d, U(SH.namespace)))
                for d in g.objects(None, U(SH.declare))}
    assert declared == PREFIXES
    text = ontology.read_text("prefixes.ttl")
    assert re.findall(r"^@prefix\s+(\w+):", text, re.M) == list(PREFIXES)


# --- vocabulary <-> ontology ----------------------------------------------------------------------


def test_kb_terms_have_label_comment_and_domain_or_range(graphs: dict[str, Graph]) -> None:
    g = graphs["kb.ttl"]
    subjects = {s for s in g.subjects() if isinstance(s, URIRef) and str(s) in KB}
    assert len(subjects) == len(KB)
    for term in subjects:
        assert g.value(term, U(RDFS.label)) is not None, term
        assert g.value(term, U(RDFS.comment)) is not None, term
        kinds = set(g.objects(term, U(RDF.type)))
        if kinds & {U(OWL.ObjectProperty), U(OWL.DatatypeProperty)}:
            assert (g.value(term, U(RDFS.domain)) or g.value(term, U(RDFS.range))) is not None, term


def test_every_vocabulary_term_is_in_the_ontology(union: Graph) -> None:
    used = iris_in(union)
    for v in VOCABULARIES:
        missing = [iri for iri in v if iri not in used]
        assert not missing, f"{v!r}: not mentioned in ontology/: {missing}"


def test_every_ontology_term_is_in_a_vocabulary(union: Graph) -> None:
    for iri in iris_in(union):
        candidates = [v for v in VOCABULARIES if iri.startswith(v.base)]
        if not candidates:
            continue
        vocabulary = max(candidates, key=lambda v: len(v.base))
        if iri == vocabulary.base:  # a namespace named as a whole (rdfs:isDefinedBy schema:)
            continue
        assert iri in vocabulary, f"{iri} is used in ontology/ but missing from {vocabulary!r}"


@pytest.mark.parametrize(("vocabulary", "name"),
                         [(KB, "kb.ttl"), (ROLE, "kb.ttl"), (EVENT, "events.ttl")])
def test_own_terms_are_defined_where_expected(graphs: dict[str, Graph], vocabulary: Vocabulary,
                                              name: str) -> None:
    g = graphs[name]
    typed = {str(s) for s in g.subjects(U(RDF.type), None) if str(s).startswith(vocabulary.base)}
    assert typed == set(vocabulary)


def test_external_terms_say_where_they_are_defined(graphs: dict[str, Graph]) -> None:
    g = graphs["kb.ttl"]
    for v in (SCHEMA, ORG, PROV, SEM, ELI, OA):
        for iri in v:
            assert g.value(U(iri), U(RDFS.isDefinedBy)) == U(v.base), iri


# --- the vocabulary module ------------------------------------------------------------------------


def test_vocabulary_is_closed_and_plain() -> None:
    assert KB.agent == KB["agent"] == "https://w3id.org/civic-kb/ns#agent"
    assert type(KB.agent) is str
    assert "agent" in KB.terms and KB.base == PREFIXES["kb"]
    assert KB.agent in KB and SCHEMA.name not in KB
    with pytest.raises(AttributeError, match="kb: vocabulary"):
        _ = KB.agnet
    with pytest.raises(KeyError):
        _ = SCHEMA["nmae"]
    with pytest.raises(UnknownTermError):
        _ = EVENT.threaten_to_sue
    with pytest.raises(AttributeError):
        KB.agent = "x"  # type: ignore[misc]
    assert SH["in"].endswith("#in") and "agent" in dir(KB)


def test_prefixed_and_expand_round_trip() -> None:
    for v in VOCABULARIES:
        for iri in v:
            curie = prefixed(iri)
            assert curie is not None and expand(curie) == iri
    assert prefixed(RESOURCE_BASE + "person/jeff-sessions") is None
    loose = prefixed(RESOURCE_BASE + "person/jeff-sessions", strict=False)
    assert loose == "kbr:person/jeff-sessions"
    assert prefixed("http://example.org/x") is None
    assert expand(f"<{KB.agent}>") == KB.agent
    with pytest.raises(ValueError, match="known prefix"):
        expand("nope:x")


# --- event types ----------------------------------------------------------------------------------

REQUIRED_CAMEO = {
    "13": EVENT.threaten, "130": EVENT.threaten_unspecified, "131": EVENT.threaten_nonforce,
    "1311": EVENT.threaten_aid, "1312": EVENT.threaten_sanctions, "010": EVENT.make_statement,
    "016": EVENT.deny_responsibility, "02": EVENT.appeal, "0242": EVENT.appeal_policy_change,
    "10": EVENT.demand, "1042": EVENT.demand_policy_change, "112": EVENT.accuse, "115": EVENT.sue,
    "128": EVENT.defy_law, "162": EVENT.reduce_aid, "1621": EVENT.reduce_economic_aid,
    "172": EVENT.impose_administrative_sanctions, "071": EVENT.provide_economic_aid,
    "057": EVENT.sign_agreement,
}
KB_ONLY_EVENTS = (EVENT.sign_law, EVENT.enact_law, EVENT.announce, EVENT.release_report, EVENT.warn,
                  EVENT.comply, EVENT.rule, EVENT.award_grant, EVENT.withhold, EVENT.deny_claim)


def test_required_cameo_codes_are_typed_notations(store: ox.Store) -> None:
    rows = select(store, "SELECT ?c ?n ?dt WHERE { ?c skos:notation ?n BIND(DATATYPE(?n) AS ?dt) }")
    codes = {n: c for c, n, _ in rows}
    assert all(dt == KB.CAMEO for _, _, dt in rows)
    assert len(codes) == len(rows), "a CAMEO code is used twice"
    for code, concept in REQUIRED_CAMEO.items():
        assert codes.get(code) == concept, code


def test_kb_only_event_types_link_to_a_cameo_concept(store: ox.Store) -> None:
    for concept in KB_ONLY_EVENTS:
        rows = select(store, f"""SELECT ?n WHERE {{
            <{concept}> skos:inScheme kbe:scheme .
            FILTER NOT EXISTS {{ <{concept}> skos:notation ?own }}
            <{concept}> (skos:closeMatch|skos:broader)/skos:notation ?n }}""")
        assert rows, concept


def test_event_keys_and_codes_agree_with_events_ttl(store: ox.Store) -> None:
    concepts = {c for (c,) in select(store, "SELECT ?c WHERE { ?c skos:inScheme kbe:scheme }")}
    assert concepts == set(EVENT) - {EVENT.scheme} == set(EVENT_KEY) == set(EVENT_CAMEO)
    keys = select(store, "SELECT ?c ?k WHERE { ?c skos:inScheme kbe:scheme ; kb:key ?k }")
    assert dict(keys) == EVENT_KEY and len(keys) == len(concepts)
    assert set(EVENT_KEY.values()) == set(EVENT_KEYS) == set(facts.EVENT_TYPES)
    nearest = select(store, """
        SELECT ?c (SAMPLE(?code) AS ?n) WHERE {
            ?c skos:inScheme kbe:scheme .
            OPTIONAL { ?c skos:notation ?own }
            OPTIONAL { ?c skos:closeMatch/skos:notation ?close }
            OPTIONAL { ?c skos:broader/skos:notation ?parent }
            BIND (STR(COALESCE(?own, ?close, ?parent)) AS ?code)
        } GROUP BY ?c""")
    assert dict(nearest) == EVENT_CAMEO
    threats = {c for (c,) in select(store, "SELECT ?c WHERE { ?c skos:broader* kbe:threaten }")}
    assert threats == {c for c, k in EVENT_KEY.items() if k == "threaten"}
    assert set(EVENT_FOR_KEY) == set(EVENT_KEYS)
    assert all(EVENT_KEY[c] == k for k, c in EVENT_FOR_KEY.items())


def test_type_tables_agree_with_kb_keys(graphs: dict[str, Graph]) -> None:
    g = graphs["kb.ttl"]
    for table, expected in ((PLACE_CLASS, facts.PLACE_TYPES), (ORG_CLASS, facts.ORG_TYPES),
                            (LAW_TYPE, facts.LAW_TYPES), (FACTUALITY, facts.FACTUALITY)):
        assert set(table) == set(expected)
        for key, iri in table.items():
            assert str(g.value(U(iri), U(KB.key))) == key, iri
    laws = {str(c) for c in g.subjects(U(SKOS.inScheme), U(KB.LegislationTypeScheme))}
    assert laws == set(LAW_TYPE.values())
    values = {str(c) for c in g.subjects(U(SKOS.inScheme), U(KB.FactualityScheme))}
    assert values == set(FACTUALITY.values())


def test_role_scheme(graphs: dict[str, Graph]) -> None:
    g = graphs["kb.ttl"]
    roles = {str(c) for c in g.subjects(U(SKOS.inScheme), U(ROLE.scheme))}
    assert roles == set(ROLE) - {ROLE.scheme}
    for role in roles:
        assert (U(role), U(RDF.type), U(ORG.Role)) in g
        assert g.value(U(role), U(SKOS.prefLabel)) is not None
    for name in ("mayor", "governor", "attorney_general", "state_attorney_general", "senator",
                 "representative", "president", "secretary", "spokesperson", "commissioner",
                 "police_chief", "judge", "council_member", "lieutenant_governor", "sheriff"):
        assert ROLE[name] in roles
    assert (U(ROLE.state_attorney_general), U(SKOS.broader), U(ROLE.attorney_general)) in g


def test_alignments(graphs: dict[str, Graph]) -> None:
    g = graphs["kb.ttl"]
    sub = U(RDFS.subPropertyOf)
    assert (U(KB.agent), sub, U(SEM.hasActor)) in g
    assert (U(KB.target), sub, U(SEM.hasActor)) in g
    assert (U(KB.recipient), sub, U(SCHEMA.fundedItem)) in g
    assert (U(KB.threatenedAction), sub, U(SEM.hasSubEvent)) in g
    assert (U(KB.authorizedBy), sub, U(DCT.references)) in g
    assert (U(KB.County), U(RDFS.subClassOf), U(SCHEMA.AdministrativeArea)) in g


# --- SHACL ----------------------------------------------------------------------------------------


def _mention(g: Graph, node: URIRef, doc: URIRef, text: str, start: int, rule: str) -> URIRef:
    g.add((node, U(RDF.type), U(KB.Mention)))
    g.add((node, U(OA.exact), Literal(text)))
    g.add((node, U(OA.start), Literal(start)))
    g.add((node, U(OA.end), Literal(start + len(text))))
    g.add((node, U(OA.hasSource), doc))
    g.add((node, U(KB.rule), Literal(rule)))
    g.add((node, U(KB.confidence), Literal(Decimal("0.9"))))
    return node


def valid_graph() -> Graph:
    """A threat by a person against a city about a law and a grant, with a statement, a
    membership and the entities they need, each fact with evidence."""
    g = Graph()
    a = U(RDF.type)

    def date(s: str) -> Literal:
        return Literal(s, datatype=U(XSD.date))

    doc = r("doc/3f2a")
    g.add((doc, a, U(SCHEMA.NewsArticle)))
    g.add((doc, U(SCHEMA.url), URIRef("https://news.example/2017/03/27/sanctuary")))
    g.add((doc, U(SCHEMA.headline), Literal("Sessions warns sanctuary cities")))
    g.add((doc, U(SCHEMA.datePublished), date("2017-03-27")))
    g.add((doc, U(SCHEMA.sha256), Literal("0123456789abcdef" * 4)))
    sentence = "Attorney General Jeff Sessions threatened to withhold grants from Hartford."
    ev_member = _mention(g, r("doc/3f2a/m/1"), doc, "Attorney General Jeff Sessions", 0,
                         "official.title")
    ev_event = _mention(g, r("doc/3f2a/m/2"), doc, sentence, 0, "event.threaten.verb")
    ev_quote = _mention(g, r("doc/3f2a/m/3"), doc, "Such policies make their cities less safe", 80,
                        "statement.said")
    ev_grant = _mention(g, r("doc/3f2a/m/4"), doc, "Office of Justice Programs grants", 120,
                        "grant.noun")

    us, ct, hartford = r("place/us"), r("place/us/ct"), r("place/us/ct/hartford")
    for node, cls, name, parent in ((us, SCHEMA.Country, "United States", None),
                                    (ct, SCHEMA.State, "Connecticut", us),
                                    (hartford, SCHEMA.City, "Hartford", ct)):
        g.add((node, a, U(cls)))
        g.add((node, U(SCHEMA.name), Literal(name)))
        if parent is not None:
            g.add((node, U(SCHEMA.containedInPlace), parent))

    doj, ojp = r("org/us/doj"), r("org/us/doj/ojp")
    for node, cls, name in ((doj, KB.Department, "Department of Justice"),
                            (ojp, KB.Agency, "Office of Justice Programs")):
        g.add((node, a, U(cls)))
        g.add((node, a, U(ORG.Organization)))
        g.add((node, U(SCHEMA.name), Literal(name)))
        g.add((node, U(KB.jurisdiction), us))
    g.add((ojp, U(ORG.subOrganizationOf), doj))

    sessions = r("person/jeff-sessions")
    g.add((sessions, a, U(SCHEMA.Person)))
    g.add((sessions, U(SCHEMA.name), Literal("Jeff Sessions")))
    g.add((sessions, U(SKOS.altLabel), Literal("Sessions")))

    post = r("post/us/attorney-general")
    g.add((post, a, U(ORG.Post)))
    g.add((post, U(ORG.role), U(ROLE.attorney_general)))
    g.add((post, U(ORG.postIn), doj))
    g.add((post, U(KB.jurisdiction), us))
    g.add((post, U(SCHEMA.name), Literal("Attorney General of the United States")))
    g.add((sessions, U(ORG.holds), post))

    membership = r("membership/jeff-sessions/us/attorney-general")
    g.add((membership, a, U(ORG.Membership)))
    g.add((membership, U(ORG.member), sessions))
    g.add((membership, U(KB.post), post))
    g.add((membership, U(SCHEMA.validFrom), date("2017-02-09")))
    g.add((membership, U(KB.evidence), ev_member))

    law = r("law/us/usc/8/1373")
    g.add((law, a, U(SCHEMA.Legislation)))
    g.add((law, a, U(ELI.LegalResourceSubdivision)))
    g.add((law, U(SCHEMA.legislationIdentifier), Literal("8 U.S.C. § 1373")))
    g.add((law, U(SCHEMA.legislationType), U(LAW_TYPE["statute"])))
    g.add((law, U(SCHEMA.legislationJurisdiction), us))
    g.add((law, U(SKOS.altLabel), Literal("section 1373")))

    grant, amount = r("grant/us/ojp-grants"), BNode()
    g.add((grant, a, U(SCHEMA.MonetaryGrant)))
    g.add((grant, U(SCHEMA.name), Literal("Office of Justice Programs grants")))
    g.add((grant, U(SCHEMA.funder), ojp))
    g.add((grant, U(KB.recipient), hartford))
    g.add((grant, U(SCHEMA.amount), amount))
    g.add((grant, U(KB.evidence), ev_grant))
    g.add((amount, a, U(SCHEMA.MonetaryAmount)))
    g.add((amount, U(SCHEMA.minValue), Literal(Decimal("4000000000"))))
    g.add((amount, U(SCHEMA.currency), Literal("USD")))
    g.add((amount, U(SCHEMA.name), Literal("more than $4 billion")))

    threat, withhold = r("event/3f2a/1"), r("event/3f2a/1/action")
    g.add((threat, a, U(SEM.Event)))
    g.add((threat, U(SEM.eventType), U(EVENT.threaten_aid)))
    g.add((threat, U(KB.agent), sessions))
    g.add((threat, U(KB.target), hartford))
    g.add((threat, U(KB.aboutLaw), law))
    g.add((threat, U(KB.aboutGrant), grant))
    g.add((threat, U(KB.threatenedAction), withhold))
    g.add((threat, U(KB.factuality), U(FACTUALITY["asserted"])))
    g.add((threat, U(SEM.hasTimeStamp), date("2017-03-27")))
    g.add((threat, U(KB.evidence), ev_event))
    g.add((withhold, a, U(SEM.Event)))  # nested: shares the threat's evidence
    g.add((withhold, U(SEM.eventType), U(EVENT_FOR_KEY["withhold"])))
    g.add((withhold, U(KB.agent), doj))
    g.add((withhold, U(KB.target), hartford))
    g.add((withhold, U(KB.factuality), U(FACTUALITY["future"])))

    quote = r("statement/3f2a/1")
    g.add((quote, a, U(SCHEMA.Quotation)))
    g.add((quote, U(SCHEMA.text), Literal("Such policies make their cities less safe")))
    g.add((quote, U(SCHEMA.creator), sessions))
    g.add((quote, U(SCHEMA.about), law))
    g.add((quote, U(PROV.wasQuotedFrom), doc))
    g.add((quote, U(SCHEMA.dateCreated), date("2017-03-27")))
    g.add((quote, U(KB.evidence), ev_quote))
    return g


def test_valid_example_conforms() -> None:
    report = validate_graph(valid_graph())
    assert isinstance(report, ValidationReport)
    assert report.conforms, report.text
    assert report.violations == ()


def test_the_ontology_itself_conforms_to_the_shapes() -> None:
    report = validate_graph(ontology.load_graph("kb.ttl", "events.ttl"))
    assert report.conforms, report.text


def test_invalid_example_fails_with_the_expected_violations() -> None:
    g = valid_graph()
    a = U(RDF.type)
    doc, hartford, sessions = r("doc/3f2a"), r("place/us/ct/hartford"), r("person/jeff-sessions")
    evidence = r("doc/3f2a/m/2")

    bare_threat = r("event/3f2a/2")  # a threat with neither agent nor evidence
    g.add((bare_threat, a, U(SEM.Event)))
    g.add((bare_threat, U(SEM.eventType), U(EVENT.threaten_unspecified)))
    g.add((bare_threat, U(KB.target), hartford))

    mute = r("statement/3f2a/2")  # a statement nobody said
    g.add((mute, a, U(SCHEMA.Quotation)))
    g.add((mute, U(SCHEMA.text), Literal("We will not back down")))
    g.add((mute, U(KB.evidence), evidence))

    announcement = r("event/3f2a/3")  # threatened action on an event that is not a threat
    g.add((announcement, a, U(SEM.Event)))
    g.add((announcement, U(SEM.eventType), U(EVENT.announce)))
    g.add((announcement, U(KB.agent), sessions))
    g.add((announcement, U(KB.evidence), evidence))
    g.add((announcement, U(KB.threatenedAction), r("event/3f2a/1/action")))

    made_up = r("event/3f2a/4")  # an event type outside the scheme
    g.add((made_up, a, U(SEM.Event)))
    g.add((made_up, U(SEM.eventType), r("not-an-event-type")))
    g.add((made_up, U(KB.evidence), evidence))

    sloppy = r("doc/3f2a/m/9")  # offsets as strings, no sentence, no document
    g.add((sloppy, U(OA.start), Literal("5")))
    g.add((sloppy, U(OA.end), Literal(9)))
    g.add((r("membership/x"), a, U(ORG.Membership)))
    g.add((r("membership/x"), U(ORG.member), sessions))
    g.add((r("membership/x"), U(KB.evidence), sloppy))

    lawless = r("law/unnamed")
    g.add((lawless, a, U(SCHEMA.Legislation)))
    g.add((doc, U(SCHEMA.sha256), Literal("not-a-hash")))

    report = validate_graph(g)
    assert not report.conforms
    assert all(isinstance(v, Violation) and v.severity == "Violation" for v in report.violations)
    found = {(v.focus, v.path) for v in report.violations}
    expected = {
        (str(bare_threat), prefixed(KB.agent)),
        (str(bare_threat), prefixed(KB.evidence)),
        (str(mute), prefixed(SCHEMA.creator)),
        (str(announcement), prefixed(SEM.eventType)),
        (RESOURCE_BASE + "not-an-event-type", prefixed(SKOS.inScheme)),
        (RESOURCE_BASE + "not-an-event-type", prefixed(KB.key)),
        (RESOURCE_BASE + "not-an-event-type", None),  # sh:class skos:Concept
        (str(sloppy), prefixed(OA.start)),
        (str(sloppy), prefixed(OA.exact)),
        (str(sloppy), prefixed(OA.hasSource)),
        (r("membership/x").toPython(), prefixed(KB.post)),
        (str(lawless), None),
        (str(doc), prefixed(SCHEMA.sha256)),
    }
    assert found == expected, report.text
    messages = {(v.focus, v.message) for v in report.violations}
    assert (str(bare_threat), "A threat event needs an agent (kb:agent)") in messages
    assert (str(mute), "A statement needs a speaker (schema:creator)") in messages


def test_vocab_module_lists_all_public_names() -> None:
    for name in vocab.__all__:
        assert hasattr(vocab, name), name
