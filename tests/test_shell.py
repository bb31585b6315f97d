"""The shell: the real prompt-toolkit application driven through a pipe (create_pipe_input +
DummyOutput), the statement rules, completion, meta-commands, scripts, and one run of the
`kb shell` executable in a pseudo-terminal."""

from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from prompt_toolkit.completion import CompleteEvent
from prompt_toolkit.document import Document
from prompt_toolkit.history import InMemoryHistory
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from kb.api import KnowledgeBase
from kb.errors import KBError
from shell.completion import base_snapshot, suggest
from shell.evaluate import Session, evaluate
from shell.meta import COMMANDS
from shell.repl import interact, prompt_session, run_script
from shell.statements import should_run, split_statements
from tests.test_paths import DOC, DOCUMENT, SESSIONS, SHARED, THREAT_SENTENCE

ENTER = "\r"
CTRL_D = "\x04"
CTRL_C = "\x03"


@pytest.fixture
def kb() -> KnowledgeBase:
    base = KnowledgeBase.open("memory:")
    base.load_data(SHARED, format="turtle")
    base.load_data(DOCUMENT, format="turtle", graph=DOC)
    return base


def drive(kb: KnowledgeBase, *chunks: str | float) -> tuple[str, str, int]:
    """Run the real prompt loop on `kb`, typing `chunks` (a float pauses that many seconds,
    so asynchronous completion and running queries get their turn). Returns stdout, stderr
    and the exit status."""
    out, err = io.StringIO(), io.StringIO()
    session = Session(kb)
    session.refresh_names()
    with create_pipe_input() as pipe:
        prompt = prompt_session(
            session, input=pipe, output=DummyOutput(), history=InMemoryHistory()
        )

        def feed() -> None:
            for chunk in chunks:
                if isinstance(chunk, float):
                    time.sleep(chunk)
                else:
                    pipe.send_text(chunk)

        feeder = threading.Thread(target=feed, daemon=True)
        feeder.start()
        code = interact(session, prompt, out, err)
        feeder.join()
    return out.getvalue(), err.getvalue(), code


# -- where statements end -------------------------------------------------------------------


def test_enter_runs_on_semicolon_or_empty_line_after_a_complete_query() -> None:
    assert should_run("SELECT * WHERE { ?s ?p ?o };", on_empty_line=False)
    assert not should_run("SELECT * WHERE { ?s ?p ?o }", on_empty_line=False)
    assert should_run("SELECT * WHERE { ?s ?p ?o }\n", on_empty_line=True)
    # a ; inside braces or parentheses continues a triple pattern or an aggregate
    assert not should_run("SELECT * WHERE {\n  ?s a ?t ;", on_empty_line=False)
    assert not should_run("SELECT * WHERE {\n  ?s a ?t ;\n", on_empty_line=True)
    assert not should_run('SELECT (GROUP_CONCAT(?x; separator=";") AS ?y)', on_empty_line=False)
    assert should_run("\\help", on_empty_line=False)
    assert should_run("", on_empty_line=True)


def test_split_statements_keeps_meta_commands_and_drops_the_semicolon() -> None:
    text = (
        "# a comment\n\\format json\nSELECT ?s WHERE {\n  ?s a ?t ;\n     ?p ?o\n};\n"
        "ASK {} ; ASK { ?s ?p ?o }\n\nSELECT * {}\n\n\\q\n"
    )
    assert split_statements(text) == [
        "\\format json",
        "SELECT ?s WHERE {\n  ?s a ?t ;\n     ?p ?o\n}",
        "ASK {}",
        "ASK { ?s ?p ?o }",
        "SELECT * {}",
        "\\q",
    ]


# -- completion ------------------------------------------------------------------------------


