"""Export to GEXF 1.3 and GraphML (kb/export.py, `kb export`), and the Python API.

The data is written here in Turtle the way ingest stores it: shared entity descriptions in
the default graph, each document's facts in its own named graph. One threat is reported by
two documents (two evidence sentences, two dates), so its edge must weigh 2 and span both
dates. Every GEXF file is checked with the conformance kit's validator against the official
1.3 schema, then read back with networkx; GraphML is read back with networkx and igraph.
"""

from __future__ import annotations

import io
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import igraph
import networkx as nx
import pytest

from kb import KnowledgeBase
from kb.errors import UnknownEntity, UsageError
from kb.vocab import EVENT, KB, OA, ORG, PREFIXES, SCHEMA, SEM, XSD

SHARED_DIR = Path(__file__).resolve().parents[1].parent / "shared"
VALIDATOR = SHARED_DIR / "conformance" / "validate_gexf.py"
KB_EXE = str(Path(sys.executable).with_name("kb"))
GEXF = "{http://gexf.net/1.3}"

R = PREFIXES["kbr"]
SESSIONS = f"{R}person/jeff-sessions"
BRONIN = f"{R}person/luke-bronin"
HARTFORD = f"{R}place/us/ct/hartford"
CONNECTICUT = f"{R}place/us/ct"
USA = f"{R}place/us"
MAYOR = f"{R}post/us/ct/hartford/mayor"
LAW = f"{R}law/us/usc/8/1373"
DOJ = f"{R}org/us/doj"
GRANT = f"{R}grant/byrne-jag-hartford"
ODD = f"{R}org/smith-wesson"
DOC1 = f"{R}doc/letters"
DOC2 = f"{R}doc/follow-up"
THREAT_1 = "Attorney General Jeff Sessions threatened to cut grants to Hartford over 8 U.S.C. 1373."
THREAT_2 = "Sessions repeated the threat to Hartford in April."

SHARED = f"""
<{SESSIONS}> a <{SCHEMA.Person}> ; <{SCHEMA.name}> "Jeff Sessions" ; <{KB.key}> "x" .
<{BRONIN}> a <{SCHEMA.Person}> ; <{SCHEMA.name}> "Luke Bronin" .
<{USA}> a <{SCHEMA.Country}> ; <{SCHEMA.name}> "United States" ;
    <{SCHEMA.sameAs}> <https://sws.geonames.org/6252001/> .
<{CONNECTICUT}> a <{SCHEMA.State}> ; <{SCHEMA.name}> "Connecticut" ;
    <{SCHEMA.containedInPlace}> <{USA}> ; <{SCHEMA.identifier}> "ocd-division/country:us/state:ct" .
<{HARTFORD}> a <{SCHEMA.City}> ; <{SCHEMA.name}> "Hartford" ;
    <{SCHEMA.containedInPlace}> <{CONNECTICUT}> ;
    <{SCHEMA.sameAs}> <https://sws.geonames.org/4835797/> ;
    <{SCHEMA.identifier}> "ocd-division/country:us/state:ct/place:hartford" .
<{MAYOR}> a <{ORG.Post}> ; <{SCHEMA.name}> "Mayor of Hartford" ; <{KB.jurisdiction}> <{HARTFORD}> .
<{LAW}> a <{SCHEMA.Legislation}> ; <{SCHEMA.name}> "8 U.S.C. § 1373" .
<{DOJ}> a <{KB.Department}> ; <{SCHEMA.name}> "Department of Justice" .
<{ODD}> a <{SCHEMA.Corporation}> ; <{SCHEMA.name}> "Smith & Wesson \\"S&W\\" <Inc>" .
<{GRANT}> a <{SCHEMA.MonetaryGrant}> ; <{SCHEMA.name}> "Byrne JAG grant to Hartford" ;
    <{SCHEMA.funder}> <{DOJ}> ; <{KB.recipient}> <{HARTFORD}> .
"""

