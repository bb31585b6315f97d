"""`kb ingest`, `kb forget`, `kb facts`, `kb ask`, `kb describe` through the real executable:
exit codes, the summary, one-line errors for bad inputs, and the flagship question."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.own_docs import write_docs

KB_EXE = str(Path(sys.executable).with_name("kb"))
REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "corpus" / "seed"


def kb(*args: str, env: dict[str, str], stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([KB_EXE, *args], capture_output=True, text=True, env=env, timeout=300,
                          cwd=REPO, input=stdin)


@pytest.fixture(scope="module")
def examples_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A store holding examples/ (the README's quick start), ingested once for the module."""
    import os

    env = dict(os.environ)
    env["KB_STORE"] = str(tmp_path_factory.mktemp("cli") / "store")
    env["NO_COLOR"] = "1"
    r = kb("ingest", "examples", "--jobs", "2", env=env)
    assert r.returncode == 0, r.stderr
    assert "ingested 6 document(s)" in r.stderr and "0 failure(s)" in r.stderr
    assert r.stdout == ""
    return env


def test_ask_threats_answers_the_flagship_question_on_the_examples(examples_env):
    r = kb("ask", "threats", "--format", "json", env=examples_env)
    assert r.returncode == 0, r.stderr
    bindings = json.loads(r.stdout)["results"]["bindings"]
    rows = [{k: v["value"] for k, v in b.items()} for b in bindings]
    sessions = [row for row in rows if row.get("agent_name") == "Jeff Sessions"]
    assert any(row.get("law_name") == "8 U.S.C. § 1373" and row.get("date") == "2017-03-27"
               and "threatened" in row["sentence"] for row in sessions)
    assert any(row.get("target_name") == "Chicago" for row in sessions)


def test_ask_lists_the_questions_and_checks_parameters(examples_env):
    r = kb("ask", env=examples_env)
    assert r.returncode == 0
    names = {line.split()[0] for line in r.stdout.splitlines() if not line.startswith(" ")}
    assert names == {"threats", "posts", "said", "grants", "laws", "connections", "disputes",
                     "document", "timeline", "state-events"}
    r = kb("ask", "no-such-question", env=examples_env)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "threats" in r.stderr
    r = kb("ask", "timeline", env=examples_env)
    assert r.returncode == 2 and "--param entity=" in r.stderr
    r = kb("ask", "said", "--param", "speaker=Nobody Atall", env=examples_env)
    assert r.returncode == 2 and "no entity" in r.stderr


def test_ask_with_parameters_and_formats(examples_env):
    r = kb("ask", "said", "--param", "speaker=Jeff Sessions", "--format", "csv",
           env=examples_env)
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert rows and {row["speaker_name"] for row in rows} == {"Jeff Sessions"}
    r = kb("ask", "grants", "--param", "recipient=Connecticut", env=examples_env)
    assert r.returncode == 0 and "National Disaster Resilience Competition" in r.stdout
    r = kb("ask", "state-events", "--param", "state=Illinois", "--format", "csv",
           env=examples_env)
    assert r.returncode == 0 and "Chicago" in r.stdout
    r = kb("ask", "timeline", "--param", "entity=Sessions", env=examples_env)
    assert r.returncode == 0 and "2017-03-27" in r.stdout


def test_describe_an_entity_with_its_sources(examples_env):
    r = kb("describe", "Jeff Sessions", "--format", "json", env=examples_env)
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["iri"].endswith("/person/jeff-sessions") and d["name"] == "Jeff Sessions"
    assert {"property": "skos:altLabel", "value": "Sessions"} in d["properties"]
    assert len(d["documents"]) >= 3
    assert any(f["role"] == "kb:agent" and f["sentence"] for f in d["facts"])
    r = kb("describe", "Jeff Sessions", env=examples_env)
    assert r.returncode == 0 and "kb:agent" in r.stdout
    r = kb("describe", "Nobody Atall", env=examples_env)
    assert r.returncode == 2 and r.stderr.count("\n") == 1


def test_seed_flagship(tmp_path, kb_env):
    r = kb("ingest", str(SEED), env=kb_env)
    assert r.returncode == 0, r.stderr
    r = kb("ask", "threats", "--format", "csv", env=kb_env)
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    sessions = {(row["target_name"], row["law_name"]) for row in rows
                if row["agent_name"] == "Jeff Sessions"}
    assert ("Maryland", "Maryland Trust Act") in sessions
    assert any(target == "Connecticut" for target, _ in sessions)
    assert "8 U.S.C. § 1373" in {row["law_name"] for row in rows}
    assert all(row["sentence"] for row in rows)
    r = kb("ask", "disputes", "--param", "entity=Connecticut", "--format", "csv", env=kb_env)
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert ("Jeff Sessions", "Dannel Malloy") in {(x["claimant_name"], x["denier_name"])
                                                  for x in rows}


def test_forget_and_facts(tmp_path, kb_env):
    docs = write_docs(tmp_path / "docs", ("ct", "md"))
    assert kb("ingest", str(tmp_path / "docs"), env=kb_env).returncode == 0
    r = kb("forget", str(docs[1]), env=kb_env)
    assert r.returncode == 0 and "forgot" in r.stderr
    assert kb("describe", "Larry Hogan", env=kb_env).returncode == 2
    assert kb("describe", "Jeff Sessions", env=kb_env).returncode == 0
    r = kb("forget", str(docs[1]), env=kb_env)
    assert r.returncode == 2 and "no document" in r.stderr and r.stderr.count("\n") == 1
    r = kb("facts", str(docs[0]), "--format", "json", env=kb_env)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert [o["name"] for o in data["officials"]] == ["Jeff Sessions", "Dannel Malloy"]
    assert {"document", "officials", "jurisdictions", "organizations", "laws", "grants",
            "statements", "events"} <= data.keys()


def test_bad_inputs_each_give_one_line_and_the_batch_goes_on(tmp_path, kb_env):
    (good,) = write_docs(tmp_path, ("ct",))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\u00e9 society: the mayor said no.\n".encode("latin-1"))
    unsupported = tmp_path / "notes.docx"
    unsupported.write_bytes(b"PK\x03\x04 not really a document")
    bad = [empty, binary, latin, unsupported]
    r = kb("ingest", *map(str, [empty, good, binary, latin, unsupported]), env=kb_env)
    assert r.returncode == 1
    errors = [line for line in r.stderr.splitlines() if line.startswith("kb: error:")]
    assert len(errors) == 4
    for path, line in zip(bad, errors, strict=True):
        assert path.name in line
    assert "Traceback" not in r.stderr
    assert "ingested 1 document(s)" in r.stderr and "4 failure(s)" in r.stderr
    r = kb("ask", "document", "--format", "csv", env=kb_env)
    docs = {row["document"] for row in csv.DictReader(io.StringIO(r.stdout))}
    assert len(docs) == 1
    for path in bad:
        r = kb("facts", str(path), env=kb_env)
        assert r.returncode == 2 and r.stderr.count("\n") == 1 and path.name in r.stderr


def test_stdin_documents_do_not_replace_each_other(kb_env):
    from tests.own_docs import DOCS

    for name in ("ct", "md"):
        title, _, body = DOCS[name]
        r = kb("ingest", "-", env=kb_env, stdin=f"{title}\n\n{body}")
        assert r.returncode == 0, r.stderr
    r = kb("ask", "document", "--format", "csv", env=kb_env)
    assert len({row["document"] for row in csv.DictReader(io.StringIO(r.stdout))}) == 2
