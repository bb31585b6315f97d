"""Corrections that survive (issue 12, item 3): `kb merge`, `kb split`, `kb reject`,
`kb corrections [undo ID]` on a real on-disk store filled by a real ingest (spaCy), checked
through queries, questions, paths, exports, re-ingest, forget, new documents and dump/load,
from Python, the `kb` executable and the shell."""

from __future__ import annotations

import getpass
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kb import corrections
from kb.api import KnowledgeBase
from kb.errors import UnknownEntity, UsageError
from kb.vocab import KB, PREFIXES, PROV, RDFS, SCHEMA, SKOS
from shell.completion import base_snapshot, suggest
from shell.meta import command_names
from tests.test_shell import CTRL_D, ENTER, drive

KB_EXE = str(Path(sys.executable).with_name("kb"))

# Written for these tests (never corpus text): one attorney general under two names in three
# documents, a mayor under his surname, and a fourth document that arrives later.
DOCS = {
    "chicago": ("Sessions Warns Chicago Over Grants", "2017-04-21",
                "Attorney General Jeff Sessions threatened on Friday to withhold federal grants "
                "from Chicago. Mayor Rahm Emanuel said the city would sue the Justice "
                "Department.\n\n\u201cWe will not be bullied,\u201d Emanuel said.\n"),
    "hartford": ("Justice Department Writes to Hartford", "2017-04-22",
                 "Beau Jefferson, the attorney general, warned Hartford on Saturday that it "
                 "could lose grants. Mayor Luke Bronin said Hartford follows federal law.\n"),
    "boston": ("Boston Mayor Answers", "2017-04-23",
               "Beau Jefferson criticized Boston on Sunday. Boston Mayor Martin Walsh said "
               "the city would keep its policies.\n"),
    "denver": ("Denver Hears From Washington", "2017-04-24",
               "Attorney General Beau Jefferson threatened Denver on Monday over its jail "
               "policies. Mayor "
               "Michael Hancock said Denver would not change course.\n"),
}
FIRST = ("chicago", "hartford", "boston")
A = PREFIXES["kbr"] + "person/jeff-sessions"
B = PREFIXES["kbr"] + "person/beau-jefferson"