DOCUMENT_1 = f"""
<{DOC1}> a <{SCHEMA.NewsArticle}> ; <{SCHEMA.headline}> "Sessions warns cities" .
<{R}fact/threat> a <{SEM.Event}> ; <{SEM.eventType}> <{EVENT.threaten_aid}> ;
    <{KB.agent}> <{SESSIONS}> ; <{KB.target}> <{HARTFORD}> ; <{KB.aboutLaw}> <{LAW}> ;
    <{SEM.hasTimeStamp}> "2017-03-27"^^<{XSD.date}> ; <{KB.evidence}> <{R}mention/1> .
<{R}mention/1> a <{KB.Mention}> ; <{OA.exact}> "{THREAT_1}" ; <{OA.hasSource}> <{DOC1}> .
<{R}fact/tenure> a <{ORG.Membership}> ; <{ORG.member}> <{BRONIN}> ; <{KB.post}> <{MAYOR}> ;
    <{SCHEMA.validFrom}> "2016-01-01"^^<{XSD.date}> ; <{KB.evidence}> <{R}mention/3> .
<{R}mention/3> a <{KB.Mention}> ; <{OA.exact}> "Hartford Mayor Luke Bronin spoke." ;
    <{OA.hasSource}> <{DOC1}> .
<{R}fact/quote> a <{SCHEMA.Quotation}> ; <{SCHEMA.creator}> <{BRONIN}> ; <{SCHEMA.about}> <{LAW}> ;
    <{SCHEMA.dateCreated}> "2017-03-28"^^<{XSD.date}> ; <{KB.evidence}> <{R}mention/4> .
<{R}mention/4> a <{KB.Mention}> ; <{OA.exact}> "\\"We follow the law,\\" Bronin said." .
"""

DOCUMENT_2 = f"""
<{DOC2}> a <{SCHEMA.NewsArticle}> ; <{SCHEMA.headline}> "The threat, again" ;
    <{SCHEMA.datePublished}> "2018-01-12"^^<{XSD.date}> .
<{R}fact/threat> a <{SEM.Event}> ; <{SEM.eventType}> <{EVENT.threaten_aid}> ;
    <{KB.agent}> <{SESSIONS}> ; <{KB.target}> <{HARTFORD}> ; <{KB.aboutLaw}> <{LAW}> ;
    <{SEM.hasTimeStamp}> "2017-04-21"^^<{XSD.date}> ; <{KB.evidence}> <{R}mention/2> .
<{R}mention/2> a <{KB.Mention}> ; <{OA.exact}> "{THREAT_2}" ; <{OA.hasSource}> <{DOC2}> .
<{R}fact/suit> a <{SEM.Event}> ; <{SEM.eventType}> <{EVENT.sue}> ;
    <{KB.agent}> <{HARTFORD}> ; <{KB.target}> <{DOJ}> ;
    <{SEM.hasTimeStamp}> "2018-01-10"^^<{XSD.date}> ; <{KB.evidence}> <{R}mention/5> .
<{R}mention/5> a <{KB.Mention}> ; <{OA.exact}> "Hartford sued the Justice Department." ;
    <{OA.hasSource}> <{DOC2}> .
<{R}fact/reply> a <{SCHEMA.Quotation}> ; <{SCHEMA.creator}> <{SESSIONS}> ;
    <{SCHEMA.about}> <{HARTFORD}> ; <{KB.evidence}> <{R}mention/6> .
<{R}mention/6> a <{KB.Mention}> ; <{OA.exact}> "\\"We will see them in court,\\" Sessions said." ;
    <{OA.hasSource}> <{DOC2}> .
"""

ENTITIES = {SESSIONS, BRONIN, USA, CONNECTICUT, HARTFORD, MAYOR, LAW, DOJ, ODD, GRANT}


def _load(kb: KnowledgeBase) -> KnowledgeBase:
    kb.load_data(SHARED, format="turtle")
    kb.load_data(DOCUMENT_1, format="turtle", graph=DOC1)
    kb.load_data(DOCUMENT_2, format="turtle", graph=DOC2)
    return kb


@pytest.fixture
def kb() -> KnowledgeBase:
    return _load(KnowledgeBase.open("memory:"))


def validate(path: Path, *extra: str) -> None:
    """The conformance kit's validator, run by the venv's Python (it needs lxml)."""
    r = subprocess.run(
        [sys.executable, str(VALIDATOR), *extra, str(path)], capture_output=True, text=True
    )
    assert r.returncode == 0, r.stdout + r.stderr


def edges_by_label(g: nx.MultiDiGraph) -> dict[tuple[str, str, str], dict]:
    return {(u, v, d["label"]): d for u, v, d in g.edges(data=True)}


