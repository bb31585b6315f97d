"""Path queries over the entity graph (kb/paths.py), on a small graph written here in Turtle."""

from __future__ import annotations

import pytest

from kb.api import KnowledgeBase
from kb.errors import UnknownEntity, UsageError
from kb.labels import label_index, resolve_entity
from kb.paths import event_label, evidence_for, projection, shortest_paths
from kb.vocab import EVENT, KB, OA, ORG, PREFIXES, SCHEMA, SEM, SKOS, XSD

R = PREFIXES["kbr"]
SESSIONS = f"{R}person/jeff-sessions"
BRONIN = f"{R}person/luke-bronin"
HARTFORD = f"{R}place/us/ct/hartford"
CONNECTICUT = f"{R}place/us/ct"
USA = f"{R}place/us"
MAYOR = f"{R}post/us/ct/hartford/mayor"
LAW = f"{R}law/us/usc/8/1373"
DOJ = f"{R}org/us/doj"
DOC = f"{R}doc/letters"
THREAT_SENTENCE = (
    "Attorney General Jeff Sessions threatened on Monday to cut grants to Hartford "
    "unless the city complies with 8 U.S.C. 1373."
)

# Shared descriptions in the default graph, one document's facts in its named graph, as ingest
# writes them.
SHARED = f"""
<{SESSIONS}> a <{SCHEMA.Person}> ; <{SCHEMA.name}> "Jeff Sessions" ;
    <{SKOS.altLabel}> "Sessions" , "Attorney General Sessions" .
<{BRONIN}> a <{SCHEMA.Person}> ; <{SCHEMA.name}> "Luke Bronin" ; <{SKOS.altLabel}> "Bronin" .
<{USA}> a <{SCHEMA.Country}> ; <{SCHEMA.name}> "United States" .
<{CONNECTICUT}> a <{SCHEMA.State}> ; <{SCHEMA.name}> "Connecticut" ;
    <{SCHEMA.containedInPlace}> <{USA}> .
<{HARTFORD}> a <{SCHEMA.City}> ; <{SCHEMA.name}> "Hartford" ;
    <{SCHEMA.containedInPlace}> <{CONNECTICUT}> .
<{MAYOR}> a <{ORG.Post}> ; <{SCHEMA.name}> "Mayor of Hartford" ; <{KB.jurisdiction}> <{HARTFORD}> .
<{LAW}> a <{SCHEMA.Legislation}> ; <{SCHEMA.name}> "8 U.S.C. § 1373" .
<{DOJ}> a <{KB.Department}> ; <{SCHEMA.name}> "Department of Justice" .
<{R}person/john-smith-1> a <{SCHEMA.Person}> ; <{SCHEMA.name}> "John Smith" .
<{R}person/john-smith-2> a <{SCHEMA.Person}> ; <{SCHEMA.name}> "John Smith" .
<{EVENT.threaten_aid}> a <{SKOS.Concept}> ; <{SKOS.prefLabel}> "Threaten to reduce aid" .
"""

DOCUMENT = f"""
<{DOC}> a <{SCHEMA.NewsArticle}> ; <{SCHEMA.headline}> "Sessions warns cities" ;
    <{SCHEMA.mentions}> <{SESSIONS}> , <{BRONIN}> , <{HARTFORD}> , <{USA}> .
<{R}fact/threat> a <{SEM.Event}> ; <{SEM.eventType}> <{EVENT.threaten_aid}> ;
    <{KB.agent}> <{SESSIONS}> ; <{KB.target}> <{HARTFORD}> ; <{KB.aboutLaw}> <{LAW}> ;
    <{KB.threatenedAction}> <{R}fact/withhold> ;
    <{SEM.hasTimeStamp}> "2017-03-27"^^<{XSD.date}> ; <{KB.evidence}> <{R}mention/1> .
<{R}fact/withhold> a <{SEM.Event}> ; <{SEM.eventType}> <{EVENT.withhold}> ;
    <{KB.factuality}> <{KB.future}> ; <{KB.agent}> <{DOJ}> ; <{KB.target}> <{HARTFORD}> .
<{R}mention/1> a <{KB.Mention}> ; <{OA.exact}> "{THREAT_SENTENCE}" ; <{OA.hasSource}> <{DOC}> .
<{R}fact/tenure> a <{ORG.Membership}> ; <{ORG.member}> <{BRONIN}> ; <{KB.post}> <{MAYOR}> ;
    <{SCHEMA.validFrom}> "2016-01-01"^^<{XSD.date}> ; <{KB.evidence}> <{R}mention/2> .
<{R}mention/2> a <{KB.Mention}> ;
    <{OA.exact}> "Hartford Mayor Luke Bronin said the city would not change course." .
<{R}fact/quote> a <{SCHEMA.Quotation}> ; <{SCHEMA.creator}> <{BRONIN}> ; <{SCHEMA.about}> <{LAW}> ;
    <{SCHEMA.text}> "We comply with the law." ; <{KB.evidence}> <{R}mention/3> .
<{R}mention/3> a <{KB.Mention}> ;
    <{OA.exact}> "\\"We comply with the law,\\" Bronin said of section 1373." .
"""


