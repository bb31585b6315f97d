"""The `kb` command as users run it: the real executable, real stores, exit codes, streams."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kb.vocab import KB, SCHEMA

KB_EXE = str(Path(sys.executable).with_name("kb"))

PEOPLE = f"""
@prefix schema: <{SCHEMA.base}> .
<http://example.org/sessions> a schema:Person ; schema:name "Jeff Sessions" .
<http://example.org/malloy> a schema:Person ; schema:name "Dannel Malloy" .
<http://example.org/hartford> a schema:City ; schema:name "Hartford" .
"""


def kb(*args: str, env: dict[str, str], stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [KB_EXE, *args], input=stdin, capture_output=True, text=True, env=env, timeout=120
    )


@pytest.fixture
def loaded(tmp_path: Path, kb_env: dict[str, str]) -> dict[str, str]:
    data = tmp_path / "people.ttl"
    data.write_text(PEOPLE)
    r = kb("load", str(data), env=kb_env)
    assert r.returncode == 0, r.stderr
    return kb_env


NAMES = "SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name"


def test_query_formats(loaded: dict[str, str]) -> None:
    table = kb("query", NAMES, env=loaded)
    assert table.returncode == 0
    assert table.stdout.splitlines()[2:4] == ["Dannel Malloy", "Jeff Sessions"]
    assert "(2 rows)" in table.stdout

    doc = json.loads(kb("query", NAMES, "--format", "json", env=loaded).stdout)
    assert doc["head"]["vars"] == ["name"]
    assert [b["name"]["value"] for b in doc["results"]["bindings"]] == [
        "Dannel Malloy",
        "Jeff Sessions",
    ]
    rows = list(csv.reader(io.StringIO(kb("query", NAMES, "--format", "csv", env=loaded).stdout)))
    assert rows == [["name"], ["Dannel Malloy"], ["Jeff Sessions"]]
    tsv = kb("query", NAMES, "--format", "tsv", env=loaded).stdout.splitlines()
    assert tsv == ["?name", '"Dannel Malloy"', '"Jeff Sessions"']
    xml = kb("query", NAMES, "--format", "xml", env=loaded).stdout
    assert "<literal>Jeff Sessions</literal>" in xml


def test_construct_as_rdf_and_wrong_format(loaded: dict[str, str]) -> None:
    q = "CONSTRUCT { ?p schema:name ?n } WHERE { ?p schema:name ?n }"
    nt = kb("query", q, "--format", "ntriples", env=loaded)
    assert nt.returncode == 0
    assert len(list(ox.parse(nt.stdout.encode(), format=ox.RdfFormat.N_TRIPLES))) == 3
    ttl = kb("query", q, "--format", "turtle", env=loaded).stdout
    assert "schema:name" in ttl  # project prefixes are used
    wrong = kb("query", q, "--format", "csv", env=loaded)
    assert wrong.returncode == 2
    assert "turtle" in wrong.stderr and "Traceback" not in wrong.stderr


def test_bind_parameters_from_the_command_line(loaded: dict[str, str]) -> None:
    q = "SELECT ?p WHERE { ?p schema:name ?name }"
    r = kb("query", q, "--bind", 'name="Jeff Sessions"', "--format", "csv", env=loaded)
    assert r.stdout.splitlines()[1] == "http://example.org/sessions"
    evil = kb("query", q, "--bind", "name=} ; DROP ALL ; {", "--format", "csv", env=loaded)
    assert evil.returncode == 0 and evil.stdout.splitlines() == ["p"]
    still = kb("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv", env=loaded)
    assert still.stdout.splitlines()[1] == "6"


def test_query_from_file_and_stdin(loaded: dict[str, str], tmp_path: Path) -> None:
    f = tmp_path / "q.rq"
    f.write_text(NAMES)
    assert "Jeff Sessions" in kb("query", "-f", str(f), env=loaded).stdout
    assert "Jeff Sessions" in kb("query", env=loaded, stdin=NAMES).stdout


def test_query_over_data_files_without_a_store(tmp_path: Path, kb_env: dict[str, str]) -> None:
    data = tmp_path / "people.ttl"
    data.write_text(PEOPLE)
    r = kb("query", "--data", str(data), NAMES, "--format", "csv", env=kb_env)
    assert r.returncode == 0 and "Jeff Sessions" in r.stdout
    assert not Path(kb_env["KB_STORE"]).exists()  # nothing was written anywhere


def test_union_versus_standard_default_graph(tmp_path: Path, kb_env: dict[str, str]) -> None:
    data = tmp_path / "people.ttl"
    data.write_text(PEOPLE)
    kb("load", str(data), "--graph", "http://example.org/doc1", env=kb_env)
    union = kb("query", NAMES, "--format", "csv", env=kb_env).stdout.splitlines()
    standard = kb(
        "query", NAMES, "--format", "csv", "--default-graph", "standard", env=kb_env
    ).stdout.splitlines()
    assert len(union) == 3 and standard == ["name"]


def test_malformed_query_names_line_and_column(loaded: dict[str, str]) -> None:
    r = kb("query", "SELECT ?x\nWHERE { ?x ?y }", env=loaded)
    assert r.returncode == 2
    assert "line 2, column" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    # the predeclared prefixes must not shift columns on the first line
    first = kb("query", "SELECT ?x WHERE { ?x ?y }", env=loaded)
    assert re.search(r"line 1, column 2[56]:", first.stderr), first.stderr


def test_missing_store(tmp_path: Path) -> None:
    env = dict(os.environ, KB_STORE=str(tmp_path / "nothing-here"))
    r = kb("query", NAMES, env=env)
    assert r.returncode == 1
    assert "no knowledge base at" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_unparsable_rdf_leaves_store_unchanged(loaded: dict[str, str], tmp_path: Path) -> None:
    bad = tmp_path / "broken.ttl"
    bad.write_text('@prefix ex: <http://example.org/> .\nex:a ex:b "unterminated .\n')
    r = kb("load", str(bad), env=loaded)
    assert r.returncode == 2
    assert r.stderr.startswith(f"kb: error: {bad}:")
    count = kb("query", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "--format", "csv", env=loaded)
    assert count.stdout.splitlines()[1] == "6"


def test_unknown_extension_is_refused_before_writing(
    loaded: dict[str, str], tmp_path: Path
) -> None:
    odd = tmp_path / "data.weird"
    odd.write_text("<http://a> <http://b> <http://c> .")
    r = kb("load", str(odd), env=loaded)
    assert r.returncode == 2 and "--format" in r.stderr


def test_unreachable_endpoint(kb_env: dict[str, str]) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(kb_env, KB_TIMEOUT="2")
    r = kb("query", "ASK {}", "--store", f"http://127.0.0.1:{port}/query", env=env)
    assert r.returncode == 1
    assert "cannot reach SPARQL endpoint" in r.stderr and "Traceback" not in r.stderr


def test_remote_store_through_the_cli(oxigraph_server: str, tmp_path: Path, kb_env) -> None:
    from kb.store import open_store

    open_store(oxigraph_server).update("DROP ALL")
    data = tmp_path / "people.ttl"
    data.write_text(PEOPLE)
    assert kb("load", str(data), "--store", oxigraph_server, env=kb_env).returncode == 0
    r = kb("query", NAMES, "--store", oxigraph_server, "--format", "csv", env=kb_env)
    assert r.stdout.splitlines()[1:] == ["Dannel Malloy", "Jeff Sessions"]


def test_store_location_precedence(tmp_path: Path, kb_env: dict[str, str]) -> None:
    data = tmp_path / "people.ttl"
    data.write_text(PEOPLE)
    env = dict(kb_env)
    env.pop("KB_STORE")
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")
    assert kb("load", str(data), env=env).returncode == 0
    assert (tmp_path / "xdg" / "kb" / "store" / "oxigraph").is_dir()  # user data dir
    explicit = tmp_path / "explicit"
    env["KB_STORE"] = str(tmp_path / "from-env")
    assert kb("load", str(data), "--store", str(explicit), env=env).returncode == 0
    assert explicit.is_dir() and not (tmp_path / "from-env").exists()  # --store wins
    assert kb("load", str(data), env=env).returncode == 0
    assert (tmp_path / "from-env").is_dir()  # then KB_STORE


def test_stats_and_dump(loaded: dict[str, str]) -> None:
    r = kb("stats", env=loaded)
    assert r.returncode == 0
    assert "triples: 6" in r.stdout
    assert any(
        line.startswith("schema:Person") and line.rstrip().endswith("2")
        for line in r.stdout.splitlines()
    )
    dumped = kb("dump", "--format", "nquads", env=loaded).stdout
    assert len(list(ox.parse(dumped.encode(), format=ox.RdfFormat.N_QUADS))) == 6


def test_validate_reports_violations(tmp_path: Path, kb_env: dict[str, str]) -> None:
    bad = tmp_path / "bad.ttl"
    # a statement (schema:Quotation) with no speaker, no text and no evidence
    bad.write_text(f"<http://example.org/q1> a <{SCHEMA.Quotation}> .\n")
    kb("load", str(bad), env=kb_env)
    r = kb("validate", env=kb_env)
    assert r.returncode == 1
    assert "Quotation" in r.stdout or "q1" in r.stdout
    assert KB.base  # the vocabulary is importable next to the CLI


def test_help_lists_commands(kb_env: dict[str, str]) -> None:
    r = kb("--help", env=kb_env)
    assert r.returncode == 0
    for command in ("load", "query", "stats", "validate", "dump"):
        assert command in r.stdout