def test_completion_is_a_pure_function_of_the_snapshot() -> None:
    class Names:
        def complete(self, prefix: str, limit: int = 30) -> list[tuple[str, str]]:
            return (
                [("Jeff Sessions", SESSIONS)] if "jeff sessions".find(prefix.lower()) >= 0 else []
            )

    snap = base_snapshot({"schema": "https://schema.org/"}, ["\\help", "\\path"]).with_entities(
        Names()
    )
    (hit,) = [s for s in suggest("SELECT * WHERE { Sess", snap) if s.display == "Jeff Sessions"]
    assert (
        hit.text == f"<{SESSIONS}>" and hit.length == 4 and hit.meta == "kbr:person/jeff-sessions"
    )
    assert [s.text for s in suggest("\\path Sess", snap)] == ['"Jeff Sessions"']
    assert [s.text for s in suggest("\\pa", snap)] == ["\\path"]
    assert "SELECT" in [s.text for s in suggest("sel", snap)]
    assert "schema:" in [s.text for s in suggest("sch", snap)]
    assert "schema:Person" in [s.text for s in suggest("?p a schema:Pers", snap)]
    assert "kb:threatenedAction" in [s.text for s in suggest("?e kb:threat", snap)]
    assert [s.text for s in suggest("SELECT ?name WHERE { ?s schema:name ?na", snap)] == ["name"]


def test_the_application_completer_offers_jeff_sessions_for_sess(kb: KnowledgeBase) -> None:
    session = Session(kb)
    session.refresh_names()
    with create_pipe_input() as pipe:
        prompt = prompt_session(
            session, input=pipe, output=DummyOutput(), history=InMemoryHistory()
        )
        offered = list(
            prompt.completer.get_completions(Document("SELECT * { Sess"), CompleteEvent())
        )
    assert offered[0].display_text == "Jeff Sessions"
    assert offered[0].text == f"<{SESSIONS}>"


@pytest.mark.timeout(60)
def test_tab_completes_an_entity_into_a_running_query(kb: KnowledgeBase) -> None:
    out, err, code = drive(
        kb,
        "SELECT ?n WHERE { Sess",
        0.3,
        "\t",
        0.3,
        " <https://schema.org/name> ?n };",
        ENTER,
        0.3,
        CTRL_D,
    )
    assert (code, err) == (0, "")
    assert "Jeff Sessions" in out and "(1 row," in out


# -- the prompt loop --------------------------------------------------------------------------


@pytest.mark.timeout(60)
def test_multi_line_entry_with_semicolon_and_with_an_empty_line(kb: KnowledgeBase) -> None:
    out, err, code = drive(
        kb,
        "SELECT ?name WHERE {", ENTER, "  ?p a schema:Person ;", ENTER,
        "     schema:name ?name", ENTER, "} ORDER BY ?name;", ENTER,
        "ASK { ?s schema:name \"Hartford\" }", ENTER, ENTER,
        CTRL_D,
    )  # fmt: skip
    assert (code, err) == (0, "")
    names = out.split("(5 rows")[0]
    assert names.index("Jeff Sessions") < names.index("John Smith") < names.index("Luke Bronin")
    assert "\nyes\n" in out


@pytest.mark.timeout(60)
def test_meta_commands(kb: KnowledgeBase) -> None:
    out, err, code = drive(
        kb,
        "\\help", ENTER, "\\prefixes", ENTER, "\\format json", ENTER,
        "ASK {};", ENTER, "\\format table", ENTER, "\\timing off", ENTER,
        "SELECT ?s WHERE { ?s a schema:City };", ENTER, "\\stats", ENTER, "\\q", ENTER,
        "SELECT 1 {};", ENTER,  # never reached: \q quit
    )  # fmt: skip
    assert (code, err) == (0, "")
    for name in COMMANDS:
        assert name in out  # \help lists every registered command
    assert "Enter runs the input when it ends with ;" in out
    assert "kbr    | https://w3id.org/civic-kb/id/" in out
    assert '{"head": {}, "boolean": true}' in out
    assert "kbr:place/us/ct/hartford (Hartford)" in out  # the name beside the IRI
    assert "(1 row)\n" in out  # \timing off: the count without the time
    assert re.search(r"\nschema:Person +\| 4\n", out)


@pytest.mark.timeout(60)
def test_path_shows_each_hop_with_its_evidence_and_why_explains_it(kb: KnowledgeBase) -> None:
    out, err, code = drive(kb, '\\path "Jeff Sessions" Hartford', ENTER, "\\why", ENTER, CTRL_D)
    assert (code, err) == (0, "")
    assert f'Jeff Sessions -[threatened]-> Hartford (2017-03-27): "{THREAT_SENTENCE}"' in out
    assert "(1 path, " in out
    assert (
        "kbr:fact/threat" in out.split("(1 path")[1]
        and THREAT_SENTENCE[:30] in out.split("(1 path")[1]
    )