# -- GEXF -------------------------------------------------------------------------------------


def test_gexf_is_valid_1_3_and_reads_back_with_networkx(kb: KnowledgeBase, tmp_path: Path):
    out = tmp_path / "all.gexf"
    report = kb.export(out)
    assert (report.nodes, report.edges, report.warnings) == (len(ENTITIES), 12, ())
    validate(out)
    validate(out, "--rng")  # the official RELAX NG grammar too (exact for 1.3)

    root = ET.parse(out).getroot()
    assert root.tag == f"{GEXF}gexf" and root.get("version") == "1.3"
    graph = root.find(f"{GEXF}graph")
    assert graph.get("name") is None  # networkx writes name="", which 1.3 does not allow
    assert (graph.get("defaultedgetype"), graph.get("mode"), graph.get("timeformat")) == (
        "directed", "dynamic", "date",
    )  # fmt: skip
    assert [c.tag for c in root.find(f"{GEXF}meta")] == [f"{GEXF}creator", f"{GEXF}description"]
    declared = {
        a.get("class"): {x.get("title"): x.get("type") for x in a}
        for a in graph.findall(f"{GEXF}attributes")
    }
    assert declared["node"]["type"] == "string" and declared["node"]["degree"] == "integer"
    assert declared["node"]["geonames id"] == "long"
    assert declared["edge"]["facts"] == "integer" and declared["edge"]["sources"] == "string"

    g = nx.read_gexf(out)
    assert g.number_of_nodes() == report.nodes and g.number_of_edges() == report.edges
    assert set(g.nodes) == ENTITIES
    sessions = g.nodes[SESSIONS]
    assert (sessions["label"], sessions["type"], sessions["degree"]) == (
        "Jeff Sessions",
        "person",
        3,
    )
    assert sessions["viz"]["color"] == {"r": 78, "g": 121, "b": 167, "a": 1.0}
    assert sessions["viz"]["size"] > g.nodes[BRONIN]["viz"]["size"] - 1
    hartford = g.nodes[HARTFORD]
    assert hartford["type"] == "city" and hartford["geonames id"] == 4835797
    assert hartford["ocd id"] == "ocd-division/country:us/state:ct/place:hartford"
    assert g.nodes[CONNECTICUT]["type"] == "state" and g.nodes[USA]["type"] == "country"
    assert g.nodes[DOJ]["type"] == "government" and g.nodes[LAW]["type"] == "law"
    assert g.nodes[GRANT]["type"] == "grant" and g.nodes[MAYOR]["type"] == "post"
    assert g.nodes[ODD]["label"] == 'Smith & Wesson "S&W" <Inc>'  # escaped, not mangled

    edges = edges_by_label(g)
    threat = edges[(SESSIONS, HARTFORD, "threatened")]
    # one fact, reported by two documents: weight 2, first and last date, both sentences
    assert threat["weight"] == 2.0 and threat["facts"] == 1
    assert (threat["start"], threat["end"]) == ("2017-03-27", "2017-04-21")
    assert THREAT_1 in threat["sources"] and THREAT_2 in threat["sources"]
    assert set(threat["documents"].split(" | ")) == {DOC1, DOC2}
    assert threat["fact"] == "event" and threat["relation"] == "kbe:threaten_aid"
    assert edges[(SESSIONS, LAW, "threatened")]["weight"] == 2.0
    tenure = edges[(BRONIN, MAYOR, "held")]
    assert (tenure["weight"], tenure["start"], tenure["fact"]) == (1.0, "2016-01-01", "membership")
    quote = edges[(BRONIN, LAW, "spoke about")]
    # its evidence names no document: the named graph it was written to stands in
    assert quote["fact"] == "statement" and quote["documents"] == DOC1
    assert edges[(HARTFORD, DOJ, "sued")]["start"] == "2018-01-10"
    # a statement with no date of its own is dated by its document's publication date
    reply = edges[(SESSIONS, HARTFORD, "spoke about")]
    assert (reply["start"], reply["end"], reply["weight"]) == ("2018-01-12", "2018-01-12", 1.0)
    assert edges[(DOJ, HARTFORD, "funded")]["fact"] == "grant"
    plain = edges[(HARTFORD, CONNECTICUT, "contained in place")]
    assert plain["fact"] == "relation" and plain["weight"] == 1.0 and "start" not in plain


