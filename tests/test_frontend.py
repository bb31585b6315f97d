"""The front end fits the terminal (issue 11 item 3): expanded display (`\\x`, `--expanded`),
literals as people read them, documents by their title and date. Through the real prompt loop
on a pipe input (as tests/test_shell.py drives it) and through the `kb` executable.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kb.api import KnowledgeBase
from kb.errors import UsageError
from kb.vocab import RDFS, SCHEMA, XSD
from shell.evaluate import Session, evaluate
from tests.test_paths import DOC, DOCUMENT, HARTFORD, SHARED, THREAT_SENTENCE
from tests.test_shell import CTRL_D, ENTER, drive

KB_EXE = str(Path(sys.executable).with_name("kb"))
TITLE = "Sessions warns cities (2017-03-28)"
EXTRA = f"""
<{DOC}> <{SCHEMA.datePublished}> "2017-03-28"^^<{XSD.date}> .
<{HARTFORD}> <{RDFS.label}> "Hartford"@en .
"""
WIDE = (
    "SELECT ?name ?sentence WHERE { ?f kb:agent ?p ; kb:evidence/oa:exact ?sentence . "
    "?p schema:name ?name };"
)
NARROW = "SELECT ?name WHERE { ?s a schema:City ; schema:name ?name };"


@pytest.fixture
def kb() -> KnowledgeBase:
    base = KnowledgeBase.open("memory:")
    base.load_data(SHARED, format="turtle")
    base.load_data(DOCUMENT + EXTRA, format="turtle", graph=DOC)
    return base


@pytest.fixture
def store(tmp_path: Path) -> str:
    data = tmp_path / "data.trig"
    data.write_text(SHARED + f"<{DOC}> {{ {DOCUMENT} {EXTRA} }}")
    path = str(tmp_path / "store")
    subprocess.run([KB_EXE, "load", str(data), "--store", path], check=True, capture_output=True)
    return path


def kb_cli(*args: str, columns: str | None = None) -> subprocess.CompletedProcess[str]:
    import os

    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    if columns is not None:
        env["COLUMNS"] = columns
    return subprocess.run([KB_EXE, *args], capture_output=True, text=True, env=env)


# -- expanded display ---------------------------------------------------------------------------


@pytest.mark.timeout(60)
def test_x_auto_turns_a_table_wider_than_the_terminal_into_records(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out, err, code = drive(kb, WIDE, ENTER, NARROW, ENTER, CTRL_D)
    assert (code, err) == (0, "")
    wide, narrow = out.split("(1 row, ")[:2]
    assert wide.startswith("-[ RECORD 1 ]---")
    assert "\nname     | Jeff Sessions\n" in wide
    assert f"\nsentence | {THREAT_SENTENCE}\n" in wide  # shown whole, not cut at 80
    assert narrow.split("\n", 1)[1].startswith("name\n--------\nHartford\n")


@pytest.mark.timeout(60)
def test_x_on_off_and_auto_in_the_shell(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)  # a pipe: no width, so auto keeps columns
    out, err, code = drive(
        kb, WIDE, ENTER, "\\x on", ENTER, NARROW, ENTER, "\\x", ENTER, NARROW, ENTER,
        "\\x sideways", ENTER, CTRL_D,
    )  # fmt: skip
    assert code == 0
    first, records, columns = out.split("(1 row, ")[:3]
    assert first.startswith("name          | sentence\n")
    assert "-[ RECORD 1 ]" in records and "\nname | Hartford\n" in records
    assert "-[ RECORD" not in columns and "name\n--------\nHartford\n" in columns
    assert "(expanded display on)" in out and "(expanded display off)" in out
    assert err == "error: \\x takes on|off|auto\n"


def test_session_renders_at_the_width_it_is_given(kb: KnowledgeBase) -> None:
    session = Session(kb)
    (result,) = evaluate(session, WIDE)
    assert session.render(result).startswith("name          | sentence")  # width unknown
    assert session.render(result, width=200).startswith("name          | sentence")
    assert session.render(result, width=60).startswith("-[ RECORD 1 ]")


def test_kb_query_and_kb_ask_expand_on_request_or_when_too_wide(store: str) -> None:
    wide = WIDE.rstrip(";")
    columns = kb_cli("query", wide, "--store", store)
    assert columns.returncode == 0 and columns.stdout.startswith("name          | sentence")
    auto = kb_cli("query", wide, "--store", store, columns="90")
    assert auto.stdout.startswith("-[ RECORD 1 ]") and auto.stdout.endswith("(1 row)\n")
    forced = kb_cli("query", NARROW.rstrip(";"), "--store", store, "--expanded")
    assert forced.stdout == "-[ RECORD 1 ]" + "-" * 27 + "\nname | Hartford\n(1 row)\n"
    asked = kb_cli("ask", "said", "--store", store, "-x")
    assert asked.returncode == 0, asked.stderr
    assert asked.stdout.startswith("-[ RECORD 1 ]")
    assert "\nspeaker_name | Luke Bronin\n" in asked.stdout
    machine = kb_cli("ask", "said", "--store", store, "--format", "csv", "--expanded")
    assert machine.stdout.startswith("speaker_name,")  # machine formats never change shape


# -- literals as people read them -----------------------------------------------------------------


def test_table_cells_drop_language_tags_and_datatypes_machine_formats_keep_them(
    kb: KnowledgeBase, store: str
) -> None:
    query = f"SELECT ?label ?date WHERE {{ <{HARTFORD}> rdfs:label ?label . <{DOC}> schema:datePublished ?date }}"  # noqa: E501
    session = Session(kb)
    table = session.render(evaluate(session, query)[0])
    assert table.startswith("label    | date\n---------+-----------\nHartford | 2017-03-28\n")
    assert "@en" not in table and "xsd:" not in table and "^^" not in table
    cli = kb_cli("query", query, "--store", store)
    assert cli.stdout.splitlines()[2] == "Hartford | 2017-03-28"
    binding = json.loads(kb_cli("query", query, "--store", store, "--format", "json").stdout)
    row = binding["results"]["bindings"][0]
    assert row["label"] == {"type": "literal", "value": "Hartford", "xml:lang": "en"}
    assert row["date"]["datatype"] == XSD.date
    tsv = kb_cli("query", query, "--store", store, "--format", "tsv").stdout.splitlines()[1]
    assert tsv == f'"Hartford"@en\t"2017-03-28"^^<{XSD.date}>'


# -- documents by their title ---------------------------------------------------------------------


@pytest.mark.timeout(60)
def test_documents_show_by_title_in_tables_paths_and_why(kb: KnowledgeBase) -> None:
    out, err, code = drive(
        kb, "SELECT ?d WHERE { ?d a schema:NewsArticle };", ENTER,
        '\\path "Jeff Sessions" Hartford', ENTER, "\\why", ENTER, CTRL_D,
    )  # fmt: skip
    assert (code, err) == (0, "")
    table, rest = out.split("(1 row", 1)
    path, why = rest.split("(1 path", 1)
    assert table.splitlines()[2] == TITLE and "doc/letters" not in table
    assert f"    source: {TITLE}\n" in path
    assert TITLE in why and "doc/letters" not in why
    assert "kbr:fact/threat" in why  # the facts themselves keep their IRIs


def test_describe_shows_documents_by_title_and_json_keeps_the_iri(
    kb: KnowledgeBase, store: str
) -> None:
    session = Session(kb)
    described = "".join(session.render(r) for r in evaluate(session, '\\describe "Sessions"'))
    assert "kbr:doc/letters" not in described and DOC not in described
    assert "| Sessions warns cities (2017-03-28)" in described
    assert "\nSessions warns cities | 2017-03-28\n" in described
    cli = kb_cli("describe", "Jeff Sessions", "--store", store)
    assert "Sessions warns cities (2017-03-28)" in cli.stdout and DOC not in cli.stdout
    cli_json = kb_cli("describe", "Jeff Sessions", "--store", store, "--format", "json")
    data = json.loads(cli_json.stdout)
    assert data["documents"][0]["document"] == DOC


def test_kb_ask_table_shows_the_title_csv_and_json_the_iri(store: str) -> None:
    table = kb_cli("ask", "said", "--store", store, "--expanded").stdout
    assert f"\ndocument     | {TITLE}\n" in table and DOC not in table
    csv = kb_cli("ask", "said", "--store", store, "--format", "csv").stdout
    assert DOC in csv and "Sessions warns cities" not in csv
    path = json.loads(kb_cli("path", "Jeff Sessions", "Hartford", "--store", store,
                             "--format", "json").stdout)  # fmt: skip
    hop = path["paths"][0][0]
    assert hop["document"] == DOC and hop["document_title"] == TITLE


def test_an_unknown_expanded_mode_is_refused() -> None:
    from kb.formats import layout_lines

    with pytest.raises(UsageError, match="expanded display takes auto|on|off"):
        layout_lines(["a"], [["b"]], "sideways")