def write_doc(folder: Path, name: str) -> Path:
    title, date, body = DOCS[name]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.txt"
    path.write_text(f"{title}\n{date}\n\n{body}", encoding="utf-8")
    (folder / f"{name}.json").write_text(json.dumps(
        {"title": title, "date": date, "publisher": "kb tests", "kind": "news"}))
    return path


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(store directory, documents folder): the first three documents, ingested once."""
    root = tmp_path_factory.mktemp("corrections")
    docs = root / "docs"
    paths = [write_doc(docs, n) for n in FIRST]
    with KnowledgeBase.open(str(root / "store"), create=True) as kb:
        report = kb.ingest(paths)
        assert report.failures == []
    return root / "store", docs


@pytest.fixture
def kb(ingested: tuple[Path, Path], tmp_path: Path):  # noqa: ANN201
    """A private copy of the ingested store, open."""
    store = tmp_path / "store"
    shutil.copytree(ingested[0], store)
    with KnowledgeBase.open(str(store)) as opened:
        yield opened


@pytest.fixture
def docs(ingested: tuple[Path, Path]) -> Path:
    return ingested[1]


def dump(kb: KnowledgeBase, *, skip_corrections: bool = True, skip_kept: bool = False) -> list[str]:
    """The store as sorted N-Quads lines, without the corrections graph (and without the
    documents' kept uncorrected quads, whose literal depends on how they were taken)."""
    out = io.BytesIO()
    kb.dump(out, format="nquads")
    lines = out.getvalue().decode().splitlines()
    graph = f"<{corrections.GRAPH}> ."
    return sorted(line for line in lines
                  if not (skip_corrections and line.endswith(graph))
                  and not (skip_kept and f"> <{KB.uncorrectedQuads}> \"" in line))


def used(kb: KnowledgeBase, iri: str) -> bool:
    """Is ``iri`` a subject or object anywhere outside the corrections graph?"""
    found = kb.store.query(
        "ASK { { ?x ?p ?o } UNION { ?s ?p ?x } UNION { GRAPH ?g { { ?x ?p ?o } UNION "
        f"{{ ?s ?p ?x }} }} FILTER(?g != <{corrections.GRAPH}>) }} }}",
        bindings={"x": ox.NamedNode(iri)}, union=False)
    return bool(found.boolean)


def labels(kb: KnowledgeBase, iri: str, prop: str) -> set[str]:
    rows = kb.query("SELECT ?l WHERE { ?x ?p ?l }",
                    bindings={"x": ox.NamedNode(iri), "p": ox.NamedNode(prop)}).rows
    return {r[0].value for r in rows}


def agents_in(kb: KnowledgeBase, doc_path: Path) -> set[str]:
    rows = kb.query("SELECT DISTINCT ?who WHERE { GRAPH ?d { ?d dct:source ?src . "
                    "?e a sem:Event ; kb:agent ?who } }",
                    bindings={"src": ox.Literal(str(doc_path.resolve()))}).rows
    return {r[0].value for r in rows}


# --- merge ---------------------------------------------------------------------------------------


def test_merge_moves_every_fact_and_undo_gives_back_the_store_byte_for_byte(
        kb: KnowledgeBase, docs: Path) -> None:
    before = dump(kb)
    assert used(kb, A) and used(kb, B)
    assert not kb.path("Jeff Sessions", "Boston", max_hops=1).paths
    threats_before = {r["document"].value
                      for r in kb.ask("threats", agent="Jeff Sessions").dicts()}

    row = kb.merge("Jeff Sessions", "Beau Jefferson", note="one attorney general")
    assert (row.id, row.kind, row.who, row.note, row.status) == (
        1, "merge", getpass.getuser(), "one attorney general", "active")
    assert not used(kb, B)  # every quad about B is about A now
    assert "Beau Jefferson" in labels(kb, A, SKOS.altLabel)
    assert labels(kb, A, SCHEMA.name) == {"Jeff Sessions"}
    assert agents_in(kb, docs / "hartford.txt") == {A}
    # every reader sees it: a path, a named question, describe
    assert kb.path("Jeff Sessions", "Boston", max_hops=1).paths
    threats = {r["document"].value for r in kb.ask("threats", agent="Jeff Sessions").dicts()}
    assert len(threats) > len(threats_before)  # the warning to Hartford is his now
    sources = {f["document"] for f in kb.describe("Jeff Sessions").facts}
    assert len(sources) == 3
    # the record: PROV-O, in its own graph
    rows = kb.store.query("SELECT ?p WHERE { GRAPH ?g { ?s ?p ?o } }", union=False, bindings={
        "s": ox.NamedNode(corrections.record_iri(1)), "g": ox.NamedNode(corrections.GRAPH)}).rows
    props = {r[0].value for r in rows}
    assert {PROV.wasAssociatedWith, PROV.startedAtTime, RDFS.comment, KB.kept, KB.merged} <= props

    undone = kb.undo_correction(1)
    assert undone.status.startswith("undone ")
    assert dump(kb) == before  # every graph but the corrections graph, byte for byte
    assert [c.undone is not None for c in corrections.read(kb.store)] == [True]  # kept, invalid
    with pytest.raises(UsageError, match="undone already"):
        kb.undo_correction(1)


def test_a_merge_survives_reingest_forget_new_documents_and_dump_load(
        kb: KnowledgeBase, docs: Path, tmp_path: Path) -> None:
    kb.merge("Jeff Sessions", "Beau Jefferson")
    merged = dump(kb, skip_kept=True)

    report = kb.ingest([docs / "hartford.txt"])  # re-ingest a document that names B
    assert report.failures == []
    assert not used(kb, B)
    assert dump(kb, skip_kept=True) == merged

    kb.forget(str(docs / "boston.txt"))  # forget another document that names B
    assert not used(kb, B)
    assert "Beau Jefferson" in labels(kb, A, SKOS.altLabel)  # hartford still says it

    report = kb.ingest([write_doc(tmp_path / "later", "denver")])  # a new document naming B
    assert report.failures == []
    assert not used(kb, B)
    assert agents_in(kb, tmp_path / "later" / "denver.txt") == {A}

    saved = tmp_path / "backup.nq"
    with saved.open("wb") as out:
        kb.dump(out, format="nquads")
    with KnowledgeBase.open(str(tmp_path / "restored"), create=True) as restored:
        restored.load([saved])
        assert [r.what for r in restored.corrections()] == [r.what for r in kb.corrections()]
        restored.ingest([docs / "hartford.txt"])  # the loaded store still applies it
        assert not used(restored, B)
        assert agents_in(restored, docs / "hartford.txt") == {A}
        restored.undo_correction(1)  # and can take it back from the kept quads
        assert used(restored, B)
        assert agents_in(restored, docs / "hartford.txt") == {B}


def test_undo_after_reingest_and_a_new_document_gives_back_the_uncorrected_store(
        kb: KnowledgeBase, docs: Path, tmp_path: Path) -> None:
    before = dump(kb)
    kb.merge("Jeff Sessions", "Beau Jefferson")
    kb.ingest([docs / "hartford.txt"])
    denver = write_doc(tmp_path / "later", "denver")
    kb.ingest([denver])
    assert agents_in(kb, denver) == {A}
    kb.undo_correction(1)
    assert agents_in(kb, docs / "hartford.txt") == agents_in(kb, denver) == {B}
    kb.forget(str(denver))
    assert dump(kb) == before


def test_corrections_on_a_sparql_endpoint(oxigraph_server: str, docs: Path) -> None:
    """The remote store (SPARQL 1.1 query, update and the graph store protocol) takes the
    same transaction: the record, the corrected graphs and the kept N-Quads literal."""
    with KnowledgeBase.open(oxigraph_server) as remote:
        remote.update("DROP ALL")
        remote.ingest([docs / "hartford.txt", docs / "chicago.txt"])
        before = dump(remote)
        remote.merge("Jeff Sessions", "Beau Jefferson", note='a "quoted" note')
        assert not used(remote, B)
        assert [r.note for r in remote.corrections()] == ['a "quoted" note']
        remote.undo_correction(1)
        assert dump(remote) == before


def test_a_document_gives_the_same_quads_before_or_after_the_correction(docs: Path) -> None:
    """The store is a function of the documents and the corrections: a document ingested
    after a merge or a split writes what re-deriving it at correction time writes (all but
    the kept uncorrected literal, whose default-graph part is read from the store then)."""
    for correct in (lambda kb: kb.merge("Jeff Sessions", "Beau Jefferson"),
                    lambda kb: kb.split("Rahm Emanuel", "Emanuel")):
        first, later = KnowledgeBase.open("memory:"), KnowledgeBase.open("memory:")
        first.ingest([docs / f"{n}.txt" for n in FIRST])
        correct(first)
        later.ingest([docs / "chicago.txt", docs / "boston.txt"])
        correct(later)
        later.ingest([docs / "hartford.txt"])
        assert dump(first, skip_kept=True) == dump(later, skip_kept=True)


# --- reject and split -------------------------------------------------------------------------


def threat(kb: KnowledgeBase) -> str:
    rows = kb.ask("threats", agent="Jeff Sessions").dicts()
    assert rows, "the chicago document's threat was not extracted"
    return rows[0]["event"].value if "event" in rows[0] else _event_of(kb)


def _event_of(kb: KnowledgeBase) -> str:
    rows = kb.query("SELECT ?e WHERE { ?e a sem:Event ; kb:agent ?a ; "
                    "sem:eventType/skos:broader* kbe:threaten }",
                    bindings={"a": ox.NamedNode(A)}).rows
    return rows[0][0].value


def test_reject_removes_a_fact_from_questions_and_exports_and_it_stays_rejected(
        kb: KnowledgeBase, docs: Path, tmp_path: Path) -> None:
    fact = _event_of(kb)
    before = dump(kb, skip_kept=True)
    exported = tmp_path / "before.gexf"
    kb.export(exported, facts_as_nodes=True)
    assert fact in exported.read_text()

    kb.reject(fact.replace(PREFIXES["kbr"], "kbr:"), note="not a threat")
    assert not used(kb, fact)
    assert kb.ask("threats", agent="Jeff Sessions").dicts() == []
    after = tmp_path / "after.gexf"
    kb.export(after, facts_as_nodes=True)
    assert fact not in after.read_text()
    assert corrections.GRAPH not in after.read_text()  # records and users are no entities
    assert corrections.agent_iri(getpass.getuser()) not in after.read_text()

    kb.ingest([docs / "chicago.txt"])  # fact IRIs are per document: re-ingest keeps it out
    assert not used(kb, fact)
    with pytest.raises(UnknownEntity, match="no fact"):
        kb.reject(fact)  # it is gone: a second rejection is bad input

    kb.undo_correction(1)
    assert used(kb, fact)
    assert dump(kb, skip_kept=True) == before


def test_split_gives_the_mentions_of_one_name_their_own_entity(
        kb: KnowledgeBase, docs: Path) -> None:
    rahm = PREFIXES["kbr"] + "person/rahm-emanuel"
    assert "Emanuel" in labels(kb, rahm, SKOS.altLabel)
    before = dump(kb)
    row = kb.split("Rahm Emanuel", "Emanuel", document=str(docs / "chicago.txt"))
    new = PREFIXES["kbr"] + "person/emanuel"
    assert "kbr:person/emanuel" in row.what
    assert labels(kb, new, SCHEMA.name) == {"Emanuel"}
    assert "Emanuel" not in labels(kb, rahm, SKOS.altLabel)
    speakers = {r[0].value for r in kb.query(
        "SELECT ?who WHERE { ?q a schema:Quotation ; schema:creator ?who }").rows}
    assert new in speakers  # the quotation credited to "Emanuel" alone moved
    assert labels(kb, rahm, SCHEMA.name) == {"Rahm Emanuel"}  # the full name stayed

    kb.undo_correction(row.id)
    assert not used(kb, new)
    assert dump(kb) == before


def test_corrections_undone_in_any_order_give_back_the_ingested_store(
        kb: KnowledgeBase) -> None:
    before = dump(kb)
    fact = _event_of(kb)
    kb.merge("Jeff Sessions", "Beau Jefferson")
    kb.split("Rahm Emanuel", "Emanuel")
    kb.reject(fact)
    kb.merge("Martin Walsh", "Luke Bronin")
    assert [r.kind for r in kb.corrections()] == ["merge", "split", "reject", "merge"]
    assert kb.validate().conforms
    for number in (1, 3, 4, 2):
        kb.undo_correction(number)
    assert dump(kb) == before


def test_a_rejected_grant_row_of_a_table_stays_rejected_on_reingest() -> None:
    grants = Path(__file__).resolve().parents[1] / "examples" / "grants.csv"
    kb = KnowledgeBase.open("memory:")
    kb.ingest([grants])
    before = dump(kb)
    row = kb.query("SELECT ?g WHERE { GRAPH ?d { ?g a schema:MonetaryGrant } } ORDER BY ?g "
                   "LIMIT 1").rows[0][0].value
    kb.reject(row)
    assert not used(kb, row)
    kb.ingest([grants])
    assert not used(kb, row)
    kb.undo_correction(1)
    assert dump(kb) == before


# --- bad input --------------------------------------------------------------------------------

TWINS = f"""
@prefix schema: <{SCHEMA.base}> .
<{PREFIXES["kbr"]}person/pat-doe-1> a schema:Person ; schema:name "Pat Doe" .
<{PREFIXES["kbr"]}person/pat-doe-2> a schema:Person ; schema:name "Pat Doe" .
"""


def run(*args: str, store: Path) -> subprocess.CompletedProcess:
    return subprocess.run([KB_EXE, *args, "--store", str(store)], capture_output=True,
                          text=True, timeout=120)


def test_bad_input_is_one_line_exit_2_and_changes_nothing(kb: KnowledgeBase,
                                                          tmp_path: Path) -> None:
    kb.load_data(TWINS, format="turtle")
    kb.merge("Jeff Sessions", "Beau Jefferson")
    one_form = next(  # (IRI, its only surface form) of an entity written one way only
        (e.value, x.value) for e, n, x in kb.query(
            "SELECT ?e (COUNT(DISTINCT ?f) AS ?n) (SAMPLE(?f) AS ?x) WHERE { "
            "GRAPH ?d { ?e kb:evidence ?m . ?m oa:exact ?f } "
            "FILTER(REGEX(STR(?e), '/id/(person|place)/')) } GROUP BY ?e ORDER BY ?e").rows
        if n.value == "1")
    store = Path(kb.store.spec)
    kb.close()
    before = run("dump", store=store).stdout
    bad = [
        ("merge", "Jeff Sessions", "Jeff Sessions"),          # with itself
        ("merge", "Jeff Sessions", "kbr:person/jeff-sessions"),  # itself by IRI
        ("merge", "Jeff Sessions", "Boston"),                 # a person with a place
        ("merge", "Jeff Sessions", "Nobody Known"),           # unknown name
        ("merge", "Jeff Sessions", "Pat Doe"),                # ambiguous name
        ("merge", "Jeff Sessions", "kbr:person/beau-jefferson"),  # merged already: gone
        ("merge", "Jeff Sessions", "kbr:person/pat-doe-1"),   # in no document
        ("reject", "kbr:document/0123456789abcdef/event/1"),  # no such fact
        ("reject", "kbr:person/jeff-sessions"),               # not a fact
        ("reject", "just words"),                             # not an IRI
        ("split", "Rahm Emanuel", "--name", "Rahmbo"),        # never written so
        ("split", one_form[0], "--name", one_form[1]),        # would leave nothing
        ("corrections", "undo", "99"),                        # no such correction
        ("corrections", "undo", "one"),                       # not an id
        ("corrections", "--format", "xml"),
    ]
    for args in bad:
        r = run(*args, store=store)
        assert r.returncode == 2, (args, r.stderr)
        assert r.stderr.startswith("kb: error: ") and r.stderr.count("\n") == 1, (args, r.stderr)
    assert run("dump", store=store).stdout == before


def test_cli_records_lists_and_undoes(kb: KnowledgeBase) -> None:
    store = Path(kb.store.spec)
    kb.close()
    r = run("merge", "Jeff Sessions", "Beau Jefferson", "--note", "same person", store=store)
    assert r.returncode == 0, r.stderr
    assert r.stderr.startswith("recorded correction 1: merge ")
    listed = json.loads(run("corrections", "--format", "json", store=store).stdout)
    assert [(c["id"], c["kind"], c["note"], c["status"]) for c in listed] == [
        (1, "merge", "same person", "active")]
    assert set(listed[0]) == {"id", "kind", "what", "who", "when", "note", "status"}
    table = run("corrections", store=store).stdout
    assert "same person" in table and "kbr:person/beau-jefferson into" in table
    assert run("corrections", "undo", "1", store=store).returncode == 0
    assert "undone" in json.loads(run("corrections", "--format", "json",
                                      store=store).stdout)[0]["status"]


def test_shell_commands(kb: KnowledgeBase) -> None:
    out, err, code = drive(
        kb, "\\help", ENTER,
        '\\merge "Jeff Sessions" "Beau Jefferson" --note "same person"', ENTER,
        "\\merge Boston Boston", ENTER,
        "\\corrections", ENTER, "\\corrections undo 1", ENTER, CTRL_D)
    assert code == 0
    for name in ("\\merge", "\\split", "\\reject", "\\corrections"):
        assert name in out
    assert "recorded correction 1: merge kbr:person/beau-jefferson into" in out
    assert "same person" in out and "undid correction 1" in out
    assert err.count("\n") == 1 and "same entity" in err  # the bad merge: one line, shell on
    assert used(kb, B)
    snapshot = base_snapshot(kb.prefixes, command_names())
    for typed, offered in (("\\mer", "\\merge"), ("\\corr", "\\corrections"),
                           ("\\rej", "\\reject"), ("\\spl", "\\split")):
        assert [s.text for s in suggest(typed, snapshot)] == [offered]