@pytest.fixture
def kb() -> KnowledgeBase:
    base = KnowledgeBase.open("memory:")
    base.load_data(SHARED, format="turtle")
    base.load_data(DOCUMENT, format="turtle", graph=DOC)
    return base


# -- resolving names ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Jeff Sessions",
        "jeff  SESSIONS",
        "Sessions",
        "kbr:person/jeff-sessions",
        SESSIONS,
        f"<{SESSIONS}>",
    ],
)
def test_resolve_entity_by_name_alias_prefixed_name_and_iri(kb: KnowledgeBase, text: str) -> None:
    assert resolve_entity(kb, text) == SESSIONS


def test_ambiguous_name_lists_the_candidates(kb: KnowledgeBase) -> None:
    with pytest.raises(UnknownEntity) as info:
        resolve_entity(kb, "john smith")
    message = str(info.value)
    assert "ambiguous" in message
    assert "kbr:person/john-smith-1" in message and "kbr:person/john-smith-2" in message
    assert info.value.candidates == [f"{R}person/john-smith-1", f"{R}person/john-smith-2"]


def test_unknown_name_suggests_entities_sharing_a_word(kb: KnowledgeBase) -> None:
    with pytest.raises(UnknownEntity, match=r"no entity named 'Jefferson Sessions'.*Jeff Sessions"):
        resolve_entity(kb, "Jefferson Sessions")
    with pytest.raises(UnknownEntity, match="no entity kbr:person/nobody"):
        resolve_entity(kb, "kbr:person/nobody")


def test_label_index_completes_word_prefixes(kb: KnowledgeBase) -> None:
    index = label_index(kb)
    assert index.complete("Sess")[0] == ("Jeff Sessions", SESSIONS)
    assert ("Luke Bronin", BRONIN) in index.complete("bro")
    assert index.complete("") == []


# -- the projection ---------------------------------------------------------------------------


def test_projection_has_entities_only_and_facts_as_labelled_edges(kb: KnowledgeBase) -> None:
    proj = projection(kb)
    nodes = set(proj.graph.nodes)
    assert {SESSIONS, BRONIN, HARTFORD, MAYOR, LAW, DOJ, USA} <= nodes
    for hidden in (DOC, f"{R}fact/threat", f"{R}mention/1", EVENT.threaten_aid):
        assert hidden not in nodes  # no shortcuts through documents, mentions or concepts
    threat = [r for r in proj.graph[SESSIONS][HARTFORD]["rels"] if r.fact == f"{R}fact/threat"]
    assert len(threat) == 1
    rel = threat[0]
    assert (rel.source, rel.target, rel.label) == (SESSIONS, HARTFORD, "threatened")
    assert rel.predicate == KB.target and rel.kind == EVENT.threaten_aid
    assert rel.date == "2017-03-27"
    assert rel.evidence is None  # sentences are read per path request, for the hops shown
    # the nested event (no date of its own) borrows the date of the threat it sits in
    withhold = proj.graph[DOJ][HARTFORD]["rels"][0]
    assert withhold.label == "will withhold" and withhold.date == "2017-03-27"
    # a plain triple between entities is an edge labelled from ontology/kb.ttl
    assert proj.graph[HARTFORD][CONNECTICUT]["rels"][0].label == "contained in place"


def test_projection_is_cached_until_the_store_changes(kb: KnowledgeBase) -> None:
    first = projection(kb)
    assert projection(kb) is first
    kb.load_data(
        f'<{R}person/x> a <{SCHEMA.Person}> ; <{SCHEMA.name}> "X" ; <{SCHEMA.about}> <{USA}> .',
        format="turtle",
    )
    second = projection(kb)
    assert second is not first and f"{R}person/x" in second.graph


def test_event_labels_follow_type_and_factuality() -> None:
    assert event_label(EVENT.threaten_aid) == "threatened"
    assert event_label(EVENT.sue, KB.negated) == "did not sue"
    assert event_label(EVENT.withhold, KB.hypothetical) == "might withhold"
    assert event_label(EVENT.criticize) == "criticized"
    assert event_label(EVENT.make_statement) == "made a statement about"
    assert event_label(None) == "acted on"


# -- searching ----------------------------------------------------------------------------------


def test_shortest_path_hops_carry_relation_date_and_evidence(kb: KnowledgeBase) -> None:
    result = shortest_paths(kb, "Jeff Sessions", "Luke Bronin")
    assert result.complete and len(result) == 1
    (path,) = result.paths
    assert path.nodes == (SESSIONS, LAW, BRONIN)
    first, second = path.hops
    assert (
        first.text()
        == f'Jeff Sessions -[threatened]-> 8 U.S.C. § 1373 (2017-03-27): "{THREAT_SENTENCE}"'
    )
    assert second.text().startswith("8 U.S.C. § 1373 <-[spoke about]- Luke Bronin: ")
    assert "We comply with the law" in second.text()