def test_graphml_reads_back_with_networkx_and_igraph(kb: KnowledgeBase, tmp_path: Path):
    out = tmp_path / "all.graphml"
    report = kb.export(out, format="graphml")
    g = nx.read_graphml(out)
    assert (g.number_of_nodes(), g.number_of_edges()) == (report.nodes, report.edges)
    assert g.nodes[SESSIONS]["label"] == "Jeff Sessions" and g.nodes[SESSIONS]["type"] == "person"
    assert g.nodes[HARTFORD]["geonames"] == 4835797
    threat = edges_by_label(g)[(SESSIONS, HARTFORD, "threatened")]
    assert threat["weight"] == 2.0 and threat["start"] == "2017-03-27"

    ig = igraph.Graph.Read_GraphML(str(out))
    assert (ig.vcount(), ig.ecount()) == (report.nodes, report.edges)
    assert ig.is_directed()
    by_id = {v["id"]: v for v in ig.vs}
    assert by_id[HARTFORD]["label"] == "Hartford" and by_id[HARTFORD]["type"] == "city"
    weights = {
        (ig.vs[e.source]["id"], ig.vs[e.target]["id"], e["label"]): e["weight"] for e in ig.es
    }
    assert weights[(SESSIONS, HARTFORD, "threatened")] == 2.0


def test_facts_as_nodes(kb: KnowledgeBase, tmp_path: Path):
    out = tmp_path / "facts.gexf"
    report = kb.export(out, facts_as_nodes=True)
    validate(out)
    g = nx.read_gexf(out)
    assert g.number_of_nodes() == report.nodes and g.number_of_edges() == report.edges
    threat = f"{R}fact/threat"
    assert g.nodes[threat]["type"] == "event" and g.nodes[threat]["label"] == "threatened"
    assert (g.nodes[threat]["start"], g.nodes[threat]["end"]) == ("2017-03-27", "2017-04-21")
    assert g.nodes[f"{R}fact/quote"]["type"] == "statement"
    edges = edges_by_label(g)
    assert edges[(SESSIONS, threat, "agent")]["weight"] == 2.0  # the doer points at the deed
    assert (threat, HARTFORD, "target") in edges and (threat, LAW, "about law") in edges
    assert (BRONIN, f"{R}fact/tenure", "member") in edges
    assert not any(label == "threatened" for _, _, label in edges)  # no collapsed edges


# -- selections -------------------------------------------------------------------------------


def test_around_hops_selects_the_neighbourhood(kb: KnowledgeBase, tmp_path: Path):
    out = tmp_path / "around.gexf"
    kb.export(out, around=["Luke Bronin"], hops=1)
    validate(out)
    assert set(nx.read_gexf(out).nodes) == {BRONIN, MAYOR, LAW}
    kb.export(out, around=["luke bronin"], hops=2)  # names are matched in any case
    assert set(nx.read_gexf(out).nodes) == {BRONIN, MAYOR, LAW, HARTFORD, SESSIONS}
    kb.export(out, around=["kbr:person/luke-bronin", DOJ], hops=0)
    g = nx.read_gexf(out)
    assert set(g.nodes) == {BRONIN, DOJ} and g.number_of_edges() == 0
    report = kb.export(out, around=[f"<{HARTFORD}>"])  # hops default to 1
    assert set(nx.read_gexf(out).nodes) == {
        HARTFORD, SESSIONS, CONNECTICUT, MAYOR, DOJ, GRANT,
    }  # fmt: skip
    # threatened, spoke about, contained in, jurisdiction, sued, funded, funder, recipient
    assert report.edges == 8


def test_type_selection_includes_subclasses(kb: KnowledgeBase, tmp_path: Path):
    out = tmp_path / "places.gexf"
    report = kb.export(out, types=["schema:Place"])
    validate(out)
    g = nx.read_gexf(out)
    assert set(g.nodes) == {HARTFORD, CONNECTICUT, USA}  # City, State, Country < Place
    assert report.edges == 2 and {d["label"] for _, _, d in g.edges(data=True)} == {
        "contained in place"
    }
    kb.export(out, types=[SCHEMA.Organization, "schema:Person"])  # full IRIs work too
    assert set(nx.read_gexf(out).nodes) == {DOJ, ODD, SESSIONS, BRONIN}
    with pytest.raises(UsageError, match="not a class IRI"):
        kb.export(out, types=["Person"])