@pytest.mark.timeout(60)
def test_errors_are_one_line_and_the_shell_goes_on(kb: KnowledgeBase) -> None:
    out, err, code = drive(
        kb,
        "SELECT nonsense WHERE { ?s ?p ?o };", ENTER,
        "SELECT ?s WHERE {", ENTER, "  ?s ?p", ENTER, "};", ENTER,
        "\\nosuch", ENTER,
        '\\path "John Smith" Hartford', ENTER,
        "\\path Nobody Hartford", ENTER,
        "\\describe", ENTER,
        "ASK {};", ENTER, CTRL_D,
    )  # fmt: skip
    assert code == 0
    lines = err.splitlines()
    assert lines[0] == "error: SPARQL query syntax error at line 1, column 16: expected DISTINCT"
    assert lines[1].startswith("error: SPARQL query syntax error at line 3, column 2")
    assert lines[2] == "error: unknown command \\nosuch; \\help lists the commands"
    assert lines[3].startswith("error: 'John Smith' is ambiguous: 2 entities match")
    assert lines[4].startswith("error: no entity named 'Nobody'")
    assert lines[5].startswith("error: \\describe")
    assert len(lines) == 6
    assert out.splitlines()[0] == "yes"  # the last query ran


@pytest.mark.timeout(60)
def test_ctrl_c_cancels_the_input_and_a_long_query_and_the_shell_stays_up(
    kb: KnowledgeBase,
) -> None:
    # 300 generated triples joined three ways: 27 million rows to count, several seconds
    kb.load_data(
        "".join(f'<urn:x:{i}> <urn:x:p> "{i}" .\n' for i in range(300)).encode(), format="ntriples"
    )
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a <urn:x:p> ?x . ?b <urn:x:p> ?y . ?c <urn:x:p> ?z };"
    session = Session(kb)
    session.refresh_names()
    out_io, err_io = io.StringIO(), io.StringIO()
    with create_pipe_input() as pipe:
        prompt = prompt_session(
            session, input=pipe, output=DummyOutput(), history=InMemoryHistory()
        )

        def feed() -> None:
            pipe.send_text("SELECT * WHERE { half typed")
            pipe.send_text(CTRL_C)
            time.sleep(0.3)
            pipe.send_text(slow + ENTER)
            time.sleep(1.0)  # the query is running on its worker thread
            os.kill(os.getpid(), signal.SIGINT)  # what a terminal sends for Ctrl-C
            time.sleep(0.3)
            pipe.send_text("ASK { ?s ?p ?o };" + ENTER)
            time.sleep(0.3)
            pipe.send_text(CTRL_D)

        feeder = threading.Thread(target=feed, daemon=True)
        started = time.monotonic()
        feeder.start()
        code = interact(session, prompt, out_io, err_io)
        took = time.monotonic() - started
        feeder.join()
    assert code == 0
    assert err_io.getvalue() == "cancelled\n"
    assert "27000000" not in out_io.getvalue() and "yes" in out_io.getvalue()
    assert took < 4.5  # it did not wait for the count (about 6 s on this machine)


# -- non-interactive use ------------------------------------------------------------------------


def test_script_runs_statements_in_order_and_stops_at_the_first_error(kb: KnowledgeBase) -> None:
    out, err = io.StringIO(), io.StringIO()
    script = "\\timing off\nASK { ?s ?p ?o };\nSELECT nonsense;\nASK {};\n"
    assert run_script(Session(kb), script, out, err) == 2
    assert out.getvalue() == "yes\n"
    assert err.getvalue() == (
        "(timing off)\n"  # notes go to stderr, stdout keeps the data
        "kb: error: SPARQL query syntax error at line 1, column 16: expected DISTINCT\n"
    )


def test_evaluate_returns_results_and_prints_nothing(kb: KnowledgeBase, capsys) -> None:
    session = Session(kb)
    results = evaluate(
        session, "SELECT ?n WHERE { ?s schema:name ?n } ORDER BY ?n LIMIT 2;\n\\format csv"
    )
    assert len(results) == 2 and results[0].answer is not None and len(results[0].answer) == 2
    assert session.settings.format == "csv"
    assert capsys.readouterr() == ("", "")


def kb_exe() -> str:
    return str(Path(sys.executable).with_name("kb"))


