"""The W3C SPARQL 1.1 query-evaluation tests through a Virtuoso server, with the runner of
../shared/conformance/run_sparql11.py: for each test, empty the kb dataset on the server,
load the test's dataset (default graph and named graphs), run the query with the standard
dataset (no union default graph) through the same facade call and renderer as
`kb query --default-graph standard`, and compare as the runner's command engine does. It
runs in this process (one client for all 232 tests instead of one `kb` start-up each).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from kb.api import KnowledgeBase
from kb.formats import render

RUNNER = Path(__file__).resolve().parents[2] / "shared" / "conformance" / "run_sparql11.py"


def _runner():  # noqa: ANN202 - the runner module, loaded from its file
    spec = importlib.util.spec_from_file_location("run_sparql11", RUNNER)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules[spec.name] = module  # type: ignore[union-attr] - its dataclasses look it up
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def answer(kb: KnowledgeBase, dataset: Path, base: str, fmt: str, query: Path) -> str:
    """What `kb query` would print for the test, run on a server emptied first."""
    store = kb.store
    store.replace_graphs({}, drop=[*store.graphs(), *filter(None, [store.dialect.default_graph])])
    kb.load([dataset])
    result = kb.query(query.read_text(encoding="utf-8"), union=False, base_iri=base)
    return render(result, fmt, kb.prefixes).decode("utf-8")


def run_suites(endpoint: str) -> tuple[int, int, list[str]]:
    """(passed, failed, one line per failure) over the runner's default suites."""
    runner = _runner()
    kb = KnowledgeBase.open(endpoint)

    class Engine(runner.CmdEngine):
        def run(self, test):  # noqa: ANN001, ANN202 - the runner's Test and result types
            graph_form = runner.query_form(test.query.read_text(encoding="utf-8")) in (
                "CONSTRUCT", "DESCRIBE")
            fmt = "csv" if test.ttype == "CSV" else "ntriples" if graph_form else "json"
            _, dataset = self._files(test)
            text = answer(kb, dataset, test.query.as_uri(), fmt, test.query)
            if fmt == "csv":
                return runner.parse_csv_table(text)
            if graph_form:
                return runner.GraphResult(runner.parse_rdf_text(text))
            return runner.parse_srj(text)

    engine = Engine("", 30.0)
    passed, failures = 0, []
    for suite in runner.DEFAULT_SUITES:
        for test in runner.read_manifest(runner.DEFAULT_ROOT / suite, suite):
            if test.ttype != "QEval":
                continue
            outcome = runner.evaluate("cmd", engine, test, 30.0, False)
            if outcome.status == "PASS":
                passed += 1
            else:
                failures.append(f"{outcome.status} {suite}/{test.short}: "
                                f"{(outcome.message or '').splitlines()[:1]}")
    return passed, len(failures), failures


if __name__ == "__main__":
    ok, failed, lines = run_suites(sys.argv[1])
    print("\n".join(lines))
    print(f"{ok} passed, {failed} failed")
