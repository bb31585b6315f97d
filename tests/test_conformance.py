"""W3C SPARQL 1.1 query-evaluation suites, run through the real `kb query` command.

The floor is the embedded engine's own score (pyoxigraph 0.5.13: 203 of 232, strict
comparison): `kb` must not lose a single test on its way from the command line to Oxigraph.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import SHARED

RUNNER = SHARED / "conformance" / "run_sparql11.py"
ENGINE_FLOOR = 203  # pyoxigraph 0.5.13 in-process, ../shared/conformance/RESULTS.md
TEMPLATE = (
    "cmd:kb query --data {dataset} --base {base} --default-graph standard "
    "--format {format} -f {query}"
)


def test_sparql11_query_evaluation_through_kb_query() -> None:
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    proc = subprocess.run(
        [sys.executable, str(RUNNER), "--engine", TEMPLATE],
        capture_output=True,
        text=True,
        env=env,
        timeout=1200,
    )
    last = proc.stdout.strip().splitlines()[-1]
    m = re.fullmatch(r"(\d+) passed, (\d+) failed", last)
    assert m, proc.stdout[-3000:] + proc.stderr[-3000:]
    passed, failed = int(m.group(1)), int(m.group(2))
    assert passed + failed == 232
    assert passed >= ENGINE_FLOOR, proc.stdout[-5000:]