def test_construct_query_picks_facts_and_entities(kb: KnowledgeBase, tmp_path: Path):
    out = tmp_path / "threats.gexf"
    query = """
    CONSTRUCT { ?e kb:agent ?who } WHERE { ?e sem:eventType kbe:threaten_aid ; kb:agent ?who }
    """
    report = kb.export(out, construct=query)
    validate(out)
    g = nx.read_gexf(out)
    assert set(g.nodes) == {SESSIONS, HARTFORD, LAW}
    assert {(u, v, d["label"]) for u, v, d in g.edges(data=True)} == {
        (SESSIONS, HARTFORD, "threatened"), (SESSIONS, LAW, "threatened"),
    }  # fmt: skip
    assert report.edges == 2
    # entity-to-entity triples: the store's own relation, or a new one the query invents
    query = f"""CONSTRUCT {{ ?c schema:containedInPlace ?s . ?c <{R}ns/near> ?p }}
    WHERE {{ ?c a schema:City ; schema:containedInPlace ?s . ?p a schema:Person }}"""
    kb.export(out, construct=query)
    validate(out)
    labels = {(u, v, d["label"]) for u, v, d in nx.read_gexf(out).edges(data=True)}
    assert labels == {
        (HARTFORD, CONNECTICUT, "contained in place"),
        (HARTFORD, SESSIONS, "near"), (HARTFORD, BRONIN, "near"),
    }  # fmt: skip


@pytest.mark.parametrize(
    "query, found",
    [
        ("SELECT * WHERE { ?s ?p ?o }", "a SELECT query"),
        ("# CONSTRUCT\nASK { ?s ?p ?o }", "an ASK query"),
        ("DESCRIBE <http://example.org/x>", "a DESCRIBE query"),
        ("hello", "not a SPARQL query"),
    ],
)
def test_non_construct_query_is_a_usage_error(kb: KnowledgeBase, query: str, found: str):
    with pytest.raises(UsageError, match=f"--query needs a CONSTRUCT query; this is {found}"):
        kb.export(io.BytesIO(), construct=query)


def test_since_until_select_facts_by_date(kb: KnowledgeBase, tmp_path: Path):
    out = tmp_path / "dated.gexf"
    report = kb.export(out, since="2018")
    validate(out)
    assert set(nx.read_gexf(out).nodes) == {HARTFORD, DOJ, SESSIONS}
    # the grant has no date: said so, not silently dropped
    assert report.warnings == ("1 fact(s) without a date were left out by --since/--until",)
    kb.export(out, until="2016-12-31")
    assert set(nx.read_gexf(out).nodes) == {BRONIN, MAYOR}
    # a window overlapping the threat's span (27 March to 21 April) keeps it
    kb.export(out, since="2017-04", until="2017-04-30")
    g = nx.read_gexf(out)
    assert set(g.nodes) == {SESSIONS, HARTFORD, LAW}
    # dates combine with the other selections: Hartford's neighbourhood in 2018, and the
    # plain containment triple (no date) still connects it to Connecticut
    kb.export(out, around=["Hartford"], since="2018-01-01")
    assert set(nx.read_gexf(out).nodes) == {HARTFORD, DOJ, SESSIONS, CONNECTICUT, MAYOR, GRANT}
    with pytest.raises(UsageError, match="--since takes a date"):
        kb.export(out, since="last week")
    with pytest.raises(UsageError, match="is after --until"):
        kb.export(out, since="2018", until="2017")


def test_empty_selection_writes_a_valid_empty_file_and_warns(kb: KnowledgeBase, tmp_path: Path):
    out = tmp_path / "empty.gexf"
    report = kb.export(out, types=["schema:NGO"])
    assert (report.nodes, report.edges) == (0, 0)
    assert report.warnings == ("the selection is empty: wrote a graph with no nodes",)
    validate(out)
    g = nx.read_gexf(out)
    assert g.number_of_nodes() == 0
    empty = KnowledgeBase.open("memory:")  # an empty store too
    buffer = io.BytesIO()
    assert empty.export(buffer).nodes == 0
    (tmp_path / "store-empty.gexf").write_bytes(buffer.getvalue())
    validate(tmp_path / "store-empty.gexf")