@pytest.fixture
def disk_store(tmp_path: Path, kb: KnowledgeBase) -> str:
    data = tmp_path / "data.trig"
    data.write_text(SHARED + f"<{DOC}> {{ {DOCUMENT} }}")
    store = str(tmp_path / "store")
    subprocess.run([kb_exe(), "load", str(data), "--store", store], check=True, capture_output=True)
    return store


def test_piped_stdin_and_dash_f_exit_codes(disk_store: str, tmp_path: Path) -> None:
    ok = subprocess.run(
        [kb_exe(), "shell", "--store", disk_store],
        input="\\timing off\nSELECT ?n WHERE { ?s a schema:City ; schema:name ?n };\n",
        capture_output=True, text=True,
    )  # fmt: skip
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout == "n\n--------\nHartford\n(1 row)\n"
    bad = tmp_path / "bad.kbsql"
    bad.write_text("ASK {};\n\\nosuch\nASK {};\n")
    failed = subprocess.run(
        [kb_exe(), "shell", "--store", disk_store, "-f", str(bad)], capture_output=True, text=True
    )
    assert failed.returncode == 2
    assert failed.stdout.count("yes") == 1
    assert failed.stderr == "kb: error: unknown command \\nosuch; \\help lists the commands\n"


def test_the_shell_sees_new_data_without_a_restart_and_never_blocks_writers(
    disk_store: str, tmp_path: Path
) -> None:
    session = Session(KnowledgeBase.open(disk_store))
    assert evaluate(session, 'ASK { ?s schema:name "Newcomer" };')[0].answer.boolean is False
    extra = tmp_path / "extra.ttl"
    extra.write_text(
        '<https://w3id.org/civic-kb/id/person/new> <https://schema.org/name> "Newcomer" .\n'
    )
    loaded = subprocess.run(
        [kb_exe(), "load", str(extra), "--store", disk_store],
        capture_output=True, text=True, env={**os.environ, "KB_LOCK_TIMEOUT": "2"},
    )  # fmt: skip
    assert loaded.returncode == 0, loaded.stderr  # the open shell held no lock
    assert evaluate(session, 'ASK { ?s schema:name "Newcomer" };')[0].answer.boolean is True
    assert session.refresh_names().label("https://w3id.org/civic-kb/id/person/new") == "Newcomer"


# -- the executable in a terminal ---------------------------------------------------------------


@pytest.mark.timeout(120)
def test_kb_shell_in_a_pseudo_terminal(disk_store: str, tmp_path: Path) -> None:
    import pexpect

    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "TERM": "xterm", "PAGER": "cat"}
    started = time.monotonic()
    child = pexpect.spawn(
        kb_exe(), ["shell", "--store", disk_store], env=env, encoding="utf-8", timeout=20,
        dimensions=(40, 120),
    )  # fmt: skip
    try:
        child.expect_exact("kb>")
        startup = time.monotonic() - started
        child.send("SELECT ?name WHERE { ?s a schema:City ; schema:name ?name };\r")
        child.expect(r"name\s*\r\n-+\r\nHartford\s*\r\n\(1 row, \d+ ms\)")
        child.send("\\q\r")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    assert startup < 2.0  # generous for a loaded CI machine; bench figure in the report
    assert (tmp_path / "data" / "kb" / "shell-history").read_text().count("SELECT ?name") == 1


def test_facade_commands_describe_ask_and_export(kb: KnowledgeBase, tmp_path: Path) -> None:
    session = Session(kb)
    session.refresh_names()
    described = "".join(session.render(r) for r in evaluate(session, '\\describe "Sessions"'))
    assert described.startswith(f"Jeff Sessions <{SESSIONS}>\n")
    assert "Attorney General Jeff Sessions threatened on Monday" in described
    listed = "".join(session.render(r) for r in evaluate(session, "\\ask"))
    assert "said" in listed and "threats" in listed
    # a value without a name fills the question's first free parameter (here the speaker)
    said = "".join(session.render(r) for r in evaluate(session, '\\ask said "Luke Bronin"'))
    assert "We comply with the law." in said and "(1 row, " in said
    target = tmp_path / "around.gexf"
    (result,) = evaluate(session, f'\\export {target} --around "Jeff Sessions" --hops 1')
    assert result.status.startswith(f"wrote {target}: ") and target.is_file()
    with pytest.raises(KBError, match=r"\\export takes one output file"):
        evaluate(session, "\\export")