def test_hops_show_the_sentence_of_their_fact_or_of_the_event_it_sits_in(kb: KnowledgeBase) -> None:
    (threat,) = kb.path("Jeff Sessions", "Hartford").paths[0].hops
    assert threat.relation.evidence == THREAT_SENTENCE and threat.relation.document == DOC
    (withhold,) = kb.path("Department of Justice", "Hartford").paths[0].hops
    assert withhold.text() == (
        f'Department of Justice -[will withhold]-> Hartford (2017-03-27): "{THREAT_SENTENCE}"'
    )


def test_k_shortest_paths_come_shortest_first(kb: KnowledgeBase) -> None:
    result = kb.path("Sessions", "Bronin", k=3)
    lengths = [len(p.hops) for p in result.paths]
    assert lengths == sorted(lengths) and lengths[0] == 2 and len(lengths) >= 2
    texts = result.text()
    assert "path 1 (2 hops)" in texts
    assert "  Hartford <-[jurisdiction]- Mayor of Hartford\n" in texts
    assert "  Mayor of Hartford <-[held]- Luke Bronin (2016-01-01): " in texts


def test_via_limits_the_relations(kb: KnowledgeBase) -> None:
    result = kb.path(SESSIONS, BRONIN, via=["kb:target", "kb:jurisdiction", "held"])
    (path,) = result.paths
    assert path.nodes == (SESSIONS, HARTFORD, MAYOR, BRONIN)
    none = kb.path(SESSIONS, BRONIN, via=["schema:containedInPlace"])
    assert none.paths == () and "no path between Jeff Sessions and Luke Bronin" in none.text()


def test_node_types_limit_the_entities_passed_through(kb: KnowledgeBase) -> None:
    # schema:City is a subclass of schema:AdministrativeArea in ontology/kb.ttl
    result = kb.path(
        "Jeff Sessions", "Luke Bronin", node_types=["schema:AdministrativeArea", "org:Post"]
    )
    assert result.paths[0].nodes == (SESSIONS, HARTFORD, MAYOR, BRONIN)


def test_hop_limit_and_bad_arguments(kb: KnowledgeBase) -> None:
    assert kb.path("Jeff Sessions", "Luke Bronin", max_hops=1).paths == ()
    assert len(kb.path("Jeff Sessions", "United States", max_hops=3).paths[0].hops) == 3
    with pytest.raises(UsageError, match="k must be between"):
        kb.path("Jeff Sessions", "Luke Bronin", k=0)
    with pytest.raises(UnknownEntity):
        kb.path("Nobody At All", "Luke Bronin")


def test_as_dict_is_json_ready(kb: KnowledgeBase) -> None:
    import json

    data = kb.path("Jeff Sessions", "Hartford").as_dict()
    hop = data["paths"][0][0]
    assert hop["relation"] == "threatened" and hop["fact"] == f"{R}fact/threat"
    assert json.loads(json.dumps(data)) == data


def test_evidence_for_facts(kb: KnowledgeBase) -> None:
    rows = evidence_for(kb, [f"{R}fact/threat", f"{R}fact/quote", SESSIONS]).dicts()
    assert [r["sentence"].value for r in rows if r["node"].value == f"{R}fact/threat"] == [
        THREAT_SENTENCE
    ]
    assert len(rows) == 2


# -- the CLI ------------------------------------------------------------------------------------


def test_cli_path_prints_hops_and_exits_1_without_a_path(tmp_path) -> None:
    import json

    from typer.testing import CliRunner

    from shell.cli import app

    store = str(tmp_path / "store")
    data = tmp_path / "data.trig"
    data.write_text(SHARED + f"<{DOC}> {{ {DOCUMENT} }}")
    runner = CliRunner()
    assert runner.invoke(app, ["load", str(data), "--store", store]).exit_code == 0
    ok = runner.invoke(app, ["path", "Jeff Sessions", "Hartford", "--store", store])
    assert ok.exit_code == 0, ok.stderr
    assert ok.stdout.startswith(
        "path 1 (1 hop)\n  Jeff Sessions -[threatened]-> Hartford (2017-03-27)"
    )
    as_json = runner.invoke(
        app, ["path", "Sessions", "Bronin", "-k", "2", "--format", "json", "--store", store]
    )
    assert len(json.loads(as_json.stdout)["paths"]) == 2
    none = runner.invoke(app, ["path", "Sessions", "Bronin", "--max-hops", "1", "--store", store])
    assert none.exit_code == 1 and "no path between" in none.stderr
    unknown = runner.invoke(app, ["path", "Nobody", "Bronin", "--store", store])
    assert unknown.exit_code == 2 and unknown.stderr.startswith(
        "kb: error: no entity named 'Nobody'"
    )
