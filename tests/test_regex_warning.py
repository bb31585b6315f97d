"""An invalid constant regular expression answers no rows; kb says so on stderr and still runs
the query (issue 12, item 6), through the CLI, the shell and the library function."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kb.regexcheck import invalid_regexes

KB_EXE = str(Path(sys.executable).with_name("kb"))
BAD = 'SELECT ?x WHERE { ?s ?p ?x FILTER(regex(?x, "(")) }'
GOOD = 'SELECT ?x WHERE { ?s ?p ?x FILTER(regex(?x, "x\\\\(")) }'


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "d.nt"
    path.write_text('<http://example.org/a> <http://example.org/p> "x(y" .\n')
    return path


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([KB_EXE, *args], input=stdin, capture_output=True, text=True,
                          timeout=60)


def test_cli_warns_and_still_runs_the_query(data: Path) -> None:
    r = run("query", "--data", str(data), "--format", "csv", BAD)
    assert r.returncode == 0
    assert r.stdout.splitlines() == ["x"]  # the query ran: header, no rows
    assert r.stderr.count("\n") == 1  # one line
    assert '"(" is not a valid regular expression' in r.stderr and "line 1" in r.stderr


def test_cli_is_quiet_about_a_valid_pattern(data: Path) -> None:
    r = run("query", "--data", str(data), "--format", "csv", GOOD)
    assert r.returncode == 0
    assert r.stdout.splitlines() == ["x", "x(y"]
    assert r.stderr == ""


def test_shell_warns_and_goes_on(data: Path, tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    subprocess.run([KB_EXE, "load", str(data), "--store", store], check=True,
                   capture_output=True)
    r = run("shell", "--store", store, stdin=f"{BAD};\n{GOOD};\n")
    assert r.returncode == 0, r.stderr
    assert r.stderr.count("not a valid regular expression") == 1
    assert "(0 rows" in r.stdout and "(1 row" in r.stdout  # both statements ran


@pytest.mark.parametrize(("query", "bad"), [
    ('FILTER(regex(?x, "a(b"))', ['"a(b"']),
    ('FILTER(REGEX(str(?x), "[", "i"))', ['"["']),
    ('FILTER(regex(?x, "a", "z"))', ['"a"']),  # an unknown flag
    ("BIND(replace(?x, '(', 'b') AS ?y)", ["'('"]),
    ('FILTER(regex(?x, "\\\\p{L}+", "i"))', []),  # XPath classes are valid
    ('FILTER(regex(?x, ?pattern))', []),  # known only per row
    ('FILTER(regex(?x, "ok, (fine)")) # regex(?x, "(")', []),  # comments do not count
    ('FILTER(regex(?x, "(") || regex(?x, "fine") || regex(?x, "["))', ['"("', '"["']),
])
def test_only_constant_invalid_patterns_are_reported(query: str, bad: list[str]) -> None:
    found = invalid_regexes(f"SELECT * WHERE {{ ?s ?p ?x {query} }}")
    assert [b.pattern for b in found] == bad