def test_bad_selections_are_usage_errors(kb: KnowledgeBase, tmp_path: Path):
    out = tmp_path / "x.gexf"
    with pytest.raises(UnknownEntity, match="did you mean Jeff Sessions"):
        kb.export(out, around=["Jefferson Sessions"])
    with pytest.raises(UsageError, match="--hops needs --around"):
        kb.export(out, hops=2)
    with pytest.raises(UsageError, match="unknown export format"):
        kb.export(out, format="dot")
    with pytest.raises(UsageError, match="cannot write"):
        kb.export(tmp_path / "no" / "such" / "dir" / "x.gexf")
    with pytest.raises(UsageError, match="is a directory"):
        kb.export(tmp_path)
    assert not out.exists() and list(tmp_path.iterdir()) == []  # no half-written files


# -- the CLI ----------------------------------------------------------------------------------


def run_kb(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([KB_EXE, *args], capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def disk_env(tmp_path: Path, kb_env: dict[str, str]) -> dict[str, str]:
    """The test data in an on-disk store, loaded through the CLI."""
    for name, text, graph in (
        ("shared.ttl", SHARED, None), ("d1.ttl", DOCUMENT_1, DOC1), ("d2.ttl", DOCUMENT_2, DOC2),
    ):  # fmt: skip
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        r = run_kb("load", str(path), *(["--graph", graph] if graph else []), env=kb_env)
        assert r.returncode == 0, r.stderr
    return kb_env


def test_cli_export(disk_env: dict[str, str], tmp_path: Path):
    out = tmp_path / "cli.gexf"
    r = run_kb("export", "--format", "gexf", "-o", str(out), "--around", "Jeff Sessions",
               "--hops", "1", env=disk_env)  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert r.stderr.strip() == f"wrote 3 nodes and 3 edges to {out} (gexf)"
    validate(out)
    assert set(nx.read_gexf(out).nodes) == {SESSIONS, HARTFORD, LAW}

    query = tmp_path / "places.rq"
    query.write_text("CONSTRUCT { ?p a schema:City } WHERE { ?p a schema:City }")
    graphml = tmp_path / "cli.graphml"
    r = run_kb("export", "--format", "graphml", "-o", str(graphml), "--query", str(query),
               "--type", "schema:Place", "--since", "2017", "--until", "2018-12-31",
               "--facts-as-nodes", env=disk_env)  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert set(nx.read_graphml(graphml).nodes) == {HARTFORD}

    r = run_kb("export", "-o", "-", "--type", "schema:Country", env=disk_env)
    assert r.returncode == 0 and r.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert "United States" in r.stdout


def test_cli_empty_selection_warns_and_exits_0(disk_env: dict[str, str], tmp_path: Path):
    out = tmp_path / "empty.gexf"
    r = run_kb("export", "-o", str(out), "--type", "schema:NGO", env=disk_env)
    assert r.returncode == 0
    assert r.stderr.splitlines()[0] == (
        "kb: warning: the selection is empty: wrote a graph with no nodes"
    )
    validate(out)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--around", "Jefferson Sessions"], "no entity named 'Jefferson Sessions'; did you mean"),
        (["--query", "{select}"], "--query needs a CONSTRUCT query; this is a SELECT query"),
        (["--query", "{missing}"], "cannot read"),
        (["--format", "dot"], "unknown export format 'dot'"),
        (["--since", "soon"], "--since takes a date"),
    ],
)
def test_cli_errors_are_one_line(
    disk_env: dict[str, str], tmp_path: Path, args: list[str], message: str
):
    select = tmp_path / "select.rq"
    select.write_text("SELECT * WHERE { ?s ?p ?o }")
    args = [a.format(select=select, missing=tmp_path / "missing.rq") for a in args]
    r = run_kb("export", "-o", str(tmp_path / "x.gexf"), *args, env=disk_env)
    assert r.returncode == 2
    assert len(r.stderr.splitlines()) == 1 and message in r.stderr, r.stderr
    assert "Traceback" not in r.stderr


def test_cli_unwritable_output(disk_env: dict[str, str], tmp_path: Path):
    r = run_kb("export", "-o", str(tmp_path / "nowhere" / "x.gexf"), env=disk_env)
    assert r.returncode == 2 and len(r.stderr.splitlines()) == 1
    assert "cannot write" in r.stderr and "No such file or directory" in r.stderr


# -- the Python API ---------------------------------------------------------------------------


def test_python_api(tmp_path: Path):
    import kb as package

    assert package.KnowledgeBase is KnowledgeBase
    with KnowledgeBase.open(tmp_path / "store", create=True) as base:
        _load(base)
        rows = base.query(
            "SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name"
        ).rows
        assert [r[0].value for r in rows] == ["Jeff Sessions", "Luke Bronin"]
        found = base.query(
            "SELECT ?p WHERE { ?p schema:name ?name }", bindings={"name": "Hartford"}
        )
        assert [r[0].value for r in found.rows] == [HARTFORD]
        buffer = io.BytesIO()
        report = base.export(buffer, around=["Hartford"], hops=1, format="graphml")
        assert report.nodes == 6 and report.path is None
        assert nx.read_graphml(io.BytesIO(buffer.getvalue())).number_of_nodes() == 6


EVIL = 'Hartford" } ; DROP ALL { <a> <b> "c'
EVIL_VARIANTS = [EVIL, "x' } ; DROP ALL { '", "} ; DROP ALL {", f"<{EVIL}>", "{ ?s ?p ?o }"]


@pytest.mark.parametrize("evil", EVIL_VARIANTS)
def test_parameters_are_bound_never_pasted(kb: KnowledgeBase, evil: str):
    """A name with quotes, braces and `} ; DROP ALL {` is a value: no rows, nothing runs."""
    before = kb.store.count()
    result = kb.query("SELECT ?p WHERE { ?p schema:name ?name }", bindings={"name": evil})
    assert result.rows == []
    result = kb.query("ASK { ?p schema:name ?name }", bindings={"name": evil})
    assert result.boolean is False
    with pytest.raises(UnknownEntity):
        kb.export(io.BytesIO(), around=[evil])
    with pytest.raises(UnknownEntity):
        kb.path(evil, "Hartford")
    # named questions: text parameters match nothing, entity parameters name nothing
    assert len(kb.ask("laws", text="1373").rows) == 1  # the parameter does work
    for name, param in (("laws", "text"), ("said", "text"), ("posts", "role")):
        assert kb.ask(name, **{param: evil}).rows == []
    with pytest.raises(UnknownEntity):
        kb.ask("threats", agent=evil)
    with pytest.raises(UnknownEntity):
        kb.describe(evil)
    assert kb.store.count() == before and kb.query("ASK { ?s ?p ?o }").boolean


def test_cli_parameters_are_bound_never_pasted(disk_env: dict[str, str], tmp_path: Path):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    before = run_kb("query", count, "--format", "csv", env=disk_env).stdout
    select = "SELECT ?p WHERE { ?p schema:name ?name }"
    for value in (EVIL, '"x\\" } ; DROP ALL { \\""'):  # bare, and as a quoted literal
        r = run_kb("query", select, "--bind", f"name={value}", "--format", "csv", env=disk_env)
        assert r.returncode == 0, r.stderr
        assert r.stdout.split() == ["p"]  # the header, no rows
    # a value trying to close its literal and add a triple is refused, not run
    r = run_kb("query", select, "--bind", 'name="x" . <a> <b> "c"', env=disk_env)
    assert r.returncode == 2 and "literal" in r.stderr
    r = run_kb("export", "-o", str(tmp_path / "x.gexf"), "--around", EVIL, env=disk_env)
    assert r.returncode == 2 and "no entity named" in r.stderr
    r = run_kb("path", EVIL, "Hartford", env=disk_env)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    r = run_kb("ask", "laws", "--param", f"text={EVIL}", "--format", "csv", env=disk_env)
    assert r.returncode == 0 and len(r.stdout.splitlines()) == 1, r.stderr  # header only
    r = run_kb("ask", "threats", "--param", f"agent={EVIL}", env=disk_env)
    assert r.returncode == 2 and "no entity named" in r.stderr
    r = run_kb("describe", EVIL, "--format", "json", env=disk_env)
    assert r.returncode == 2 and "no entity named" in r.stderr and "Traceback" not in r.stderr
    assert run_kb("query", count, "--format", "csv", env=disk_env).stdout == before
